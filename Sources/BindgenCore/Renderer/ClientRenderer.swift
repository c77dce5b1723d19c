/// The client: its struct and credentials, one namespace file per API version, one file per operation.
extension SwiftRenderer {
    func renderClient() -> [GeneratedFile] {
        let client = module.client
        var files = [file("Client/\(client.name).swift", imports: ["import Foundation", "@_spi(Generated) import BindingRuntime"]) { writer in
            renderClientStruct(into: &writer)
        }]
        for (group, groupSurface) in zip(client.groups, surface.client.groups) {
            if let typeName = group.typeName, let accessor = group.accessorName, let version = group.version {
                files.append(file("Client/\(client.name)+\(typeName).swift", imports: []) { writer in
                    writer.block("nonisolated extension \(client.name)") { writer in
                        writer.documentation("Operations of API version \(version) (paths with the segment `/\(version)/`).")
                        writer.line("\(access)var \(Naming.escaped(accessor)): \(typeName) { \(typeName)(client: self) }")
                        writer.line()
                        writer.documentation("The operations of API version \(version). A newer version of an operation appears in its own namespace, so upgrading is a visible, per-call change.")
                        writer.block("\(access)nonisolated struct \(typeName): Sendable") { writer in
                            writer.line("\(access)let client: \(client.name)")
                        }
                    }
                })
            }
            let folder = group.typeName ?? "Operations"
            let owner = group.typeName.map { "\(client.name).\($0)" } ?? client.name
            for (operation, methods) in zip(group.operations, groupSurface.operations) {
                // File names are unique across the module (SwiftPM names object files after them):
                // `V202203+AssignDataAccessRelease.swift`.
                let name = operation.methodName.prefix(1).uppercased() + operation.methodName.dropFirst()
                files.append(file("Client/\(folder)/\(group.typeName ?? client.name)+\(name).swift", imports: ["import Foundation", "@_spi(Generated) import BindingRuntime"]) { writer in
                    writer.block("nonisolated extension \(owner)") { writer in
                        renderOperation(operation, methods: methods, clientExpression: group.typeName == nil ? "self" : "client", into: &writer)
                    }
                    if let body = operation.requestBody, let bodyType = methods.requestBodyType {
                        writer.line()
                        renderBodyEnum(body, bodyType, operation: operation, into: &writer)
                    }
                    if let body = operation.requestBody, let partHeadersType = methods.partHeadersType {
                        writer.line()
                        renderPartHeadersType(body, partHeadersType, operation: operation, into: &writer)
                    }
                    renderResponseTypes(operation, methods, into: &writer)
                })
            }
        }
        return files
    }

    private func renderClientStruct(into writer: inout SwiftWriter) {
        let client = module.client
        var documentation = "A client for \(module.title) \(module.apiVersion)."
        if let description = module.description { documentation += "\n\n" + description }
        // The versions are not listed here: a version bump must add files, not edit this one.
        if client.groups.contains(where: { $0.accessorName != nil }) {
            documentation += "\n\nOperations are grouped by the API version in their path (`client.<version>.<operation>`); "
                + "each version's accessor and operations are in their own files."
        }
        writer.documentation(documentation)
        let clientSurface = surface.client
        writer.block("\(access)nonisolated struct \(clientSurface.name): Sendable") { writer in
            for (credential, member) in zip(client.credentials, clientSurface.credentials) {
                writer.documentation(credentialDocumentation(credential))
                writer.line("\(access)var \(Naming.escaped(member.name)): \(member.type)?")
            }
            writer.documentation("Server URL, date handling, middlewares, timeout, size limit, validation and deprecation reporting.")
            writer.line("\(access)var configuration: ClientConfiguration")
            writer.documentation("Sends the requests.")
            writer.line("\(access)var transport: any ClientTransport")
            writer.line()

            var parameterDocs = ["- Parameters:"]
            let serverDefault = module.defaultServerURL.map { " Defaults to the spec's first server, `\($0)`." } ?? ""
            parameterDocs.append("  - serverURL: The server's base URL.\(serverDefault)")
            for credential in client.credentials {
                parameterDocs.append("  - \(credential.propertyName): Credential for the `\(credential.schemeName)` security scheme.")
            }
            parameterDocs.append("  - timeZone: For date-times without an offset and date-only values. UTC by default.")
            parameterDocs.append("  - transport: Sends the requests; `URLSession` by default.")
            parameterDocs.append("  - middlewares: Run around the transport, first to last (`RetryMiddleware`, `LoggingMiddleware`, your own). None by default.")
            writer.documentation("Creates a client.\n\n" + parameterDocs.joined(separator: "\n"))
            writer.declarationBlock("\(access)\(clientSurface.initializer.declaration)") { writer in
                let arguments = ["configuration: ClientConfiguration(serverURL: serverURL, timeZone: timeZone, middlewares: middlewares)"]
                    + client.credentials.map { "\(Naming.argumentLabel($0.propertyName)): \(Naming.escaped($0.propertyName))" }
                    + ["transport: transport"]
                writer.line("self.init(\(arguments.joined(separator: ", ")))")
            }
            writer.line()
            writer.documentation("Creates a client from a full configuration.")
            writer.declarationBlock("\(access)\(clientSurface.designatedInitializer.declaration)") { writer in
                writer.line("self.configuration = configuration")
                for credential in client.credentials {
                    writer.line("self.\(credential.propertyName) = \(Naming.escaped(credential.propertyName))")
                }
                writer.line("self.transport = transport")
            }
            writer.line()
            writer.documentation("What generated operations use to build, send and decode requests.")
            writer.line("@_spi(Generated) \(access)var core: ClientCore { ClientCore(configuration: configuration, transport: transport) }")
        }
    }

    private func credentialDocumentation(_ credential: Credential) -> String {
        let how: String
        switch credential.kind {
        case .apiKey(let name, let location): how = "an API key sent in the `\(name)` \(location == .query ? "query parameter" : location.rawValue)"
        case .bearer: how = "a token sent as `Authorization: Bearer` (RFC 6750)"
        case .basic: how = "user and password sent as `Authorization: Basic` (RFC 7617)"
        }
        var text = "The `\(credential.schemeName)` security scheme: \(how)."
        if let documentation = credential.documentation { text += " " + documentation }
        return text
    }

    /// The body enum of an operation that accepts several kinds of media type: the caller picks
    /// one. `bodyType`: its cases, from the surface.
    private func renderBodyEnum(_ body: RequestBodyDeclaration, _ bodyType: TypeSurface, operation: OperationDeclaration, into writer: inout SwiftWriter) {
        let name = bodyType.name
        writer.documentation("A request body of `\(operation.methodName)` (operation `\(operation.operationID)`): one case per media type it accepts; the case sets the `Content-Type`.")
        writer.block("\(access)nonisolated enum \(name): Sendable") { writer in
            for (alternative, member) in zip(body.alternatives, bodyType.members) {
                writer.documentation("Sent as `\(alternative.mediaType)`.")
                writer.line("case \(member.caseDeclaration)")
            }
        }
    }
}
