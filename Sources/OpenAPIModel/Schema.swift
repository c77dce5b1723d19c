import YAMLParsing

/// A JSON Schema type name (`type` keyword).
public enum JSONType: String, Hashable, Sendable, CaseIterable {
    case string, number, integer, boolean, array, object, null
}

/// A number as written in the document: its text (for exact arithmetic) and its `Double` value.
public struct NumberLiteral: Hashable, Sendable, CustomStringConvertible {
    public var text: String
    public var value: Double

    public init(text: String, value: Double) {
        self.text = text
        self.value = value
    }

    public var description: String { text }
}

/// `additionalProperties`: a boolean or a schema.
public indirect enum AdditionalProperties: Hashable, Sendable {
    case allowed(Bool)
    case schema(Schema)
}

/// `discriminator` (OpenAPI 3.x Discriminator Object).
public struct Discriminator: Hashable, Sendable {
    public var propertyName: String
    /// `mapping` in document order.
    public var mapping: [Mapping]

    /// A `mapping` entry: a discriminator value and the schema name or reference it selects.
    public struct Mapping: Hashable, Sendable {
        public var key: String
        public var value: String

        public init(key: String, value: String) {
            self.key = key
            self.value = value
        }

        /// The schema name `value` designates: the name of a local `#/components/schemas/<name>`
        /// reference (`JSONPointer.componentName(in:)`), else the value as written (OpenAPI 3.1.1
        /// §4.8.25.1: a mapping value is a schema name or a reference).
        public var schemaName: String {
            guard value.hasPrefix("#"), let pointer = JSONPointer(String(value.dropFirst()).removingPercentEncodingIfValid),
                  let name = pointer.componentName(in: "schemas") else { return value }
            return name
        }
    }

    public init(propertyName: String, mapping: [Mapping]) {
        self.propertyName = propertyName
        self.mapping = mapping
    }
}

/// A `properties` entry: the member name and its schema.
public struct SchemaProperty: Hashable, Sendable {
    public var name: String
    public var schema: Schema

    public init(name: String, schema: Schema) {
        self.name = name
        self.schema = schema
    }
}

/// A `patternProperties` entry (JSON Schema 2020-12 §10.3.2.2): the ECMA-262 pattern, where the
/// pattern is written (for diagnostics about it), and the schema of members whose name matches.
public struct PatternProperty: Hashable, Sendable {
    public var pattern: String
    public var mark: Mark
    public var schema: Schema

    public init(pattern: String, mark: Mark, schema: Schema) {
        self.pattern = pattern
        self.mark = mark
        self.schema = schema
    }
}

/// A Schema Object, read into one shape for OpenAPI 3.0 and 3.1.
///
/// Normalisation (so later stages see one model):
/// - 3.0 `nullable: true` adds `.null` to `types` (3.1 writes `type: [T, "null"]`);
/// - 3.0 boolean `exclusiveMinimum: true` + `minimum: m` becomes `exclusiveMinimum: m`
///   (the 3.1 / JSON Schema 2020-12 numeric form), likewise for maxima;
/// - a 3.1 boolean schema `true`/`false` sets `booleanValue`.
/// A `$ref` is kept in `reference` with its siblings (3.1 allows them; 3.0 ignores them).
public struct Schema: Hashable, Sendable {
    public var reference: Reference?
    /// `true`/`false` schemas (3.1): accept everything / nothing.
    public var booleanValue: Bool?
    /// Allowed types; nil when the schema does not constrain the type.
    public var types: [JSONType]?
    public var format: String?
    public var title: String?
    public var description: String?
    public var defaultValue: Node?
    public var examples: [Node]
    public var enumValues: [Node]?
    public var constValue: Node?
    public var deprecated: Bool
    public var readOnly: Bool
    public var writeOnly: Bool

    // Objects
    /// `properties`, in document order.
    public var properties: [SchemaProperty]
    public var required: [String]
    public var additionalProperties: AdditionalProperties?
    /// `patternProperties` (JSON Schema 2020-12 §10.3.2.2; OpenAPI 3.1): ECMA-262 pattern →
    /// schema for members whose name matches, in document order, with where each pattern is.
    public var patternProperties: [PatternProperty]
    public var minProperties: Int?
    public var maxProperties: Int?
    public var discriminator: Discriminator?
    /// OpenAPI 3.0 `nullable: true` without `type` (beside `allOf: [$ref]`, `$ref` siblings, `oneOf`):
    /// read as "null is also accepted", as most tools do.
    public var isNullableWithoutType = false

    // Arrays
    public var items: Schema? {
        get { itemsStorage.first }
        set { itemsStorage = newValue.map { [$0] } ?? [] }
    }
    private var itemsStorage: [Schema]
    public var prefixItems: [Schema]?
    public var minItems: Int?
    public var maxItems: Int?
    public var uniqueItems: Bool

    // Strings
    public var minLength: Int?
    public var maxLength: Int?
    public var pattern: String?
    /// Where the `pattern` value is, for diagnostics about it.
    public var patternMark: Mark?

    // Numbers
    public var minimum: NumberLiteral?
    public var maximum: NumberLiteral?
    public var exclusiveMinimum: NumberLiteral?
    public var exclusiveMaximum: NumberLiteral?
    public var multipleOf: NumberLiteral?

    // Composition
    public var allOf: [Schema]
    public var oneOf: [Schema]
    public var anyOf: [Schema]
    public var not: Schema? {
        get { notStorage.first }
        set { notStorage = newValue.map { [$0] } ?? [] }
    }
    private var notStorage: [Schema]

    /// `x-…` keys, in document order.
    public var extensions: [SpecificationExtension]
    /// Where the schema is in the file, and its JSON Pointer in the document.
    public var mark: Mark
    public var pointer: JSONPointer

    public init(mark: Mark, pointer: JSONPointer) {
        self.mark = mark
        self.pointer = pointer
        self.examples = []
        self.deprecated = false
        self.readOnly = false
        self.writeOnly = false
        self.properties = []
        self.required = []
        self.patternProperties = []
        self.itemsStorage = []
        self.uniqueItems = false
        self.allOf = []
        self.oneOf = []
        self.anyOf = []
        self.notStorage = []
        self.extensions = []
    }

    /// Whether `null` is an accepted value (3.0 `nullable`, 3.1 `type: [.., "null"]`, or a null enum value).
    public var allowsNull: Bool {
        if types?.contains(.null) == true || isNullableWithoutType { return true }
        return enumValues?.contains(where: { $0.scalar?.value == .null }) == true
    }

    /// The types other than `null`.
    public var nonNullTypes: [JSONType]? {
        types.map { $0.filter { $0 != .null } }
    }

    public func extensionValue(_ key: String) -> Node? {
        extensions.first(where: { $0.key == key })?.value
    }

    /// Equality is synthesized over every stored keyword. The hash is only the schema's place
    /// (pointer and mark), which equal schemas share: hashing the whole subtree would cost as
    /// much as the schema is deep.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(pointer)
        hasher.combine(mark)
    }
}
