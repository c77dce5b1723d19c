public import Foundation

/// A request body: bytes in memory, a file read chunk by chunk, or an `AsyncSequence` of chunks,
/// so a large upload (EnergyCAP's file store takes up to 100 MB) is never held whole in memory.
///
///     try await client.v202105.uploadFile(fileDataTypeID: 17, fileName: "bill.pdf", body: .file(pdfURL))
///     try await client.v202105.uploadFile(fileDataTypeID: 17, body: .stream(chunks, length: size))
///     try await client.v202105.uploadFile(fileDataTypeID: 17, body: data)   // `Data` still works
///
/// Replaying (for retries): `.data` and `.file` can be sent again (a file is re-read from its
/// start); a `.stream` is one-shot: its chunks are read once, so `RetryMiddleware` never retries a
/// request whose body is a stream, and a second send of it throws `RequestBodyConsumedError`.
///
/// Middlewares see a `.data` body as its `Data`; a `.file` or `.stream` body reaches them as `nil`
/// (it is not read into memory), and passing `nil` on to `next` sends the original body. A
/// middleware that passes non-nil `Data` replaces the body with those bytes.
public struct RequestBody: Sendable {
    enum Storage: Sendable {
        case data(Data)
        case file(URL)
        case stream(OneShotChunks, length: Int?)
    }

    let storage: Storage

    /// The bytes of `data`, sent as they are.
    public static func data(_ data: Data) -> RequestBody { RequestBody(storage: .data(data)) }

    /// The file at `url` (a `file:` URL), read in chunks of `RequestBody.chunkSize` bytes when
    /// sent, and re-read from its start when a retry sends it again. Its length, taken when
    /// sent, is the `Content-Length`.
    /// - Throws: (when sent) the file system's error when the file cannot be read, wrapped in
    ///   `TransportError`.
    public static func file(_ url: URL) -> RequestBody { RequestBody(storage: .file(url)) }

    /// The chunks of `sequence`, each sent as it arrives; one-shot (see the type's notes).
    /// - Parameters:
    ///   - sequence: the body's chunks, in order (`Data`, `[UInt8]`, any `DataProtocol`).
    ///   - length: the total byte count, sent as `Content-Length`; nil: unknown, sent with
    ///     `Transfer-Encoding: chunked` (RFC 9112 §7.1) where the transport streams it.
    public static func stream<Chunks: AsyncSequence & Sendable>(_ sequence: Chunks, length: Int? = nil) -> RequestBody
    where Chunks.Element: DataProtocol {
        RequestBody(storage: .stream(OneShotChunks(sequence), length: length))
    }

    /// Bytes a file is read in per chunk: 256 KiB.
    public static let chunkSize = 256 << 10

    /// The body's byte count when known: a `.data`'s count, a `.file`'s size on disk now, a
    /// `.stream`'s declared length.
    public var length: Int? {
        switch storage {
        case .data(let data): return data.count
        case .file(let url):
            guard let size = (try? FileManager.default.attributesOfItem(atPath: url.path(percentEncoded: false)))?[.size] else { return nil }
            if let size = size as? NSNumber { return size.intValue }
            return size as? Int
        case .stream(_, let length): return length
        }
    }

    /// Whether the body can be sent more than once (`.data`, `.file`), so a retry may re-send it.
    public var isReplayable: Bool {
        if case .stream = storage { return false }
        return true
    }

    /// The bytes when they are in memory (`.data`), else nil.
    public var bufferedData: Data? {
        if case .data(let data) = storage { return data }
        return nil
    }

    /// The file the body is read from, for `.file`.
    public var fileURL: URL? {
        if case .file(let url) = storage { return url }
        return nil
    }

    /// The body as chunks of at most `RequestBody.chunkSize` bytes for a file, the sequence's own
    /// chunks for a stream, one chunk for data. Iterating a `.stream`'s chunks a second time
    /// throws `RequestBodyConsumedError`.
    public var chunks: Chunks {
        switch storage {
        case .data(let data):
            return Chunks {
                var sent = false
                return { () async throws -> Data? in
                    if sent || data.isEmpty { return nil }
                    sent = true
                    return data
                }
            }
        case .file(let url):
            return Chunks {
                var reader: FileReader?
                return { () async throws -> Data? in
                    if reader == nil { reader = try FileReader(url) }
                    return try reader?.next()
                }
            }
        case .stream(let chunks, _):
            return Chunks { chunks.take() }
        }
    }

    /// All the bytes in memory: what a transport that cannot stream sends.
    /// - Throws: `RequestBodyConsumedError` for a stream already read; the file's or the
    ///   sequence's errors.
    public func collect() async throws -> Data {
        if case .data(let data) = storage { return data }
        var data = Data()
        if let length { data.reserveCapacity(length) }
        for try await chunk in chunks { data.append(chunk) }
        return data
    }

    /// An `AsyncSequence` of a body's chunks (`Data`).
    public struct Chunks: AsyncSequence, Sendable {
        public typealias Element = Data
        let makeNext: @Sendable () -> () async throws -> Data?

        init(_ makeNext: @escaping @Sendable () -> () async throws -> Data?) { self.makeNext = makeNext }

        public func makeAsyncIterator() -> AsyncIterator { AsyncIterator(next: makeNext()) }

        public struct AsyncIterator: AsyncIteratorProtocol {
            let nextChunk: () async throws -> Data?
            init(next: @escaping () async throws -> Data?) { self.nextChunk = next }
            public mutating func next() async throws -> Data? { try await nextChunk() }
        }
    }
}

/// A one-shot stream body was sent a second time (e.g. by a retrying middleware other than
/// `RetryMiddleware`, which never retries one): its chunks had already been read.
public struct RequestBodyConsumedError: Error, CustomStringConvertible, Sendable {
    public init() {}
    public var description: String {
        "the request body is a one-shot stream that was already sent; use RequestBody.data or .file for a body that may be sent again"
    }
}

/// The chunks of a user's sequence, handed out once.
final class OneShotChunks: @unchecked Sendable {
    private let lock = NSLock()
    private var makeNext: (() -> () async throws -> Data?)?

    init<Chunks: AsyncSequence & Sendable>(_ sequence: Chunks) where Chunks.Element: DataProtocol {
        makeNext = {
            var iterator = sequence.makeAsyncIterator()
            return {
                guard let chunk = try await iterator.next() else { return nil }
                return Data(chunk)
            }
        }
    }

    /// The sequence's next-chunk function the first time; later, one that throws `RequestBodyConsumedError`.
    func take() -> () async throws -> Data? {
        let make = lock.withLock {
            let make = makeNext
            makeNext = nil
            return make
        }
        guard let make else { return { throw RequestBodyConsumedError() } }
        return make()
    }

    var isConsumed: Bool { lock.withLock { makeNext == nil } }
}

/// Reads a file in chunks, closing it at the end or when dropped.
final class FileReader {
    private var handle: FileHandle?

    init(_ url: URL) throws {
        handle = try FileHandle(forReadingFrom: url)
    }

    func next() throws -> Data? {
        guard let handle else { return nil }
        if let chunk = try handle.read(upToCount: RequestBody.chunkSize), !chunk.isEmpty { return chunk }
        try? handle.close()
        self.handle = nil
        return nil
    }

    deinit { try? handle?.close() }
}
