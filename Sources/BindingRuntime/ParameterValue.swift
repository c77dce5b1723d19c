import Foundation

/// A value as parameter styles, form bodies and multipart bodies see it: scalars as their text,
/// arrays, objects with their keys in encoding order (a generated struct's property order), and
/// files. Built from any `Encodable` by `init(encoding:)`, so one encoder serves every
/// generated type instead of per-operation code.
public enum ParameterValue: Hashable, Sendable {
    /// `null`: left out of queries, forms and multipart bodies.
    case null
    /// A string, number or boolean as text; `isString` tells a JSON string from a JSON literal
    /// (`"100"` and `100`), for JSON parts.
    case scalar(String, isString: Bool)
    case array([ParameterValue])
    /// Keys in the order the value encoded them (dictionaries: sorted by key).
    case object([Field])
    /// Bytes with an optional file name and content type (a multipart file part).
    case file(MultipartFile)

    public struct Field: Hashable, Sendable {
        public var key: String
        public var value: ParameterValue
        public init(key: String, value: ParameterValue) {
            self.key = key
            self.value = value
        }
    }

    /// The value as the generated clients' JSON coders see it, in encoding order: dates as
    /// RFC 3339 text (`DateTimeFormat`), `Data` as a file (base64 text outside multipart bodies),
    /// `MultipartFile` as a file.
    /// - Throws: the value's own `EncodingError`.
    public init<T: Encodable>(encoding value: T) throws {
        try self.init(encoding: value, userInfo: [:])
    }

    /// As `init(encoding:)`, the encoder's `userInfo` giving `direction`
    /// (`JSONCoding.directionKey`): with `.request`, generated structs leave out their `readOnly`
    /// properties. Request bodies and parameters are encoded so (`RequestEncoding`).
    public init<T: Encodable>(encoding value: T, direction: CodingDirection) throws {
        try self.init(encoding: value, userInfo: [JSONCoding.directionKey: direction])
    }

    private init<T: Encodable>(encoding value: T, userInfo: [CodingUserInfoKey: Any]) throws {
        let node = ParameterNode(userInfo: userInfo)
        try node.encode(value, codingPath: [])
        self = node.value
    }

    /// The text of a scalar (a file: its bytes in base64); nil for arrays, objects and null.
    public var scalarText: String? {
        switch self {
        case .scalar(let text, _): return text
        case .file(let file): return file.data.base64EncodedString()
        case .null, .array, .object: return nil
        }
    }

    /// The value as JSON text (keys in encoding order; files as base64 strings).
    public var jsonText: String {
        switch self {
        case .null: return "null"
        case .scalar(let text, let isString): return isString ? Self.quoted(text) : text
        case .file(let file): return Self.quoted(file.data.base64EncodedString())
        case .array(let items): return "[" + items.map(\.jsonText).joined(separator: ",") + "]"
        case .object(let fields): return "{" + fields.map { Self.quoted($0.key) + ":" + $0.value.jsonText }.joined(separator: ",") + "}"
        }
    }

    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 {
                    result += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count) + String(scalar.value, radix: 16)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}

/// Marks `[String: V]`, whose keys come in no fixed order: they are sorted.
fileprivate protocol StringKeyedDictionary {}
extension Dictionary: StringKeyedDictionary where Key == String {}

/// A mutable tree the encoder fills; `value` freezes it.
private final class ParameterNode {
    enum Storage {
        case empty
        case value(ParameterValue)
        case array([ParameterNode])
        case object([(String, ParameterNode)])
    }

    var storage: Storage = .empty
    var sortsKeys = false
    /// The encoders' `userInfo` (the direction), shared by the whole tree.
    let userInfo: [CodingUserInfoKey: Any]

    init(userInfo: [CodingUserInfoKey: Any]) {
        self.userInfo = userInfo
    }

    var value: ParameterValue {
        switch storage {
        case .empty: return .null
        case .value(let value): return value
        case .array(let nodes): return .array(nodes.map(\.value))
        case .object(let pairs):
            var fields = pairs.map { ParameterValue.Field(key: $0.0, value: $0.1.value) }
            if sortsKeys { fields.sort { Array($0.key.utf8).lexicographicallyPrecedes(Array($1.key.utf8)) } }
            return .object(fields)
        }
    }

    func encode<T: Encodable>(_ value: T, codingPath: [any CodingKey]) throws {
        switch value {
        case let date as Date: storage = .value(.scalar(DateTimeFormat.string(from: date), isString: true))
        case let file as MultipartFile: storage = .value(.file(file))
        case let data as Data: storage = .value(.file(MultipartFile(data)))
        case let url as URL: storage = .value(.scalar(url.absoluteString, isString: true))
        case let decimal as Decimal: storage = .value(.scalar(decimal.description, isString: false))
        default:
            try value.encode(to: ParameterValueEncoder(node: self, codingPath: codingPath))
            if value is any StringKeyedDictionary { sortsKeys = true }
        }
    }

    func becomeObject() {
        if case .object = storage { return }
        storage = .object([])
    }

    func becomeArray() {
        if case .array = storage { return }
        storage = .array([])
    }

    func child(for key: String) -> ParameterNode {
        becomeObject()
        guard case .object(var pairs) = storage else { return ParameterNode(userInfo: userInfo) }
        if let existing = pairs.first(where: { $0.0 == key }) { return existing.1 }
        let node = ParameterNode(userInfo: userInfo)
        pairs.append((key, node))
        storage = .object(pairs)
        return node
    }

    func appendChild() -> ParameterNode {
        becomeArray()
        guard case .array(var nodes) = storage else { return ParameterNode(userInfo: userInfo) }
        let node = ParameterNode(userInfo: userInfo)
        nodes.append(node)
        storage = .array(nodes)
        return node
    }

    var count: Int {
        if case .array(let nodes) = storage { return nodes.count }
        return 0
    }

    static func number<N: LosslessStringConvertible>(_ value: N) -> ParameterValue { .scalar(String(value), isString: false) }

    static func floating<F: BinaryFloatingPoint & LosslessStringConvertible>(_ value: F) -> ParameterValue {
        // Integral values as integers, as the JSON encoder writes them (`100`, not `100.0`).
        if value.isFinite, value == value.rounded(), abs(value) < 9_007_199_254_740_992 {
            return .scalar(String(Int64(value)), isString: false)
        }
        return .scalar(String(value), isString: false)
    }
}

private struct ParameterValueEncoder: Encoder {
    let node: ParameterNode
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { node.userInfo }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        node.becomeObject()
        return KeyedEncodingContainer(Keyed<Key>(node: node, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        node.becomeArray()
        return Unkeyed(node: node, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { Single(node: node, codingPath: codingPath) }

    struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let node: ParameterNode
        let codingPath: [any CodingKey]

        mutating func encodeNil(forKey key: Key) throws { node.child(for: key.stringValue).storage = .value(.null) }
        mutating func encode(_ value: Bool, forKey key: Key) throws { try node.child(for: key.stringValue).encode(value, codingPath: codingPath + [key]) }
        mutating func encode(_ value: String, forKey key: Key) throws { try node.child(for: key.stringValue).encode(value, codingPath: codingPath + [key]) }
        mutating func encode(_ value: Double, forKey key: Key) throws { try node.child(for: key.stringValue).encode(value, codingPath: codingPath + [key]) }
        mutating func encode(_ value: Float, forKey key: Key) throws { try node.child(for: key.stringValue).encode(value, codingPath: codingPath + [key]) }
        mutating func encode(_ value: Int, forKey key: Key) throws { try node.child(for: key.stringValue).encode(value, codingPath: codingPath + [key]) }
        mutating func encode(_ value: Int8, forKey key: Key) throws { try node.child(for: key.stringValue).encode(value, codingPath: codingPath + [key]) }
        mutating func encode(_ value: Int16, forKey key: Key) throws { try node.child(for: key.stringValue).encode(value, codingPath: codingPath + [key]) }
        mutating func encode(_ value: Int32, forKey key: Key) throws { try node.child(for: key.stringValue).encode(value, codingPath: codingPath + [key]) }
        mutating func encode(_ value: Int64, forKey key: Key) throws { try node.child(for: key.stringValue).encode(value, codingPath: codingPath + [key]) }
        mutating func encode(_ value: UInt, forKey key: Key) throws { try node.child(for: key.stringValue).encode(value, codingPath: codingPath + [key]) }
        mutating func encode(_ value: UInt8, forKey key: Key) throws { try node.child(for: key.stringValue).encode(value, codingPath: codingPath + [key]) }
        mutating func encode(_ value: UInt16, forKey key: Key) throws { try node.child(for: key.stringValue).encode(value, codingPath: codingPath + [key]) }
        mutating func encode(_ value: UInt32, forKey key: Key) throws { try node.child(for: key.stringValue).encode(value, codingPath: codingPath + [key]) }
        mutating func encode(_ value: UInt64, forKey key: Key) throws { try node.child(for: key.stringValue).encode(value, codingPath: codingPath + [key]) }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            try node.child(for: key.stringValue).encode(value, codingPath: codingPath + [key])
        }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            let child = node.child(for: key.stringValue)
            child.becomeObject()
            return KeyedEncodingContainer(Keyed<NestedKey>(node: child, codingPath: codingPath + [key]))
        }
        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            let child = node.child(for: key.stringValue)
            child.becomeArray()
            return Unkeyed(node: child, codingPath: codingPath + [key])
        }
        mutating func superEncoder() -> any Encoder { ParameterValueEncoder(node: node.child(for: "super"), codingPath: codingPath) }
        mutating func superEncoder(forKey key: Key) -> any Encoder {
            ParameterValueEncoder(node: node.child(for: key.stringValue), codingPath: codingPath + [key])
        }
    }

    struct Unkeyed: UnkeyedEncodingContainer {
        let node: ParameterNode
        let codingPath: [any CodingKey]
        var count: Int { node.count }

        mutating func encodeNil() throws { node.appendChild().storage = .value(.null) }
        mutating func encode(_ value: Bool) throws { try node.appendChild().encode(value, codingPath: codingPath) }
        mutating func encode(_ value: String) throws { try node.appendChild().encode(value, codingPath: codingPath) }
        mutating func encode(_ value: Double) throws { try node.appendChild().encode(value, codingPath: codingPath) }
        mutating func encode(_ value: Float) throws { try node.appendChild().encode(value, codingPath: codingPath) }
        mutating func encode(_ value: Int) throws { try node.appendChild().encode(value, codingPath: codingPath) }
        mutating func encode(_ value: Int8) throws { try node.appendChild().encode(value, codingPath: codingPath) }
        mutating func encode(_ value: Int16) throws { try node.appendChild().encode(value, codingPath: codingPath) }
        mutating func encode(_ value: Int32) throws { try node.appendChild().encode(value, codingPath: codingPath) }
        mutating func encode(_ value: Int64) throws { try node.appendChild().encode(value, codingPath: codingPath) }
        mutating func encode(_ value: UInt) throws { try node.appendChild().encode(value, codingPath: codingPath) }
        mutating func encode(_ value: UInt8) throws { try node.appendChild().encode(value, codingPath: codingPath) }
        mutating func encode(_ value: UInt16) throws { try node.appendChild().encode(value, codingPath: codingPath) }
        mutating func encode(_ value: UInt32) throws { try node.appendChild().encode(value, codingPath: codingPath) }
        mutating func encode(_ value: UInt64) throws { try node.appendChild().encode(value, codingPath: codingPath) }
        mutating func encode<T: Encodable>(_ value: T) throws { try node.appendChild().encode(value, codingPath: codingPath) }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            let child = node.appendChild()
            child.becomeObject()
            return KeyedEncodingContainer(Keyed<NestedKey>(node: child, codingPath: codingPath))
        }
        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            let child = node.appendChild()
            child.becomeArray()
            return Unkeyed(node: child, codingPath: codingPath)
        }
        mutating func superEncoder() -> any Encoder { ParameterValueEncoder(node: node.appendChild(), codingPath: codingPath) }
    }

    struct Single: SingleValueEncodingContainer {
        let node: ParameterNode
        let codingPath: [any CodingKey]

        mutating func encodeNil() throws { node.storage = .value(.null) }
        mutating func encode(_ value: Bool) throws { node.storage = .value(.scalar(value ? "true" : "false", isString: false)) }
        mutating func encode(_ value: String) throws { node.storage = .value(.scalar(value, isString: true)) }
        mutating func encode(_ value: Double) throws { node.storage = .value(ParameterNode.floating(value)) }
        mutating func encode(_ value: Float) throws { node.storage = .value(ParameterNode.floating(value)) }
        mutating func encode(_ value: Int) throws { node.storage = .value(ParameterNode.number(value)) }
        mutating func encode(_ value: Int8) throws { node.storage = .value(ParameterNode.number(value)) }
        mutating func encode(_ value: Int16) throws { node.storage = .value(ParameterNode.number(value)) }
        mutating func encode(_ value: Int32) throws { node.storage = .value(ParameterNode.number(value)) }
        mutating func encode(_ value: Int64) throws { node.storage = .value(ParameterNode.number(value)) }
        mutating func encode(_ value: UInt) throws { node.storage = .value(ParameterNode.number(value)) }
        mutating func encode(_ value: UInt8) throws { node.storage = .value(ParameterNode.number(value)) }
        mutating func encode(_ value: UInt16) throws { node.storage = .value(ParameterNode.number(value)) }
        mutating func encode(_ value: UInt32) throws { node.storage = .value(ParameterNode.number(value)) }
        mutating func encode(_ value: UInt64) throws { node.storage = .value(ParameterNode.number(value)) }
        mutating func encode<T: Encodable>(_ value: T) throws { try node.encode(value, codingPath: codingPath) }
    }
}
