public import Foundation
#if canImport(FoundationNetworking)
public import FoundationNetworking
#endif
import HTTPTypesFoundation

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

/// A `ClientTransport` on Foundation's `URLSession` (FoundationNetworking on Linux).
///
/// Reads the response through a session delegate, so it stops, and throws
/// `ResponseBodyTooLargeError`, as soon as a `Content-Length` or the bytes received exceed the
/// limit, and cancels the `URLSessionTask` when the calling task is cancelled.
public struct URLSessionTransport: ClientTransport {
    private let owner: SessionOwner

    /// The session the transport created (its delegate is the transport's).
    public var session: URLSession { owner.session }

    /// - Parameter configuration: the session's configuration; `.default` by default. Its
    ///   `timeoutIntervalForRequest` is an idle timeout (seconds between bytes); the client's
    ///   `ClientConfiguration.timeout` bounds each whole attempt.
    public init(configuration: URLSessionConfiguration = .default) {
        self.owner = SessionOwner(configuration: configuration)
    }

    public func send(_ request: HTTPRequest, body: Data?) async throws -> (HTTPResponse, Data) {
        try await send(request, body: body, context: TransportContext())
    }

    public func send(_ request: HTTPRequest, body: Data?, context: TransportContext) async throws -> (HTTPResponse, Data) {
        // The client enforces `context.timeout` itself (by cancelling); the request keeps the
        // session's idle timeout.
        guard let urlRequest = URLRequest(httpRequest: request) else { throw URLError(.badURL) }
        let session = owner.session
        let task = body.map { session.uploadTask(with: urlRequest, from: $0) } ?? session.dataTask(with: urlRequest)
        return try await owner.delegate.run(task, limit: context.maximumResponseBodySize)
    }
}

/// Owns the session, and invalidates it when the last copy of the transport goes away (a session
/// keeps its delegate alive until invalidated).
private final class SessionOwner: @unchecked Sendable {
    let session: URLSession
    let delegate: TransferDelegate

    init(configuration: URLSessionConfiguration) {
        let delegate = TransferDelegate()
        self.delegate = delegate
        self.session = URLSession(configuration: configuration, delegate: delegate, delegateQueue: nil)
    }

    deinit { session.finishTasksAndInvalidate() }
}

/// Collects each task's response and body, enforcing the size limit as bytes arrive.
private final class TransferDelegate: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    private final class Transfer {
        let continuation: CheckedContinuation<(HTTPResponse, Data), any Error>
        let limit: Int?
        var response: HTTPURLResponse?
        var data = Data()
        var failure: (any Error)?

        init(continuation: CheckedContinuation<(HTTPResponse, Data), any Error>, limit: Int?) {
            self.continuation = continuation
            self.limit = limit
        }
    }

    private let lock = NSLock()
    private var transfers: [Int: Transfer] = [:]

    func run(_ task: URLSessionTask, limit: Int?) async throws -> (HTTPResponse, Data) {
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                lock.withLock { transfers[task.taskIdentifier] = Transfer(continuation: continuation, limit: limit) }
                task.resume()
                if Task.isCancelled { task.cancel() }
            }
        } onCancel: {
            task.cancel()
        }
    }

    private func transfer(_ task: URLSessionTask) -> Transfer? {
        lock.withLock { transfers[task.taskIdentifier] }
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
                    completionHandler: @escaping (URLSession.ResponseDisposition) -> Void) {
        guard let transfer = transfer(dataTask) else { return completionHandler(.cancel) }
        let http = response as? HTTPURLResponse
        let declared = response.expectedContentLength
        if let limit = transfer.limit, declared > Int64(limit) {
            lock.withLock { transfer.failure = ResponseBodyTooLargeError(limit: limit, received: nil, declaredLength: Int(declared)) }
            completionHandler(.cancel)
            // FoundationNetworking may otherwise read the rest of the body to reuse the connection.
            dataTask.cancel()
            return
        }
        lock.withLock { transfer.response = http }
        completionHandler(.allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        guard let transfer = transfer(dataTask) else { return }
        let exceeded: Bool = lock.withLock {
            guard transfer.failure == nil else { return true }
            transfer.data.append(data)
            if let limit = transfer.limit, transfer.data.count > limit {
                transfer.failure = ResponseBodyTooLargeError(limit: limit, received: transfer.data.count)
                transfer.data = Data()
                return true
            }
            return false
        }
        if exceeded { dataTask.cancel() }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        guard let transfer = lock.withLock({ transfers.removeValue(forKey: task.taskIdentifier) }) else { return }
        if let failure = transfer.failure {
            transfer.continuation.resume(throwing: failure)
        } else if let error {
            if let urlError = error as? URLError, urlError.code == .cancelled {
                transfer.continuation.resume(throwing: CancellationError())
            } else {
                transfer.continuation.resume(throwing: error)
            }
        } else if let response = (transfer.response ?? task.response as? HTTPURLResponse)?.httpResponse {
            transfer.continuation.resume(returning: (response, transfer.data))
        } else {
            transfer.continuation.resume(throwing: URLError(.badServerResponse))
        }
    }
}
