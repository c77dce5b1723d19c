/// The success side of an operation: one `case` per success status (content-type check,
/// validation, decoding into `OperationResponse`), the headers struct and the per-status body enum.
extension SwiftRenderer {
    /// The success statuses' `case`s: exact codes first, then the range (a `switch` takes the
    /// first match); statuses read the same way share one (`case 200, 203:`), unless the body enum
    /// tells them apart.
    private func successGroups(_ operation: OperationDeclaration) -> [(patterns: [String], item: SuccessCase)] {
        let success = operation.success
        let ordered = success.cases.filter { $0.status != nil } + success.cases.filter { $0.status == nil }
        var groups: [(patterns: [String], item: SuccessCase)] = []
        for item in ordered {
            let pattern = item.status.map(String.init) ?? "200...299"
            if success.bodyEnumName == nil, item.status != nil,
               let index = groups.firstIndex(where: { !$0.patterns.contains("200...299") && $0.item.body == item.body && $0.item.mediaTypes == item.mediaTypes }) {
                groups[index].patterns.append(pattern)
            } else {
                groups.append(([pattern], item))
            }
        }
        return groups
    }

    /// The rules a success `case` validates its JSON body against, with the member of the
    /// operation's schema enum that holds them (`response200`, `response2XX`).
    func successSchemas(_ operation: OperationDeclaration) -> [(member: String, rules: ValidationRules)] {
        successGroups(operation).compactMap { group -> (member: String, rules: ValidationRules)? in
            guard let body = group.item.body, body.kind == .json, let rules = body.rules, !rules.isEmpty else { return nil }
            return ("response" + (group.item.status.map(String.init) ?? "2XX"), rules)
        }
    }

    func renderSuccessCases(_ operation: OperationDeclaration, into writer: inout SwiftWriter) {
        let headers = operation.success.headersTypeName.map {
            "try \($0)(core.headerReader(request: request, response: response, body: responseBody, operationID: operationID))"
        } ?? "NoResponseHeaders()"
        let schemas = Dictionary(successSchemas(operation).map { ($0.member, $0.rules) }, uniquingKeysWith: { first, _ in first })
        for (patterns, item) in successGroups(operation) {
            writer.line("case \(patterns.joined(separator: ", ")):")
            writer.indented { writer in
                if !item.mediaTypes.isEmpty {
                    let list = "[" + item.mediaTypes.map(\.swiftLiteral).joined(separator: ", ") + "]"
                    writer.line("try core.checkContentType(\(list), request: request, response: response, body: responseBody, operationID: operationID)")
                }
                let member = "response" + (item.status.map(String.init) ?? "2XX")
                if let rules = schemas[member] {
                    let schema = schemaReference(rules, member: member, operation)
                    writer.line("try core.validateResponse(responseBody, schema: \(schema), request: request, response: response, operationID: operationID)")
                }
                writer.line("return OperationResponse(response, headers: \(headers), body: \(bodyExpression(item, operation)))")
            }
        }
    }

    /// The `body:` value of a success case.
    private func bodyExpression(_ item: SuccessCase, _ operation: OperationDeclaration) -> String {
        guard let body = item.body else {
            if operation.success.bodyEnumName != nil { return "." + Naming.escaped(item.caseName) }
            return operation.success.type == nil ? "()" : "nil"
        }
        let value: String
        switch body.kind {
        case .json:
            value = "try core.decodeJSON(\(swiftType(body.type)).self, from: responseBody, request: request, response: response, operationID: operationID)"
        case .text: value = "String(decoding: responseBody, as: UTF8.self)"
        case .binary: value = "responseBody"
        case .raw: value = "core.typedData(responseBody, response: response, declared: \(body.mediaType.swiftLiteral))"
        }
        if operation.success.bodyEnumName != nil { return ".\(Naming.escaped(item.caseName))(\(value))" }
        return value
    }

    /// Top-level declarations an operation's file holds besides its methods: the headers struct
    /// and the body enum. `methods`: the operation's signatures, from the surface.
    func renderResponseTypes(_ operation: OperationDeclaration, _ methods: OperationSurface, into writer: inout SwiftWriter) {
        let success = operation.success
        if let name = success.headersTypeName, let headersType = methods.headersType, let initializer = headersType.initializer {
            writer.line()
            writer.documentation("The response headers `\(operation.operationID)` declares for its success statuses (OpenAPI Response Object, `headers`), decoded by their schemas; each is nil when the response does not carry it.")
            writer.block("\(access)nonisolated struct \(name): Hashable, Sendable") { writer in
                for (header, member) in zip(success.headers, headersType.members) {
                    writer.documentation("`\(header.wireName)`" + (header.documentation.map { ": " + $0 } ?? "."))
                    writer.line("\(access)var \(member.declaration)")
                }
                writer.line()
                writer.declarationBlock("\(access)\(initializer.declaration)") { writer in
                    for header in success.headers {
                        writer.line("self.\(Naming.escaped(header.name)) = \(Naming.escaped(header.name))")
                    }
                }
                writer.line()
                writer.block("init(_ reader: ResponseHeaderReader) throws") { writer in
                    for header in success.headers {
                        writer.line("self.\(Naming.escaped(header.name)) = try reader.value(\(header.wireName.swiftLiteral), as: \(swiftType(header.type)).self)")
                    }
                }
            }
        }
        if let name = success.bodyEnumName, let bodyType = methods.successBodyType {
            writer.line()
            writer.documentation("The body of `\(operation.operationID)`'s success response, by status.")
            writer.block("\(access)nonisolated enum \(name): Sendable") { writer in
                for (item, member) in zip(success.cases, bodyType.members) {
                    let status = item.status.map(String.init) ?? "2XX"
                    writer.documentation("\(status)" + (item.documentation.map { ": " + $0 } ?? ""))
                    writer.line("case \(member.caseDeclaration)")
                }
            }
        }
    }
}
