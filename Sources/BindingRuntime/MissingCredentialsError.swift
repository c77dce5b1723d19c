/// Thrown before sending when none of an operation's security requirements can be met with the
/// credentials the client holds.
public struct MissingCredentialsError: OperationError, CustomStringConvertible {
    public var operationID: String
    public var method: HTTPRequest.Method
    public var path: String
    /// The security schemes that would satisfy the operation, by name.
    public var schemes: [String]

    public init(operationID: String, method: HTTPRequest.Method, path: String, schemes: [String]) {
        self.operationID = operationID
        self.method = method
        self.path = path
        self.schemes = schemes
    }

    public var description: String {
        "\(operationSummary) needs credentials for: \(schemes.joined(separator: " or "))"
    }
}
