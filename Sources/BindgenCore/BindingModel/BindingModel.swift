import OpenAPIModel

/// The binding model: what the bindings contain, in plain values, with no Swift syntax.
/// The translator builds it from an `OpenAPIDocument`; the renderer turns it into files;
/// the API diff compares two of them.
public struct BindingModule: Equatable, Sendable {
    public var name: String
    public var accessLevel: AccessLevel
    /// The spec file's name (no directories), for file headers.
    public var specFileName: String
    public var title: String
    public var apiVersion: String
    public var description: String?
    public var defaultServerURL: String?
    /// The JSON Schema dialect of the spec's schemas (OpenAPI 3.0: Draft 4 based; 3.1: 2020-12).
    public var draft: SchemaDraft
    /// Top-level types, sorted by name.
    public var types: [TypeDeclaration]
    public var client: ClientDeclaration
}

public enum SchemaDraft: String, Equatable, Sendable {
    case draft4, draft2020
}

public enum AccessLevel: String, Equatable, Sendable, CaseIterable {
    case `public`, package, `internal`
}

/// A named Swift type bound from a schema.
public struct TypeDeclaration: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        case structure([Property])
        case enumeration(raw: TypeReference, cases: [EnumCase])
        case alias(TypeReference)
        /// `oneOf` / `anyOf` / a type array: an enum with one case per alternative (`UnionDeclaration`).
        case union(UnionDeclaration)
    }

    public var name: String
    /// JSON Pointer of the schema in the spec (`/components/schemas/Pet`).
    public var sourcePointer: String
    /// Where the schema was written, for doc comments: `#/components/schemas/Pet`, or
    /// `common.yaml#/components/schemas/Money` in another file of the spec
    /// (`OpenAPIDocument.sourceReference(of:)`).
    public var sourceReference: String
    public var documentation: String?
    public var kind: Kind
    /// Types declared inside this one (inline object and enum schemas of its properties).
    public var nested: [TypeDeclaration]
    /// The schema's validation keywords.
    public var validation: ValidationRules
    /// An open object (`additionalProperties: true` or a schema, or `patternProperties`, beside
    /// `properties`): the struct keeps the undeclared members in this map property.
    public var additionalProperties: AdditionalPropertiesMap? = nil
}

/// The map property of an open object's struct.
public struct AdditionalPropertiesMap: Equatable, Sendable {
    /// Swift name (`additionalProperties`, suffixed when a declared property has that name).
    public var name: String
    /// The type of each value (`JSONValue` for `additionalProperties: true`).
    public var valueType: TypeReference
}

public struct Property: Equatable, Sendable {
    /// Swift name (unescaped).
    public var name: String
    /// The name in JSON.
    public var jsonName: String
    public var type: TypeReference
    /// In the schema's `required` list.
    public var isRequired: Bool
    /// `null` is an accepted value.
    public var isNullable: Bool
    public var documentation: String?
    /// Constraint keywords as written (`pattern: ^2[0-9]{11}$`), for documentation.
    public var constraints: [String]
    public var isDeprecated: Bool
    /// The property schema's validation keywords (a reference for named types).
    public var rules: ValidationRules
    /// The property's type leads back to its own struct (a recursive schema): it is stored in
    /// an `Indirect` box.
    public var isIndirect = false
    /// `readOnly: true`: sent by the server only. Required only in responses, so declared
    /// optional; never encoded into a request body.
    public var isReadOnly = false
    /// `writeOnly: true`: sent by the client only. Required only in requests, so declared optional.
    public var isWriteOnly = false
    /// The schema's `default`, as JSON text, for documentation.
    public var defaultText: String? = nil
    /// The `default` as a Swift expression of the property's type, when it has one (the
    /// initializer's default argument).
    public var defaultExpression: String? = nil

    /// Declared as Swift `Optional`: not required, nullable, or required in one direction only
    /// (`readOnly`, `writeOnly`).
    public var isOptional: Bool { !isRequired || isNullable || isReadOnly || isWriteOnly }
    /// Optional *and* nullable: `Nullable<T>?`, telling absent (nil) from `null` (`.null`).
    public var isTriState: Bool { !isRequired && isNullable && type != .json }
}

public struct EnumCase: Equatable, Sendable {
    public enum RawValue: Equatable, Sendable {
        case integer(Int64)
        case string(String)
    }

    public var name: String
    public var rawValue: RawValue
    public var documentation: String?
}

/// The Swift type of a value.
public indirect enum TypeReference: Equatable, Sendable {
    case string, bool, int, int32, int64, float, double
    /// `format: date-time` → `Date`.
    case dateTime
    /// `format: date` → `CalendarDate`.
    case calendarDate
    /// `format: binary` / `byte` → `Data`.
    case data
    case uuid
    /// Any JSON (`JSONValue`).
    case json
    case array(TypeReference)
    case dictionary(TypeReference)
    /// `null` or the value, in an array's items or a map's values (`[String?]`).
    case optional(TypeReference)
    /// A generated type, by Swift name (nested types as `Outer.Inner`).
    case named(String)
}

public struct ClientDeclaration: Equatable, Sendable {
    public var name: String
    public var credentials: [Credential]
    /// Operations without a version segment first (accessor nil), then versions in ascending order.
    public var groups: [OperationGroup]
}

/// A credential property of the client, from a security scheme.
public struct Credential: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        /// An API key in the header, query parameter or cookie `name`.
        case apiKey(name: String, location: APIKeyLocation)
        case bearer
        case basic
    }

    public var schemeName: String
    /// Swift property name (`apiKey`).
    public var propertyName: String
    public var kind: Kind
    public var documentation: String?
    /// Every operation requires it (so the client's initializer requires it too).
    public var isRequiredEverywhere: Bool
}

/// Operations of one API version (`v202203`), or those whose path names no version.
public struct OperationGroup: Equatable, Sendable {
    /// The version as in the path (`v202203`); nil for unversioned operations.
    public var version: String?
    /// Namespace type name (`V202203`).
    public var typeName: String?
    /// Accessor property on the client (`v202203`).
    public var accessorName: String?
    public var operations: [OperationDeclaration]
}

public struct OperationDeclaration: Equatable, Sendable {
    public var operationID: String
    public var methodName: String
    public var httpMethod: HTTPMethod
    public var pathTemplate: String
    public var pathParts: [PathPart]
    public var parameters: [ParameterDeclaration]
    public var requestBody: RequestBodyDeclaration?
    public var success: SuccessResponse
    public var errorResponses: [ErrorResponse]
    /// Alternatives of sets of scheme names; empty means no security.
    public var security: [[String]]
    public var summary: String?
    public var description: String?
    public var isDeprecated: Bool
    /// The method returning the whole response (`assignDataAccessReleaseResponse`).
    public var responseMethodName: String = ""
    /// Set for paged list operations: the `…Pages(…)` method.
    public var paging: PagingDeclaration? = nil
    /// Set when every success body is bytes (`SuccessResponse.isStreamable`): the `…Stream(…)`
    /// method, whose response body is a `ResponseBodyStream` read as it arrives.
    public var streamMethodName: String? = nil
    /// Set when a success status declares `text/event-stream` (`SuccessResponse.events`): the
    /// `…Events(…)` method, whose body is a `ServerSentEvents` sequence.
    public var eventsMethodName: String? = nil

    public enum PathPart: Equatable, Sendable {
        case literal(String)
        /// A parameter by its Swift name.
        case parameter(String)
    }
}

public struct ParameterDeclaration: Equatable, Sendable {
    /// Where the parameter is sent: the spec's `in`.
    public typealias Location = ParameterLocation
    public var name: String
    public var jsonName: String
    public var location: Location
    public var type: TypeReference
    public var isRequired: Bool
    public var documentation: String?
    public var rules: ValidationRules
    /// `style` as the spec gives it (nil: the location's default, OpenAPI 3.1.1 §4.8.12.2).
    public var style: String? = nil
    /// `explode` as the spec gives it (nil: true for `form`, false otherwise).
    public var explode: Bool? = nil
    public var allowReserved = false
    /// The media type of a parameter given by `content` instead of `schema`.
    public var contentMediaType: String? = nil

    /// The style sent: the declared one, or the location's default.
    public var effectiveStyle: String {
        style ?? (location == .query || location == .cookie ? "form" : "simple")
    }

    /// `explode` sent: the declared value, or true for `form` (OpenAPI 3.1.1 §4.8.12.2).
    public var effectiveExplode: Bool { explode ?? (effectiveStyle == "form") }
}

public struct RequestBodyDeclaration: Equatable, Sendable {
    /// How a body is put on the wire.
    public enum Kind: String, Equatable, Sendable {
        /// JSON (`application/json`, `+json`).
        case json
        /// `application/x-www-form-urlencoded` (`FormEncoder`).
        case form
        /// `multipart/form-data` (`MultipartBody`).
        case multipart
        /// `text/*` as a `String`, UTF-8.
        case text
        /// Any other media type as bytes (`Data`).
        case binary
    }

    /// One property's Encoding Object (form and multipart bodies).
    public struct FieldEncoding: Equatable, Sendable {
        public var property: String
        public var style: String?
        public var explode: Bool?
        public var allowReserved: Bool
        public var contentType: String?
    }

    /// One media type the operation accepts, when it accepts several kinds: a case of the
    /// generated body enum.
    public struct Alternative: Equatable, Sendable {
        /// The enum case's name (`multipartFormData`).
        public var caseName: String
        public var mediaType: String
        public var kind: Kind
        public var type: TypeReference
        public var encodings: [FieldEncoding]
    }

    public var mediaType: String
    public var type: TypeReference
    public var isRequired: Bool
    public var documentation: String?
    public var rules: ValidationRules
    public var kind: Kind = .json
    /// The Encoding Object entries, sorted by property name.
    public var encodings: [FieldEncoding] = []
    /// Several kinds of media type: `type` is the generated enum (`.named`), one case each.
    public var alternatives: [Alternative] = []
    /// The part headers the multipart media type's Encoding Objects declare (OpenAPI 3.1.1
    /// §4.8.15.1, `headers`), in part then document order: properties of `partHeadersTypeName`,
    /// the methods' `partHeaders:` argument.
    public var partHeaders: [PartHeaderDeclaration] = []
    /// The generated part headers struct (`<operationId>PartHeaders`); nil when none are declared.
    public var partHeadersTypeName: String? = nil
    /// Sent as raw bytes (`Data`), not JSON.
    public var isBinary: Bool { kind == .binary || (type == .data && !mediaType.hasSuffix("json") && kind != .form && kind != .multipart) }
}

/// A header of one multipart part, declared by the part's Encoding Object.
public struct PartHeaderDeclaration: Equatable, Sendable {
    /// The part (the body property) it goes with.
    public var part: String
    /// The header's name on the wire (`X-Log-Type`).
    public var wireName: String
    /// The Swift property of the part headers struct (`logXLogType`).
    public var name: String
    public var type: TypeReference
    /// The Header Object's `required`: a non-optional property, so the argument is required.
    public var isRequired: Bool
    public var documentation: String?

    /// The header as a header parameter, for the header value encoding (style `simple`).
    var parameter: ParameterDeclaration {
        ParameterDeclaration(name: name, jsonName: wireName, location: .header, type: type, isRequired: isRequired,
                             documentation: documentation, rules: ValidationRules())
    }
}

public struct SuccessResponse: Equatable, Sendable {
    /// Status codes handled as success (`200`); `2XX` ranges as 200...299.
    public var statuses: [Int]
    public var acceptsAny2xx: Bool
    /// nil: the response has no body (the method returns `Void`).
    public var type: TypeReference?
    public var mediaType: String?
    public var documentation: String?
    public var rules: ValidationRules?
    /// Success statuses declared without a body beside one with a body (`204` beside `200`):
    /// the method then returns an optional, nil for these.
    public var emptyStatuses: [Int] = []

    /// Every success status with its body, in document order (exact codes and ranges).
    public var cases: [SuccessCase] = []
    /// The declared headers of the success statuses (one property each, by lowercased name).
    public var headers: [ResponseHeaderDeclaration] = []
    /// The generated headers struct; nil when no success status declares headers (`NoResponseHeaders`).
    public var headersTypeName: String? = nil
    /// The generated per-status body enum, when the success statuses carry different bodies
    /// (then `type` is `.named(bodyEnumName)`).
    public var bodyEnumName: String? = nil
    /// The statuses that declare `text/event-stream`, read as events by the `…Events(…)` method;
    /// the other methods then read only the status's other media types.
    public var events: EventStreamDeclaration? = nil

    /// The method returns an optional.
    public var isOptional: Bool { type != nil && !emptyStatuses.isEmpty }

    /// Whether the body can be handed over as a stream of bytes: some success status has a body,
    /// and every such body is read as bytes (binary types such as `application/octet-stream`, or
    /// another non-JSON, non-text type bound as `TypedData`), under one Swift type (no per-status enum).
    public var isStreamable: Bool {
        bodyEnumName == nil && cases.contains { $0.body != nil }
            && cases.allSatisfy { $0.body.map { $0.kind == .binary || $0.kind == .raw } ?? true }
    }
}

public struct ErrorResponse: Equatable, Sendable {
    /// `400`, or nil for `default` / `4XX`-style ranges (matched after exact codes).
    public var status: Int?
    public var rangeClass: Int?
    public var type: TypeReference?
    public var documentation: String?
}
