import Foundation

/// `Validatable.validate()`'s fast path: an `Encoder` that checks a value against its schema as
/// the value encodes itself, without building the `JSONValue` tree (`JSONValueEncoding`).
///
/// It only ever answers "valid". Scalars are checked by `ValidationSchema.check` itself, on the
/// same `JSONValue` scalar `JSONValueEncoding` would make, so their rules are the slow path's.
/// Objects and arrays are checked here for `type`, `properties`, `required` (with the
/// `readOnly`/`writeOnly` relaxation of the direction), `additionalProperties`,
/// `minProperties`/`maxProperties`, `items`/`prefixItems` and `minItems`/`maxItems`. At the first
/// violation, and for anything else (`enum`, `const`, `allOf`/`anyOf`/`oneOf`/`not` around an
/// object or array, `patternProperties`, `uniqueItems`, a super encoder, a key encoded twice, a
/// value that encodes nothing at the top), it gives up, and `validate()` runs the full check on
/// the tree, which reports every violation with its pointer.
enum FastValidation {
    /// Thrown through the value's `encode(to:)` to stop at the first thing this path does not decide.
    struct Undecided: Error {}

    /// True when `value` certainly satisfies `schema`; false when the full check must decide.
    /// `encoding`: the `userInfo` direction the value is encoded with, as `JSONValue(encoding:direction:)`
    /// takes it (`.request` leaves `readOnly` properties out); nil as `JSONValue(encoding:)`.
    static func accepts<T: Encodable>(_ value: T, schema: ValidationSchema, direction: CodingDirection, encoding: CodingDirection? = nil) -> Bool {
        let context = Context(direction: direction, encoding: encoding)
        do {
            if let scalar = specialScalar(value) {
                try check(scalar, against: schema, draft: schema.draft ?? .draft2020, context: context)
                return true
            }
            let (target, draft) = resolved(schema, draft: .draft2020)
            guard let target else { return true }
            let encoder = FastValidationEncoder(context: context, schema: target, draft: draft)
            try value.encode(to: encoder)
            try encoder.finish(isTopLevel: true)
            return !context.isUndecided
        } catch {
            return false
        }
    }

    /// The schema that applies after `$ref`s, and its draft; nil when it accepts anything (no keyword).
    static func resolved(_ schema: ValidationSchema, draft: ValidationSchema.Draft) -> (ValidationSchema?, ValidationSchema.Draft) {
        var schema = schema
        var draft = schema.draft ?? draft
        var hops = 0
        while let reference = schema.reference, hops < 64 {
            schema = reference()
            draft = schema.draft ?? draft
            hops += 1
        }
        return (schema.acceptsEverything ? nil : schema, draft)
    }

    final class Context {
        let direction: CodingDirection
        let userInfo: [CodingUserInfoKey: Any]
        /// Set where the `Encoder` API cannot throw (`container(keyedBy:)`, nested containers).
        var isUndecided = false
        init(direction: CodingDirection, encoding: CodingDirection?) {
            self.direction = direction
            userInfo = encoding.map { [JSONCoding.directionKey: $0] } ?? [:]
        }
    }

    /// Checks one scalar exactly as the full check would.
    static func check(_ value: JSONValue, against schema: ValidationSchema?, draft: ValidationSchema.Draft, context: Context) throws {
        guard let schema else { return }
        var errors: [ValidationError] = []
        schema.check(value, pointer: PointerPath(""), draft: draft, dateTimes: .rfc3339, direction: context.direction, into: &errors)
        if !errors.isEmpty { throw Undecided() }
    }

    /// `JSONValueEncodingContext.encode`'s special cases, as the scalars they encode to.
    static func specialScalar<T: Encodable>(_ value: T) -> JSONValue? {
        if T.self == Date.self { return .string(DateTimeFormat.string(from: value as! Date)) }
        if T.self == Data.self { return .string((value as! Data).base64EncodedString()) }
        if T.self == URL.self { return .string((value as! URL).absoluteString) }
        if T.self == Decimal.self { return JSONValueNode.number(text: (value as! Decimal).description) }
        return nil
    }

    /// Checks a nested `Encodable` against `schema`.
    static func check<T: Encodable>(_ value: T, against schema: ValidationSchema?, draft: ValidationSchema.Draft, context: Context) throws {
        guard let schema else { return }
        if let scalar = specialScalar(value) { return try check(scalar, against: schema, draft: schema.draft ?? draft, context: context) }
        let (target, draft) = resolved(schema, draft: draft)
        guard let target else { return }
        let encoder = FastValidationEncoder(context: context, schema: target, draft: draft)
        try value.encode(to: encoder)
        try encoder.finish(isTopLevel: false)
    }
}

extension ValidationSchema {
    /// No keyword at all (`{}` or `true`).
    var acceptsEverything: Bool {
        reference == nil && booleanValue != false && types == nil && enumValues == nil && constValue == nil && minLength == nil && maxLength == nil
            && pattern == nil && format == nil && minimum == nil && maximum == nil && exclusiveMinimum == nil && exclusiveMaximum == nil
            && multipleOf == nil && minItems == nil && maxItems == nil && !uniqueItems && items == nil && prefixItems.isEmpty && properties.isEmpty
            && required.isEmpty && patternProperties.isEmpty && minProperties == nil && maxProperties == nil && allOf.isEmpty && anyOf.isEmpty
            && oneOf.isEmpty && not == nil && { if case .allowed = additionalProperties { return true } else { return false } }()
    }

    /// Keywords on an object or array this path leaves to the full check.
    var hasUndecidedContainerKeywords: Bool {
        booleanValue == false || enumValues != nil || constValue != nil || !allOf.isEmpty || !anyOf.isEmpty || !oneOf.isEmpty || not != nil
    }
}

/// One value being encoded, and the schema it must satisfy.
final class FastValidationEncoder: Encoder {
    let context: FastValidation.Context
    let schema: ValidationSchema
    let draft: ValidationSchema.Draft
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { context.userInfo }
    /// What the value turned out to be.
    private enum Shape { case nothing, scalar, object(ObjectState), array(ArrayState) }
    private var shape = Shape.nothing

    init(context: FastValidation.Context, schema: ValidationSchema, draft: ValidationSchema.Draft) {
        self.context = context
        self.schema = schema
        self.draft = draft
    }

    final class ObjectState {
        var keys: [String] = []
    }

    final class ArrayState {
        var count = 0
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let state: ObjectState
        switch shape {
        case .object(let existing): state = existing
        case .nothing:
            state = ObjectState()
            shape = .object(state)
            if schema.hasUndecidedContainerKeywords || !schema.patternProperties.isEmpty || !(schema.types?.contains(.object) ?? true) {
                context.isUndecided = true
            }
        default:
            context.isUndecided = true
            state = ObjectState()
        }
        return KeyedEncodingContainer(Keyed<Key>(encoder: self, state: state))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        let state: ArrayState
        switch shape {
        case .array(let existing): state = existing
        case .nothing:
            state = ArrayState()
            shape = .array(state)
            if schema.hasUndecidedContainerKeywords || schema.uniqueItems || !(schema.types?.contains(.array) ?? true) { context.isUndecided = true }
        default:
            context.isUndecided = true
            state = ArrayState()
        }
        return Unkeyed(encoder: self, state: state)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { Single(encoder: self) }

    /// The checks that need the whole object or array: `required`, the member and item counts.
    func finish(isTopLevel: Bool) throws {
        if context.isUndecided { throw FastValidation.Undecided() }
        switch shape {
        case .nothing:
            // A nested value that encodes nothing is `{}`; a top-level one is not JSON.
            if isTopLevel { throw FastValidation.Undecided() }
            try FastValidation.check(.object([:]), against: schema, draft: draft, context: context)
        case .scalar:
            break
        case .object(let state):
            for name in schema.required where !state.keys.contains(name) {
                if context.direction == .request, schema.readOnlyProperties.contains(name) { continue }
                if context.direction == .response, schema.writeOnlyProperties.contains(name) { continue }
                throw FastValidation.Undecided()
            }
            if let minimum = schema.minProperties, state.keys.count < minimum { throw FastValidation.Undecided() }
            if let maximum = schema.maxProperties, state.keys.count > maximum { throw FastValidation.Undecided() }
        case .array(let state):
            if let minimum = schema.minItems, state.count < minimum { throw FastValidation.Undecided() }
            if let maximum = schema.maxItems, state.count > maximum { throw FastValidation.Undecided() }
        }
    }

    /// The schema of member `name` (nil: any value), after noting the key.
    func memberSchema(_ name: String, state: ObjectState) throws -> ValidationSchema? {
        if state.keys.contains(name) { throw FastValidation.Undecided() }
        state.keys.append(name)
        if let property = schema.properties.first(where: { $0.name == name }) { return property.schema }
        switch schema.additionalProperties {
        case .allowed: return nil
        case .forbidden: throw FastValidation.Undecided()
        case .schema(let additional): return additional
        }
    }

    /// The schema of item `index`.
    func itemSchema(_ state: ArrayState) -> ValidationSchema? {
        let index = state.count
        state.count += 1
        return index < schema.prefixItems.count ? schema.prefixItems[index] : schema.items
    }

    /// A member's or item's scalar; `check` resolves references and drafts as the full check does.
    func checkScalar(_ value: JSONValue, _ schema: ValidationSchema?) throws {
        guard let schema else { return }
        try FastValidation.check(value, against: schema, draft: schema.draft ?? draft, context: context)
    }

    func checkNested<T: Encodable>(_ value: T, _ schema: ValidationSchema?) throws {
        guard let schema else { return }
        try FastValidation.check(value, against: schema, draft: draft, context: context)
    }

    /// This value itself is a scalar.
    func setScalar(_ value: JSONValue) throws {
        guard case .nothing = shape else { throw FastValidation.Undecided() }
        shape = .scalar
        try FastValidation.check(value, against: schema, draft: draft, context: context)
    }

    struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let encoder: FastValidationEncoder
        let state: ObjectState
        var codingPath: [any CodingKey] { [] }

        private func scalar(_ value: JSONValue, _ key: Key) throws { try encoder.checkScalar(value, try encoder.memberSchema(key.stringValue, state: state)) }
        mutating func encodeNil(forKey key: Key) throws { try scalar(.null, key) }
        mutating func encode(_ value: Bool, forKey key: Key) throws { try scalar(.bool(value), key) }
        mutating func encode(_ value: String, forKey key: Key) throws { try scalar(.string(value), key) }
        mutating func encode(_ value: Double, forKey key: Key) throws { try scalar(try JSONValueNode.floating(value, codingPath: []), key) }
        mutating func encode(_ value: Float, forKey key: Key) throws { try scalar(try JSONValueNode.floating(value, codingPath: []), key) }
        mutating func encode(_ value: Int, forKey key: Key) throws { try scalar(.integer(Int64(value)), key) }
        mutating func encode(_ value: Int8, forKey key: Key) throws { try scalar(.integer(Int64(value)), key) }
        mutating func encode(_ value: Int16, forKey key: Key) throws { try scalar(.integer(Int64(value)), key) }
        mutating func encode(_ value: Int32, forKey key: Key) throws { try scalar(.integer(Int64(value)), key) }
        mutating func encode(_ value: Int64, forKey key: Key) throws { try scalar(.integer(value), key) }
        mutating func encode(_ value: UInt, forKey key: Key) throws { try scalar(JSONValueNode.integer(value), key) }
        mutating func encode(_ value: UInt8, forKey key: Key) throws { try scalar(.integer(Int64(value)), key) }
        mutating func encode(_ value: UInt16, forKey key: Key) throws { try scalar(.integer(Int64(value)), key) }
        mutating func encode(_ value: UInt32, forKey key: Key) throws { try scalar(.integer(Int64(value)), key) }
        mutating func encode(_ value: UInt64, forKey key: Key) throws { try scalar(JSONValueNode.integer(value), key) }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            try encoder.checkNested(value, try encoder.memberSchema(key.stringValue, state: state))
        }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            encoder.context.isUndecided = true
            return encoder.container(keyedBy: keyType)
        }
        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            encoder.context.isUndecided = true
            return Unkeyed(encoder: encoder, state: ArrayState())
        }
        mutating func superEncoder() -> any Encoder {
            encoder.context.isUndecided = true
            return encoder
        }
        mutating func superEncoder(forKey key: Key) -> any Encoder {
            encoder.context.isUndecided = true
            return encoder
        }
    }

    struct Unkeyed: UnkeyedEncodingContainer {
        let encoder: FastValidationEncoder
        let state: ArrayState
        var codingPath: [any CodingKey] { [] }
        var count: Int { state.count }

        private func scalar(_ value: JSONValue) throws { try encoder.checkScalar(value, encoder.itemSchema(state)) }
        mutating func encodeNil() throws { try scalar(.null) }
        mutating func encode(_ value: Bool) throws { try scalar(.bool(value)) }
        mutating func encode(_ value: String) throws { try scalar(.string(value)) }
        mutating func encode(_ value: Double) throws { try scalar(try JSONValueNode.floating(value, codingPath: [])) }
        mutating func encode(_ value: Float) throws { try scalar(try JSONValueNode.floating(value, codingPath: [])) }
        mutating func encode(_ value: Int) throws { try scalar(.integer(Int64(value))) }
        mutating func encode(_ value: Int8) throws { try scalar(.integer(Int64(value))) }
        mutating func encode(_ value: Int16) throws { try scalar(.integer(Int64(value))) }
        mutating func encode(_ value: Int32) throws { try scalar(.integer(Int64(value))) }
        mutating func encode(_ value: Int64) throws { try scalar(.integer(value)) }
        mutating func encode(_ value: UInt) throws { try scalar(JSONValueNode.integer(value)) }
        mutating func encode(_ value: UInt8) throws { try scalar(.integer(Int64(value))) }
        mutating func encode(_ value: UInt16) throws { try scalar(.integer(Int64(value))) }
        mutating func encode(_ value: UInt32) throws { try scalar(.integer(Int64(value))) }
        mutating func encode(_ value: UInt64) throws { try scalar(JSONValueNode.integer(value)) }
        mutating func encode<T: Encodable>(_ value: T) throws { try encoder.checkNested(value, encoder.itemSchema(state)) }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            encoder.context.isUndecided = true
            return KeyedEncodingContainer(Keyed<NestedKey>(encoder: encoder, state: ObjectState()))
        }
        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            encoder.context.isUndecided = true
            return Unkeyed(encoder: encoder, state: ArrayState())
        }
        mutating func superEncoder() -> any Encoder {
            encoder.context.isUndecided = true
            return encoder
        }
    }

    struct Single: SingleValueEncodingContainer {
        let encoder: FastValidationEncoder
        var codingPath: [any CodingKey] { [] }

        mutating func encodeNil() throws { try encoder.setScalar(.null) }
        mutating func encode(_ value: Bool) throws { try encoder.setScalar(.bool(value)) }
        mutating func encode(_ value: String) throws { try encoder.setScalar(.string(value)) }
        mutating func encode(_ value: Double) throws { try encoder.setScalar(try JSONValueNode.floating(value, codingPath: [])) }
        mutating func encode(_ value: Float) throws { try encoder.setScalar(try JSONValueNode.floating(value, codingPath: [])) }
        mutating func encode(_ value: Int) throws { try encoder.setScalar(.integer(Int64(value))) }
        mutating func encode(_ value: Int8) throws { try encoder.setScalar(.integer(Int64(value))) }
        mutating func encode(_ value: Int16) throws { try encoder.setScalar(.integer(Int64(value))) }
        mutating func encode(_ value: Int32) throws { try encoder.setScalar(.integer(Int64(value))) }
        mutating func encode(_ value: Int64) throws { try encoder.setScalar(.integer(value)) }
        mutating func encode(_ value: UInt) throws { try encoder.setScalar(JSONValueNode.integer(value)) }
        mutating func encode(_ value: UInt8) throws { try encoder.setScalar(.integer(Int64(value))) }
        mutating func encode(_ value: UInt16) throws { try encoder.setScalar(.integer(Int64(value))) }
        mutating func encode(_ value: UInt32) throws { try encoder.setScalar(.integer(Int64(value))) }
        mutating func encode(_ value: UInt64) throws { try encoder.setScalar(JSONValueNode.integer(value)) }
        mutating func encode<T: Encodable>(_ value: T) throws {
            // The value is this one: its own encoding continues with the same schema.
            guard case .nothing = encoder.shape else { throw FastValidation.Undecided() }
            if let scalar = FastValidation.specialScalar(value) { return try encoder.setScalar(scalar) }
            try value.encode(to: encoder)
        }
    }
}
