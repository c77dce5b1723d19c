import YAMLParsing

/// HTTP methods a Path Item can hold, in the order OpenAPI lists them; the raw value is the
/// Path Item's key (`get`).
public enum HTTPMethod: String, Hashable, Sendable, CaseIterable {
    case get, put, post, delete, options, head, patch, trace

    /// The method as sent and as messages and documentation write it (`GET`; RFC 9110 §9.1:
    /// the standard methods are upper case).
    public var token: String { rawValue.uppercased() }
}

/// A Path Item Object.
public struct PathItem: Hashable, Sendable {
    public var reference: Reference?
    public var summary: String?
    public var description: String?
    public var operations: [(method: HTTPMethod, operation: Operation)]
    /// Parameters shared by every operation of the path.
    public var parameters: [Referenceable<Parameter>]
    public var servers: [Server]
    public var mark: Mark
    public var pointer: JSONPointer

    public static func == (lhs: PathItem, rhs: PathItem) -> Bool {
        lhs.pointer == rhs.pointer && lhs.operations.elementsEqual(rhs.operations, by: { $0.method == $1.method && $0.operation == $1.operation })
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(pointer) }
}

/// An Operation Object.
public struct Operation: Hashable, Sendable {
    public var operationID: String?
    public var summary: String?
    public var description: String?
    public var tags: [String]
    public var parameters: [Referenceable<Parameter>]
    public var requestBody: Referenceable<RequestBody>?
    /// Status code (`200`, `4XX`, `default`) → response, in document order.
    public var responses: [StatusResponse]
    /// Operation-level `security`; nil means "inherit the document's".
    public var security: [SecurityRequirement]?
    public var deprecated: Bool
    public var extensions: [SpecificationExtension]
    public var mark: Mark
    public var pointer: JSONPointer

    /// Equality is synthesized over every field; the hash is the operation's pointer, which
    /// equal operations share.
    public func hash(into hasher: inout Hasher) { hasher.combine(pointer) }
}

/// A `responses` entry: the status code as written (`200`, `4XX`, `default`) and its response.
public struct StatusResponse: Hashable, Sendable {
    public var status: String
    public var response: Referenceable<Response>

    public init(status: String, response: Referenceable<Response>) {
        self.status = status
        self.response = response
    }
}

public enum ParameterLocation: String, Hashable, Sendable {
    case path, query, header, cookie
}

/// A Parameter Object.
public struct Parameter: Hashable, Sendable {
    public var name: String
    public var location: ParameterLocation
    public var description: String?
    public var required: Bool
    public var deprecated: Bool
    public var style: String?
    public var explode: Bool?
    public var allowReserved: Bool
    public var schema: Schema?
    /// `content` instead of `schema` (one media type).
    public var content: [MediaType]
    public var extensions: [SpecificationExtension]
    public var mark: Mark
    public var pointer: JSONPointer

    public static func == (lhs: Parameter, rhs: Parameter) -> Bool {
        lhs.name == rhs.name && lhs.location == rhs.location && lhs.required == rhs.required
            && lhs.schema == rhs.schema && lhs.content == rhs.content && lhs.style == rhs.style
            && lhs.explode == rhs.explode && lhs.pointer == rhs.pointer
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(name); hasher.combine(location) }
}

/// A Media Type Object with its media type name (`application/json`).
public struct MediaType: Hashable, Sendable {
    public var name: String
    public var schema: Schema?
    public var mark: Mark
    /// The Encoding Object per property name (form and multipart bodies).
    public var encoding: [String: MediaEncoding] = [:]

    public init(name: String, schema: Schema?, mark: Mark, encoding: [String: MediaEncoding] = [:]) {
        self.name = name
        self.schema = schema
        self.mark = mark
        self.encoding = encoding
    }
}

/// An Encoding Object (OpenAPI 3.1.1 §4.8.15): how one property of a form or multipart body is sent.
public struct MediaEncoding: Hashable, Sendable {
    public var contentType: String?
    /// Names of the part headers it declares (multipart).
    public var headers: [String]
    public var style: String?
    public var explode: Bool?
    public var allowReserved: Bool

    public init(contentType: String? = nil, headers: [String] = [], style: String? = nil, explode: Bool? = nil, allowReserved: Bool = false) {
        self.contentType = contentType
        self.headers = headers
        self.style = style
        self.explode = explode
        self.allowReserved = allowReserved
    }
}

/// A Request Body Object.
public struct RequestBody: Hashable, Sendable {
    public var description: String?
    public var content: [MediaType]
    public var required: Bool
    public var mark: Mark
    public var pointer: JSONPointer
}

/// A Response Object.
public struct Response: Hashable, Sendable {
    public var description: String
    public var headers: [(name: String, header: Referenceable<Header>)]
    public var content: [MediaType]
    public var mark: Mark
    public var pointer: JSONPointer

    public static func == (lhs: Response, rhs: Response) -> Bool {
        lhs.pointer == rhs.pointer && lhs.description == rhs.description && lhs.content == rhs.content
            && lhs.headers.elementsEqual(rhs.headers, by: { $0.name == $1.name && $0.header == $1.header })
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(pointer) }
}

/// A Header Object.
public struct Header: Hashable, Sendable {
    public var description: String?
    public var required: Bool
    public var schema: Schema?
    public var mark: Mark
}
