import OpenAPIModel

/// One operation method: build the request, apply security, send, map the status to a result or an error.
extension SwiftRenderer {
    /// `methods`: the operation's signatures, from the surface.
    func renderOperation(_ operation: OperationDeclaration, methods: OperationSurface, clientExpression client: String, into writer: inout SwiftWriter) {
        renderOneLineMethod(operation, methods.call, into: &writer)
        writer.line()
        renderResponseMethod(operation, methods, clientExpression: client, into: &writer)
        if let paging = operation.paging, let pages = methods.pages {
            writer.line()
            renderPagesMethod(operation, paging, pages, into: &writer)
        }
        if let stream = methods.stream {
            renderStreamMethod(operation, stream, clientExpression: client, into: &writer)
        }
        if let events = methods.events {
            renderEventsMethod(operation, events, clientExpression: client, into: &writer)
        }
        renderOperationSchemas(operation, into: &writer)
    }

    /// The arguments passing every parameter on (`meterID: meterID, body: body`); `replacing` gives one another value.
    func argumentList(_ operation: OperationDeclaration, replacing: (name: String, value: String)? = nil) -> String {
        var arguments = operation.parameters.map { parameter in
            "\(Naming.argumentLabel(parameter.name)): " + (parameter.name == replacing?.name ? replacing!.value : Naming.escaped(parameter.name))
        }
        if operation.requestBody != nil { arguments.append("body: body") }
        if operation.requestBody?.partHeadersTypeName != nil { arguments.append("partHeaders: partHeaders") }
        return arguments.joined(separator: ", ")
    }

    private func renderOneLineMethod(_ operation: OperationDeclaration, _ signature: SurfaceSignature, into writer: inout SwiftWriter) {
        writer.documentation(operationDocumentation(operation))
        if operation.isDeprecated { writer.line("@available(*, deprecated)") }
        writer.declarationBlock("\(access)\(signature.declaration)") { writer in
            let call = "try await self.\(Naming.escaped(operation.responseMethodName))(\(argumentList(operation)))"
            writer.line(signature.result == nil ? "_ = " + call : call + ".body")
        }
    }

    private func renderPagesMethod(_ operation: OperationDeclaration, _ paging: PagingDeclaration, _ signature: SurfaceSignature, into writer: inout SwiftWriter) {
        let header = operation.success.headers.first { $0.name == paging.totalPagesProperty }?.wireName ?? paging.totalPagesProperty
        writer.documentation("""
            Every page of `\(operation.methodName)(…)`, fetched as the sequence is iterated: page \(paging.firstPage), then the next, \
            until the `\(header)` response header's count is reached (it stops after a page without the header). Each element is the \
            page's whole response (`OperationResponse`: body and headers). The other arguments are sent with every page.

            - Throws: from the iteration, what `\(operation.methodName)(…)` throws; nothing is fetched after an error.
            """)
        if operation.isDeprecated { writer.line("@available(*, deprecated)") }
        writer.declarationBlock("\(access)\(signature.declaration)") { writer in
            let page = paging.pageNumberType == .int ? "$0" : "\(swiftType(paging.pageNumberType))(clamping: $0)"
            let arguments = argumentList(operation, replacing: (paging.pageNumberParameter, page))
            let total = paging.totalPagesType == .int ? "$0.headers.\(paging.totalPagesProperty)" : "$0.headers.\(paging.totalPagesProperty).map { Int(clamping: $0) }"
            writer.line("PageSequence(firstPage: \(paging.firstPage), fetch: { try await self.\(Naming.escaped(operation.responseMethodName))(\(arguments)) }, totalPages: { \(total) })")
        }
    }

    private func renderResponseMethod(_ operation: OperationDeclaration, _ methods: OperationSurface, clientExpression client: String, into writer: inout SwiftWriter) {
        var documentation = "The whole response of `\(operation.methodName)(…)`: the status, every header field"
        if !operation.success.headers.isEmpty {
            documentation += ", the declared headers (" + operation.success.headers.map { "`\($0.wireName)` as `\($0.name)`" }.joined(separator: ", ") + ")"
        }
        documentation += " and the body. Same parameters and errors as `\(operation.methodName)(…)`."
        writer.documentation(documentation)
        if operation.isDeprecated { writer.line("@available(*, deprecated)") }
        writer.declarationBlock("\(access)\(methods.response.declaration)") { writer in
            renderRequest(operation, clientExpression: client, into: &writer)
            renderSend(operation, into: &writer)
            renderResponseSwitch(operation, into: &writer)
        }
        if let overload = methods.dataBodyCall {
            renderDataBodyOverload(operation, overload, into: &writer)
        }
    }

    /// The start of a method sending the operation: `operationID`, `core` and `request`, with the
    /// query, path, validation, header, cookie, `Accept` and security lines. `accept`: the media
    /// types to ask for (default: every success status's, as the method reads them).
    func renderRequest(_ operation: OperationDeclaration, accept: [String]? = nil, clientExpression client: String, into writer: inout SwiftWriter) {
        writer.line("let operationID = \(operation.operationID.swiftLiteral)")
        writer.line("let core = \(client).core")
        let queryParameters = operation.parameters.filter { $0.location == .query }
        let plain = queryParameters.filter { !usesStyleEncoder($0) }
        let styled = queryParameters.filter(usesStyleEncoder)
        if !plain.isEmpty {
            writer.line("var query: [(name: String, value: String?)] = []")
            for parameter in plain {
                renderQueryParameter(parameter, into: &writer)
            }
        }
        if !styled.isEmpty {
            writer.line("var encodedQuery: [String] = []")
            for parameter in styled {
                renderStyledQueryParameter(parameter, into: &writer)
            }
        }
        let queryArgument = (plain.isEmpty ? "" : ", query: query") + (styled.isEmpty ? "" : ", encodedQuery: encodedQuery")
        let pathThrows = operation.parameters.contains { $0.location == .path && usesStyleEncoder($0) }
        let accept = accept ?? acceptedMediaTypes(operation)
        let mutatesRequest = operation.parameters.contains { $0.location == .header || $0.location == .cookie }
            || !accept.isEmpty || !operation.security.isEmpty || operation.requestBody != nil
        writer.line("\(mutatesRequest ? "var" : "let") request = \(pathThrows ? "try " : "")core.makeRequest(method: \(operation.httpMethod.requestMethodExpression), path: \(pathExpression(operation))\(queryArgument))")
        renderRequestValidation(operation, into: &writer)
        for parameter in operation.parameters where parameter.location == .header {
            writer.line("try core.setHeader(\(parameter.jsonName.swiftLiteral), \(headerValue(parameter)), in: &request, operationID: operationID)")
        }
        for parameter in operation.parameters where parameter.location == .cookie {
            renderCookieParameter(parameter, into: &writer)
        }
        if !accept.isEmpty {
            writer.line("request.headerFields[.accept] = \(accept.joined(separator: ", ").swiftLiteral)")
        }
        renderSecurity(operation, client: client, into: &writer)
    }

    /// The success statuses' media types, for `Accept` (RFC 9110 §12.5.1), each once.
    private func acceptedMediaTypes(_ operation: OperationDeclaration) -> [String] {
        var seen = Set<String>()
        return operation.success.cases.flatMap(\.mediaTypes).filter { seen.insert($0.lowercased()).inserted }
    }

    private func operationDocumentation(_ operation: OperationDeclaration) -> String {
        var lines: [String] = []
        if let summary = operation.summary { lines.append(summary); lines.append("") }
        if let description = operation.description, description != operation.summary { lines.append(description); lines.append("") }
        lines.append("`\(operation.httpMethod.token) \(operation.pathTemplate)` (operation `\(operation.operationID)`)")
        var parameterLines: [String] = []
        for parameter in operation.parameters {
            let where_ = parameter.location == .path ? "path" : "\(parameter.location.rawValue) `\(parameter.jsonName)`"
            parameterLines.append("  - \(parameter.name): \(parameter.documentation.map { $0 + " " } ?? "")(\(where_))")
        }
        if let body = operation.requestBody {
            parameterLines.append("  - body: \(body.documentation.map { $0 + " " } ?? "")(`\(body.mediaType)`)")
            if let name = body.partHeadersTypeName {
                let headers = body.partHeaders.map { "`\($0.wireName)` of `\($0.part)`" }.joined(separator: ", ")
                parameterLines.append("  - partHeaders: the multipart parts' declared headers (`\(name)`: \(headers))")
            }
        }
        if !parameterLines.isEmpty {
            lines.append("")
            lines.append("- Parameters:")
            lines += parameterLines
        }
        if let enumName = operation.success.bodyEnumName {
            let statuses = operation.success.cases.map { "\($0.status.map(String.init) ?? "2XX") `.\($0.caseName)`" }.joined(separator: ", ")
            lines.append("- Returns: The body by status, as `\(enumName)` (\(statuses)).")
        } else if operation.success.type != nil {
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

    /// A string expression for a parameter value (`meterID.description`: the text `String(meterID)`
    /// gives, without making the type checker pick among `String`'s initializers).
    func text(_ expression: String, _ type: TypeReference) -> String {
        switch resolvedKind(type) {
        case .string: return expression
        case .bool, .int, .int32, .int64, .float, .double: return "\(expression).description"
        case .dateTime: return "DateTimeFormat.string(from: \(expression))"
        case .calendarDate: return "\(expression).description"
        case .uuid: return "\(expression).uuidString.lowercased()"
        case .array(let element): return "\(expression).map { \(text("$0", element)) }.joined(separator: \",\")"
        case .named(let name):
            if case .enumeration(let raw, _)? = declarations[name]?.kind { return text("\(expression).rawValue", raw) }
            if case .union? = declarations[name]?.kind { return "UnionDecoding.parameterText(\(expression))" }
            return "String(describing: \(expression))"
        case .data, .json, .dictionary, .optional: return "String(describing: \(expression))"
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
    func optionalText(_ parameter: ParameterDeclaration) -> String {
        let name = Naming.escaped(parameter.name)
        if parameter.isRequired { return text(name, parameter.type) }
        let converted = text("$0", parameter.type)
        if converted == "$0" { return name }
        // `pageSize?.description` rather than a closure (`pageSize.map { $0.description }`).
        if converted.hasPrefix("$0.") { return name + "?" + String(converted.dropFirst(2)) }
        return "\(name).map { \(converted) }"
    }

    /// One string literal, the parameters interpolated (`"/meter/\(URIEncoding.pathSegment(…))/release"`):
    /// each interpolation is type-checked on its own, where a `+` chain of literals and calls
    /// makes the type checker try every `+` overload together.
    private func pathExpression(_ operation: OperationDeclaration) -> String {
        var literal = ""
        for part in operation.pathParts {
            switch part {
            case .literal(let text): literal += String(text.swiftLiteral.dropFirst().dropLast())
            case .parameter(let name):
                let parameter = operation.parameters.first { $0.name == name }
                if let parameter, usesStyleEncoder(parameter) {
                    literal += "\\(" + styledPathValue(parameter) + ")"
                } else {
                    literal += "\\(URIEncoding.pathSegment(\(text(Naming.escaped(name), parameter?.type ?? .string))))"
                }
            }
        }
        return "\"" + literal + "\""
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
            return "\(location.credentialCase)(scheme: \(scheme), name: \(name.swiftLiteral), value: \(value))"
        case .bearer: return ".bearer(scheme: \(scheme), token: \(value))"
        case .basic: return ".basic(scheme: \(scheme), credentials: \(value))"
        }
    }

    /// Encodes the body into `requestBody` and sends: `core.send`, or with `streamed`,
    /// `core.stream` (the response body a `ResponseBodyStream` named `responseStream`).
    func renderSend(_ operation: OperationDeclaration, streamed: Bool = false, into writer: inout SwiftWriter) {
        let send = streamed ? "let (response, responseStream) = try await core.stream" : "let (response, responseBody) = try await core.send"
        guard let body = operation.requestBody else {
            writer.line("\(send)(request, body: nil, operationID: operationID)")
            return
        }
        if body.alternatives.isEmpty {
            let single = RequestBodyDeclaration.Alternative(caseName: "", mediaType: body.mediaType, kind: body.kind, type: body.type, encodings: body.encodings)
            if body.isRequired, body.kind == .binary {
                // The `RequestBody` is sent as it is.
                writer.line("request.headerFields[.contentType] = \(body.mediaType.swiftLiteral)")
                writer.line("let (response, responseBody) = try await core.send(request, body: body, operationID: operationID)")
                return
            }
            if body.isRequired {
                renderBodyEncoding(single, value: "body", target: "let requestBody", partHeaders: body.partHeadersTypeName != nil, into: &writer)
            } else {
                writer.line("var requestBody: \(requestBodyLocalType(body))?")
                writer.block("if let body") { writer in
                    renderBodyEncoding(single, value: "body", target: "requestBody", partHeaders: body.partHeadersTypeName != nil, into: &writer)
                }
            }
        } else {
            let renderSwitch: (inout SwiftWriter) -> Void = { writer in
                writer.line("switch body {")
                for alternative in body.alternatives {
                    writer.line("case .\(Naming.escaped(alternative.caseName))(let value):")
                    writer.indented { writer in
                        renderBodyEncoding(alternative, value: "value", target: "requestBody", partHeaders: body.partHeadersTypeName != nil, into: &writer)
                    }
                }
                writer.line("}")
            }
            if body.isRequired {
                writer.line("let requestBody: Data")
                renderSwitch(&writer)
            } else {
                writer.line("var requestBody: Data?")
                writer.block("if let body") { writer in renderSwitch(&writer) }
            }
        }
        // `core.stream` takes a `RequestBody`; a binary body already is one.
        let argument = !streamed || body.isBinary ? "requestBody" : body.isRequired ? ".data(requestBody)" : "requestBody.map { .data($0) }"
        writer.line("\(send)(request, body: \(argument), operationID: operationID)")
    }

    /// Sets the content type and assigns the encoded body to `target`.
    /// `partHeaders`: the body declares multipart part headers (the `partHeaders` argument).
    private func renderBodyEncoding(_ body: RequestBodyDeclaration.Alternative, value: String, target: String, partHeaders: Bool,
                                    into writer: inout SwiftWriter) {
        let contentType = "request.headerFields[.contentType] = \(body.mediaType.swiftLiteral)"
        switch body.kind {
        case .multipart:
            let encodings = partHeaders ? ", encodings: partHeaders.encodings(\(encodingsLiteral(body) ?? "[:]"))" : encodingsArgument(body)
            writer.line("let multipart = try core.encodeMultipart(\(value)\(encodings))")
            writer.line("request.headerFields[.contentType] = multipart.contentType")
            writer.line("\(target) = multipart.data")
        case .form:
            writer.line(contentType)
            writer.line("\(target) = try core.encodeForm(\(value)\(encodingsArgument(body)))")
        case .text:
            writer.line(contentType)
            writer.line("\(target) = Data(\(value).utf8)")
        case .binary:
            writer.line(contentType)
            writer.line("\(target) = \(value)")
        case .json:
            writer.line(contentType)
            writer.line("\(target) = try core.encodeJSON(\(value))")
        }
    }

    /// `, encodings: [...]` for the Encoding Object entries that differ from the runtime's
    /// defaults (bracket form; multipart parts typed by their value); empty when none do.
    private func encodingsArgument(_ body: RequestBodyDeclaration.Alternative) -> String {
        encodingsLiteral(body).map { ", encodings: " + $0 } ?? ""
    }

    /// The `[property: BodyFieldEncoding]` literal of `encodingsArgument`; nil when empty.
    private func encodingsLiteral(_ body: RequestBodyDeclaration.Alternative) -> String? {
        var entries: [String] = []
        for encoding in body.encodings {
            var arguments: [String] = []
            if body.kind == .form {
                if let style = encoding.style, style != "deepObject" {
                    arguments.append("style: .\(style)")
                    arguments.append("explode: \(encoding.explode ?? (style == "form"))")
                }
                if encoding.allowReserved { arguments.append("allowReserved: true") }
            } else if let contentType = encoding.contentType {
                arguments.append("contentType: \(contentType.swiftLiteral)")
            }
            if !arguments.isEmpty { entries.append("\(encoding.property.swiftLiteral): .init(\(arguments.joined(separator: ", ")))") }
        }
        return entries.isEmpty ? nil : "[\(entries.joined(separator: ", "))]"
    }

    private func renderResponseSwitch(_ operation: OperationDeclaration, into writer: inout SwiftWriter) {
        writer.line("switch response.status.code {")
        renderSuccessCases(operation, into: &writer)
        renderErrorCases(operation, into: &writer)
        writer.line("}")
    }

    /// The `case`s of the response switch that throw `APIError` (with `responseBody`).
    func renderErrorCases(_ operation: OperationDeclaration, into writer: inout SwiftWriter) {
        do {
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
    }

    /// The parameters and the body checked against their schemas before anything is sent: the
    /// Swift value, its schema's rules, the JSON Pointer reported (`/query/pageSize`, "" for the
    /// body) and the schema's member in the operation's schema enum (`operationSchemas`).
    private func requestChecks(_ operation: OperationDeclaration) -> [(value: String, rules: ValidationRules, pointer: String, member: String)] {
        var checks: [(value: String, rules: ValidationRules, pointer: String, member: String)] = []
        // A parameter whose only keyword is `type` is already enforced by its Swift type.
        for parameter in operation.parameters where !parameter.rules.isEmpty && !parameter.rules.isTypeOnly {
            let name = Naming.escaped(parameter.name)
            checks.append((name, parameter.rules, "/\(parameter.location.rawValue)/\(JSONPointer.escape(parameter.jsonName))", name))
        }
        if let body = operation.requestBody, !body.rules.isEmpty, !body.isBinary {
            checks.append(("body", body.rules, "", "body"))
        }
        return checks
    }

    private func renderRequestValidation(_ operation: OperationDeclaration, into writer: inout SwiftWriter) {
        let checks = requestChecks(operation)
        guard !checks.isEmpty else { return }
        writer.block("if core.configuration.validatesRequests") { writer in
            writer.line("var violations: [ValidationError] = []")
            for check in checks {
                let schema = schemaReference(check.rules, member: check.member, operation)
                let pointer = check.pointer.isEmpty ? "" : ", pointer: \(check.pointer.swiftLiteral)"
                writer.line("violations.append(contentsOf: core.violations(of: \(check.value), schema: \(schema)\(pointer)))")
            }
            writer.line("try core.throwIfInvalid(violations, request: request, operationID: operationID)")
        }
    }

    /// The name of the private enum holding an operation's schemas (`AssignDataAccessReleaseSchemas`).
    private func schemasEnumName(_ operation: OperationDeclaration) -> String {
        operation.methodName.prefix(1).uppercased() + operation.methodName.dropFirst() + "Schemas"
    }

    /// The schema expression a check uses: a named type's `validationSchema` as is, any other
    /// schema the `static let` of the operation's schema enum (built once, not on every call).
    func schemaReference(_ rules: ValidationRules, member: String, _ operation: OperationDeclaration) -> String {
        let lines = schemaExpression(rules)
        if rules.reference != nil, lines.count == 1 { return lines[0] }
        return "\(schemasEnumName(operation)).\(member)"
    }

    /// The schemas of `requestChecks` and of the success responses (`successSchemas`) that are
    /// not a named type's own, as `static let`s of a private enum inside the operation's extension.
    func renderOperationSchemas(_ operation: OperationDeclaration, into writer: inout SwiftWriter) {
        var members: [(member: String, rules: ValidationRules)] = requestChecks(operation).map { ($0.member, $0.rules) }
        members += successSchemas(operation)
        members = members.filter { $0.rules.reference == nil }
        guard !members.isEmpty else { return }
        writer.line()
        writer.documentation("The validation schemas of `\(operation.methodName)(…)` that are not a named type's own, built once rather than on every call.")
        writer.block("private nonisolated enum \(schemasEnumName(operation))") { writer in
            for (member, rules) in members {
                write("static let \(member): ValidationSchema = ", rulesExpression(rules), into: &writer)
            }
        }
    }

    private func errorExpression(_ type: TypeReference?) -> String {
        if let type {
            return "core.apiError(operationID: operationID, request: request, response: response, body: responseBody, declared: \(swiftType(type)).self)"
        }
        return "core.apiError(operationID: operationID, request: request, response: response, body: responseBody)"
    }
}
