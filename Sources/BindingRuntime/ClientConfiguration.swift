public import Foundation

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

    public init(serverURL: URL, timeZone: TimeZone = TimeZone(identifier: "UTC")!, validatesRequests: Bool = true, validatesResponses: Bool = false,
                strictResponseDateTimes: Bool = false) {
        self.serverURL = serverURL
        self.timeZone = timeZone
        self.validatesRequests = validatesRequests
        self.validatesResponses = validatesResponses
        self.strictResponseDateTimes = strictResponseDateTimes
    }
}
