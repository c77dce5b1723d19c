public import Foundation

/// Thrown when `ClientConfiguration.validatesResponses` is on and a success response body
/// violates the spec's schema.
public struct ResponseValidationError: OperationError, CustomStringConvertible {
    public var operationID: String
    public var method: HTTPRequest.Method
    public var path: String
    public var response: HTTPResponse
    public var body: Data
    public var errors: ValidationErrors

    public init(operationID: String, method: HTTPRequest.Method, path: String, response: HTTPResponse, body: Data, errors: ValidationErrors) {
        self.operationID = operationID
        self.method = method
        self.path = path
        self.response = response
        self.body = body
        self.errors = errors
    }

    public var description: String {
        "\(operationSummary): HTTP \(response.status.code) body violates the spec: \(errors)"
    }
}
