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

    public init(serverURL: URL, timeZone: TimeZone = TimeZone(identifier: "UTC")!) {
        self.serverURL = serverURL
        self.timeZone = timeZone
    }
}
