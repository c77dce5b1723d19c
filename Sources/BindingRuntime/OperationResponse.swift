public import Foundation

/// The whole response of a generated operation, as its `…Response(…)` method returns it: the
/// status, every header field as received, the headers the spec declares for the success
/// statuses decoded into `Headers` (readable directly: `response.totalPages` is
/// `response.headers.totalPages`), and the decoded body.
///
/// `Body` is the one-line method's result type: the decoded body (`[MeterResponse]`), an
/// optional of it when some success status has no body (nil for those), `Void` when none has
/// one, or a generated enum with one case per success status when they carry different bodies
/// (`case ok(Item)`, `case created(Receipt)`, `case noContent`). `Headers` is a generated struct
/// with one optional property per declared header (OpenAPI Response Object, `headers`), or
/// `NoResponseHeaders` when the spec declares none.
@dynamicMemberLookup
public struct OperationResponse<Body: Sendable, Headers: Sendable>: Sendable {
    /// The HTTP status code (one of the operation's success statuses).
    public var status: Int
    /// Every header field of the response, as received (RFC 9110 §5; names are case-insensitive).
    public var headerFields: HTTPFields
    /// The declared headers, decoded by their schemas.
    public var headers: Headers
    /// The decoded body.
    public var body: Body

    public init(status: Int, headerFields: HTTPFields, headers: Headers, body: Body) {
        self.status = status
        self.headerFields = headerFields
        self.headers = headers
        self.body = body
    }

    /// `response.totalPages` for `response.headers.totalPages`.
    public subscript<Value>(dynamicMember keyPath: KeyPath<Headers, Value>) -> Value {
        headers[keyPath: keyPath]
    }

    /// The same response with its body transformed (the one-line methods use it to unwrap).
    public func mapBody<T: Sendable>(_ transform: (Body) throws -> T) rethrows -> OperationResponse<T, Headers> {
        OperationResponse<T, Headers>(status: status, headerFields: headerFields, headers: headers, body: try transform(body))
    }
}

/// The `Headers` of an operation whose success responses declare no headers.
public struct NoResponseHeaders: Hashable, Sendable {
    public init() {}
}

/// Raw response bytes of a media type that is neither JSON, `text/*` nor binary
/// (`application/xml`, `application/pdf` declared without `format: binary`, …), with the
/// `Content-Type` they arrived with.
public struct TypedData: Hashable, Sendable {
    /// The response's `Content-Type` (RFC 9110 §8.3), or the declared media type when the
    /// response had none.
    public var contentType: String
    public var data: Data

    public init(contentType: String, data: Data) {
        self.contentType = contentType
        self.data = data
    }
}
