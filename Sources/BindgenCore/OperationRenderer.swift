import OpenAPIModel

/// One operation method: build the request, apply security, send, map the status to a result or an error.
extension SwiftRenderer {
    func renderOperation(_ operation: OperationDeclaration, clientExpression client: String, into writer: inout SwiftWriter) {
        writer.documentation(operationDocumentation(operation))
        if operation.isDeprecated { writer.line("@available(*, deprecated)") }
        var parameters = operation.parameters.map { parameter in
            "\(Naming.escaped(parameter.name)): \(swiftType(parameter.type))" + (parameter.isRequired ? "" : "? = nil")
        }
        if let body = operation.requestBody {
            parameters.append("body: \(bodyParameterType(body))" + (body.isRequired ? "" : "? = nil"))
        }
        let returnType = operation.success.type.map { " -> \(swiftType($0))" + (operation.success.isOptional ? "?" : "") } ?? ""
        writer.block("\(access)func \(Naming.escaped(operation.methodName))(\(parameters.joined(separator: ", "))) async throws\(returnType)") { writer in
            writer.line("let operationID = \(operation.operationID.swiftLiteral)")
            writer.line("let core = \(client).core")
            let hasQuery = operation.parameters.contains { $0.location == .query }
            if hasQuery {
                writer.line("var query: [(name: String, value: String?)] = []")
                for parameter in operation.parameters where parameter.location == .query {
                    renderQueryParameter(parameter, into: &writer)
                }
            }
            let queryArgument = hasQuery ? ", query: query" : ""
            let mutatesRequest = operation.parameters.contains { $0.location == .header || $0.location == .cookie }
                || operation.success.mediaType != nil || !operation.security.isEmpty || operation.requestBody != nil
            writer.line("\(mutatesRequest ? "var" : "let") request = core.makeRequest(method: .\(operation.httpMethod), path: \(pathExpression(operation))\(queryArgument))")
            renderRequestValidation(operation, into: &writer)
            for parameter in operation.parameters where parameter.location == .header {
                let value = optionalText(parameter)
                writer.line("core.setHeader(\(parameter.jsonName.swiftLiteral), \(value), in: &request)")
            }
            for parameter in operation.parameters where parameter.location == .cookie {
                let value = optionalText(parameter)
                writer.line("core.addCookie(\(parameter.jsonName.swiftLiteral), \(value), in: &request)")
            }
            if let media = operation.success.mediaType {
                writer.line("request.headerFields[.accept] = \(media.swiftLiteral)")
            }
            renderSecurity(operation, client: client, into: &writer)
            renderSend(operation, into: &writer)
            renderResponseSwitch(operation, into: &writer)
        }
        renderDataBodyOverload(operation, into: &writer)
    }

    private func operationDocumentation(_ operation: OperationDeclaration) -> String {
        var lines: [String] = []
        if let summary = operation.summary { lines.append(summary); lines.append("") }
        if let description = operation.description, description != operation.summary { lines.append(description); lines.append("") }
        lines.append("`\(operation.httpMethod.uppercased()) \(operation.pathTemplate)` (operation `\(operation.operationID)`)")
        var parameterLines: [String] = []
        for parameter in operation.parameters {
            let where_ = parameter.location == .path ? "path" : "\(parameter.location.rawValue) `\(parameter.jsonName)`"
            parameterLines.append("  - \(parameter.name): \(parameter.documentation.map { $0 + " " } ?? "")(\(where_))")
        }
        if let body = operation.requestBody {
            parameterLines.append("  - body: \(body.documentation.map { $0 + " " } ?? "")(`\(body.mediaType)`)")
        }
        if !parameterLines.isEmpty {
            lines.append("")
            lines.append("- Parameters:")
            lines += parameterLines
        }
        if operation.success.type != nil {
            let statuses = operation.success.statuses.map(String.init).joined(separator: ", ")
            var returns = "- Returns: \(operation.success.documentation ?? "The response body.") (\(statuses.isEmpty ? "2XX" : statuses))"
            if operation.success.isOptional {
                returns += "; nil for \(operation.success.emptyStatuses.map(String.init).joined(separator: ", ")) (no content)"
            }
            lines.append(returns)
        }
        var throwsText = "- Throws: `APIError` for any other status"
        let declared = operation.errorResponses.filter { $0.type != nil }
        if !declared.isEmpty {
            let items = declared.map { error -> String in
                let status = error.status.map(String.init) ?? error.rangeClass.map { "\($0)XX" } ?? "default"
                return "\(status): `\(swiftType(error.type!))`"
            }
            throwsText += ", its `decodedBody` holding the declared body (" + items.joined(separator: ", ") + ")"
        }
        throwsText += "; `ResponseDecodingError` when a success body does not match the spec"
        if !operation.security.isEmpty { throwsText += "; `MissingCredentialsError` when the client lacks the credentials" }
        throwsText += "; `TransportError` when sending fails (connection, timeout, cancellation, response size limit, a middleware)."
        lines.append(throwsText)
        return lines.joined(separator: "\n")
    }

    /// A string expression for a parameter value (`String(meterID)`).
    func text(_ expression: String, _ type: TypeReference) -> String {
        switch resolvedKind(type) {
        case .string: return expression
        case .bool, .int, .int32, .int64, .float, .double: return "String(\(expression))"
        case .dateTime: return "DateTimeFormat.string(from: \(expression))"
        case .calendarDate: return "\(expression).description"
        case .uuid: return "\(expression).uuidString.lowercased()"
        case .array(let element): return "\(expression).map { \(text("$0", element)) }.joined(separator: \",\")"
        case .named(let name):
            if case .enumeration(let raw, _)? = declarations[name]?.kind { return text("\(expression).rawValue", raw) }
            return "String(describing: \(expression))"
        case .data, .json, .dictionary: return "String(describing: \(expression))"
        }
    }

    private func renderQueryParameter(_ parameter: ParameterDeclaration, into writer: inout SwiftWriter) {
        let name = Naming.escaped(parameter.name)
        let key = parameter.jsonName.swiftLiteral
        if case .array(let element) = resolvedKind(parameter.type) {
            // style: form, explode: true (the default): one name=value pair per element.
            let items = "\(parameter.isRequired ? name : "(\(name) ?? [])").map { (name: \(key), value: Optional(\(text("$0", element)))) }"
            writer.line("query += \(items)")
        } else {
            writer.line("query.append((name: \(key), value: \(optionalText(parameter))))")
        }
    }

    /// The parameter's value as `String` (required) or `String?` (optional).
    private func optionalText(_ parameter: ParameterDeclaration) -> String {
        let name = Naming.escaped(parameter.name)
        if parameter.isRequired { return text(name, parameter.type) }
        let converted = text("$0", parameter.type)
        return converted == "$0" ? name : "\(name).map { \(converted) }"
    }

    private func pathExpression(_ operation: OperationDeclaration) -> String {
        var pieces: [String] = []
        for part in operation.pathParts {
            switch part {
            case .literal(let text): pieces.append(text.swiftLiteral)
            case .parameter(let name):
                let parameter = operation.parameters.first { $0.name == name }
                pieces.append("URIEncoding.pathSegment(\(text(Naming.escaped(name), parameter?.type ?? .string)))")
            }
        }
        return pieces.isEmpty ? "\"\"" : pieces.joined(separator: " + ")
    }

    private func renderSecurity(_ operation: OperationDeclaration, client: String, into writer: inout SwiftWriter) {
        guard !operation.security.isEmpty else { return }
        let alternatives = operation.security.map { names in
            "[" + names.compactMap { name in
                module.client.credentials.first { $0.schemeName == name }.map { credentialExpression($0, client: client) }
            }.joined(separator: ", ") + "]"
        }
        writer.line("try core.applySecurity(to: &request, alternatives: [\(alternatives.joined(separator: ", "))], operationID: operationID)")
    }

    private func credentialExpression(_ credential: Credential, client: String) -> String {
        let value = "\(client).\(credential.propertyName)"
        let scheme = credential.schemeName.swiftLiteral
        switch credential.kind {
        case .apiKey(let name, let location):
            return ".\(location)(scheme: \(scheme), name: \(name.swiftLiteral), value: \(value))"
        case .bearer: return ".bearer(scheme: \(scheme), token: \(value))"
        case .basic: return ".basic(scheme: \(scheme), credentials: \(value))"
        }
    }

    private func renderSend(_ operation: OperationDeclaration, into writer: inout SwiftWriter) {
        guard let body = operation.requestBody else {
            writer.line("let (response, responseBody) = try await core.send(request, body: nil, operationID: operationID)")
            return
        }
        let encode: (String) -> String = { value in
            if body.isBinary { return value }
            if case .string = body.type, !body.mediaType.lowercased().contains("json") { return "Data(\(value).utf8)" }
            return "try core.encodeJSON(\(value))"
        }
        if body.isRequired {
            writer.line("request.headerFields[.contentType] = \(body.mediaType.swiftLiteral)")
            writer.line("let requestBody = \(encode("body"))")
        } else {
            writer.line("var requestBody: \(requestBodyLocalType(body))?")
            writer.block("if let body") { writer in
                writer.line("request.headerFields[.contentType] = \(body.mediaType.swiftLiteral)")
                writer.line("requestBody = \(encode("body"))")
            }
        }
        writer.line("let (response, responseBody) = try await core.send(request, body: requestBody, operationID: operationID)")
    }

    private func renderResponseSwitch(_ operation: OperationDeclaration, into writer: inout SwiftWriter) {
        writer.line("switch response.status.code {")
        do {
            var successPatterns = operation.success.statuses.map(String.init)
            if operation.success.acceptsAny2xx { successPatterns.append("200...299") }
            writer.line("case \(successPatterns.joined(separator: ", ")):")
            writer.indented { writer in
                if let rules = operation.success.rules, !rules.isEmpty {
                    var lines = schemaExpression(rules)
                    lines[lines.count - 1] += ", request: request, response: response, operationID: operationID)"
                    write("try core.validateResponse(responseBody, schema: ", lines, into: &writer)
                }
                writer.line(successReturn(operation))
            }
            if !operation.success.emptyStatuses.isEmpty {
                writer.line("case \(operation.success.emptyStatuses.map(String.init).joined(separator: ", ")):")
                writer.line("    return nil")
            }
            // Exact codes first (grouped by body type, in order of first appearance), then ranges, then default.
            var groups: [(patterns: [String], type: TypeReference?)] = []
            for error in operation.errorResponses {
                let pattern: String
                if let status = error.status {
                    pattern = String(status)
                } else if let range = error.rangeClass {
                    pattern = "\(range * 100)...\(range * 100 + 99)"
                } else {
                    continue
                }
                if error.status != nil, let index = groups.firstIndex(where: { $0.type == error.type && !$0.patterns.contains { $0.contains("...") } }) {
                    groups[index].patterns.append(pattern)
                } else {
                    groups.append(([pattern], error.type))
                }
            }
            for group in groups.sorted(by: { ($0.patterns.first!.contains("...") ? 1 : 0) < ($1.patterns.first!.contains("...") ? 1 : 0) }) {
                writer.line("case \(group.patterns.joined(separator: ", ")):")
                writer.line("    throw " + errorExpression(group.type))
            }
            let fallback = operation.errorResponses.first { $0.status == nil && $0.rangeClass == nil }
            writer.line("default:")
            writer.line("    throw " + errorExpression(fallback?.type))
        }
        writer.line("}")
    }

    /// Parameters and body checked against their schemas before anything is sent.
    private func renderRequestValidation(_ operation: OperationDeclaration, into writer: inout SwiftWriter) {
        var checks: [(value: String, rules: ValidationRules, pointer: String)] = []
        // A parameter whose only keyword is `type` is already enforced by its Swift type.
        for parameter in operation.parameters where !parameter.rules.isEmpty && !parameter.rules.isTypeOnly {
            checks.append((Naming.escaped(parameter.name), parameter.rules, "/\(parameter.location.rawValue)/\(JSONPointer.escape(parameter.jsonName))"))
        }
        if let body = operation.requestBody, !body.rules.isEmpty, !body.isBinary {
            checks.append(("body", body.rules, ""))
        }
        guard !checks.isEmpty else { return }
        writer.block("if core.configuration.validatesRequests") { writer in
            writer.line("var violations: [ValidationError] = []")
            for check in checks {
                var lines = schemaExpression(check.rules)
                lines[lines.count - 1] += check.pointer.isEmpty ? ")" : ", pointer: \(check.pointer.swiftLiteral))"
                write("violations += core.violations(of: \(check.value), schema: ", lines, into: &writer)
            }
            writer.line("try core.throwIfInvalid(violations, request: request, operationID: operationID)")
        }
    }

    private func successReturn(_ operation: OperationDeclaration) -> String {
        guard let type = operation.success.type else { return "return" }
        let media = operation.success.mediaType?.lowercased() ?? ""
        if type == .data, !media.contains("json") { return "return responseBody" }
        if type == .string, !media.contains("json") { return "return String(decoding: responseBody, as: UTF8.self)" }
        return "return try core.decodeJSON(\(swiftType(type)).self, from: responseBody, request: request, response: response, operationID: operationID)"
    }

    private func errorExpression(_ type: TypeReference?) -> String {
        if let type {
            return "core.apiError(operationID: operationID, request: request, response: response, body: responseBody, declared: \(swiftType(type)).self)"
        }
        return "core.apiError(operationID: operationID, request: request, response: response, body: responseBody)"
    }
}
