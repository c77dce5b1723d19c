import OpenAPIModel
import YAMLParsing

/// Operations → client declaration: grouping by API version, parameters, bodies, responses, security.
extension Translator {
    mutating func translateClient(named clientName: String) -> ClientDeclaration {
        let credentials = translateCredentials()
        let supported = Set(credentials.map(\.schemeName))
        checkOperationIDsAreUnique()
        // Method names compete per version namespace, as a set (NameAllocation): explicit
        // operationIds first, derived ones (method + path) give way.
        var planned: [PlannedOperation] = []
        for (path, method, operation, pathItem) in document.operations {
            guard options.filter.includes(operation, path: path) else { continue }
            let version = options.versionSource == .none ? nil : VersionSource.versionSegment(of: path)
            let operationID = operation.operationID ?? (method.rawValue + Naming.typeName(path))
            var baseName = operationID
            if let version, baseName.lowercased().hasSuffix(version.lowercased()), baseName.count > version.count {
                baseName.removeLast(version.count)
            }
            let override = options.overrides.operations[operationID]
            planned.append(PlannedOperation(
                path: path, method: method, operation: operation, pathItem: pathItem, version: version, operationID: operationID,
                candidate: .init(wireName: operationID, base: override.map(Naming.overrideMemberName) ?? Naming.memberName(baseName),
                                 isExplicit: operation.operationID != nil || override != nil, tieBreak: path + " " + method.rawValue)))
        }
        var methodNames = [NameAllocation.Outcome?](repeating: nil, count: planned.count)
        for version in Set(planned.map(\.version)) {
            let members = planned.indices.filter { planned[$0].version == version }
            let outcomes = NameAllocation.allocate(members.map { planned[$0].candidate }, reserved: ReservedNames.operationNames)
            for (index, outcome) in zip(members, outcomes) { methodNames[index] = outcome }
        }
        // Translated in an order that does not depend on the document (types made for inline
        // schemas take the first free name in this order), listed in the document's.
        let order = planned.indices.sorted { a, b in
            let (x, y) = (planned[a], planned[b])
            if x.candidate.isExplicit != y.candidate.isExplicit { return x.candidate.isExplicit }
            if x.path != y.path { return Array(x.path.utf8).lexicographicallyPrecedes(Array(y.path.utf8)) }
            return HTTPMethod.allCases.firstIndex(of: x.method)! < HTTPMethod.allCases.firstIndex(of: y.method)!
        }
        var declared = [OperationDeclaration?](repeating: nil, count: planned.count)
        for index in order {
            let plan = planned[index], outcome = methodNames[index]!
            declared[index] = translateOperation(plan.operation, method: plan.method, path: plan.path, pathItem: plan.pathItem,
                                                 operationID: plan.operationID, methodName: outcome.name, supportedSchemes: supported)
            if declared[index] != nil { explainMethodName(plan, outcome) }
        }
        allocateDerivedMethodNames(&declared, planned: planned)
        var groups: [String?: [OperationDeclaration]] = [:]
        for (plan, declaration) in zip(planned, declared) {
            if let declaration { groups[plan.version, default: []].append(declaration) }
        }
        var result: [OperationGroup] = []
        if let unversioned = groups[nil] {
            result.append(OperationGroup(version: nil, typeName: nil, accessorName: nil, operations: unversioned))
        }
        for version in groups.keys.compactMap({ $0 }).sorted() {
            result.append(OperationGroup(version: version, typeName: Naming.typeName(version), accessorName: Naming.memberName(version),
                                         operations: groups[version]!))
        }
        let allSecurity = result.flatMap(\.operations).map(\.security)
        let withRequirement = credentials.map { credential -> Credential in
            var credential = credential
            credential.isRequiredEverywhere = !allSecurity.isEmpty
                && allSecurity.allSatisfy { alternatives in !alternatives.isEmpty && alternatives.allSatisfy { $0.contains(credential.schemeName) } }
            return credential
        }
        return ClientDeclaration(name: clientName, credentials: withRequirement, groups: result)
    }

    mutating func translateCredentials() -> [Credential] {
        var result: [Credential] = []
        for (name, value) in document.components.securitySchemes {
            guard let scheme = document.resolve(value) else { continue }
            let kind: Credential.Kind
            switch scheme.kind {
            case .apiKey(let parameterName, let location):
                kind = .apiKey(name: parameterName, location: location)
            case .http(let httpScheme, _) where httpScheme.lowercased() == "bearer":
                kind = .bearer
            case .http(let httpScheme, _) where httpScheme.lowercased() == "basic":
                kind = .basic
            default:
                warn("security scheme '\(name)' (\(scheme.kind)) is not supported yet; operations that require only it send no credentials",
                     scheme.mark, JSONPointer(tokens: ["components", "securitySchemes", name]))
                continue
            }
            result.append(Credential(schemeName: name, propertyName: "", kind: kind, documentation: scheme.description, isRequiredEverywhere: false))
        }
        let outcomes = NameAllocation.allocate(result.map { .init(wireName: $0.schemeName, base: Naming.memberName($0.schemeName)) },
                                               reserved: ReservedNames.credentialNames)
        for index in result.indices {
            result[index].propertyName = outcomes[index].name
            explain("credential", wireName: result[index].schemeName, swiftName: outcomes[index].name, outcome: outcomes[index],
                    pointer: JSONPointer(tokens: ["components", "securitySchemes", result[index].schemeName]), isType: false)
        }
        return result
    }

    /// One operation → its method declaration, in steps: parameters (labels, types, rules), the
    /// path template, the request body, the responses and paging, the security alternatives.
    /// nil (with a warning) when the operation cannot be generated: a parameter style its
    /// location does not define, a path placeholder no parameter fills, a body with no media type.
    mutating func translateOperation(_ operation: Operation, method: HTTPMethod, path: String, pathItem: PathItem, operationID: String,
                                     methodName: String, supportedSchemes: Set<String>) -> OperationDeclaration? {
        let typePrefix = Naming.typeName(operationID)
        guard let (parameters, placeholders) = translateParameters(document.parameters(of: operation, in: pathItem),
                                                                   typePrefix: typePrefix, methodName: methodName),
              let pathParts = pathParts(path, placeholders: placeholders, operation: operation) else { return nil }
        var requestBody: RequestBodyDeclaration?
        if let value = operation.requestBody, let body = document.resolve(value) {
            guard let declaration = translateRequestBody(body, typePrefix: typePrefix) else {
                warn("the request body declares no media type; the operation is skipped", body.mark, body.pointer)
                return nil
            }
            requestBody = declaration
        }
        let (success, errors) = translateResponses(operation, typePrefix: typePrefix)
        let paging = paging(parameters: parameters, success: success)
        let security = securityAlternatives(operation, supportedSchemes: supportedSchemes)
        return OperationDeclaration(
            operationID: operationID, methodName: methodName, httpMethod: method, pathTemplate: path, pathParts: pathParts,
            parameters: parameters, requestBody: requestBody, success: success, errorResponses: errors, security: security,
            summary: operation.summary, description: operation.description, isDeprecated: operation.deprecated, paging: paging)
    }

    /// The operation's parameters (`OpenAPIDocument.parameters(of:in:)`) as declarations, ordered
    /// path, query, header, cookie, with the Swift name of each path parameter by its wire name.
    /// Labels compete as a set (`NameAllocation`); the generated method's own locals
    /// (`OperationLocals`) are reserved. nil when a parameter's style is not one its location defines.
    mutating func translateParameters(_ parameters: [Parameter], typePrefix: String, methodName: String)
        -> (declarations: [ParameterDeclaration], placeholders: [String: String])? {
        let locations = [ParameterLocation.path, .query, .header, .cookie]
        let ordered = locations.flatMap { location in parameters.filter { $0.location == location } }
        let labels = NameAllocation.allocate(ordered.map { parameter in
            .init(wireName: parameter.name, base: Naming.memberName(parameter.name),
                  tieBreak: String(locations.firstIndex(of: parameter.location)!))
        }, reserved: ReservedNames.parameterNames)
        var declarations: [ParameterDeclaration] = []
        var placeholders: [String: String] = [:]
        var unused: [TypeDeclaration] = []
        for (parameter, label) in zip(ordered, labels) {
            let location = parameter.location
            let schema = parameter.schema ?? parameter.content.first?.schema
            let type: TypeReference = schema.map {
                typeReference(for: $0, suggestedName: Naming.typeName(parameter.name), owner: .topLevel(typePrefix), nested: &unused)
            } ?? .string
            guard let (style, explode) = parameterStyle(parameter) else { return nil }
            if location == .path { placeholders[parameter.name] = label.name }
            declarations.append(ParameterDeclaration(
                name: label.name, jsonName: parameter.name, location: location,
                type: type, isRequired: parameter.required, documentation: parameter.description,
                rules: schema.map { rules(for: $0, boundAs: type) } ?? ValidationRules(),
                style: style, explode: explode, allowReserved: parameter.allowReserved && location == .query,
                contentMediaType: parameter.schema == nil ? parameter.content.first?.name : nil))
        }
        for (parameter, label) in zip(ordered, labels) {
            explain("parameter", wireName: parameter.name, swiftName: label.name, owner: methodName, outcome: label,
                    pointer: parameter.pointer.appending("name"), isType: false)
        }
        return (declarations, placeholders)
    }

    /// The path template as literals and parameters (by Swift name); nil, with a warning, when a
    /// placeholder names no path parameter of the operation.
    mutating func pathParts(_ path: String, placeholders: [String: String], operation: Operation) -> [OperationDeclaration.PathPart]? {
        var parts: [OperationDeclaration.PathPart] = []
        for part in splitTemplate(path) {
            switch part {
            case .literal(let text): parts.append(.literal(text))
            case .parameter(let name):
                guard let swiftName = placeholders[name] else {
                    warn("path template names '{\(name)}' but the operation declares no such path parameter; the operation is skipped",
                         operation.mark, operation.pointer)
                    return nil
                }
                parts.append(.parameter(swiftName))
            }
        }
        return parts
    }

    /// The security requirement alternatives the client can meet, each a set of scheme names
    /// (empty: no security). The operation's `security`, else the document's (OpenAPI 3.1
    /// §4.8.10); alternatives using an unsupported scheme are dropped, with a warning when none is left.
    mutating func securityAlternatives(_ operation: Operation, supportedSchemes: Set<String>) -> [[String]] {
        let requirements = operation.security ?? document.security ?? []
        var security: [[String]] = []
        for requirement in requirements {
            let names = requirement.schemes.map(\.name)
            if names.allSatisfy(supportedSchemes.contains) { security.append(names) }
        }
        if !requirements.isEmpty, security.isEmpty {
            warn("none of the operation's security requirements uses a supported scheme; it is sent without credentials",
                 operation.mark, operation.pointer)
        }
        return security
    }

    func isScalarParameterType(_ type: TypeReference) -> Bool {
        switch type {
        case .string, .bool, .int, .int32, .int64, .float, .double, .dateTime, .calendarDate, .uuid, .named: return true
        case .array(let element): return isScalarParameterType(element) && element != .data
        case .data, .json, .dictionary, .optional: return false
        }
    }

    /// Picks the media type to bind: JSON first, then raw bytes, then text. JSON bodies come
    /// with their validation rules.
    mutating func bodyType(_ content: [MediaType], suggestedName: String, typePrefix: String)
        -> (media: String, type: TypeReference, rules: ValidationRules?)? {
        var unused: [TypeDeclaration] = []
        if let json = content.first(where: { isJSON($0.name) }) {
            guard let schema = json.schema else { return (json.name, .json, nil) }
            let type = typeReference(for: schema, suggestedName: suggestedName, owner: .topLevel(typePrefix), nested: &unused)
            return (json.name, type, rules(for: schema, boundAs: type))
        }
        if let binary = content.first(where: { $0.name == "application/octet-stream" || $0.schema?.format == "binary" }) {
            return (binary.name, .data, nil)
        }
        if let text = content.first(where: { $0.name.hasPrefix("text/") }) {
            return (text.name, .string, nil)
        }
        if content.isEmpty { return nil }
        if let any = content.first(where: { $0.name.contains("*") }) {
            return (any.name, .data, nil)
        }
        return nil
    }

    func isJSON(_ mediaType: String) -> Bool {
        let base = (mediaType.split(separator: ";").first.map { $0.filter { $0 != " " } } ?? "").lowercased()
        return base == "application/json" || base.hasSuffix("+json")
    }

    enum TemplatePart { case literal(String), parameter(String) }

    func splitTemplate(_ path: String) -> [TemplatePart] {
        var parts: [TemplatePart] = []
        var current = ""
        var inParameter = false
        for character in path {
            switch character {
            case "{" where !inParameter:
                if !current.isEmpty { parts.append(.literal(current)) }
                current = ""
                inParameter = true
            case "}" where inParameter:
                parts.append(.parameter(current))
                current = ""
                inParameter = false
            default:
                current.append(character)
            }
        }
        if !current.isEmpty { parts.append(inParameter ? .literal("{" + current) : .literal(current)) }
        return parts
    }
}

extension Translator {
    /// The whole-response (`…Response`), paging (`…Pages`), streamed-body (`…Stream`) and event-stream (`…Events`) methods
    /// of each operation, named after its method. They compete per version namespace after every
    /// operation's own method has its name (those are reserved), so they never rename one.
    func allocateDerivedMethodNames(_ declared: inout [OperationDeclaration?], planned: [PlannedOperation]) {
        enum Kind { case response, pages, stream, events }
        for version in Set(planned.map(\.version)) {
            let members = planned.indices.filter { planned[$0].version == version && declared[$0] != nil }
            let taken = Set(members.map { declared[$0]!.methodName }).union(ReservedNames.operationNames)
            var candidates: [(index: Int, kind: Kind, candidate: NameAllocation.Candidate)] = []
            for index in members {
                let operation = declared[index]!
                func candidate(_ kind: Kind, _ suffix: String) {
                    candidates.append((index, kind, .init(wireName: operation.operationID + " " + suffix.lowercased(), base: operation.methodName + suffix,
                                                          isExplicit: planned[index].candidate.isExplicit, tieBreak: planned[index].candidate.tieBreak)))
                }
                candidate(.response, "Response")
                if operation.paging != nil { candidate(.pages, "Pages") }
                if operation.success.isStreamable { candidate(.stream, "Stream") }
                if operation.success.events != nil { candidate(.events, "Events") }
            }
            let outcomes = NameAllocation.allocate(candidates.map(\.candidate), reserved: taken)
            for (item, outcome) in zip(candidates, outcomes) {
                switch item.kind {
                case .response: declared[item.index]!.responseMethodName = outcome.name
                case .pages: declared[item.index]!.paging!.methodName = outcome.name
                case .stream: declared[item.index]!.streamMethodName = outcome.name
                case .events: declared[item.index]!.eventsMethodName = outcome.name
                }
            }
        }
    }
}

/// An included operation, before translation.
struct PlannedOperation {
    var path: String
    var method: HTTPMethod
    var operation: Operation
    var pathItem: PathItem
    var version: String?
    var operationID: String
    var candidate: NameAllocation.Candidate
}

extension Translator {
    /// OpenAPI 3.0 §4.7.10 / 3.1 §4.8.10 (Operation Object, `operationId`): "The id MUST be unique
    /// among all operations described in the API." Every repeat is a located error naming the first use.
    mutating func checkOperationIDsAreUnique() {
        var first: [String: (String, Mark)] = [:]
        for (path, method, operation, _) in document.operations {
            guard let id = operation.operationID else { continue }
            let pointer = operation.pointer.appending("operationId")
            let mark = document.root.node(at: pointer)?.mark ?? operation.mark
            if let (where_, firstMark) = first[id] {
                diagnostics.append(located(
                    .error, mark: mark,
                    message: "operationId '\(id)' is already used by \(where_) (line \(firstMark.line)); operationIds must be unique among all operations (OpenAPI Operation Object)",
                    pointer: pointer))
            } else {
                first[id] = ("\(method.token) \(path)", mark)
            }
        }
    }

    mutating func explainMethodName(_ plan: PlannedOperation, _ outcome: NameAllocation.Outcome) {
        let override = options.overrides.operations[plan.operationID] != nil
        var notes: [String] = []
        if override { notes.append("nameOverrides.operations in the generator config") }
        if plan.operation.operationID == nil {
            notes.append("no operationId: derived from \(plan.method.token) \(plan.path)")
        }
        let pointer = plan.operation.operationID == nil ? plan.operation.pointer : plan.operation.pointer.appending("operationId")
        explain("method", wireName: plan.operationID, swiftName: outcome.name, owner: plan.version.map(Naming.typeName), outcome: outcome,
                pointer: pointer, isType: false, analyse: !override && plan.operation.operationID != nil, notes: notes)
    }
}
