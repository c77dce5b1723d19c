#if OpenAPIRuntimeTransports
public import BindingRuntime
public import Foundation
public import OpenAPIRuntime

/// Runs a generated client over any swift-openapi-runtime `ClientTransport`
/// (swift-openapi-urlsession's `URLSessionTransport`, swift-openapi-async-http-client's
/// `AsyncHTTPClientTransport`, and the rest of that ecosystem):
///
///     import BindingRuntimeOpenAPI
///     import OpenAPIURLSession
///     let client = EnergyCAPClient(apiKey: key, transport: OpenAPITransport(OpenAPIURLSession.URLSessionTransport()))
///
/// The request goes out with `baseURL` = its scheme and authority and its whole path (the server
/// URL's base path included), the operation ID passed along. The response body is read chunk by
/// chunk and the read stops with `ResponseBodyTooLargeError` as soon as the `TransportContext`'s
/// limit is exceeded (or a known length exceeds it).
public struct OpenAPITransport: BindingRuntime.ClientTransport {
    public let transport: any OpenAPIRuntime.ClientTransport

    public init(_ transport: any OpenAPIRuntime.ClientTransport) {
        self.transport = transport
    }

    public func send(_ request: HTTPRequest, body: Data?) async throws -> (HTTPResponse, Data) {
        try await send(request, body: body, context: TransportContext())
    }

    public func send(_ request: HTTPRequest, body: Data?, context: TransportContext) async throws -> (HTTPResponse, Data) {
        guard let scheme = request.scheme, let authority = request.authority, let baseURL = URL(string: "\(scheme)://\(authority)") else {
            throw URLError(.badURL)
        }
        let (response, responseBody) = try await transport.send(request, body: body.map { HTTPBody($0) }, baseURL: baseURL, operationID: context.operationID)
        guard let responseBody else { return (response, Data()) }
        return (response, try await Self.collect(responseBody, limit: context.maximumResponseBodySize))
    }

    /// Streams: a `RequestBody.file` or `.stream` goes out as an `HTTPBody` read chunk by chunk
    /// (iteration `.multiple` for a file, `.single` for a stream), and the response `HTTPBody`
    /// comes back as a `ResponseBodyStream`.
    public func stream(_ request: HTTPRequest, body: RequestBody?, context: TransportContext) async throws -> (HTTPResponse, ResponseBodyStream) {
        guard let scheme = request.scheme, let authority = request.authority, let baseURL = URL(string: "\(scheme)://\(authority)") else {
            throw URLError(.badURL)
        }
        let (response, responseBody) = try await transport.send(request, body: body.map(Self.httpBody), baseURL: baseURL, operationID: context.operationID)
        guard let responseBody else { return (response, ResponseBodyStream(Data())) }
        var declared: Int?
        if case .known(let length) = responseBody.length { declared = Int(length) }
        if let limit = context.maximumResponseBodySize, let declared, declared > limit {
            throw ResponseBodyTooLargeError(limit: limit, received: nil, declaredLength: declared)
        }
        return (response, ResponseBodyStream(declaredLength: declared, responseBody))
    }

    static func httpBody(_ body: RequestBody) -> HTTPBody {
        if let data = body.bufferedData { return HTTPBody(data) }
        let length: HTTPBody.Length = body.length.map { .known(Int64($0)) } ?? .unknown
        return HTTPBody(body.chunks.map { ArraySlice($0) }, length: length, iterationBehavior: body.isReplayable ? .multiple : .single)
    }

    /// The whole body, or `ResponseBodyTooLargeError` once it exceeds `limit` bytes.
    static func collect(_ body: HTTPBody, limit: Int?) async throws -> Data {
        if let limit, case .known(let length) = body.length, length > Int64(limit) {
            throw ResponseBodyTooLargeError(limit: limit, received: nil, declaredLength: Int(length))
        }
        var data = Data()
        for try await chunk in body {
            data.append(contentsOf: chunk)
            if let limit, data.count > limit { throw ResponseBodyTooLargeError(limit: limit, received: data.count) }
        }
        return data
    }
}

/// Runs a swift-openapi-runtime `ClientMiddleware` in a generated client's chain
/// (`ClientConfiguration.middlewares`), so existing middlewares (auth, tracing, metrics) plug in
/// unchanged. The middleware gets `baseURL` = the request's scheme and authority; bodies are
/// passed as `HTTPBody` and collected back into `Data` (any size: the client's limit applies at
/// the transport).
public struct OpenAPIMiddleware: BindingRuntime.ClientMiddleware {
    public let middleware: any OpenAPIRuntime.ClientMiddleware

    public init(_ middleware: any OpenAPIRuntime.ClientMiddleware) {
        self.middleware = middleware
    }

    public func intercept(_ request: HTTPRequest, body: Data?, operationID: String,
                          next: @Sendable (HTTPRequest, Data?) async throws -> (HTTPResponse, Data)) async throws -> (HTTPResponse, Data) {
        guard let scheme = request.scheme, let authority = request.authority, let baseURL = URL(string: "\(scheme)://\(authority)") else {
            throw URLError(.badURL)
        }
        let (response, responseBody) = try await middleware.intercept(request, body: body.map { HTTPBody($0) }, baseURL: baseURL, operationID: operationID) {
            request, body, url in
            var request = request
            // A middleware that changed the base URL moves the request there.
            if let host = url.host(percentEncoded: true) {
                request.scheme = url.scheme ?? request.scheme
                request.authority = host + (url.port.map { ":\($0)" } ?? "")
            }
            var data: Data?
            if let body { data = try await OpenAPITransport.collect(body, limit: nil) }
            let (response, responseData) = try await next(request, data)
            return (response, HTTPBody(responseData))
        }
        guard let responseBody else { return (response, Data()) }
        return (response, try await OpenAPITransport.collect(responseBody, limit: nil))
    }
}
#endif
