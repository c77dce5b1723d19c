/// Resolves scalars by the YAML 1.2 core schema (YAML 1.2.2 §10.3.2, "Core Schema").
///
/// Plain scalars are matched against the schema's regular expressions for null, bool, int and
/// float, in that order; everything else, and every quoted or block scalar, is a string.
/// Explicit core tags (`!!str`, `!!int`, `!!float`, `!!bool`, `!!null`) force the type; the
/// non-specific tag `!` forces a string.
enum ScalarResolver {
    static let tagPrefix = "tag:yaml.org,2002:"

    static func resolve(text: String, style: Scalar.Style, tag: String?) throws(ResolutionFailure) -> Scalar.Value {
        if let tag {
            switch tag {
            case "!", tagPrefix + "str": return .string(text)
            case tagPrefix + "null":
                guard let value = resolveNull(text) else { throw ResolutionFailure(tag: "!!null", text: text) }
                return value
            case tagPrefix + "bool":
                guard let value = resolveBool(text) else { throw ResolutionFailure(tag: "!!bool", text: text) }
                return value
            case tagPrefix + "int":
                guard let value = resolveInt(text) else { throw ResolutionFailure(tag: "!!int", text: text) }
                return value
            case tagPrefix + "float":
                if let value = resolveFloat(text) { return value }
                if case .int(let int)? = resolveInt(text) { return .double(Double(int)) }
                throw ResolutionFailure(tag: "!!float", text: text)
            default:
                break  // application tags: resolve by content like an untagged node
            }
        }
        guard style == .plain else { return .string(text) }
        return resolvePlain(text)
    }

    static func resolvePlain(_ text: String) -> Scalar.Value {
        guard let first = text.utf8.first else { return .null }
        // Fast path: most OpenAPI scalars start with a letter other than n/N/t/T/f/F.
        switch first {
        case UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "~"):
            return resolveNull(text) ?? .string(text)
        case UInt8(ascii: "t"), UInt8(ascii: "T"), UInt8(ascii: "f"), UInt8(ascii: "F"):
            return resolveBool(text) ?? .string(text)
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."):
            return resolveInt(text) ?? resolveFloat(text) ?? .string(text)
        default:
            return .string(text)
        }
    }

    static func resolveNull(_ text: String) -> Scalar.Value? {
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        default: return nil
        }
    }

    static func resolveBool(_ text: String) -> Scalar.Value? {
        switch text {
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        default: return nil
        }
    }

    /// `[-+]?[0-9]+`, `0o[0-7]+`, `0x[0-9a-fA-F]+`. Decimal integers beyond `Int64` become doubles.
    static func resolveInt(_ text: String) -> Scalar.Value? {
        let bytes = Array(text.utf8)
        if bytes.count > 2, bytes[0] == UInt8(ascii: "0") {
            let digits = String(decoding: bytes[2...], as: UTF8.self)
            if bytes[1] == UInt8(ascii: "o"), bytes[2...].allSatisfy({ (0x30...0x37).contains($0) }) {
                return Int64(digits, radix: 8).map(Scalar.Value.int)
            }
            if bytes[1] == UInt8(ascii: "x"), bytes[2...].allSatisfy(isHexDigit) {
                return Int64(digits, radix: 16).map(Scalar.Value.int)
            }
        }
        var index = 0
        if let sign = bytes.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") { index = 1 }
        guard index < bytes.count, bytes[index...].allSatisfy(isDigit) else { return nil }
        if let value = Int64(text) { return .int(value) }
        return Double(text).map(Scalar.Value.double)
    }

    /// `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`, `[-+]?\.(inf|Inf|INF)`, `\.nan|\.NaN|\.NAN`.
    static func resolveFloat(_ text: String) -> Scalar.Value? {
        switch text {
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .double(.infinity)
        case "-.inf", "-.Inf", "-.INF": return .double(-.infinity)
        case ".nan", ".NaN", ".NAN": return .double(.nan)
        default: break
        }
        let bytes = Array(text.utf8)
        var i = 0
        if i < bytes.count, bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") { i += 1 }
        let integerStart = i
        while i < bytes.count, isDigit(bytes[i]) { i += 1 }
        let integerDigits = i - integerStart
        var fractionDigits = 0
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            i += 1
            let fractionStart = i
            while i < bytes.count, isDigit(bytes[i]) { i += 1 }
            fractionDigits = i - fractionStart
            // `1.` is a float; `.` alone is not.
            guard integerDigits > 0 || fractionDigits > 0 else { return nil }
        } else if integerDigits == 0 {
            return nil
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            i += 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") { i += 1 }
            let exponentStart = i
            while i < bytes.count, isDigit(bytes[i]) { i += 1 }
            guard i > exponentStart else { return nil }
        }
        guard i == bytes.count else { return nil }
        return Double(text).map(Scalar.Value.double)
    }

    private static func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        isDigit(byte) || (0x41...0x46).contains(byte) || (0x61...0x66).contains(byte)
    }
}

struct ResolutionFailure: Error {
    var tag: String
    var text: String
}
