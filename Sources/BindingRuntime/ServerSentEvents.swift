import Foundation

/// One event of a `text/event-stream` response, as the WHATWG HTML Living Standard §9.2.6
/// ("Interpreting an event stream") dispatches it; its `data` is decoded on demand.
public struct ServerSentEvent<Payload: Decodable & Sendable>: Sendable {
    /// The event type: the `event` field, or `message` when the event has none.
    public var event: String
    /// The event's `data` field lines joined by LF, without a final LF (`[DONE]`, a JSON text).
    public var data: String
    /// The stream's last event ID when the event was dispatched (the `id` field, which carries
    /// over to the following events); nil when none was set or it was set to empty.
    public var id: String?
    /// The reconnection time, in milliseconds, the stream last asked for with `retry`; nil when none.
    public var retry: Int?
    private let decode: @Sendable (String) throws -> Payload

    /// An event whose `decodedData()` uses a JSON decoder with the runtime's date rules in UTC
    /// (for tests and previews; the generated `…Events(…)` methods decode with the client's settings).
    public init(event: String = "message", data: String, id: String? = nil, retry: Int? = nil) {
        self.init(event: event, data: data, id: id, retry: retry, decode: { text in
            try JSONCoding.decoder(timeZone: TimeZone(identifier: "UTC")!).decode(Payload.self, from: Data(text.utf8))
        })
    }

    init(event: String, data: String, id: String?, retry: Int?, decode: @escaping @Sendable (String) throws -> Payload) {
        self.event = event
        self.data = data
        self.id = id
        self.retry = retry
        self.decode = decode
    }

    /// `data` decoded as JSON into `Payload`, the schema the spec gives the `text/event-stream`
    /// media type (OpenAI's convention: each event's `data` is one such JSON value). A sentinel
    /// such as OpenAI's `[DONE]` is not JSON: compare `data` before decoding.
    /// - Throws: `ResponseDecodingError` naming the operation (from a generated method), or the
    ///   decoder's `DecodingError` for an event built with the public initializer.
    public func decodedData() throws -> Payload { try decode(data) }
}

/// The events of a `text/event-stream` response body, parsed as they arrive: an `AsyncSequence`
/// of `ServerSentEvent`s, what a generated `…Events(…)` method returns as its body.
///
///     for try await event in try await client.createChatCompletionEvents(body: request).body {
///         if event.data == "[DONE]" { break }
///         let chunk = try event.decodedData()
///     }
///
/// Parsing follows WHATWG HTML §9.2.6: lines end with CRLF, LF or CR; a leading byte order mark
/// is dropped; lines starting with `:` are comments; `event`, `data`, `id` (ignored when it holds
/// NUL) and `retry` (ASCII digits only) are the fields, other fields are ignored; a blank line
/// dispatches the event unless its data is empty; an event the stream ends before its blank line
/// is not dispatched. It is read once; breaking out of the loop stops the transfer, and the
/// client's `maximumResponseBodySize` bounds the bytes read (`ResponseBodyTooLargeError`).
public struct ServerSentEvents<Payload: Decodable & Sendable>: AsyncSequence, Sendable {
    public typealias Element = ServerSentEvent<Payload>

    private let bytes: ResponseBodyStream
    private let decode: @Sendable (String) throws -> Payload

    /// The events of `bytes`; `decode` turns an event's `data` into `Payload`.
    public init(_ bytes: ResponseBodyStream, decode: @escaping @Sendable (String) throws -> Payload) {
        self.bytes = bytes
        self.decode = decode
    }

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(chunks: bytes.makeAsyncIterator(), decode: decode)
    }

    public struct AsyncIterator: AsyncIteratorProtocol {
        private var chunks: ResponseBodyStream.AsyncIterator
        private var parser = EventStreamParser()
        private let decode: @Sendable (String) throws -> Payload

        init(chunks: ResponseBodyStream.AsyncIterator, decode: @escaping @Sendable (String) throws -> Payload) {
            self.chunks = chunks
            self.decode = decode
        }

        public mutating func next() async throws -> ServerSentEvent<Payload>? {
            while true {
                if let event = parser.nextEvent() {
                    return ServerSentEvent(event: event.type, data: event.data, id: event.id, retry: event.retry, decode: decode)
                }
                guard let chunk = try await chunks.next() else { return nil }
                parser.append(chunk)
            }
        }
    }
}

extension ClientCore {
    /// The events of a streamed `text/event-stream` body, each event's `data` decoded as JSON
    /// into `Payload` with the client's decoder.
    /// - Throws: from `decodedData()`, `ResponseDecodingError` naming the operation, the status
    ///   and the event's data.
    public func serverSentEvents<Payload: Decodable & Sendable>(_ type: Payload.Type, _ stream: ResponseBodyStream, request: HTTPRequest,
                                                               response: HTTPResponse, operationID: String) -> ServerSentEvents<Payload> {
        let core = self
        return ServerSentEvents(stream) { data in
            try core.decodeJSON(Payload.self, from: Data(data.utf8), request: request, response: response, operationID: operationID)
        }
    }
}

/// The event stream interpretation of WHATWG HTML §9.2.6 over bytes that arrive in chunks.
struct EventStreamParser {
    struct Event: Equatable {
        var type: String
        var data: String
        var id: String?
        var retry: Int?
    }

    private var buffer: [UInt8] = []
    private var start = 0
    private var isAtStreamStart = true
    /// The previous chunk ended with CR: an LF starting the next one ends no line (CRLF).
    private var skipsLeadingLF = false
    private var eventType = ""
    private var data = ""
    private var hasData = false
    private var lastEventID = ""
    private var retry: Int?

    mutating func append(_ chunk: Data) {
        if start > 0, start >= buffer.count / 2 {
            buffer.removeFirst(start)
            start = 0
        }
        buffer.append(contentsOf: chunk)
    }

    /// The next complete event in what has arrived, or nil until more bytes do.
    mutating func nextEvent() -> Event? {
        while let line = nextLine() {
            if let event = process(line) { return event }
        }
        return nil
    }

    private mutating func nextLine() -> ArraySlice<UInt8>? {
        if skipsLeadingLF, start < buffer.count {
            if buffer[start] == 0x0A { start += 1 }
            skipsLeadingLF = false
        }
        if isAtStreamStart {
            // "One leading U+FEFF BYTE ORDER MARK character must be ignored if any are present."
            let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
            let available = buffer.count - start
            if available < bom.count, Array(buffer[start...]) == Array(bom.prefix(available)) { return nil }
            if available >= bom.count, Array(buffer[start..<start + bom.count]) == bom { start += bom.count }
            isAtStreamStart = false
        }
        guard let end = buffer[start...].firstIndex(where: { $0 == 0x0A || $0 == 0x0D }) else { return nil }
        let line = buffer[start..<end]
        start = end + 1
        if buffer[end] == 0x0D {
            if start < buffer.count {
                if buffer[start] == 0x0A { start += 1 }
            } else {
                skipsLeadingLF = true
            }
        }
        return line
    }

    private mutating func process(_ line: ArraySlice<UInt8>) -> Event? {
        if line.isEmpty { return dispatch() }
        if line.first == UInt8(ascii: ":") { return nil }
        let field: String
        var value: ArraySlice<UInt8>
        if let colon = line.firstIndex(of: UInt8(ascii: ":")) {
            field = String(decoding: line[..<colon], as: UTF8.self)
            value = line[(colon + 1)...]
            if value.first == UInt8(ascii: " ") { value = value.dropFirst() }
        } else {
            field = String(decoding: line, as: UTF8.self)
            value = []
        }
        switch field {
        case "event":
            eventType = String(decoding: value, as: UTF8.self)
        case "data":
            if hasData { data.append("\n") }
            data.append(String(decoding: value, as: UTF8.self))
            hasData = true
        case "id":
            if !value.contains(0) { lastEventID = String(decoding: value, as: UTF8.self) }
        case "retry":
            if !value.isEmpty, value.allSatisfy({ (0x30...0x39).contains($0) }), let milliseconds = Int(String(decoding: value, as: UTF8.self)) {
                retry = milliseconds
            }
        default:
            break
        }
        return nil
    }

    /// A blank line: the event so far, unless its data buffer is empty; the buffers reset.
    private mutating func dispatch() -> Event? {
        defer {
            eventType = ""
            data = ""
            hasData = false
        }
        guard hasData else { return nil }
        return Event(type: eventType.isEmpty ? "message" : eventType, data: data, id: lastEventID.isEmpty ? nil : lastEventID, retry: retry)
    }
}
