/// Finds properties whose struct types form a cycle (a struct holding itself, directly or through
/// other structs, without an array or dictionary in between) and marks them `isIndirect`, using
/// strongly connected components (Tarjan) over the "struct has a property of struct type" graph.
enum RecursiveProperties {
    static func mark(_ types: inout [TypeDeclaration]) {
        let declarations = DeclarationIndex(types)

        /// The struct a property type stores inline, following typealiases (enums store none;
        /// unions are `indirect` enums).
        func storedStruct(_ type: TypeReference) -> String? {
            guard case .named(let path) = declarations.resolved(type), case .structure? = declarations[path]?.kind else { return nil }
            return path
        }

        var edges: [String: [String]] = [:]
        for (path, _, declaration) in declarations.entries {
            guard case .structure(let properties) = declaration.kind else { continue }
            edges[path] = properties.compactMap { storedStruct($0.type) }
        }
        let component = stronglyConnectedComponents(nodes: declarations.sortedPaths, edges: edges)

        func update(_ declaration: inout TypeDeclaration, prefix: String) {
            let path = prefix.isEmpty ? declaration.name : prefix + "." + declaration.name
            if case .structure(var properties) = declaration.kind {
                for index in properties.indices {
                    if let target = storedStruct(properties[index].type), component[target] == component[path] {
                        properties[index].isIndirect = true
                    }
                }
                declaration.kind = .structure(properties)
            }
            for index in declaration.nested.indices { update(&declaration.nested[index], prefix: path) }
        }
        for index in types.indices { update(&types[index], prefix: "") }
    }

    /// Node → component number; nodes on a common cycle share a number.
    static func stronglyConnectedComponents(nodes: [String], edges: [String: [String]]) -> [String: Int] {
        var index = 0
        var indices: [String: Int] = [:], lowlinks: [String: Int] = [:]
        var onStack: Set<String> = []
        var stack: [String] = []
        var component: [String: Int] = [:]
        var componentCount = 0
        // Iterative Tarjan: (node, next edge position).
        for root in nodes where indices[root] == nil {
            var work: [(String, Int)] = [(root, 0)]
            while let (node, position) = work.popLast() {
                if position == 0 {
                    indices[node] = index
                    lowlinks[node] = index
                    index += 1
                    stack.append(node)
                    onStack.insert(node)
                }
                let successors = edges[node] ?? []
                if position < successors.count {
                    work.append((node, position + 1))
                    let next = successors[position]
                    if indices[next] == nil {
                        work.append((next, 0))
                    } else if onStack.contains(next) {
                        lowlinks[node] = min(lowlinks[node]!, indices[next]!)
                    }
                    continue
                }
                if lowlinks[node] == indices[node] {
                    while let member = stack.popLast() {
                        onStack.remove(member)
                        component[member] = componentCount
                        if member == node { break }
                    }
                    componentCount += 1
                }
                if let (parent, _) = work.last {
                    lowlinks[parent] = min(lowlinks[parent]!, lowlinks[node]!)
                }
            }
        }
        return component
    }
}
