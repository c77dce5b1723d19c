/// Bounds that protect the loader from hostile input. Exceeding one is a located error, never a
/// crash or an unbounded allocation.
public struct YAMLLimits: Sendable, Hashable {
    /// Largest accepted document, in bytes. Default 64 MiB.
    public var maxDocumentBytes: Int
    /// Deepest accepted nesting of mappings and sequences. Default 1,000.
    public var maxDepth: Int
    /// Largest number of nodes the tree may stand for once every alias is expanded
    /// ("billion laughs" defence). Default 10,000,000.
    public var maxExpandedNodes: Int

    public init(maxDocumentBytes: Int = 64 << 20, maxDepth: Int = 1_000, maxExpandedNodes: Int = 10_000_000) {
        self.maxDocumentBytes = maxDocumentBytes
        self.maxDepth = maxDepth
        self.maxExpandedNodes = maxExpandedNodes
    }

    public static let `default` = YAMLLimits()
}
