/// The binding model of an operation's whole response: each success status with its body and
/// declared media types, the declared response headers, and paging (see `OperationTranslator`,
/// `ResponseTranslator`).

/// A response body as bound: how it is read from the bytes, and its Swift type.
public struct ResponseBodyDeclaration: Equatable, Sendable {
    public enum Kind: String, Equatable, Sendable {
        /// `application/json` and `+json` types (RFC 6839 §3.1): decoded with the JSON decoder.
        case json
        /// `text/*`: the bytes as a UTF-8 `String`.
        case text
        /// `application/octet-stream`, `format: binary`, `image/*`, `audio/*`, `video/*`: `Data`.
        case binary
        /// Any other media type: `TypedData`, the bytes with their `Content-Type`.
        case raw
    }

    public var kind: Kind
    public var type: TypeReference
    /// The media type bound (`application/problem+json`).
    public var mediaType: String
    public var rules: ValidationRules?
}

/// One success status of an operation.
public struct SuccessCase: Equatable, Sendable {
    /// `201`; nil for a `2XX` range or a `default` response that is the only success.
    public var status: Int?
    /// The case of the per-status body enum (`ok`, `created`, `noContent`, `status299`, `success` for a range).
    public var caseName: String
    /// nil: the status has no body.
    public var body: ResponseBodyDeclaration?
    /// Every media type the spec declares for the status; a response with another
    /// `Content-Type` is an error (`UnexpectedContentTypeError`).
    public var mediaTypes: [String]
    public var documentation: String?
}

/// A response header the spec declares for a success status, bound to a property of the
/// operation's headers struct.
public struct ResponseHeaderDeclaration: Equatable, Sendable {
    /// Swift property name (`totalPages`).
    public var name: String
    /// The header's name on the wire (`TotalPages`).
    public var wireName: String
    public var type: TypeReference
    public var documentation: String?
}

/// A paged list operation (the generator config's `paging` convention): it takes a page-number
/// query parameter and reports the total number of pages in a response header.
public struct PagingDeclaration: Equatable, Sendable {
    /// The `…Pages(…)` method.
    public var methodName: String
    /// The page-number parameter's Swift name (left out of the pages method) and type.
    public var pageNumberParameter: String
    public var pageNumberType: TypeReference
    /// The headers struct's total-pages property and its type.
    public var totalPagesProperty: String
    public var totalPagesType: TypeReference
    /// The number of the first page.
    public var firstPage: Int
}

/// The `text/event-stream` media type of success statuses that declare it beside another one
/// or alone (OpenAI's streamed completions): the `…Events(…)` method, whose body is the
/// `ServerSentEvents` sequence, each event's `data` decoded as `payloadType`.
public struct EventStreamDeclaration: Equatable, Sendable {
    /// The statuses whose responses are read as events (nil: a `2XX` range or `default`).
    public var statuses: [Int?]
    /// The media type as the spec spells it (`text/event-stream`).
    public var mediaType: String
    /// The type of each event's `data`: the media type's schema, `JSONValue` when it has none.
    public var payloadType: TypeReference

    /// Whether `media` is the event-stream media type (WHATWG HTML §9.2.5; parameters ignored).
    static func isEventStream(_ media: String) -> Bool {
        media.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased() == "text/event-stream"
    }
}
