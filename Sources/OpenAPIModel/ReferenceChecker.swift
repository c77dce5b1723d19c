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
            let found = if let component = pointer.component, let names = sections[component.section] {
                names.contains(component.name)
            } else {
                document.root.node(at: pointer) != nil
            }
            if found {
                resolvable.insert(reference.target)
            } else {
                context.error("unresolvable reference '\(reference.target)': no value at \(pointer)", at: reference.mark,
                              reference.pointer.appending("$ref"))
            }
        }
        guard !context.hasErrors else { return }
        checkChains()
        guard !context.hasErrors else { return }
        checkInlinedCycles()
    }

    /// At most this many errors per check (a chain of 10,000 references is one problem).
    private static let reportLimit = 10

    /// A reference chain (a `$ref` whose target is again an object with `$ref`) must end within
    /// `maxReferenceHops` and must not come back to itself: `A: {$ref: '#/components/schemas/A'}`
    /// would bind as `typealias A = A`, a parameter chain would be dropped. Linear: each target's
    /// remaining length is computed once.
    private func checkChains() {
        enum State { case open, length(Int), cycle }
        var states: [String: State] = [:]
        var reported = 0, unreported = 0
        // `#/components/<section>/<name>` by dictionary (a scan of the section per hop would make
        // a long chain quadratic); the first entry of a name wins, as in `Node.subscript`.
        var components: [String: [String: Node]] = [:]
        for section in document.root["components"]?.mapping ?? [] {
            guard let name = section.key.text, components[name] == nil else { continue }
            var entries: [String: Node] = [:]
            for pair in section.value.mapping ?? [] {
                if let key = pair.key.text, entries[key] == nil { entries[key] = pair.value }
            }
            components[name] = entries
        }
        func targetNode(_ target: String) -> Node? {
            guard target.hasPrefix("#"), let pointer = JSONPointer(String(target.dropFirst()).removingPercentEncodingIfValid) else { return nil }
            if let component = pointer.component, let section = components[component.section] { return section[component.name] }
            return document.root.node(at: pointer)
        }
        /// The `$ref` text of a Reference Object, nil for anything else.
        func nextTarget(_ node: Node) -> String? {
            guard node.mapping != nil, let value = node["$ref"], case .string(let text)? = value.scalar?.value else { return nil }
            return text
        }
        /// Number of `$ref`s followed from `target` (itself included) to a non-reference; nil on a cycle.
        func length(from target: String) -> Int? {
            var path: [String] = []
            var current = target
            var base: Int?
            while true {
                switch states[current] {
                case .length(let known)?: base = known
                case .cycle?: base = nil
                case .open?:
                    // Back on the path: every target on it from `current` on is in the cycle.
                    for member in path { states[member] = .cycle }
                    return nil
                case nil:
                    states[current] = .open
                    path.append(current)
                    if let node = targetNode(current), let next = nextTarget(node) {
                        current = next
                        continue
                    }
                    base = 0
                }
                break
            }
            guard var length = base else {
                for member in path { states[member] = .cycle }
                return nil
            }
            for member in path.reversed() {
                length += 1
                states[member] = .length(length)
            }
            return length
        }
        var seenTargets: Set<String> = []
        for reference in context.references where reference.localPointer != nil {
            guard seenTargets.insert(reference.target).inserted else { continue }
            let hops = length(from: reference.target)
            let message: String
            if let hops {
                guard hops > context.limits.maxReferenceHops else { continue }
                message = "reference chain from '\(reference.target)' is \(hops) references long, more than the limit of "
                    + "\(context.limits.maxReferenceHops) (ModelLimits.maxReferenceHops)"
            } else {
                message = "reference cycle: following '\(reference.target)' comes back to a reference already followed, so it designates no value"
            }
            if reported < Self.reportLimit {
                reported += 1
                context.error(message, at: reference.mark, reference.pointer.appending("$ref"))
            } else {
                unreported += 1
            }
        }
        if unreported > 0, let last = context.references.last {
            context.error("\(unreported) more references like the ones above", at: last.mark, last.pointer.appending("$ref"))
        }
    }

    /// A `$ref` whose target is not `#/components/<section>/<name>` is copied in place by the
    /// stages after loading. When such a target contains (itself, or through more such targets)
    /// a reference back to itself, the copy never ends: that is an error. References to
    /// components stay references (a component may be recursive).
    /// Linear in the references times the nesting depth (each reference is tested against the
    /// targets among its pointer's prefixes).
    private func checkInlinedCycles() {
        var targetIDs: [String: Int] = [:]
        var targets: [(key: String, reference: Reference)] = []
        for reference in context.references {
            guard let pointer = reference.localPointer, pointer.component == nil else { continue }
            let key = pointer.description
            if targetIDs[key] == nil {
                targetIDs[key] = targets.count
                targets.append((key, reference))
            }
        }
        guard !targets.isEmpty else { return }
        // Edge T → U: a reference to U stands at or inside T.
        var edges = [[(to: Int, reference: Reference)]](repeating: [], count: targets.count)
        for reference in context.references {
            guard let pointer = reference.localPointer, pointer.component == nil, let to = targetIDs[pointer.description] else { continue }
            var prefix = ""
            if let from = targetIDs[prefix] { edges[from].append((to, reference)) }
            for token in reference.pointer.tokens {
                prefix += "/" + JSONPointer.escape(token)
                if let from = targetIDs[prefix] { edges[from].append((to, reference)) }
            }
        }
        // Iterative depth-first search; a grey successor closes a cycle.
        var color = [UInt8](repeating: 0, count: targets.count)  // 0 white, 1 grey, 2 black
        var reported = 0
        for root in targets.indices where color[root] == 0 {
            var stack: [(node: Int, next: Int)] = [(root, 0)]
            color[root] = 1
            while let (node, next) = stack.last {
                if next == edges[node].count {
                    color[node] = 2
                    stack.removeLast()
                    continue
                }
                stack[stack.count - 1].next += 1
                let (to, reference) = edges[node][next]
                if color[to] == 1 {
                    if reported < Self.reportLimit {
                        reported += 1
                        context.error("reference cycle: '\(reference.target)' contains this reference back to itself; only references to "
                                      + "'#/components/schemas/<name>' may be recursive (others are copied in place)",
                                      at: reference.mark, reference.pointer.appending("$ref"))
                    }
                } else if color[to] == 0 {
                    color[to] = 1
                    stack.append((to, 0))
                }
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
