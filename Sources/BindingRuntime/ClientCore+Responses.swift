public import Foundation

/// Reading a success response: its media type, its declared headers, raw bodies.
extension ClientCore {
    /// A reader for the operation's declared response headers.
    public func headerReader(request: HTTPRequest, response: HTTPResponse, body: Data, operationID: String) -> ResponseHeaderReader {
        ResponseHeaderReader(operationID: operationID, request: request, response: response, body: body, timeZone: configuration.timeZone)
    }

    /// Checks the response's `Content-Type` against the media types the spec declares for its
    /// status (OpenAPI Response Object, `content`; ranges such as `text/*` and `*/*` match their
    /// types, parameters such as `charset` are ignored, RFC 9110 §8.3.1). A response without
    /// `Content-Type` passes (RFC 9110 §8.3 lets the recipient assume a type).
    /// - Throws: `UnexpectedContentTypeError` naming the operation, status and content type.
    public func checkContentType(_ declared: [String], request: HTTPRequest, response: HTTPResponse, body: Data, operationID: String) throws {
        if hasDeclaredContentType(response, declared: declared) { return }
        throw UnexpectedContentTypeError(operationID: operationID, method: request.method, path: pathWithoutQuery(request), response: response,
                                         body: body, declared: declared)
    }

    /// `checkContentType` for a body still being received: the body is read (within
    /// `maximumResponseBodySize`) only when the type is not declared, for the error.
    /// - Throws: `UnexpectedContentTypeError`, or `TransportError` when reading that body fails.
    public func checkContentType(_ declared: [String], request: HTTPRequest, response: HTTPResponse, stream: ResponseBodyStream, operationID: String) async throws {
        if hasDeclaredContentType(response, declared: declared) { return }
        try checkContentType(declared, request: request, response: response, body: try await collect(stream, request: request, operationID: operationID),
                             operationID: operationID)
    }

    /// The rule of `checkContentType`: true when the response has no `Content-Type`, the spec
    /// declares none, or the type is one of `declared`.
    func hasDeclaredContentType(_ response: HTTPResponse, declared: [String]) -> Bool {
        guard let received = response.headerFields[.contentType], !declared.isEmpty else { return true }
        let type = MediaTypeMatch.essence(received)
        return declared.contains(where: { MediaTypeMatch.matches(type, range: MediaTypeMatch.essence($0)) })
    }

    /// Raw bytes with the response's `Content-Type`, or `declared` when it had none.
    public func typedData(_ body: Data, response: HTTPResponse, declared: String) -> TypedData {
        TypedData(contentType: response.headerFields[.contentType] ?? declared, data: body)
    }
}

extension OperationResponse {
    /// The response's status and header fields with the decoded headers and body.
    public init(_ response: HTTPResponse, headers: Headers, body: Body) {
        self.init(status: response.status.code, headerFields: response.headerFields, headers: headers, body: body)
    }
}

/// Media type comparison (RFC 9110 §8.3.1: type and subtype are case-insensitive).
enum MediaTypeMatch {
    /// `Application/JSON; charset=utf-8` → `application/json`.
    static func essence(_ text: String) -> String {
        String(text.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
            .trimmingCharacters(in: .whitespaces).lowercased()
    }

    /// `type` is `range`, or within it (`text/*`, `*/*`).
    static func matches(_ type: String, range: String) -> Bool {
        if range == "*/*" || range == type { return true }
        if range.hasSuffix("/*") { return type.hasPrefix(String(range.dropLast())) }
        return false
    }
}

/// Thrown when a success response's `Content-Type` is none of the media types the spec declares
/// for that status: `GetReportV1 (GET /api/v1/report): HTTP 200 has Content-Type text/html, which
/// the operation does not declare for this status (declared: application/json)`.
public struct UnexpectedContentTypeError: OperationError, CustomStringConvertible {
    public var operationID: String
    public var method: HTTPRequest.Method
    public var path: String
    public var response: HTTPResponse
    /// The body as received (not decoded).
    public var body: Data
    /// The media types the spec declares for the status.
    public var declared: [String]

    public init(operationID: String, method: HTTPRequest.Method, path: String, response: HTTPResponse, body: Data, declared: [String]) {
        self.operationID = operationID
        self.method = method
        self.path = path
        self.response = response
        self.body = body
        self.declared = declared
    }

    public var status: Int { response.status.code }
    /// The `Content-Type` received.
    public var contentType: String { response.headerFields[.contentType] ?? "" }

    public var description: String {
        "\(operationSummary): HTTP \(status) has Content-Type \(contentType), which the operation does not declare for this status "
            + "(declared: \(declared.joined(separator: ", ")))"
    }
}
