import YAMLParsing

extension OpenAPIDocument {
    /// Reads an OpenAPI 3.0.x or 3.1.x document from YAML (or JSON) bytes.
    ///
    /// Reading goes straight from libyaml's node tree to the model, with no Codable round trip.
    /// Every problem is reported, not only the first; each as `file:line:column: error: …`
    /// with the JSON Pointer of the offending node. After reading, every local `$ref` must
    /// resolve (RFC 6901 pointers, `~0`/`~1` and `%XX` escapes decoded).
    ///
    /// - Parameters:
    ///   - bytes: the document's text.
    ///   - file: the path used in diagnostics.
    ///   - limits: bounds on nesting, reference chains and alias expansion (`ModelLimits`).
    /// - Returns: the document and its warnings (non-fatal findings).
    /// - Throws: `DiagnosticsError` holding every error and warning when at least one error was
    ///   found, including a limit exceeded, a reference chain that comes back to its start
    ///   (`A: {$ref: '#/components/schemas/A'}`), and a schema that contains a reference back to
    ///   itself through a pointer that is not `#/components/<section>/<name>` (such targets are
    ///   copied in place, so the copy would never end).
    public static func load(_ bytes: [UInt8], file: String, limits: ModelLimits = .default) throws(DiagnosticsError) -> (document: OpenAPIDocument, warnings: [Diagnostic]) {
        let root: Node
        do {
            root = try YAMLParser.parseDocument(bytes, file: file)
        } catch {
            throw DiagnosticsError([error])
        }
        return try load(root: root, file: file, limits: limits)
    }

    /// Reads a document from an already parsed node tree. See `load(_:file:limits:)`.
    public static func load(root: Node, file: String, limits: ModelLimits = .default) throws(DiagnosticsError) -> (document: OpenAPIDocument, warnings: [Diagnostic]) {
        try load(root: root, file: file, limits: limits, sources: nil)
    }

    static func load(root: Node, file: String, limits: ModelLimits, sources: SourceMap?) throws(DiagnosticsError) -> (document: OpenAPIDocument, warnings: [Diagnostic]) {
        let context = LoadContext(file: file, limits: limits)
        context.sources = sources
        var document = DocumentReader(context: context).read(root)
        document?.limits = limits
        document?.sources = sources ?? SourceMap(rootFile: file)
        if let document, !context.hasErrors {
            ReferenceChecker(context: context, document: document).check()
        }
        guard let document, !context.hasErrors else {
            throw DiagnosticsError(context.diagnostics)
        }
        return (document, context.diagnostics)
    }
}

/// Reads the document's objects (OpenAPI 3.0.3 §4.7 / 3.1.0 §4.8).
struct DocumentReader {
    let context: LoadContext

    func read(_ root: Node) -> OpenAPIDocument? {
        let pointer = JSONPointer.root
        guard context.mapping(root, pointer, "an OpenAPI document") != nil, let openapi = readVersion(root) else { return nil }
        let info = readInfo(root, pointer)
        let servers = readServers(root, pointer)
        let paths = readPaths(root)
        let webhooks = readWebhooks(root)
        if context.version == .v3_1, root["paths"] == nil, root["webhooks"] == nil, root["components"] == nil {
            context.error("an OpenAPI 3.1 document needs at least one of 'paths', 'webhooks' or 'components'", at: root.mark, pointer)
        }
        let components = root["components"].map { readComponents($0, pointer.appending("components")) } ?? Components()
        let security = root["security"].map { readSecurity($0, pointer.appending("security")) }
        var document = OpenAPIDocument(
            file: context.file, openapi: openapi, version: context.version, info: info, servers: servers,
            paths: paths, webhooks: webhooks, components: components, security: security, tags: readTags(root),
            extensions: context.extensions(root), root: root)
        for (index, entry) in components.schemas.enumerated() where document.schemaIndex[entry.name] == nil {
            document.schemaIndex[entry.name] = index
        }
        return document
    }

    /// The `openapi` field, which sets `context.version`; nil, with an error, for Swagger 2.0
    /// and for versions other than 3.0.x and 3.1.x.
    private func readVersion(_ root: Node) -> String? {
        let pointer = JSONPointer.root
        if root["swagger"] != nil {
            context.error("Swagger 2.0 documents are not supported; convert to OpenAPI 3.0 or 3.1", at: root.mark, pointer)
            return nil
        }
        guard let openapi = context.string(root, "openapi", pointer, in: "the OpenAPI Object", required: true) else { return nil }
        if openapi.hasPrefix("3.0") {
            context.version = .v3_0
        } else if openapi.hasPrefix("3.1") {
            context.version = .v3_1
        } else {
            context.error("unsupported OpenAPI version '\(openapi)'; expected 3.0.x or 3.1.x", at: root["openapi"]!.mark, pointer.appending("openapi"))
            return nil
        }
        return openapi
    }

    /// `paths`: each template (which must start with `/`) and its Path Item, `x-` keys skipped;
    /// required in 3.0.
    private func readPaths(_ root: Node) -> [(path: String, item: PathItem)] {
        let pointer = JSONPointer.root
        var paths: [(path: String, item: PathItem)] = []
        if let pathsNode = root["paths"], let pairs = context.mapping(pathsNode, pointer.appending("paths"), "'paths'") {
            for pair in pairs {
                guard let path = pair.key.text else { continue }
                if path.hasPrefix("x-") { continue }
                let itemPointer = pointer.appending("paths").appending(path)
                if !path.hasPrefix("/") {
                    context.error("path '\(path)' must start with '/'", at: pair.key.mark, itemPointer)
                }
                paths.append((path, readPathItem(pair.value, itemPointer)))
            }
        } else if context.version == .v3_0 && root["paths"] == nil {
            context.error("the OpenAPI Object is missing the required field 'paths'", at: root.mark, pointer)
        }
        return paths
    }

    /// 3.1 `webhooks`: name → Path Item (or a reference to one).
    private func readWebhooks(_ root: Node) -> [(name: String, item: Referenceable<PathItem>)] {
        let pointer = JSONPointer.root
        guard let hooks = root["webhooks"], let pairs = context.mapping(hooks, pointer.appending("webhooks"), "'webhooks'") else { return [] }
        return pairs.compactMap { pair in
            guard let name = pair.key.text else { return nil }
            let hookPointer = pointer.appending("webhooks").appending(name)
            return (name, referenceable(pair.value, hookPointer) { readPathItem($0, $1) })
        }
    }

    /// `tags`: the Tag Objects with a name.
    private func readTags(_ root: Node) -> [Tag] {
        let pointer = JSONPointer.root
        guard let tagsNode = root["tags"], let list = context.sequence(tagsNode, pointer.appending("tags"), "'tags'") else { return [] }
        return list.enumerated().compactMap { index, node in
            let tagPointer = pointer.appending("tags").appending(index)
            guard let name = context.string(node, "name", tagPointer, in: "a Tag Object", required: true) else { return nil }
            return Tag(name: name, description: context.string(node, "description", tagPointer, in: "a Tag Object"))
        }
    }

    private func readInfo(_ root: Node, _ pointer: JSONPointer) -> Info {
        let what = "the Info Object"
        guard let node = root["info"] else {
            context.error("the OpenAPI Object is missing the required field 'info'", at: root.mark, pointer)
            return Info(title: "", version: "")
        }
        let infoPointer = pointer.appending("info")
        guard context.mapping(node, infoPointer, what) != nil else { return Info(title: "", version: "") }
        return Info(
            title: context.string(node, "title", infoPointer, in: what, required: true) ?? "",
            version: context.string(node, "version", infoPointer, in: what, required: true) ?? "",
            summary: context.string(node, "summary", infoPointer, in: what),
            description: context.string(node, "description", infoPointer, in: what))
    }

    private func readServers(_ object: Node, _ pointer: JSONPointer) -> [Server] {
        guard let node = object["servers"], let list = context.sequence(node, pointer.appending("servers"), "'servers'") else { return [] }
        return list.enumerated().compactMap { index, server in
            let serverPointer = pointer.appending("servers").appending(index)
            guard let url = context.string(server, "url", serverPointer, in: "a Server Object", required: true) else { return nil }
            var variables: [String: String] = [:]
            for pair in server["variables"]?.mapping ?? [] {
                if let name = pair.key.text { variables[name] = pair.value["default"]?.text ?? "" }
            }
            return Server(url: url, description: context.string(server, "description", serverPointer, in: "a Server Object"), variables: variables,
                          urlMark: server["url"]?.mark ?? server.mark, pointer: serverPointer)
        }
    }

    /// A value that may be a `$ref` instead.
    func referenceable<T>(_ node: Node, _ pointer: JSONPointer, read: (Node, JSONPointer) -> T) -> Referenceable<T> {
        if let reference = context.reference(node, pointer) { return .reference(reference) }
        return .value(read(node, pointer))
    }

    func readPathItem(_ node: Node, _ pointer: JSONPointer) -> PathItem {
        var item = PathItem(reference: nil, summary: nil, description: nil, operations: [], parameters: [], servers: [], mark: node.mark, pointer: pointer)
        guard let pairs = context.mapping(node, pointer, "a Path Item Object") else { return item }
        item.reference = context.reference(node, pointer)
        item.summary = context.string(node, "summary", pointer, in: "a Path Item Object")
        item.description = context.string(node, "description", pointer, in: "a Path Item Object")
        item.parameters = readParameters(node, pointer)
        item.servers = readServers(node, pointer)
        for pair in pairs {
            guard let key = pair.key.text, let method = HTTPMethod(rawValue: key) else { continue }
            item.operations.append(PathOperation(method: method, operation: readOperation(pair.value, pointer.appending(key))))
        }
        return item
    }

    private func readParameters(_ object: Node, _ pointer: JSONPointer) -> [Referenceable<Parameter>] {
        guard let node = object["parameters"], let list = context.sequence(node, pointer.appending("parameters"), "'parameters'") else { return [] }
        return list.enumerated().map { index, parameter in
            referenceable(parameter, pointer.appending("parameters").appending(index)) { readParameter($0, $1) }
        }
    }

    func readParameter(_ node: Node, _ pointer: JSONPointer) -> Parameter {
        let what = "a Parameter Object"
        var parameter = Parameter(name: "", location: .query, description: nil, required: false, deprecated: false, style: nil,
                                  explode: nil, allowReserved: false, schema: nil, content: [], extensions: [], mark: node.mark, pointer: pointer)
        guard context.mapping(node, pointer, what) != nil else { return parameter }
        parameter.name = context.string(node, "name", pointer, in: what, required: true) ?? ""
        if let location = context.string(node, "in", pointer, in: what, required: true) {
            if let known = ParameterLocation(rawValue: location) {
                parameter.location = known
            } else {
                context.error("'in' must be one of path, query, header, cookie; found '\(location)'", at: node["in"]!.mark, pointer.appending("in"))
            }
        }
        parameter.description = context.string(node, "description", pointer, in: what)
        parameter.required = context.bool(node, "required", pointer, in: what) ?? false
        if parameter.location == .path, !parameter.required {
            context.error("path parameter '\(parameter.name)' must have 'required: true'", at: node.mark, pointer)
        }
        parameter.deprecated = context.bool(node, "deprecated", pointer, in: what) ?? false
        parameter.style = context.string(node, "style", pointer, in: what)
        parameter.explode = context.bool(node, "explode", pointer, in: what)
        parameter.allowReserved = context.bool(node, "allowReserved", pointer, in: what) ?? false
        parameter.schema = node["schema"].map { context.schema($0, pointer.appending("schema")) }
        parameter.content = readContent(node, pointer)
        if parameter.schema == nil, parameter.content.isEmpty {
            context.error("parameter '\(parameter.name)' needs a 'schema' or a 'content'", at: node.mark, pointer)
        }
        parameter.extensions = context.extensions(node)
        return parameter
    }

    private func readContent(_ object: Node, _ pointer: JSONPointer) -> [MediaType] {
        guard let node = object["content"], let pairs = context.mapping(node, pointer.appending("content"), "'content'") else { return [] }
        return pairs.compactMap { pair in
            guard let name = pair.key.text else { return nil }
            let mediaPointer = pointer.appending("content").appending(name)
            guard context.mapping(pair.value, mediaPointer, "a Media Type Object") != nil else { return nil }
            return MediaType(name: name, schema: pair.value["schema"].map { context.schema($0, mediaPointer.appending("schema")) }, mark: pair.key.mark,
                             encoding: readEncoding(pair.value, mediaPointer))
        }
    }

    /// A Media Type Object's `encoding` map (OpenAPI 3.1.1 §4.8.15).
    private func readEncoding(_ media: Node, _ pointer: JSONPointer) -> [String: MediaEncoding] {
        guard let node = media["encoding"], let pairs = context.mapping(node, pointer.appending("encoding"), "'encoding'") else { return [:] }
        var result: [String: MediaEncoding] = [:]
        for pair in pairs {
            guard let name = pair.key.text else { continue }
            let entryPointer = pointer.appending("encoding").appending(name)
            let what = "an Encoding Object"
            guard context.mapping(pair.value, entryPointer, what) != nil else { continue }
            var encoding = MediaEncoding()
            encoding.contentType = context.string(pair.value, "contentType", entryPointer, in: what)
            encoding.style = context.string(pair.value, "style", entryPointer, in: what)
            encoding.explode = context.bool(pair.value, "explode", entryPointer, in: what)
            encoding.allowReserved = context.bool(pair.value, "allowReserved", entryPointer, in: what) ?? false
            if let headers = pair.value["headers"], let list = context.mapping(headers, entryPointer.appending("headers"), "'headers'") {
                encoding.headers = list.compactMap { pair in
                    guard let name = pair.key.text, name.lowercased() != "content-type" else { return nil }
                    return NamedHeader(name: name, header: referenceable(pair.value, entryPointer.appending("headers").appending(name)) { readHeader($0, $1) })
                }
            }
            result[name] = encoding
        }
        return result
    }

    private func readOperation(_ node: Node, _ pointer: JSONPointer) -> Operation {
        let what = "an Operation Object"
        var operation = Operation(operationID: nil, summary: nil, description: nil, tags: [], parameters: [], requestBody: nil, responses: [],
                                  security: nil, deprecated: false, extensions: [], mark: node.mark, pointer: pointer)
        guard context.mapping(node, pointer, what) != nil else { return operation }
        operation.operationID = context.string(node, "operationId", pointer, in: what)
        operation.summary = context.string(node, "summary", pointer, in: what)
        operation.description = context.string(node, "description", pointer, in: what)
        operation.tags = context.stringList(node, "tags", pointer, in: what)
        operation.parameters = readParameters(node, pointer)
        operation.requestBody = node["requestBody"].map { referenceable($0, pointer.appending("requestBody")) { readRequestBody($0, $1) } }
        if let responses = node["responses"], let pairs = context.mapping(responses, pointer.appending("responses"), "'responses'") {
            for pair in pairs {
                guard let status = pair.key.text, !status.hasPrefix("x-") else { continue }
                let responsePointer = pointer.appending("responses").appending(status)
                if !isStatusKey(status) {
                    context.error("response key '\(status)' is not a status code, a range like 4XX, or 'default'", at: pair.key.mark, responsePointer)
                }
                operation.responses.append(StatusResponse(status: status, response: referenceable(pair.value, responsePointer) { readResponse($0, $1) }))
            }
        } else if node["responses"] == nil, context.version == .v3_0 {
            context.error("\(what) is missing the required field 'responses'", at: node.mark, pointer)
        }
        operation.security = node["security"].map { readSecurity($0, pointer.appending("security")) }
        operation.deprecated = context.bool(node, "deprecated", pointer, in: what) ?? false
        operation.extensions = context.extensions(node)
        return operation
    }

    private func isStatusKey(_ key: String) -> Bool {
        if key == "default" { return true }
        let bytes = Array(key.utf8)
        guard bytes.count == 3, (0x31...0x35).contains(bytes[0]) else { return false }
        let rest = bytes[1...]
        return rest.allSatisfy { (0x30...0x39).contains($0) } || rest.allSatisfy { $0 == UInt8(ascii: "X") || $0 == UInt8(ascii: "x") }
    }

    func readRequestBody(_ node: Node, _ pointer: JSONPointer) -> RequestBody {
        let what = "a Request Body Object"
        guard context.mapping(node, pointer, what) != nil else {
            return RequestBody(description: nil, content: [], required: false, mark: node.mark, pointer: pointer)
        }
        if node["content"] == nil { context.error("\(what) is missing the required field 'content'", at: node.mark, pointer) }
        return RequestBody(
            description: context.string(node, "description", pointer, in: what), content: readContent(node, pointer),
            required: context.bool(node, "required", pointer, in: what) ?? false, mark: node.mark, pointer: pointer)
    }

    func readResponse(_ node: Node, _ pointer: JSONPointer) -> Response {
        let what = "a Response Object"
        var response = Response(description: "", headers: [], content: [], mark: node.mark, pointer: pointer)
        guard context.mapping(node, pointer, what) != nil else { return response }
        response.description = context.string(node, "description", pointer, in: what, required: true) ?? ""
        response.content = readContent(node, pointer)
        if let headers = node["headers"], let pairs = context.mapping(headers, pointer.appending("headers"), "'headers'") {
            response.headers = pairs.compactMap { pair in
                guard let name = pair.key.text else { return nil }
                return NamedHeader(name: name, header: referenceable(pair.value, pointer.appending("headers").appending(name)) { readHeader($0, $1) })
            }
        }
        return response
    }

    func readHeader(_ node: Node, _ pointer: JSONPointer) -> Header {
        let what = "a Header Object"
        guard context.mapping(node, pointer, what) != nil else { return Header(description: nil, required: false, schema: nil, mark: node.mark) }
        var schema = node["schema"].map { context.schema($0, pointer.appending("schema")) }
        if schema == nil { schema = readContent(node, pointer).first?.schema }
        return Header(description: context.string(node, "description", pointer, in: what),
                      required: context.bool(node, "required", pointer, in: what) ?? false, schema: schema, mark: node.mark)
    }

    private func readSecurity(_ node: Node, _ pointer: JSONPointer) -> [SecurityRequirement] {
        guard let list = context.sequence(node, pointer, "'security'") else { return [] }
        return list.enumerated().compactMap { index, requirement in
            guard let pairs = context.mapping(requirement, pointer.appending(index), "a Security Requirement Object") else { return nil }
            let schemes = pairs.compactMap { pair -> SecurityRequirement.Scheme? in
                guard let name = pair.key.text else { return nil }
                return SecurityRequirement.Scheme(name: name, scopes: pair.value.sequence?.compactMap(\.text) ?? [])
            }
            return SecurityRequirement(schemes: schemes, mark: requirement.mark)
        }
    }

    func readSecurityScheme(_ node: Node, _ pointer: JSONPointer) -> SecurityScheme {
        let what = "a Security Scheme Object"
        let description = context.string(node, "description", pointer, in: what)
        var kind = SecurityScheme.Kind.mutualTLS
        switch context.string(node, "type", pointer, in: what, required: true) {
        case "apiKey":
            let name = context.string(node, "name", pointer, in: what, required: true) ?? ""
            let text = context.string(node, "in", pointer, in: what, required: true)
            if text == "path" { context.error("an apiKey security scheme cannot be 'in: path'", at: node.mark, pointer) }
            kind = .apiKey(name: name, location: text.flatMap(APIKeyLocation.init(rawValue:)) ?? .header)
        case "http":
            kind = .http(scheme: context.string(node, "scheme", pointer, in: what, required: true) ?? "",
                         bearerFormat: context.string(node, "bearerFormat", pointer, in: what))
        case "oauth2":
            kind = .oauth2
            checkOAuthFlows(node, pointer)
        case "openIdConnect":
            kind = .openIdConnect(url: context.string(node, "openIdConnectUrl", pointer, in: what, required: true) ?? "")
        case "mutualTLS": kind = .mutualTLS
        case let other?:
            context.error("unknown security scheme type '\(other)'", at: node["type"]!.mark, pointer.appending("type"))
        case nil: break
        }
        return SecurityScheme(kind: kind, description: description, mark: node.mark)
    }

    /// OAuth Flows (3.0.3 §4.7.28–29): each flow needs `scopes`. Bindings do not use flows, so
    /// a gap is a warning, not an error (real specs, e.g. oasdiff's fixtures, omit scopes).
    private func checkOAuthFlows(_ node: Node, _ pointer: JSONPointer) {
        guard let flows = node["flows"] else {
            context.warning("an oauth2 security scheme should have 'flows'", at: node.mark, pointer)
            return
        }
        for pair in flows.mapping ?? [] where pair.value["scopes"] == nil {
            let name = pair.key.text ?? ""
            context.warning("OAuth flow '\(name)' is missing its required 'scopes'", at: pair.value.mark,
                            pointer.appending("flows").appending(name))
        }
    }

    private func readComponents(_ node: Node, _ pointer: JSONPointer) -> Components {
        var components = Components()
        guard context.mapping(node, pointer, "the Components Object") != nil else { return components }
        func entries(_ key: String) -> [(String, Node, JSONPointer)] {
            guard let section = node[key], let pairs = context.mapping(section, pointer.appending(key), "'\(key)'") else { return [] }
            return pairs.compactMap { pair in
                guard let name = pair.key.text else { return nil }
                return (name, pair.value, pointer.appending(key).appending(name))
            }
        }
        components.schemas = entries("schemas").map { ($0.0, context.schema($0.1, $0.2)) }
        components.responses = entries("responses").map { ($0.0, referenceable($0.1, $0.2) { readResponse($0, $1) }) }
        components.parameters = entries("parameters").map { ($0.0, referenceable($0.1, $0.2) { readParameter($0, $1) }) }
        components.requestBodies = entries("requestBodies").map { ($0.0, referenceable($0.1, $0.2) { readRequestBody($0, $1) }) }
        components.headers = entries("headers").map { ($0.0, referenceable($0.1, $0.2) { readHeader($0, $1) }) }
        components.securitySchemes = entries("securitySchemes").map { ($0.0, referenceable($0.1, $0.2) { readSecurityScheme($0, $1) }) }
        components.pathItems = entries("pathItems").map { ($0.0, referenceable($0.1, $0.2) { readPathItem($0, $1) }) }
        components.examples = entries("examples").map { ($0.0, $0.1) }
        components.links = entries("links").map { ($0.0, $0.1) }
        components.callbacks = entries("callbacks").map { ($0.0, $0.1) }
        return components
    }
}
