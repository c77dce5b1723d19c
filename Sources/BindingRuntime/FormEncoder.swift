public import Foundation

/// How one property of a form or multipart body is sent: OpenAPI's Encoding Object
/// (3.1.1 §4.8.15), as the generator read it from the spec.
public struct BodyFieldEncoding: Hashable, Sendable {
    /// `application/x-www-form-urlencoded`: the style (`form`, `spaceDelimited`,
    /// `pipeDelimited`, `deepObject`) and `explode`. nil: the bracket form (`deepObject`).
    public var style: ParameterStyle?
    public var explode: Bool
    public var allowReserved: Bool
    /// `multipart/form-data`: the part's `Content-Type` (the first one when the spec lists several).
    public var contentType: String?
    /// `multipart/form-data`: further header fields of the part (OpenAPI Encoding Object
    /// `headers`), by name; a file's own `MultipartFile.headers` win over them.
    public var headers: [String: String]

    public init(style: ParameterStyle? = nil, explode: Bool = true, allowReserved: Bool = false, contentType: String? = nil,
                headers: [String: String] = [:]) {
        self.style = style
        self.explode = explode
        self.allowReserved = allowReserved
        self.contentType = contentType
        self.headers = headers
    }
}

/// `application/x-www-form-urlencoded` bodies from any `Encodable` value whose top level is an
/// object: one `name=value` pair per property, joined by `&`, names and values percent-encoded
/// (RFC 3986 unreserved characters kept; brackets and delimiters written as they are).
///
/// A property with an entry in `encodings` follows that style and `explode` (OpenAPI 3.1.1
/// §4.8.15.2, the rules of query parameters); any other array or object property is written in
/// the bracket form Stripe-style APIs read: `metadata[order_id]=6735`,
/// `items[0][price]=price_1`, `expand[]=customer`. Nulls are left out.
public enum FormEncoder {
    /// A request body: `RequestEncoding.encode(value, as: .form(encodings:))` (readOnly
    /// properties left out).
    /// - Throws: `EncodingError.invalidValue` when the value is not an object, or the value's own
    ///   encoding error.
    public static func encode<T: Encodable>(_ value: T, encodings: [String: BodyFieldEncoding] = [:]) throws -> Data {
        try RequestEncoding.encode(value, as: .form(encodings: encodings)).data
    }

    /// The body text for a value already converted.
    /// - Throws: `EncodingError.invalidValue` when `value` is not an object.
    public static func text(_ value: ParameterValue, encodings: [String: BodyFieldEncoding] = [:]) throws -> String {
        guard case .object(let fields) = value else {
            throw EncodingError.invalidValue(value, .init(codingPath: [], debugDescription: "a form body must be an object (OpenAPI 3.1.1 §4.8.15)"))
        }
        var pairs: [String] = []
        for field in fields {
            if let encoding = encodings[field.key], let style = encoding.style {
                pairs += ParameterEncoding.query(field.key, field.value, style: style, explode: encoding.explode, allowReserved: encoding.allowReserved)
            } else {
                let encode: (String) -> String = { encodings[field.key]?.allowReserved == true ? URIEncoding.allowingReserved($0) : URIEncoding.component($0) }
                pairs += ParameterEncoding.brackets(encode(field.key), field.value, encode: encode)
            }
        }
        return pairs.joined(separator: "&")
    }
}
