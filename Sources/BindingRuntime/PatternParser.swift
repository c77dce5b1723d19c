import Foundation

/// Parses the pattern source into a `PatternNode` with the grammar of ECMA-262 §22.2.1 under the
/// `u` flag, accepting exactly what the generator's translator (BindgenCore's `ECMAPattern`)
/// accepts, so every pattern in generated code parses here.
struct PatternParser {
    struct Failure: Error, Equatable, Sendable {
        /// Offset in code points into the pattern.
        var offset: Int
        var message: String
    }

    /// Groups nested deeper than this are rejected: every later stage (compilation, and the
    /// tree's own release) recurses once per level, and validation may run on a thread with a
    /// small stack.
    static let maxNesting = 200

    let scalars: [Unicode.Scalar]
    var index = 0
    var nesting = 0

    init(_ source: String) {
        scalars = Array(source.unicodeScalars)
    }

    static func parse(_ source: String) throws(Failure) -> PatternNode {
        var parser = PatternParser(source)
        let node = try parser.disjunction()
        if parser.index < parser.scalars.count {
            throw Failure(offset: parser.index, message: "unmatched '\(parser.scalars[parser.index])'")
        }
        return node
    }

    func fail(_ message: String, at offset: Int? = nil) -> Failure { Failure(offset: offset ?? index, message: message) }
    var current: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }
    func peek(_ offset: Int) -> Unicode.Scalar? { index + offset < scalars.count ? scalars[index + offset] : nil }

    mutating func disjunction() throws(Failure) -> PatternNode {
        var alternatives = [try alternative()]
        while current == "|" {
            index += 1
            alternatives.append(try alternative())
        }
        return alternatives.count == 1 ? alternatives[0] : .alternation(alternatives)
    }

    mutating func alternative() throws(Failure) -> PatternNode {
        var terms: [PatternNode] = []
        while let scalar = current, scalar != "|", scalar != ")" {
            terms.append(try term())
        }
        switch terms.count {
        case 0: return .empty
        case 1: return terms[0]
        default: return .sequence(terms)
        }
    }

    mutating func term() throws(Failure) -> PatternNode {
        let start = index
        guard let scalar = current else { return .empty }
        var atom: PatternNode
        var quantifiable = true
        switch scalar {
        case "^": index += 1; return .assertion(.start)
        case "$": index += 1; return .assertion(.end)
        case "\\" where peek(1) == "b": index += 2; return .assertion(.wordBoundary)
        case "\\" where peek(1) == "B": index += 2; return .assertion(.notWordBoundary)
        case "(":
            index += 1
            var look: (behind: Bool, negated: Bool)?
            if current == "?" {
                switch (peek(1), peek(2)) {
                case (":"?, _): index += 2
                case ("="?, _): index += 2; look = (false, false)
                case ("!"?, _): index += 2; look = (false, true)
                case ("<"?, "="?): index += 3; look = (true, false)
                case ("<"?, "!"?): index += 3; look = (true, true)
                case ("<"?, _):
                    index += 2
                    let nameStart = index
                    while let c = current, c != ">" {
                        guard c.properties.isIDContinue || c == "$" else { throw fail("invalid group name") }
                        index += 1
                    }
                    guard current == ">", index > nameStart else { throw fail("invalid group name", at: nameStart) }
                    index += 1
                default:
                    throw fail("unsupported group syntax '(?' (inline flags are not ECMA-262)")
                }
            }
            nesting += 1
            guard nesting <= Self.maxNesting else { throw fail("groups nested deeper than \(Self.maxNesting)") }
            let inner = try disjunction()
            nesting -= 1
            guard current == ")" else { throw fail("missing ')'", at: start) }
            index += 1
            if let look {
                atom = .look(inner, behind: look.behind, negated: look.negated)
                quantifiable = false
            } else {
                atom = inner
            }
        case ".":
            index += 1
            atom = .set(CodePointSet(items: [.builtin(.dot, negated: false)], negated: false))
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
            atom = Self.single(scalar.value)
        }
        guard let (minimum, maximum) = try quantifier() else { return atom }
        guard quantifiable else { throw fail("a lookaround assertion cannot be quantified", at: start) }
        return .quantified(atom, min: minimum, max: maximum)
    }

    static func single(_ c: UInt32) -> PatternNode {
        .set(CodePointSet(items: [.range(c, c)], negated: false))
    }

    /// `* + ? {n} {n,} {n,m}`, each optionally followed by `?` (lazy: the same language).
    mutating func quantifier() throws(Failure) -> (Int, Int?)? {
        var result: (Int, Int?)
        switch current {
        case "*": index += 1; result = (0, nil)
        case "+": index += 1; result = (1, nil)
        case "?": index += 1; result = (0, 1)
        case "{":
            let start = index
            index += 1
            guard let minimumText = digits() else { throw fail("incomplete quantifier", at: start) }
            guard let minimum = Int(minimumText) else { throw fail("quantifier count too large", at: start) }
            result = (minimum, minimum)
            if current == "," {
                index += 1
                if let maximumText = digits() {
                    guard let maximum = Int(maximumText) else { throw fail("quantifier count too large", at: start) }
                    guard minimum <= maximum else { throw fail("quantifier range out of order", at: start) }
                    result = (minimum, maximum)
                } else {
                    result = (minimum, nil)
                }
            }
            guard current == "}" else { throw fail("incomplete quantifier", at: start) }
            index += 1
        default:
            return nil
        }
        if current == "?" { index += 1 }
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
    mutating func atomEscape() throws(Failure) -> PatternNode {
        let start = index
        index += 1
        guard let scalar = current else { throw fail("'\\' at the end of the pattern", at: start) }
        if let item = try characterClassEscape() { return .set(CodePointSet(items: [item], negated: false)) }
        if ("1"..."9").contains(scalar) || scalar == "k" {
            throw fail("backreferences are not supported", at: start)
        }
        return Self.single(try characterEscape(start: start).value)
    }

    /// `\d \D \w \W \s \S \p{…} \P{…}` at `current` (after the backslash), or nil.
    mutating func characterClassEscape() throws(Failure) -> CodePointSet.Item? {
        guard let scalar = current else { return nil }
        let item: CodePointSet.Item
        switch scalar {
        case "d": item = .builtin(.digit, negated: false)
        case "D": item = .builtin(.digit, negated: true)
        case "w": item = .builtin(.word, negated: false)
        case "W": item = .builtin(.word, negated: true)
        case "s": item = .builtin(.space, negated: false)
        case "S": item = .builtin(.space, negated: true)
        case "p", "P":
            let start = index - 1
            index += 1
            guard current == "{" else { throw fail("'\\\(scalar)' needs '{…}'", at: start) }
            index += 1
            var name = ""
            while let c = current, c != "}" { name.unicodeScalars.append(c); index += 1 }
            guard current == "}" else { throw fail("unterminated '\\\(scalar){'", at: start) }
            index += 1
            guard Self.isSupportedProperty(name), let property = UnicodePropertyClass(name: name, negated: scalar == "P") else {
                throw fail("unsupported Unicode property '\(name)'", at: start)
            }
            return .property(property)
        default:
            return nil
        }
        index += 1
        return item
    }

    /// The property names the generator accepts (General_Category values, `gc=`/`sc=`/`scx=`).
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

    /// A character escape at `current` (after the backslash): the code point it stands for
    /// (ECMA-262 §22.2.1 CharacterEscape, with the `u` flag's IdentityEscape: syntax characters and `/`).
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
                guard current == "}", !text.isEmpty, text.unicodeScalars.allSatisfy({ $0.properties.isASCIIHexDigit }),
                      let value = UInt32(text, radix: 16), let code = Unicode.Scalar(value) else {
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
        var value: UInt32 = 0
        for offset in 0..<count {
            guard let digit = Self.hexValue(scalars[index + offset]) else { return nil }
            value = value << 4 | digit
        }
        index += count
        return value
    }

    static func hexValue(_ scalar: Unicode.Scalar) -> UInt32? {
        switch scalar {
        case "0"..."9": return scalar.value - 0x30
        case "a"..."f": return scalar.value - 0x61 + 10
        case "A"..."F": return scalar.value - 0x41 + 10
        default: return nil
        }
    }

    /// `[ … ]` at `current` (ECMA-262 §22.2.2.9 CharacterClass; without the `v` flag `&&` and
    /// `[` inside are literal).
    mutating func characterClass() throws(Failure) -> PatternNode {
        let start = index
        index += 1
        var negated = false
        if current == "^" { negated = true; index += 1 }
        var items: [CodePointSet.Item] = []
        while let scalar = current, scalar != "]" {
            let atomStart = index
            let first = try classAtom()
            if current == "-", let next = peek(1), next != "]" {
                index += 1
                let second = try classAtom()
                guard case .character(let low) = first, case .character(let high) = second else {
                    throw fail("a class escape cannot be a range endpoint", at: atomStart)
                }
                guard low.value <= high.value else { throw fail("class range out of order", at: atomStart) }
                items.append(.range(low.value, high.value))
            } else {
                switch first {
                case .character(let c): items.append(.range(c.value, c.value))
                case .set(let item): items.append(item)
                }
            }
        }
        guard current == "]" else { throw fail("missing ']'", at: start) }
        index += 1
        // `[]` matches nothing and `[^]` any code point: both fall out of the empty union.
        return .set(CodePointSet(items: items, negated: negated))
    }

    enum ClassAtom {
        case character(Unicode.Scalar)
        case set(CodePointSet.Item)
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
        if let item = try characterClassEscape() { return .set(item) }
        if let next = current, ("1"..."9").contains(next) { throw fail("backreferences are not supported", at: start) }
        return .character(try characterEscape(start: start))
    }
}
