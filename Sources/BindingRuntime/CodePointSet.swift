import Foundation

/// A set of code points: a union of ranges, built-in classes (`\d \w \s` and their complements)
/// and Unicode properties, optionally complemented (`[^…]`). ASCII membership is precomputed.
struct CodePointSet: Sendable {
    enum Item: Sendable {
        case range(UInt32, UInt32)
        case builtin(Builtin, negated: Bool)
        case property(UnicodePropertyClass)
    }

    enum Builtin: Sendable {
        /// `\d`: `[0-9]`.
        case digit
        /// `\w`: `[A-Za-z0-9_]`.
        case word
        /// `\s`: ECMA-262 WhiteSpace (§12.2) and LineTerminator (§12.3).
        case space
        /// `.`: anything but a LineTerminator (§22.2.2.7, without the `s` flag).
        case dot

        func contains(_ c: UInt32) -> Bool {
            switch self {
            case .digit: return c >= 0x30 && c <= 0x39
            case .word: return Self.isWord(c)
            case .space:
                switch c {
                case 0x09...0x0D, 0x20, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF: return true
                default: return false
                }
            case .dot: return !(c == 0x0A || c == 0x0D || c == 0x2028 || c == 0x2029)
            }
        }

        static func isWord(_ c: UInt32) -> Bool {
            (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) || (c >= 0x30 && c <= 0x39) || c == 0x5F
        }
    }

    let items: [Item]
    let negated: Bool
    private let asciiLow: UInt64
    private let asciiHigh: UInt64

    init(items: [Item], negated: Bool) {
        self.items = items
        self.negated = negated
        var low: UInt64 = 0, high: UInt64 = 0
        for c in UInt32(0)..<128 where Self.slowContains(items: items, c) != negated {
            if c < 64 { low |= 1 << UInt64(c) } else { high |= 1 << UInt64(c - 64) }
        }
        asciiLow = low
        asciiHigh = high
    }

    func contains(_ c: UInt32) -> Bool {
        if c < 64 { return asciiLow & (1 << UInt64(c)) != 0 }
        if c < 128 { return asciiHigh & (1 << UInt64(c - 64)) != 0 }
        return Self.slowContains(items: items, c) != negated
    }

    private static func slowContains(items: [Item], _ c: UInt32) -> Bool {
        for item in items {
            switch item {
            case .range(let low, let high): if c >= low && c <= high { return true }
            case .builtin(let builtin, let negated): if builtin.contains(c) != negated { return true }
            case .property(let property): if property.contains(c) { return true }
            }
        }
        return false
    }
}

/// `\p{…}` / `\P{…}` with a General_Category or Script (Script_Extensions) value (ECMA-262
/// §22.2.2.9 UnicodeMatchProperty). Membership comes from ICU, as the generator's translation
/// has always used (one single-class `NSRegularExpression`, which cannot backtrack), and is
/// cached per code point.
final class UnicodePropertyClass: @unchecked Sendable {
    let name: String
    let negated: Bool
    private let expression: NSRegularExpression?
    private let lock = NSLock()
    private var cache: [UInt32: Bool] = [:]
    private static let cacheLimit = 4096

    init?(name: String, negated: Bool) {
        guard name.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || $0 == "_" || $0 == "=") }) else { return nil }
        self.name = name
        self.negated = negated
        guard let expression = try? NSRegularExpression(pattern: "\\p{\(name)}") else { return nil }
        self.expression = expression
    }

    func contains(_ c: UInt32) -> Bool {
        lock.lock()
        if let known = cache[c] { lock.unlock(); return known }
        lock.unlock()
        guard let scalar = Unicode.Scalar(c), let expression else { return negated }
        let text = String(Character(scalar))
        let found = expression.firstMatch(in: text, range: NSRange(text.startIndex..<text.endIndex, in: text)) != nil
        let result = found != negated
        lock.lock()
        if cache.count < Self.cacheLimit { cache[c] = result }
        lock.unlock()
        return result
    }
}
