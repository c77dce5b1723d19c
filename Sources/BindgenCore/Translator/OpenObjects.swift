import OpenAPIModel
import YAMLParsing

/// Open objects, `readOnly`/`writeOnly` and `default` in the translator.
extension Translator {
    /// The map property for the members a struct's `properties` do not declare, when the schema
    /// lets them through and says something about them: `additionalProperties: true` (values
    /// `JSONValue`), a schema (values of its type), or `patternProperties` (`JSONValue`: a
    /// member may match several patterns). Nil when `additionalProperties` is absent (JSON Schema
    /// allows any member then, but the spec describes none: they are not kept, as before) or
    /// `false`. The name is `additionalProperties`, suffixed when a property has it.
    mutating func additionalPropertiesMap(of schema: Schema, properties: [Property], ownerPath: String,
                                          nested: inout [TypeDeclaration]) -> AdditionalPropertiesMap? {
        let valueType: TypeReference
        switch schema.additionalProperties {
        case .allowed(true)?:
            valueType = .json
        case .schema(let values)? where schema.patternProperties.isEmpty:
            var taken = Set(nested.map(\.name)).union(ownerPath.split(separator: ".").map(String.init)).union(["CodingKeys", "Indirect"])
            let suggested = NameAllocation.unique("AdditionalProperty", in: &taken)
            valueType = typeReference(for: values, suggestedName: suggested, owner: .nested(ownerPath), nested: &nested)
        case .schema?:
            valueType = .json
        case .allowed(false)?, nil:
            // Members matching a `patternProperties` pattern are allowed even beside `false`.
            guard !schema.patternProperties.isEmpty else { return nil }
            valueType = .json
        }
        var taken = Set(properties.map(\.name)).union(ReservedNames.propertyNames)
        return AdditionalPropertiesMap(name: NameAllocation.unique("additionalProperties", in: &taken), valueType: valueType)
    }

    /// A YAML value as compact JSON text (for doc comments).
    static func jsonText(_ node: Node) -> String {
        switch node.content {
        case .scalar(let scalar):
            switch scalar.value {
            case .null: return "null"
            case .bool(let flag): return String(flag)
            case .int, .double: return scalar.text
            case .string(let text): return "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
            }
        case .sequence(let items): return "[" + items.map(jsonText).joined(separator: ", ") + "]"
        case .mapping(let pairs):
            return "{" + pairs.map { jsonText(Node(.scalar(Scalar(text: $0.key.text ?? "", style: .plain, value: .string($0.key.text ?? ""))), mark: $0.key.mark))
                + ": " + jsonText($0.value) }.joined(separator: ", ") + "}"
        }
    }

    /// A `default` as a Swift literal of `type` (strings, integers in range, numbers, booleans;
    /// `nil` for a null default of a nullable property); nil when the type does not allow one
    /// (dates, enums, objects, arrays, or a value of another type).
    static func defaultExpression(_ node: Node, type: TypeReference, nullable: Bool) -> String? {
        guard let scalar = node.scalar else { return nil }
        switch (type, scalar.value) {
        case (_, .null): return nullable ? "nil" : nil
        case (.string, .string(let text)): return text.swiftLiteral
        case (.bool, .bool(let flag)): return String(flag)
        case (.int, .int(let value)), (.int64, .int(let value)): return String(value)
        case (.int32, .int(let value)): return Int32(exactly: value) != nil ? String(value) : nil
        case (.double, .int(let value)): return String(value)
        case (.double, .double(let value)) where value.isFinite: return String(value)
        case (.float, .int(let value)) where abs(value) < 1 << 24: return String(value)
        case (.float, .double(let value)) where value.isFinite && Double(Float(value)) == value: return String(value)
        default: return nil
        }
    }
}
