public import Foundation

/// A file for a `multipart/form-data` part (RFC 7578 §4.2): its bytes, the file name sent in
/// `Content-Disposition` and its content type (`application/octet-stream` when nil).
/// Encoded as base64 text outside multipart bodies (OpenAPI `format: binary` in JSON).
public struct MultipartFile: Hashable, Sendable, Codable {
    public var data: Data
    public var fileName: String?
    public var contentType: String?
    /// Extra header fields of the part (OpenAPI Encoding Object `headers`), in order.
    public var headers: [String: String]

    public init(_ data: Data, fileName: String? = nil, contentType: String? = nil, headers: [String: String] = [:]) {
        self.data = data
        self.fileName = fileName
        self.contentType = contentType
        self.headers = headers
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let data = Data(base64Encoded: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "expected base64 text"))
        }
        self.init(data)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(data.base64EncodedString())
    }
}

/// Thrown before sending when a header value, or a multipart part header, holds CR, LF or NUL
/// (RFC 9110 §5.5: a field value cannot hold them; changing them would send something else).
public struct InvalidHeaderValueError: Error, Sendable, CustomStringConvertible {
    /// The operation's `operationId` (empty outside an operation).
    public var operationID: String
    /// The header field's name.
    public var name: String

    public init(operationID: String, name: String) {
        self.operationID = operationID
        self.name = name
    }

    public var description: String {
        "\(operationID.isEmpty ? "" : operationID + ": ")header '\(name)' has a value with CR, LF or NUL (RFC 9110 §5.5); nothing was sent"
    }

    /// Throws when `value` holds CR, LF or NUL.
    public static func check(_ value: String, name: String, operationID: String = "") throws(InvalidHeaderValueError) {
        if value.utf8.contains(where: { $0 == 13 || $0 == 10 || $0 == 0 }) {
            throw InvalidHeaderValueError(operationID: operationID, name: name)
        }
    }
}

/// A `multipart/form-data` body (RFC 7578) with a random boundary.
///
/// Parts from a value's properties, in order (`append(encoding:)`): files (`MultipartFile`,
/// `Data`) as file parts with `filename` and their content type; objects and arrays of objects
/// as JSON parts (`application/json`); other arrays as one part per item with the same name;
/// strings, numbers and booleans as text parts without a `Content-Type` (RFC 7578 §4.4:
/// `text/plain`). `encodings` sets a part's content type (JSON when it names JSON) and further header fields. Nulls are
/// left out.
public struct MultipartBody: Sendable {
    public let boundary: String
    private var body = Data()

    /// - Parameter boundary: at most 70 characters (RFC 2046 §5.1.1); random by default.
    public init(boundary: String = MultipartBody.randomBoundary()) {
        self.boundary = boundary
    }

    /// `BindingRuntime-` followed by 32 random hexadecimal digits.
    public static func randomBoundary() -> String {
        var generator = SystemRandomNumberGenerator()
        let hex = (0..<2).map { _ in String(generator.next() as UInt64, radix: 16) }.map { String(repeating: "0", count: 16 - $0.count) + $0 }
        return "BindingRuntime-" + hex.joined()
    }

    /// `multipart/form-data; boundary=…`, the request's `Content-Type`.
    public var contentType: String { "multipart/form-data; boundary=\(boundary)" }

    /// The body bytes, with the closing delimiter.
    public var data: Data {
        var result = body
        result.append(Data("--\(boundary)--\r\n".utf8))
        return result
    }

    /// One part per property of `value` (an object), as described on the type.
    /// - Throws: `EncodingError.invalidValue` when `value` is not an object;
    ///   `InvalidHeaderValueError` for a part header holding CR or LF.
    /// The value is encoded for a request (`RequestEncoding.parameterValue`: readOnly properties left out).
    public mutating func append<T: Encodable>(encoding value: T, encodings: [String: BodyFieldEncoding] = [:]) throws {
        try append(RequestEncoding.parameterValue(value), encodings: encodings)
    }

    /// One part per member of `value`, which must be an object.
    /// - Throws: `EncodingError.invalidValue` when it is not; `InvalidHeaderValueError` for a part
    ///   header holding CR or LF.
    public mutating func append(_ value: ParameterValue, encodings: [String: BodyFieldEncoding] = [:]) throws {
        guard case .object(let fields) = value else {
            throw EncodingError.invalidValue(value, .init(codingPath: [], debugDescription: "a multipart body must be an object (OpenAPI 3.1.1 §4.8.14.4)"))
        }
        for field in fields {
            try append(field.key, field.value, contentType: encodings[field.key]?.contentType, headers: encodings[field.key]?.headers ?? [:])
        }
    }

    /// A part named `name` (arrays of scalars and files: one part per item), with `headers`
    /// in its head besides `Content-Disposition` and `Content-Type`.
    public mutating func append(_ name: String, _ value: ParameterValue, contentType: String? = nil, headers: [String: String] = [:]) throws {
        let isJSON = contentType.map { $0.lowercased().contains("json") } ?? false
        switch value {
        case .null: return
        case .file(let file):
            try appendPart(name: name, fileName: file.fileName ?? name, contentType: file.contentType ?? contentType ?? "application/octet-stream",
                           headers: headers.merging(file.headers) { _, own in own }, data: file.data)
        case .scalar(let text, _):
            try appendPart(name: name, fileName: nil, contentType: isJSON ? contentType : contentType.flatMap { $0.hasPrefix("text/plain") ? nil : $0 },
                           headers: headers, data: Data((isJSON ? value.jsonText : text).utf8))
        case .array(let items) where !isJSON && items.allSatisfy({ if case .object = $0 { return false }; if case .array = $0 { return false }; return true }):
            for item in items { try append(name, item, contentType: contentType, headers: headers) }
        case .array, .object:
            try appendPart(name: name, fileName: nil, contentType: contentType ?? "application/json", headers: headers, data: Data(value.jsonText.utf8))
        }
    }

    private mutating func appendPart(name: String, fileName: String?, contentType: String?, headers: [String: String], data: Data) throws {
        var head = "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(Self.escaped(name))\""
        if let fileName { head += "; filename=\"\(Self.escaped(fileName))\"" }
        head += "\r\n"
        if let contentType {
            try InvalidHeaderValueError.check(contentType, name: "Content-Type")
            head += "Content-Type: \(contentType)\r\n"
        }
        for (field, value) in headers.sorted(by: { $0.key < $1.key }) {
            try InvalidHeaderValueError.check(field, name: field)
            try InvalidHeaderValueError.check(value, name: field)
            head += "\(field): \(value)\r\n"
        }
        head += "\r\n"
        body.append(Data(head.utf8))
        body.append(data)
        body.append(Data("\r\n".utf8))
    }

    /// A name or file name in a quoted `Content-Disposition` parameter: `"`, CR and LF
    /// percent-encoded (RFC 7578 §4.2, as HTML's form submission does).
    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "\"", with: "%22").replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(of: "\n", with: "%0A")
    }
}
