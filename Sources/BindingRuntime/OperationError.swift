/// What every error thrown by a generated operation carries: the operation and the request's
/// method and path (percent-encoded, without the query, which may hold credentials).
///
/// `APIError`, `ResponseDecodingError`, `ResponseValidationError`, `UnexpectedContentTypeError`,
/// `MissingCredentialsError` and `TransportError` conform; `ValidationErrors` thrown by an operation has the same three values
/// as optionals (the type is also thrown by `Validatable.validate()`, outside any operation).
public protocol OperationError: Error, Sendable {
    /// The operation's `operationId` in the spec.
    var operationID: String { get }
    /// The request's method.
    var method: HTTPRequest.Method { get }
    /// The request's path as sent, percent-encoded, without the query.
    var path: String { get }
}

extension OperationError {
    /// `GetMeterV3 (GET /api/v3/meter/1)`, the prefix of each description.
    var operationSummary: String { "\(operationID) (\(method.rawValue) \(path))" }
}
