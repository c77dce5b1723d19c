/// `ValidationRules` → a `ValidationSchema` expression (Swift source lines).
extension SwiftRenderer {
    /// The expression as lines; the first line has no indentation of its own.
    /// `scope`: the Swift path of the type whose extension holds the expression; a top-level
    /// type a nested one of the same name would shadow there is written module-qualified.
    func rulesExpression(_ rules: ValidationRules, draft: SchemaDraft? = nil, scope: String? = nil) -> [String] {
        if let target = rules.reference {
            switch target {
            case .type(let path): return ["ValidationSchema(reference: { \(scope.map { payloadType(.named(path), inside: $0) } ?? path).validationSchema })"]
            case .alias(let name): return ["ValidationSchema(reference: { Schemas.\(schemasMemberName(name)) })"]
            }
        }
        // `ValidationSchema(_:_:)`'s keywords: `.types([.object])`, one per keyword present.
        var arguments: [[String]] = []
        func add(_ label: String, _ value: String) { arguments.append([".\(label)(\(value))"]) }
        func add(_ label: String, lines: [String]) {
            var block = lines
            block[0] = ".\(label)(" + block[0]
            block[block.count - 1] += ")"
            arguments.append(block)
        }
        if let draft { add("draft", "." + draft.rawValue) }
        if let value = rules.booleanValue { add("booleanValue", String(value)) }
        if let types = rules.types { add("types", "[" + types.map { "." + $0 }.joined(separator: ", ") + "]") }
        if let values = rules.enumValues { add("enumValues", "[" + values.map(jsonExpression).joined(separator: ", ") + "]") }
        if let value = rules.constValue { add("constValue", jsonExpression(value)) }
        if let value = rules.minLength { add("minLength", String(value)) }
        if let value = rules.maxLength { add("maxLength", String(value)) }
        if let pattern = rules.pattern { add("pattern", "Pattern(source: \(pattern.source.swiftLiteral), icu: \(pattern.icu.swiftLiteral))") }
        if let format = rules.format { add("format", format.swiftLiteral) }
        for (label, value) in [("minimum", rules.minimum), ("maximum", rules.maximum), ("exclusiveMinimum", rules.exclusiveMinimum),
                               ("exclusiveMaximum", rules.exclusiveMaximum), ("multipleOf", rules.multipleOf)] {
            if let value { add(label, value.swiftLiteral) }
        }
        if let value = rules.minItems { add("minItems", String(value)) }
        if let value = rules.maxItems { add("maxItems", String(value)) }
        if rules.uniqueItems { add("uniqueItems", "true") }
        if let items = rules.items { add("items", lines: rulesExpression(items, scope: scope)) }
        if !rules.prefixItems.isEmpty { add("prefixItems", lines: list(rules.prefixItems.map { rulesExpression($0, scope: scope) })) }
        if !rules.properties.isEmpty {
            add("properties", lines: list(rules.properties.map { property in
                var lines = rulesExpression(property.rules, scope: scope)
                lines[0] = "(\(property.name.swiftLiteral), " + lines[0]
                lines[lines.count - 1] += ")"
                return lines
            }))
        }
        if !rules.required.isEmpty { add("required", "[" + rules.required.map(\.swiftLiteral).joined(separator: ", ") + "]") }
        switch rules.additionalProperties {
        case .allowed: break
        case .forbidden: add("additionalProperties", ".forbidden")
        case .schema(let schema):
            var lines = rulesExpression(schema, scope: scope)
            lines[0] = ".schema(" + lines[0]
            lines[lines.count - 1] += ")"
            add("additionalProperties", lines: lines)
        }
        if !rules.patternProperties.isEmpty {
            add("patternProperties", lines: list(rules.patternProperties.map { entry in
                var lines = rulesExpression(entry.rules)
                lines[0] = "(Pattern(source: \(entry.pattern.source.swiftLiteral), icu: \(entry.pattern.icu.swiftLiteral)), " + lines[0]
                lines[lines.count - 1] += ")"
                return lines
            }))
        }
        if !rules.readOnlyProperties.isEmpty {
            add("readOnlyProperties", "[" + rules.readOnlyProperties.map(\.swiftLiteral).joined(separator: ", ") + "]")
        }
        if !rules.writeOnlyProperties.isEmpty {
            add("writeOnlyProperties", "[" + rules.writeOnlyProperties.map(\.swiftLiteral).joined(separator: ", ") + "]")
        }
        if let value = rules.minProperties { add("minProperties", String(value)) }
        if let value = rules.maxProperties { add("maxProperties", String(value)) }
        for (label, branches) in [("allOf", rules.allOf), ("anyOf", rules.anyOf), ("oneOf", rules.oneOf)] where !branches.isEmpty {
            add(label, lines: list(branches.map { rulesExpression($0, scope: scope) }))
        }
        if let not = rules.not { add("not", lines: rulesExpression(not, scope: scope)) }

        if arguments.isEmpty { return ["ValidationSchema()"] }
        if arguments.count == 1, arguments[0].count == 1, arguments[0][0].count < 80 {
            return ["ValidationSchema(\(arguments[0][0]))"]
        }
        var lines = ["ValidationSchema("]
        for (index, argument) in arguments.enumerated() {
            var block = argument.map { "    " + $0 }
            if index < arguments.count - 1 { block[block.count - 1] += "," }
            lines += block
        }
        lines.append(")")
        return lines
    }

    /// Like `rulesExpression`, but a reference is the target's schema itself (no lazy closure):
    /// for use in code that runs, not in static initialisers that may recurse.
    func schemaExpression(_ rules: ValidationRules) -> [String] {
        switch rules.reference {
        case .type(let path)?: return ["\(path).validationSchema"]
        case .alias(let name)?: return ["Schemas.\(schemasMemberName(name))"]
        case nil: return rulesExpression(rules)
        }
    }

    /// `[a, b]` with one element per line block.
    private func list(_ elements: [[String]]) -> [String] {
        var lines = ["["]
        for (index, element) in elements.enumerated() {
            var block = element.map { "    " + $0 }
            if index < elements.count - 1 { block[block.count - 1] += "," }
            lines += block
        }
        lines.append("]")
        return lines
    }

    func jsonExpression(_ literal: JSONLiteral) -> String {
        switch literal {
        case .null: return ".null"
        case .bool(let value): return ".bool(\(value))"
        case .integer(let value): return ".integer(\(value))"
        case .number(let text):
            // The loader rejects numbers a Double cannot hold (`1e400`, `1e-400`, `.nan`); should
            // one get here, its text is written as is (a compile error), never `inf` or `0`.
            guard let value = Double(text), value.isFinite else { return ".number(\(text))" }
            return ".number(\(String(value)))"
        case .string(let value): return ".string(\(value.swiftLiteral))"
        case .array(let items): return ".array([" + items.map(jsonExpression).joined(separator: ", ") + "])"
        case .object(let entries):
            if entries.isEmpty { return ".object([:])" }
            return ".object([" + entries.map { "\($0.name.swiftLiteral): \(jsonExpression($0.value))" }.joined(separator: ", ") + "])"
        }
    }

    /// The member of `Schemas` holding an alias component's rules (`FooBar` → `fooBar`).
    func schemasMemberName(_ typeName: String) -> String {
        Naming.escaped(typeName.prefix(1).lowercased() + typeName.dropFirst())
    }

    /// Writes a multi-line expression after `prefix`.
    func write(_ prefix: String, _ lines: [String], into writer: inout SwiftWriter) {
        writer.line(prefix + lines[0])
        for line in lines.dropFirst() { writer.line(line) }
    }
}
