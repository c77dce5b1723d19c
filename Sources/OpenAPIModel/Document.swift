import YAMLParsing

/// An OpenAPI document (3.0.x or 3.1.x) read into one model. Every object remembers its `Mark`
/// and JSON Pointer so later stages can point at the source.
public struct OpenAPIDocument: Sendable {
    public enum Version: Hashable, Sendable {
        case v3_0, v3_1
    }

    /// The file name used in diagnostics.
    public var file: String
    /// The `openapi` field as written (e.g. `3.0.3`).
    public var openapi: String
    public var version: Version
    public var info: Info
    public var servers: [Server]
    /// Path templates and their Path Items, in document order.
    public var paths: [(path: String, item: PathItem)]
    /// 3.1 webhooks, in document order.
    public var webhooks: [(name: String, item: Referenceable<PathItem>)]
    public var components: Components
    /// Top-level `security`; nil when absent (an empty array means "no security").
    public var security: [SecurityRequirement]?
    public var tags: [Tag]
    public var extensions: [SpecificationExtension]
    /// The whole document as a YAML node tree (for `$ref`s into arbitrary places).
    public var root: Node
    /// Component schema name → index in `components.schemas` (O(1) `$ref` lookups).
    var schemaIndex: [String: Int] = [:]
    /// The bounds the document was loaded with (reference lookups keep to them too).
    public internal(set) var limits: ModelLimits = .default
    /// Which file each part was read from (a spec in several files, joined by `$ref`s).
    public internal(set) var sources = SourceMap(rootFile: "")
    /// Every file read, the root first, each once (empty when loaded from bytes alone).
    public internal(set) var inputs: [SpecInput] = []

    /// Every operation in document order with its path and method.
    public var operations: [(path: String, method: HTTPMethod, operation: Operation, pathItem: PathItem)] {
        paths.flatMap { entry in
            entry.item.operations.map { (entry.path, $0.method, $0.operation, entry.item) }
        }
    }
}

public struct Info: Hashable, Sendable {
    public var title: String
    public var version: String
    public var summary: String?
    public var description: String?
}

public struct Server: Hashable, Sendable {
    public var url: String
    public var description: String?
    /// Server variables with their default values.
    public var variables: [String: String]
    /// Where the `url` value is, for diagnostics about it.
    public var urlMark: Mark = Mark(line: 1, column: 1)
    /// The Server Object's JSON Pointer.
    public var pointer: JSONPointer = .root
}

public struct Tag: Hashable, Sendable {
    public var name: String
    public var description: String?
}

/// A Security Requirement Object: scheme name → scopes.
public struct SecurityRequirement: Hashable, Sendable {
    public var schemes: [Scheme]
    public var mark: Mark

    /// One entry: a security scheme's name and the scopes required of it (empty for schemes
    /// without scopes; OpenAPI 3.1.1 §4.8.30).
    public struct Scheme: Hashable, Sendable {
        public var name: String
        public var scopes: [String]

        public init(name: String, scopes: [String]) {
            self.name = name
            self.scopes = scopes
        }
    }

    public init(schemes: [Scheme], mark: Mark) {
        self.schemes = schemes
        self.mark = mark
    }
}

/// The Components Object: reusable objects by name, in document order.
public struct Components: Sendable {
    public var schemas: [(name: String, schema: Schema)] = []
    public var responses: [(name: String, response: Referenceable<Response>)] = []
    public var parameters: [(name: String, parameter: Referenceable<Parameter>)] = []
    public var requestBodies: [(name: String, requestBody: Referenceable<RequestBody>)] = []
    public var headers: [(name: String, header: Referenceable<Header>)] = []
    public var securitySchemes: [(name: String, scheme: Referenceable<SecurityScheme>)] = []
    public var pathItems: [(name: String, pathItem: Referenceable<PathItem>)] = []
    /// Examples, links and callbacks are kept as nodes: bindings do not use them yet.
    public var examples: [(name: String, node: Node)] = []
    public var links: [(name: String, node: Node)] = []
    public var callbacks: [(name: String, node: Node)] = []

    public init() {}
}

/// Where an `apiKey` security scheme sends its key (OpenAPI 3.0 §4.7.27 / 3.1 §4.8.27, Security
/// Scheme Object `in`: "query", "header" or "cookie").
public enum APIKeyLocation: String, Hashable, Sendable, CaseIterable {
    case query, header, cookie
}

/// A Security Scheme Object.
public struct SecurityScheme: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// An API key in a header, query parameter or cookie.
        case apiKey(name: String, location: APIKeyLocation)
        /// HTTP authentication (`basic`, `bearer`, …, RFC 7235).
        case http(scheme: String, bearerFormat: String?)
        case oauth2
        case openIdConnect(url: String)
        case mutualTLS
    }

    public var kind: Kind
    public var description: String?
    public var mark: Mark
}
