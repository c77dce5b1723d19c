import Foundation

/// The keyword checks behind `ValidationSchema.validate(_:)` (JSON Schema Validation, Draft 4
/// and 2020-12 §6: each keyword applies only to values of its type; all are checked).
extension ValidationSchema {
    func check(_ value: JSONValue, pointer: PointerPath, draft: Draft, dateTimes: FormatCheck.DateTimeRule, direction: CodingDirection, into errors: inout [ValidationError]) {
        if let reference {
            let target = reference()
            target.check(value, pointer: pointer, draft: target.draft ?? draft, dateTimes: dateTimes, direction: direction, into: &errors)
            return
        }
        if let booleanValue, !booleanValue {
            errors.append(ValidationError(pointer: pointer.text, keyword: "false", limit: nil, message: "no value is allowed here"))
            return
        }
        if let types, !types.contains(where: { value.matches($0, draft: draft) }) {
            errors.append(ValidationError(pointer: pointer.text, keyword: "type", limit: types.map(\.rawValue).joined(separator: ", "),
                                          message: "expected \(types.map(\.rawValue).joined(separator: " or ")), found \(value.shape)"))
        }
        if let enumValues, !enumValues.contains(where: { $0.isJSONEqual(to: value) }) {
            errors.append(ValidationError(pointer: pointer.text, keyword: "enum", limit: nil, message: "\(value.shape) is not one of the \(enumValues.count) allowed values"))
        }
        if let constValue, !constValue.isJSONEqual(to: value) {
            errors.append(ValidationError(pointer: pointer.text, keyword: "const", limit: nil, message: "\(value.shape) is not the required constant"))
        }
        switch value {
        case .string(let text): checkString(text, pointer: pointer, dateTimes: dateTimes, direction: direction, into: &errors)
        case .integer(let integer): checkNumber(ExactDecimal(integer), pointer: pointer, into: &errors)
        case .number(let number): if let decimal = ExactDecimal(number) { checkNumber(decimal, pointer: pointer, into: &errors) }
        case .array(let items): checkArray(items, pointer: pointer.text, draft: draft, dateTimes: dateTimes, direction: direction, into: &errors)
        case .object(let object): checkObject(object, pointer: pointer.text, draft: draft, dateTimes: dateTimes, direction: direction, into: &errors)
        case .null, .bool: break
        }
        for schema in allOf { schema.check(value, pointer: pointer, draft: schema.draft ?? draft, dateTimes: dateTimes, direction: direction, into: &errors) }
        if !anyOf.isEmpty, !anyOf.contains(where: { $0.accepts(value, draft: draft, dateTimes: dateTimes, direction: direction) }) {
            errors.append(ValidationError(pointer: pointer.text, keyword: "anyOf", limit: nil, message: "\(value.shape) matches none of the \(anyOf.count) schemas"))
        }
        if !oneOf.isEmpty {
            let matching = oneOf.filter { $0.accepts(value, draft: draft, dateTimes: dateTimes, direction: direction) }.count
            if matching != 1 {
                errors.append(ValidationError(pointer: pointer.text, keyword: "oneOf", limit: nil,
                                              message: "\(value.shape) matches \(matching) of the \(oneOf.count) schemas; exactly one must match"))
            }
        }
        if let not, not.accepts(value, draft: draft, dateTimes: dateTimes, direction: direction) {
            errors.append(ValidationError(pointer: pointer.text, keyword: "not", limit: nil, message: "\(value.shape) matches a schema it must not match"))
        }
    }

    func accepts(_ value: JSONValue, draft: Draft, dateTimes: FormatCheck.DateTimeRule, direction: CodingDirection) -> Bool {
        var errors: [ValidationError] = []
        check(value, pointer: PointerPath(""), draft: self.draft ?? draft, dateTimes: dateTimes, direction: direction, into: &errors)
        return errors.isEmpty
    }

    private func checkString(_ text: String, pointer: PointerPath, dateTimes: FormatCheck.DateTimeRule, direction: CodingDirection, into errors: inout [ValidationError]) {
        // Lengths count Unicode code points (JSON Schema Validation §6.3.1).
        let length = (minLength != nil || maxLength != nil) ? text.unicodeScalars.count : 0
        if let minLength, length < minLength {
            errors.append(ValidationError(pointer: pointer.text, keyword: "minLength", limit: String(minLength), message: "a string of \(length) code points is shorter than \(minLength)"))
        }
        if let maxLength, length > maxLength {
            errors.append(ValidationError(pointer: pointer.text, keyword: "maxLength", limit: String(maxLength), message: "a string of \(length) code points is longer than \(maxLength)"))
        }
        if let pattern {
            switch pattern.evaluate(text) {
            case .match: break
            case .noMatch:
                errors.append(ValidationError(pointer: pointer.text, keyword: "pattern", limit: pattern.source, message: "the string does not match the pattern"))
            case .budgetExceeded(let steps):
                errors.append(ValidationError(pointer: pointer.text, keyword: "pattern", limit: pattern.source,
                                              message: "matching the pattern was stopped after \(steps) steps (its per-match budget); the string is rejected"))
            case .unsupported(let reason):
                errors.append(ValidationError(pointer: pointer.text, keyword: "pattern", limit: pattern.source, message: "the pattern cannot be evaluated (\(reason)); the string is rejected"))
            }
        }
        if let format, !FormatCheck.isValid(text, format: format, dateTimes: dateTimes) {
            errors.append(ValidationError(pointer: pointer.text, keyword: "format", limit: format, message: "the string is not a valid \(format)"))
        }
    }

    private func checkNumber(_ number: ExactDecimal, pointer: PointerPath, into errors: inout [ValidationError]) {
        if let minimum, number < minimum {
            errors.append(ValidationError(pointer: pointer.text, keyword: "minimum", limit: minimum.description, message: "the number is less than \(minimum)"))
        }
        if let exclusiveMinimum, number <= exclusiveMinimum {
            errors.append(ValidationError(pointer: pointer.text, keyword: "exclusiveMinimum", limit: exclusiveMinimum.description, message: "the number is not greater than \(exclusiveMinimum)"))
        }
        if let maximum, number > maximum {
            errors.append(ValidationError(pointer: pointer.text, keyword: "maximum", limit: maximum.description, message: "the number is greater than \(maximum)"))
        }
        if let exclusiveMaximum, number >= exclusiveMaximum {
            errors.append(ValidationError(pointer: pointer.text, keyword: "exclusiveMaximum", limit: exclusiveMaximum.description, message: "the number is not less than \(exclusiveMaximum)"))
        }
        if let multipleOf, !number.isMultiple(of: multipleOf) {
            errors.append(ValidationError(pointer: pointer.text, keyword: "multipleOf", limit: multipleOf.description, message: "the number is not a multiple of \(multipleOf)"))
        }
    }

    private func checkArray(_ items: [JSONValue], pointer: String, draft: Draft, dateTimes: FormatCheck.DateTimeRule, direction: CodingDirection, into errors: inout [ValidationError]) {
        if let minItems, items.count < minItems {
            errors.append(ValidationError(pointer: pointer, keyword: "minItems", limit: String(minItems), message: "an array of \(items.count) items is shorter than \(minItems)"))
        }
        if let maxItems, items.count > maxItems {
            errors.append(ValidationError(pointer: pointer, keyword: "maxItems", limit: String(maxItems), message: "an array of \(items.count) items is longer than \(maxItems)"))
        }
        if uniqueItems {
            outer: for i in items.indices {
                for j in items.indices where j > i && items[i].isJSONEqual(to: items[j]) {
                    errors.append(ValidationError(pointer: pointer, keyword: "uniqueItems", limit: "true", message: "items \(i) and \(j) are equal"))
                    break outer
                }
            }
        }
        for (index, item) in items.enumerated() {
            let schema = index < prefixItems.count ? prefixItems[index] : self.items
            schema?.check(item, pointer: PointerPath(pointer, index: index), draft: schema?.draft ?? draft, dateTimes: dateTimes, direction: direction, into: &errors)
        }
    }


    private func checkObject(_ object: [String: JSONValue], pointer: String, draft: Draft, dateTimes: FormatCheck.DateTimeRule, direction: CodingDirection, into errors: inout [ValidationError]) {
        for name in required where object[name] == nil {
            if direction == .request, readOnlyProperties.contains(name) { continue }
            if direction == .response, writeOnlyProperties.contains(name) { continue }
            errors.append(ValidationError(pointer: pointer, keyword: "required", limit: name, message: "the required property '\(name)' is missing"))
        }
        if let minProperties, object.count < minProperties {
            errors.append(ValidationError(pointer: pointer, keyword: "minProperties", limit: String(minProperties), message: "an object of \(object.count) properties has fewer than \(minProperties)"))
        }
        if let maxProperties, object.count > maxProperties {
            errors.append(ValidationError(pointer: pointer, keyword: "maxProperties", limit: String(maxProperties), message: "an object of \(object.count) properties has more than \(maxProperties)"))
        }
        for (name, schema) in properties {
            guard let value = object[name] else { continue }
            schema.check(value, pointer: PointerPath(pointer, name: name), draft: schema.draft ?? draft, dateTimes: dateTimes, direction: direction, into: &errors)
        }
        // Members matched by a `patternProperties` pattern are checked against each matching
        // schema and are not additional (JSON Schema 2020-12 §10.3.2.2–3).
        var matchedByPattern: Set<String> = []
        if !patternProperties.isEmpty {
            for name in object.keys.sorted() {
                for (pattern, schema) in patternProperties {
                    switch pattern.evaluate(name) {
                    case .match:
                        matchedByPattern.insert(name)
                        schema.check(object[name]!, pointer: PointerPath(pointer, name: name), draft: schema.draft ?? draft, dateTimes: dateTimes,
                                     direction: direction, into: &errors)
                    case .noMatch: break
                    case .budgetExceeded, .unsupported:
                        matchedByPattern.insert(name)
                        errors.append(ValidationError(pointer: pointer + "/" + Self.escape(name), keyword: "patternProperties", limit: pattern.source,
                                                      message: "the property name cannot be matched against the pattern; the property is rejected"))
                    }
                }
            }
        }
        func isAdditional(_ name: String) -> Bool {
            !matchedByPattern.contains(name) && !properties.contains(where: { $0.name == name })
        }
        switch additionalProperties {
        case .allowed: break
        case .forbidden:
            for name in object.keys.sorted() where isAdditional(name) {
                errors.append(ValidationError(pointer: pointer + "/" + Self.escape(name), keyword: "additionalProperties", limit: "false",
                                              message: "the property '\(name)' is not allowed"))
            }
        case .schema(let schema):
            for name in object.keys.sorted() where isAdditional(name) {
                schema.check(object[name]!, pointer: PointerPath(pointer, name: name), draft: schema.draft ?? draft, dateTimes: dateTimes, direction: direction, into: &errors)
            }
        }
    }

    /// RFC 6901 §3: `~` → `~0`, `/` → `~1`.
    static func escape(_ token: String) -> String {
        guard token.utf8.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") }) else { return token }
        return token.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }
}

/// The JSON Pointer (RFC 6901) of the value being checked, built only when a violation is
/// reported or the value has members: its parent's pointer and its own reference token, so a
/// check of an object's scalar members makes no strings.
struct PointerPath {
    private let parent: String
    private let token: Token?

    private enum Token {
        case name(String)
        case index(Int)
    }

    /// A pointer already built.
    init(_ pointer: String) {
        parent = pointer
        token = nil
    }

    /// The member `name` of the value at `parent`.
    init(_ parent: String, name: String) {
        self.parent = parent
        token = .name(name)
    }

    /// The item `index` of the array at `parent`.
    init(_ parent: String, index: Int) {
        self.parent = parent
        token = .index(index)
    }

    var text: String {
        switch token {
        case nil: return parent
        case .name(let name)?: return parent + "/" + ValidationSchema.escape(name)
        case .index(let index)?: return parent + "/" + String(index)
        }
    }
}

/// JSON Schema's type names.
public enum JSONType: String, Sendable, Hashable {
    case string, number, integer, boolean, array, object, null
}

extension JSONValue {
    func matches(_ type: JSONType, draft: ValidationSchema.Draft) -> Bool {
        switch (type, self) {
        case (.null, .null), (.boolean, .bool), (.string, .string), (.array, .array), (.object, .object): return true
        case (.number, .integer), (.number, .number), (.integer, .integer): return true
        case (.integer, .number(let number)): return draft == .draft2020 && number.rounded() == number
        default: return false
        }
    }

    /// JSON equality: numbers by value (`1` equals `1.0`), objects regardless of key order.
    func isJSONEqual(to other: JSONValue) -> Bool {
        switch (self, other) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.string(let a), .string(let b)): return a == b
        case (.integer(let a), .integer(let b)): return a == b
        case (.integer, .number), (.number, .integer), (.number, .number):
            guard let a = numericValue, let b = other.numericValue else { return false }
            return a == b
        case (.array(let a), .array(let b)): return a.count == b.count && zip(a, b).allSatisfy { $0.isJSONEqual(to: $1) }
        case (.object(let a), .object(let b)):
            return a.count == b.count && a.allSatisfy { key, value in b[key].map { value.isJSONEqual(to: $0) } ?? false }
        default: return false
        }
    }

    private var numericValue: ExactDecimal? {
        switch self {
        case .integer(let value): return ExactDecimal(value)
        case .number(let value): return ExactDecimal(value)
        default: return nil
        }
    }

    /// "a string of 4 code points", "an integer", … (the shape, never the content).
    var shape: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .integer: return "an integer"
        case .number: return "a number"
        case .string(let text): return "a string of \(text.unicodeScalars.count) code points"
        case .array(let items): return "an array of \(items.count) items"
        case .object(let object): return "an object of \(object.count) properties"
        }
    }
}
