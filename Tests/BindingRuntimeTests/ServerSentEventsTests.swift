import BindingRuntime
import Foundation
import Testing

/// `ServerSentEvents` against the event stream interpretation of WHATWG HTML §9.2.6, with the
/// bytes arriving whole, one byte at a time, and split at every position.
@Suite struct ServerSentEventsTests {
    struct Seen: Equatable, CustomStringConvertible {
        var event: String
        var data: String
        var id: String?
        var retry: Int?
        var description: String { "\(event)|\(data)|\(id ?? "-")|\(retry.map(String.init) ?? "-")" }
    }

    /// The bytes as `chunks`, in order.
    static func stream(_ chunks: [Data]) -> ResponseBodyStream {
        final class Chunks: @unchecked Sendable {
            var remaining: [Data]
            let lock = NSLock()
            init(_ chunks: [Data]) { remaining = chunks }
            func next() -> Data? { lock.withLock { remaining.isEmpty ? nil : remaining.removeFirst() } }
        }
        let source = Chunks(chunks)
        return ResponseBodyStream(declaredLength: nil) { source.next() }
    }

    static func events(_ chunks: [Data]) async throws -> [Seen] {
        let events = ServerSentEvents<JSONValue>(stream(chunks)) { _ in .null }
        var seen: [Seen] = []
        for try await event in events { seen.append(Seen(event: event.event, data: event.data, id: event.id, retry: event.retry)) }
        return seen
    }

    /// Parses `text` whole, byte by byte and split in two at every offset; all must agree.
    static func parse(_ text: String) async throws -> [Seen] {
        let bytes = Data(text.utf8)
        let whole = try await events([bytes])
        #expect(try await events(bytes.map { Data([$0]) }) == whole)
        for offset in 1..<max(bytes.count, 1) {
            #expect(try await events([bytes.prefix(offset), bytes.dropFirst(offset)].map { Data($0) }) == whole, "split at \(offset)")
        }
        return whole
    }

    @Test func theSpecificationsExamples() async throws {
        // §9.2.6: "data: YHOO\ndata: +2\ndata: 10\n\n" is one message with three data lines.
        #expect(try await Self.parse("data: YHOO\ndata: +2\ndata: 10\n\n") == [Seen(event: "message", data: "YHOO\n+2\n10")])
        // Four blocks: a comment (no event), data with an id, data without one (the id carries
        // over), and an empty data line (dispatched with empty data).
        let stream = ": test stream\n\ndata: first event\nid: 1\n\ndata:second event\nid\n\ndata:  third event\n\n"
        #expect(try await Self.parse(stream) == [
            Seen(event: "message", data: "first event", id: "1"),
            Seen(event: "message", data: "second event", id: nil),
            Seen(event: "message", data: " third event", id: nil),
        ])
        // "data\n\ndata\ndata\n\ndata:" gives an empty event, then one of a single LF; the last is never terminated.
        #expect(try await Self.parse("data\n\ndata\ndata\n\ndata:") == [Seen(event: "message", data: ""), Seen(event: "message", data: "\n")])
        // "data:test\n\ndata: test\n\n": one leading space is dropped, so both are "test".
        #expect(try await Self.parse("data:test\n\ndata: test\n\n") == [Seen(event: "message", data: "test"), Seen(event: "message", data: "test")])
    }

    @Test func lineEndingsByteOrderMarkAndFields() async throws {
        let events = try await Self.parse("\u{FEFF}event: update\r\ndata: {\"a\":1}\r\nid: 7\rretry: 1500\r\n\r\nretry: soon\ndata: x\nunknown: y\nid: a\u{0}b\n\n")
        #expect(events == [
            Seen(event: "update", data: "{\"a\":1}", id: "7", retry: 1500),
            // `retry` with a non-digit and `id` with NUL are ignored; the event type resets to message.
            Seen(event: "message", data: "x", id: "7", retry: 1500),
        ])
        // A blank line with no data dispatches nothing and resets the event type.
        #expect(try await Self.parse("event: ping\n\ndata: after\n\n") == [Seen(event: "message", data: "after")])
        // Not at the start: the bytes of U+FEFF are part of the field name, which is then unknown.
        #expect(try await Self.parse("data: a\n\n\u{FEFF}data: b\n\n") == [Seen(event: "message", data: "a")])
    }

    @Test func dataIsDecodedOnDemandAndErrorsStayPerEvent() async throws {
        struct Chunk: Decodable, Sendable, Equatable { var delta: String }
        let events = ServerSentEvents<Chunk>(Self.stream([Data("data: {\"delta\":\"Hel\"}\n\ndata: [DONE]\n\n".utf8)])) { text in
            try JSONDecoder().decode(Chunk.self, from: Data(text.utf8))
        }
        var decoded: [Chunk] = []
        var sentinel = false
        for try await event in events {
            if event.data == "[DONE]" {
                sentinel = true
                #expect(throws: DecodingError.self) { try event.decodedData() }
                break
            }
            decoded.append(try event.decodedData())
        }
        #expect(decoded == [Chunk(delta: "Hel")])
        #expect(sentinel)
        #expect(try ServerSentEvent<Chunk>(data: #"{"delta":"lo"}"#).decodedData() == Chunk(delta: "lo"))
    }
}
