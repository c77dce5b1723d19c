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
        /// Depth, type-count and output-size bounds (`GenerationLimits`).
        public var limits: GenerationLimits
        /// How paged list operations are recognised (config key `paging`).
        public var paging: PagingConvention

        public init(moduleName: String, accessLevel: AccessLevel = .public, specFileName: String, filter: OperationFilter = OperationFilter(),
                    overrides: NameOverrides = NameOverrides(), versionSource: VersionSource = .pathSegment,
                    limits: GenerationLimits = GenerationLimits(), paging: PagingConvention = PagingConvention()) {
            self.paging = paging
            self.moduleName = moduleName
            self.accessLevel = accessLevel
            self.specFileName = specFileName
            self.filter = filter
            self.overrides = overrides
            self.versionSource = versionSource
            self.limits = limits
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
    /// Bounds and what has been spent of them (see `Budget`).
    var budget = Budget()
    /// The errors among `diagnostics` that report a limit passed.
    var limitErrors: [Diagnostic] = []
    /// Schemas designated by `$ref`s, by target (a `$ref` to a pointer that is not a component is
    /// otherwise read afresh at every use).
    let targets = TargetCache()
    /// Rules of schemas reached through `$ref`s that are copied in place, by target, with what
    /// they cost the budget: a target used n times is translated once and charged n times.
    var inlinedRules: [String: (rules: ValidationRules, cost: Int)] = [:]
    /// `format: binary` binds as `MultipartFile` (schemas of multipart request bodies).
    var bindsBinaryAsFile = false

    /// - Returns: the binding model and the warnings found while translating.
    public static func translate(_ document: OpenAPIDocument, options: Options) -> (module: BindingModule, diagnostics: [Diagnostic]) {
        let result = translateReportingLimits(document, options: options)
        return (result.module, result.diagnostics)
    }

    /// `translate`, also returning the errors that are limits passed (depth, types, output size;
    /// a subset of `diagnostics`): `diff` reports those, as `generate` does, and ignores the other
    /// translation errors (an untranslatable pattern does not change the API).
    package static func translateReportingLimits(_ document: OpenAPIDocument, options: Options)
        -> (module: BindingModule, diagnostics: [Diagnostic], limitErrors: [Diagnostic]) {
        var translator = Translator(document: document, options: options)
        let module = translator.translate()
        return (module, translator.diagnostics, translator.limitErrors)
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
            if schema.reference != nil || (enumeration(for: schema) == nil && !isStructure(schema) && !isUnion(schema)) { aliasComponents.insert(typeName) }
            let isOverridden = options.overrides.schemas[name] != nil
            explain("type", wireName: name, swiftName: typeName, outcome: outcome, pointer: JSONPointer(tokens: ["components", "schemas", name]),
                    isType: true, analyse: !isOverridden, notes: isOverridden ? ["nameOverrides.schemas in the generator config"] : [])
        }
        var types: [TypeDeclaration] = []
        let multipart = multipartComponents()
        for (name, schema) in components {
            budget.source = "component schema '\(name)'"
            bindsBinaryAsFile = multipart.contains(name)
            types.append(declaration(for: schema, named: componentTypeNames[name]!, path: componentTypeNames[name]!))
        }
        bindsBinaryAsFile = false
        budget.source = "the operations' schemas"
        // Past a limit the module is thrown away (the error is reported): skip the rest.
        let client = budget.isExceeded ? ClientDeclaration(name: clientName, credentials: [], groups: []) : translateClient(named: clientName)
        types += extraTypes
        types.sort { $0.name < $1.name }
        if !budget.isExceeded { RecursiveProperties.mark(&types) }
        return BindingModule(
            name: options.moduleName, accessLevel: options.accessLevel, specFileName: options.specFileName,
            title: document.info.title, apiVersion: document.info.version, description: document.info.description,
            defaultServerURL: document.servers.first.flatMap { serverURL($0) }, draft: document.version == .v3_0 ? .draft4 : .draft2020,
            types: types, client: client)
    }

    /// The server's URL with each `{name}` replaced by the variable's `default` (OpenAPI 3.0.3
    /// §4.7.5–6, 3.1.0 §4.8.5–6), in one pass over the template: a default is inserted as is,
    /// never scanned again (so variables that name each other give one answer, whatever the
    /// order). The result must be a URI reference (RFC 3986 §4.1: no spaces, braces or other
    /// characters outside §2; `%` only before two hex digits; a scheme, when there is one, per
    /// §3.1) that Foundation's `URL(string:)` accepts, else the generated client could not be
    /// created: a located error and nil.
    mutating func serverURL(_ server: Server) -> String? {
        func fail(_ problem: String) -> String? {
            diagnostics.append(located(.error, mark: server.urlMark, message: "server URL '\(server.url)' \(problem)", pointer: server.pointer.appending("url")))
            return nil
        }
        var url = ""
        var rest = server.url[...]
        while let open = rest.firstIndex(of: "{") {
            url += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { return fail("has a '{' without a closing '}'") }
            let name = String(rest[rest.index(after: open)..<close])
            guard let value = server.variables[name] else { return fail("names '{\(name)}' but the Server Object declares no such variable") }
            url += value
            rest = rest[rest.index(after: close)...]
        }
        if rest.contains("}") { return fail("has a '}' without an opening '{'") }
        url += rest
        let letters = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".utf8)
        let hexDigits = Set("0123456789ABCDEFabcdef".utf8)
        let allowed = letters.union("0123456789-._~:/?#[]@!$&'()*+,;=%".utf8)
        let bytes = Array(url.utf8)
        for (index, byte) in bytes.enumerated() {
            guard allowed.contains(byte) else {
                return fail("is not a URL once its variables are substituted ('\(url)'): character '\(Unicode.Scalar(byte).escaped(asASCII: true))' is not allowed (RFC 3986 §2)")
            }
            if byte == UInt8(ascii: "%") {
                guard index + 2 < bytes.count, hexDigits.contains(bytes[index + 1]), hexDigits.contains(bytes[index + 2]) else {
                    return fail("is not a URL once its variables are substituted ('\(url)'): '%' must start a percent-encoding (RFC 3986 §2.1)")
                }
            }
        }
        if let separator = url.range(of: "://") {
            let scheme = url[..<separator.lowerBound].utf8
            guard let first = scheme.first, letters.contains(first),
                  scheme.allSatisfy({ letters.contains($0) || (0x30...0x39).contains($0) || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".") }) else {
                return fail("is not a URL once its variables are substituted ('\(url)'): the scheme is not letters, digits, '+', '-', '.' (RFC 3986 §3.1)")
            }
            guard !url[separator.upperBound...].isEmpty, url[separator.upperBound...].first != "/" else {
                return fail("is not a URL once its variables are substituted ('\(url)'): no host after '://'")
            }
        }
        guard URL(string: url) != nil else { return fail("is not a URL once its variables are substituted ('\(url)')") }
        return url
    }

    mutating func warn(_ message: String, _ mark: Mark, _ pointer: JSONPointer) {
        diagnostics.append(located(.warning, mark: mark, message: message, pointer: pointer))
    }

    /// A diagnostic naming the file (of a spec in several files) the node at `pointer` was read from.
    func located(_ severity: Diagnostic.Severity, mark: Mark?, message: String, pointer: JSONPointer) -> Diagnostic {
        document.diagnostic(severity, mark: mark, message: message, pointer: pointer)
    }

    // MARK: Types

    /// The declaration for a schema that gets a name of its own (a component, or an inline
    /// object/enum). `path` is its Swift path (`Outer.Inner`).
    mutating func declaration(for schema: Schema, named name: String, path: String) -> TypeDeclaration {
        let documentation = schema.description ?? schema.title
        let pointer = schema.pointer.description
        let reference = document.sourceReference(of: schema.pointer)
        budget.types += 1
        // A declaration renders its name, pointer and documentation at least once, with
        // `struct … : Codable, Hashable, Sendable` or `typealias … = ` around them.
        charge(40 + 2 * path.utf8.count + pointer.utf8.count + (documentation?.utf8.count ?? 0), at: schema)
        if budget.isExceeded {
            return TypeDeclaration(name: name, sourcePointer: pointer, sourceReference: reference, documentation: nil, kind: .alias(.json), nested: [], validation: ValidationRules())
        }
        if schema.reference == nil, let enumeration = enumeration(for: schema) {
            explainEnumCases(schema, path: path)
            if case .enumeration(_, let cases) = enumeration {
                // Each case is declared, listed in `allCases` and matched both ways.
                charge(cases.reduce(0) { $0 + 20 + 4 * $1.name.utf8.count + 2 * ($1.documentation?.utf8.count ?? 0) }, at: schema)
            }
            return TypeDeclaration(name: name, sourcePointer: pointer, sourceReference: reference, documentation: documentation, kind: enumeration, nested: [],
                                   validation: rules(for: schema))
        }
        if schema.reference == nil, isStructure(schema) {
            var nested: [TypeDeclaration] = []
            let properties = self.properties(of: schema, ownerPath: path, nested: &nested)
            // Properties bound to inline types refer to those types' rules (given up front, so the
            // rules of their subtrees are not computed a second time only to be replaced).
            var inlineRules: [String: ValidationRules] = [:]
            for property in properties where inlineTypePaths.contains(swiftPath(property.type) ?? "") && inlineRules[property.jsonName] == nil {
                inlineRules[property.jsonName] = property.rules
            }
            let validation = rules(for: schema, propertyRules: inlineRules)
            let map = additionalPropertiesMap(of: mergedAllOf(schema) ?? schema, properties: properties, ownerPath: path, nested: &nested)
            return TypeDeclaration(name: name, sourcePointer: pointer, sourceReference: reference, documentation: documentation, kind: .structure(properties), nested: nested,
                                   validation: validation, additionalProperties: map)
        }
        if schema.reference == nil, isUnion(schema) {
            var nested: [TypeDeclaration] = []
            let (union, validation) = unionDeclaration(for: schema, path: path, nested: &nested)
            charge(union.alternatives.reduce(0) { $0 + 60 + 4 * $1.name.utf8.count }, at: schema)
            return TypeDeclaration(name: name, sourcePointer: pointer, sourceReference: reference, documentation: documentation, kind: .union(union), nested: nested,
                                   validation: validation)
        }
        // A typealias cannot hold nested types: inline types it needs become top-level ones.
        var nested: [TypeDeclaration] = []
        let target = typeReference(for: schema, suggestedName: "Element", owner: .topLevel(name), nested: &nested)
        return TypeDeclaration(name: name, sourcePointer: pointer, sourceReference: reference, documentation: documentation, kind: .alias(target), nested: nested,
                               validation: rules(for: schema))
    }

    /// Objects with declared properties become structs.
    func isStructure(_ schema: Schema) -> Bool {
        if !schema.allOf.isEmpty { return mergedAllOf(schema) != nil }
        // Properties beside `oneOf`/`anyOf` (alternatives that only constrain, `required: [a]` or
        // `required: [b]`) bind as the struct; validation applies the composition.
        guard schema.booleanValue == nil, (schema.oneOf.isEmpty && schema.anyOf.isEmpty) || !schema.properties.isEmpty else { return false }
        let types = schema.nonNullTypes
        guard types == nil || types == [.object] else { return false }
        return !schema.properties.isEmpty
    }

    /// `allOf` of object schemas (each a `$ref` or inline, with properties and no composition of
    /// its own) binds as one struct with every branch's properties; `required` is their union.
    /// Validation still applies `allOf` itself. Nil when a branch is anything else.
    /// A branch that is itself an `allOf` is merged in the same way; a branch that is a union
    /// (`oneOf`/`anyOf` of objects) adds its alternatives' properties as optional ones (which
    /// alternative a value is, is not a Swift type here: validation applies the union).
    func mergedAllOf(_ schema: Schema, depth: Int = 0) -> Schema? {
        guard !schema.allOf.isEmpty, schema.booleanValue == nil, depth < 16 else { return nil }
        var merged = schema
        merged.allOf = []
        var seen = Set(schema.properties.map(\.name))
        var hasProperties = !schema.properties.isEmpty
        for branch in schema.allOf {
            guard var resolved = resolved(branch), resolved.nonNullTypes == nil || resolved.nonNullTypes == [.object] else { return nil }
            if !resolved.allOf.isEmpty {
                guard let inner = mergedAllOf(resolved, depth: depth + 1) else { return nil }
                resolved = inner
            }
            if resolved.properties.isEmpty, let alternatives = unionBranches(of: resolved) {
                for alternative in alternatives {
                    guard let object = self.resolved(alternative).map({ mergedAllOf($0, depth: depth + 1) ?? $0 }) else { continue }
                    for property in object.properties where seen.insert(property.name).inserted {
                        merged.properties.append(property)
                        hasProperties = true
                    }
                }
                continue
            }
            guard !resolved.properties.isEmpty else { return nil }
            hasProperties = true
            for property in resolved.properties where seen.insert(property.name).inserted {
                merged.properties.append(property)
            }
            merged.required += resolved.required.filter { !merged.required.contains($0) }
        }
        return hasProperties ? merged : nil
    }

    func enumeration(for schema: Schema) -> TypeDeclaration.Kind? {
        guard let values = schema.enumValues, !values.isEmpty else { return nil }
        let types = schema.nonNullTypes ?? []
        let descriptions = schema.extensionValue("x-enum-descriptions")?.sequence?.compactMap(\.text)
        func documentation(_ index: Int) -> String? { descriptions.flatMap { index < $0.count ? $0[index] : nil } }
        let raw: TypeReference
        var cases: [EnumCase] = []
        if types == [.integer] {
            raw = ScalarTypes.integer(schema.format)
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
            let (jsonName, propertySchema) = (property.name, property.schema)
            // Declared, initialised, assigned, decoded and encoded: the name is written about 4 times.
            charge(20 + 4 * jsonName.utf8.count + (propertySchema.description?.utf8.count ?? 0), at: propertySchema)
            let name = names[index]
            let suggested = nestedNames[index].name
            let type = typeReference(for: propertySchema, suggestedName: suggested, owner: .nested(ownerPath), nested: &nested)
            if nestedNames[index].isSuffixed, isInlineType(type, nestedAs: ownerPath + "." + suggested) {
                explain("nested type", wireName: jsonName, swiftName: suggested, owner: ownerPath, outcome: nestedNames[index],
                        pointer: propertySchema.pointer, isType: true)
            }
            let resolved = resolved(propertySchema) ?? propertySchema
            let propertyRules = rules(for: propertySchema, boundAs: type)
            var result = Property(
                name: name, jsonName: jsonName, type: type, isRequired: schema.required.contains(jsonName),
                isNullable: isNullable(propertySchema) || resolved.allowsNull,
                documentation: propertySchema.description ?? propertySchema.title ?? propertySchema.reference?.description,
                constraints: constraints(of: propertySchema), isDeprecated: propertySchema.deprecated, rules: propertyRules)
            result.isReadOnly = propertySchema.readOnly || resolved.readOnly
            result.isWriteOnly = propertySchema.writeOnly || resolved.writeOnly
            if let value = propertySchema.defaultValue ?? resolved.defaultValue {
                result.defaultText = Self.jsonText(value)
                // A tri-state `Nullable<T>?` takes no literal default (and nil there means absent, not null).
                if !result.isTriState { result.defaultExpression = Self.defaultExpression(value, type: type, nullable: result.isNullable) }
            }
            return result
        }
    }

    /// The type is (an array or dictionary of) the inline type `path` (`Owner.Tags`, `Owner.TagsItem`).
    func isInlineType(_ type: TypeReference, nestedAs path: String) -> Bool {
        switch type {
        case .array(let element), .dictionary(let element), .optional(let element): return isInlineType(element, nestedAs: path)
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
        guard enter(schema) else { return .json }
        defer { budget.depth -= 1 }
        if let reference = schema.reference {
            if let component = reference.componentName(in: "schemas"), let name = componentTypeNames[component] {
                return .named(name)
            }
            guard let target = self.schema(for: reference) else { return .json }
            return typeReference(for: target, suggestedName: suggestedName, owner: owner, nested: &nested)
        }
        if schema.booleanValue != nil { return .json }
        if let single = singleBranch(of: schema) {
            return typeReference(for: single, suggestedName: suggestedName, owner: owner, nested: &nested)
        }
        if !schema.allOf.isEmpty, isStructure(schema) {
            return namedInlineType(for: schema, suggestedName: suggestedName, owner: owner, nested: &nested)
        }
        if isUnion(schema) {
            return namedInlineType(for: schema, suggestedName: suggestedName, owner: owner, nested: &nested)
        }
        let constrainsOnly = schema.allOf.isEmpty && unionBranches(of: schema).map(onlyConstrains) == true
        if !constrainsOnly, !schema.allOf.isEmpty || !schema.oneOf.isEmpty || !schema.anyOf.isEmpty {
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
        case .string? where schema.format == "binary": return bindsBinaryAsFile ? .named("MultipartFile") : .data
        case .string? where schema.format == "byte": return .data
        case .array?:
            guard let items = schema.items else { return .array(.json) }
            return .array(nullableElement(typeReference(for: items, suggestedName: suggestedName + "Item", owner: owner, nested: &nested), items))
        case .object?, nil:
            if case .schema(let values)? = schema.additionalProperties {
                return .dictionary(nullableElement(typeReference(for: values, suggestedName: suggestedName + "Value", owner: owner, nested: &nested), values))
            }
            if types == nil, schema.properties.isEmpty, schema.additionalProperties == nil { return .json }
            return .dictionary(.json)
        case .null?:
            return .json
        case let scalar?:
            return ScalarTypes.type(scalar, format: schema.format) ?? .json
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
    /// `allOf: [X, {}]` (members without keywords, such as 3.1's non-keyword `nullable: true`) is `allOf: [X]`.
    func singleBranch(of schema: Schema) -> Schema? {
        if schema.allOf.count == 1, schema.oneOf.isEmpty, schema.anyOf.isEmpty, schema.properties.isEmpty {
            return schema.allOf[0]
        }
        let members = schema.allOf.filter { !isWithoutKeywords($0) }
        if schema.allOf.count > 1, members.count == 1, schema.oneOf.isEmpty, schema.anyOf.isEmpty, schema.properties.isEmpty {
            return members[0]
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

    final class TargetCache {
        var schemas: [String: Schema?] = [:]
    }

    /// `document.schema(for:)`, read once per target.
    func schema(for reference: Reference) -> Schema? {
        if let known = targets.schemas[reference.target] { return known }
        let schema = document.schema(for: reference)
        targets.schemas[reference.target] = .some(schema)
        return schema
    }

    /// `document.resolved(_:)` through the cache: follows a `$ref` chain to the schema with content.
    func resolved(_ schema: Schema) -> Schema? {
        schema.resolved(through: self.schema(for:))
    }

    /// Spending and bounds of one translation. Work is bounded by `GenerationLimits`: the depth
    /// of recursion (typeReference and rules), the number of type declarations, and a lower
    /// bound on the bytes the renderer will write (each schema, property, rule and literal is
    /// charged what it renders at least). Once a bound is passed, one located error names the
    /// component (or the operations) being translated and the schema where it happened, and
    /// translation stops descending (returns `JSONValue` and empty rules) so the work stays
    /// linear in the limits.
    struct Budget {
        var depth = 0
        var types = 0
        var bytes = 0
        /// What is being translated, for the error: "component schema 'Pet'".
        var source = "the schemas"
        var isExceeded = false
        var depthReported = false
    }

    /// Enters one level of recursion for `schema`; false (with a located error, once) beyond
    /// `limits.maxDepth` or once the budget is spent. On true the caller must decrement
    /// `budget.depth` when it returns.
    mutating func enter(_ schema: Schema) -> Bool {
        if budget.isExceeded { return false }
        if budget.depth >= options.limits.maxDepth {
            if !budget.depthReported {
                budget.depthReported = true
                limitError(located(.error, mark: schema.mark,
                                   message: "\(budget.source) nests deeper than the limit of \(options.limits.maxDepth) levels "
                                     + "(limits.maxDepth), counting schemas reached through '$ref's to pointers that are copied in place",
                                   pointer: schema.pointer))
            }
            return false
        }
        budget.depth += 1
        return true
    }

    /// Adds `bytes` to the estimate of the output and counts types; reports the first overrun.
    mutating func charge(_ bytes: Int, at schema: Schema) {
        budget.bytes += bytes
        guard !budget.isExceeded else { return }
        let limits = options.limits
        if budget.types > limits.maxTypes || budget.bytes > limits.maxOutputBytes {
            budget.isExceeded = true
            let what = budget.types > limits.maxTypes
                ? "more than \(limits.maxTypes) Swift types (limits.maxTypes)"
                : "more than \(limits.maxOutputBytes) bytes of Swift (limits.maxOutputBytes)"
            limitError(located(.error, mark: schema.mark,
                               message: "generated output would hold \(what); \(budget.source) multiplies "
                                 + "(YAML aliases or '$ref's that copy schemas in place?); the limit was passed at this schema",
                               pointer: schema.pointer))
        }
    }

    mutating func limitError(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
        limitErrors.append(diagnostic)
    }
}
