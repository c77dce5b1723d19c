/// Every Swift identifier the generator emits is made here, from the name the spec uses
/// (which stays beside it, e.g. in `CodingKeys`).
///
/// Non-ASCII letters are transliterated, never dropped (`über` → `uber`; `名前` → `u540D_u524D`:
/// see `Transliteration`, Unicode UAX #15). Names that compete in one scope are made unique by
/// `NameAllocation`, whose rule depends only on the set of competing wire names, never on document
/// order (explicit names first, then the most direct spelling, then wire-name bytes; suffixes `2`,
/// `3`, … or `_2` after a digit).
///
/// Rules (Swift API Design Guidelines): types UpperCamelCase, everything else lowerCamelCase;
/// acronyms uniformly cased (`meterId` → `meterID`, `ApiKey` → `apiKey`, `fileUrl` → `fileURL`);
/// words split at non-alphanumerics and at case changes; a leading digit gets a `_` prefix;
/// Swift keywords are escaped with backticks where they need to be.
public enum Naming {
    /// Words written in capitals when not first (`ID`, `URL`).
    static let acronyms: Set<String> = ["id", "ids", "url", "urls", "uri", "uuid", "http", "https", "json", "xml", "api", "html", "ip", "sql", "csv"]

    /// Names that generated code uses unqualified; a type with one of these names gets a `Model` suffix.
    static let reservedTypeNames: Set<String> = [
        "Any", "Array", "Bool", "CalendarDate", "Character", "Codable", "CodingKey", "Data", "Date", "Decodable", "Decoder",
        "Dictionary", "Double", "Encodable", "Encoder", "Error", "Float", "Foundation", "Hashable", "Int", "Int32", "Int64",
        "JSONValue", "Never", "Optional", "Protocol", "Result", "Self", "Sendable", "Set", "String", "Task", "Type", "URL", "UUID", "Void",
        "APIError", "ClientConfiguration", "ClientTransport", "HTTPRequest", "HTTPResponse", "HTTPFields",
    ]

    /// Keywords that must be escaped with backticks as declarations (The Swift Programming Language, "Keywords and Punctuation").
    static let keywords: Set<String> = [
        "associatedtype", "class", "deinit", "enum", "extension", "fileprivate", "func", "import", "init", "inout", "internal",
        "let", "open", "operator", "private", "precedencegroup", "protocol", "public", "rethrows", "static", "struct",
        "subscript", "typealias", "var", "break", "case", "catch", "continue", "default", "defer", "do", "else", "fallthrough",
        "for", "guard", "if", "in", "repeat", "return", "throw", "switch", "where", "while", "Any", "as", "await", "false", "is",
        "nil", "self", "Self", "super", "throws", "true", "try", "_",
    ]

    /// Splits `dataAccessReleaseStatusId`, `ECI-ApiKey`, `HTTPServer2Go`, `snake_case` into words.
    /// Non-ASCII names are transliterated first (`über` → `uber`, `名前` → `u540D_u524D`; see `Transliteration`).
    public static func words(_ name: String) -> [String] {
        if name.utf8.allSatisfy({ $0 < 0x80 }) { return asciiWords(name) }
        return Transliteration.segments(name).flatMap { segment -> [String] in
            switch segment {
            case .ascii(let text): return asciiWords(text)
            case .codePoints(let word): return [word]
            }
        }
    }

    /// `words` for ASCII names, on bytes (the common case; Unicode property lookups are slow).
    static func asciiWords(_ name: String) -> [String] {
        func isUpper(_ b: UInt8) -> Bool { b >= 0x41 && b <= 0x5A }
        func isLower(_ b: UInt8) -> Bool { b >= 0x61 && b <= 0x7A }
        func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
        let bytes = Array(name.utf8)
        var words: [String] = []
        var current: [UInt8] = []
        func flush() {
            if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)); current.removeAll(keepingCapacity: true) }
        }
        for (index, byte) in bytes.enumerated() {
            guard isUpper(byte) || isLower(byte) || isDigit(byte) else {
                flush()
                continue
            }
            if let last = current.last, isUpper(byte) {
                let next = index + 1 < bytes.count ? bytes[index + 1] : 0
                if isLower(last) || isDigit(last) || (isUpper(last) && isLower(next)) { flush() }
            }
            current.append(byte)
        }
        flush()
        return words
    }

    /// `UpperCamelCase` type name.
    public static func typeName(_ name: String) -> String {
        var result = words(name).map(capitalized).joined()
        if result.isEmpty { result = "Unnamed" }
        if result.first!.isNumber { result = "_" + result }
        if reservedTypeNames.contains(result) { result += "Model" }
        return result
    }

    /// `lowerCamelCase` name for properties, parameters, methods and enum cases; not escaped.
    public static func memberName(_ name: String) -> String {
        let parts = words(name)
        guard let first = parts.first else { return "unnamed" }
        var result = lowercasedFirstWord(first) + parts.dropFirst().map(capitalized).joined()
        if result.first!.isNumber { result = "_" + result }
        return result
    }

    /// The name written with backticks when it is a keyword (`default` → `` `default` ``).
    public static func escaped(_ identifier: String) -> String {
        keywords.contains(identifier) ? "`\(identifier)`" : identifier
    }

    /// Makes `name` unique among `taken` by appending 2, 3, … and records it.
    public static func unique(_ name: String, in taken: inout Set<String>) -> String {
        var candidate = name
        var counter = 2
        while taken.contains(candidate) {
            candidate = name + String(counter)
            counter += 1
        }
        taken.insert(candidate)
        return candidate
    }

    private static func capitalized(_ word: String) -> String {
        if acronyms.contains(word.lowercased()) {
            return word.lowercased() == "ids" ? "IDs" : word.uppercased()
        }
        if word.count > 1, word.allSatisfy({ $0.isUppercase || $0.isNumber }) { return word }
        return word.prefix(1).uppercased() + word.dropFirst()
    }

    private static func lowercasedFirstWord(_ word: String) -> String {
        if acronyms.contains(word.lowercased()) || word.allSatisfy({ $0.isUppercase || $0.isNumber }) {
            return word.lowercased()
        }
        return word.prefix(1).lowercased() + word.dropFirst()
    }
}
