/// The validation keywords of a schema, in the binding model: plain values, rendered by the
/// renderer as a `ValidationSchema` literal.
public struct ValidationRules: Equatable, Sendable {
    public enum Target: Equatable, Sendable {
        /// A generated struct or enum: its `validationSchema`.
        case type(String)
        /// A component bound as a typealias: `Schemas.<name>`.
        case alias(String)
    }

    public indirect enum Additional: Equatable, Sendable {
        case allowed, forbidden
        case schema(ValidationRules)
    }

    public struct PatternRule: Equatable, Sendable {
        /// As written (ECMA-262).
        public var source: String
        /// The ICU translation.
        public var icu: String
    }

    public var reference: Target?
    public var booleanValue: Bool?
    public var types: [String]?
    public var enumValues: [JSONLiteral]?
    public var constValue: JSONLiteral?
    public var minLength: Int?
    public var maxLength: Int?
    public var pattern: PatternRule?
    public var format: String?
    public var minimum: String?
    public var maximum: String?
    public var exclusiveMinimum: String?
    public var exclusiveMaximum: String?
    public var multipleOf: String?
    public var minItems: Int?
    public var maxItems: Int?
    public var uniqueItems = false
    public var items: ValidationRules? {
        get { itemsStorage.first }
        set { itemsStorage = newValue.map { [$0] } ?? [] }
    }
    private var itemsStorage: [ValidationRules] = []
    public var prefixItems: [ValidationRules] = []
    public var properties: [NamedRules] = []
    public var required: [String] = []
    public var additionalProperties: Additional = .allowed
    /// `patternProperties`, in document order.
    public var patternProperties: [PatternRules] = []
    /// Properties whose schema is `readOnly` / `writeOnly` (their `required` follows the direction).
    public var readOnlyProperties: [String] = []
    public var writeOnlyProperties: [String] = []
    public var minProperties: Int?
    public var maxProperties: Int?
    public var allOf: [ValidationRules] = []
    public var anyOf: [ValidationRules] = []
    public var oneOf: [ValidationRules] = []
    public var not: ValidationRules? {
        get { notStorage.first }
        set { notStorage = newValue.map { [$0] } ?? [] }
    }
    private var notStorage: [ValidationRules] = []

    public init() {}

    public static func reference(_ target: Target) -> ValidationRules {
        var rules = ValidationRules()
        rules.reference = target
        return rules
    }

    /// Accepts everything: no keyword set.
    public var isEmpty: Bool { self == ValidationRules() }

    /// Only `type` is set (a Swift-typed value already satisfies it).
    public var isTypeOnly: Bool {
        var copy = self
        copy.types = nil
        return copy.isEmpty && types?.contains("null") != true
    }
}

public struct PatternRules: Equatable, Sendable {
    public var pattern: ValidationRules.PatternRule
    public var rules: ValidationRules
}

public struct NamedRules: Equatable, Sendable {
    public var name: String
    public var rules: ValidationRules
}

/// A JSON value written in the spec (`enum`, `const`), kept exactly.
public indirect enum JSONLiteral: Equatable, Sendable {
    case null
    case bool(Bool)
    case integer(Int64)
    /// A non-integer number, as its decimal text.
    case number(String)
    case string(String)
    case array([JSONLiteral])
    case object([NamedLiteral])
}

public struct NamedLiteral: Equatable, Sendable {
    public var name: String
    public var value: JSONLiteral
}
