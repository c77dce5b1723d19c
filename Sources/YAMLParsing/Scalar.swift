/// A YAML scalar: its source text, its presentation style and the value it resolves to under the
/// YAML 1.2 core schema (YAML 1.2.2 §10.3.2). Quoted scalars and scalars tagged `!` or `!!str`
/// are always strings; so `NO`, `yes` and `on` stay strings, unlike YAML 1.1.
public struct Scalar: Sendable, Hashable {
    public enum Style: Sendable, Hashable {
        case plain, singleQuoted, doubleQuoted, literal, folded
    }

    /// The resolved value.
    public enum Value: Sendable, Hashable {
        case null
        case bool(Bool)
        /// An integer that fits in `Int64` (decimal, `0o` octal or `0x` hex).
        case int(Int64)
        /// A float, or an integer too large for `Int64` (the text is kept in `Scalar.text`).
        case double(Double)
        case string(String)
    }

    /// The scalar's text after YAML unescaping and folding, before resolution.
    public var text: String
    public var style: Style
    public var value: Value

    public init(text: String, style: Style, value: Value) {
        self.text = text
        self.style = style
        self.value = value
    }
}
