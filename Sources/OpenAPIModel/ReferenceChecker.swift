import YAMLParsing

/// Checks that every `$ref` met while reading points at a node of this document.
struct ReferenceChecker {
    let context: LoadContext
    let document: OpenAPIDocument

    func check() {
        // `#/components/<section>/<name>` targets are checked against the section's names (O(1));
        // other pointers walk the tree.
        var sections: [String: Set<String>] = [:]
        for pair in document.root["components"]?.mapping ?? [] {
            guard let section = pair.key.text else { continue }
            sections[section] = Set((pair.value.mapping ?? []).compactMap(\.key.text))
        }
        var resolvable: Set<String> = []
        for reference in context.references {
            if resolvable.contains(reference.target) { continue }
            guard let pointer = reference.localPointer else {
                context.error("external reference '\(reference.target)' is not supported; only references within the document (#/…)",
                              at: reference.mark, reference.pointer.appending("$ref"))
                continue
            }
            let tokens = pointer.tokens
            let found = tokens.count == 3 && tokens[0] == "components" && sections[tokens[1]] != nil
                ? sections[tokens[1]]!.contains(tokens[2])
                : document.root.node(at: pointer) != nil
            if found {
                resolvable.insert(reference.target)
            } else {
                context.error("unresolvable reference '\(reference.target)': no value at \(pointer)", at: reference.mark,
                              reference.pointer.appending("$ref"))
            }
        }
    }
}

extension Node {
    /// The node a JSON Pointer designates, or nil.
    public func node(at pointer: JSONPointer) -> Node? {
        var current = self
        for token in pointer.tokens {
            switch current.content {
            case .mapping:
                guard let next = current[token] else { return nil }
                current = next
            case .sequence(let nodes):
                guard let index = Int(token), nodes.indices.contains(index) else { return nil }
                current = nodes[index]
            case .scalar:
                return nil
            }
        }
        return current
    }
}
