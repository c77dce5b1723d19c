public import Foundation

/// A response body read as it arrives: an `AsyncSequence` of `Data` chunks, for binary
/// responses too large to hold in memory (a file download).
///
///     let (response, body) = try await client.core.stream(request, body: nil, operationID: "GetFile")
///     for try await chunk in body { try handle.write(contentsOf: chunk) }
///
/// It is read once. Breaking out of the loop, or cancelling the reading task, stops the
/// transfer (the transport closes the connection). The client's `maximumResponseBodySize` applies
/// while reading: the iteration throws `ResponseBodyTooLargeError` once the bytes exceed it (or
/// at once when `Content-Length` does). `ClientConfiguration.timeout` bounds the wait for the
/// response head, not the reading of the body: a caller streaming a large body bounds it by
/// cancelling its task.
public struct ResponseBodyStream: AsyncSequence, Sendable {
    public typealias Element = Data

    /// The byte count the response declared (`Content-Length`), if any.
    public let declaredLength: Int?
    private let makeNext: @Sendable () -> () async throws -> Data?

    /// A stream whose chunks come from `next` (nil at the end), called by one reader at a time.
    /// Transports build their streams with this.
    public init(declaredLength: Int?, next: @escaping @Sendable () async throws -> Data?) {
        self.declaredLength = declaredLength
        self.makeNext = { next }
    }

    /// The chunks of `sequence`.
    public init<Chunks: AsyncSequence & Sendable>(declaredLength: Int?, _ sequence: Chunks) where Chunks.Element: DataProtocol {
        self.declaredLength = declaredLength
        self.makeNext = {
            var iterator = sequence.makeAsyncIterator()
            return {
                guard let chunk = try await iterator.next() else { return nil }
                return Data(chunk)
            }
        }
    }

    /// One chunk, `data` (none when empty).
    public init(_ data: Data) {
        self.declaredLength = data.count
        self.makeNext = {
            var sent = false
            return {
                if sent || data.isEmpty { return nil }
                sent = true
                return data
            }
        }
    }

    public func makeAsyncIterator() -> AsyncIterator { AsyncIterator(next: makeNext()) }

    public struct AsyncIterator: AsyncIteratorProtocol {
        let nextChunk: () async throws -> Data?
        init(next: @escaping () async throws -> Data?) { self.nextChunk = next }
        public mutating func next() async throws -> Data? { try await nextChunk() }
    }

    /// All the bytes, in memory.
    /// - Throws: `ResponseBodyTooLargeError` when more than `limit` bytes arrive (nil: no limit),
    ///   and whatever the transport throws while reading.
    public func collect(upTo limit: Int? = nil) async throws -> Data {
        if let limit, let declaredLength, declaredLength > limit {
            throw ResponseBodyTooLargeError(limit: limit, received: nil, declaredLength: declaredLength)
        }
        var data = Data()
        for try await chunk in self {
            data.append(chunk)
            if let limit, data.count > limit { throw ResponseBodyTooLargeError(limit: limit, received: data.count) }
        }
        return data
    }

    /// This stream, throwing `ResponseBodyTooLargeError` once more than `limit` bytes have been
    /// read (nil: this stream unchanged).
    public func limited(to limit: Int?) -> ResponseBodyStream {
        guard let limit else { return self }
        let source = self
        let declared = declaredLength
        return ResponseBodyStream(declaredLength: declared, factory: { () -> () async throws -> Data? in
            var iterator = source.makeAsyncIterator()
            var received = 0
            var checkedDeclared = false
            return {
                if !checkedDeclared, let declared, declared > limit {
                    checkedDeclared = true
                    throw ResponseBodyTooLargeError(limit: limit, received: nil, declaredLength: declared)
                }
                checkedDeclared = true
                guard let chunk = try await iterator.next() else { return nil }
                received += chunk.count
                if received > limit { throw ResponseBodyTooLargeError(limit: limit, received: received) }
                return chunk
            }
        })
    }

    private init(declaredLength: Int?, factory: @escaping @Sendable () -> () async throws -> Data?) {
        self.declaredLength = declaredLength
        self.makeNext = factory
    }
}
