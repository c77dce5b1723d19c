public import Foundation

/// Retries a request that failed in a way worth retrying, with exponential backoff and jitter.
///
/// Retried: the statuses in `retryableStatuses` (408, 429, 502, 503, 504 by default) and
/// `TransportError`s of kind `.connection` or `.timedOut`, for idempotent methods only (RFC 9110
/// §9.2.2: GET, HEAD, OPTIONS, TRACE, PUT, DELETE) unless `retriesNonIdempotentRequests` is set.
/// The request and its body are re-sent unchanged: a `RequestBody.data` as the same bytes, a
/// `RequestBody.file` re-read from its start. A request whose body is a one-shot
/// `RequestBody.stream` is never retried (its chunks were read by the first attempt).
///
/// The wait before attempt *n* + 1 is `initialDelay × multiplier^(n − 1)`, capped at `maximumDelay`,
/// less a random share of up to `jitter` of it; a `Retry-After` header (RFC 9110 §10.2.3: seconds,
/// or an HTTP-date) replaces that wait. At most `maximumAttempts` attempts are made (the first
/// included), and no retry is started whose wait would end more than `maximumTotalTime` after the
/// first attempt began: then the last response is returned, or its error thrown, as it came.
///
/// The clock is injectable: tests pass a clock whose `sleep` returns at once and records the wait.
public struct RetryMiddleware<C: Clock>: ClientMiddleware where C.Duration == Duration {
    /// Attempts in all, the first included; 3 by default. 1 disables retrying.
    public var maximumAttempts: Int
    /// The wait before the second attempt; 0.5 seconds by default.
    public var initialDelay: Duration
    /// Each further wait is this many times the previous one; 2 by default.
    public var multiplier: Double
    /// No computed wait is longer; 30 seconds by default. (A `Retry-After` may ask for longer; the
    /// total-time bound still applies.)
    public var maximumDelay: Duration
    /// No retry whose wait would end later than this after the first attempt began; 60 seconds by default.
    public var maximumTotalTime: Duration
    /// The share of each computed wait (0...1) that is randomized away, so clients that failed
    /// together do not retry together: a wait *d* becomes *d* × (1 − `jitter` × *r*), *r* uniform in
    /// [0, 1). 0.5 by default.
    public var jitter: Double
    /// The statuses that are retried; 408, 429, 502, 503 and 504 by default.
    public var retryableStatuses: Set<Int>
    /// Retry POST, PATCH and other non-idempotent requests too. Off by default: a retried POST
    /// may, for example, create a record twice.
    public var retriesNonIdempotentRequests: Bool

    private let clock: C
    private let now: @Sendable () -> Date
    private let random: @Sendable () -> Double

    /// - Parameters:
    ///   - maximumAttempts: see ``maximumAttempts``.
    ///   - initialDelay: see ``initialDelay``.
    ///   - multiplier: see ``multiplier``.
    ///   - maximumDelay: see ``maximumDelay``.
    ///   - maximumTotalTime: see ``maximumTotalTime``.
    ///   - jitter: see ``jitter``.
    ///   - retryableStatuses: see ``retryableStatuses``.
    ///   - retriesNonIdempotentRequests: see ``retriesNonIdempotentRequests``.
    ///   - clock: measures the total time and sleeps between attempts.
    ///   - now: the wall-clock time, for `Retry-After` HTTP-dates.
    ///   - random: a number in [0, 1) for the jitter.
    public init(maximumAttempts: Int = 3, initialDelay: Duration = .milliseconds(500), multiplier: Double = 2,
                maximumDelay: Duration = .seconds(30), maximumTotalTime: Duration = .seconds(60), jitter: Double = 0.5,
                retryableStatuses: Set<Int> = [408, 429, 502, 503, 504], retriesNonIdempotentRequests: Bool = false,
                clock: C, now: @escaping @Sendable () -> Date = { Date() }, random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }) {
        self.maximumAttempts = maximumAttempts
        self.initialDelay = initialDelay
        self.multiplier = multiplier
        self.maximumDelay = maximumDelay
        self.maximumTotalTime = maximumTotalTime
        self.jitter = jitter
        self.retryableStatuses = retryableStatuses
        self.retriesNonIdempotentRequests = retriesNonIdempotentRequests
        self.clock = clock
        self.now = now
        self.random = random
    }

    /// Methods safe to repeat (RFC 9110 §9.2.2).
    public static var idempotentMethods: Set<HTTPRequest.Method> { [.get, .head, .options, .trace, .put, .delete] }

    public func intercept(_ request: HTTPRequest, body: Data?, operationID: String,
                          next: @Sendable (HTTPRequest, Data?) async throws -> (HTTPResponse, Data)) async throws -> (HTTPResponse, Data) {
        // A one-shot stream body (`RequestBody.stream`) cannot be sent again.
        let mayRetry = (retriesNonIdempotentRequests || Self.idempotentMethods.contains(request.method)) && RequestBodyReplay.isReplayable
        let start = clock.now
        var attempt = 1
        while true {
            let result: Result<(HTTPResponse, Data), any Error>
            do {
                result = .success(try await next(request, body))
            } catch {
                result = .failure(error)
            }
            guard mayRetry, attempt < maximumAttempts, let wait = wait(after: result, attempt: attempt),
                  start.duration(to: clock.now) + wait <= maximumTotalTime
            else { return try result.get() }
            try await clock.sleep(for: wait)
            attempt += 1
        }
    }

    /// The wait before the next attempt, or nil when `result` is not worth retrying.
    func wait(after result: Result<(HTTPResponse, Data), any Error>, attempt: Int) -> Duration? {
        switch result {
        case .success(let (response, _)):
            guard retryableStatuses.contains(response.status.code) else { return nil }
            if let header = response.headerFields[.retryAfter], let seconds = RetryAfter.seconds(header, now: now()) {
                return .seconds(seconds)
            }
        case .failure(let error):
            guard let error = error as? TransportError, error.kind == .connection || error.kind == .timedOut else { return nil }
        }
        return backoff(attempt: attempt)
    }

    /// The computed wait after attempt `attempt` (1-based), jitter applied: used when the response
    /// has no (valid) `Retry-After`.
    public func backoff(attempt: Int) -> Duration {
        let base = initialDelay * pow(multiplier, Double(attempt - 1))
        let capped = min(base, maximumDelay)
        return capped * (1 - min(max(jitter, 0), 1) * random())
    }
}

extension RetryMiddleware where C == ContinuousClock {
    /// A retry middleware on the system's continuous clock. See the type for the defaults.
    public init(maximumAttempts: Int = 3, initialDelay: Duration = .milliseconds(500), multiplier: Double = 2,
                maximumDelay: Duration = .seconds(30), maximumTotalTime: Duration = .seconds(60), jitter: Double = 0.5,
                retryableStatuses: Set<Int> = [408, 429, 502, 503, 504], retriesNonIdempotentRequests: Bool = false) {
        self.init(maximumAttempts: maximumAttempts, initialDelay: initialDelay, multiplier: multiplier, maximumDelay: maximumDelay,
                  maximumTotalTime: maximumTotalTime, jitter: jitter, retryableStatuses: retryableStatuses,
                  retriesNonIdempotentRequests: retriesNonIdempotentRequests, clock: ContinuousClock())
    }
}

/// The `Retry-After` header (RFC 9110 §10.2.3).
public enum RetryAfter {
    /// The wait `value` asks for, in seconds: a non-negative integer of seconds (`120`), or an
    /// HTTP-date (`Fri, 31 Dec 1999 23:59:59 GMT`) less `now` (0 when it is past). Nil when
    /// `value` is neither.
    public static func seconds(_ value: String, now: Date) -> Double? {
        let text = value.trimmingCharacters(in: .whitespaces)
        if !text.isEmpty, text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) {
            return Double(text)
        }
        guard let date = HTTPDate.parse(text) else { return nil }
        return max(0, date.timeIntervalSince(now))
    }
}
