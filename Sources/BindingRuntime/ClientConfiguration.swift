public import Foundation
public import Logging

/// Settings every generated client shares.
public struct ClientConfiguration: Sendable {
    /// The server's base URL; operation paths are appended to its path
    /// (`https://host/base` + `/api/v3/x` → `https://host/base/api/v3/x`).
    public var serverURL: URL
    /// The time zone for `date-time` values that carry no offset (`2026-03-30T10:00:00`)
    /// and for date-only values (`2026-03-30`, read as midnight). UTC by default; never the
    /// process's time zone.
    public var timeZone: TimeZone

    /// Validate request bodies and parameters against the spec's schemas before sending; a
    /// violation throws `ValidationErrors` and nothing is sent. On by default.
    public var validatesRequests: Bool
    /// Validate success response bodies against the spec's schemas before decoding; a violation
    /// throws `ResponseValidationError`. Off by default.
    public var validatesResponses: Bool
    /// With response validation on, reject `date-time` values that are not RFC 3339 §5.6
    /// (date-only, or without an offset) even though the decoder reads them. Off by default:
    /// validation then accepts exactly what decoding accepts. Request validation is always strict.
    public var strictResponseDateTimes: Bool

    /// The chain every request goes through, first to last, before the transport (see
    /// `ClientMiddleware`): `[RetryMiddleware(), LoggingMiddleware()]` retries, logging each attempt.
    /// Empty by default.
    public var middlewares: [any ClientMiddleware]
    /// The limit for each attempt, from sending the request to the last byte of the response
    /// (a server that trickles bytes cannot hold a call longer). When it passes, the transfer is
    /// cancelled and the call throws `TransportError` of kind `.timedOut`. 60 seconds by default;
    /// nil for none.
    public var timeout: Duration?
    /// The largest response body, in bytes, the client reads; a larger one stops the transfer and
    /// throws `TransportError` of kind `.responseBodyTooLarge` (underlying `ResponseBodyTooLargeError`).
    /// 64 MiB (67,108,864 bytes) by default; nil for none.
    public var maximumResponseBodySize: Int?

    /// Where the client's own warnings go (deprecation headers). Label `BindingRuntime` by default.
    public var logger: Logger
    /// Remembers which operations have been warned about, so a deprecated operation is logged once
    /// (per process with `.shared`, the default); nil logs no deprecation warnings.
    public var deprecationWarnings: DeprecationWarnings?
    /// Called for every response that carries `ECI-Deprecated`, `Deprecation` or `Sunset`, on the
    /// calling task, before the response is decoded. Nil by default.
    public var onDeprecation: (@Sendable (DeprecationNotice) -> Void)?

    public init(serverURL: URL, timeZone: TimeZone = TimeZone(identifier: "UTC")!, validatesRequests: Bool = true, validatesResponses: Bool = false,
                strictResponseDateTimes: Bool = false, middlewares: [any ClientMiddleware] = [], timeout: Duration? = .seconds(60),
                maximumResponseBodySize: Int? = 64 << 20, logger: Logger = Logger(label: "BindingRuntime"),
                deprecationWarnings: DeprecationWarnings? = .shared, onDeprecation: (@Sendable (DeprecationNotice) -> Void)? = nil) {
        self.serverURL = serverURL
        self.timeZone = timeZone
        self.validatesRequests = validatesRequests
        self.validatesResponses = validatesResponses
        self.strictResponseDateTimes = strictResponseDateTimes
        self.middlewares = middlewares
        self.timeout = timeout
        self.maximumResponseBodySize = maximumResponseBodySize
        self.logger = logger
        self.deprecationWarnings = deprecationWarnings
        self.onDeprecation = onDeprecation
    }
}
