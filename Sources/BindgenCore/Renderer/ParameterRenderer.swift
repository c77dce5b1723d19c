import OpenAPIModel

/// Parameters the runtime's style encoder serializes (`ParameterEncoding`): every style but the
/// plain cases (scalars, and exploded `form` arrays in queries, `simple` arrays in paths and
/// headers), which stay inline text.
extension SwiftRenderer {
    private func isScalar(_ type: TypeReference) -> Bool {
        switch resolvedKind(type) {
        case .string, .bool, .int, .int32, .int64, .float, .double, .dateTime, .calendarDate, .uuid: return true
        case .named(let name):
            if case .enumeration? = declarations[name]?.kind { return true }
            return false
        case .optional(let wrapped): return isScalar(wrapped)
        case .data, .json, .dictionary, .array: return false
        }
    }

    private func isJSONContent(_ parameter: ParameterDeclaration) -> Bool {
        guard let media = parameter.contentMediaType?.lowercased() else { return false }
        let base = media.split(separator: ";").first.map(String.init) ?? media
        return base.hasSuffix("/json") || base.hasSuffix("+json")
    }

    /// The parameter is serialized by `ParameterEncoding` (its value expression throws).
    func usesStyleEncoder(_ parameter: ParameterDeclaration) -> Bool {
        if isJSONContent(parameter) { return true }
        let style = parameter.effectiveStyle
        if isScalar(parameter.type) {
            switch parameter.location {
            case .path: return style != "simple"
            case .query: return parameter.allowReserved
            case .header, .cookie: return false
            }
        }
        if case .array(let element) = resolvedKind(parameter.type), isScalar(element) {
            switch parameter.location {
            case .query: return parameter.allowReserved || style != "form" || !parameter.effectiveExplode
            case .path: return style != "simple"
            case .header: return false
            case .cookie: return true
            }
        }
        return true
    }

    /// A `ParameterValue` expression for `value` (throwing).
    private func parameterValue(_ parameter: ParameterDeclaration, _ value: String) -> String {
        if isJSONContent(parameter) { return ".scalar(core.jsonText(\(value)), isString: true)" }
        return "core.parameterValue(\(value))"
    }

    private func styleArguments(_ parameter: ParameterDeclaration) -> String {
        "style: .\(parameter.effectiveStyle), explode: \(parameter.effectiveExplode)"
    }

    func renderStyledQueryParameter(_ parameter: ParameterDeclaration, into writer: inout SwiftWriter) {
        let reserved = parameter.allowReserved ? ", allowReserved: true" : ""
        let call: (String) -> String = { value in
            "encodedQuery += try ParameterEncoding.query(\(parameter.jsonName.swiftLiteral), \(parameterValue(parameter, value)), \(styleArguments(parameter))\(reserved))"
        }
        if parameter.isRequired {
            writer.line(call(Naming.escaped(parameter.name)))
        } else {
            writer.block("if let value = \(Naming.escaped(parameter.name))") { writer in writer.line(call("value")) }
        }
    }

    /// The path piece for a styled path parameter (path parameters are required).
    func styledPathValue(_ parameter: ParameterDeclaration) -> String {
        "ParameterEncoding.path(\(parameter.jsonName.swiftLiteral), \(parameterValue(parameter, Naming.escaped(parameter.name))), \(styleArguments(parameter)))"
    }

    /// A header parameter's value (`String` or `String?`), inside a `try` statement.
    func headerValue(_ parameter: ParameterDeclaration) -> String {
        guard usesStyleEncoder(parameter) else { return optionalText(parameter) }
        let explode = "explode: \(parameter.effectiveExplode)"
        if parameter.isRequired {
            return "ParameterEncoding.header(\(parameterValue(parameter, Naming.escaped(parameter.name))), \(explode))"
        }
        return "\(Naming.escaped(parameter.name)).map { try ParameterEncoding.header(\(parameterValue(parameter, "$0")), \(explode)) }"
    }

    func renderCookieParameter(_ parameter: ParameterDeclaration, into writer: inout SwiftWriter) {
        guard usesStyleEncoder(parameter) else {
            writer.line("core.addCookie(\(parameter.jsonName.swiftLiteral), \(optionalText(parameter)), in: &request)")
            return
        }
        let call: (String) -> String = { value in
            "try core.addCookiePairs(ParameterEncoding.cookie(\(parameter.jsonName.swiftLiteral), \(parameterValue(parameter, value)), explode: \(parameter.effectiveExplode)), in: &request, operationID: operationID)"
        }
        if parameter.isRequired {
            writer.line(call(Naming.escaped(parameter.name)))
        } else {
            writer.block("if let value = \(Naming.escaped(parameter.name))") { writer in writer.line(call("value")) }
        }
    }
}
