import Foundation

/// Order-independent allocation of unique Swift names within one scope.
///
/// A scope is a set of names that must differ: the top-level types of a module, the properties
/// (and, separately, the nested types) of one struct, the cases of one enum, the methods of one
/// API-version namespace, the parameters of one operation, the credentials of the client, the
/// generated files (ignoring case). Each wire name proposes a *base* name (its sanitised form,
/// `Naming.typeName` / `Naming.memberName`, or a user override); when several propose the same base
/// the winner and the suffixes are decided by this rule, over the set of competitors only:
///
/// 1. Reserved names of the scope (what generated code itself declares there, such as `init`,
///    `CodingKeys` or the client type) are never given to a wire name.
/// 2. Every group of candidates with the same base is ordered by
///    a. explicit names first (a user override, an explicit `operationId`: they always keep their
///       name; names derived from method and path give way),
///    b. then directness: the wire name that *is* the Swift name (`firstName` for `firstName`),
///       then one that only differs in case (`FirstName`), then ASCII names that lose separators
///       (`first_name`), then names that needed transliteration or a code-point fallback,
///    c. then the exact wire name's UTF-8 bytes (so `+1` sorts before `-1`),
///    d. then a tie-break the caller gives (e.g. a parameter's location), for equal wire names.
/// 3. The first of each group gets the base, unless it is reserved. Every plain name is claimed
///    before any suffix is handed out.
/// 4. The others, group by group in byte order of the base, get the base with the smallest
///    suffix 2, 3, … that is still free (`id2`; `_` before the number when the base ends in a
///    digit: `_1_2`, `value1_2`, so a suffix never reads as part of a number).
///
/// So a name depends only on its wire name and on the names it competes with: adding, removing
/// or reordering names that sanitise to another base never moves it. It moves only when a
/// competitor for the same base, or for its suffixed name, is added or removed.
public enum NameAllocation {
    /// One name wanted in a scope.
    public struct Candidate: Sendable {
        /// The name in the spec (property name, enum value, operationId, schema name, …).
        public var wireName: String
        /// The Swift name it would have alone.
        public var base: String
        /// A user override or an explicit `operationId`: ahead of derived names.
        public var isExplicit: Bool
        /// Orders candidates with equal wire names (e.g. `path` before `query`); must not depend on document order.
        public var tieBreak: String

        public init(wireName: String, base: String, isExplicit: Bool = false, tieBreak: String = "") {
            self.wireName = wireName
            self.base = base
            self.isExplicit = isExplicit
            self.tieBreak = tieBreak
        }
    }

    /// The name a candidate got, and why it is not its base.
    public struct Outcome: Equatable, Sendable {
        public var name: String
        /// The name it would have had alone.
        public var base: String
        /// The base was reserved in the scope.
        public var baseWasReserved: Bool
        /// Wire names ahead of this one for the same base (empty when it got the base or only a reserved name was in the way).
        public var outranked: [String]
        public var isSuffixed: Bool { baseWasReserved || !outranked.isEmpty }
    }

    /// Allocates one name per candidate (results in the candidates' order).
    /// - Parameter foldCase: names must differ even ignoring case (file names on case-insensitive file systems).
    public static func allocate(_ candidates: [Candidate], reserved: Set<String>, foldCase: Bool = false) -> [Outcome] {
        func key(_ name: String) -> String { foldCase ? name.lowercased() : name }
        var groups: [String: [Int]] = [:]
        for (index, candidate) in candidates.enumerated() { groups[key(candidate.base), default: []].append(index) }
        let ranked = groups.keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }.map { base in
            groups[base]!.sorted { precedes(candidates[$0], candidates[$1]) }
        }
        var claimed = Set(reserved.map(key))
        var outcomes = [Outcome?](repeating: nil, count: candidates.count)
        // Plain names first.
        for members in ranked {
            let first = candidates[members[0]]
            if !claimed.contains(key(first.base)) {
                claimed.insert(key(first.base))
                outcomes[members[0]] = Outcome(name: first.base, base: first.base, baseWasReserved: false, outranked: [])
            }
        }
        for members in ranked {
            for (position, index) in members.enumerated() where outcomes[index] == nil {
                let base = candidates[index].base
                let name = suffixed(base) { !claimed.contains(key($0)) }
                claimed.insert(key(name))
                let wasReserved = reserved.contains { key($0) == key(base) }
                outcomes[index] = Outcome(name: name, base: base, baseWasReserved: wasReserved,
                                          outranked: members[..<position].map { candidates[$0].wireName })
            }
        }
        return outcomes.map { $0! }
    }

    /// The base with the smallest suffix 2, 3, … that `isFree` accepts.
    static func suffixed(_ base: String, isFree: (String) -> Bool) -> String {
        let separator = base.last?.isNumber == true ? "_" : ""
        var counter = 2
        while !isFree(base + separator + String(counter)) { counter += 1 }
        return base + separator + String(counter)
    }

    /// Makes `name` unique in `taken` with the same suffix rule (for names handed out one at a
    /// time in an order that does not depend on the document, such as types made for inline
    /// schemas of operations, visited in path order).
    static func unique(_ name: String, in taken: inout Set<String>) -> String {
        let result = taken.contains(name) ? suffixed(name) { !taken.contains($0) } : name
        taken.insert(result)
        return result
    }

    static func precedes(_ a: Candidate, _ b: Candidate) -> Bool {
        if a.isExplicit != b.isExplicit { return a.isExplicit }
        let (da, db) = (directness(a), directness(b))
        if da != db { return da < db }
        if a.wireName != b.wireName { return Array(a.wireName.utf8).lexicographicallyPrecedes(Array(b.wireName.utf8)) }
        return Array(a.tieBreak.utf8).lexicographicallyPrecedes(Array(b.tieBreak.utf8))
    }

    /// 0: the wire name is the Swift name; 1: only case differs; 2: ASCII that lost characters; 3: anything else.
    static func directness(_ candidate: Candidate) -> Int {
        if candidate.wireName == candidate.base { return 0 }
        let bytes = candidate.wireName.utf8
        if bytes.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) }) { return 1 }
        if bytes.allSatisfy({ $0 < 0x80 }) { return 2 }
        return 3
    }
}

/// Transliteration of non-ASCII names to ASCII words, so that `über` becomes `uber`, not `ber`.
///
/// Each letter or digit outside ASCII is, in this order:
/// 1. mapped by a small table for letters that do not decompose (`ß` → `ss`, `æ` → `ae`,
///    `ø` → `o`, `œ` → `oe`, `ł` → `l`, `đ`/`ð` → `d`, `þ` → `th`, `ı` → `i`, …);
/// 2. else decomposed (Unicode compatibility decomposition, NFKD, UAX #15, which includes the
///    canonical one: `ï` → `i` + U+0308, `ﬁ` → `fi`, fullwidth `Ａ` → `A`) with combining marks
///    dropped, when that leaves ASCII;
/// 3. else, for letters without a Latin form (`名前`), spelt by code point: `u540D`, and a run of
///    such letters is one word joined by `_` (`名前` → `u540D_u524D`).
///
/// Other characters separate words, as ASCII punctuation does. Decompositions are stable by the
/// Unicode normalization stability policy, so names do not change with the toolchain. ICU's
/// `Latin` transliterator (`applyingTransform(.toLatin)`, which Linux Foundation has too) is not
/// used: its output follows the ICU data of the toolchain, which changes between ICU releases,
/// and for Han characters it guesses a Mandarin reading (pinyin), although `名前` may be Japanese.
enum Transliteration {
    /// A piece of a non-ASCII name: ASCII text to split into words, or one fallback word.
    enum Segment: Equatable {
        case ascii(String)
        case codePoints(String)
    }

    static let table: [Unicode.Scalar: String] = [
        "ß": "ss", "ẞ": "SS", "æ": "ae", "Æ": "Ae", "ø": "o", "Ø": "O", "œ": "oe", "Œ": "Oe", "ł": "l", "Ł": "L",
        "đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "þ": "th", "Þ": "Th", "ı": "i", "ħ": "h", "Ħ": "H", "ŧ": "t", "Ŧ": "T",
        "ŋ": "ng", "Ŋ": "Ng", "ĸ": "k", "ſ": "s", "ƒ": "f", "ŀ": "l", "Ŀ": "L",
    ]

    static func segments(_ name: String) -> [Segment] {
        var segments: [Segment] = []
        var ascii = ""
        var codePoints: [String] = []
        func flushCodePoints() {
            if !codePoints.isEmpty { segments.append(.codePoints(codePoints.joined(separator: "_"))); codePoints.removeAll() }
        }
        func flushASCII() {
            if !ascii.isEmpty { segments.append(.ascii(ascii)); ascii = "" }
        }
        for scalar in name.unicodeScalars {
            if isCombiningMark(scalar) { continue }  // decomposed input: the mark's letter is already spelt
            if scalar.isASCII {
                flushCodePoints()
                ascii.unicodeScalars.append(scalar)
                continue
            }
            if let latin = latin(scalar) {
                flushCodePoints()
                ascii += latin
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                flushASCII()
                codePoints.append("u" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4))
            } else {
                flushCodePoints()
                ascii += " "
            }
        }
        flushCodePoints()
        flushASCII()
        return segments
    }

    /// The ASCII spelling of a non-ASCII letter or digit, if it has one.
    static func latin(_ scalar: Unicode.Scalar) -> String? {
        if let mapped = table[scalar] { return mapped }
        guard scalar.properties.isAlphabetic || scalar.properties.numericType != nil else { return nil }
        var result = ""
        for part in String(scalar).decomposedStringWithCompatibilityMapping.unicodeScalars {
            if part.isASCII {
                guard part.properties.isAlphabetic || part.properties.numericType != nil else { return nil }
                result.unicodeScalars.append(part)
            } else if let mapped = table[part] {
                result += mapped
            } else if !isCombiningMark(part) {
                return nil
            }
        }
        return result.isEmpty ? nil : result
    }

    static func isCombiningMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    /// How a name needed more than ASCII word splitting, for `--explain-names`; nil for ASCII names.
    static func note(_ name: String) -> String? {
        guard !name.utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
        let segments = segments(name)
        if segments.contains(where: { if case .codePoints = $0 { return true } else { return false } }) {
            return "letters without a Latin form spelt by code point (Unicode scalar values)"
        }
        let changed = name.unicodeScalars.filter { !$0.isASCII && latin($0) != nil }
        if changed.isEmpty { return "non-ASCII characters dropped as separators" }
        return "transliterated (" + changed.map { "\(String($0)) → \(latin($0)!)" }.joined(separator: ", ") + ")"
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}

/// A wire name whose Swift name is not just its words recased (`api-bindgen generate --explain-names`).
///
/// Routine, and not listed: splitting into words at ASCII separators (`_`, `-`, `.`, space, `/`) and
/// case changes, UpperCamelCase / lowerCamelCase, uniform acronyms (`Id` → `ID`), and dropping an
/// operation's API-version suffix inside its version namespace. Listed, with every reason that
/// applies: collision suffixes, reserved names, Swift keywords (written with backticks), other
/// dropped characters, the `_` before a leading digit, transliteration and code-point fallbacks,
/// empty names, names derived from method and path (no `operationId`), user overrides, and file
/// names changed so they differ ignoring case.
public struct NameExplanation: Equatable, Sendable {
    /// `type`, `nested type`, `property`, `enum case`, `method`, `parameter`, `credential`, `file`.
    public var kind: String
    public var wireName: String
    /// As written in Swift (keywords with backticks).
    public var swiftName: String
    public var reasons: [String]
    /// JSON Pointer of the wire name in the spec.
    public var pointer: String
    /// Where the wire name is written (its mapping key, or its sequence item).
    public var line: Int?
    public var column: Int?

    public init(kind: String, wireName: String, swiftName: String, reasons: [String], pointer: String, line: Int? = nil, column: Int? = nil) {
        self.kind = kind
        self.wireName = wireName
        self.swiftName = swiftName
        self.reasons = reasons
        self.pointer = pointer
        self.line = line
        self.column = column
    }

    /// `file:line:column: note: property 'first_name' → firstName2: …  (at /components/…)`.
    public func description(file: String) -> String {
        let location = line.map { "\(file):\($0):\(column ?? 1)" } ?? file
        return "\(location): note: \(kind) '\(wireName)' → \(swiftName): \(reasons.joined(separator: "; ")) (at \(pointer))"
    }
}
