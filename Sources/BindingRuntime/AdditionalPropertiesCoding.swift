/// A coding key for any JSON member name. Generated `init(from:)` and `encode(to:)` name every
/// member with it, as a string literal (`forKey: "meterId"`), instead of declaring a `CodingKeys`
/// enum per struct; open objects (`additionalProperties` beside `properties`, JSON Schema
/// 2020-12 §10.3.2.3) also read and write the members no property declares with it.
public struct DynamicCodingKey: CodingKey, Hashable, Sendable, ExpressibleByStringLiteral {
    public var stringValue: String
    public var intValue: Int? { nil }

    public init(_ name: String) {
        self.stringValue = name
    }

    public init?(stringValue: String) {
        self.stringValue = stringValue
    }

    public init?(intValue: Int) {
        return nil
    }

    public init(stringLiteral name: String) {
        self.stringValue = name
    }
}

extension Decoder {
    /// The members of the object being decoded whose names are not `declared`, each decoded as
    /// `Value`: what an open object's struct keeps in its additional-properties map.
    /// - Throws: `DecodingError` when the value is not an object or a member is not a `Value`.
    public func additionalProperties<Value: Decodable>(
        _ type: Value.Type, excluding declared: [String]
    ) throws -> [String: Value] {
        let known = Set(declared)
        let container = try self.container(keyedBy: DynamicCodingKey.self)
        var result: [String: Value] = [:]
        for key in container.allKeys where !known.contains(key.stringValue) {
            result[key.stringValue] = try container.decode(Value.self, forKey: key)
        }
        return result
    }
}

extension Encoder {
    /// Writes `values` as members of the object being encoded, beside the `declared` ones (a
    /// member whose name is declared is skipped, so a declared property is never written twice).
    public func encodeAdditionalProperties<Value: Encodable>(
        _ values: [String: Value], excluding declared: [String]
    ) throws {
        guard !values.isEmpty else { return }
        let known = Set(declared)
        var container = self.container(keyedBy: DynamicCodingKey.self)
        // Sorted: the output does not depend on the dictionary's order.
        for name in values.keys.sorted() where !known.contains(name) {
            try container.encode(values[name]!, forKey: DynamicCodingKey(name))
        }
    }

    /// The value is encoded as a request body (`JSONCoding.requestEncoder()`): generated structs
    /// leave out their `readOnly` properties (OpenAPI 3.0.3 §4.7.24 / 3.1.0 §4.8.24: "SHOULD NOT
    /// be sent as part of the request").
    public var isEncodingRequest: Bool {
        userInfo[JSONCoding.directionKey] as? CodingDirection == .request
    }
}

/// Which way a value travels, for `readOnly` and `writeOnly` (OpenAPI 3.0.3 §4.7.24, 3.1.0
/// §4.8.24; JSON Schema Validation 2020-12 §9.4): a required `readOnly` property is required in
/// responses only, a required `writeOnly` property in requests only.
public enum CodingDirection: Sendable, Hashable {
    /// Both requirements apply (`Validatable.validate()` by default).
    case any
    /// A request body: `readOnly` properties are neither required nor sent.
    case request
    /// A response body: `writeOnly` properties are not required.
    case response
}
