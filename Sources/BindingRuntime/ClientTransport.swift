public import Foundation

/// Sends one HTTP request and returns the response with its whole body.
///
/// Generated clients call this once per attempt, after the middlewares
/// (`ClientConfiguration.middlewares`). Implement it to plug in another HTTP stack or to record
/// traffic in tests; for retries, logging or auth, write a `ClientMiddleware` instead.
///
/// Mirrors swift-openapi-runtime's `ClientTransport` (1.13.4) with buffered bodies: `Data` in and
/// out instead of `HTTPBody`, and a `TransportContext` (operation ID, size limit, timeout) in place
/// of `baseURL` and `operationID`.
public protocol ClientTransport: Sendable {
    /// - Parameters:
    ///   - request: method, scheme, authority, path with query, and header fields.
    ///   - body: the request body bytes, or nil for none.
    /// - Returns: the response head and body bytes.
    /// - Throws: whatever the underlying HTTP stack throws (connection, TLS, cancellation).
    func send(_ request: HTTPRequest, body: Data?) async throws -> (HTTPResponse, Data)

    /// Sends with the limits of `context`. A transport should stop reading, and throw
    /// `ResponseBodyTooLargeError`, as soon as the body exceeds `context.maximumResponseBodySize`,
    /// and stop the transfer when the calling task is cancelled (the client's timeout cancels it).
    ///
    /// The default implementation calls `send(_:body:)` and checks the size afterwards, so a
    /// transport that only implements `send(_:body:)` still gets the error, though not the memory bound.
    func send(_ request: HTTPRequest, body: Data?, context: TransportContext) async throws -> (HTTPResponse, Data)

    /// Sends a body that may be a file or a stream (`RequestBody`), and returns the response body
    /// as it arrives (`ResponseBodyStream`). Generated clients call it for binary (streamed)
    /// request bodies and streamed responses.
    ///
    /// A streaming transport reads `body.chunks` as it sends (so a file upload is never held in
    /// memory), stops the transfer when the calling task is cancelled or the returned stream is
    /// dropped, and may check `context.maximumResponseBodySize` against `Content-Length`; the
    /// client applies the limit to the returned stream too.
    ///
    /// The default implementation reads the whole body into memory (`RequestBody.collect()`),
    /// calls `send(_:body:context:)` and returns its body as one chunk: correct, but not bounded
    /// in memory. `URLSessionTransport`, `AsyncHTTPClientTransport` (BindingRuntimeAsyncHTTPClient)
    /// and `OpenAPITransport` (BindingRuntimeOpenAPI) stream.
    func stream(_ request: HTTPRequest, body: RequestBody?, context: TransportContext) async throws -> (HTTPResponse, ResponseBodyStream)
}

extension ClientTransport {
    public func stream(_ request: HTTPRequest, body: RequestBody?, context: TransportContext) async throws -> (HTTPResponse, ResponseBodyStream) {
        let data = try await body?.collect()
        let (response, responseData) = try await send(request, body: data, context: context)
        return (response, ResponseBodyStream(responseData))
    }
}

extension ClientTransport {
    public func send(_ request: HTTPRequest, body: Data?, context: TransportContext) async throws -> (HTTPResponse, Data) {
        let (response, data) = try await send(request, body: body)
        if let limit = context.maximumResponseBodySize, data.count > limit {
            throw ResponseBodyTooLargeError(limit: limit, received: data.count)
        }
        return (response, data)
    }
}

/// What the client tells a transport about one attempt.
public struct TransportContext: Sendable {
    /// The spec's `operationId` of the operation being called.
    public var operationID: String
    /// Bytes; nil for no limit. From `ClientConfiguration.maximumResponseBodySize`.
    public var maximumResponseBodySize: Int?
    /// The whole attempt's time limit, from `ClientConfiguration.timeout`; the client enforces it
    /// by cancelling the call, a transport may also pass it to its HTTP stack.
    public var timeout: Duration?

    public init(operationID: String = "", maximumResponseBodySize: Int? = nil, timeout: Duration? = nil) {
        self.operationID = operationID
        self.maximumResponseBodySize = maximumResponseBodySize
        self.timeout = timeout
    }
}
