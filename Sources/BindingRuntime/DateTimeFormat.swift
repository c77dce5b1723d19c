public import Foundation

/// Reading and writing OpenAPI `format: date-time` values, independent of the process's locale
/// and time zone.
///
/// Accepted (RFC 3339 §5.6 `date-time`, plus the two forms real servers send):
/// - `2026-03-30T10:00:00Z`, `2026-03-30T10:00:00.123Z`, `2026-03-30T10:00:00+02:00`
///   (`T`/`t`/space separator, `Z`/`z`, offsets `±HH:MM`, `±HHMM`, `±HH`, any number of
///   fractional-second digits);
/// - no offset, `2026-03-30T10:00:00` or `2026-03-30T10:00`: read in the given time zone;
/// - date only, `2026-03-30` (EnergyCAP's own example for `submittedDate`): midnight in the
///   given time zone.
/// Written as RFC 3339 in UTC, `2026-03-30T10:00:00Z`, with fractional seconds (up to
/// microseconds, trailing zeros dropped) only when there are any.
public enum DateTimeFormat {
    /// - Returns: the instant, or nil when `text` is none of the accepted forms or names an
    ///   impossible date or time.
    public static func date(from text: String, timeZone: TimeZone) -> Date? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 10, let day = CalendarDate(String(decoding: bytes[0..<10], as: UTF8.self)) else { return nil }
        var seconds = Double(day.daysSinceEpoch) * 86_400
        if bytes.count == 10 {
            return localInstant(seconds, in: timeZone)
        }
        guard [UInt8(ascii: "T"), UInt8(ascii: "t"), UInt8(ascii: " ")].contains(bytes[10]), bytes.count >= 16,
              bytes[13] == UInt8(ascii: ":"), let hour = DecimalDigits.value(bytes[11..<13]),
              let minute = DecimalDigits.value(bytes[14..<16]), hour < 24, minute < 60 else { return nil }
        seconds += Double(hour * 3600 + minute * 60)
        var index = 16
        if index < bytes.count, bytes[index] == UInt8(ascii: ":") {
            guard index + 3 <= bytes.count, let second = DecimalDigits.value(bytes[(index + 1)..<(index + 3)]), second <= 60 else { return nil }
            seconds += Double(second)
            index += 3
            if index < bytes.count, bytes[index] == UInt8(ascii: ".") || bytes[index] == UInt8(ascii: ",") {
                let start = index + 1
                index = start
                while index < bytes.count, (0x30...0x39).contains(bytes[index]) { index += 1 }
                guard index > start, let fraction = Double("0." + String(decoding: bytes[start..<index], as: UTF8.self)) else { return nil }
                seconds += fraction
            }
        }
        if index == bytes.count {
            return localInstant(seconds, in: timeZone)
        }
        switch bytes[index] {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            guard index + 1 == bytes.count else { return nil }
            return Date(timeIntervalSince1970: seconds)
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            let sign = bytes[index] == UInt8(ascii: "-") ? -1 : 1
            let rest = Array(bytes[(index + 1)...]).filter { $0 != UInt8(ascii: ":") }
            guard rest.count == 2 || rest.count == 4, let hours = DecimalDigits.value(rest[0..<2][...]),
                  let minutes = rest.count == 4 ? DecimalDigits.value(rest[2..<4][...]) : 0, hours < 24, minutes < 60 else { return nil }
            return Date(timeIntervalSince1970: seconds - Double(sign * (hours * 3600 + minutes * 60)))
        default:
            return nil
        }
    }

    /// RFC 3339 in UTC: `2026-03-30T10:00:00Z` or `2026-03-30T10:00:00.25Z`.
    public static func string(from date: Date) -> String {
        let interval = date.timeIntervalSince1970
        var wholeSeconds = Int(interval.rounded(.down))
        var micros = Int(((interval - Double(wholeSeconds)) * 1_000_000).rounded())
        if micros == 1_000_000 { wholeSeconds += 1; micros = 0 }
        let days = Int((Double(wholeSeconds) / 86_400).rounded(.down))
        let secondOfDay = wholeSeconds - days * 86_400
        let day = CalendarDate(daysSinceEpoch: days)
        var text = day.description + "T" + DecimalDigits.padded(secondOfDay / 3600, 2) + ":"
            + DecimalDigits.padded(secondOfDay % 3600 / 60, 2) + ":" + DecimalDigits.padded(secondOfDay % 60, 2)
        if micros > 0 {
            var fraction = DecimalDigits.padded(micros, 6)
            while fraction.hasSuffix("0") { fraction.removeLast() }
            text += "." + fraction
        }
        return text + "Z"
    }

    /// A wall-clock time (seconds since 1970-01-01T00:00 local) in `timeZone` as an instant.
    private static func localInstant(_ localSeconds: Double, in timeZone: TimeZone) -> Date {
        let guess = Date(timeIntervalSince1970: localSeconds)
        let offset = timeZone.secondsFromGMT(for: guess)
        let adjusted = Date(timeIntervalSince1970: localSeconds - Double(offset))
        // Near a DST change the offset at the adjusted instant can differ; prefer it.
        let secondOffset = timeZone.secondsFromGMT(for: adjusted)
        return Date(timeIntervalSince1970: localSeconds - Double(secondOffset))
    }
}
