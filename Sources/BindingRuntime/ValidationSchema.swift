/// A JSON Schema's validation keywords, as generated code declares them for each model.
/// `validate(_:)` applies them to a JSON value with JSON Schema semantics (Draft 4 for OpenAPI
/// 3.0, Draft 2020-12 for OpenAPI 3.1), reporting every violation.
public final class ValidationSchema: Sendable {
    public enum Draft: Sendable {
        /// OpenAPI 3.0: `1.0` is not an integer.
        case draft4
        /// OpenAPI 3.1: `1.0` is an integer.
        case draft2020
    }

    public enum AdditionalProperties: Sendable {
        case allowed
        case forbidden
        case schema(ValidationSchema)
    }

    let draft: Draft?
    let reference: (@Sendable () -> ValidationSchema)?
    let booleanValue: Bool?
    let types: [JSONType]?
    let enumValues: [JSONValue]?
    let constValue: JSONValue?
    let minLength: Int?
    let maxLength: Int?
    let pattern: Pattern?
    let format: String?
    let minimum: ExactDecimal?
    let maximum: ExactDecimal?
    let exclusiveMinimum: ExactDecimal?
    let exclusiveMaximum: ExactDecimal?
    let multipleOf: ExactDecimal?
    let minItems: Int?
    let maxItems: Int?
    let uniqueItems: Bool
    let items: ValidationSchema?
    let prefixItems: [ValidationSchema]
    let properties: [(name: String, schema: ValidationSchema)]
    let required: [String]
    let additionalProperties: AdditionalProperties
    /// `patternProperties` (JSON Schema 2020-12 §10.3.2.2): members whose name matches the
    /// pattern (anywhere, unless anchored) are checked against the schema, and are not
    /// additional properties.
    let patternProperties: [(pattern: Pattern, schema: ValidationSchema)]
    /// Properties whose schema is `readOnly` (not required in requests) and `writeOnly` (not
    /// required in responses).
    let readOnlyProperties: [String]
    let writeOnlyProperties: [String]
    let minProperties: Int?
    let maxProperties: Int?
    let allOf: [ValidationSchema]
    let anyOf: [ValidationSchema]
    let oneOf: [ValidationSchema]
    let not: ValidationSchema?

    /// Numeric limits are decimal texts as the spec wrote them (`"0.01"`, `"9007199254740992"`).
    public init(
        draft: Draft? = nil, booleanValue: Bool? = nil, types: [JSONType]? = nil, enumValues: [JSONValue]? = nil, constValue: JSONValue? = nil,
        minLength: Int? = nil, maxLength: Int? = nil, pattern: Pattern? = nil, format: String? = nil,
        minimum: String? = nil, maximum: String? = nil, exclusiveMinimum: String? = nil, exclusiveMaximum: String? = nil, multipleOf: String? = nil,
        minItems: Int? = nil, maxItems: Int? = nil, uniqueItems: Bool = false, items: ValidationSchema? = nil, prefixItems: [ValidationSchema] = [],
        properties: [(name: String, schema: ValidationSchema)] = [], required: [String] = [], additionalProperties: AdditionalProperties = .allowed,
        patternProperties: [(pattern: Pattern, schema: ValidationSchema)] = [], readOnlyProperties: [String] = [], writeOnlyProperties: [String] = [],
        minProperties: Int? = nil, maxProperties: Int? = nil,
        allOf: [ValidationSchema] = [], anyOf: [ValidationSchema] = [], oneOf: [ValidationSchema] = [], not: ValidationSchema? = nil
    ) {
        self.draft = draft
        self.reference = nil
        self.booleanValue = booleanValue
        self.types = types
        self.enumValues = enumValues
        self.constValue = constValue
        self.minLength = minLength
        self.maxLength = maxLength
        self.pattern = pattern
        self.format = format
        self.minimum = minimum.flatMap(ExactDecimal.init)
        self.maximum = maximum.flatMap(ExactDecimal.init)
        self.exclusiveMinimum = exclusiveMinimum.flatMap(ExactDecimal.init)
        self.exclusiveMaximum = exclusiveMaximum.flatMap(ExactDecimal.init)
        self.multipleOf = multipleOf.flatMap(ExactDecimal.init)
        self.minItems = minItems
        self.maxItems = maxItems
        self.uniqueItems = uniqueItems
        self.items = items
        self.prefixItems = prefixItems
        self.properties = properties
        self.required = required
        self.additionalProperties = additionalProperties
        self.patternProperties = patternProperties
        self.readOnlyProperties = readOnlyProperties
        self.writeOnlyProperties = writeOnlyProperties
        self.minProperties = minProperties
        self.maxProperties = maxProperties
        self.allOf = allOf
        self.anyOf = anyOf
        self.oneOf = oneOf
        self.not = not
    }

    /// A `$ref` to another schema, looked up when first validated (so recursive schemas work).
    public init(reference: @escaping @Sendable () -> ValidationSchema) {
        self.reference = reference
        self.draft = nil
        self.booleanValue = nil
        self.types = nil
        self.enumValues = nil
        self.constValue = nil
        self.minLength = nil
        self.maxLength = nil
        self.pattern = nil
        self.format = nil
        self.minimum = nil
        self.maximum = nil
        self.exclusiveMinimum = nil
        self.exclusiveMaximum = nil
        self.multipleOf = nil
        self.minItems = nil
        self.maxItems = nil
        self.uniqueItems = false
        self.items = nil
        self.prefixItems = []
        self.properties = []
        self.required = []
        self.additionalProperties = .allowed
        self.patternProperties = []
        self.readOnlyProperties = []
        self.writeOnlyProperties = []
        self.minProperties = nil
        self.maxProperties = nil
        self.allOf = []
        self.anyOf = []
        self.oneOf = []
        self.not = nil
    }

    /// Every violation of this schema by `value`, in document order. `dateTimes` says which
    /// `format: date-time` texts pass (RFC 3339 only, by default). `direction` says which way the
    /// value travels: a required `readOnly` property is not required in a `.request`, a required
    /// `writeOnly` one not in a `.response` (OpenAPI 3.0.3 §4.7.24); `.any` requires both.
    public func validate(_ value: JSONValue, dateTimes: FormatCheck.DateTimeRule = .rfc3339, direction: CodingDirection = .any) -> [ValidationError] {
        var errors: [ValidationError] = []
        check(value, pointer: PointerPath(""), draft: draft ?? .draft2020, dateTimes: dateTimes, direction: direction, into: &errors)
        return errors
    }

    /// Parses `data` as JSON and validates it.
    /// - Throws: `ValidationErrors` listing every violation (a syntax error is one violation at `""`).
    public func validate(json data: [UInt8], dateTimes: FormatCheck.DateTimeRule = .rfc3339, direction: CodingDirection = .any) throws(ValidationErrors) {
        let value: JSONValue
        do {
            value = try JSONValue.parse(.init(data))
        } catch {
            throw ValidationErrors([ValidationError(pointer: "", keyword: "type", limit: nil, message: error.description)])
        }
        let errors = validate(value, dateTimes: dateTimes, direction: direction)
        if !errors.isEmpty { throw ValidationErrors(errors) }
    }
}
