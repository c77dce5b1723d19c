/// The Swift surface of the client: its name, credential properties, initializers and, per API
/// version group, the accessor and the operations' methods.
package struct ClientSurface {
    /// A credential property (`var apiKey: String?`) and the security scheme it is for.
    package struct Credential: Equatable {
        /// The property name, unescaped.
        package var name: String
        /// The credential's type, without the `?` the property adds (`String`, `HTTPBasicCredentials`).
        package var type: String
        package var schemeName: String
        /// Every operation requires it, so the convenience initializer does too.
        package var isRequiredEverywhere: Bool
    }

    /// Operations of one API version (or those of none) and how code reaches them.
    package struct Group {
        /// The namespace struct (`V202203`); nil for operations on the client itself.
        package var typeName: String?
        /// The client's property reaching the namespace (`v202203`).
        package var accessorName: String?
        package var operations: [OperationSurface]

        /// `client.` or `client.v202203.`: how the diff names the group's methods.
        package var methodPrefix: String { "client." + (accessorName.map { $0 + "." } ?? "") }
    }

    package var name: String
    package var credentials: [Credential]
    /// `init(serverURL: URL = …, apiKey: String, timeZone: …, transport: …, middlewares: …)`.
    package var initializer: SurfaceSignature
    /// `init(configuration: ClientConfiguration, apiKey: String?, transport: any ClientTransport)`.
    package var designatedInitializer: SurfaceSignature
    package var groups: [Group]

    package init(_ client: ClientDeclaration, defaultServerURL: String?, spelling: TypeSpelling) {
        name = client.name
        credentials = client.credentials.map { credential in
            Credential(name: credential.propertyName, type: Self.credentialType(credential), schemeName: credential.schemeName,
                       isRequiredEverywhere: credential.isRequiredEverywhere)
        }
        var parameters: [SurfaceParameter] = []
        if let url = defaultServerURL, url.contains("://") {
            parameters.append(SurfaceParameter(name: "serverURL", type: "URL", defaultValue: "URL(string: \(url.swiftLiteral))!"))
        } else {
            parameters.append(SurfaceParameter(name: "serverURL", type: "URL"))
        }
        parameters += credentials.map { $0.isRequiredEverywhere ? SurfaceParameter(name: $0.name, type: $0.type) : .omittable($0.name, type: $0.type) }
        parameters.append(SurfaceParameter(name: "timeZone", type: "TimeZone", defaultValue: "TimeZone(identifier: \"UTC\")!"))
        parameters.append(SurfaceParameter(name: "transport", type: "any ClientTransport", defaultValue: "URLSessionTransport()"))
        parameters.append(SurfaceParameter(name: "middlewares", type: "[any ClientMiddleware]", defaultValue: "[]"))
        initializer = .initializer(parameters)
        designatedInitializer = .initializer([SurfaceParameter(name: "configuration", type: "ClientConfiguration")]
            + credentials.map { SurfaceParameter(name: $0.name, type: $0.type + "?") }
            + [SurfaceParameter(name: "transport", type: "any ClientTransport")])
        groups = client.groups.map { group in
            Group(typeName: group.typeName, accessorName: group.accessorName,
                  operations: group.operations.map { OperationSurface($0, spelling: spelling) })
        }
    }

    /// A credential's Swift type: a key or token is a `String`, basic credentials a user and password.
    private static func credentialType(_ credential: BindgenCore.Credential) -> String {
        switch credential.kind {
        case .apiKey, .bearer: return "String"
        case .basic: return "HTTPBasicCredentials"
        }
    }
}
