public import Foundation

/// A response header announcing that an operation is deprecated or going away.
///
/// Three headers are read, on any response (success or error):
/// - `ECI-Deprecated` (EnergyCAP): free text saying the operation has a replacement and will be
///   removed (EnergyCAP removes such operations 3–6 months later);
/// - `Deprecation` (RFC 9745): a structured-field date, `@` and Unix seconds (`@1688169599`), when
///   the resource is or was deprecated;
/// - `Sunset` (RFC 8594): an HTTP-date (`Sat, 31 Dec 2026 23:59:59 GMT`) after which the resource
///   may stop responding.
public struct DeprecationNotice: Sendable, Hashable, CustomStringConvertible {
    /// The operation's `operationId`.
    public var operationID: String
    public var method: HTTPRequest.Method
    /// The request's path, percent-encoded, without the query.
    public var path: String
    /// The header fields found, in the order above, with their values as sent.
    public var fields: [HTTPField]

    public init(operationID: String, method: HTTPRequest.Method, path: String, fields: [HTTPField]) {
        self.operationID = operationID
        self.method = method
        self.path = path
        self.fields = fields
    }

    /// The header names read, in order.
    public static let headerNames: [HTTPField.Name] = [HTTPField.Name("ECI-Deprecated")!, HTTPField.Name("Deprecation")!, HTTPField.Name("Sunset")!]

    /// The value of `ECI-Deprecated`, if sent.
    public var energyCAPDeprecation: String? { value(of: Self.headerNames[0]) }
    /// The `Deprecation` date (RFC 9745 §2.1: `@` and Unix seconds), if sent and well-formed.
    public var deprecationDate: Date? {
        guard let text = value(of: Self.headerNames[1]), text.hasPrefix("@"), let seconds = Int64(text.dropFirst()) else { return nil }
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }
    /// The `Sunset` date (RFC 8594 §3: an HTTP-date), if sent and well-formed.
    public var sunsetDate: Date? { value(of: Self.headerNames[2]).flatMap(HTTPDate.parse) }

    private func value(of name: HTTPField.Name) -> String? { fields.first { $0.name == name }?.value }

    /// `GetMeterV3 (GET /api/v3/meter/1) is deprecated: ECI-Deprecated: Use GetMeterV4; Sunset: Sat, 31 Dec 2026 23:59:59 GMT`
    public var description: String {
        "\(operationID) (\(method.rawValue) \(path)) is deprecated: " + fields.map { field in
            // The names as the specs spell them, whatever case the server used.
            "\((Self.headerNames.first { $0 == field.name } ?? field.name).rawName): \(field.value)"
        }.joined(separator: "; ")
    }
}

/// Which operations have had their deprecation warning logged: one warning per operation per
/// instance (`shared`: per process). A new instance starts with none warned.
public final class DeprecationWarnings: @unchecked Sendable {
    /// The process-wide instance, `ClientConfiguration`'s default.
    public static let shared = DeprecationWarnings()

    private let lock = NSLock()
    private var warned: Set<String> = []

    public init() {}

    /// True the first time it is asked about `operationID`, false after.
    public func shouldWarn(about operationID: String) -> Bool {
        lock.withLock { warned.insert(operationID).inserted }
    }
}

extension ClientCore {
    /// Logs (once per operation, see `ClientConfiguration.deprecationWarnings`) and reports to
    /// `ClientConfiguration.onDeprecation` (every time) the deprecation headers of `response`.
    func reportDeprecation(of response: HTTPResponse, request: HTTPRequest, operationID: String) {
        let fields = DeprecationNotice.headerNames.flatMap { name in response.headerFields[fields: name] }
        guard !fields.isEmpty else { return }
        let notice = DeprecationNotice(operationID: operationID, method: request.method, path: pathWithoutQuery(request), fields: fields)
        if let warnings = configuration.deprecationWarnings, warnings.shouldWarn(about: operationID) {
            configuration.logger.warning("\(notice.description)", metadata: [
                "operation": "\(operationID)", "method": "\(notice.method.rawValue)", "path": "\(notice.path)",
            ])
        }
        configuration.onDeprecation?(notice)
    }
}

/// HTTP-date (RFC 9110 §5.6.7): the preferred IMF-fixdate, and the obsolete RFC 850 and asctime
/// forms, which recipients must also accept.
enum HTTPDate {
    static func parse(_ text: String) -> Date? {
        let text = text.trimmingCharacters(in: .whitespaces)
        for format in ["EEE, dd MMM yyyy HH:mm:ss 'GMT'", "EEEE, dd-MMM-yy HH:mm:ss 'GMT'", "EEE MMM d HH:mm:ss yyyy"] {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "GMT")
            formatter.dateFormat = format
            if let date = formatter.date(from: text.replacingOccurrences(of: "  ", with: " ")) { return date }
        }
        return nil
    }
}
