public import Foundation

/// Styled parameters and non-JSON request bodies, for generated operation methods.
extension ClientCore {
    /// `makeRequest`, then `encodedQuery` (pairs already percent-encoded by
    /// `ParameterEncoding.query`) appended after the plain query items.
    public func makeRequest(method: HTTPRequest.Method, path: String, query: [(name: String, value: String?)] = [],
                            encodedQuery: [String]) -> HTTPRequest {
        var request = makeRequest(method: method, path: path, query: query)
        if !encodedQuery.isEmpty {
            let separator = (request.path ?? "").contains("?") ? "&" : "?"
            request.path = (request.path ?? "") + separator + encodedQuery.joined(separator: "&")
        }
        return request
    }

    /// Adds cookie pairs (already `name=value`, from `ParameterEncoding.cookie`) to the `Cookie`
    /// header, joined by `; ` (RFC 6265 §4.2.1).
    /// - Throws: `InvalidHeaderValueError` for a pair holding CR, LF or NUL.
    public func addCookiePairs(_ pairs: [String], in request: inout HTTPRequest, operationID: String) throws {
        guard !pairs.isEmpty else { return }
        let text = pairs.joined(separator: "; ")
        try InvalidHeaderValueError.check(text, name: "Cookie", operationID: operationID)
        if let existing = request.headerFields[.cookie] {
            request.headerFields[.cookie] = existing + "; " + text
        } else {
            request.headerFields[.cookie] = text
        }
    }

    /// A value for the styled parameter encoders (`RequestEncoding.parameterValue`).
    public func parameterValue<T: Encodable>(_ value: T) throws -> ParameterValue {
        try RequestEncoding.parameterValue(value)
    }

    /// A parameter given by `content` with a JSON media type: the value's JSON text (OpenAPI
    /// 3.1.1 §4.8.12.1, one query value).
    public func jsonText<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try encodeJSON(value), as: UTF8.self)
    }

    /// An `application/x-www-form-urlencoded` body (`RequestEncoding`, `FormEncoder`).
    public func encodeForm<T: Encodable>(_ value: T, encodings: [String: BodyFieldEncoding] = [:]) throws -> Data {
        try RequestEncoding.encode(value, as: .form(encodings: encodings)).data
    }

    /// A `multipart/form-data` body (`MultipartBody`): its bytes and its `Content-Type` with the
    /// boundary.
    public func encodeMultipart<T: Encodable>(_ value: T, encodings: [String: BodyFieldEncoding] = [:]) throws -> (data: Data, contentType: String) {
        let (data, contentType) = try RequestEncoding.encode(value, as: .multipart(encodings: encodings))
        return (data, contentType ?? "multipart/form-data")
    }
}
