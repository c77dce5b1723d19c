/// A generated open enumeration: the cases a schema's `enum` lists (JSON Schema 2020-12 §6.1.2;
/// OpenAPI 3.0.3 §4.7.24), and `unknown(raw)` for a value it does not list, kept as received
/// (a newer server may send values an older spec did not have).
///
/// Equality and hashing go by `rawValue`, so `.unknown(x)` equals the listed case whose raw value
/// is `x`. They are written once here rather than in each generated type: a large module declares
/// hundreds of these enums (OpenAI's spec 1,666), and every `==` written in a type is one more
/// overload that every `==` expression of the module is type-checked against.
public protocol OpenEnumeration: RawRepresentable, Hashable where RawValue: Hashable {
    /// The listed case for `rawValue`, else `unknown(rawValue)`: never fails.
    init(rawValue: RawValue)
}

extension OpenEnumeration {
    /// Equal when the raw values are: `.unknown(x)` equals the listed case for `x`.
    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.rawValue == rhs.rawValue }

    /// Hashes the raw value, consistent with `==`.
    public func hash(into hasher: inout Hasher) { hasher.combine(rawValue) }
}
