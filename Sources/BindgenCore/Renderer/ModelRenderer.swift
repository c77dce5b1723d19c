/// Models: structs with a memberwise initializer and written-out coding, open enums, typealiases.
extension SwiftRenderer {
    /// The declaration, then its validation schema: a `Validatable` conformance for structs and
    /// enums (nested ones included), a `Schemas` member for aliases.
    func renderTypeWithValidation(_ declaration: TypeDeclaration, into writer: inout SwiftWriter) {
        renderType(declaration, into: &writer)
        renderValidation(declaration, path: declaration.name, into: &writer)
    }

    private func renderValidation(_ declaration: TypeDeclaration, path: String, into writer: inout SwiftWriter) {
        writer.line()
        switch declaration.kind {
        case .alias:
            writer.block("nonisolated extension Schemas") { writer in
                writer.documentation("Validation keywords of `\(declaration.name)` (`\(declaration.sourceReference)`).")
                write("\(access)static let \(schemasMemberName(declaration.name)): ValidationSchema = ", rulesExpression(declaration.validation, draft: module.draft), into: &writer)
            }
        case .structure, .enumeration, .union:
            // The keywords are built in a function body, not as the property's initial value:
            // the module's interface job (`-emit-module`) type-checks every initial value but
            // skips non-inlinable function bodies, so this keeps the tables out of that job
            // (full EnergyCAP shape, that job alone: 16.9–18.8 s before, 11.5–14.5 s after;
            // Benchmarks/README.md, "Session 11"). Its name is `ReservedNames.validationSchemaBuilder`.
            writer.block("nonisolated extension \(path): Validatable") { writer in
                writer.documentation("Validation keywords of `\(declaration.sourceReference)`.")
                writer.line("\(access)static let validationSchema: ValidationSchema = \(ReservedNames.validationSchemaBuilder)()")
                writer.line()
                writer.block("private static func \(ReservedNames.validationSchemaBuilder)() -> ValidationSchema") { writer in
                    write("", rulesExpression(declaration.validation, draft: module.draft, scope: path), into: &writer)
                }
            }
        }
        for nested in declaration.nested {
            renderValidation(nested, path: path + "." + nested.name, into: &writer)
        }
    }

    /// `path`: the declaration's Swift path (`Charge.Customer`), its name for a top-level one.
    func renderType(_ declaration: TypeDeclaration, path explicitPath: String? = nil, into writer: inout SwiftWriter) {
        let path = explicitPath ?? declaration.name
        var documentation = declaration.documentation ?? ""
        if !documentation.isEmpty { documentation += "\n\n" }
        documentation += "Schema: `\(declaration.sourceReference)`"
        writer.documentation(documentation)
        switch declaration.kind {
        case .structure(let properties):
            renderStructure(declaration, properties, path: path, into: &writer)
        case .enumeration(let raw, let cases):
            renderEnumeration(declaration.name, raw: raw, cases: cases, into: &writer)
        case .union(let union):
            renderUnion(declaration, union, path: path, into: &writer)
        case .alias:
            writer.line("\(access)typealias \(declaration.name) = \(typeSurface(path).aliasTarget ?? "")")
            for nested in declaration.nested {
                writer.line()
                renderType(nested, into: &writer)
            }
        }
    }

    private func renderStructure(_ declaration: TypeDeclaration, _ properties: [Property], path: String, into writer: inout SwiftWriter) {
        let members = typeSurface(path).members
        writer.block("\(access)nonisolated struct \(declaration.name): Codable, Hashable, Sendable") { writer in
            for (property, member) in zip(properties, members) {
                var documentation = property.documentation ?? ""
                if !property.constraints.isEmpty {
                    if !documentation.isEmpty { documentation += "\n\n" }
                    documentation += "Constraints: " + property.constraints.joined(separator: ", ")
                }
                if let text = property.defaultText {
                    if !documentation.isEmpty { documentation += "\n\n" }
                    documentation += "Default: `\(text)`"
                }
                if property.isRequired, property.isReadOnly || property.isWriteOnly {
                    if !documentation.isEmpty { documentation += "\n\n" }
                    documentation += property.isReadOnly
                        ? "Read-only: required in responses; optional here so a request can leave it out, and never sent in a request body."
                        : "Write-only: required in requests; optional here because responses leave it out."
                }
                writer.documentation(documentation)
                if property.isDeprecated { writer.line("@available(*, deprecated)") }
                if property.isIndirect {
                    // A recursive schema: stored in a box, exposed as a plain property.
                    writer.block("\(access)var \(member.declaration)") { writer in
                        writer.line("get { _\(property.name).value }")
                        writer.line("set { _\(property.name) = Indirect(newValue) }")
                    }
                    writer.line("private var _\(property.name): Indirect<\(member.writtenType ?? "")>")
                } else if property.isDeprecated {
                    // Stored under another name, so that the struct's own initializer and coding
                    // do not use the deprecated property (a warning in the generated code).
                    writer.block("\(access)var \(member.declaration)") { writer in
                        writer.line("get { _\(property.name) }")
                        writer.line("set { _\(property.name) = newValue }")
                    }
                    writer.line("private var _\(property.name): \(member.writtenType ?? "")")
                } else {
                    writer.line("\(access)var \(member.declaration)")
                }
            }
            let map = declaration.additionalProperties
            if map != nil, let member = members.last {
                writer.documentation("The members other than the declared properties (`additionalProperties`): kept when decoding, written back when encoding.")
                writer.line("\(access)var \(member.declaration)")
            }
            writer.line()
            writer.documentation(properties.contains { $0.defaultExpression != nil }
                ? "Creates a value from its properties: required ones first, optional ones default to nil or to the schema's `default`."
                : "Creates a value from its properties: required ones first, optional ones default to nil.")
            let initializer = typeSurface(path).initializer ?? .initializer([])
            writer.declarationBlock("\(access)\(initializer.declaration)") { writer in
                for property in properties {
                    if property.isIndirect {
                        writer.line("self._\(property.name) = Indirect(\(Naming.escaped(property.name)))")
                    } else if property.isDeprecated {
                        writer.line("self._\(property.name) = \(Naming.escaped(property.name))")
                    } else {
                        writer.line("self.\(property.name) = \(Naming.escaped(property.name))")
                    }
                }
                if let map { writer.line("self.\(map.name) = \(Naming.escaped(map.name))") }
            }
            renderCoding(properties, path: path, map: map, into: &writer)
            for nested in declaration.nested {
                writer.line()
                renderType(nested, path: path + "." + nested.name, into: &writer)
            }
        }
    }

    /// `init(from:)` and `encode(to:)`, written out for every struct with the members' JSON names
    /// as `DynamicCodingKey` literals: the same JSON as synthesized conformance, without a
    /// `CodingKeys` enum per struct (an enum's conformances cost more to compile than the coding
    /// itself; Benchmarks/README.md). Boxed and deprecated properties are stored as `_name`; an
    /// open object's map holds the members no property names; `readOnly` properties are left out
    /// of request bodies (`Encoder.isEncodingRequest`).
    private func renderCoding(_ properties: [Property], path: String, map: AdditionalPropertiesMap?, into writer: inout SwiftWriter) {
        let declared = "[" + properties.map(\.jsonName.swiftLiteral).joined(separator: ", ") + "]"
        writer.line()
        writer.block("\(access)init(from decoder: any Decoder) throws") { writer in
            writer.line(properties.isEmpty ? "_ = try decoder.container(keyedBy: DynamicCodingKey.self)" : "let container = try decoder.container(keyedBy: DynamicCodingKey.self)")
            for property in properties {
                let key = property.jsonName.swiftLiteral
                let decode = property.isTriState
                    ? "try container.decodeNullable(\(payloadType(property.type, inside: path)).self, forKey: \(key))"
                    : property.isOptional
                    ? "try container.decodeIfPresent(\(payloadType(property.type, inside: path)).self, forKey: \(key))"
                    : "try container.decode(\(payloadType(property.type, inside: path)).self, forKey: \(key))"
                if property.isIndirect {
                    writer.line("self._\(property.name) = Indirect(\(decode))")
                } else if property.isDeprecated {
                    writer.line("self._\(property.name) = \(decode)")
                } else {
                    writer.line("self.\(property.name) = \(decode)")
                }
            }
            if let map {
                writer.line("self.\(map.name) = try decoder.additionalProperties(\(swiftType(map.valueType)).self, excluding: \(declared))")
            }
        }
        writer.line()
        writer.block("\(access)func encode(to encoder: any Encoder) throws") { writer in
            writer.line(properties.isEmpty ? "_ = encoder.container(keyedBy: DynamicCodingKey.self)" : "var container = encoder.container(keyedBy: DynamicCodingKey.self)")
            for property in properties {
                let key = property.jsonName.swiftLiteral
                let value = !property.isDeprecated ? "self.\(property.name)" : property.isIndirect ? "self._\(property.name).value" : "self._\(property.name)"
                // A required nullable property is always sent: `nil` as `null`.
                let always = !property.isOptional || (property.isRequired && property.isNullable && !property.isTriState)
                let encode = always ? "try container.encode(\(value), forKey: \(key))" : "try container.encodeIfPresent(\(value), forKey: \(key))"
                writer.line(property.isReadOnly ? "if !encoder.isEncodingRequest { \(encode) }" : encode)
            }
            if let map {
                writer.line("try encoder.encodeAdditionalProperties(self.\(map.name), excluding: \(declared))")
            }
        }
    }

    /// An open enum: values the spec does not list decode to `.unknown(raw)` and encode back unchanged.
    private func renderEnumeration(_ name: String, raw: TypeReference, cases: [EnumCase], into writer: inout SwiftWriter) {
        let rawType = swiftType(raw)
        // `OpenEnumeration` (BindingRuntime) is `RawRepresentable` and `Hashable`, with `==` and
        // `hash(into:)` by raw value: one shared overload, not one `==` per enum.
        writer.block("\(access)nonisolated enum \(name): OpenEnumeration, Codable, Sendable, CaseIterable") { writer in
            for enumCase in cases {
                let literal = literalText(enumCase.rawValue)
                writer.documentation((enumCase.documentation.map { $0 + " " } ?? "") + "(`\(literal)`)")
                writer.line("case \(Naming.escaped(enumCase.name))")
            }
            writer.documentation("A value this version of the spec does not list, kept as received.")
            writer.line("case unknown(\(rawType))")
            writer.line()
            writer.documentation("The listed cases.")
            writer.line("\(access)static let allCases: [\(name)] = [\(cases.map { "." + Naming.escaped($0.name) }.joined(separator: ", "))]")
            writer.line()
            writer.block("\(access)init(rawValue: \(rawType))") { writer in
                writer.switchBlock("switch rawValue") { writer in
                    for enumCase in cases {
                        writer.line("case \(literalText(enumCase.rawValue)): self = .\(Naming.escaped(enumCase.name))")
                    }
                    writer.line("default: self = .unknown(rawValue)")
                }
            }
            writer.line()
            writer.block("\(access)var rawValue: \(rawType)") { writer in
                writer.switchBlock("switch self") { writer in
                    for enumCase in cases {
                        writer.line("case .\(Naming.escaped(enumCase.name)): return \(literalText(enumCase.rawValue))")
                    }
                    writer.line("case .unknown(let rawValue): return rawValue")
                }
            }
            writer.line()
            writer.block("\(access)init(from decoder: any Decoder) throws") { writer in
                writer.line("self.init(rawValue: try decoder.singleValueContainer().decode(\(rawType).self))")
            }
            writer.line()
            writer.block("\(access)func encode(to encoder: any Encoder) throws") { writer in
                writer.line("var container = encoder.singleValueContainer()")
                writer.line("try container.encode(rawValue)")
            }
        }
    }

    func literalText(_ value: EnumCase.RawValue) -> String {
        switch value {
        case .integer(let int): return String(int)
        case .string(let text): return text.swiftLiteral
        }
    }
}
