@_spi(Generated) import BindingRuntime
import Foundation
import Testing

/// A clock whose `sleep` returns at once, advancing its time and recording the wait.
final class ManualClock: Clock, @unchecked Sendable {
    struct Instant: InstantProtocol {
        var offset: Duration
        func advanced(by duration: Duration) -> Instant { Instant(offset: offset + duration) }
        func duration(to other: Instant) -> Duration { other.offset - offset }
        static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.offset < rhs.offset }
    }

    private let lock = NSLock()
    private var current = Instant(offset: .zero)
    private var recorded: [Duration] = []

    var now: Instant { lock.withLock { current } }
    var minimumResolution: Duration { .nanoseconds(1) }
    var sleeps: [Duration] { lock.withLock { recorded } }

    /// Moves time on without a sleep (the time an attempt took).
    func advance(by duration: Duration) { lock.withLock { current = current.advanced(by: duration) } }

    func sleep(until deadline: Instant, tolerance: Duration?) async throws {
        try Task.checkCancellation()
        lock.withLock {
            recorded.append(current.duration(to: deadline))
            current = deadline
        }
    }
}

/// A transport answering from a script, one entry per attempt, and recording what it got.
final class ScriptedTransport: ClientTransport, @unchecked Sendable {
    enum Step { case status(Int, [String: String]), failure(any Error) }

    private let lock = NSLock()
    private var steps: [Step]
    private(set) var received: [(request: HTTPRequest, body: Data?)] = []
    let onSend: @Sendable () -> Void

    init(_ steps: [Step], onSend: @escaping @Sendable () -> Void = {}) {
        self.steps = steps
        self.onSend = onSend
    }

    var attempts: Int { lock.withLock { received.count } }
    var bodies: [Data?] { lock.withLock { received.map(\.body) } }

    func send(_ request: HTTPRequest, body: Data?) async throws -> (HTTPResponse, Data) {
        onSend()
        let step: Step = lock.withLock {
            received.append((request, body))
            return steps.isEmpty ? .status(200, [:]) : steps.removeFirst()
        }
        switch step {
        case .status(let code, let headers):
            var response = HTTPResponse(status: .init(code: code))
            for (name, value) in headers { response.headerFields[HTTPField.Name(name)!] = value }
            return (response, Data("\(code)".utf8))
        case .failure(let error):
            throw error
        }
    }
}

@Suite struct MiddlewareTests {
    static let url = URL(string: "https://example.com/base")!

    func core(_ transport: some ClientTransport, _ middlewares: [any ClientMiddleware]) -> ClientCore {
        ClientCore(configuration: ClientConfiguration(serverURL: Self.url, middlewares: middlewares, deprecationWarnings: nil), transport: transport)
    }

    func retry(_ clock: ManualClock, attempts: Int = 4, nonIdempotent: Bool = false, total: Duration = .seconds(60),
               now: Date = Date(timeIntervalSince1970: 0)) -> RetryMiddleware<ManualClock> {
        RetryMiddleware(maximumAttempts: attempts, initialDelay: .milliseconds(500), multiplier: 2, maximumDelay: .seconds(30), maximumTotalTime: total,
                        jitter: 0.5, retriesNonIdempotentRequests: nonIdempotent, clock: clock, now: { now }, random: { 0 })
    }

    // MARK: The chain

    struct Tag: ClientMiddleware {
        let name: String
        let log: Log
        func intercept(_ request: HTTPRequest, body: Data?, operationID: String,
                       next: @Sendable (HTTPRequest, Data?) async throws -> (HTTPResponse, Data)) async throws -> (HTTPResponse, Data) {
            log.append("\(name)>\(operationID)")
            var request = request
            request.headerFields[HTTPField.Name("X-Chain")!] = (request.headerFields[HTTPField.Name("X-Chain")!] ?? "") + name
            var (response, body) = try await next(request, body)
            response.headerFields[HTTPField.Name("X-Back")!] = (response.headerFields[HTTPField.Name("X-Back")!] ?? "") + name
            log.append("<\(name)")
            body.append(contentsOf: Array(name.utf8))
            return (response, body)
        }
    }

    final class Log: @unchecked Sendable {
        private let lock = NSLock()
        private var items: [String] = []
        func append(_ item: String) { lock.withLock { items.append(item) } }
        var all: [String] { lock.withLock { items } }
    }

    @Test func middlewaresRunInOrderAroundTheTransportAndCanChangeBoth() async throws {
        let log = Log()
        let transport = ScriptedTransport([.status(200, [:])])
        let core = core(transport, [Tag(name: "A", log: log), Tag(name: "B", log: log)])
        let (response, body) = try await core.send(core.makeRequest(method: .get, path: "/x"), body: nil, operationID: "op")
        #expect(log.all == ["A>op", "B>op", "<B", "<A"])
        #expect(transport.received.first?.request.headerFields[HTTPField.Name("X-Chain")!] == "AB")
        #expect(response.headerFields[HTTPField.Name("X-Back")!] == "BA")
        #expect(String(decoding: body, as: UTF8.self) == "200BA")
    }

    struct Cache: ClientMiddleware {
        func intercept(_ request: HTTPRequest, body: Data?, operationID: String,
                       next: @Sendable (HTTPRequest, Data?) async throws -> (HTTPResponse, Data)) async throws -> (HTTPResponse, Data) {
            (HTTPResponse(status: .ok), Data("cached".utf8))
        }
    }

    @Test func aMiddlewareCanShortCircuit() async throws {
        let transport = ScriptedTransport([])
        let (_, body) = try await core(transport, [Cache()]).send(HTTPRequest(method: .get, scheme: "https", authority: "h", path: "/"), body: nil, operationID: "op")
        #expect(String(decoding: body, as: UTF8.self) == "cached")
        #expect(transport.attempts == 0)
    }

    struct Failing: ClientMiddleware {
        struct Refusal: Error {}
        func intercept(_ request: HTTPRequest, body: Data?, operationID: String,
                       next: @Sendable (HTTPRequest, Data?) async throws -> (HTTPResponse, Data)) async throws -> (HTTPResponse, Data) {
            throw Refusal()
        }
    }

    @Test func errorsNameTheOperationMethodAndPathAndKeepTheUnderlyingError() async throws {
        let request = HTTPRequest(method: .put, scheme: "https", authority: "h", path: "/base/x/1?api_key=secret")
        await #expect {
            _ = try await core(ScriptedTransport([]), [Failing()]).send(request, body: nil, operationID: "PutX")
        } throws: { error in
            guard let error = error as? TransportError else { return false }
            return error.operationID == "PutX" && error.method == .put && error.path == "/base/x/1" && error.kind == .other
                && error.middleware?.contains("Failing") == true && error.underlying is Failing.Refusal && !"\(error)".contains("secret")
        }
        await #expect {
            _ = try await core(ScriptedTransport([.failure(URLError(.networkConnectionLost))]), []).send(request, body: nil, operationID: "PutX")
        } throws: { error in
            guard let error = error as? TransportError else { return false }
            return error.kind == .connection && error.middleware == nil && (error.underlying as? URLError)?.code == .networkConnectionLost
        }
    }

    @Test func theDefaultSizeCheckAppliesToAnyTransport() async throws {
        var configuration = ClientConfiguration(serverURL: Self.url)
        configuration.maximumResponseBodySize = 2
        let core = ClientCore(configuration: configuration, transport: ScriptedTransport([.status(200, [:])]))
        await #expect {
            _ = try await core.send(core.makeRequest(method: .get, path: "/"), body: nil, operationID: "op")
        } throws: { error in
            (error as? TransportError)?.kind == .responseBodyTooLarge && ((error as? TransportError)?.underlying as? ResponseBodyTooLargeError)?.received == 3
        }
    }

    // MARK: Retry

    @Test func backoffDoublesUpToTheAttemptLimitThenReturnsTheLastResponse() async throws {
        let clock = ManualClock()
        let transport = ScriptedTransport([.status(503, [:]), .status(502, [:]), .status(504, [:]), .status(429, [:]), .status(200, [:])])
        let (response, _) = try await core(transport, [retry(clock)]).send(core(transport, []).makeRequest(method: .get, path: "/"), body: nil, operationID: "op")
        #expect(response.status.code == 429)
        #expect(transport.attempts == 4)
        #expect(clock.sleeps == [.milliseconds(500), .seconds(1), .seconds(2)])
    }

    @Test func jitterTakesUpToItsShareOffEachWait() async throws {
        let clock = ManualClock()
        let middleware = RetryMiddleware(initialDelay: .seconds(1), jitter: 0.5, clock: clock, random: { 0.999_999 })
        #expect(middleware.backoff(attempt: 1) > .milliseconds(500))
        #expect(middleware.backoff(attempt: 1) < .milliseconds(501))
        let capped = RetryMiddleware(initialDelay: .seconds(1), maximumDelay: .seconds(3), jitter: 0, clock: clock)
        #expect((1...4).map { capped.backoff(attempt: $0) } == [.seconds(1), .seconds(2), .seconds(3), .seconds(3)])
    }

    @Test func retryAfterSecondsAndHTTPDateReplaceTheBackoff() async throws {
        let clock = ManualClock()
        let now = Date(timeIntervalSince1970: 784_111_777)  // Sun, 06 Nov 1994 08:49:37 GMT (RFC 9110's example)
        let transport = ScriptedTransport([
            .status(429, ["Retry-After": "7"]),
            .status(503, ["Retry-After": "Sun, 06 Nov 1994 08:49:49 GMT"]),
            .status(503, ["Retry-After": "Sunday, 06-Nov-94 08:49:40 GMT"]),
            .status(503, ["Retry-After": "Sun Nov  6 08:49:38 1994"]),
            .status(503, ["Retry-After": "soon"]),
            .status(200, [:]),
        ])
        let core = core(transport, [retry(clock, attempts: 10, now: now)])
        let (response, _) = try await core.send(core.makeRequest(method: .delete, path: "/"), body: nil, operationID: "op")
        #expect(response.status.code == 200)
        // An unparseable value falls back to the backoff for that attempt (the 5th: 0.5 s × 2⁴).
        #expect(clock.sleeps == [.seconds(7), .seconds(12), .seconds(3), .seconds(1), .seconds(8)])
    }

    @Test func retryAfterParsing() {
        let now = Date(timeIntervalSince1970: 784_111_777)
        #expect(RetryAfter.seconds("120", now: now) == 120)
        #expect(RetryAfter.seconds(" 0 ", now: now) == 0)
        #expect(RetryAfter.seconds("-1", now: now) == nil)
        #expect(RetryAfter.seconds("1.5", now: now) == nil)
        #expect(RetryAfter.seconds("Sun, 06 Nov 1994 08:49:47 GMT", now: now) == 10)
        #expect(RetryAfter.seconds("Sat, 05 Nov 1994 08:49:37 GMT", now: now) == 0)  // past: no wait
        #expect(RetryAfter.seconds("", now: now) == nil)
    }

    @Test func theTotalTimeBoundStopsRetrying() async throws {
        let clock = ManualClock()
        let transport = ScriptedTransport([.status(503, ["Retry-After": "40"]), .status(503, ["Retry-After": "40"]), .status(200, [:])],
                                          onSend: { clock.advance(by: .seconds(1)) })
        let core = core(transport, [retry(clock, attempts: 5, total: .seconds(60))])
        let (response, _) = try await core.send(core.makeRequest(method: .get, path: "/"), body: nil, operationID: "op")
        // 1 s + 40 s wait ≤ 60 s: retried; then 42 s + 40 s > 60 s: the second 503 is returned.
        #expect(response.status.code == 503)
        #expect(transport.attempts == 2)
        #expect(clock.sleeps == [.seconds(40)])
    }

    @Test(arguments: [HTTPRequest.Method.post, .patch])
    func nonIdempotentMethodsAreRetriedOnlyWhenAsked(method: HTTPRequest.Method) async throws {
        let body = Data((0..<1000).map { UInt8(truncatingIfNeeded: $0) })
        let refused = ScriptedTransport([.status(503, [:]), .status(200, [:])])
        let (first, _) = try await core(refused, [retry(ManualClock())]).send(core(refused, []).makeRequest(method: method, path: "/"), body: body, operationID: "op")
        #expect(first.status.code == 503)
        #expect(refused.attempts == 1)

        let allowed = ScriptedTransport([.failure(URLError(.networkConnectionLost)), .status(503, [:]), .status(200, [:])])
        let (second, _) = try await core(allowed, [retry(ManualClock(), nonIdempotent: true)]).send(core(allowed, []).makeRequest(method: method, path: "/"), body: body, operationID: "op")
        #expect(second.status.code == 200)
        #expect(allowed.attempts == 3)
        #expect(allowed.bodies == [body, body, body])
    }

    @Test func otherStatusesAndErrorsAreNotRetried() async throws {
        for step in [ScriptedTransport.Step.status(500, [:]), .status(404, [:]), .failure(URLError(.cancelled)), .failure(URLError(.badURL))] {
            let transport = ScriptedTransport([step, .status(200, [:])])
            let core = core(transport, [retry(ManualClock())])
            _ = try? await core.send(core.makeRequest(method: .get, path: "/"), body: nil, operationID: "op")
            #expect(transport.attempts == 1, "\(step) was retried")
        }
    }

    @Test func connectionErrorsAndTimeoutsAreRetried() async throws {
        let clock = ManualClock()
        let transport = ScriptedTransport([.failure(URLError(.cannotConnectToHost)), .failure(POSIXError(.ECONNRESET)), .failure(URLError(.timedOut))])
        let core = core(transport, [retry(clock)])
        let (response, _) = try await core.send(core.makeRequest(method: .get, path: "/"), body: nil, operationID: "op")
        #expect(response.status.code == 200)
        #expect(transport.attempts == 4)
    }
}
