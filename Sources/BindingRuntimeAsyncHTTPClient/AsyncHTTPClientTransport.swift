#if AsyncHTTPClientTransport
public import AsyncHTTPClient
public import BindingRuntime
public import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
#if canImport(Glibc)
import Glibc
#endif

/// A `ClientTransport` on AsyncHTTPClient (SwiftNIO), for server-side Swift:
///
///     import BindingRuntimeAsyncHTTPClient
///     let client = EnergyCAPClient(apiKey: key, transport: AsyncHTTPClientTransport())
///
/// Its own product (`BindingRuntimeAsyncHTTPClient`), so an app on the URLSession default
/// compiles no SwiftNIO.
///
/// - Timeout: the client's `ClientConfiguration.timeout` cancels the attempt; AsyncHTTPClient
///   also gets a deadline one second later, as a backstop.
/// - Cancellation: cancelling the calling task (or dropping a streamed response) cancels the
///   request and closes its connection.
/// - Size limit: a `Content-Length` over `maximumResponseBodySize` fails before the body is read;
///   otherwise the read stops with `ResponseBodyTooLargeError` as soon as the bytes exceed it.
/// - Streaming: a `RequestBody.file` or `.stream` is sent chunk by chunk as AsyncHTTPClient asks
///   for more (back-pressure), with `Content-Length` when the length is known, else chunked; the
///   response body arrives as AsyncHTTPClient reads it.
/// - Refused connections: AsyncHTTPClient retries establishing a connection until the request's
///   deadline by default, so with `HTTPClient.shared` a refused connection ends as `.timedOut`.
///   For `RetryMiddleware` to see `.connection` errors at once (and apply its own backoff), pass a
///   client whose `configuration.connectionPool.retryConnectionEstablishment` is false.
/// - Errors: AsyncHTTPClient's and SwiftNIO's errors are thrown as they are (`HTTPClientError`,
///   `NIOConnectionError`, `IOError`, `ChannelError`), classified for `TransportError.kind` and
///   retries (see `TransportErrorClassifying`).
public struct AsyncHTTPClientTransport: BindingRuntime.ClientTransport {
    /// The AsyncHTTPClient client requests go through; `HTTPClient.shared` by default. A client
    /// you pass is yours to shut down.
    public let client: HTTPClient

    public init(client: HTTPClient = .shared) {
        self.client = client
    }

    public func send(_ request: HTTPRequest, body: Data?) async throws -> (HTTPResponse, Data) {
        try await send(request, body: body, context: TransportContext())
    }

    public func send(_ request: HTTPRequest, body: Data?, context: TransportContext) async throws -> (HTTPResponse, Data) {
        let (response, stream) = try await stream(request, body: body.map { RequestBody.data($0) }, context: context)
        return (response, try await stream.collect(upTo: context.maximumResponseBodySize))
    }

    public func stream(_ request: HTTPRequest, body: RequestBody?, context: TransportContext) async throws -> (HTTPResponse, ResponseBodyStream) {
        let outgoing = try Self.clientRequest(request, body: body)
        // The client's own timer cancels the attempt at `context.timeout`; AsyncHTTPClient's
        // deadline, a second later, is a backstop.
        let deadline: NIODeadline = context.timeout.map { .now() + .nanoseconds(Self.nanoseconds($0 + .seconds(1))) } ?? .distantFuture
        let response = try await client.execute(outgoing, deadline: deadline)
        let declared = response.headers.first(name: "content-length").flatMap { Int($0) }
        if let limit = context.maximumResponseBodySize, let declared, declared > limit {
            throw ResponseBodyTooLargeError(limit: limit, received: nil, declaredLength: declared)
        }
        let head = try Self.response(response)
        let chunks = response.body.map { buffer in Data(buffer.readableBytesView) }
        return (head, ResponseBodyStream(declaredLength: declared, chunks))
    }

    /// The AsyncHTTPClient request for `request` and `body`.
    static func clientRequest(_ request: HTTPRequest, body: RequestBody?) throws -> HTTPClientRequest {
        guard let scheme = request.scheme, let authority = request.authority else { throw URLError(.badURL) }
        var outgoing = HTTPClientRequest(url: "\(scheme)://\(authority)\(request.path ?? "/")")
        outgoing.method = NIOHTTP1.HTTPMethod(rawValue: request.method.rawValue)
        for field in request.headerFields {
            outgoing.headers.add(name: field.name.rawName, value: field.value)
        }
        if let body {
            if let data = body.bufferedData {
                outgoing.body = .bytes(data)
            } else {
                let length: HTTPClientRequest.Body.Length = body.length.map { .known(Int64($0)) } ?? .unknown
                outgoing.body = .stream(body.chunks.map { ByteBuffer(bytes: $0) }, length: length)
            }
        }
        return outgoing
    }

    /// The head of `response` as swift-http-types' `HTTPResponse`.
    static func response(_ response: HTTPClientResponse) throws -> HTTPResponse {
        var fields = HTTPFields()
        for (name, value) in response.headers {
            if let name = HTTPField.Name(name) { fields.append(HTTPField(name: name, value: value)) }
        }
        return HTTPResponse(status: .init(code: Int(response.status.code), reasonPhrase: response.status.reasonPhrase), headerFields: fields)
    }

    static func nanoseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        let (product, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        return overflow ? .max : product.addingReportingOverflow(attoseconds / 1_000_000_000).partialValue
    }
}

// The kinds of AsyncHTTPClient's and SwiftNIO's errors, for `TransportError.kind` (and so for
// `RetryMiddleware`, which retries `.connection` and `.timedOut`).

extension HTTPClientError: TransportErrorClassifying {
    public var transportErrorKind: TransportError.Kind {
        switch self {
        case .cancelled, .requestStreamCancelled: return .cancelled
        case .deadlineExceeded, .readTimeout, .writeTimeout, .connectTimeout, .tlsHandshakeTimeout, .getConnectionFromPoolTimeout:
            return .timedOut
        case .remoteConnectionClosed: return .connection
        default: return .other
        }
    }
}

extension NIOConnectionError: TransportErrorClassifying {
    public var transportErrorKind: TransportError.Kind { .connection }
}

extension IOError: TransportErrorClassifying {
    public var transportErrorKind: TransportError.Kind {
        switch errnoCode {
        case ECONNREFUSED, ECONNRESET, ECONNABORTED, EPIPE, ENETUNREACH, EHOSTUNREACH, ENOTCONN: return .connection
        case ETIMEDOUT: return .timedOut
        default: return .other
        }
    }
}

extension ChannelError: TransportErrorClassifying {
    public var transportErrorKind: TransportError.Kind {
        switch self {
        case .connectTimeout: return .timedOut
        case .ioOnClosedChannel, .alreadyClosed, .outputClosed, .inputClosed, .eof: return .connection
        default: return .other
        }
    }
}
#endif
