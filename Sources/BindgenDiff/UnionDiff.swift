import BindgenCore
import OpenAPIModel

/// `oneOf` / `anyOf` alternatives and discriminators (rules `*-union-alternative-added`,
/// `*-union-alternative-removed`, `*-discriminator-changed`). Alternatives are matched by their
/// `$ref` target, inline ones by position; matched alternatives are compared in turn.
extension SchemaDiff {
    mutating func compareUnions(_ a: Schema, _ b: Schema, name: String, path: String) {
        for (keyword, x, y) in [("oneOf", a.oneOf, b.oneOf), ("anyOf", a.anyOf, b.anyOf)] where !x.isEmpty || !y.isEmpty {
            let oldKeys = x.enumerated().map { Self.alternativeKey($0.element, $0.offset) }
            let newKeys = y.enumerated().map { Self.alternativeKey($0.element, $0.offset) }
            for (index, key) in newKeys.enumerated() where !oldKeys.contains(key) {
                add(.unionAlternativeAdded, "\(name)'s \(keyword) has a new alternative \(key)"
                    + (direction == .response ? ": old clients decode it as `unknown`" : ""), at: y[index], in: new)
            }
            // Located where the alternative was (OLD).
            for (index, key) in oldKeys.enumerated() where !newKeys.contains(key) {
                add(.unionAlternativeRemoved, "\(name)'s \(keyword) no longer has the alternative \(key)", at: x[index], in: old)
            }
            for (index, key) in newKeys.enumerated() {
                if let previous = oldKeys.firstIndex(of: key) { compare(x[previous], y[index], path: path) }
            }
        }
        let oldDiscriminator = a.discriminator.map { [$0.propertyName] + $0.mapping.map { "\($0.key)=\($0.value)" }.sorted() }
        let newDiscriminator = b.discriminator.map { [$0.propertyName] + $0.mapping.map { "\($0.key)=\($0.value)" }.sorted() }
        if oldDiscriminator != newDiscriminator, oldDiscriminator != nil || newDiscriminator != nil {
            add(.discriminatorChanged, "\(name)'s discriminator changed from \(Self.describe(oldDiscriminator)) to \(Self.describe(newDiscriminator))", at: b, in: new)
        }
    }

    static func alternativeKey(_ schema: Schema, _ index: Int) -> String {
        if let reference = schema.reference { return "'\(reference.target)'" }
        return "#\(index + 1) (inline)"
    }

    static func describe(_ discriminator: [String]?) -> String {
        guard let discriminator else { return "none" }
        return "'\(discriminator[0])'" + (discriminator.count > 1 ? " (" + discriminator.dropFirst().joined(separator: ", ") + ")" : "")
    }
}
