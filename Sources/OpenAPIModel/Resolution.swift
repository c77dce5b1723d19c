import YAMLParsing

extension Schema {
    /// Follows the schema's `$ref` chain, looking each reference up with `lookup`, to the schema
    /// that holds content (itself when it has no `$ref`); nil when a lookup fails or on a cycle
    /// of pure references.
    public func resolved(through lookup: (Reference) -> Schema?) -> Schema? {
        var current = self
        var seen: Set<String> = []
        while let reference = current.reference {
            guard seen.insert(reference.target).inserted, let target = lookup(reference) else { return nil }
            current = target
        }
        return current
    }
}

/// Looking up what a `$ref` designates. References are checked when the document is loaded,
/// so lookups of checked references succeed; a failed lookup returns nil.
extension OpenAPIDocument {
    /// The schema a reference designates (a component, or any schema node by pointer).
    public func schema(for reference: Reference) -> Schema? {
        guard let pointer = reference.localPointer else { return nil }
        if let name = pointer.componentName(in: "schemas") {
            return schemaIndex[name].map { components.schemas[$0].schema }
        }
        guard let node = root.node(at: pointer) else { return nil }
        let context = LoadContext(file: file, version: version, limits: limits)
        context.sources = sources
        return context.schema(node, pointer)
    }

    /// Follows a schema's `$ref` chain to the schema that holds content; nil on a cycle of pure references.
    public func resolved(_ schema: Schema) -> Schema? {
        schema.resolved(through: self.schema(for:))
    }

    /// The parameters an operation is sent with, resolved: the path item's, then the operation's.
    /// An operation parameter replaces the path item's with the same name and location (OpenAPI
    /// 3.0 §4.7.10 / 3.1 §4.8.10, Operation Object `parameters`: "If a parameter is already defined
    /// at the Path Item, the new definition will override it but can never remove it"; "a unique
    /// parameter is defined by a combination of a name and location") and takes its place at the
    /// end. A reference that does not resolve is left out.
    public func parameters(of operation: Operation, in pathItem: PathItem) -> [Parameter] {
        var merged: [Parameter] = []
        for value in pathItem.parameters + operation.parameters {
            guard let parameter = resolve(value) else { continue }
            merged.removeAll { $0.name == parameter.name && $0.location == parameter.location }
            merged.append(parameter)
        }
        return merged
    }

    public func resolve(_ value: Referenceable<Parameter>) -> Parameter? {
        resolve(value, section: "parameters", in: components.parameters.map { ($0.name, $0.parameter) }) { $0.readParameter($1, $2) }
    }

    public func resolve(_ value: Referenceable<RequestBody>) -> RequestBody? {
        resolve(value, section: "requestBodies", in: components.requestBodies.map { ($0.name, $0.requestBody) }) { $0.readRequestBody($1, $2) }
    }

    public func resolve(_ value: Referenceable<Response>) -> Response? {
        resolve(value, section: "responses", in: components.responses.map { ($0.name, $0.response) }) { $0.readResponse($1, $2) }
    }

    public func resolve(_ value: Referenceable<Header>) -> Header? {
        resolve(value, section: "headers", in: components.headers.map { ($0.name, $0.header) }) { $0.readHeader($1, $2) }
    }

    public func resolve(_ value: Referenceable<SecurityScheme>) -> SecurityScheme? {
        resolve(value, section: "securitySchemes", in: components.securitySchemes.map { ($0.name, $0.scheme) }) { $0.readSecurityScheme($1, $2) }
    }

    public func resolve(_ value: Referenceable<PathItem>) -> PathItem? {
        resolve(value, section: "pathItems", in: components.pathItems.map { ($0.name, $0.pathItem) }) { $0.readPathItem($1, $2) }
    }

    /// Follows reference chains (at most `limits.maxReferenceHops` hops; longer chains and cycles
    /// are load errors, so a loaded document never reaches that bound) through the named
    /// component section, or reads the designated node afresh when the pointer goes elsewhere.
    private func resolve<T>(_ value: Referenceable<T>, section: String, in entries: [(String, Referenceable<T>)],
                            read: (DocumentReader, Node, JSONPointer) -> T) -> T? {
        var current = value
        for _ in 0...limits.maxReferenceHops {
            switch current {
            case .value(let resolved): return resolved
            case .reference(let reference):
                guard let pointer = reference.localPointer else { return nil }
                if let name = pointer.componentName(in: section), let entry = entries.first(where: { $0.0 == name }) {
                    current = entry.1
                } else {
                    guard let node = root.node(at: pointer) else { return nil }
                    let context = LoadContext(file: file, version: version, limits: limits)
                    context.sources = sources
                    let reader = DocumentReader(context: context)
                    current = reader.referenceable(node, pointer) { read(reader, $0, $1) }
                }
            }
        }
        return nil
    }
}
