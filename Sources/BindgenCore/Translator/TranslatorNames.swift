import OpenAPIModel
import YAMLParsing

/// The translator's name scopes (see `NameAllocation` for the rule) and the record of names
/// that differ from their wire names (see `NameExplanation`).
extension Translator {
    /// Where the wire name at `pointer` is written: the key of its mapping entry, or its sequence item.
    func wireMark(_ pointer: JSONPointer) -> Mark? { Self.wireMark(pointer, in: document.root) }

    static func wireMark(_ pointer: JSONPointer, in root: Node) -> Mark? {
        let tokens = pointer.tokens
        guard let last = tokens.last, let parent = root.node(at: JSONPointer(tokens: Array(tokens.dropLast()))) else { return nil }
        switch parent.content {
        case .mapping(let pairs): return pairs.first { $0.key.text == last }?.key.mark
        case .sequence(let items): return Int(last).flatMap { $0 >= 0 && $0 < items.count ? items[$0].mark : nil }
        case .scalar: return nil
        }
    }

    /// Records why `swiftName` differs from `wireName`, when it does beyond routine recasing.
    /// `owner` prefixes the name shown (`Pet.status`); `analyse: false` skips the spelling checks
    /// (for names not spelt from the wire name, such as `value1` for the integer `1`).
    mutating func explain(_ kind: String, wireName: String, swiftName: String, owner: String? = nil, outcome: NameAllocation.Outcome?,
                          pointer: JSONPointer, isType: Bool, analyse: Bool = true, notes: [String] = []) {
        var reasons = notes
        if analyse { analyseSpelling(wireName, isType: isType, notes: notes, into: &reasons) }
        if let outcome {
            var suffixReasons: [String] = []
            if outcome.baseWasReserved { suffixReasons.append("`\(outcome.base)` is declared by the generated code itself") }
            if !outcome.outranked.isEmpty {
                suffixReasons.append("collides with " + outcome.outranked.map { "'\($0)'" }.joined(separator: ", ")
                                     + " (explicit names first, then the most direct spelling, then wire-name byte order)")
            }
            if !suffixReasons.isEmpty { reasons.append(suffixReasons.joined(separator: " and ") + ", so it takes the first free suffix") }
        }
        let written = isType ? swiftName : Naming.escaped(swiftName)
        if written != swiftName { reasons.append("a Swift keyword, written with backticks") }
        guard !reasons.isEmpty else { return }
        let mark = wireMark(pointer)
        nameExplanations.append(NameExplanation(kind: kind, wireName: wireName, swiftName: owner.map { $0 + "." + written } ?? written,
                                                reasons: reasons, pointer: pointer.description, line: mark?.line, column: mark?.column))
    }

    private func analyseSpelling(_ wireName: String, isType: Bool, notes: [String], into reasons: inout [String]) {
        if let note = Transliteration.note(wireName) { reasons.append(note) }
        let routine: Set<Character> = ["_", "-", ".", " ", "/"]
        let dropped = wireName.filter { $0.isASCII && !$0.isLetter && !$0.isNumber && !routine.contains($0) }
        if !dropped.isEmpty, !notes.contains(where: { $0.hasPrefix("no operationId") }) {
            var seen = Set<Character>()
            reasons.append("drops " + dropped.filter { seen.insert($0).inserted }.map { "'\($0)'" }.joined(separator: ", "))
        }
        let base = isType ? Naming.typeName(wireName) : Naming.memberName(wireName)
        if !wireName.isEmpty, Naming.words(wireName).isEmpty {
            reasons.append("no letters or digits")
        } else if base.hasPrefix("_"), wireName.first?.isNumber == true || Naming.words(wireName).first?.first?.isNumber == true {
            reasons.append("`_` before the leading digit (a Swift identifier cannot start with one)")
        }
        if isType, notes.isEmpty, base.hasSuffix("Model"), Naming.words(wireName).last?.lowercased() != "model" {
            reasons.append("`\(base.dropLast(5))` is a name generated code uses unqualified, so `Model` is appended")
        }
    }

    /// Struct members: property names, and the nested type names inline property schemas may take.
    mutating func propertyNames(of schema: Schema, ownerPath: String) -> (members: [String], nestedTypes: [NameAllocation.Outcome]) {
        let properties = schema.properties
        let members = NameAllocation.allocate(properties.map { .init(wireName: $0.name, base: Naming.memberName($0.name)) },
                                              reserved: ReservedNames.propertyNames)
        // A nested type is named after its property, with the property's suffix if it has one
        // (`status2: Status2`); a nested type named like an enclosing one would shadow it (`User.User` inside `User`).
        let nested = NameAllocation.allocate(zip(properties, members).map { property, member in
            .init(wireName: property.name, base: Naming.typeName(property.name) + member.name.dropFirst(member.base.count))
        },
                                             reserved: Set(ownerPath.split(separator: ".").map(String.init)).union(["CodingKeys", "Indirect"]))
        for (index, property) in properties.enumerated() {
            explain("property", wireName: property.name, swiftName: members[index].name, owner: ownerPath, outcome: members[index],
                    pointer: property.schema.pointer, isType: false)
        }
        return (members.map(\.name), nested)
    }

    /// Enum case names: `x-enum-varnames` when given, else the value's name (`valueMinus1` for integers).
    func enumCaseNames(_ schema: Schema, values: [Node], integer: Bool) -> [(index: Int, outcome: NameAllocation.Outcome, explicit: Bool)] {
        let names = schema.extensionValue("x-enum-varnames")?.sequence?.compactMap(\.text)
        var candidates: [(Int, NameAllocation.Candidate)] = []
        for (index, value) in values.enumerated() {
            let explicit = names.flatMap { index < $0.count ? Naming.memberName($0[index]) : nil }
            if integer {
                guard case .int(let int)? = value.scalar?.value else { continue }
                // `magnitude`: `-Int64.min` would trap.
                candidates.append((index, .init(wireName: value.text ?? String(int), base: explicit ?? (int < 0 ? "valueMinus\(int.magnitude)" : "value\(int)"),
                                                isExplicit: explicit != nil, tieBreak: String(int))))
            } else {
                guard case .string(let text)? = value.scalar?.value else { continue }
                candidates.append((index, .init(wireName: text, base: explicit ?? (text.isEmpty ? "empty" : Naming.memberName(text)),
                                                isExplicit: explicit != nil)))
            }
        }
        let outcomes = NameAllocation.allocate(candidates.map(\.1), reserved: ReservedNames.enumCaseNames)
        return zip(candidates, outcomes).map { ($0.0, $1, $0.1.isExplicit) }
    }

    /// Records the enum's case names that differ from their values.
    mutating func explainEnumCases(_ schema: Schema, path: String) {
        guard let values = schema.enumValues, !values.isEmpty else { return }
        let types = schema.nonNullTypes ?? []
        let integer = types == [.integer]
        for (index, outcome, explicit) in enumCaseNames(schema, values: values, integer: integer) {
            let wire = values[index].text ?? ""
            let pointer = schema.pointer.appending("enum").appending(index)
            if integer || explicit {
                // `value1` for `1` and `x-enum-varnames` names are the routine spellings; only collisions are news.
                if outcome.isSuffixed || Naming.escaped(outcome.name) != outcome.name {
                    explain("enum case", wireName: wire, swiftName: outcome.name, owner: path, outcome: outcome, pointer: pointer, isType: false,
                            analyse: false, notes: explicit ? ["named by x-enum-varnames"] : [])
                }
            } else {
                explain("enum case", wireName: wire, swiftName: outcome.name, owner: path, outcome: outcome, pointer: pointer, isType: false,
                        notes: wire.isEmpty ? ["the empty string is the case `empty`"] : [])
            }
        }
    }
}
