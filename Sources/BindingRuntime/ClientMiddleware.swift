public import Foundation

/// Intercepts every request a generated client sends and the response it gets back.
///
/// Mirrors swift-openapi-runtime's `ClientMiddleware` (`Interface/ClientTransport.swift`, 1.13.4):
/// an ordered chain around the transport, each middleware getting the request, its body, the
/// operation ID and a `next` closure that calls the rest of the chain. A middleware can change the
/// request or the response, call `next` more than once (retry), or not at all (short-circuit,
/// e.g. a cache). Two differences: the body is the whole request body as `Data` (nil for none), not
/// swift-openapi-runtime's streamed `HTTPBody`, and there is no `baseURL` argument, because the
/// request already carries the full scheme, authority and path (with the server URL's base path).
///
/// Middlewares run in the order of `ClientConfiguration.middlewares`: the first sees the request
/// first and the response last. The client then applies the per-attempt timeout and the response
/// size limit around the transport, inside the innermost middleware, so a retrying middleware gets
/// a fresh timeout per attempt.
///
/// Errors: `next` throws `TransportError` (the transport failed, timed out, was cancelled or the
/// response body was too large). Whatever a middleware throws reaches the caller as a
/// `TransportError` naming the operation, with the middleware's error as `underlying`.
///
///     struct UserAgent: ClientMiddleware {
///         func intercept(_ request: HTTPRequest, body: Data?, operationID: String,
///                        next: @Sendable (HTTPRequest, Data?) async throws -> (HTTPResponse, Data)) async throws -> (HTTPResponse, Data) {
///             var request = request
///             request.headerFields[.userAgent] = "my-app/1.0"
///             return try await next(request, body)
///         }
///     }
public protocol ClientMiddleware: Sendable {
    /// - Parameters:
    ///   - request: method, scheme, authority, path with query, header fields (credentials applied).
    ///   - body: the request body bytes, or nil for none.
    ///   - operationID: the spec's `operationId` of the operation being called.
    ///   - next: the rest of the chain (the next middleware, or the transport).
    /// - Returns: the response head and its whole body.
    func intercept(
        _ request: HTTPRequest,
        body: Data?,
        operationID: String,
        next: @Sendable (HTTPRequest, Data?) async throws -> (HTTPResponse, Data)
    ) async throws -> (HTTPResponse, Data)
}

/// The method and path an error refers to, as sent: `path` is percent-encoded and has no query
/// (a query may carry credentials, so errors never show it).
@_spi(Generated) public func pathWithoutQuery(_ request: HTTPRequest) -> String {
    let path = request.path ?? ""
    if let index = path.firstIndex(of: "?") { return String(path[..<index]) }
    return path
}

extension ClientCore {
    /// Sends `request` through `ClientConfiguration.middlewares` and the transport, applying the
    /// timeout and the response size limit to each transport call, then reports deprecation headers
    /// (`ECI-Deprecated`, `Deprecation`, `Sunset`) of the final response.
    /// - Throws: `TransportError` for every failure; a non-success status is not an error here.
    public func send(_ request: HTTPRequest, body: Data?, operationID: String) async throws -> (HTTPResponse, Data) {
        let transport = self.transport
        let context = TransportContext(operationID: operationID, maximumResponseBodySize: configuration.maximumResponseBodySize, timeout: configuration.timeout)
        let timeout = configuration.timeout
        return try await sendThroughMiddlewares(request, body: body, operationID: operationID) { request, body in
            try await withTimeout(timeout) { try await transport.send(request, body: body, context: context) }
        }
    }

    /// Runs `ClientConfiguration.middlewares` around `innermost` (the transport call), wrapping
    /// every error in `TransportError`, then reports deprecation headers of the final response.
    func sendThroughMiddlewares(_ request: HTTPRequest, body: Data?, operationID: String,
                                innermost: @escaping @Sendable (HTTPRequest, Data?) async throws -> (HTTPResponse, Data)) async throws -> (HTTPResponse, Data) {
        var next: @Sendable (HTTPRequest, Data?) async throws -> (HTTPResponse, Data) = { request, body in
            do {
                return try await innermost(request, body)
            } catch {
                throw TransportError(operationID: operationID, request: request, wrapping: error, middleware: nil)
            }
        }
        for middleware in configuration.middlewares.reversed() {
            let inner = next
            next = { request, body in
                do {
                    return try await middleware.intercept(request, body: body, operationID: operationID, next: inner)
                } catch let error as TransportError {
                    throw error
                } catch {
                    throw TransportError(operationID: operationID, request: request, wrapping: error, middleware: String(describing: type(of: middleware)))
                }
            }
        }
        let (response, responseBody) = try await next(request, body)
        reportDeprecation(of: response, request: request, operationID: operationID)
        return (response, responseBody)
    }
}

/// Runs `operation`, cancelling it and throwing `RequestTimeoutError` when it takes longer than
/// `timeout` (nil: no limit). The operation must honour cancellation for the transfer to stop.
func withTimeout<T: Sendable>(_ timeout: Duration?, _ operation: @escaping @Sendable () async throws -> T) async throws -> T {
    guard let timeout else { return try await operation() }
    return try await withThrowingTaskGroup(of: T.self) { group in
        group.addTask { try await operation() }
        group.addTask {
            try await Task.sleep(for: timeout)
            throw RequestTimeoutError(timeout: timeout)
        }
        defer { group.cancelAll() }
        guard let first = try await group.next() else { throw CancellationError() }
        return first
    }
}
