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
    public var operations: [PathOperation]
    /// Parameters shared by every operation of the path.
    public var parameters: [Referenceable<Parameter>]
    public var servers: [Server]
    public var mark: Mark
    public var pointer: JSONPointer

    /// Equality is synthesized over every field; the hash is the path item's pointer, which
    /// equal path items share.
    public func hash(into hasher: inout Hasher) { hasher.combine(pointer) }
}

/// One operation of a Path Item with the method it is under (`get`).
public struct PathOperation: Hashable, Sendable {
    public var method: HTTPMethod
    public var operation: Operation

    public init(method: HTTPMethod, operation: Operation) {
        self.method = method
        self.operation = operation
    }
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

    /// Equality is synthesized over every field; the hash is the name and location, which
    /// identify a parameter (OpenAPI 3.1.1 §4.8.12) and which equal parameters share.
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
    /// The part headers it declares (multipart), in document order; a `Content-Type` entry is
    /// left out ("Content-Type is described separately and SHALL be ignored in this section").
    public var headers: [NamedHeader]
    public var style: String?
    public var explode: Bool?
    public var allowReserved: Bool

    public init(contentType: String? = nil, headers: [NamedHeader] = [], style: String? = nil, explode: Bool? = nil, allowReserved: Bool = false) {
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
    public var headers: [NamedHeader]
    public var content: [MediaType]
    public var mark: Mark
    public var pointer: JSONPointer

    /// Equality is synthesized over every field; the hash is the response's pointer, which
    /// equal responses share.
    public func hash(into hasher: inout Hasher) { hasher.combine(pointer) }
}

/// A `headers` entry of a Response Object: the header's name as written and its Header Object.
public struct NamedHeader: Hashable, Sendable {
    public var name: String
    public var header: Referenceable<Header>

    public init(name: String, header: Referenceable<Header>) {
        self.name = name
        self.header = header
    }
}

/// A Header Object.
public struct Header: Hashable, Sendable {
    public var description: String?
    public var required: Bool
    public var schema: Schema?
    public var mark: Mark
}
