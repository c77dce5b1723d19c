import BindgenCore
import OpenAPIModel
import YAMLParsing

/// Wire rules about whole responses: declared headers, a success status's body, paging.
extension WireDiff {
    /// Headers declared for one status (matched ignoring case, RFC 9110 §5.1), and whether a
    /// success status gained, lost or changed its body (the Swift result type changes with it).
    mutating func compareResponseDetails(status: String, _ previous: Response, _ response: Response, label: String) {
        func headers(_ response: Response) -> [(name: String, mark: Mark)] {
            response.headers.filter { $0.name.lowercased() != "content-type" }.map { entry in
                switch entry.header {
                case .reference(let reference): return (entry.name, reference.mark)
                case .value(let value): return (entry.name, value.mark)
                }
            }
        }
        let oldHeaders = headers(previous), newHeaders = headers(response)
        for header in newHeaders where !oldHeaders.contains(where: { $0.name.lowercased() == header.name.lowercased() }) {
            add(.responseHeaderAdded, label, "response \(status) declares the new header \(header.name)",
                pointer: response.pointer.appending("headers").appending(header.name), mark: header.mark, in: new)
        }
        for header in oldHeaders where !newHeaders.contains(where: { $0.name.lowercased() == header.name.lowercased() }) {
            add(.responseHeaderRemoved, label, "response \(status) no longer declares the header \(header.name): code reading it gets nil",
                pointer: previous.pointer.appending("headers").appending(header.name), mark: header.mark, in: old)
        }
        guard status.hasPrefix("2") else { return }
        let before = bodyShape(previous), after = bodyShape(response)
        if before != after {
            add(.responseSuccessBodyChanged, label, "the body of success status \(status) changed from \(before) to \(after): the result type changes",
                pointer: response.pointer, mark: response.mark, in: new)
        }
    }

    /// `none`, or the bound media kind with the schema's component name or JSON types.
    func bodyShape(_ response: Response) -> String {
        guard let media = response.content.first(where: { Self.isJSONMediaType($0.name) }) ?? response.content.first else { return "no body" }
        guard let schema = media.schema else { return media.name }
        if let reference = schema.reference { return "\(reference.name)" }
        let types = (schema.types ?? []).map(\.rawValue).sorted().joined(separator: "|")
        return types.isEmpty ? "an untyped schema" : "a schema of type \(types)"
    }

    static func isJSONMediaType(_ name: String) -> Bool {
        let base = (name.split(separator: ";").first.map(String.init) ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        return base == "application/json" || base.hasSuffix("+json")
    }

    /// Operations that became paged or stopped being paged (`PagingConvention`), by operationId.
    static func pagingChanges(old: BindingModule, new: BindingModule, oldDocument: OpenAPIDocument, newDocument: OpenAPIDocument) -> [APIChange] {
        func paged(_ module: BindingModule) -> [String: OperationDeclaration] {
            Dictionary(module.client.groups.flatMap(\.operations).map { ($0.operationID, $0) }, uniquingKeysWith: { first, _ in first })
        }
        func locate(_ operation: OperationDeclaration, in document: OpenAPIDocument) -> (String, JSONPointer, Mark?) {
            let entry = document.operations.first { $0.path == operation.pathTemplate && $0.method == operation.httpMethod }
            let label = "\(operation.httpMethod.token) \(operation.pathTemplate) (\(operation.operationID))"
            return (label, entry?.operation.pointer ?? JSONPointer(tokens: []), entry?.operation.mark)
        }
        let before = paged(old), after = paged(new)
        var changes: [APIChange] = []
        for (id, operation) in after.sorted(by: { $0.key < $1.key }) {
            guard let previous = before[id] else { continue }
            if operation.paging != nil, previous.paging == nil {
                let (label, pointer, mark) = locate(operation, in: newDocument)
                changes.append(APIChange(severity: .info, rule: .wire(.pagingAdded), operation: label,
                                         message: "\(label) became a paged list (page-number parameter and total-pages header): it gains a pages method",
                                         pointer: pointer.description, file: newDocument.file, mark: mark))
            } else if operation.paging == nil, previous.paging != nil {
                let (label, _, _) = locate(operation, in: newDocument)
                let (_, pointer, mark) = locate(previous, in: oldDocument)
                changes.append(APIChange(severity: .breaking, rule: .wire(.pagingRemoved), operation: label,
                                         message: "\(label) is no longer a paged list (its page-number parameter, page-size parameter or total-pages header is gone): clients that page through it break",
                                         pointer: pointer.description, file: oldDocument.file, mark: mark))
            }
        }
        return changes
    }
}
