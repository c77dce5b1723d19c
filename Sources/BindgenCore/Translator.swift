import Foundation
import OpenAPIModel
import YAMLParsing

/// Turns an `OpenAPIDocument` into a `BindingModule`.
///
/// What the generator cannot express yet becomes a located warning and a `JSONValue`-typed
/// value, never a crash or a silent drop.
public struct Translator {
    public struct Options: Equatable, Sendable {
        public var moduleName: String
        public var accessLevel: AccessLevel
        public var specFileName: String
        public var filter: OperationFilter
        public var overrides: NameOverrides
        public var versionSource: VersionSource

        public init(moduleName: String, accessLevel: AccessLevel = .public, specFileName: String, filter: OperationFilter = OperationFilter(),
                    overrides: NameOverrides = NameOverrides(), versionSource: VersionSource = .pathSegment) {
            self.moduleName = moduleName
            self.accessLevel = accessLevel
            self.specFileName = specFileName
            self.filter = filter
            self.overrides = overrides
            self.versionSource = versionSource
        }
    }

    let document: OpenAPIDocument
    let options: Options
    var diagnostics: [Diagnostic] = []
    /// Component schema name → Swift type name.
    var componentTypeNames: [String: String] = [:]
    var topLevelNames: Set<String> = []
    /// Top-level types made for inline schemas of operations (request/response/parameter types).
    var extraTypes: [TypeDeclaration] = []
    /// Components bound as typealiases (their rules live in `Schemas`).
    var aliasComponents: Set<String> = []
    /// Swift paths of types made for inline schemas.
    var inlineTypePaths: Set<String> = []
    /// Names that differ from their wire names beyond recasing (for `--explain-names`).
    var nameExplanations: [NameExplanation] = []

    /// - Returns: the binding model and the warnings found while translating.
    public static func translate(_ document: OpenAPIDocument, options: Options) -> (module: BindingModule, diagnostics: [Diagnostic]) {
        var translator = Translator(document: document, options: options)
        let module = translator.translate()
        return (module, translator.diagnostics)
    }

    /// `translate`, with the names that differ from their wire names (`--explain-names`).
    public static func translateExplainingNames(_ document: OpenAPIDocument, options: Options)
        -> (module: BindingModule, diagnostics: [Diagnostic], names: [NameExplanation]) {
        var translator = Translator(document: document, options: options)
        let module = translator.translate()
        return (module, translator.diagnostics, translator.nameExplanations)
    }

    init(document: OpenAPIDocument, options: Options) {
        self.document = document
        self.options = options
    }

    mutating func translate() -> BindingModule {
        let clientName = Naming.typeName(options.moduleName) + "Client"
        topLevelNames = [clientName]
        topLevelNames.formUnion(["Schemas", "APIBindgenManifest"])
        let included = includedComponents()
        // Component names compete as a set (NameAllocation); declarations are then made in
        // byte order of the schema names, so types made on the way are named the same whatever
        // the document's order.
        let components = document.components.schemas.filter { included?.contains($0.name) ?? true }
            .sorted { Array($0.name.utf8).lexicographicallyPrecedes(Array($1.name.utf8)) }
        let outcomes = NameAllocation.allocate(components.map { name, _ in
            NameAllocation.Candidate(wireName: name, base: options.overrides.schemas[name].map(Naming.overrideTypeName) ?? Naming.typeName(name),
                                     isExplicit: options.overrides.schemas[name] != nil)
        }, reserved: topLevelNames)
        for ((name, schema), outcome) in zip(components, outcomes) {
            let typeName = outcome.name
            topLevelNames.insert(typeName)
            componentTypeNames[name] = typeName
            if schema.reference != nil || (enumeration(for: schema) == nil && !isStructure(schema)) { aliasComponents.insert(typeName) }
            let isOverridden = options.overrides.schemas[name] != nil
            explain("type", wireName: name, swiftName: typeName, outcome: outcome, pointer: JSONPointer(tokens: ["components", "schemas", name]),
                    isType: true, analyse: !isOverridden, notes: isOverridden ? ["nameOverrides.schemas in the generator config"] : [])
        }
        var types: [TypeDeclaration] = []
        for (name, schema) in components {
            types.append(declaration(for: schema, named: componentTypeNames[name]!, path: componentTypeNames[name]!))
        }
        let client = translateClient(named: clientName)
        types += extraTypes
        types.sort { $0.name < $1.name }
        RecursiveProperties.mark(&types)
        return BindingModule(
            name: options.moduleName, accessLevel: options.accessLevel, specFileName: options.specFileName,
            title: document.info.title, apiVersion: document.info.version, description: document.info.description,
            defaultServerURL: document.servers.first.map(serverURL), draft: document.version == .v3_0 ? .draft4 : .draft2020,
            types: types, client: client)
    }

    private func serverURL(_ server: Server) -> String {
        var url = server.url
        for (name, value) in server.variables { url = url.replacingOccurrences(of: "{\(name)}", with: value) }
        return url
    }

    mutating func warn(_ message: String, _ mark: Mark, _ pointer: JSONPointer) {
        diagnostics.append(Diagnostic(.warning, file: document.file, mark: mark, message: message, pointer: pointer.description))
    }

    // MARK: Types

    /// The declaration for a schema that gets a name of its own (a component, or an inline
    /// object/enum). `path` is its Swift path (`Outer.Inner`).
    mutating func declaration(for schema: Schema, named name: String, path: String) -> TypeDeclaration {
        let documentation = schema.description ?? schema.title
        let pointer = schema.pointer.description
        if schema.reference == nil, let enumeration = enumeration(for: schema) {
            explainEnumCases(schema, path: path)
            return TypeDeclaration(name: name, sourcePointer: pointer, documentation: documentation, kind: enumeration, nested: [],
                                   validation: rules(for: schema))
        }
        if schema.reference == nil, isStructure(schema) {
            var nested: [TypeDeclaration] = []
            let properties = self.properties(of: schema, ownerPath: path, nested: &nested)
            var validation = rules(for: schema)
            // Properties bound to inline types refer to those types' rules.
            for property in properties where inlineTypePaths.contains(swiftPath(property.type) ?? "") {
                if let index = validation.properties.firstIndex(where: { $0.name == property.jsonName }) {
                    validation.properties[index].rules = property.rules
                }
            }
            return TypeDeclaration(name: name, sourcePointer: pointer, documentation: documentation, kind: .structure(properties), nested: nested,
                                   validation: validation)
        }
        // A typealias cannot hold nested types: inline types it needs become top-level ones.
        var nested: [TypeDeclaration] = []
        let target = typeReference(for: schema, suggestedName: "Element", owner: .topLevel(name), nested: &nested)
        return TypeDeclaration(name: name, sourcePointer: pointer, documentation: documentation, kind: .alias(target), nested: nested,
                               validation: rules(for: schema))
    }

    /// Objects with declared properties become structs.
    func isStructure(_ schema: Schema) -> Bool {
        if !schema.allOf.isEmpty { return mergedAllOf(schema) != nil }
        guard schema.booleanValue == nil, schema.oneOf.isEmpty, schema.anyOf.isEmpty else { return false }
        let types = schema.nonNullTypes
        guard types == nil || types == [.object] else { return false }
        return !schema.properties.isEmpty
    }

    /// `allOf` of object schemas (each a `$ref` or inline, with properties and no composition of
    /// its own) binds as one struct with every branch's properties; `required` is their union.
    /// Validation still applies `allOf` itself. Nil when a branch is anything else.
    func mergedAllOf(_ schema: Schema) -> Schema? {
        guard !schema.allOf.isEmpty, schema.oneOf.isEmpty, schema.anyOf.isEmpty, schema.booleanValue == nil else { return nil }
        var merged = schema
        merged.allOf = []
        var seen = Set(schema.properties.map(\.name))
        for branch in schema.allOf {
            guard let resolved = document.resolved(branch), resolved.allOf.isEmpty, resolved.oneOf.isEmpty, resolved.anyOf.isEmpty,
                  resolved.nonNullTypes == nil || resolved.nonNullTypes == [.object], !resolved.properties.isEmpty else { return nil }
            for property in resolved.properties where seen.insert(property.name).inserted {
                merged.properties.append(property)
            }
            merged.required += resolved.required.filter { !merged.required.contains($0) }
        }
        return merged
    }

    func enumeration(for schema: Schema) -> TypeDeclaration.Kind? {
        guard let values = schema.enumValues, !values.isEmpty else { return nil }
        let types = schema.nonNullTypes ?? []
        let descriptions = schema.extensionValue("x-enum-descriptions")?.sequence?.compactMap(\.text)
        func documentation(_ index: Int) -> String? { descriptions.flatMap { index < $0.count ? $0[index] : nil } }
        let raw: TypeReference
        var cases: [EnumCase] = []
        if types == [.integer] {
            raw = integerType(schema.format)
            for (index, outcome, _) in enumCaseNames(schema, values: values, integer: true) {
                guard case .int(let int)? = values[index].scalar?.value else { continue }
                cases.append(EnumCase(name: outcome.name, rawValue: .integer(int), documentation: documentation(index)))
            }
        } else if types == [.string] || (types.isEmpty && values.allSatisfy { if case .string? = $0.scalar?.value { return true } else { return false } }) {
            raw = .string
            for (index, outcome, _) in enumCaseNames(schema, values: values, integer: false) {
                guard case .string(let text)? = values[index].scalar?.value else { continue }
                cases.append(EnumCase(name: outcome.name, rawValue: .string(text), documentation: documentation(index)))
            }
        } else {
            return nil
        }
        return .enumeration(raw: raw, cases: cases)
    }

    enum Owner {
        /// Inline types nest inside this Swift type path.
        case nested(String)
        /// Inline types become top-level types with this name prefix.
        case topLevel(String)
    }

    mutating func properties(of schema: Schema, ownerPath: String, nested: inout [TypeDeclaration]) -> [Property] {
        let schema = mergedAllOf(schema) ?? schema
        let (names, nestedNames) = propertyNames(of: schema, ownerPath: ownerPath)
        return schema.properties.enumerated().map { index, property in
            let (jsonName, propertySchema) = property
            let name = names[index]
            let suggested = nestedNames[index].name
            let type = typeReference(for: propertySchema, suggestedName: suggested, owner: .nested(ownerPath), nested: &nested)
            if nestedNames[index].isSuffixed, isInlineType(type, nestedAs: ownerPath + "." + suggested) {
                explain("nested type", wireName: jsonName, swiftName: suggested, owner: ownerPath, outcome: nestedNames[index],
                        pointer: propertySchema.pointer, isType: true)
            }
            let resolved = document.resolved(propertySchema) ?? propertySchema
            let propertyRules = rules(for: propertySchema, boundAs: type)
            return Property(
                name: name, jsonName: jsonName, type: type, isRequired: schema.required.contains(jsonName),
                isNullable: propertySchema.allowsNull || resolved.allowsNull,
                documentation: propertySchema.description ?? propertySchema.title ?? propertySchema.reference?.description,
                constraints: constraints(of: propertySchema), isDeprecated: propertySchema.deprecated, rules: propertyRules)
        }
    }

    /// The type is (an array or dictionary of) the inline type `path` (`Owner.Tags`, `Owner.TagsItem`).
    func isInlineType(_ type: TypeReference, nestedAs path: String) -> Bool {
        switch type {
        case .array(let element), .dictionary(let element): return isInlineType(element, nestedAs: path)
        case .named(let name):
            guard name.hasPrefix(path), inlineTypePaths.contains(name) else { return false }
            var rest = Substring(name.dropFirst(path.count))
            while rest.hasPrefix("Item") || rest.hasPrefix("Value") { rest = rest.dropFirst(rest.hasPrefix("Item") ? 4 : 5) }
            return rest.isEmpty
        default: return false
        }
    }

    /// The constraint keywords of a schema, as written, for doc comments.
    func constraints(of schema: Schema) -> [String] {
        var result: [String] = []
        if let pattern = schema.pattern { result.append("pattern: `\(pattern)`") }
        if let value = schema.minLength { result.append("minLength: \(value)") }
        if let value = schema.maxLength { result.append("maxLength: \(value)") }
        if let value = schema.minimum { result.append("minimum: \(value)") }
        if let value = schema.exclusiveMinimum { result.append("exclusiveMinimum: \(value)") }
        if let value = schema.maximum { result.append("maximum: \(value)") }
        if let value = schema.exclusiveMaximum { result.append("exclusiveMaximum: \(value)") }
        if let value = schema.multipleOf { result.append("multipleOf: \(value)") }
        if let value = schema.minItems { result.append("minItems: \(value)") }
        if let value = schema.maxItems { result.append("maxItems: \(value)") }
        if schema.uniqueItems { result.append("uniqueItems: true") }
        if let value = schema.minProperties { result.append("minProperties: \(value)") }
        if let value = schema.maxProperties { result.append("maxProperties: \(value)") }
        if let format = schema.format, !["int32", "int64", "float", "double", "date-time", "date", "binary", "byte", "uuid"].contains(format) {
            result.append("format: \(format)")
        }
        return result
    }

    /// The Swift type for a schema used as a value; inline objects and enums get a declaration
    /// (nested, or top-level for operation schemas) named after `suggestedName`.
    mutating func typeReference(for schema: Schema, suggestedName: String, owner: Owner, nested: inout [TypeDeclaration]) -> TypeReference {
        if let reference = schema.reference {
            if let pointer = reference.localPointer, pointer.tokens.count == 3, pointer.tokens[0] == "components",
               pointer.tokens[1] == "schemas", let name = componentTypeNames[pointer.tokens[2]] {
                return .named(name)
            }
            guard let target = document.schema(for: reference) else { return .json }
            return typeReference(for: target, suggestedName: suggestedName, owner: owner, nested: &nested)
        }
        if schema.booleanValue != nil { return .json }
        if let single = singleBranch(of: schema) {
            return typeReference(for: single, suggestedName: suggestedName, owner: owner, nested: &nested)
        }
        if !schema.allOf.isEmpty, isStructure(schema) {
            return namedInlineType(for: schema, suggestedName: suggestedName, owner: owner, nested: &nested)
        }
        if !schema.allOf.isEmpty || !schema.oneOf.isEmpty || !schema.anyOf.isEmpty {
            let keyword = !schema.allOf.isEmpty ? "allOf" : (!schema.oneOf.isEmpty ? "oneOf" : "anyOf")
            warn("'\(keyword)' with several schemas is not generated yet; bound as JSONValue", schema.mark, schema.pointer)
            return .json
        }
        if enumeration(for: schema) != nil || isStructure(schema) {
            return namedInlineType(for: schema, suggestedName: suggestedName, owner: owner, nested: &nested)
        }
        let types = schema.nonNullTypes
        if let types, types.count > 1 {
            warn("a value of several types (\(types.map(\.rawValue).joined(separator: ", "))) is bound as JSONValue", schema.mark, schema.pointer)
            return .json
        }
        switch types?.first {
        case .string?:
            switch schema.format {
            case "date-time": return .dateTime
            case "date": return .calendarDate
            case "binary", "byte": return .data
            case "uuid": return .uuid
            default: return .string
            }
        case .integer?: return integerType(schema.format)
        case .number?:
            switch schema.format {
            case "float": return .float
            default: return .double
            }
        case .boolean?: return .bool
        case .array?:
            guard let items = schema.items else { return .array(.json) }
            return .array(typeReference(for: items, suggestedName: suggestedName + "Item", owner: owner, nested: &nested))
        case .object?, nil:
            if case .schema(let values)? = schema.additionalProperties {
                return .dictionary(typeReference(for: values, suggestedName: suggestedName + "Value", owner: owner, nested: &nested))
            }
            if types == nil, schema.properties.isEmpty, schema.additionalProperties == nil { return .json }
            return .dictionary(.json)
        case .null?:
            return .json
        }
    }

    /// A struct or enum declaration for an inline schema, nested in `owner` or top-level.
    mutating func namedInlineType(for schema: Schema, suggestedName: String, owner: Owner, nested: inout [TypeDeclaration]) -> TypeReference {
        switch owner {
        case .nested(let path):
            inlineTypePaths.insert(path + "." + suggestedName)
            nested.append(declaration(for: schema, named: suggestedName, path: path + "." + suggestedName))
            return .named(path + "." + suggestedName)
        case .topLevel(let prefix):
            let name = NameAllocation.unique(Naming.typeName(prefix + suggestedName), in: &topLevelNames)
            inlineTypePaths.insert(name)
            extraTypes.append(declaration(for: schema, named: name, path: name))
            return .named(name)
        }
    }

    /// `allOf: [X]` (a common way to add a description to a `$ref`), and `oneOf`/`anyOf` whose
    /// only non-null branch is X, bind as X.
    func singleBranch(of schema: Schema) -> Schema? {
        if schema.allOf.count == 1, schema.oneOf.isEmpty, schema.anyOf.isEmpty, schema.properties.isEmpty {
            return schema.allOf[0]
        }
        for branches in [schema.oneOf, schema.anyOf] where !branches.isEmpty && schema.allOf.isEmpty {
            let nonNull = branches.filter { $0.types != [.null] }
            if nonNull.count == 1, schema.properties.isEmpty { return nonNull[0] }
        }
        return nil
    }

    /// The named type a reference is (`.named`), else nil.
    func swiftPath(_ type: TypeReference) -> String? {
        if case .named(let path) = type { return path }
        return nil
    }

    func integerType(_ format: String?) -> TypeReference {
        switch format {
        case "int32": return .int32
        case "int64": return .int64
        default: return .int
        }
    }
}
