public import Foundation

/// Thrown when the server answers with a status the operation does not treat as success.
///
/// Carries the whole response: status, header fields and body bytes; when the spec declares a
/// schema for that status, `decodedBody` holds the decoded value (or nil if it did not decode).
public struct APIError: Error, Sendable, CustomStringConvertible {
    /// The operation's `operationId`.
    public var operationID: String
    public var response: HTTPResponse
    /// The raw response body.
    public var body: Data
    /// The body decoded with the schema the spec declares for this status, if any.
    public var decodedBody: (any Sendable)?

    public init(operationID: String, response: HTTPResponse, body: Data, decodedBody: (any Sendable)? = nil) {
        self.operationID = operationID
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

    public var description: String {
        let text = String(decoding: body.prefix(512), as: UTF8.self)
        return "\(operationID): HTTP \(status.code) \(status.reasonPhrase)" + (text.isEmpty ? "" : ": \(text)")
    }
}

/// Thrown when a response's status was expected but its body does not match the spec.
public struct ResponseDecodingError: Error, Sendable, CustomStringConvertible {
    public var operationID: String
    public var response: HTTPResponse
    public var body: Data
    /// The `DecodingError` (or other error) the decoder threw, described.
    public var underlying: String

    public init(operationID: String, response: HTTPResponse, body: Data, underlying: String) {
        self.operationID = operationID
        self.response = response
        self.body = body
        self.underlying = underlying
    }

    public var description: String {
        "\(operationID): HTTP \(response.status.code) body does not match the spec: \(underlying)"
    }
}

/// Thrown before sending when none of an operation's security requirements can be met with the
/// credentials the client holds.
public struct MissingCredentialsError: Error, Sendable, CustomStringConvertible {
    public var operationID: String
    /// The security schemes that would satisfy the operation, by name.
    public var schemes: [String]

    public init(operationID: String, schemes: [String]) {
        self.operationID = operationID
        self.schemes = schemes
    }

    public var description: String {
        "\(operationID) needs credentials for: \(schemes.joined(separator: " or "))"
    }
}

/// Thrown when `ClientConfiguration.validatesResponses` is on and a success response body
/// violates the spec's schema.
public struct ResponseValidationError: Error, Sendable, CustomStringConvertible {
    public var operationID: String
    public var response: HTTPResponse
    public var body: Data
    public var errors: ValidationErrors

    public init(operationID: String, response: HTTPResponse, body: Data, errors: ValidationErrors) {
        self.operationID = operationID
        self.response = response
        self.body = body
        self.errors = errors
    }

    public var description: String {
        "\(operationID): HTTP \(response.status.code) body violates the spec: \(errors)"
    }
}
