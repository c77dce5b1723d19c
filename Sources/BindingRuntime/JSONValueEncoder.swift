import Foundation

/// Encodes an `Encodable` value straight into a `JSONValue`, with no JSON bytes in between: the
/// value `JSONValue.parse` would read back from `JSONCoding.encoder()`'s (or
/// `requestEncoder()`'s) output, built without writing or parsing that text. Validation
/// (`Validatable.validate()`, the generated operations' request checks) uses it.
///
/// What it reproduces of the JSON coders:
/// - `Date` as its RFC 3339 text (`DateTimeFormat.string(from:)`), `Data` as base64 text, `URL`
///   as its absolute string, `Decimal` as a number;
/// - numbers as the JSON text is read back: an integer literal that fits in `Int64` is
///   `.integer`; any other number (fractions, exponents, `UInt64` beyond `Int64.max`) is
///   `.number`. Floating-point values go through the text `JSONEncoder` writes (their shortest
///   round-trip form with a trailing `.0` dropped, so `2.0` reads back as the integer `2`);
/// - a nested value that encodes nothing is `{}`; a top-level one, like a NaN or an infinity
///   anywhere (which `JSONEncoder` refuses), makes the result `.null`;
/// - the `userInfo` the coders set (`JSONCoding.directionKey`), so `readOnly` properties are left
///   out when encoding a request (`Encoder.isEncodingRequest`).
enum JSONValueEncoding {
    /// - Parameter direction: `.request` as `JSONCoding.requestEncoder()` (readOnly properties
    ///   left out), else as `JSONCoding.encoder()`.
    static func value<T: Encodable>(of value: T, direction: CodingDirection?) -> JSONValue {
        let context = JSONValueEncodingContext(direction: direction)
        guard let result = try? context.encode(value, codingPath: [], isTopLevel: true) else { return .null }
        return result
    }
}

/// Shared by every encoder of one `JSONValueEncoding.value(of:direction:)` call.
final class JSONValueEncodingContext {
    let userInfo: [CodingUserInfoKey: Any]

    init(direction: CodingDirection?) {
        if let direction { userInfo = [JSONCoding.directionKey: direction] } else { userInfo = [:] }
    }

    /// The JSON value of one value, the special cases of `JSONCoding.encoder()` first.
    func encode<T: Encodable>(_ value: T, codingPath: [any CodingKey], isTopLevel: Bool = false) throws -> JSONValue {
        if T.self == Date.self { return .string(DateTimeFormat.string(from: value as! Date)) }
        if T.self == Data.self { return .string((value as! Data).base64EncodedString()) }
        if T.self == URL.self { return .string((value as! URL).absoluteString) }
        if T.self == Decimal.self { return JSONValueNode.number(text: (value as! Decimal).description) }
        let node = JSONValueNode()
        try value.encode(to: JSONValueEncoderImpl(node: node, context: self, codingPath: codingPath))
        if case .empty = node.storage {
            if isTopLevel {
                throw EncodingError.invalidValue(value, .init(codingPath: codingPath, debugDescription: "Top-level \(T.self) did not encode any values."))
            }
            return .object([:])
        }
        return node.finish()
    }
}

/// What one encoder (and the containers it hands out) fills in.
final class JSONValueNode {
    enum Storage {
        case empty
        case value(JSONValue)
        /// Members set directly, and nested containers or super encoders still being filled.
        case object([String: JSONValue], pending: [(String, JSONValueNode)])
        case array([JSONValue], pending: [(Int, JSONValueNode)])
    }

    var storage: Storage = .empty

    func finish() -> JSONValue {
        switch storage {
        case .empty: return .object([:])
        case .value(let value): return value
        case .object(var members, let pending):
            for (key, node) in pending { members[key] = node.finish() }
            return .object(members)
        case .array(var items, let pending):
            for (index, node) in pending { items[index] = node.finish() }
            return .array(items)
        }
    }

    func set(_ value: JSONValue, forKey key: String) {
        if case .object(var members, let pending) = storage {
            storage = .empty  // keeps `members` uniquely referenced while it changes
            members[key] = value
            storage = .object(members, pending: pending.isEmpty ? pending : pending.filter { $0.0 != key })
        } else {
            var members = Self.newObject()
            members[key] = value
            storage = .object(members, pending: [])
        }
    }

    func child(forKey key: String) -> JSONValueNode {
        let node = JSONValueNode()
        becomeObject()
        if case .object(var members, var pending) = storage {
            storage = .empty
            members[key] = .null  // placeholder; `finish` replaces it
            pending.append((key, node))
            storage = .object(members, pending: pending)
        }
        return node
    }

    func append(_ value: JSONValue) {
        becomeArray()
        if case .array(var items, let pending) = storage {
            storage = .empty
            items.append(value)
            storage = .array(items, pending: pending)
        }
    }

    func appendChild() -> JSONValueNode {
        let node = JSONValueNode()
        becomeArray()
        if case .array(var items, var pending) = storage {
            storage = .empty
            pending.append((items.count, node))
            items.append(.null)
            storage = .array(items, pending: pending)
        }
        return node
    }

    var count: Int {
        if case .array(let items, _) = storage { return items.count }
        return 0
    }

    func becomeObject() {
        if case .object = storage { return }
        storage = .object(Self.newObject(), pending: [])
    }

    /// Room for a typical model's members at once, instead of regrowing from one.
    static func newObject() -> [String: JSONValue] { Dictionary(minimumCapacity: 8) }

    func becomeArray() {
        if case .array = storage { return }
        storage = .array([], pending: [])
    }

    static func integer<N: BinaryInteger>(_ value: N) -> JSONValue {
        if let exact = Int64(exactly: value) { return .integer(exact) }
        return .number(Double(value))
    }

    /// The value `JSONValue.parse` reads from `text`, a number as `JSONEncoder` writes it.
    static func number(text: String) -> JSONValue {
        if !text.utf8.contains(where: { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }), let integer = Int64(text) {
            return .integer(integer)
        }
        return Double(text).map(JSONValue.number) ?? .null
    }

    /// `JSONEncoder`'s text for a floating-point value (its `description`, without a trailing
    /// `.0`), read back as `JSONValue.parse` would.
    /// - Throws: `EncodingError.invalidValue` for NaN and infinities, as `JSONEncoder` does.
    static func floating<F: BinaryFloatingPoint & LosslessStringConvertible>(_ value: F, codingPath: [any CodingKey]) throws -> JSONValue {
        guard value.isFinite else {
            throw EncodingError.invalidValue(value, .init(codingPath: codingPath, debugDescription: "\(value) is not a valid JSON number"))
        }
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        return number(text: text)
    }
}

private struct JSONValueEncoderImpl: Encoder {
    let node: JSONValueNode
    let context: JSONValueEncodingContext
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { context.userInfo }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        node.becomeObject()
        return KeyedEncodingContainer(Keyed<Key>(node: node, context: context, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        node.becomeArray()
        return Unkeyed(node: node, context: context, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        Single(node: node, context: context, codingPath: codingPath)
    }

    struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let node: JSONValueNode
        let context: JSONValueEncodingContext
        let codingPath: [any CodingKey]

        mutating func encodeNil(forKey key: Key) throws { node.set(.null, forKey: key.stringValue) }
        mutating func encode(_ value: Bool, forKey key: Key) throws { node.set(.bool(value), forKey: key.stringValue) }
        mutating func encode(_ value: String, forKey key: Key) throws { node.set(.string(value), forKey: key.stringValue) }
        mutating func encode(_ value: Double, forKey key: Key) throws {
            node.set(try JSONValueNode.floating(value, codingPath: codingPath + [key]), forKey: key.stringValue)
        }
        mutating func encode(_ value: Float, forKey key: Key) throws {
            node.set(try JSONValueNode.floating(value, codingPath: codingPath + [key]), forKey: key.stringValue)
        }
        mutating func encode(_ value: Int, forKey key: Key) throws { node.set(.integer(Int64(value)), forKey: key.stringValue) }
        mutating func encode(_ value: Int8, forKey key: Key) throws { node.set(.integer(Int64(value)), forKey: key.stringValue) }
        mutating func encode(_ value: Int16, forKey key: Key) throws { node.set(.integer(Int64(value)), forKey: key.stringValue) }
        mutating func encode(_ value: Int32, forKey key: Key) throws { node.set(.integer(Int64(value)), forKey: key.stringValue) }
        mutating func encode(_ value: Int64, forKey key: Key) throws { node.set(.integer(value), forKey: key.stringValue) }
        mutating func encode(_ value: UInt, forKey key: Key) throws { node.set(JSONValueNode.integer(value), forKey: key.stringValue) }
        mutating func encode(_ value: UInt8, forKey key: Key) throws { node.set(.integer(Int64(value)), forKey: key.stringValue) }
        mutating func encode(_ value: UInt16, forKey key: Key) throws { node.set(.integer(Int64(value)), forKey: key.stringValue) }
        mutating func encode(_ value: UInt32, forKey key: Key) throws { node.set(.integer(Int64(value)), forKey: key.stringValue) }
        mutating func encode(_ value: UInt64, forKey key: Key) throws { node.set(JSONValueNode.integer(value), forKey: key.stringValue) }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            node.set(try context.encode(value, codingPath: codingPath + [key]), forKey: key.stringValue)
        }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            let child = node.child(forKey: key.stringValue)
            child.becomeObject()
            return KeyedEncodingContainer(Keyed<NestedKey>(node: child, context: context, codingPath: codingPath + [key]))
        }
        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            let child = node.child(forKey: key.stringValue)
            child.becomeArray()
            return Unkeyed(node: child, context: context, codingPath: codingPath + [key])
        }
        mutating func superEncoder() -> any Encoder {
            JSONValueEncoderImpl(node: node.child(forKey: "super"), context: context, codingPath: codingPath)
        }
        mutating func superEncoder(forKey key: Key) -> any Encoder {
            JSONValueEncoderImpl(node: node.child(forKey: key.stringValue), context: context, codingPath: codingPath + [key])
        }
    }

    struct Unkeyed: UnkeyedEncodingContainer {
        let node: JSONValueNode
        let context: JSONValueEncodingContext
        let codingPath: [any CodingKey]
        var count: Int { node.count }

        mutating func encodeNil() throws { node.append(.null) }
        mutating func encode(_ value: Bool) throws { node.append(.bool(value)) }
        mutating func encode(_ value: String) throws { node.append(.string(value)) }
        mutating func encode(_ value: Double) throws { node.append(try JSONValueNode.floating(value, codingPath: codingPath)) }
        mutating func encode(_ value: Float) throws { node.append(try JSONValueNode.floating(value, codingPath: codingPath)) }
        mutating func encode(_ value: Int) throws { node.append(.integer(Int64(value))) }
        mutating func encode(_ value: Int8) throws { node.append(.integer(Int64(value))) }
        mutating func encode(_ value: Int16) throws { node.append(.integer(Int64(value))) }
        mutating func encode(_ value: Int32) throws { node.append(.integer(Int64(value))) }
        mutating func encode(_ value: Int64) throws { node.append(.integer(value)) }
        mutating func encode(_ value: UInt) throws { node.append(JSONValueNode.integer(value)) }
        mutating func encode(_ value: UInt8) throws { node.append(.integer(Int64(value))) }
        mutating func encode(_ value: UInt16) throws { node.append(.integer(Int64(value))) }
        mutating func encode(_ value: UInt32) throws { node.append(.integer(Int64(value))) }
        mutating func encode(_ value: UInt64) throws { node.append(JSONValueNode.integer(value)) }
        mutating func encode<T: Encodable>(_ value: T) throws { node.append(try context.encode(value, codingPath: codingPath)) }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            let child = node.appendChild()
            child.becomeObject()
            return KeyedEncodingContainer(Keyed<NestedKey>(node: child, context: context, codingPath: codingPath))
        }
        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            let child = node.appendChild()
            child.becomeArray()
            return Unkeyed(node: child, context: context, codingPath: codingPath)
        }
        mutating func superEncoder() -> any Encoder {
            JSONValueEncoderImpl(node: node.appendChild(), context: context, codingPath: codingPath)
        }
    }

    struct Single: SingleValueEncodingContainer {
        let node: JSONValueNode
        let context: JSONValueEncodingContext
        let codingPath: [any CodingKey]

        mutating func encodeNil() throws { node.storage = .value(.null) }
        mutating func encode(_ value: Bool) throws { node.storage = .value(.bool(value)) }
        mutating func encode(_ value: String) throws { node.storage = .value(.string(value)) }
        mutating func encode(_ value: Double) throws { node.storage = .value(try JSONValueNode.floating(value, codingPath: codingPath)) }
        mutating func encode(_ value: Float) throws { node.storage = .value(try JSONValueNode.floating(value, codingPath: codingPath)) }
        mutating func encode(_ value: Int) throws { node.storage = .value(.integer(Int64(value))) }
        mutating func encode(_ value: Int8) throws { node.storage = .value(.integer(Int64(value))) }
        mutating func encode(_ value: Int16) throws { node.storage = .value(.integer(Int64(value))) }
        mutating func encode(_ value: Int32) throws { node.storage = .value(.integer(Int64(value))) }
        mutating func encode(_ value: Int64) throws { node.storage = .value(.integer(value)) }
        mutating func encode(_ value: UInt) throws { node.storage = .value(JSONValueNode.integer(value)) }
        mutating func encode(_ value: UInt8) throws { node.storage = .value(.integer(Int64(value))) }
        mutating func encode(_ value: UInt16) throws { node.storage = .value(.integer(Int64(value))) }
        mutating func encode(_ value: UInt32) throws { node.storage = .value(.integer(Int64(value))) }
        mutating func encode(_ value: UInt64) throws { node.storage = .value(JSONValueNode.integer(value)) }
        mutating func encode<T: Encodable>(_ value: T) throws { node.storage = .value(try context.encode(value, codingPath: codingPath)) }
    }
}
