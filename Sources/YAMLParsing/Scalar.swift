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
    /// The resolved value without a second copy of the text (trees hold many scalars).
    private var kind: Kind

    private enum Kind: Hashable, Sendable {
        case null, bool(Bool), int(Int64), double(Double), string
    }

    public init(text: String, style: Style, value: Value) {
        self.text = text
        self.style = style
        switch value {
        case .null: kind = .null
        case .bool(let flag): kind = .bool(flag)
        case .int(let int): kind = .int(int)
        case .double(let double): kind = .double(double)
        case .string(let string):
            kind = .string
            if string != text { self.text = string }  // a `.string` value is always the text
        }
    }

    /// The resolved value.
    public var value: Value {
        switch kind {
        case .null: return .null
        case .bool(let flag): return .bool(flag)
        case .int(let int): return .int(int)
        case .double(let double): return .double(double)
        case .string: return .string(text)
        }
    }

    /// Whether the scalar resolved to a string (no copy of the text made).
    public var isString: Bool { kind == .string }
}
