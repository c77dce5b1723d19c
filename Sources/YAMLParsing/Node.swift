/// A YAML node: a scalar, an ordered mapping or a sequence, each carrying the `Mark` where it starts.
///
/// Aliases are resolved while the tree is built (an alias yields the anchored node), and `<<`
/// merge keys are applied, so consumers only ever see these three shapes.
public struct Node: Sendable, Hashable {
    public enum Content: Sendable, Hashable {
        case scalar(Scalar)
        case mapping([Pair])
        case sequence([Node])
    }

    /// One entry of a mapping, in document order.
    public struct Pair: Sendable, Hashable {
        public var key: Node
        public var value: Node

        public init(key: Node, value: Node) {
            self.key = key
            self.value = value
        }
    }

    public var content: Content
    /// Where the node starts (1-based).
    public var mark: Mark
    /// The explicit tag, if the document gave one (e.g. `tag:yaml.org,2002:str`).
    public var tag: String?

    public init(_ content: Content, mark: Mark, tag: String? = nil) {
        self.content = content
        self.mark = mark
        self.tag = tag
    }

    public var scalar: Scalar? {
        if case .scalar(let scalar) = content { return scalar }
        return nil
    }

    public var mapping: [Pair]? {
        if case .mapping(let pairs) = content { return pairs }
        return nil
    }

    public var sequence: [Node]? {
        if case .sequence(let nodes) = content { return nodes }
        return nil
    }

    /// The scalar's text, whatever it resolves to (`200` as a key is `"200"`).
    public var text: String? { scalar?.text }

    /// The value for a mapping key whose text is `key`, or `nil` (also for non-mappings).
    public subscript(key: String) -> Node? {
        guard case .mapping(let pairs) = content else { return nil }
        for pair in pairs where pair.key.scalar?.text == key {
            return pair.value
        }
        return nil
    }

    /// A short word for the node's shape, for messages: "mapping", "sequence", "string", …
    public var kindDescription: String {
        switch content {
        case .mapping: return "mapping"
        case .sequence: return "sequence"
        case .scalar(let scalar):
            switch scalar.value {
            case .null: return "null"
            case .bool: return "boolean"
            case .int: return "integer"
            case .double: return "number"
            case .string: return "string"
            }
        }
    }
}
