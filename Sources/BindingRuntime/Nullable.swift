/// An explicit JSON `null`, or a value: the type of a property the spec declares optional *and*
/// nullable (`Nullable<String>?`), so that all three states of the wire survive (PATCH semantics,
/// RFC 7396): `nil` — the key is absent (not sent); `.null` — sent and received as `null`;
/// `.value(x)` — the value. Only such properties use it; a required nullable property is a
/// plain optional that encodes `nil` as `null`.
///
/// ```swift
/// var patch = MeterPatch(name: "Main", note: .null)   // {"name":"Main","note":null}
/// if case .value(let note)? = meter.note { print(note) }
/// ```
public enum Nullable<Wrapped> {
    case null
    case value(Wrapped)

    /// The value, nil for `.null`.
    public var value: Wrapped? {
        if case .value(let wrapped) = self { return wrapped }
        return nil
    }

    /// `.value(x)` for a value, `.null` for nil.
    public init(_ value: Wrapped?) {
        self = value.map { .value($0) } ?? .null
    }
}

extension Nullable: Sendable where Wrapped: Sendable {}
extension Nullable: Equatable where Wrapped: Equatable {}
extension Nullable: Hashable where Wrapped: Hashable {}

extension Nullable: Decodable where Wrapped: Decodable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        self = container.decodeNil() ? .null : .value(try container.decode(Wrapped.self))
    }
}

extension Nullable: Encodable where Wrapped: Encodable {
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .value(let wrapped): try container.encode(wrapped)
        }
    }
}

extension Nullable: ExpressibleByUnicodeScalarLiteral where Wrapped: ExpressibleByStringLiteral {
    public init(unicodeScalarLiteral value: Wrapped.StringLiteralType) { self = .value(Wrapped(stringLiteral: value)) }
}
extension Nullable: ExpressibleByExtendedGraphemeClusterLiteral where Wrapped: ExpressibleByStringLiteral {
    public init(extendedGraphemeClusterLiteral value: Wrapped.StringLiteralType) { self = .value(Wrapped(stringLiteral: value)) }
}
extension Nullable: ExpressibleByStringLiteral where Wrapped: ExpressibleByStringLiteral {
    public init(stringLiteral value: Wrapped.StringLiteralType) { self = .value(Wrapped(stringLiteral: value)) }
}
extension Nullable: ExpressibleByIntegerLiteral where Wrapped: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Wrapped.IntegerLiteralType) { self = .value(Wrapped(integerLiteral: value)) }
}
extension Nullable: ExpressibleByBooleanLiteral where Wrapped: ExpressibleByBooleanLiteral {
    public init(booleanLiteral value: Wrapped.BooleanLiteralType) { self = .value(Wrapped(booleanLiteral: value)) }
}

extension KeyedDecodingContainer {
    /// For an optional *and* nullable property: nil when the key is absent, `.null` for `null`.
    /// A value that is present (the common case) is looked up once; `contains` tells an absent
    /// key from `null` only when there is no value.
    public func decodeNullable<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> Nullable<T>? {
        if let value = try decodeIfPresent(T.self, forKey: key) { return .value(value) }
        return contains(key) ? .null : nil
    }
}
