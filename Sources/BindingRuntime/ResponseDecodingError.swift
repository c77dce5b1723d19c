public import Foundation

/// Thrown when a response's status was expected but its body does not decode as the spec says.
///
/// The description says what was expected (the Swift type and, for a type mismatch, the JSON
/// type), where (the coding path), and what arrived (content type and length in bytes), and never
/// shows body content: `GetMeterV3 (GET /api/v3/meter/1): HTTP 200 body does not decode as Meter:
/// at meterInfo.meterId: expected Int32, found another type; received application/json, 48 bytes`.
public struct ResponseDecodingError: OperationError, CustomStringConvertible {
    public var operationID: String
    public var method: HTTPRequest.Method
    public var path: String
    public var response: HTTPResponse
    public var body: Data
    /// The Swift type the body was decoded as (`DataAccessReleaseState`).
    public var expectedType: String
    /// Where decoding stopped, as coding-path keys (`["releaseStatus", "dataAccessReleaseStatusId"]`,
    /// array indices as numbers); empty at the top level.
    public var codingPath: [String]
    /// What went wrong there, without body content: `not valid JSON`, `expected Int32, found another
    /// type`, `missing key "id"`, `null where a value is required`, `a value the type does not accept`.
    public var reason: String
    /// The decoder's error (typically `DecodingError`), kept for inspection; its own description may
    /// quote body content.
    public var underlyingError: any Error

    public init(operationID: String, method: HTTPRequest.Method, path: String, response: HTTPResponse, body: Data, expectedType: String, underlyingError: any Error) {
        self.operationID = operationID
        self.method = method
        self.path = path
        self.response = response
        self.body = body
        self.expectedType = expectedType
        self.underlyingError = underlyingError
        (self.codingPath, self.reason) = Self.explain(underlyingError)
    }

    /// The response's `Content-Type`, or nil when it had none.
    public var contentType: String? { response.headerFields[.contentType] }

    public var description: String {
        let location = codingPath.isEmpty ? "" : "at \(codingPath.joined(separator: ".")): "
        return "\(operationSummary): HTTP \(response.status.code) body does not decode as \(expectedType): \(location)\(reason); "
            + "received \(contentType ?? "no Content-Type"), \(body.count) bytes"
    }

    private static func explain(_ error: any Error) -> (path: [String], reason: String) {
        func keys(_ path: [any CodingKey]) -> [String] { path.map { $0.intValue.map(String.init) ?? $0.stringValue } }
        guard let error = error as? DecodingError else { return ([], "the decoder failed (\(type(of: error)))") }
        switch error {
        case .typeMismatch(let type, let context):
            return (keys(context.codingPath), "expected \(type), found another type")
        case .valueNotFound(let type, let context):
            return (keys(context.codingPath), "null or no value where \(type) is required")
        case .keyNotFound(let key, let context):
            return (keys(context.codingPath), "missing key \"\(key.stringValue)\"")
        case .dataCorrupted(let context):
            // The debug description may quote the value (`'yesterday' is not a date-time`): not shown.
            return (keys(context.codingPath), context.codingPath.isEmpty ? "not valid JSON" : "a value the type does not accept")
        @unknown default:
            return ([], "the decoder failed")
        }
    }
}
