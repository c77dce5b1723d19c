public import Foundation

/// The one way a value becomes part of a request, for every media type: JSON bodies, form
/// bodies, multipart bodies, styled parameters, and the value request validation checks. Each
/// encoder it makes carries `CodingDirection.request` in its `userInfo`, so generated structs
/// leave out their `readOnly` properties (`Encoder.isEncodingRequest`) whatever the body's media
/// type (OpenAPI 3.0.3 §4.7.24 / 3.1.0 §4.8.24: readOnly properties "SHOULD NOT be sent as part
/// of the request").
public enum RequestEncoding {
    /// The direction every request encoder is given.
    public static let direction = CodingDirection.request

    /// A request body's media type family, with the spec's Encoding Object entries for form and
    /// multipart bodies.
    public enum BodyKind: Sendable {
        /// `application/json` and `+json` types: `JSONCoding.requestEncoder()`.
        case json
        /// `application/x-www-form-urlencoded`: `FormEncoder`.
        case form(encodings: [String: BodyFieldEncoding] = [:])
        /// `multipart/form-data`: `MultipartBody`, one part per property.
        case multipart(encodings: [String: BodyFieldEncoding] = [:])
    }

    /// The body bytes of `value` sent as `kind`, and the `Content-Type` the encoding fixes (the
    /// multipart boundary; nil for JSON and form bodies, whose type is the spec's).
    /// - Throws: the value's own `EncodingError`; `EncodingError.invalidValue` for a form or
    ///   multipart value that is not an object; `InvalidHeaderValueError` for a multipart part
    ///   header holding CR or LF.
    public static func encode<T: Encodable>(_ value: T, as kind: BodyKind) throws -> (data: Data, contentType: String?) {
        switch kind {
        case .json:
            return (try JSONCoding.requestEncoder().encode(value), nil)
        case .form(let encodings):
            return (Data(try FormEncoder.text(parameterValue(value), encodings: encodings).utf8), nil)
        case .multipart(let encodings):
            var body = MultipartBody()
            try body.append(parameterValue(value), encodings: encodings)
            return (body.data, body.contentType)
        }
    }

    /// `value` as form bodies, multipart bodies and parameter styles see it (`ParameterValue`),
    /// encoded for a request.
    /// - Throws: the value's own `EncodingError`.
    public static func parameterValue<T: Encodable>(_ value: T) throws -> ParameterValue {
        try ParameterValue(encoding: value, direction: direction)
    }

    /// `value` as JSON, as the request body would hold it (for request validation).
    public static func jsonValue<T: Encodable>(_ value: T) -> JSONValue {
        JSONValue(encoding: value, direction: direction)
    }
}
