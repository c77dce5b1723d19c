public import Foundation

/// What generated operation methods call: request building, security, sending, decoding.
/// Not for direct use; its shape may change with the generator.
@_spi(Generated) public struct ClientCore: Sendable {
    public let configuration: ClientConfiguration
    public let transport: any ClientTransport

    public init(configuration: ClientConfiguration, transport: any ClientTransport) {
        self.configuration = configuration
        self.transport = transport
    }

    /// A request for `path` (already percent-encoded, starting with `/`) under the server URL,
    /// with the query items that have values, form-encoded (RFC 3986 unreserved characters kept).
    public func makeRequest(method: HTTPRequest.Method, path: String, query: [(name: String, value: String?)] = []) -> HTTPRequest {
        let url = configuration.serverURL
        var basePath = url.path(percentEncoded: true)
        while basePath.hasSuffix("/") { basePath.removeLast() }
        var fullPath = basePath + path
        let pairs = query.compactMap { item in item.value.map { URIEncoding.component(item.name) + "=" + URIEncoding.component($0) } }
        if !pairs.isEmpty { fullPath += "?" + pairs.joined(separator: "&") }
        var authority = url.host(percentEncoded: true) ?? ""
        if let port = url.port { authority += ":\(port)" }
        return HTTPRequest(method: method, scheme: url.scheme ?? "https", authority: authority, path: fullPath)
    }

    /// Applies the first alternative of the operation's security requirements (OpenAPI: a list of
    /// alternatives, each a set of schemes that all apply) whose credentials are all present.
    /// - Throws: `MissingCredentialsError` when none can be met and security is not optional.
    public func applySecurity(to request: inout HTTPRequest, alternatives: [[SecurityCredential]], operationID: String) throws {
        if alternatives.isEmpty { return }
        for alternative in alternatives where alternative.allSatisfy(\.isPresent) {
            for credential in alternative { credential.apply(to: &request) }
            return
        }
        throw MissingCredentialsError(operationID: operationID, method: request.method, path: pathWithoutQuery(request), schemes: alternatives.map { $0.map(\.schemeName).joined(separator: " + ") })
    }

    /// Sets a header parameter; a nil value leaves the header out.
    /// - Throws: `InvalidHeaderValueError` when the value holds CR, LF or NUL (RFC 9110 §5.5),
    ///   before anything is sent (HTTPTypes would otherwise replace them with spaces).
    public func setHeader(_ name: String, _ value: String?, in request: inout HTTPRequest, operationID: String) throws {
        guard let value, let field = HTTPField.Name(name) else { return }
        try InvalidHeaderValueError.check(value, name: name, operationID: operationID)
        request.headerFields[field] = value
    }

    /// Adds a cookie parameter (`Cookie: name=value`, RFC 6265 §4.2); a nil value adds nothing.
    public func addCookie(_ name: String, _ value: String?, in request: inout HTTPRequest) {
        guard let value else { return }
        SecurityCredential.cookie(scheme: "", name: name, value: value).apply(to: &request)
    }

    /// Violations of `schema` by a value as it will be sent; `pointer` names it in the errors
    /// (`/body/...` style pointers are the body's own; parameters use `/<name>`).
    public func violations<T: Encodable>(of value: T?, schema: ValidationSchema, pointer: String = "") -> [ValidationError] {
        guard let value else { return [] }
        // Checked while it encodes first; the JSON tree only when that does not decide (`FastValidation`).
        if FastValidation.accepts(value, schema: schema, direction: RequestEncoding.direction, encoding: RequestEncoding.direction) { return [] }
        return schema.validate(RequestEncoding.jsonValue(value), direction: RequestEncoding.direction).map { error in
            var error = error
            error.pointer = pointer + error.pointer
            return error
        }
    }

    /// Throws `ValidationErrors` naming the operation and `request`'s method and path when
    /// `violations` is not empty (nothing has been sent yet).
    public func throwIfInvalid(_ violations: [ValidationError], request: HTTPRequest, operationID: String) throws(ValidationErrors) {
        if !violations.isEmpty {
            throw ValidationErrors(violations, operationID: operationID, method: request.method, path: pathWithoutQuery(request))
        }
    }

    /// When response validation is on, checks a success body against `schema`. Date-times are
    /// checked as the decoder reads them (date-only and offset-less values pass) unless
    /// `ClientConfiguration.strictResponseDateTimes` asks for RFC 3339.
    /// - Throws: `ResponseValidationError`.
    public func validateResponse(_ body: Data, schema: ValidationSchema, request: HTTPRequest, response: HTTPResponse, operationID: String) throws {
        guard configuration.validatesResponses else { return }
        do {
            try schema.validate(json: Array(body), dateTimes: configuration.strictResponseDateTimes ? .rfc3339 : .asDecoded, direction: .response)
        } catch {
            throw ResponseValidationError(operationID: operationID, method: request.method, path: pathWithoutQuery(request), response: response, body: body, errors: error)
        }
    }

    /// A JSON request body (`RequestEncoding`).
    public func encodeJSON<T: Encodable>(_ value: T) throws -> Data {
        try RequestEncoding.encode(value, as: .json).data
    }

    /// Decodes a response body.
    /// - Throws: `ResponseDecodingError` carrying the request's method and path and the response
    ///   when the body does not match.
    public func decodeJSON<T: Decodable>(_ type: T.Type, from data: Data, request: HTTPRequest, response: HTTPResponse, operationID: String) throws -> T {
        do {
            return try JSONCoding.decoder(timeZone: configuration.timeZone).decode(type, from: data)
        } catch {
            throw ResponseDecodingError(operationID: operationID, method: request.method, path: pathWithoutQuery(request), response: response, body: data,
                                        expectedType: String(describing: T.self), underlyingError: error)
        }
    }

    /// The error for a non-success status; `declared` decodes the body when the spec gives a schema.
    public func apiError<T: Decodable & Sendable>(operationID: String, request: HTTPRequest, response: HTTPResponse, body: Data, declared: T.Type) -> APIError {
        let decoded = try? JSONCoding.decoder(timeZone: configuration.timeZone).decode(T.self, from: body)
        return APIError(operationID: operationID, method: request.method, path: pathWithoutQuery(request), response: response, body: body, decodedBody: decoded)
    }

    public func apiError(operationID: String, request: HTTPRequest, response: HTTPResponse, body: Data) -> APIError {
        APIError(operationID: operationID, method: request.method, path: pathWithoutQuery(request), response: response, body: body)
    }
}

/// One credential of a security requirement, as the generated client holds it.
@_spi(Generated) public enum SecurityCredential: Sendable {
    /// An API key in a header (OpenAPI `apiKey`, `in: header`).
    case header(scheme: String, name: String, value: String?)
    /// An API key in the query string (`in: query`).
    case query(scheme: String, name: String, value: String?)
    /// An API key in a cookie (`in: cookie`).
    case cookie(scheme: String, name: String, value: String?)
    /// HTTP `Authorization: Bearer <token>` (RFC 6750).
    case bearer(scheme: String, token: String?)
    /// HTTP `Authorization: Basic <base64(user:password)>` (RFC 7617).
    case basic(scheme: String, credentials: HTTPBasicCredentials?)

    var schemeName: String {
        switch self {
        case .header(let scheme, _, _), .query(let scheme, _, _), .cookie(let scheme, _, _), .bearer(let scheme, _), .basic(let scheme, _):
            return scheme
        }
    }

    var isPresent: Bool {
        switch self {
        case .header(_, _, let value), .query(_, _, let value), .cookie(_, _, let value): return value != nil
        case .bearer(_, let token): return token != nil
        case .basic(_, let credentials): return credentials != nil
        }
    }

    func apply(to request: inout HTTPRequest) {
        switch self {
        case .header(_, let name, let value?):
            if let field = HTTPField.Name(name) { request.headerFields[field] = value }
        case .query(_, let name, let value?):
            let separator = (request.path ?? "").contains("?") ? "&" : "?"
            request.path = (request.path ?? "") + separator + URIEncoding.component(name) + "=" + URIEncoding.component(value)
        case .cookie(_, let name, let value?):
            let pair = name + "=" + URIEncoding.component(value)
            if let existing = request.headerFields[.cookie] {
                request.headerFields[.cookie] = existing + "; " + pair
            } else {
                request.headerFields[.cookie] = pair
            }
        case .bearer(_, let token?):
            request.headerFields[.authorization] = "Bearer " + token
        case .basic(_, let credentials?):
            let pair = credentials.username + ":" + credentials.password
            request.headerFields[.authorization] = "Basic " + Data(pair.utf8).base64EncodedString()
        default:
            break
        }
    }
}

/// Percent-encoding for URI parts (RFC 3986 §2.1–2.3).
@_spi(Generated) public enum URIEncoding {
    /// Encodes every byte except unreserved characters (`A–Z a–z 0–9 - . _ ~`), so the result is
    /// one path segment or one query name/value: `a/b c` → `a%2Fb%20c`.
    public static func component(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = Array("0123456789ABCDEF".unicodeScalars)
                result.unicodeScalars.append("%")
                result.unicodeScalars.append(hex[Int(byte >> 4)])
                result.unicodeScalars.append(hex[Int(byte & 0x0F)])
            }
        }
        return result
    }

    /// A path segment: `component`, except that `.` and `..` (which RFC 3986 §5.2.4 would
    /// remove) are encoded too.
    public static func pathSegment(_ text: String) -> String {
        switch text {
        case ".": return "%2E"
        case "..": return "%2E%2E"
        default: return component(text)
        }
    }
}

/// User name and password for HTTP Basic authentication (RFC 7617).
public struct HTTPBasicCredentials: Hashable, Sendable {
    public var username: String
    public var password: String

    public init(username: String, password: String) {
        self.username = username
        self.password = password
    }
}
