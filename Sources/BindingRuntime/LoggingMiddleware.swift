public import Foundation
public import Logging

/// Logs each attempt through swift-log: one entry when the response (or the error) arrives, with
/// the method, path, status, duration in seconds and operation ID, and the header fields with
/// credential values redacted.
///
/// Message: `POST /api/v202203/utilityPlatform/meter/42/release → 200 in 0.012 s`. Metadata:
/// `operation`, `method`, `path`, `status` (or `error`), `duration` (seconds), and, when
/// `logsHeaders` is on, `request.headers` and `response.headers` (`name: value` pairs, one per
/// line). The path is shown without its query, which may carry credentials.
///
/// Redacted (value replaced by `[REDACTED]`): `Authorization`, `Proxy-Authorization`, `Cookie`,
/// `Set-Cookie`, EnergyCAP's `ECI-ApiKey`, and any name in `redactedHeaderNames`.
///
/// Place it after a `RetryMiddleware` in `ClientConfiguration.middlewares` to log every attempt, or
/// before it to log once per call.
public struct LoggingMiddleware: ClientMiddleware {
    public var logger: Logger
    /// The level of successful exchanges (any status); `.info` by default. Errors are logged at `.warning`.
    public var level: Logger.Level
    /// Add the (redacted) header fields as metadata; on by default.
    public var logsHeaders: Bool
    /// Header fields whose values are never logged.
    public var redactedHeaderNames: Set<HTTPField.Name>

    /// The fields redacted by default.
    public static var defaultRedactedHeaderNames: Set<HTTPField.Name> {
        [.authorization, .proxyAuthorization, .cookie, .setCookie, HTTPField.Name("ECI-ApiKey")!]
    }

    public init(logger: Logger = Logger(label: "BindingRuntime.HTTP"), level: Logger.Level = .info, logsHeaders: Bool = true,
                redactedHeaderNames: Set<HTTPField.Name> = LoggingMiddleware.defaultRedactedHeaderNames) {
        self.logger = logger
        self.level = level
        self.logsHeaders = logsHeaders
        self.redactedHeaderNames = redactedHeaderNames
    }

    public func intercept(_ request: HTTPRequest, body: Data?, operationID: String,
                          next: @Sendable (HTTPRequest, Data?) async throws -> (HTTPResponse, Data)) async throws -> (HTTPResponse, Data) {
        let clock = ContinuousClock()
        let start = clock.now
        let path = pathWithoutQuery(request)
        var metadata: Logger.Metadata = ["operation": "\(operationID)", "method": "\(request.method.rawValue)", "path": "\(path)"]
        if logsHeaders { metadata["request.headers"] = "\(redacted(request.headerFields))" }
        do {
            let (response, responseBody) = try await next(request, body)
            let seconds = Self.seconds(start.duration(to: clock.now))
            metadata["status"] = "\(response.status.code)"
            metadata["duration"] = "\(seconds)"
            if logsHeaders { metadata["response.headers"] = "\(redacted(response.headerFields))" }
            logger.log(level: level, "\(request.method.rawValue) \(path) → \(response.status.code) in \(String(format: "%.3f", seconds)) s", metadata: metadata)
            return (response, responseBody)
        } catch {
            let seconds = Self.seconds(start.duration(to: clock.now))
            metadata["duration"] = "\(seconds)"
            metadata["error"] = "\(error)"
            logger.warning("\(request.method.rawValue) \(path) failed after \(String(format: "%.3f", seconds)) s", metadata: metadata)
            throw error
        }
    }

    /// The fields as `name: value` lines, redacted values replaced by `[REDACTED]`.
    func redacted(_ fields: HTTPFields) -> String {
        fields.map { field in "\(field.name.rawName): \(redactedHeaderNames.contains(field.name) ? "[REDACTED]" : field.value)" }
            .joined(separator: "\n")
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
