/// Unions: `oneOf` / `anyOf` / type arrays as Swift enums with one case per alternative and
/// `unknown(JSONValue)`. The choice of case is made by `UnionDecoding` in the runtime, so each
/// union's generated code is its cases and two short switches.
extension SwiftRenderer {
    func renderUnion(_ declaration: TypeDeclaration, _ union: UnionDeclaration, path: String, into writer: inout SwiftWriter) {
        let payload = { (type: TypeReference) in self.payloadType(type, inside: path) }
        // `indirect`: a case's payload may hold the union again (a tree of unions and structs).
        writer.block("\(access)nonisolated indirect enum \(declaration.name): Codable, Hashable, Sendable") { writer in
            for (alternative, member) in zip(union.alternatives, typeSurface(path).members) {
                var documentation = "`\(alternative.source)`"
                if !alternative.discriminatorValues.isEmpty {
                    documentation += " (discriminator value " + alternative.discriminatorValues.map { "`\($0)`" }.joined(separator: ", ") + ")"
                }
                writer.documentation(documentation)
                writer.line("case \(member.caseDeclaration)")
            }
            switch union.selection {
            case .discriminator:
                writer.documentation("A value whose discriminator this version of the spec does not list (or that has none), kept as received.")
            case .oneOf:
                writer.documentation("A value that matches none of the alternatives, or several (it breaks `oneOf`), kept as received; `validate()` reports it.")
            case .anyOf, .types:
                writer.documentation("A value that matches none of the alternatives, kept as received; `validate()` reports it.")
            }
            writer.line("case unknown(JSONValue)")
            writer.line()
            renderUnionDecoding(union, payload: payload, into: &writer)
            writer.line()
            writer.block("\(access)func encode(to encoder: any Encoder) throws") { writer in
                writer.line("var container = encoder.singleValueContainer()")
                writer.switchBlock("switch self") { writer in
                    for alternative in union.alternatives {
                        writer.line("case .\(Naming.escaped(alternative.name))(let value): try container.encode(value)")
                    }
                    writer.line("case .unknown(let value): try container.encode(value)")
                }
            }
            for nested in declaration.nested {
                writer.line()
                renderType(nested, path: path + "." + nested.name, into: &writer)
            }
        }
    }

    private func renderUnionDecoding(_ union: UnionDeclaration, payload: (TypeReference) -> String, into writer: inout SwiftWriter) {
        let selection: String
        let index: (UnionAlternative) -> Int
        switch union.selection {
        case .discriminator(let property):
            var entries: [String] = []
            for (position, alternative) in union.alternatives.enumerated() {
                entries += alternative.discriminatorValues.map { "\($0.swiftLiteral): \(position)" }
            }
            let values = entries.isEmpty ? "[:]" : "[" + entries.joined(separator: ", ") + "]"
            selection = "UnionDecoding.discriminated(decoder, property: \(property.swiftLiteral), values: \(values))"
            index = { alternative in union.alternatives.firstIndex(of: alternative)! }
        case .oneOf, .anyOf, .types:
            let count = (union.alternatives.map(\.branch).max() ?? -1) + 1
            var kinds = Array(repeating: "[.null]", count: count)
            for alternative in union.alternatives { kinds[alternative.branch] = jsonKinds(alternative.type) }
            selection = "try UnionDecoding.select(decoder, schema: Self.validationSchema, kinds: [\(kinds.joined(separator: ", "))])"
            index = \.branch
        }
        writer.block("\(access)init(from decoder: any Decoder) throws") { writer in
            writer.line("let container = try decoder.singleValueContainer()")
            writer.switchBlock("switch \(selection)") { writer in
                for alternative in union.alternatives {
                    writer.line("case \(index(alternative))?: self = .\(Naming.escaped(alternative.name))(try container.decode(\(payload(alternative.type)).self))")
                }
                writer.line("default: self = .unknown(try container.decode(JSONValue.self))")
            }
        }
    }

    /// The JSON types a Swift type can hold, as a `[JSONType]?` literal (`nil`: any).
    func jsonKinds(_ type: TypeReference, depth: Int = 0) -> String {
        switch resolvedKind(type) {
        case .string, .dateTime, .calendarDate, .data, .uuid: return "[.string]"
        case .bool: return "[.boolean]"
        case .int, .int32, .int64: return "[.integer]"
        case .float, .double: return "[.number]"
        case .array: return "[.array]"
        case .dictionary: return "[.object]"
        case .json: return "nil"
        case .optional(let wrapped):
            let inner = jsonKinds(wrapped, depth: depth + 1)
            return inner == "nil" ? "nil" : String(inner.dropLast()) + ", .null]"
        case .named(let name):
            switch declarations[name]?.kind {
            case .structure?: return "[.object]"
            case .enumeration(let raw, _)?: return jsonKinds(raw, depth: depth + 1)
            case .alias(let target)?: return depth < 16 ? jsonKinds(target, depth: depth + 1) : "nil"
            case .union?, nil: return "nil"
            }
        }
    }
}
