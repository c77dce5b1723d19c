extension ValidationSchema {
    /// One validation keyword with its value, named as `ValidationSchema.init(draft:…)` labels
    /// it (JSON Schema 2020-12 Validation §6, Core §10; Draft 4 for OpenAPI 3.0).
    public enum Keyword: Sendable {
        case draft(Draft)
        case booleanValue(Bool)
        case types([JSONType])
        case enumValues([JSONValue])
        case constValue(JSONValue)
        case minLength(Int)
        case maxLength(Int)
        case pattern(Pattern)
        case format(String)
        /// Numeric limits as decimal texts (`"0.01"`).
        case minimum(String)
        case maximum(String)
        case exclusiveMinimum(String)
        case exclusiveMaximum(String)
        case multipleOf(String)
        case minItems(Int)
        case maxItems(Int)
        case uniqueItems(Bool)
        case items(ValidationSchema)
        case prefixItems([ValidationSchema])
        case properties([(name: String, schema: ValidationSchema)])
        case required([String])
        case additionalProperties(AdditionalProperties)
        case patternProperties([(pattern: Pattern, schema: ValidationSchema)])
        case readOnlyProperties([String])
        case writeOnlyProperties([String])
        case minProperties(Int)
        case maxProperties(Int)
        case allOf([ValidationSchema])
        case anyOf([ValidationSchema])
        case oneOf([ValidationSchema])
        case not(ValidationSchema)
    }

    /// A schema from the keywords it has, in any order (a keyword given twice keeps the last);
    /// the same schema as `init(draft:…)` with those arguments. Generated code uses this form:
    /// a call passes only the keywords present, where the labeled initializer's call site passes
    /// all 33 parameters, defaults included, which costs compile time in every model
    /// (Benchmarks/README.md).
    public convenience init(_ first: Keyword, _ rest: Keyword...) {
        var draft: Draft?, booleanValue: Bool?, types: [JSONType]?, enumValues: [JSONValue]?, constValue: JSONValue?
        var minLength: Int?, maxLength: Int?, pattern: Pattern?, format: String?
        var minimum: String?, maximum: String?, exclusiveMinimum: String?, exclusiveMaximum: String?, multipleOf: String?
        var minItems: Int?, maxItems: Int?, uniqueItems = false, items: ValidationSchema?, prefixItems: [ValidationSchema] = []
        var properties: [(name: String, schema: ValidationSchema)] = [], required: [String] = []
        var additionalProperties = AdditionalProperties.allowed
        var patternProperties: [(pattern: Pattern, schema: ValidationSchema)] = [], readOnlyProperties: [String] = [], writeOnlyProperties: [String] = []
        var minProperties: Int?, maxProperties: Int?
        var allOf: [ValidationSchema] = [], anyOf: [ValidationSchema] = [], oneOf: [ValidationSchema] = [], not: ValidationSchema?
        for keyword in [first] + rest {
            switch keyword {
            case .draft(let value): draft = value
            case .booleanValue(let value): booleanValue = value
            case .types(let value): types = value
            case .enumValues(let value): enumValues = value
            case .constValue(let value): constValue = value
            case .minLength(let value): minLength = value
            case .maxLength(let value): maxLength = value
            case .pattern(let value): pattern = value
            case .format(let value): format = value
            case .minimum(let value): minimum = value
            case .maximum(let value): maximum = value
            case .exclusiveMinimum(let value): exclusiveMinimum = value
            case .exclusiveMaximum(let value): exclusiveMaximum = value
            case .multipleOf(let value): multipleOf = value
            case .minItems(let value): minItems = value
            case .maxItems(let value): maxItems = value
            case .uniqueItems(let value): uniqueItems = value
            case .items(let value): items = value
            case .prefixItems(let value): prefixItems = value
            case .properties(let value): properties = value
            case .required(let value): required = value
            case .additionalProperties(let value): additionalProperties = value
            case .patternProperties(let value): patternProperties = value
            case .readOnlyProperties(let value): readOnlyProperties = value
            case .writeOnlyProperties(let value): writeOnlyProperties = value
            case .minProperties(let value): minProperties = value
            case .maxProperties(let value): maxProperties = value
            case .allOf(let value): allOf = value
            case .anyOf(let value): anyOf = value
            case .oneOf(let value): oneOf = value
            case .not(let value): not = value
            }
        }
        self.init(
            draft: draft, booleanValue: booleanValue, types: types, enumValues: enumValues, constValue: constValue,
            minLength: minLength, maxLength: maxLength, pattern: pattern, format: format,
            minimum: minimum, maximum: maximum, exclusiveMinimum: exclusiveMinimum, exclusiveMaximum: exclusiveMaximum, multipleOf: multipleOf,
            minItems: minItems, maxItems: maxItems, uniqueItems: uniqueItems, items: items, prefixItems: prefixItems,
            properties: properties, required: required, additionalProperties: additionalProperties,
            patternProperties: patternProperties, readOnlyProperties: readOnlyProperties, writeOnlyProperties: writeOnlyProperties,
            minProperties: minProperties, maxProperties: maxProperties,
            allOf: allOf, anyOf: anyOf, oneOf: oneOf, not: not
        )
    }
}
