/// How a parameter value is serialized (OpenAPI 3.1.1 §4.8.12.4 "Style Values", which follows
/// RFC 6570 URI templates for `simple`, `label`, `matrix` and `form`).
public enum ParameterStyle: String, Hashable, Sendable, CaseIterable {
    /// Path: `.blue`, `.blue,black` (explode: `.blue.black`); RFC 6570 `{.var}`.
    case label
    /// Path: `;color=blue`, `;color=blue,black` (explode: `;color=blue;color=black`); RFC 6570 `{;var}`.
    case matrix
    /// Path and header: `blue,black`; objects `R,100,G,200` (explode: `R=100,G=200`); RFC 6570 `{var}`.
    case simple
    /// Query and cookie: `color=blue,black` (explode: `color=blue&color=black`); RFC 6570 `{?var}`.
    case form
    /// Query: `color=blue%20black`.
    case spaceDelimited
    /// Query: `color=blue|black`.
    case pipeDelimited
    /// Query: `color[R]=100&color[G]=200`, nested objects and arrays in brackets
    /// (`items[0][price]=p`, `expand[]=customer`, the form real APIs such as Stripe read).
    case deepObject
}

/// Serializes parameter values by style (OpenAPI 3.1.1 §4.8.12.4). Query and path output is
/// percent-encoded (RFC 3986 §2.1: every byte but the unreserved characters, so a value's `,`
/// or `&` cannot be read as a delimiter; `allowReserved` keeps RFC 3986 reserved characters);
/// the delimiters of the style are written as they are, except the ones RFC 3986 §3.4 does not
/// allow in a query: `[` `]` (deepObject) as `%5B` `%5D` and `|` (pipeDelimited) as `%7C`
/// (the OpenAPI table prints them unencoded; servers decode both). Combinations the OpenAPI table marks
/// n/a fall back to `form` (query) or `simple` (path, header) rules: a string with
/// `spaceDelimited` is `color=blue`; an array or object with `spaceDelimited`/`pipeDelimited`
/// and `explode: true` is sent as `form` exploded; a string or array with `deepObject` as
/// brackets (`color=blue`, `color[]=blue`). Nested arrays and objects inside a non-`deepObject`
/// value are written as JSON text. Nulls are left out.
public enum ParameterEncoding {
    /// The `name=value` pairs of a query parameter, percent-encoded, to join with `&`.
    public static func query(_ name: String, _ value: ParameterValue, style: ParameterStyle = .form, explode: Bool = true,
                             allowReserved: Bool = false) -> [String] {
        let encode: (String) -> String = { allowReserved ? URIEncoding.allowingReserved($0) : URIEncoding.component($0) }
        let key = encode(name)
        switch value {
        case .null: return []
        case .scalar, .file:
            if style == .deepObject { return brackets(key, value, encode: encode, open: "%5B", close: "%5D") }
            return [key + "=" + encode(value.scalarText ?? "")]
        case .array(let items):
            let texts = items.compactMap(flatText).map(encode)
            switch (style, explode) {
            case (.deepObject, _): return brackets(key, value, encode: encode, open: "%5B", close: "%5D")
            case (_, true): return texts.map { key + "=" + $0 }
            case (.spaceDelimited, false): return [key + "=" + texts.joined(separator: "%20")]
            case (.pipeDelimited, false): return [key + "=" + texts.joined(separator: "%7C")]
            default: return [key + "=" + texts.joined(separator: ",")]
            }
        case .object(let fields):
            let pairs = fields.compactMap { field in flatText(field.value).map { (encode(field.key), encode($0)) } }
            switch (style, explode) {
            case (.deepObject, _): return brackets(key, value, encode: encode, open: "%5B", close: "%5D")
            case (_, true): return pairs.map { $0.0 + "=" + $0.1 }
            case (.spaceDelimited, false): return [key + "=" + pairs.map { $0.0 + "%20" + $0.1 }.joined(separator: "%20")]
            case (.pipeDelimited, false): return [key + "=" + pairs.map { $0.0 + "%7C" + $0.1 }.joined(separator: "%7C")]
            default: return [key + "=" + pairs.map { $0.0 + "," + $0.1 }.joined(separator: ",")]
            }
        }
    }

    /// A path parameter's text for its `{name}` placeholder, percent-encoded (`simple`, `label`,
    /// `matrix`; other styles are read as `simple`).
    public static func path(_ name: String, _ value: ParameterValue, style: ParameterStyle = .simple, explode: Bool = false) -> String {
        let encode: (String) -> String = { URIEncoding.pathSegment($0) }
        switch style {
        case .label:
            return "." + expand(value, explode: explode, separator: explode ? "." : ",", encode: encode)
        case .matrix:
            let key = URIEncoding.component(name)
            switch value {
            case .array(let items) where explode:
                return items.compactMap(flatText).map { ";" + key + ($0.isEmpty ? "" : "=" + encode($0)) }.joined()
            case .object(let fields) where explode:
                return fields.compactMap { field in flatText(field.value).map { ";" + encode(field.key) + "=" + encode($0) } }.joined()
            default:
                let text = expand(value, explode: false, separator: ",", encode: encode)
                return ";" + key + (text.isEmpty ? "" : "=" + text)
            }
        default:
            return expand(value, explode: explode, separator: ",", encode: encode)
        }
    }

    /// A header parameter's value (`simple` style; not percent-encoded: the caller checks it
    /// for CR and LF, RFC 9110 §5.5).
    public static func header(_ value: ParameterValue, explode: Bool = false) -> String {
        expand(value, explode: explode, separator: ",", encode: { $0 })
    }

    /// A cookie parameter's `name=value` pairs (`form` style), values percent-encoded, to join
    /// with `; ` (RFC 6265 §4.2.1). Exploded arrays repeat the name; exploded objects give one
    /// pair per property.
    public static func cookie(_ name: String, _ value: ParameterValue, explode: Bool = true) -> [String] {
        let encode: (String) -> String = { URIEncoding.component($0) }
        switch value {
        case .null: return []
        case .array(let items) where explode: return items.compactMap(flatText).map { name + "=" + encode($0) }
        case .object(let fields) where explode:
            return fields.compactMap { field in flatText(field.value).map { field.key + "=" + encode($0) } }
        default: return [name + "=" + expand(value, explode: false, separator: ",", encode: encode)]
        }
    }

    /// Scalars, arrays and objects joined RFC 6570 style: array items by `separator`; objects as
    /// `k,v,k,v` or (explode) `k=v` joined by `separator`.
    static func expand(_ value: ParameterValue, explode: Bool, separator: String, encode: (String) -> String) -> String {
        switch value {
        case .null: return ""
        case .scalar, .file: return encode(value.scalarText ?? "")
        case .array(let items): return items.compactMap(flatText).map(encode).joined(separator: separator)
        case .object(let fields):
            let pairs = fields.compactMap { field in flatText(field.value).map { (encode(field.key), encode($0)) } }
            if explode { return pairs.map { $0.0 + "=" + $0.1 }.joined(separator: separator) }
            return pairs.map { $0.0 + "," + $0.1 }.joined(separator: ",")
        }
    }

    /// An item's text: scalars as they are, nested arrays and objects as JSON; nil for null.
    static func flatText(_ value: ParameterValue) -> String? {
        switch value {
        case .null: return nil
        case .scalar, .file: return value.scalarText
        case .array, .object: return value.jsonText
        }
    }

    /// Bracket form: `key[k]=v` for object properties, `key[]=v` for arrays of scalars,
    /// `key[0][k]=v` for arrays holding objects or arrays, recursively. `key` is already encoded.
    static func brackets(_ key: String, _ value: ParameterValue, encode: (String) -> String, open: String = "[", close: String = "]") -> [String] {
        switch value {
        case .null: return []
        case .scalar, .file: return [key + "=" + encode(value.scalarText ?? "")]
        case .object(let fields): return fields.flatMap { brackets(key + open + encode($0.key) + close, $0.value, encode: encode, open: open, close: close) }
        case .array(let items):
            let scalarsOnly = items.allSatisfy { item in
                switch item {
                case .scalar, .file, .null: return true
                case .array, .object: return false
                }
            }
            if scalarsOnly { return items.flatMap { brackets(key + open + close, $0, encode: encode, open: open, close: close) } }
            return items.enumerated().flatMap { index, item in brackets(key + open + "\(index)" + close, item, encode: encode, open: open, close: close) }
        }
    }
}

extension URIEncoding {
    /// `component`, keeping RFC 3986 §2.2 reserved characters (`:/?#[]@!$&'()*+,;=`) as they
    /// are (OpenAPI `allowReserved: true`).
    public static func allowingReserved(_ text: String) -> String {
        let reserved = Set(":/?#[]@!$&'()*+,;=".utf8)
        var result = ""
        var pending = ""
        for scalar in text.unicodeScalars {
            if scalar.isASCII, reserved.contains(UInt8(scalar.value)) {
                result += component(pending)
                pending = ""
                result.unicodeScalars.append(scalar)
            } else {
                pending.unicodeScalars.append(scalar)
            }
        }
        return result + component(pending)
    }
}
