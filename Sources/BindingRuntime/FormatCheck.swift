import Foundation

/// The `format` keyword's checks, with the semantics of the reference validator the project
/// tests against (Python `jsonschema` with its format checker):
/// - `date`: RFC 3339 `full-date`, `YYYY-MM-DD` with a real day, year ≥ 1;
/// - `date-time`: RFC 3339 §5.6 `date-time` (case-insensitive `T`/`Z`, seconds 00–59, optional
///   fraction, `Z` or `±HH:MM`), real day, year ≥ 1;
/// - `email`: contains `@` (jsonschema's check; the full RFC 5321 syntax is not enforced);
/// - `uuid`: RFC 4122 textual form, 8-4-4-4-12 hex digits;
/// - `uri`: RFC 3986 `URI` (absolute: a scheme is required), ASCII only;
/// - `ipv4`: dotted quad, each 0–255, no leading zeros (Python `ipaddress`);
/// - `ipv6`: RFC 4291 §2.2 text forms, with `::` and an embedded IPv4 tail; no `%zone`
///   (jsonschema rejects scoped addresses).
/// Other formats are not checked (JSON Schema makes `format` an annotation by default).
public enum FormatCheck {
    public static let checkedFormats: Set<String> = ["date", "date-time", "email", "uuid", "uri", "ipv4", "ipv6"]

    /// Which texts `format: date-time` accepts. The one leniency rule: what the generated
    /// decoders accept is never a response-validation violation unless strict checking is asked for.
    public enum DateTimeRule: Sendable, Hashable {
        /// RFC 3339 §5.6 `date-time` only (what jsonschema checks). Request validation and
        /// `validate()` use it, so nothing the spec forbids is sent.
        case rfc3339
        /// Every form `DateTimeFormat.date(from:timeZone:)` decodes: RFC 3339, and also
        /// offset-less date-times and date-only values (EnergyCAP's reference page sends
        /// `"submittedDate": "2026-03-30"` for a `date-time`). Response validation's default
        /// (`ClientConfiguration.strictResponseDateTimes` off).
        case asDecoded
    }

    /// Whether `text` is valid for `format`; true for formats that are not checked.
    public static func isValid(_ text: String, format: String, dateTimes: DateTimeRule = .rfc3339) -> Bool {
        switch format {
        case "date": return isDate(Array(text.utf8)[...])
        case "date-time":
            switch dateTimes {
            case .rfc3339: return isDateTime(text)
            // Any fixed zone gives the same answer: the zone moves the instant, not whether it exists.
            case .asDecoded: return isDateTime(text) || DateTimeFormat.date(from: text, timeZone: utc) != nil
            }
        case "email": return text.contains("@")
        case "uuid": return isUUID(text)
        case "uri": return isURI(text)
        case "ipv4": return isIPv4(Substring(text))
        case "ipv6": return isIPv6(text)
        default: return true
        }
    }

    private static let utc = TimeZone(identifier: "UTC")!

    private static func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }
    private static func isHex(_ byte: UInt8) -> Bool { isDigit(byte) || (0x41...0x46).contains(byte) || (0x61...0x66).contains(byte) }
    private static func isAlpha(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }

    static func isDate(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard bytes.count == 10, let date = CalendarDate(String(decoding: bytes, as: UTF8.self)) else { return false }
        return date.year >= 1
    }

    static func isDateTime(_ text: String) -> Bool {
        let bytes = Array(text.uppercased().utf8)
        guard bytes.count >= 20, isDate(bytes[0..<10]), bytes[10] == UInt8(ascii: "T") else { return false }
        func number(_ range: Range<Int>) -> Int? { range.allSatisfy { isDigit(bytes[$0]) } ? DecimalDigits.value(bytes[range]) : nil }
        guard let hour = number(11..<13), bytes[13] == UInt8(ascii: ":"), let minute = number(14..<16), bytes[16] == UInt8(ascii: ":"),
              let second = number(17..<19), hour < 24, minute < 60, second < 60 else { return false }
        var index = 19
        if bytes[index] == UInt8(ascii: ".") {
            index += 1
            let start = index
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
            guard index > start else { return false }
        }
        guard index < bytes.count else { return false }
        if bytes[index] == UInt8(ascii: "Z") { return index + 1 == bytes.count }
        guard bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-"), bytes.count == index + 6,
              let offsetHour = number((index + 1)..<(index + 3)), bytes[index + 3] == UInt8(ascii: ":"),
              let offsetMinute = number((index + 4)..<(index + 6)) else { return false }
        return offsetHour < 24 && offsetMinute < 60
    }

    static func isUUID(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 36 else { return false }
        for (index, byte) in bytes.enumerated() {
            if [8, 13, 18, 23].contains(index) {
                guard byte == UInt8(ascii: "-") else { return false }
            } else if !isHex(byte) {
                return false
            }
        }
        return true
    }

    /// RFC 3986 §3: `scheme ":" hier-part [ "?" query ] [ "#" fragment ]`.
    static func isURI(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")), colon > 0, isAlpha(bytes[0]) else { return false }
        for byte in bytes[1..<colon] where !(isAlpha(byte) || isDigit(byte) || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")) {
            return false
        }
        var rest = bytes[(colon + 1)...]
        var fragment: ArraySlice<UInt8> = []
        if let hash = rest.firstIndex(of: UInt8(ascii: "#")) {
            fragment = rest[(hash + 1)...]
            rest = rest[..<hash]
        }
        var query: ArraySlice<UInt8> = []
        if let question = rest.firstIndex(of: UInt8(ascii: "?")) {
            query = rest[(question + 1)...]
            rest = rest[..<question]
        }
        let extra: Set<UInt8> = [UInt8(ascii: ":"), UInt8(ascii: "@"), UInt8(ascii: "/"), UInt8(ascii: "?")]
        guard isURIText(query, extra: extra), isURIText(fragment, extra: extra) else { return false }
        if rest.starts(with: [UInt8(ascii: "/"), UInt8(ascii: "/")]) {
            let afterSlashes = rest.dropFirst(2)
            let end = afterSlashes.firstIndex(of: UInt8(ascii: "/")) ?? afterSlashes.endIndex
            guard isAuthority(afterSlashes[..<end]) else { return false }
            rest = afterSlashes[end...]
        }
        return isURIText(rest, extra: [UInt8(ascii: ":"), UInt8(ascii: "@"), UInt8(ascii: "/")])
    }

    /// unreserved / pct-encoded / sub-delims / `extra`.
    private static func isURIText(_ bytes: ArraySlice<UInt8>, extra: Set<UInt8>) -> Bool {
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "%") {
                guard index + 2 < bytes.endIndex, isHex(bytes[index + 1]), isHex(bytes[index + 2]) else { return false }
                index += 3
                continue
            }
            guard isAlpha(byte) || isDigit(byte) || "-._~!$&'()*+,;=".utf8.contains(byte) || extra.contains(byte) else { return false }
            index += 1
        }
        return true
    }

    /// `[ userinfo "@" ] host [ ":" port ]`
    private static func isAuthority(_ bytes: ArraySlice<UInt8>) -> Bool {
        var hostPart = bytes
        if let at = bytes.lastIndex(of: UInt8(ascii: "@")) {
            guard isURIText(bytes[..<at], extra: [UInt8(ascii: ":")]) else { return false }
            hostPart = bytes[(at + 1)...]
        }
        if hostPart.first == UInt8(ascii: "[") {
            guard let close = hostPart.firstIndex(of: UInt8(ascii: "]")) else { return false }
            let literal = String(decoding: hostPart[(hostPart.startIndex + 1)..<close], as: UTF8.self)
            guard isIPv6(literal) || literal.first == "v" || literal.first == "V" else { return false }
            let after = hostPart[(close + 1)...]
            return after.isEmpty || (after.first == UInt8(ascii: ":") && after.dropFirst().allSatisfy(isDigit))
        }
        var host = hostPart
        if let colon = hostPart.lastIndex(of: UInt8(ascii: ":")) {
            guard hostPart[(colon + 1)...].allSatisfy(isDigit) else { return false }
            host = hostPart[..<colon]
        }
        return isURIText(host, extra: [])
    }

    static func isIPv4(_ text: Substring) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return false }
        for part in parts {
            let bytes = Array(part.utf8)
            guard (1...3).contains(bytes.count), bytes.allSatisfy(isDigit), bytes.count == 1 || bytes[0] != UInt8(ascii: "0"),
                  let value = Int(part), value <= 255 else { return false }
        }
        return true
    }

    static func isIPv6(_ text: String) -> Bool {
        let address = Substring(text)
        guard !address.isEmpty, !address.contains("%") else { return false }
        var groups = 8
        var body = address
        if let lastColon = address.lastIndex(of: ":"), address[address.index(after: lastColon)...].contains(".") {
            guard isIPv4(address[address.index(after: lastColon)...]) else { return false }
            groups = 6
            body = address[...lastColon]
            if body.hasSuffix(":") && !body.hasSuffix("::") { body = body.dropLast() }
        }
        let halves = String(body).components(separatedBy: "::")
        func hexGroups(_ part: String) -> Int? {
            if part.isEmpty { return 0 }
            let items = part.split(separator: ":", omittingEmptySubsequences: false)
            for item in items {
                guard (1...4).contains(item.utf8.count), item.utf8.allSatisfy(isHex) else { return nil }
            }
            return items.count
        }
        switch halves.count {
        case 1:
            return hexGroups(halves[0]) == groups
        case 2:
            guard let left = hexGroups(halves[0]), let right = hexGroups(halves[1]) else { return false }
            return left + right < groups
        default:
            return false
        }
    }
}
