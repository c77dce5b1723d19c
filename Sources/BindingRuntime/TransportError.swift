import Foundation

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
