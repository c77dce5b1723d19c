import OpenAPIModel
import YAMLParsing

/// Schema → `ValidationRules`: the JSON Schema keywords generated validators enforce.
extension Translator {
    /// The rules for a schema. Component references stay references; `boundAs` names the
    /// inline type the schema became, if any, so its rules are referenced instead of repeated.
    /// `propertyRules` replaces the rules of the named properties (those bound to inline types).
    mutating func rules(for schema: Schema, boundAs type: TypeReference? = nil, propertyRules: [String: ValidationRules] = [:]) -> ValidationRules {
        // Depth and output are bounded (`Budget`); a rule renders as `ValidationSchema(…)` at least.
        charge(18, at: schema)
        guard enter(schema) else { return ValidationRules() }
        defer { budget.depth -= 1 }
        if let reference = schema.reference {
            if let component = reference.componentName(in: "schemas"), let name = componentTypeNames[component] {
                return .reference(aliasComponents.contains(name) ? .alias(name) : .type(name))
            }
            if type == nil, let cached = inlinedRules[reference.target] {
                charge(cached.cost, at: schema)
                return budget.isExceeded ? ValidationRules() : cached.rules
            }
            guard let target = self.schema(for: reference) else { return ValidationRules() }
            let before = budget.bytes
            let result = rules(for: target, boundAs: type)
            if type == nil, !budget.isExceeded { inlinedRules[reference.target] = (result, budget.bytes - before) }
            return result
        }
        if case .named(let path)? = type, inlineTypePaths.contains(path) {
            return .reference(.type(path))
        }
        var rules = ValidationRules()
        rules.booleanValue = schema.booleanValue
        rules.types = schema.types?.map(\.rawValue)
        if let values = schema.enumValues {
            var literals = values.map { literal($0, at: schema) }
            if schema.types?.contains(.null) == true, !literals.contains(.null) { literals.append(.null) }
            rules.enumValues = literals
        }
        rules.constValue = schema.constValue.map { literal($0, at: schema) }
        rules.minLength = schema.minLength
        rules.maxLength = schema.maxLength
        if let source = schema.pattern {
            rules.pattern = patternRule(source, mark: schema.patternMark ?? schema.mark, pointer: schema.pointer.appending("pattern"), at: schema)
        }
        if let format = schema.format, Self.checkedFormats.contains(format) { rules.format = format }
        rules.minimum = schema.minimum?.text
        rules.maximum = schema.maximum?.text
        rules.exclusiveMinimum = schema.exclusiveMinimum?.text
        rules.exclusiveMaximum = schema.exclusiveMaximum?.text
        rules.multipleOf = schema.multipleOf?.text
        rules.minItems = schema.minItems
        rules.maxItems = schema.maxItems
        rules.uniqueItems = schema.uniqueItems
        if let items = schema.items { rules.items = self.rules(for: items) }
        rules.prefixItems = (schema.prefixItems ?? []).map { self.rules(for: $0) }
        rules.properties = schema.properties.map { NamedRules(name: $0.name, rules: propertyRules[$0.name] ?? self.rules(for: $0.schema)) }
        rules.required = schema.required
        switch schema.additionalProperties {
        case .allowed(false)?: rules.additionalProperties = .forbidden
        case .schema(let values)?: rules.additionalProperties = .schema(self.rules(for: values))
        case .allowed(true)?, nil: rules.additionalProperties = .allowed
        }
        rules.patternProperties = schema.patternProperties.compactMap { entry in
            let pointer = schema.pointer.appending("patternProperties").appending(entry.pattern)
            guard let pattern = patternRule(entry.pattern, mark: entry.mark, pointer: pointer, at: schema) else { return nil }
            return PatternRules(pattern: pattern, rules: self.rules(for: entry.schema))
        }
        for property in schema.properties where schema.required.contains(property.name) {
            let resolved = self.resolved(property.schema) ?? property.schema
            if property.schema.readOnly || resolved.readOnly { rules.readOnlyProperties.append(property.name) }
            if property.schema.writeOnly || resolved.writeOnly { rules.writeOnlyProperties.append(property.name) }
        }
        rules.minProperties = schema.minProperties
        rules.maxProperties = schema.maxProperties
        rules.allOf = schema.allOf.map { self.rules(for: $0) }
        rules.anyOf = schema.anyOf.map { self.rules(for: $0) }
        rules.oneOf = schema.oneOf.map { self.rules(for: $0) }
        if let not = schema.not { rules.not = self.rules(for: not) }
        if schema.isNullableWithoutType, !rules.isEmpty {
            // 3.0 `nullable: true` beside `allOf: [$ref]` (or `oneOf`, …) without `type`: null or the schema.
            var null = ValidationRules()
            null.types = ["null"]
            var either = ValidationRules()
            either.anyOf = [null, rules]
            return either
        }
        return rules
    }

    /// A `pattern` (or `patternProperties` key) with its ICU translation; nil (with a located
    /// error) when it is not one the runtime evaluates as ECMA-262 does.
    mutating func patternRule(_ source: String, mark: Mark, pointer: JSONPointer, at schema: Schema) -> ValidationRules.PatternRule? {
        charge(2 * source.utf8.count, at: schema)
        do {
            return .init(source: source, icu: try ECMAPattern.translate(source, maxDepth: options.limits.maxDepth))
        } catch {
            let diagnostic = located(.error, mark: mark, message: "pattern '\(source.count > 80 ? source.prefix(80) + "…" : source)': \(error.message) (at offset \(error.offset))",
                                     pointer: pointer)
            if error.isLimit { limitError(diagnostic) } else { diagnostics.append(diagnostic) }
            return nil
        }
    }

    /// Formats the runtime checks (`FormatCheck`); others are annotations.
    static let checkedFormats: Set<String> = ["date", "date-time", "email", "uuid", "uri", "ipv4", "ipv6"]

    /// An `enum`/`const` value as a literal. The loader bounds its nesting (`maxDepth`) and its
    /// numbers (finite, not rounding to 0); each node is charged to the output budget (an
    /// alias may repeat a large value), and once the budget is spent the rest is `.null`.
    mutating func literal(_ node: Node, at schema: Schema) -> JSONLiteral {
        charge(6 + (node.scalar?.text.utf8.count ?? 0), at: schema)
        if budget.isExceeded { return .null }
        switch node.content {
        case .scalar(let scalar):
            switch scalar.value {
            case .null: return .null
            case .bool(let value): return .bool(value)
            case .int(let value): return .integer(value)
            case .double: return .number(scalar.text)
            case .string(let value): return .string(value)
            }
        case .sequence(let nodes): return .array(nodes.map { literal($0, at: schema) })
        case .mapping(let pairs): return .object(pairs.map { NamedLiteral(name: $0.key.text ?? "", value: literal($0.value, at: schema)) })
        }
    }
}
