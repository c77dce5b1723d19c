import OpenAPIModel

/// How the renderers write the spec's fixed vocabularies (HTTP methods, API-key locations) as
/// Swift: each case spelled out once, so a new case cannot reach generated code unspelled.
extension HTTPMethod {
    /// The swift-http-types `HTTPRequest.Method` a request is made with (`.get`).
    var requestMethodExpression: String {
        switch self {
        case .get: return ".get"
        case .put: return ".put"
        case .post: return ".post"
        case .delete: return ".delete"
        case .options: return ".options"
        case .head: return ".head"
        case .patch: return ".patch"
        case .trace: return ".trace"
        }
    }
}

extension APIKeyLocation {
    /// The `SecurityCredential` case (BindingRuntime) that sends a key in this location (`.header`).
    var credentialCase: String {
        switch self {
        case .query: return ".query"
        case .header: return ".header"
        case .cookie: return ".cookie"
        }
    }
}
