/// How a binding-model type is spelled in Swift: the one place that turns a `TypeReference` into
/// source text, for declarations (the renderers) and for comparison (the Swift-source diff).
package struct TypeSpelling {
    /// The generated module's name, for module-qualified names.
    package let moduleName: String
    package let declarations: DeclarationIndex

    /// `String`, `[Pet]`, `[String: Int?]`, `Pet.Status`: a reference as written anywhere a
    /// nested type of the same name cannot shadow it.
    package func swiftType(_ type: TypeReference) -> String {
        switch type {
        case .string: return "String"
        case .bool: return "Bool"
        case .int: return "Int"
        case .int32: return "Int32"
        case .int64: return "Int64"
        case .float: return "Float"
        case .double: return "Double"
        case .dateTime: return "Date"
        case .calendarDate: return "CalendarDate"
        case .data: return "Data"
        case .uuid: return "UUID"
        case .json: return "JSONValue"
        case .array(let element): return "[\(swiftType(element))]"
        case .dictionary(let value): return "[String: \(swiftType(value))]"
        case .optional(let wrapped): return swiftType(wrapped) + "?"
        case .named(let name): return name
        }
    }

    /// `swiftType`, with a top-level type written module-qualified where a type enclosing `path`
    /// (or the type at `path` itself) declares a nested type of the same name, which would shadow
    /// it (`Charge.Customer`, the union of `string` and the top-level `Customer`, holds `Stripe.Customer`).
    package func payloadType(_ type: TypeReference, inside path: String) -> String {
        switch type {
        case .array(let element): return "[\(payloadType(element, inside: path))]"
        case .dictionary(let value): return "[String: \(payloadType(value, inside: path))]"
        case .optional(let wrapped): return payloadType(wrapped, inside: path) + "?"
        case .named(let name) where !name.contains("."):
            var scope = Substring(path)
            while true {
                if declarations[scope + "." + name] != nil || (scope.contains(".") && scope.split(separator: ".").last.map(String.init) == name) {
                    return moduleName + "." + name
                }
                guard let dot = scope.lastIndex(of: ".") else { break }
                scope = scope[..<dot]
            }
            return name
        default: return swiftType(type)
        }
    }

    /// A property's declared type inside the struct at `path` (`String?`, `Nullable<Stripe.Customer>?`).
    package func propertyType(_ property: Property, inside path: String) -> String {
        Self.propertyType(property, payload: payloadType(property.type, inside: path))
    }

    /// A property's type as the diff compares it: `propertyType` without module qualification.
    package func comparedPropertyType(_ property: Property) -> String {
        Self.propertyType(property, payload: swiftType(property.type))
    }

    /// The property's declared type around its payload's spelling: `Nullable<T>?` for absent-or-null,
    /// `T?` for optional, `T` otherwise.
    private static func propertyType(_ property: Property, payload: String) -> String {
        if property.isTriState { return "Nullable<\(payload)>?" }
        return payload + (property.isOptional ? "?" : "")
    }
}
