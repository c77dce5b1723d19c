import OpenAPIModel
import YAMLParsing

/// With an operation filter, only the component schemas the included operations reach (through
/// `$ref`s, transitively, also via referenced parameters, request bodies and responses) are generated.
extension Translator {
    /// nil when every component is generated (no filter).
    func includedComponents() -> Set<String>? {
        guard !options.filter.isEmpty else { return nil }
        var pending: [Node] = []
        for (path, _, operation, pathItem) in document.operations
        where options.filter.includes(operation, path: path) {
            if let node = document.root.node(at: operation.pointer) { pending.append(node) }
            if let node = document.root.node(at: pathItem.pointer.appending("parameters")) { pending.append(node) }
        }
        var schemas: Set<String> = []
        var visited: Set<String> = []
        while let node = pending.popLast() {
            switch node.content {
            case .scalar: break
            case .sequence(let items): pending += items
            case .mapping(let pairs):
                for pair in pairs {
                    if pair.key.text == "$ref", let target = pair.value.text, target.hasPrefix("#"), visited.insert(target).inserted,
                       let pointer = JSONPointer(String(target.dropFirst())), let referenced = document.root.node(at: pointer) {
                        if let name = pointer.componentName(in: "schemas") { schemas.insert(name) }
                        pending.append(referenced)
                    } else {
                        pending.append(pair.value)
                    }
                }
            }
        }
        return schemas
    }
}
