/// A union in the binding model: a Swift enum with one case per alternative of a `oneOf`,
/// `anyOf` or 3.1 type array, plus `unknown(JSONValue)` for what none of them is.
public struct UnionDeclaration: Equatable, Sendable {
    public enum Selection: Equatable, Sendable {
        /// By the value of a discriminator property (OpenAPI 3.x Discriminator Object).
        case discriminator(propertyName: String)
        /// `oneOf`: the one alternative whose schema validates the value (none or several: `unknown`).
        case oneOf
        /// `anyOf`: the first alternative, in the spec's order, whose schema validates the value.
        case anyOf
        /// A type array (`type: [string, integer]`): by the JSON type of the value.
        case types
    }

    public var selection: Selection
    public var alternatives: [UnionAlternative]
}

public struct UnionAlternative: Equatable, Sendable {
    /// Swift case name (unescaped).
    public var name: String
    public var type: TypeReference
    /// Position among the schema's `oneOf`/`anyOf` branches (or its `type` array), null branches included.
    public var branch: Int
    /// Discriminator values that select it (mapping keys, the schema name, a `const`/single `enum` of the property).
    public var discriminatorValues: [String]
    /// The `$ref` it came from (`#/components/schemas/Card`), or the branch's pointer.
    public var source: String
}
