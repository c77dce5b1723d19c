/// A coding key for any JSON member name: generated structs of open objects (`additionalProperties`
/// beside `properties`, JSON Schema 2020-12 §10.3.2.3) use it to read and write the members their
/// `CodingKeys` do not list.
public struct DynamicCodingKey: CodingKey, Hashable, Sendable {
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
}

extension Decoder {
    /// The members of the object being decoded whose names `Keys` does not list, each decoded as
    /// `Value`: what an open object's struct keeps in its additional-properties map.
    /// - Throws: `DecodingError` when the value is not an object or a member is not a `Value`.
    public func additionalProperties<Value: Decodable, Keys: CodingKey & CaseIterable>(
        _ type: Value.Type, excluding keys: Keys.Type
    ) throws -> [String: Value] {
        let known = Set(Keys.allCases.map(\.stringValue))
        let container = try self.container(keyedBy: DynamicCodingKey.self)
        var result: [String: Value] = [:]
        for key in container.allKeys where !known.contains(key.stringValue) {
            result[key.stringValue] = try container.decode(Value.self, forKey: key)
        }
        return result
    }
}

extension Encoder {
    /// Writes `values` as members of the object being encoded, beside the ones `Keys` lists (a
    /// member whose name `Keys` lists is skipped, so a declared property is never written twice).
    public func encodeAdditionalProperties<Value: Encodable, Keys: CodingKey & CaseIterable>(
        _ values: [String: Value], excluding keys: Keys.Type
    ) throws {
        guard !values.isEmpty else { return }
        let known = Set(Keys.allCases.map(\.stringValue))
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
