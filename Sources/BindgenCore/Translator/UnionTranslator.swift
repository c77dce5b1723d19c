import OpenAPIModel

/// Schema → `UnionDeclaration`: `oneOf` / `anyOf` with two or more non-null branches, and 3.1
/// type arrays with two or more non-null types, become Swift enums with one case per
/// alternative. Null branches (`{type: 'null'}`, 3.0 `nullable`) make the *position* optional
/// instead (`isNullable`).
extension Translator {
    /// The schema binds as a union (`UnionDeclaration`).
    func isUnion(_ schema: Schema) -> Bool {
        guard schema.reference == nil, schema.booleanValue == nil, schema.allOf.isEmpty, schema.properties.isEmpty,
              schema.enumValues == nil, schema.constValue == nil else { return false }
        if let branches = unionBranches(of: schema) {
            if onlyConstrains(branches) { return false }
            return branches.filter { !isNullBranch($0) }.count >= 2
        }
        return (schema.nonNullTypes?.count ?? 0) >= 2
    }

    /// Branches that only add constraints to the schema they sit in (`anyOf: [{pattern: a},
    /// {pattern: b}]`, `oneOf: [{required: [x]}, {required: [y]}]`): no type, `$ref`,
    /// properties, items, enum or composition of their own. The schema binds as if they were
    /// not there; validation applies them.
    func onlyConstrains(_ branches: [Schema]) -> Bool {
        branches.allSatisfy { branch in
            branch.reference == nil && branch.types == nil && branch.properties.isEmpty && branch.items == nil && branch.enumValues == nil
                && branch.constValue == nil && branch.allOf.isEmpty && branch.oneOf.isEmpty && branch.anyOf.isEmpty
                && branch.additionalProperties == nil && branch.prefixItems == nil && branch.booleanValue == nil
        }
    }

    /// A schema that accepts everything: no assertion keyword (annotations only).
    func isWithoutKeywords(_ schema: Schema) -> Bool {
        onlyConstrains([schema]) && !schema.allowsNull && schema.pattern == nil && schema.format == nil && schema.not == nil
            && schema.minLength == nil && schema.maxLength == nil && schema.minimum == nil && schema.maximum == nil
            && schema.exclusiveMinimum == nil && schema.exclusiveMaximum == nil && schema.multipleOf == nil
            && schema.minItems == nil && schema.maxItems == nil && !schema.uniqueItems && schema.required.isEmpty
            && schema.minProperties == nil && schema.maxProperties == nil
    }

    /// The `oneOf` branches (else the `anyOf` ones), nil when there are none.
    func unionBranches(of schema: Schema) -> [Schema]? {
        if !schema.oneOf.isEmpty { return schema.oneOf }
        if !schema.anyOf.isEmpty { return schema.anyOf }
        return nil
    }

    /// A branch that accepts only `null` (`{type: 'null'}`, `enum: [null]`).
    func isNullBranch(_ schema: Schema) -> Bool {
        guard let resolved = resolved(schema) else { return false }
        if resolved.types == [.null] { return true }
        if let values = resolved.enumValues, !values.isEmpty, values.allSatisfy({ $0.scalar?.value == .null }) { return true }
        return false
    }

    /// `null` is accepted where this schema is used: 3.0 `nullable`, 3.1 `type: [.., 'null']`, a
    /// `$ref` to such a schema, `allOf: [X]` with X nullable, or a `oneOf`/`anyOf` branch that
    /// accepts null. The position becomes a Swift optional (`[String?]`, `[String: Int?]`).
    func isNullable(_ schema: Schema, depth: Int = 0) -> Bool {
        if schema.allowsNull { return true }
        guard depth < 16 else { return false }
        if let reference = schema.reference {
            guard let target = self.schema(for: reference) else { return false }
            return isNullable(target, depth: depth + 1)
        }
        if schema.allOf.count == 1, schema.properties.isEmpty, isNullable(schema.allOf[0], depth: depth + 1) { return true }
        for branches in [schema.oneOf, schema.anyOf] where branches.contains(where: { isNullBranch($0) || (depth < 4 && isNullable($0, depth: depth + 4)) }) {
            return true
        }
        return false
    }

    /// `type` wrapped in `.optional` when the schema accepts null (for array items and map values).
    func nullableElement(_ type: TypeReference, _ schema: Schema) -> TypeReference {
        if type == .json { return type }  // JSONValue has `.null` itself
        return isNullable(schema) ? .optional(type) : type
    }

    /// The union for `schema` (`isUnion`), its inline alternatives declared in `nested`, and its
    /// validation rules (inline alternatives' rules referenced, not repeated).
    mutating func unionDeclaration(for schema: Schema, path: String, nested: inout [TypeDeclaration]) -> (UnionDeclaration, ValidationRules) {
        var rules = self.rules(for: schema)
        // Type arrays: one alternative per non-null type, each the schema narrowed to that type.
        guard let branches = unionBranches(of: schema) else {
            let types = schema.types ?? []
            var candidates: [(branch: Int, schema: Schema, base: String)] = []
            for (index, type) in types.enumerated() where type != .null {
                var narrowed = schema
                narrowed.types = [type]
                candidates.append((index, narrowed, Self.caseBase(for: type)))
            }
            var alternatives = makeAlternatives(candidates, values: [:], path: path, nested: &nested)
            for index in alternatives.indices {
                alternatives[index].source = "#\(schema.pointer.description)/type/\(alternatives[index].branch)"
                    + " (`\(types[alternatives[index].branch].rawValue)`)"
            }
            return (UnionDeclaration(selection: .types, alternatives: alternatives), rules)
        }
        let keyword = !schema.oneOf.isEmpty ? "oneOf" : "anyOf"
        var values: [Int: [String]] = [:]
        var mappedNames: [Int: String] = [:]
        if let discriminator = schema.discriminator {
            let found = discriminatorValues(discriminator, branches: branches)
            values = found.values
            mappedNames = found.names
        }
        var candidates: [(branch: Int, schema: Schema, base: String)] = []
        for (index, branch) in branches.enumerated() where !isNullBranch(branch) {
            candidates.append((index, branch, mappedNames[index].map(Naming.memberName) ?? caseBase(for: branch)))
        }
        let alternatives = makeAlternatives(candidates, values: values, path: path, nested: &nested)
        // Inline alternatives bound as nested types: their rules by reference.
        for alternative in alternatives {
            guard case .named(let name) = alternative.type, inlineTypePaths.contains(name) else { continue }
            if keyword == "oneOf" { rules.oneOf[alternative.branch] = .reference(.type(name)) } else { rules.anyOf[alternative.branch] = .reference(.type(name)) }
        }
        let selection: UnionDeclaration.Selection = schema.discriminator.map { .discriminator(propertyName: $0.propertyName) }
            ?? (keyword == "oneOf" ? .oneOf : .anyOf)
        return (UnionDeclaration(selection: selection, alternatives: alternatives), rules)
    }

    private mutating func makeAlternatives(_ candidates: [(branch: Int, schema: Schema, base: String)], values: [Int: [String]],
                                           path: String, nested: inout [TypeDeclaration]) -> [UnionAlternative] {
        let outcomes = NameAllocation.allocate(candidates.map { .init(wireName: $0.base, base: $0.base, tieBreak: String($0.branch)) },
                                               reserved: ReservedNames.enumCaseNames.union(["encode", "validate", "validationSchema", "hashValue", "init"]))
        var nestedNames = Set(nested.map(\.name))
        var result: [UnionAlternative] = []
        for (candidate, outcome) in zip(candidates, outcomes) {
            var typeName = Naming.typeName(outcome.name)
            if ReservedNames.typeNames.contains(typeName) || ReservedNames.keywords.contains(typeName) { typeName += "Value" }
            typeName = NameAllocation.unique(typeName, in: &nestedNames)
            // A branch that also accepts null makes the union's position optional (`isNullable`), not the payload.
            let type = typeReference(for: candidate.schema, suggestedName: typeName, owner: .nested(path), nested: &nested)
            result.append(UnionAlternative(name: outcome.name, type: type, branch: candidate.branch,
                                           discriminatorValues: values[candidate.branch] ?? [],
                                           source: candidate.schema.reference?.target ?? "#" + candidate.schema.pointer.description))
        }
        return result
    }

    /// The base of a case name: the component's name for a `$ref`, else the title, else the type.
    func caseBase(for branch: Schema) -> String {
        if let reference = branch.reference {
            if let pointer = reference.localPointer, let last = pointer.tokens.last { return Naming.memberName(last) }
            return Naming.memberName(reference.name)
        }
        if let title = branch.title, !Naming.memberName(title).isEmpty { return Naming.memberName(title) }
        if let types = branch.nonNullTypes, types.count == 1 { return Self.caseBase(for: types[0]) }
        if !branch.properties.isEmpty { return "object" }
        return "value"
    }

    static func caseBase(for type: JSONType) -> String {
        switch type {
        case .string: return "string"
        case .integer: return "integer"
        case .number: return "number"
        case .boolean: return "bool"
        case .array: return "array"
        case .object: return "object"
        case .null: return "null"
        }
    }

    /// Branch index → the discriminator values that select it, and branch index → the mapping key
    /// naming it. OpenAPI 3.x Discriminator Object: `mapping` values are schema names or
    /// references (`#/components/schemas/Cat`); a branch no mapping names is selected by its
    /// schema name (implicit mapping). A value is also taken from the branch's own discriminator
    /// property when that is a `const` or a one-value `enum` (OpenAI's `type: {enum: [text]}`).
    /// A value selects the first branch that claims it.
    func discriminatorValues(_ discriminator: Discriminator, branches: [Schema]) -> (values: [Int: [String]], names: [Int: String]) {
        var values: [Int: [String]] = [:]
        var names: [Int: String] = [:]
        var claimed: Set<String> = []
        func claim(_ value: String, _ index: Int) {
            if claimed.insert(value).inserted { values[index, default: []].append(value) }
        }
        func componentName(_ branch: Schema) -> String? {
            branch.reference?.componentName(in: "schemas")
        }
        var mapped: Set<Int> = []
        for entry in discriminator.mapping {
            let (key, target, targetName) = (entry.key, entry.value, entry.schemaName)
            guard let index = branches.firstIndex(where: { componentName($0) == targetName || $0.reference?.target == target }) else { continue }
            claim(key, index)
            mapped.insert(index)
            if names[index] == nil { names[index] = key }
        }
        for (index, branch) in branches.enumerated() {
            if !mapped.contains(index), let name = componentName(branch) { claim(name, index) }
            guard let resolved = resolved(branch) else { continue }
            let merged = mergedAllOf(resolved) ?? resolved
            guard let property = merged.properties.first(where: { $0.name == discriminator.propertyName })?.schema,
                  let propertySchema = self.resolved(property) else { continue }
            if let constant = propertySchema.constValue?.scalar?.text { claim(constant, index) }
            if let enumValues = propertySchema.enumValues, enumValues.count == 1, let text = enumValues[0].scalar?.text { claim(text, index) }
        }
        return (values, names)
    }
}
