import Foundation

/// How generated unions (`oneOf`, `anyOf` and 3.1 type arrays, bound as Swift enums) pick
/// their case when decoding. Generated code calls one of these and then decodes the chosen
/// case's payload from the same decoder; `nil` means no case: the enum's `unknown(JSONValue)`
/// keeps the value as received, and encodes it back unchanged.
public enum UnionDecoding {
    /// With a discriminator (OpenAPI 3.x Discriminator Object): the case for the value of the
    /// string property `property`, looked up in `values` (discriminator value → case index).
    /// Nil when the value is not an object, has no such string property, or the spec does not
    /// list the value (a variant added to the API after this version of the spec).
    public static func discriminated(_ decoder: any Decoder, property: String, values: [String: Int]) -> Int? {
        guard let container = try? decoder.container(keyedBy: UnionKey.self),
              let value = try? container.decodeIfPresent(String.self, forKey: UnionKey(property)) else { return nil }
        return values[value]
    }

    /// Without a discriminator: by what validates (JSON Schema semantics, not "the first that
    /// decodes": a struct whose properties are all optional decodes from any object).
    ///
    /// `kinds` has one entry per branch of the union schema's `oneOf` (else `anyOf`, else its
    /// `type` array), in the spec's order: the JSON types the case's Swift type can hold (nil:
    /// any). A branch is a candidate when its kind holds the value and its schema accepts it.
    /// - `oneOf`: the one candidate; none or several (the value breaks `oneOf`): nil.
    /// - `anyOf`: the first candidate in the spec's order.
    /// - a type array: the branch whose type is the value's own (an integer picks `integer`
    ///   before `number`), else the first that holds it.
    ///
    /// `date-time` strings are accepted as the decoder accepts them (`FormatCheck.DateTimeRule.asDecoded`),
    /// and `readOnly`/`writeOnly` are read as in a response (`CodingDirection.response`: decoding
    /// reads what a server sends), so a required `writeOnly` property may be absent.
    /// - Returns: the branch index, or nil.
    public static func select(_ decoder: any Decoder, schema: ValidationSchema, kinds: [[JSONType]?]) throws -> Int? {
        let value = try decoder.singleValueContainer().decode(JSONValue.self)
        return select(value, schema: schema, kinds: kinds)
    }

    /// `select(_:schema:kinds:)` for a parsed value.
    public static func select(_ value: JSONValue, schema: ValidationSchema, kinds: [[JSONType]?]) -> Int? {
        let schema = schema.resolved
        let draft = schema.draft ?? .draft2020
        func holds(_ index: Int) -> Bool {
            guard index < kinds.count else { return false }
            guard let types = kinds[index] else { return true }
            return types.contains { value.matches($0, draft: draft) }
        }
        if !schema.oneOf.isEmpty || !schema.anyOf.isEmpty {
            let branches = schema.oneOf.isEmpty ? schema.anyOf : schema.oneOf
            var found: Int?
            for (index, branch) in branches.enumerated() where holds(index) && branch.accepts(value, draft: draft, dateTimes: .asDecoded, direction: .response) {
                if !schema.oneOf.isEmpty {
                    if found != nil { return nil }
                    found = index
                } else {
                    return index
                }
            }
            return found
        }
        let exact = kinds.indices.first { index in
            guard let types = kinds[index] else { return false }
            return types.contains { $0 == value.jsonType }
        }
        return exact ?? kinds.indices.first(where: holds)
    }
}

extension UnionDecoding {
    /// A union parameter's value as text (style `simple`/`form`, RFC 6570): a string as is, a
    /// number or boolean as its JSON text, `null` as empty; arrays and objects as compact JSON.
    public static func parameterText(_ value: some Encodable) -> String {
        switch JSONValue(encoding: value) {
        case .string(let text): return text
        case .integer(let number): return String(number)
        case .number(let number): return String(number)
        case .bool(let bool): return String(bool)
        case .null: return ""
        case let other:
            guard let data = try? JSONCoding.encoder().encode(other) else { return "" }
            return String(decoding: data, as: UTF8.self)
        }
    }
}

struct UnionKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ name: String) { stringValue = name }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

extension ValidationSchema {
    /// The schema a `$ref` chain leads to (bounded).
    var resolved: ValidationSchema {
        var current = self
        for _ in 0..<64 {
            guard let reference = current.reference else { return current }
            current = reference()
        }
        return current
    }
}

extension JSONValue {
    /// The JSON type of the value (`.integer` for integers, `.number` for the others).
    var jsonType: JSONType {
        switch self {
        case .null: return .null
        case .bool: return .boolean
        case .integer: return .integer
        case .number: return .number
        case .string: return .string
        case .array: return .array
        case .object: return .object
        }
    }
}
