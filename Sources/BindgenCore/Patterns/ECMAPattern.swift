import Foundation

/// Translates a JSON Schema `pattern` (an ECMA-262 regular expression, evaluated with the `u`
/// flag, JSON Schema Validation §6.3.3 / §4.3) into an ICU pattern for `NSRegularExpression`
/// that matches exactly the same strings.
///
/// Supported: literals and escapes (`\t \n \v \f \r \0 \cX \xHH \uHHHH \u{H…}`, escaped syntax
/// characters), `.`, `^`, `$`, `\b`, `\B`, classes with ranges and `\d \D \w \W \s \S`,
/// `\p{…}`/`\P{…}` with a General_Category or Script value, groups (capturing, named,
/// non-capturing), lookahead and lookbehind, and the quantifiers `* + ? {n} {n,} {n,m}` (greedy
/// or lazy). ECMA-262 meanings are kept where ICU's differ: `\d`, `\w`, `\b` are ASCII; `\s` is
/// ECMA-262's white space and line terminators; `.` excludes only `\n \r U+2028 U+2029`; `$`
/// matches only at the very end (never before a final newline).
/// Rejected (as generation errors): backreferences (ICU and ECMA-262 disagree on groups that did
/// not participate), inline flags, and anything ICU cannot compile (e.g. unbounded lookbehind).
enum ECMAPattern {
    struct Failure: Error, Equatable {
        /// Offset in code points into the pattern.
        var offset: Int
        var message: String
        /// A bound (`maxDepth`) was passed, rather than the pattern being invalid.
        var isLimit = false
    }

    static let asciiWord = "A-Za-z0-9_"
    static let whiteSpace = "\\t\\n\\x{0B}\\f\\r\\x{20}\\x{A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}"
    static let lineTerminators = "\\n\\r\\x{2028}\\x{2029}"

    /// - Parameter maxDepth: deepest accepted nesting of groups (`(…)`, lookarounds included):
    ///   the parser is recursive descent, so deeper patterns are a `Failure` rather than a stack
    ///   overflow (`GenerationLimits.maxDepth`, default 64).
    /// - Returns: the ICU pattern.
    /// - Throws: `Failure` for invalid ECMA-262 syntax, an unsupported construct, or nesting
    ///   beyond `maxDepth`.
    static func translate(_ source: String, maxDepth: Int = 64) throws(Failure) -> String {
        var parser = Parser(scalars: Array(source.unicodeScalars), maxDepth: maxDepth)
        let icu = try parser.disjunction()
        if parser.index < parser.scalars.count {
            throw Failure(offset: parser.index, message: "unmatched '\(parser.scalars[parser.index])'")
        }
        do {
            _ = try NSRegularExpression(pattern: icu)
        } catch {
            throw Failure(offset: 0, message: "the pattern cannot be evaluated with ECMA-262 semantics here (ICU rejects its translation; unbounded lookbehind is one cause)")
        }
        return icu
    }

    private struct Parser {
        let scalars: [Unicode.Scalar]
        let maxDepth: Int
        var index = 0
        /// Groups open at `index`.
        var depth = 0

        func fail(_ message: String, at offset: Int? = nil) -> Failure { Failure(offset: offset ?? index, message: message) }
        var current: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }
        func peek(_ offset: Int) -> Unicode.Scalar? { index + offset < scalars.count ? scalars[index + offset] : nil }

        mutating func disjunction() throws(Failure) -> String {
            var result = try alternative()
            while current == "|" {
                index += 1
                result += "|" + (try alternative())
            }
            return result
        }

        mutating func alternative() throws(Failure) -> String {
            var result = ""
            while let scalar = current, scalar != "|", scalar != ")" {
                result += try term()
            }
            return result
        }

        mutating func term() throws(Failure) -> String {
            let start = index
            guard let scalar = current else { return "" }
            var atom: String
            var quantifiable = true
            switch scalar {
            case "^": index += 1; return "^"
            case "$": index += 1; return "\\z"
            case "\\" where peek(1) == "b":
                index += 2
                return "(?:(?<=[\(asciiWord)])(?![\(asciiWord)])|(?<![\(asciiWord)])(?=[\(asciiWord)]))"
            case "\\" where peek(1) == "B":
                index += 2
                return "(?:(?<=[\(asciiWord)])(?=[\(asciiWord)])|(?<![\(asciiWord)])(?![\(asciiWord)]))"
            case "(":
                if depth >= maxDepth {
                    var failure = fail("groups nest deeper than the limit of \(maxDepth) levels (limits.maxDepth)")
                    failure.isLimit = true
                    throw failure
                }
                depth += 1
                defer { depth -= 1 }
                index += 1
                var opening = "(?:"
                if current == "?" {
                    switch (peek(1), peek(2)) {
                    case (":"?, _): index += 2
                    case ("="?, _): index += 2; opening = "(?="; quantifiable = false
                    case ("!"?, _): index += 2; opening = "(?!"; quantifiable = false
                    case ("<"?, "="?): index += 3; opening = "(?<="; quantifiable = false
                    case ("<"?, "!"?): index += 3; opening = "(?<!"; quantifiable = false
                    case ("<"?, _):
                        index += 2
                        let nameStart = index
                        while let c = current, c != ">" {
                            guard c.properties.isIDContinue || c == "$" else { throw fail("invalid group name") }
                            index += 1
                        }
                        guard current == ">", index > nameStart else { throw fail("invalid group name", at: nameStart) }
                        index += 1  // named groups become non-capturing: nothing refers to them
                    default:
                        throw fail("unsupported group syntax '(?' (inline flags are not ECMA-262)")
                    }
                }
                let inner = try disjunction()
                guard current == ")" else { throw fail("missing ')'", at: start) }
                index += 1
                atom = opening + inner + ")"
            case ".":
                index += 1
                atom = "[^\(lineTerminators)]"
            case "[":
                atom = try characterClass()
            case "\\":
                atom = try atomEscape()
            case "*", "+", "?", "{":
                throw fail("nothing to repeat")
            case ")", "]", "}":
                throw fail("lone '\(scalar)'")
            default:
                index += 1
                atom = literal(scalar)
            }
            guard let quantifier = try quantifier() else { return atom }
            guard quantifiable else { throw fail("a lookaround assertion cannot be quantified", at: start) }
            return atom + quantifier
        }

        mutating func quantifier() throws(Failure) -> String? {
            var result: String
            switch current {
            case "*", "+", "?":
                result = String(current!)
                index += 1
            case "{":
                let start = index
                index += 1
                let minimum = digits()
                guard let minimum else { throw fail("incomplete quantifier", at: start) }
                result = "{" + minimum
                if current == "," {
                    index += 1
                    result += ","
                    if let maximum = digits() {
                        guard let low = Int(minimum), let high = Int(maximum), low <= high else { throw fail("quantifier range out of order", at: start) }
                        result += maximum
                    }
                }
                guard current == "}" else { throw fail("incomplete quantifier", at: start) }
                index += 1
                result += "}"
            default:
                return nil
            }
            if current == "?" {
                index += 1
                result += "?"
            }
            return result
        }

        mutating func digits() -> String? {
            var text = ""
            while let c = current, ("0"..."9").contains(c) {
                text.unicodeScalars.append(c)
                index += 1
            }
            return text.isEmpty ? nil : text
        }

        /// After `\` outside a class.
        mutating func atomEscape() throws(Failure) -> String {
            let start = index
            index += 1
            guard let scalar = current else { throw fail("'\\' at the end of the pattern", at: start) }
            if let classEscape = try characterClassEscape(insideClass: false) { return classEscape }
            if ("1"..."9").contains(scalar) || scalar == "k" {
                throw fail("backreferences are not supported", at: start)
            }
            return literal(try characterEscape(start: start))
        }

        /// `\d \D \w \W \s \S \p{…} \P{…}` at `current` (after the backslash), or nil.
        mutating func characterClassEscape(insideClass: Bool) throws(Failure) -> String? {
            guard let scalar = current else { return nil }
            let set: String
            switch scalar {
            case "d": set = "0-9"
            case "D": set = "^0-9"
            case "w": set = asciiWord
            case "W": set = "^" + asciiWord
            case "s": set = whiteSpace
            case "S": set = "^" + whiteSpace
            case "p", "P":
                let start = index - 1
                index += 1
                guard current == "{" else { throw fail("'\\\(scalar)' needs '{…}'", at: start) }
                index += 1
                var name = ""
                while let c = current, c != "}" { name.unicodeScalars.append(c); index += 1 }
                guard current == "}" else { throw fail("unterminated '\\\(scalar){'", at: start) }
                index += 1
                guard Self.isSupportedProperty(name) else { throw fail("unsupported Unicode property '\(name)'", at: start) }
                return "\\\(scalar){\(name)}"
            default:
                return nil
            }
            index += 1
            if insideClass { return set.hasPrefix("^") ? "[\(set)]" : set }
            return "[\(set)]"
        }

        static func isSupportedProperty(_ name: String) -> Bool {
            let categories: Set<String> = [
                "L", "Lu", "Ll", "Lt", "Lm", "Lo", "LC", "M", "Mn", "Mc", "Me", "N", "Nd", "Nl", "No", "P", "Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po",
                "S", "Sm", "Sc", "Sk", "So", "Z", "Zs", "Zl", "Zp", "C", "Cc", "Cf", "Cs", "Co", "Cn",
                "Letter", "Uppercase_Letter", "Lowercase_Letter", "Number", "Decimal_Number", "Punctuation", "Symbol", "Separator", "Mark",
            ]
            if categories.contains(name) { return true }
            let parts = name.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, parts[1].allSatisfy({ $0.isASCII && ($0.isLetter || $0 == "_") }), !parts[1].isEmpty else { return false }
            switch parts[0] {
            case "General_Category", "gc": return categories.contains(parts[1])
            case "Script", "sc", "Script_Extensions", "scx": return true
            default: return false
            }
        }

        /// A character escape at `current` (after the backslash): the code point it stands for.
        mutating func characterEscape(start: Int) throws(Failure) -> Unicode.Scalar {
            guard let scalar = current else { throw fail("'\\' at the end of the pattern", at: start) }
            index += 1
            switch scalar {
            case "t": return "\t"
            case "n": return "\n"
            case "v": return "\u{0B}"
            case "f": return "\u{0C}"
            case "r": return "\r"
            case "0":
                if let next = current, ("0"..."9").contains(next) { throw fail("octal escapes are not allowed with the u flag", at: start) }
                return "\u{0}"
            case "c":
                guard let letter = current, letter.isASCII, letter.properties.isAlphabetic else { throw fail("invalid '\\c' escape", at: start) }
                index += 1
                return Unicode.Scalar(letter.value % 32)!
            case "x":
                guard let value = hex(count: 2) else { throw fail("invalid '\\x' escape", at: start) }
                return Unicode.Scalar(value)!
            case "u":
                if current == "{" {
                    index += 1
                    var text = ""
                    while let c = current, c != "}" { text.unicodeScalars.append(c); index += 1 }
                    guard current == "}", text.unicodeScalars.allSatisfy({ $0.properties.isASCIIHexDigit }), let value = UInt32(text, radix: 16), let code = Unicode.Scalar(value) else {
                        throw fail("invalid '\\u{…}' escape", at: start)
                    }
                    index += 1
                    return code
                }
                guard let value = hex(count: 4) else { throw fail("invalid '\\u' escape", at: start) }
                if (0xD800...0xDBFF).contains(value), current == "\\", peek(1) == "u" {
                    let save = index
                    index += 2
                    if let low = hex(count: 4), (0xDC00...0xDFFF).contains(low) {
                        return Unicode.Scalar(0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00))!
                    }
                    index = save
                }
                guard let code = Unicode.Scalar(value) else { throw fail("lone surrogates are not supported", at: start) }
                return code
            case "^", "$", "\\", ".", "*", "+", "?", "(", ")", "[", "]", "{", "}", "|", "/":
                return scalar
            default:
                throw fail("invalid escape '\\\(scalar)' (the u flag allows only syntax characters to be escaped)", at: start)
            }
        }

        mutating func hex(count: Int) -> UInt32? {
            guard index + count <= scalars.count else { return nil }
            var text = ""
            for offset in 0..<count { text.unicodeScalars.append(scalars[index + offset]) }
            guard text.unicodeScalars.allSatisfy({ $0.properties.isASCIIHexDigit }), let value = UInt32(text, radix: 16) else { return nil }
            index += count
            return value
        }

        /// `[ … ]` at `current`.
        mutating func characterClass() throws(Failure) -> String {
            let start = index
            index += 1
            var negated = false
            if current == "^" { negated = true; index += 1 }
            var items = ""
            var isEmpty = true
            while let scalar = current, scalar != "]" {
                isEmpty = false
                let atomStart = index
                let first = try classAtom()
                if current == "-", let next = peek(1), next != "]" {
                    index += 1
                    let second = try classAtom()
                    guard case .character(let low) = first, case .character(let high) = second else {
                        throw fail("a class escape cannot be a range endpoint", at: atomStart)
                    }
                    guard low.value <= high.value else { throw fail("class range out of order", at: atomStart) }
                    items += literal(low) + "-" + literal(high)
                } else {
                    switch first {
                    case .character(let c): items += literal(c)
                    case .set(let set): items += set
                    }
                }
            }
            guard current == "]" else { throw fail("missing ']'", at: start) }
            index += 1
            if isEmpty { return negated ? "[\\x{0}-\\x{10FFFF}]" : "(?!)" }
            return "[" + (negated ? "^" : "") + items + "]"
        }

        enum ClassAtom {
            case character(Unicode.Scalar)
            case set(String)
        }

        mutating func classAtom() throws(Failure) -> ClassAtom {
            guard let scalar = current else { throw fail("missing ']'") }
            guard scalar == "\\" else {
                index += 1
                return .character(scalar)
            }
            let start = index
            index += 1
            if current == "b" { index += 1; return .character("\u{08}") }
            if current == "-" { index += 1; return .character("-") }
            if let set = try characterClassEscape(insideClass: true) { return .set(set) }
            if let next = current, ("1"..."9").contains(next) { throw fail("backreferences are not supported", at: start) }
            return .character(try characterEscape(start: start))
        }

        /// A code point as ICU source: ASCII letters and digits as they are, everything else `\x{…}`.
        func literal(_ scalar: Unicode.Scalar) -> String {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) { return String(scalar) }
            return "\\x{" + String(scalar.value, radix: 16, uppercase: true) + "}"
        }
    }
}
