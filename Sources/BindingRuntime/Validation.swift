/// One violation: where (JSON Pointer, RFC 6901), which keyword, its limit, and a message that
/// describes the failing value's shape (not its content).
public struct ValidationError: Error, Hashable, Sendable, CustomStringConvertible {
    /// `/accountNumber`, `/items/3/name`; `""` for the whole value.
    public var pointer: String
    /// The JSON Schema keyword that failed (`pattern`, `minLength`, `required`, …).
    public var keyword: String
    /// The keyword's value, as text (`^2[0-9]{11}$`, `12`).
    public var limit: String?
    public var message: String

    public init(pointer: String, keyword: String, limit: String?, message: String) {
        self.pointer = pointer
        self.keyword = keyword
        self.limit = limit
        self.message = message
    }

    public var description: String {
        "\(pointer.isEmpty ? "(root)" : pointer): \(keyword)\(limit.map { " \($0)" } ?? ""): \(message)"
    }
}

/// Every violation found in one value, thrown by `validate()` and, before sending, by generated
/// operations (on by default: `ClientConfiguration.validatesRequests`).
public struct ValidationErrors: Error, Hashable, Sendable, CustomStringConvertible {
    public var errors: [ValidationError]
    /// When thrown by a generated operation (request validation, before sending): its
    /// `operationId`, and the request's method and path (percent-encoded, without the query).
    /// Nil from `Validatable.validate()`.
    public var operationID: String?
    public var method: HTTPRequest.Method?
    public var path: String?

    public init(_ errors: [ValidationError], operationID: String? = nil, method: HTTPRequest.Method? = nil, path: String? = nil) {
        self.errors = errors
        self.operationID = operationID
        self.method = method
        self.path = path
    }

    public var description: String {
        let operation = operationID.map { id in "\(id)" + (method.map { " (\($0.rawValue) \(path ?? ""))" } ?? "") + ": " } ?? ""
        return operation + "\(errors.count) validation error\(errors.count == 1 ? "" : "s"):\n" + errors.map { "  " + $0.description }.joined(separator: "\n")
    }
}

/// A generated model that knows its schema.
public protocol Validatable: Encodable {
    /// The model's JSON Schema keywords.
    static var validationSchema: ValidationSchema { get }
}

extension Validatable {
    /// Checks every constraint of the model's schema (and of the schemas it refers to) against
    /// the value as it would be sent (encoded with `JSONCoding.encoder()`). `direction` relaxes
    /// `required` for `readOnly` properties (`.request`) or `writeOnly` ones (`.response`);
    /// `.any`, the default, requires both.
    /// - Throws: `ValidationErrors` listing every violation, each with its JSON Pointer.
    public func validate(for direction: CodingDirection = .any) throws(ValidationErrors) {
        // Most values are valid: checked while they encode, without the JSON tree (`FastValidation`).
        if FastValidation.accepts(self, schema: Self.validationSchema, direction: direction) { return }
        let errors = Self.validationSchema.validate(JSONValue(encoding: self), direction: direction)
        if !errors.isEmpty { throw ValidationErrors(errors) }
    }
}

extension JSONValue {
    /// The JSON a value encodes to with the generated clients' coders (`JSONCoding.encoder()`),
    /// built directly, without writing and parsing JSON text (`JSONValueEncoding`); `.null` if it
    /// cannot be encoded.
    public init<T: Encodable>(encoding value: T) {
        self = JSONValueEncoding.value(of: value, direction: nil)
    }

    /// As `init(encoding:)`, for a value travelling `direction`: with `.request`, generated
    /// structs leave out their `readOnly` properties, as in the request body
    /// (`JSONCoding.requestEncoder()`).
    public init<T: Encodable>(encoding value: T, direction: CodingDirection) {
        self = JSONValueEncoding.value(of: value, direction: direction)
    }
}
