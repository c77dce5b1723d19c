import OpenAPIModel

/// The Swift type a scalar JSON Schema `type` binds to, by its `format` (OpenAPI 3.1.1 §4.2,
/// Data Types, and the OpenAPI Format Registry): `integer` → `Int`, `Int32` (`int32`), `Int64`
/// (`int64`); `number` → `Double`, `Float` (`float`); `boolean` → `Bool`; `string` → `Date`
/// (`date-time`, RFC 3339), `CalendarDate` (`date`), `UUID` (`uuid`, RFC 9562), else `String`.
/// Bodies and properties bind `binary` and `byte` strings as bytes before asking; everything
/// else (headers) reads them as text.
enum ScalarTypes {
    /// nil for `array`, `object` and `null`.
    static func type(_ type: JSONType, format: String?) -> TypeReference? {
        switch type {
        case .integer: return integer(format)
        case .number: return format == "float" ? .float : .double
        case .boolean: return .bool
        case .string:
            switch format {
            case "date-time": return .dateTime
            case "date": return .calendarDate
            case "uuid": return .uuid
            default: return .string
            }
        case .array, .object, .null: return nil
        }
    }

    /// `integer` by its `format`.
    static func integer(_ format: String?) -> TypeReference {
        switch format {
        case "int32": return .int32
        case "int64": return .int64
        default: return .int
        }
    }
}
