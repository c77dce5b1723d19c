/// The one table of names a spec cannot have as they are: Swift keywords (written with
/// backticks), names the generated code and the runtime use unqualified (a type with one of
/// them gets a `Model` suffix), and member names that would hide or collide with what the
/// generated code declares (taken from the start, so the spec's name gets a number, as every
/// other collision does).
///
/// The approach is reserving, not module-qualifying: a reserved name never reaches a
/// declaration, so the generated code can keep referring to `String`, `Date`, `Validatable` or
/// `ClientCore` unqualified, and specs without such names generate exactly what they did.
/// `ReservedNamesTests` checks that every type name in the committed generated modules is
/// either declared by them or listed here, and that every public type of `BindingRuntime` is.
///
/// Sources: The Swift Programming Language, "Lexical Structure" → "Keywords and Punctuation";
/// the compiler's behaviour for contextual keywords (checked by the Hostile fixture, which uses
/// them as type, property, enum case, parameter and method names).
public enum ReservedNames {
    /// Keywords that cannot be an identifier without backticks in some position the generator
    /// writes (a declaration, a parameter's local name, an enum case, after `.`). Contextual
    /// keywords (`async`, `actor`, `some`, `any`, `each`, `macro`, `isolated`, `nonisolated`,
    /// `consume`, `borrowing`, `consuming`, `get`, `set`, `none`, …) are identifiers wherever
    /// the generator writes a name, so they stay bare (backticks would only add noise; the
    /// Hostile fixture compiles them in every position). `open` and `await` are escaped though
    /// not needed, as before. `Type`, `Protocol`, `Self` and `Any` are also reserved type names
    /// and member names.
    public static let keywords: Set<String> = [
        // Declarations
        "associatedtype", "class", "deinit", "enum", "extension", "fileprivate", "func", "import", "init", "inout", "internal",
        "let", "open", "operator", "private", "precedencegroup", "protocol", "public", "rethrows", "static", "struct",
        "subscript", "typealias", "var",
        // Statements
        "break", "case", "catch", "continue", "default", "defer", "do", "else", "fallthrough", "for", "guard", "if", "in",
        "repeat", "return", "throw", "switch", "where", "while",
        // Expressions and types
        "Any", "as", "await", "false", "is", "nil", "self", "Self", "super", "throws", "true", "try",
        // Patterns
        "_",
    ]

    /// Keywords that need backticks as an argument label at a call site. Every other keyword is
    /// a valid label there (TSPL, "Keywords and Punctuation", lists `inout`, `var` and `let` as
    /// the exceptions; Swift 6 accepts `var` and `let` too), and the compiler warns that backticks
    /// are unnecessary.
    public static let argumentLabelKeywords: Set<String> = ["inout"]

    /// Type names the generated code or its callers use unqualified, which a generated type of
    /// the same name would shadow (in the module, and inside a struct for its nested types):
    /// the Swift standard library's and Foundation's types and protocols the output refers to,
    /// every public type of `BindingRuntime` and of the HTTP types it re-exports, the modules
    /// it imports, the names of the generator's own helper types, and the keywords that name
    /// types. A schema with one of these names gets a `Model` suffix (`Error` → `ErrorModel`).
    public static let typeNames: Set<String> = [
        // Keywords and special names that are types (`x.Type`, `Self`, `Any`, `x.Protocol`).
        "Any", "Protocol", "Self", "Type",
        // Modules the output imports or could qualify with.
        "BindingRuntime", "Foundation", "HTTPTypes", "Swift",
        // Swift standard library types and protocols the output uses.
        "Array", "Bool", "CaseIterable", "Character", "Codable", "CodingKey", "Decodable", "Decoder", "Dictionary", "Double",
        "Encodable", "Encoder", "Error", "Float", "Hashable", "Hasher", "Int", "Int32", "Int64", "Never", "Optional",
        "RawRepresentable", "Result", "Sendable", "Set", "String", "Task", "UTF8", "Void",
        // Foundation types the output uses.
        "Data", "Date", "TimeZone", "URL", "UUID",
        // BindingRuntime's public types (generated code uses most of them).
        "APIError", "CalendarDate", "ClientConfiguration", "ClientCore", "ClientTransport", "DateTimeFormat", "ExactDecimal",
        "FormatCheck", "HTTPBasicCredentials", "Indirect", "JSONCoding", "JSONSyntaxError", "JSONType", "JSONValue",
        "MissingCredentialsError", "Pattern", "ResponseDecodingError", "ResponseValidationError", "SecurityCredential",
        "URIEncoding", "URLSessionTransport", "Validatable", "ValidationError", "ValidationErrors", "ValidationSchema",
        "ClientMiddleware", "CodingDirection", "DynamicCodingKey", "DeprecationNotice", "DeprecationWarnings", "LoggingMiddleware", "OperationError", "RequestTimeoutError",
        "ResponseBodyTooLargeError", "RetryAfter", "RetryMiddleware", "TransportContext", "TransportError", "TransportErrorClassifying",
        "Nullable", "OpenEnumeration", "UnionDecoding",
        "NoResponseHeaders", "OperationResponse", "PageSequence", "ResponseHeaderReader", "ResponseHeaderValue", "TypedData",
        "UnexpectedContentTypeError",
        "BodyFieldEncoding", "FormEncoder", "InvalidHeaderValueError", "MultipartBody", "MultipartFile", "ParameterEncoding", "ParameterStyle", "RequestEncoding",
        "ParameterValue",
        "RequestBody", "RequestBodyConsumedError", "ResponseBodyStream", "ServerSentEvent", "ServerSentEvents",
        // swift-http-types, re-exported by BindingRuntime.
        "HTTPField", "HTTPFields", "HTTPRequest", "HTTPResponse",
        // The generator's own declarations: the `Schemas` namespace, the manifest; `CodingKeys`,
        // which structs declared before their coding was written out, stays taken so no name moves.
        "APIBindgenManifest", "CodingKeys", "Schemas",
    ]

    /// Names no generated member (property, enum case, parameter, method) may have, even with
    /// backticks: a parameter named `` `self` `` hides `self` in the body (`self.self = `self``),
    /// and a member named `Type`, `Protocol` or `Self` cannot be referred to (`T.Type` is the
    /// metatype). Generated names start lowercase, so only `self` arises from a spec; the others
    /// guard name overrides.
    public static let memberNames: Set<String> = ["self", "Self", "Type", "Protocol"]

    /// The function every struct, enum and union builds its `validationSchema` in (see
    /// `SwiftRenderer.renderValidation`), so no property or case may take its name.
    static let validationSchemaBuilder = "makeValidationSchema"

    /// Taken in every struct: its initializer and coding members, `CodingKeys`, `Validatable`'s
    /// `validate()`, the schema's builder, and `hashValue` (a stored `hashValue` makes `Hashable` warn).
    public static let propertyNames: Set<String> = memberNames.union(["init", "encode", "CodingKeys", "validate", validationSchemaBuilder, "hashValue"])

    /// Taken in every enum: the case for unlisted values, `CaseIterable`'s `allCases` and the
    /// validation schema's builder.
    public static let enumCaseNames: Set<String> = memberNames.union(["unknown", "allCases", validationSchemaBuilder])

    /// Taken in every operation method: the names its generated body declares or reads
    /// (`OperationLocals`, kept beside the renderer that writes them).
    public static let parameterNames: Set<String> = memberNames.union(OperationLocals.names)

    /// Taken among a client's (or API version namespace's) operation methods: its stored and
    /// computed properties.
    public static let operationNames: Set<String> = memberNames.union(["client", "core", "configuration", "transport"])

    /// Taken among the client's credential properties: its other properties and its
    /// initializers' other parameters.
    public static let credentialNames: Set<String> = memberNames.union(["configuration", "transport", "core", "serverURL", "timeZone", "middlewares"])

    /// A file name SwiftPM must not see in a library target: `main.swift` (any case) makes the
    /// target an executable.
    static func isReservedFileName(_ name: String) -> Bool {
        name.lowercased() == "main.swift"
    }
}
