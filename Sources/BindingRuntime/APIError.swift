public import Foundation

/// Thrown when the server answers with a status the operation does not treat as success.
///
/// Carries the whole response: status, header fields and body bytes; when the spec declares a
/// schema for that status, `decodedBody` holds the decoded value (or nil if it did not decode).
public struct APIError: OperationError, CustomStringConvertible {
    /// The operation's `operationId`.
    public var operationID: String
    public var method: HTTPRequest.Method
    public var path: String
    public var response: HTTPResponse
    /// The raw response body.
    public var body: Data
    /// The body decoded with the schema the spec declares for this status, if any.
    public var decodedBody: (any Sendable)?

    public init(operationID: String, method: HTTPRequest.Method, path: String, response: HTTPResponse, body: Data, decodedBody: (any Sendable)? = nil) {
        self.operationID = operationID
        self.method = method
        self.path = path
        self.response = response
        self.body = body
        self.decodedBody = decodedBody
    }

    public var status: HTTPResponse.Status { response.status }
    public var headerFields: HTTPFields { response.headerFields }

    /// The decoded body as `T`, when the spec declared `T` for this status.
    public func decodedBody<T>(as type: T.Type) -> T? {
        decodedBody as? T
    }

    /// The operation, method, path and status, then up to 512 bytes of the body (an error body
    /// is the server's message, unlike a success body, which descriptions never show).
    public var description: String {
        let text = String(decoding: body.prefix(512), as: UTF8.self)
        return "\(operationSummary): HTTP \(status.code) \(status.reasonPhrase)" + (text.isEmpty ? "" : ": \(text)")
    }
}
