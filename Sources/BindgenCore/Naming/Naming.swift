/// Every Swift identifier the generator emits is made here, from the name the spec uses
/// (which stays beside it, e.g. as the coding key in `init(from:)`).
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
/// Swift keywords are escaped with backticks where they need to be. The names that are
/// reserved (keywords, type names the output relies on) are in `ReservedNames`.
public enum Naming {
    /// Words written in capitals when not first (`ID`, `URL`).
    static let acronyms: Set<String> = ["id", "ids", "url", "urls", "uri", "uuid", "http", "https", "json", "xml", "api", "html", "ip", "sql", "csv"]

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
        if ReservedNames.typeNames.contains(result) { result += "Model" }
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

    /// A type name chosen in the config (`nameOverrides.schemas`): kept when it is an ASCII
    /// identifier, with the `Model` suffix when it is reserved; anything else is made a type name
    /// like a spec name (the config reader reports it as an error before this).
    public static func overrideTypeName(_ name: String) -> String {
        guard isASCIIIdentifier(name) else { return typeName(name) }
        return ReservedNames.typeNames.contains(name) ? name + "Model" : name
    }

    /// A method name chosen in the config (`nameOverrides.operations`): kept when it is an ASCII
    /// identifier (reserved member names are taken, so they get a number), else made a member name.
    public static func overrideMemberName(_ name: String) -> String {
        isASCIIIdentifier(name) ? name : memberName(name)
    }

    /// `[A-Za-z_][A-Za-z0-9_]*`: the only identifiers the generator writes (keywords get backticks).
    public static func isASCIIIdentifier(_ name: String) -> Bool {
        guard let first = name.utf8.first, !(first >= 0x30 && first <= 0x39) else { return false }
        return name.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) || $0 == 0x5F }
    }

    /// The name written with backticks when it is a keyword (`default` → `` `default` ``).
    public static func escaped(_ identifier: String) -> String {
        ReservedNames.keywords.contains(identifier) ? "`\(identifier)`" : identifier
    }

    /// The name as an argument label at a call site (`f(default: x)`): backticks only for the
    /// keywords that cannot be labels (`inout`).
    public static func argumentLabel(_ identifier: String) -> String {
        ReservedNames.argumentLabelKeywords.contains(identifier) ? "`\(identifier)`" : identifier
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
