public import Foundation
#if canImport(FoundationNetworking)
public import FoundationNetworking
#endif
import HTTPTypesFoundation

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

    /// Streams: a `.file` body is uploaded from the file (`uploadTask(with:fromFile:)`), a
    /// `.stream` body is first spooled to a temporary file (deleted afterwards; URLSession has no
    /// streamed-body API on Linux), so neither is held in memory. The response body is handed
    /// over as URLSession delivers it; URLSession does not wait for a slow reader, so chunks not
    /// yet read are buffered.
    public func stream(_ request: HTTPRequest, body: RequestBody?, context: TransportContext) async throws -> (HTTPResponse, ResponseBodyStream) {
        guard let urlRequest = URLRequest(httpRequest: request) else { throw URLError(.badURL) }
        let session = owner.session
        var spooled: URL?
        defer { if let spooled { try? FileManager.default.removeItem(at: spooled) } }
        let task: URLSessionTask
        switch body?.storage {
        case nil: task = session.dataTask(with: urlRequest)
        case .data(let data)?: task = session.uploadTask(with: urlRequest, from: data)
        case .file(let url)?: task = session.uploadTask(with: urlRequest, fromFile: url)
        case .stream?:
            let url = try await Self.spool(body!)
            spooled = url
            task = session.uploadTask(with: urlRequest, fromFile: url)
        }
        return try await owner.delegate.stream(task, limit: context.maximumResponseBodySize)
    }

    /// Writes `body`'s chunks to a new temporary file.
    static func spool(_ body: RequestBody) async throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("binding-runtime-upload-\(UUID().uuidString)")
        guard FileManager.default.createFile(atPath: url.path(percentEncoded: false), contents: nil) else { throw CocoaError(.fileWriteUnknown) }
        do {
            let handle = try FileHandle(forWritingTo: url)
            defer { try? handle.close() }
            for try await chunk in body.chunks { try handle.write(contentsOf: chunk) }
            return url
        } catch {
            try? FileManager.default.removeItem(at: url)
            throw error
        }
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
        /// Buffered: resumed with the whole body at the end.
        let continuation: CheckedContinuation<(HTTPResponse, Data), any Error>?
        /// Streamed: resumed with the head and the stream when the head arrives (then nil).
        var head: CheckedContinuation<(HTTPResponse, ResponseBodyStream), any Error>?
        var sink: AsyncThrowingStream<Data, any Error>.Continuation?
        var stream: AsyncThrowingStream<Data, any Error>?
        let limit: Int?
        var response: HTTPURLResponse?
        var data = Data()
        var received = 0
        var failure: (any Error)?

        init(continuation: CheckedContinuation<(HTTPResponse, Data), any Error>?, limit: Int?) {
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

    func stream(_ task: URLSessionTask, limit: Int?) async throws -> (HTTPResponse, ResponseBodyStream) {
        let (stream, sink) = AsyncThrowingStream<Data, any Error>.makeStream()
        sink.onTermination = { termination in
            if case .cancelled = termination { task.cancel() }
        }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                let transfer = Transfer(continuation: nil, limit: limit)
                transfer.head = continuation
                transfer.sink = sink
                transfer.stream = stream
                lock.withLock { transfers[task.taskIdentifier] = transfer }
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
        let head: (CheckedContinuation<(HTTPResponse, ResponseBodyStream), any Error>, AsyncThrowingStream<Data, any Error>)? = lock.withLock {
            transfer.response = http
            guard let head = transfer.head, let stream = transfer.stream else { return nil }
            transfer.head = nil
            transfer.stream = nil
            return (head, stream)
        }
        if let head {
            let (continuation, stream) = head
            if let response = http?.httpResponse {
                continuation.resume(returning: (response, ResponseBodyStream(declaredLength: declared >= 0 ? Int(declared) : nil, stream)))
            } else {
                continuation.resume(throwing: URLError(.badServerResponse))
            }
        }
        completionHandler(.allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        guard let transfer = transfer(dataTask) else { return }
        let exceeded: Bool = lock.withLock {
            guard transfer.failure == nil else { return true }
            if let sink = transfer.sink {
                transfer.received += data.count
                if let limit = transfer.limit, transfer.received > limit {
                    transfer.failure = ResponseBodyTooLargeError(limit: limit, received: transfer.received)
                    return true
                }
                sink.yield(data)
                return false
            }
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
        if let sink = transfer.sink {
            var failure = transfer.failure ?? error
            if let urlError = failure as? URLError, urlError.code == .cancelled { failure = CancellationError() }
            if let head = transfer.head {
                head.resume(throwing: failure ?? URLError(.badServerResponse))
            }
            if let failure { sink.finish(throwing: failure) } else { sink.finish() }
            return
        }
        guard let continuation = transfer.continuation else { return }
        if let failure = transfer.failure {
            continuation.resume(throwing: failure)
        } else if let error {
            if let urlError = error as? URLError, urlError.code == .cancelled {
                continuation.resume(throwing: CancellationError())
            } else {
                continuation.resume(throwing: error)
            }
        } else if let response = (transfer.response ?? task.response as? HTTPURLResponse)?.httpResponse {
            continuation.resume(returning: (response, transfer.data))
        } else {
            continuation.resume(throwing: URLError(.badServerResponse))
        }
    }
}
