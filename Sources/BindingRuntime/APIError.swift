public import Foundation

/// What every error thrown by a generated operation carries: the operation and the request's
/// method and path (percent-encoded, without the query, which may hold credentials).
///
/// `APIError`, `ResponseDecodingError`, `ResponseValidationError`, `UnexpectedContentTypeError`,
/// `MissingCredentialsError` and `TransportError` conform; `ValidationErrors` thrown by an operation has the same three values
/// as optionals (the type is also thrown by `Validatable.validate()`, outside any operation).
public protocol OperationError: Error, Sendable {
    /// The operation's `operationId` in the spec.
    var operationID: String { get }
    /// The request's method.
    var method: HTTPRequest.Method { get }
    /// The request's path as sent, percent-encoded, without the query.
    var path: String { get }
}

extension OperationError {
    /// `GetMeterV3 (GET /api/v3/meter/1)`, the prefix of each description.
    var operationSummary: String { "\(operationID) (\(method.rawValue) \(path))" }
}

/// Thrown when the server answers with a status the operation does not treat as success.
///
/// Carries the whole response: status, header fields and body bytes; when the spec declares a
/// schema for that status, `decodedBody` holds the decoded value (or nil if it did not decode).
public struct APIError: OperationError, CustomStringConvertible {
    /// The operation's `operationId`.
    public var operationID: String
    public var method: HTTPRequest.Method
    public var path: String
    public var response: HTTPResponse
    /// The raw response body.
    public var body: Data
    /// The body decoded with the schema the spec declares for this status, if any.
    public var decodedBody: (any Sendable)?

    public init(operationID: String, method: HTTPRequest.Method, path: String, response: HTTPResponse, body: Data, decodedBody: (any Sendable)? = nil) {
        self.operationID = operationID
        self.method = method
        self.path = path
        self.response = response
        self.body = body
        self.decodedBody = decodedBody
    }

    public var status: HTTPResponse.Status { response.status }
    public var headerFields: HTTPFields { response.headerFields }

    /// The decoded body as `T`, when the spec declared `T` for this status.
    public func decodedBody<T>(as type: T.Type) -> T? {
        decodedBody as? T
    }

    /// The operation, method, path and status, then up to 512 bytes of the body (an error body
    /// is the server's message, unlike a success body, which descriptions never show).
    public var description: String {
        let text = String(decoding: body.prefix(512), as: UTF8.self)
        return "\(operationSummary): HTTP \(status.code) \(status.reasonPhrase)" + (text.isEmpty ? "" : ": \(text)")
    }
}

/// Thrown when a response's status was expected but its body does not decode as the spec says.
///
/// The description says what was expected (the Swift type and, for a type mismatch, the JSON
/// type), where (the coding path), and what arrived (content type and length in bytes), and never
/// shows body content: `GetMeterV3 (GET /api/v3/meter/1): HTTP 200 body does not decode as Meter:
/// at meterInfo.meterId: expected Int32, found another type; received application/json, 48 bytes`.
public struct ResponseDecodingError: OperationError, CustomStringConvertible {
    public var operationID: String
    public var method: HTTPRequest.Method
    public var path: String
    public var response: HTTPResponse
    public var body: Data
    /// The Swift type the body was decoded as (`DataAccessReleaseState`).
    public var expectedType: String
    /// Where decoding stopped, as coding-path keys (`["releaseStatus", "dataAccessReleaseStatusId"]`,
    /// array indices as numbers); empty at the top level.
    public var codingPath: [String]
    /// What went wrong there, without body content: `not valid JSON`, `expected Int32, found another
    /// type`, `missing key "id"`, `null where a value is required`, `a value the type does not accept`.
    public var reason: String
    /// The decoder's error (typically `DecodingError`), kept for inspection; its own description may
    /// quote body content.
    public var underlyingError: any Error

    public init(operationID: String, method: HTTPRequest.Method, path: String, response: HTTPResponse, body: Data, expectedType: String, underlyingError: any Error) {
        self.operationID = operationID
        self.method = method
        self.path = path
        self.response = response
        self.body = body
        self.expectedType = expectedType
        self.underlyingError = underlyingError
        (self.codingPath, self.reason) = Self.explain(underlyingError)
    }

    /// The response's `Content-Type`, or nil when it had none.
    public var contentType: String? { response.headerFields[.contentType] }

    public var description: String {
        let location = codingPath.isEmpty ? "" : "at \(codingPath.joined(separator: ".")): "
        return "\(operationSummary): HTTP \(response.status.code) body does not decode as \(expectedType): \(location)\(reason); "
            + "received \(contentType ?? "no Content-Type"), \(body.count) bytes"
    }

    private static func explain(_ error: any Error) -> (path: [String], reason: String) {
        func keys(_ path: [any CodingKey]) -> [String] { path.map { $0.intValue.map(String.init) ?? $0.stringValue } }
        guard let error = error as? DecodingError else { return ([], "the decoder failed (\(type(of: error)))") }
        switch error {
        case .typeMismatch(let type, let context):
            return (keys(context.codingPath), "expected \(type), found another type")
        case .valueNotFound(let type, let context):
            return (keys(context.codingPath), "null or no value where \(type) is required")
        case .keyNotFound(let key, let context):
            return (keys(context.codingPath), "missing key \"\(key.stringValue)\"")
        case .dataCorrupted(let context):
            // The debug description may quote the value (`'yesterday' is not a date-time`): not shown.
            return (keys(context.codingPath), context.codingPath.isEmpty ? "not valid JSON" : "a value the type does not accept")
        @unknown default:
            return ([], "the decoder failed")
        }
    }
}

/// Thrown before sending when none of an operation's security requirements can be met with the
/// credentials the client holds.
public struct MissingCredentialsError: OperationError, CustomStringConvertible {
    public var operationID: String
    public var method: HTTPRequest.Method
    public var path: String
    /// The security schemes that would satisfy the operation, by name.
    public var schemes: [String]

    public init(operationID: String, method: HTTPRequest.Method, path: String, schemes: [String]) {
        self.operationID = operationID
        self.method = method
        self.path = path
        self.schemes = schemes
    }

    public var description: String {
        "\(operationSummary) needs credentials for: \(schemes.joined(separator: " or "))"
    }
}

/// Thrown when `ClientConfiguration.validatesResponses` is on and a success response body
/// violates the spec's schema.
public struct ResponseValidationError: OperationError, CustomStringConvertible {
    public var operationID: String
    public var method: HTTPRequest.Method
    public var path: String
    public var response: HTTPResponse
    public var body: Data
    public var errors: ValidationErrors

    public init(operationID: String, method: HTTPRequest.Method, path: String, response: HTTPResponse, body: Data, errors: ValidationErrors) {
        self.operationID = operationID
        self.method = method
        self.path = path
        self.response = response
        self.body = body
        self.errors = errors
    }

    public var description: String {
        "\(operationSummary): HTTP \(response.status.code) body violates the spec: \(errors)"
    }
}

/// Thrown when sending failed: the transport threw, the attempt timed out, the call was cancelled,
/// the response body exceeded the limit, or a middleware threw. The original error is `underlying`.
public struct TransportError: OperationError, CustomStringConvertible {
    /// What kind of failure, for deciding what to do (retry on `.connection`, for instance).
    public enum Kind: Hashable, Sendable {
        /// The connection could not be made or broke (refused, reset, lost, DNS, closed mid-response).
        case connection
        /// The attempt exceeded `ClientConfiguration.timeout` (or the HTTP stack's own timeout).
        case timedOut
        /// The calling task was cancelled; the transfer was stopped.
        case cancelled
        /// The response body exceeded `ClientConfiguration.maximumResponseBodySize`.
        case responseBodyTooLarge
        /// Anything else (TLS, a bad URL, a middleware's own error).
        case other
    }

    public var operationID: String
    public var method: HTTPRequest.Method
    public var path: String
    public var kind: Kind
    /// The type name of the middleware that threw, or nil when the transport (or the client's
    /// timeout or size limit) did.
    public var middleware: String?
    /// The error as thrown (`URLError`, `CancellationError`, `RequestTimeoutError`,
    /// `ResponseBodyTooLargeError`, a middleware's error...).
    public var underlying: any Error

    public init(operationID: String, method: HTTPRequest.Method, path: String, kind: Kind, middleware: String? = nil, underlying: any Error) {
        self.operationID = operationID
        self.method = method
        self.path = path
        self.kind = kind
        self.middleware = middleware
        self.underlying = underlying
    }

    /// Wraps `error` (kept as `underlying`), classifying it; an error that already is a
    /// `TransportError` is returned unchanged.
    init(operationID: String, request: HTTPRequest, wrapping error: any Error, middleware: String?) {
        if let error = error as? TransportError {
            self = error
            return
        }
        self.init(operationID: operationID, method: request.method, path: pathWithoutQuery(request), kind: Self.classify(error),
                  middleware: middleware, underlying: error)
    }

    /// The kind of a transport's error: `URLError` and POSIX codes, `CancellationError`,
    /// `RequestTimeoutError`, `ResponseBodyTooLargeError`, and any error conforming to
    /// `TransportErrorClassifying`.
    public static func classify(_ error: any Error) -> Kind {
        if let error = error as? any TransportErrorClassifying { return error.transportErrorKind }
        if error is CancellationError { return .cancelled }
        if error is RequestTimeoutError { return .timedOut }
        if error is ResponseBodyTooLargeError { return .responseBodyTooLarge }
        if let error = error as? URLError {
            switch error.code {
            case .cancelled: return .cancelled
            case .timedOut: return .timedOut
            case .networkConnectionLost, .cannotConnectToHost, .cannotFindHost, .dnsLookupFailed, .notConnectedToInternet:
                return .connection
            default: return .other
            }
        }
        if let error = error as? POSIXError {
            switch error.code {
            case .ECONNREFUSED, .ECONNRESET, .ECONNABORTED, .EPIPE, .ENETUNREACH, .EHOSTUNREACH, .ENOTCONN: return .connection
            case .ETIMEDOUT: return .timedOut
            default: return .other
            }
        }
        return .other
    }

    public var description: String {
        let source: String
        switch (middleware, kind) {
        case (let middleware?, _): source = "middleware \(middleware) failed"
        case (nil, .connection): source = "connection failed"
        case (nil, .timedOut): source = "timed out"
        case (nil, .cancelled): source = "cancelled"
        case (nil, .responseBodyTooLarge): source = "response body too large"
        case (nil, .other): source = "transport failed"
        }
        return "\(operationSummary): \(source): \(underlying)"
    }
}

/// An error a transport throws that knows its `TransportError.Kind` (so retries and callers can
/// tell a broken connection from anything else whatever the HTTP stack).
public protocol TransportErrorClassifying: Error {
    var transportErrorKind: TransportError.Kind { get }
}

/// Thrown (inside `TransportError`) when an attempt takes longer than `ClientConfiguration.timeout`.
public struct RequestTimeoutError: Error, Sendable, CustomStringConvertible {
    /// The limit that was exceeded.
    public var timeout: Duration

    public init(timeout: Duration) {
        self.timeout = timeout
    }

    public var description: String { "no complete response within \(timeout) (ClientConfiguration.timeout)" }
}

/// Thrown (inside `TransportError`) when a response body is larger than
/// `ClientConfiguration.maximumResponseBodySize`; the transport stops reading at that point.
public struct ResponseBodyTooLargeError: Error, Sendable, CustomStringConvertible {
    /// The limit, bytes.
    public var limit: Int
    /// Bytes received when the transport stopped, when it counted them.
    public var received: Int?
    /// The `Content-Length` the server declared, when that alone exceeded the limit.
    public var declaredLength: Int?

    public init(limit: Int, received: Int?, declaredLength: Int? = nil) {
        self.limit = limit
        self.received = received
        self.declaredLength = declaredLength
    }

    public var description: String {
        let what = declaredLength.map { "declares \($0) bytes" } ?? received.map { "exceeded it after \($0) bytes" } ?? "exceeded it"
        return "the response body is larger than the maximum of \(limit) bytes (ClientConfiguration.maximumResponseBodySize): it \(what)"
    }
}
