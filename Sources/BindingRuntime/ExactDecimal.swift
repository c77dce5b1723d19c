/// A decimal number held exactly (sign, digits, power of ten), for the JSON Schema numeric
/// keywords: `minimum`, `maximum`, `exclusiveMinimum`, `exclusiveMaximum` compare exactly over
/// the whole `Int64` range, and `multipleOf` has no binary floating-point false negatives
/// (`0.3` is a multiple of `0.1`; `0.30000000000000004`, i.e. 0.1 + 0.2, is not).
/// A `Double` enters by its shortest round-trip decimal text, the text a JSON writer emits.
public struct ExactDecimal: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Most significant first, no leading zeros; empty for zero.
    var digits: [UInt8]
    /// value = digits × 10^exponent
    var exponent: Int
    var isNegative: Bool

    /// Parses `-12.5`, `1e-7`, `3E+2`; nil for anything else (including NaN and infinities).
    public init?(_ text: String) {
        var bytes = Array(text.utf8)[...]
        var negative = false
        if bytes.first == UInt8(ascii: "-") { negative = true; bytes = bytes.dropFirst() } else if bytes.first == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
        var digits: [UInt8] = []
        var exponent = 0
        var sawDigit = false
        var afterPoint = false
        while let byte = bytes.first, byte == UInt8(ascii: ".") || (0x30...0x39).contains(byte) {
            bytes = bytes.dropFirst()
            if byte == UInt8(ascii: ".") {
                guard !afterPoint else { return nil }
                afterPoint = true
                continue
            }
            sawDigit = true
            digits.append(byte - 0x30)
            if afterPoint { exponent -= 1 }
        }
        guard sawDigit else { return nil }
        if let byte = bytes.first, byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            guard let power = Int(String(decoding: bytes, as: UTF8.self)), abs(power) < 100_000 else { return nil }
            exponent += power
            bytes = []
        }
        guard bytes.isEmpty else { return nil }
        self.init(digits: digits, exponent: exponent, isNegative: negative)
    }

    public init(_ value: Int64) {
        let magnitude = value.magnitude
        self.init(digits: Array(String(magnitude).utf8).map { $0 - 0x30 }, exponent: 0, isNegative: value < 0)
    }

    /// Nil for NaN and infinities.
    public init?(_ value: Double) {
        guard value.isFinite else { return nil }
        self.init(value.description)
    }

    init(digits: [UInt8], exponent: Int, isNegative: Bool) {
        var digits = Array(digits.drop(while: { $0 == 0 }))
        var exponent = exponent
        while digits.last == 0 { digits.removeLast(); exponent += 1 }
        self.digits = digits
        self.exponent = digits.isEmpty ? 0 : exponent
        self.isNegative = digits.isEmpty ? false : isNegative
    }

    public var isZero: Bool { digits.isEmpty }

    public var description: String {
        if digits.isEmpty { return "0" }
        var text = digits.map { String($0) }.joined()
        if exponent >= 0 {
            text += String(repeating: "0", count: exponent)
        } else {
            let point = text.count + exponent
            text = point > 0 ? String(text.prefix(point)) + "." + String(text.dropFirst(point))
                : "0." + String(repeating: "0", count: -point) + text
        }
        return (isNegative ? "-" : "") + text
    }

    public static func < (lhs: ExactDecimal, rhs: ExactDecimal) -> Bool {
        if lhs.isNegative != rhs.isNegative { return lhs.isNegative }
        let magnitudeLess = compareMagnitude(lhs, rhs) < 0
        let magnitudeGreater = compareMagnitude(lhs, rhs) > 0
        return lhs.isNegative ? magnitudeGreater : magnitudeLess
    }

    /// -1, 0 or 1 comparing |a| and |b|.
    static func compareMagnitude(_ a: ExactDecimal, _ b: ExactDecimal) -> Int {
        if a.isZero || b.isZero { return a.isZero == b.isZero ? 0 : (a.isZero ? -1 : 1) }
        let aTop = a.digits.count + a.exponent, bTop = b.digits.count + b.exponent  // position of the leading digit
        if aTop != bTop { return aTop < bTop ? -1 : 1 }
        let length = max(a.digits.count, b.digits.count)
        for index in 0..<length {
            let x = index < a.digits.count ? a.digits[index] : 0
            let y = index < b.digits.count ? b.digits[index] : 0
            if x != y { return x < y ? -1 : 1 }
        }
        return 0
    }

    /// Whether `self` is an integer multiple of `divisor` (which must not be zero).
    public func isMultiple(of divisor: ExactDecimal) -> Bool {
        if isZero { return true }
        guard !divisor.isZero else { return false }
        // Scale both to integers with the common exponent, then take the remainder.
        let common = min(exponent, divisor.exponent)
        let dividend = digits + Array(repeating: 0, count: exponent - common)
        let scaledDivisor = divisor.digits + Array(repeating: 0, count: divisor.exponent - common)
        return Self.remainderIsZero(dividend, scaledDivisor)
    }

    /// Schoolbook long division on base-10 digit arrays.
    private static func remainderIsZero(_ dividend: [UInt8], _ divisor: [UInt8]) -> Bool {
        var remainder: [UInt8] = []
        for digit in dividend {
            remainder.append(digit)
            remainder = Array(remainder.drop(while: { $0 == 0 }))
            while compare(remainder, divisor) >= 0 { remainder = subtract(remainder, divisor) }
        }
        return remainder.isEmpty
    }

    private static func compare(_ a: [UInt8], _ b: [UInt8]) -> Int {
        if a.count != b.count { return a.count < b.count ? -1 : 1 }
        for (x, y) in zip(a, b) where x != y { return x < y ? -1 : 1 }
        return 0
    }

    private static func subtract(_ a: [UInt8], _ b: [UInt8]) -> [UInt8] {
        var result = a
        var borrow: Int = 0
        for offset in 0..<a.count {
            let i = a.count - 1 - offset
            let j = b.count - 1 - offset
            var value = Int(result[i]) - borrow - (j >= 0 ? Int(b[j]) : 0)
            borrow = 0
            if value < 0 { value += 10; borrow = 1 }
            result[i] = UInt8(value)
        }
        return Array(result.drop(while: { $0 == 0 }))
    }
}
