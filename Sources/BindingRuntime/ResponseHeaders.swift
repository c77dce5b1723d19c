public import Foundation

/// A value a response header can be decoded to, from its field value (OpenAPI Header Object,
/// `style: simple`: arrays are comma-separated, RFC 9110 §5.6.1 lists).
public protocol ResponseHeaderValue: Sendable {
    /// nil when `text` is not a value of the type.
    init?(headerText text: String, timeZone: TimeZone)
}

extension String: ResponseHeaderValue {
    public init?(headerText text: String, timeZone: TimeZone) { self = text }
}

extension Bool: ResponseHeaderValue {
    public init?(headerText text: String, timeZone: TimeZone) { self.init(text) }
}

extension Int: ResponseHeaderValue {
    public init?(headerText text: String, timeZone: TimeZone) { self.init(text) }
}

extension Int32: ResponseHeaderValue {
    public init?(headerText text: String, timeZone: TimeZone) { self.init(text) }
}

extension Int64: ResponseHeaderValue {
    public init?(headerText text: String, timeZone: TimeZone) { self.init(text) }
}

extension Double: ResponseHeaderValue {
    public init?(headerText text: String, timeZone: TimeZone) { self.init(text) }
}

extension Float: ResponseHeaderValue {
    public init?(headerText text: String, timeZone: TimeZone) { self.init(text) }
}

extension UUID: ResponseHeaderValue {
    public init?(headerText text: String, timeZone: TimeZone) { self.init(uuidString: text) }
}

extension Date: ResponseHeaderValue {
    /// RFC 3339 (`format: date-time`), read as the JSON decoder reads it.
    public init?(headerText text: String, timeZone: TimeZone) {
        guard let date = DateTimeFormat.date(from: text, timeZone: timeZone) else { return nil }
        self = date
    }
}

extension CalendarDate: ResponseHeaderValue {
    public init?(headerText text: String, timeZone: TimeZone) { self.init(text) }
}

extension Array: ResponseHeaderValue where Element: ResponseHeaderValue {
    /// Comma-separated items (`style: simple`), each trimmed of optional white space.
    public init?(headerText text: String, timeZone: TimeZone) {
        var items: [Element] = []
        for piece in text.split(separator: ",", omittingEmptySubsequences: false) {
            guard let item = Element(headerText: piece.trimmingCharacters(in: .whitespaces), timeZone: timeZone) else { return nil }
            items.append(item)
        }
        self = items
    }
}

/// Reads an operation's declared response headers; generated `…Headers` initializers use it.
@_spi(Generated) public struct ResponseHeaderReader: Sendable {
    let operationID: String
    let request: HTTPRequest
    let response: HTTPResponse
    let body: Data
    let timeZone: TimeZone

    /// The header's value decoded as `T`: nil when absent; several fields of the same name are
    /// joined with `, ` first (RFC 9110 §5.3).
    /// - Throws: `ResponseDecodingError` (coding path: the header name) when the value is not a `T`.
    public func value<T: ResponseHeaderValue>(_ name: String, as type: T.Type = T.self) throws -> T? {
        guard let field = HTTPField.Name(name) else { return nil }
        let values = response.headerFields[values: field]
        if values.isEmpty { return nil }
        let text = values.joined(separator: ", ").trimmingCharacters(in: .whitespaces)
        if let value = T(headerText: text, timeZone: timeZone) { return value }
        let context = DecodingError.Context(codingPath: [HeaderKey(stringValue: name)], debugDescription: "header \(name) is not a \(T.self)")
        throw ResponseDecodingError(operationID: operationID, method: request.method, path: pathWithoutQuery(request), response: response, body: body,
                                    expectedType: "\(T.self) (header \(name))", underlyingError: DecodingError.dataCorrupted(context))
    }

    struct HeaderKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { return nil }
    }
}
