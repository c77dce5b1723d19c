public import Foundation

/// Whether the body of the request being sent may be sent again; `RetryMiddleware` reads it.
/// Set by `ClientCore` around the middleware chain of a `RequestBody` send.
enum RequestBodyReplay {
    @TaskLocal static var isReplayable = true
}

extension ClientCore {
    /// Sends a body that may be a file or a stream, buffering the response (within
    /// `maximumResponseBodySize`). What middlewares see: a `.data` body as its bytes; a `.file` or
    /// `.stream` body as nil, the original body going out when they pass nil on (see `RequestBody`).
    /// - Throws: `TransportError` for every failure (`RequestBodyConsumedError` as its
    ///   `underlying` when a one-shot stream is sent twice).
    /// Disfavored, so `send(request, body: nil, ...)` keeps meaning the `Data?` overload.
    @_disfavoredOverload
    public func send(_ request: HTTPRequest, body: RequestBody?, operationID: String) async throws -> (HTTPResponse, Data) {
        if body == nil || body?.bufferedData != nil { return try await send(request, body: body?.bufferedData, operationID: operationID) }
        let transport = self.transport
        let context = TransportContext(operationID: operationID, maximumResponseBodySize: configuration.maximumResponseBodySize, timeout: configuration.timeout)
        let timeout = configuration.timeout
        let limit = configuration.maximumResponseBodySize
        return try await RequestBodyReplay.$isReplayable.withValue(body?.isReplayable ?? true) {
            try await sendThroughMiddlewares(request, body: nil, operationID: operationID) { request, data in
                let outgoing = try Self.outgoing(data, original: body)
                return try await withTimeout(timeout) {
                    let (response, stream) = try await transport.stream(request, body: outgoing, context: context)
                    return (response, try await stream.collect(upTo: limit))
                }
            }
        }
    }

    /// Sends the request and returns the response body as a stream, read as it arrives (for
    /// binary downloads). Middlewares see an empty response body: the stream is returned unless a
    /// middleware returns a non-empty body of its own (a cache, a short-circuit), which then
    /// becomes a one-chunk stream. `ClientConfiguration.timeout` bounds the wait for the response
    /// head; `maximumResponseBodySize` applies while the stream is read.
    /// - Throws: `TransportError` for failures before the head arrives; reading the stream throws
    ///   the transport's errors and `ResponseBodyTooLargeError`.
    public func stream(_ request: HTTPRequest, body: RequestBody?, operationID: String) async throws -> (HTTPResponse, ResponseBodyStream) {
        let transport = self.transport
        let context = TransportContext(operationID: operationID, maximumResponseBodySize: configuration.maximumResponseBodySize, timeout: configuration.timeout)
        let timeout = configuration.timeout
        let slot = StreamSlot()
        let (response, data) = try await RequestBodyReplay.$isReplayable.withValue(body?.isReplayable ?? true) {
            try await sendThroughMiddlewares(request, body: body?.bufferedData, operationID: operationID) { request, data in
                let outgoing = try Self.outgoing(data, original: body)
                let (response, stream) = try await withTimeout(timeout) { try await transport.stream(request, body: outgoing, context: context) }
                slot.set(stream)
                return (response, Data())
            }
        }
        if data.isEmpty, let stream = slot.stream {
            return (response, stream.limited(to: configuration.maximumResponseBodySize))
        }
        return (response, ResponseBodyStream(data))
    }

    /// A streamed response body read whole, within `maximumResponseBodySize`: what a `…Stream(…)`
    /// method does with the body of an error status (for `APIError`) or of an undeclared content type.
    /// - Throws: `TransportError` naming the operation when reading fails or the body is over the
    ///   limit (`underlying` is then `ResponseBodyTooLargeError`).
    public func collect(_ stream: ResponseBodyStream, request: HTTPRequest, operationID: String) async throws -> Data {
        do {
            return try await stream.collect(upTo: configuration.maximumResponseBodySize)
        } catch {
            throw TransportError(operationID: operationID, request: request, wrapping: error, middleware: nil)
        }
    }

    /// The body to send: the middleware's bytes when it passed some, else the original body.
    private static func outgoing(_ data: Data?, original: RequestBody?) throws -> RequestBody? {
        if let data { return .data(data) }
        guard let original else { return nil }
        if case .stream(let chunks, _) = original.storage, chunks.isConsumed { throw RequestBodyConsumedError() }
        return original
    }
}

/// The last attempt's response stream.
private final class StreamSlot: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: ResponseBodyStream?
    var stream: ResponseBodyStream? { lock.withLock { stored } }
    func set(_ stream: ResponseBodyStream) { lock.withLock { stored = stream } }
}
