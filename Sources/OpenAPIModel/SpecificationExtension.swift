import YAMLParsing

/// An `x-…` key of an object and its value (OpenAPI 3.0 §4.7.24 / 3.1 §4.8.29, Specification
/// Extensions), in document order.
public struct SpecificationExtension: Hashable, Sendable {
    /// The key, `x-` included.
    public var key: String
    public var value: Node

    public init(key: String, value: Node) {
        self.key = key
        self.value = value
    }
}
