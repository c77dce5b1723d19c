import YAMLParsing

extension LoadContext {
    /// Reads a Schema Object (or a 3.1 boolean schema), normalising 3.0 and 3.1 forms (see `Schema`).
    ///
    /// Bounded by `limits`: a schema nested more than `maxDepth` levels deep, or the
    /// `maxSchemas + 1`th schema read (alias copies count), is a located error (reported once)
    /// and reads as an empty schema, so reading stays within the stack and linear in the limit.
    func schema(_ node: Node, _ pointer: JSONPointer) -> Schema {
        var schema = Schema(mark: node.mark, pointer: pointer)
        guard countWithinLimits(node, pointer) else { return schema }
        schemaDepth += 1
        defer { schemaDepth -= 1 }
        if case .bool(let flag)? = node.scalar?.value, version == .v3_1 {
            schema.booleanValue = flag
            return schema
        }
        guard mapping(node, pointer, "a schema") != nil else { return schema }
        if let reference = reference(node, pointer) {
            schema.reference = reference
            schema.description = reference.description
            if version == .v3_0 { return schema }  // 3.0: siblings of $ref are ignored
        }
        readAnnotations(node, pointer, into: &schema)
        readObjectKeywords(node, pointer, into: &schema)
        readArrayKeywords(node, pointer, into: &schema)
        readStringKeywords(node, pointer, into: &schema)
        readNumberKeywords(node, pointer, into: &schema)
        readComposition(node, pointer, into: &schema)
        schema.extensions = extensions(node)
        return schema
    }

    /// Counts the schema; false, with the error reported once, when it is past `maxSchemas` or
    /// nested `maxDepth` levels deep.
    private func countWithinLimits(_ node: Node, _ pointer: JSONPointer) -> Bool {
        schemaCount += 1
        if schemaCount > limits.maxSchemas {
            if !countExceeded {
                countExceeded = true
                error("the document stands for more than \(limits.maxSchemas) schemas once YAML aliases and merge keys are expanded "
                      + "(ModelLimits.maxSchemas); this is the first schema past the limit", at: node.mark, pointer)
            }
            return false
        }
        if schemaDepth >= limits.maxDepth {
            if !depthExceeded {
                depthExceeded = true
                error("schemas nest deeper than the limit of \(limits.maxDepth) levels (ModelLimits.maxDepth)", at: node.mark, pointer)
            }
            return false
        }
        return true
    }

    /// `type`, `format`, the annotations (`title`, `description`, `default`, examples, `deprecated`, `readOnly`, `writeOnly`), `enum` and `const`.
    private func readAnnotations(_ node: Node, _ pointer: JSONPointer, into schema: inout Schema) {
        let what = "schema"
        readType(node, pointer, into: &schema)
        schema.format = string(node, "format", pointer, in: what)
        schema.title = string(node, "title", pointer, in: what)
        schema.description = string(node, "description", pointer, in: what) ?? schema.description
        schema.defaultValue = node["default"]
        if let example = node["example"] { schema.examples = [example] }
        if let examples = node["examples"]?.sequence { schema.examples = examples }
        if let values = node["enum"] {
            schema.enumValues = sequence(values, pointer.appending("enum"), "'enum'")
            if schema.enumValues != nil, !checkLiteral(values, pointer.appending("enum"), "'enum'") { schema.enumValues = nil }
        }
        schema.constValue = node["const"]
        if let value = schema.constValue, !checkLiteral(value, pointer.appending("const"), "'const'") { schema.constValue = nil }
        schema.deprecated = bool(node, "deprecated", pointer, in: what) ?? false
        schema.readOnly = bool(node, "readOnly", pointer, in: what) ?? false
        schema.writeOnly = bool(node, "writeOnly", pointer, in: what) ?? false
    }

    /// `properties`, `required`, `additionalProperties`, `patternProperties`, `minProperties`/`maxProperties` and `discriminator`.
    private func readObjectKeywords(_ node: Node, _ pointer: JSONPointer, into schema: inout Schema) {
        let what = "schema"
        if let properties = node["properties"], let pairs = mapping(properties, pointer.appending("properties"), "'properties'") {
            let base = pointer.appending("properties")
            schema.properties = pairs.compactMap { pair in
                guard let name = pair.key.text else { return nil }
                return SchemaProperty(name: name, schema: self.schema(pair.value, base.appending(name)))
            }
        }
        schema.required = stringList(node, "required", pointer, in: what)
        if let additional = node["additionalProperties"] {
            if case .bool(let flag)? = additional.scalar?.value {
                schema.additionalProperties = .allowed(flag)
            } else {
                schema.additionalProperties = .schema(self.schema(additional, pointer.appending("additionalProperties")))
            }
        }
        if let patterns = node["patternProperties"], let pairs = mapping(patterns, pointer.appending("patternProperties"), "'patternProperties'") {
            let base = pointer.appending("patternProperties")
            schema.patternProperties = pairs.compactMap { pair in
                guard let pattern = pair.key.text else { return nil }
                return PatternProperty(pattern: pattern, mark: pair.key.mark, schema: self.schema(pair.value, base.appending(pattern)))
            }
        }
        schema.minProperties = nonNegativeInt(node, "minProperties", pointer, in: what)
        schema.maxProperties = nonNegativeInt(node, "maxProperties", pointer, in: what)
        if let discriminator = node["discriminator"] {
            schema.discriminator = readDiscriminator(discriminator, pointer.appending("discriminator"))
        }
    }

    /// `items` (a list: the Draft 4 tuple form, read as `prefixItems`), `prefixItems`, `minItems`/`maxItems` and `uniqueItems`.
    private func readArrayKeywords(_ node: Node, _ pointer: JSONPointer, into schema: inout Schema) {
        let what = "schema"
        if let items = node["items"] {
            if let list = items.sequence {
                // The Draft 4 tuple form; JSON Schema 2020-12 calls it prefixItems.
                schema.prefixItems = list.enumerated().map { self.schema($1, pointer.appending("items").appending($0)) }
            } else {
                schema.items = self.schema(items, pointer.appending("items"))
            }
        }
        if let prefix = node["prefixItems"], let list = sequence(prefix, pointer.appending("prefixItems"), "'prefixItems'") {
            schema.prefixItems = list.enumerated().map { self.schema($1, pointer.appending("prefixItems").appending($0)) }
        }
        schema.minItems = nonNegativeInt(node, "minItems", pointer, in: what)
        schema.maxItems = nonNegativeInt(node, "maxItems", pointer, in: what)
        schema.uniqueItems = bool(node, "uniqueItems", pointer, in: what) ?? false
    }

    /// `minLength`/`maxLength` and `pattern` (with where it is written).
    private func readStringKeywords(_ node: Node, _ pointer: JSONPointer, into schema: inout Schema) {
        let what = "schema"
        schema.minLength = nonNegativeInt(node, "minLength", pointer, in: what)
        schema.maxLength = nonNegativeInt(node, "maxLength", pointer, in: what)
        if let pattern = node["pattern"] {
            schema.pattern = string(node, "pattern", pointer, in: what)
            schema.patternMark = pattern.mark
        }
    }

    /// `minimum`/`maximum`, the exclusive bounds (3.0 booleans normalised, see `Schema`) and `multipleOf` (greater than 0).
    private func readNumberKeywords(_ node: Node, _ pointer: JSONPointer, into schema: inout Schema) {
        let what = "schema"
        schema.minimum = number(node, "minimum", pointer, in: what)
        schema.maximum = number(node, "maximum", pointer, in: what)
        schema.exclusiveMinimum = exclusiveBound(node, "exclusiveMinimum", bound: &schema.minimum, pointer)
        schema.exclusiveMaximum = exclusiveBound(node, "exclusiveMaximum", bound: &schema.maximum, pointer)
        if let multiple = number(node, "multipleOf", pointer, in: what) {
            if multiple.value <= 0 {
                error("'multipleOf' must be greater than 0", at: node["multipleOf"]!.mark, pointer.appending("multipleOf"))
            } else {
                schema.multipleOf = multiple
            }
        }
    }

    /// `allOf`, `oneOf`, `anyOf` and `not`.
    private func readComposition(_ node: Node, _ pointer: JSONPointer, into schema: inout Schema) {
        schema.allOf = schemaList(node, "allOf", pointer)
        schema.oneOf = schemaList(node, "oneOf", pointer)
        schema.anyOf = schemaList(node, "anyOf", pointer)
        if let not = node["not"] { schema.not = self.schema(not, pointer.appending("not")) }
    }

    private func readType(_ node: Node, _ pointer: JSONPointer, into schema: inout Schema) {
        guard let type = node["type"] else {
            if version == .v3_0, bool(node, "nullable", pointer, in: "schema") == true {
                // `nullable` without `type` is meaningless in 3.0 (3.0.3 §4.7.24.1); keep it as "null allowed".
                schema.types = nil
                schema.isNullableWithoutType = true
            }
            return
        }
        var names: [Node]
        if let list = type.sequence {
            if version == .v3_0 {
                error("'type' must be a string in OpenAPI 3.0 (type arrays are 3.1)", at: type.mark, pointer.appending("type"))
            }
            names = list
        } else {
            names = [type]
        }
        var types: [JSONType] = []
        for (index, name) in names.enumerated() {
            guard let text = name.scalar?.text, let jsonType = JSONType(rawValue: text), name.scalar?.value != .null else {
                let where_ = type.sequence == nil ? pointer.appending("type") : pointer.appending("type").appending(index)
                error("unknown type '\(name.scalar?.text ?? name.kindDescription)'; expected one of "
                      + JSONType.allCases.map(\.rawValue).joined(separator: ", "), at: name.mark, where_)
                continue
            }
            if jsonType == .null, version == .v3_0 {
                error("type 'null' is OpenAPI 3.1; 3.0 uses 'nullable: true'", at: name.mark, pointer.appending("type"))
            }
            types.append(jsonType)
        }
        if version == .v3_0, bool(node, "nullable", pointer, in: "schema") == true, !types.contains(.null) {
            types.append(.null)
        }
        schema.types = types
    }

    /// 3.0: `exclusiveMinimum: true` turns `minimum` exclusive. 3.1: the keyword is the bound itself.
    private func exclusiveBound(_ node: Node, _ key: String, bound: inout NumberLiteral?, _ pointer: JSONPointer) -> NumberLiteral? {
        guard let value = node[key] else { return nil }
        if case .bool(let flag)? = value.scalar?.value {
            if version == .v3_1 {
                // Common in real 3.1 specs (OpenAI's): read it the 3.0 way rather than reject the document.
                warning("'\(key)' should be a number in OpenAPI 3.1; the boolean (3.0) form is read as 3.0 would", at: value.mark, pointer.appending(key))
            }
            guard flag else { return nil }
            guard let limit = bound else {
                let partner = key == "exclusiveMinimum" ? "minimum" : "maximum"
                warning("'\(key): true' has no '\(partner)' to apply to", at: value.mark, pointer.appending(key))
                return nil
            }
            bound = nil
            return limit
        }
        if version == .v3_0 {
            warning("'\(key)' should be a boolean in OpenAPI 3.0; the numeric (3.1) form is read as 3.1 would", at: value.mark, pointer.appending(key))
        }
        return number(value, pointer.appending(key), key: key, in: "schema")
    }

    private func schemaList(_ node: Node, _ key: String, _ pointer: JSONPointer) -> [Schema] {
        guard let value = node[key] else { return [] }
        guard let list = sequence(value, pointer.appending(key), "'\(key)'") else { return [] }
        if list.isEmpty { error("'\(key)' must list at least one schema", at: value.mark, pointer.appending(key)) }
        return list.enumerated().map { schema($1, pointer.appending(key).appending($0)) }
    }

    private func readDiscriminator(_ node: Node, _ pointer: JSONPointer) -> Discriminator? {
        guard mapping(node, pointer, "'discriminator'") != nil,
              let propertyName = string(node, "propertyName", pointer, in: "discriminator", required: true) else { return nil }
        var entries: [Discriminator.Mapping] = []
        if let mappingNode = node["mapping"], let pairs = mapping(mappingNode, pointer.appending("mapping"), "'mapping'") {
            entries = pairs.compactMap { pair in
                guard let key = pair.key.text, let value = pair.value.text else { return nil }
                return Discriminator.Mapping(key: key, value: value)
            }
        }
        return Discriminator(propertyName: propertyName, mapping: entries)
    }
}
