import OpenAPIModel
import YAMLParsing

/// An operation's responses → its success cases (a body per status, declared media types),
/// declared headers, error responses and paging.
extension Translator {
    mutating func translateResponses(_ operation: Operation, typePrefix: String) -> (success: SuccessResponse, errors: [ErrorResponse]) {
        var success = SuccessResponse(statuses: [], acceptsAny2xx: false, type: nil, mediaType: nil, documentation: nil, rules: nil)
        var errors: [ErrorResponse] = []
        var headerSources: [(wireName: String, header: Header)] = []
        let hasExplicitSuccess = operation.responses.contains { $0.status.hasPrefix("2") }
        var firstSuccess = true
        for (status, value) in operation.responses.map({ ($0.status, $0.response) }) {
            guard let response = document.resolve(value) else { continue }
            let isSuccess = status.hasPrefix("2") || (status == "default" && !hasExplicitSuccess)
            if isSuccess {
                // The first success keeps the name it always had (`…Response`); others are named by status.
                let suggestedName = firstSuccess ? "Response" : "Response\(status.uppercased())"
                firstSuccess = false
                let code = Int(status)
                // `text/event-stream` beside other media types is read by the `…Events(…)` method
                // only; the other methods read the others.
                var content = response.content
                if let stream = content.first(where: { EventStreamDeclaration.isEventStream($0.name) }) {
                    addEventStream(stream, status: code, to: &success, suggestedName: suggestedName + "Event", typePrefix: typePrefix)
                    if content.count > 1 { content.removeAll { EventStreamDeclaration.isEventStream($0.name) } }
                }
                let body = responseBody(content, suggestedName: suggestedName, typePrefix: typePrefix)
                success.cases.append(SuccessCase(status: code, caseName: Self.caseName(forStatus: code), body: body,
                                                 mediaTypes: content.map(\.name), documentation: response.description))
                for entry in response.headers where entry.name.lowercased() != "content-type" {
                    // OpenAPI Response Object, `headers`: "If a response header is defined with the name
                    // "Content-Type", it SHALL be ignored."
                    guard let header = document.resolve(entry.header),
                          !headerSources.contains(where: { $0.wireName.lowercased() == entry.name.lowercased() }) else { continue }
                    headerSources.append((entry.name, header))
                }
                continue
            }
            let body = bodyType(response.content, suggestedName: "Response\(status.capitalized)", typePrefix: typePrefix)
            if let code = Int(status) {
                errors.append(ErrorResponse(status: code, rangeClass: nil, type: body?.type, documentation: response.description))
            } else if status.count == 3, let digit = Int(status.prefix(1)) {
                errors.append(ErrorResponse(status: nil, rangeClass: digit, type: body?.type, documentation: response.description))
            } else {
                errors.append(ErrorResponse(status: nil, rangeClass: nil, type: body?.type, documentation: response.description))
            }
        }
        if success.cases.isEmpty {
            // No success response declared: any 2xx is success, without a body.
            success.acceptsAny2xx = true
            success.cases.append(SuccessCase(status: nil, caseName: "success", body: nil, mediaTypes: [], documentation: nil))
        }
        // The one-line result: the body type all bodied statuses share (optional when some have
        // none), or a per-status enum when they differ.
        let bodied = success.cases.filter { $0.body != nil }
        let first = bodied.first?.body
        success.documentation = (bodied.first ?? success.cases.first)?.documentation
        for item in success.cases {
            if let code = item.status { success.statuses.append(code) } else { success.acceptsAny2xx = true }
        }
        if let first, bodied.allSatisfy({ $0.body!.type == first.type && $0.body!.kind == first.kind }) {
            success.type = first.type
            success.mediaType = first.mediaType
            success.rules = first.rules
            success.emptyStatuses = success.cases.filter { $0.body == nil }.compactMap(\.status)
            success.statuses.removeAll { success.emptyStatuses.contains($0) }
        } else if first != nil {
            let name = NameAllocation.unique(Naming.typeName(typePrefix + "Body"), in: &topLevelNames)
            success.bodyEnumName = name
            success.type = .named(name)
            success.mediaType = bodied.map(\.body!.mediaType).first
        }
        let names = NameAllocation.allocate(headerSources.map { .init(wireName: $0.wireName, base: Naming.memberName($0.wireName)) },
                                            reserved: ReservedNames.memberNames.union(["init", "hashValue"]))
        success.headers = zip(headerSources, names).map { source, name in
            ResponseHeaderDeclaration(name: name.name, wireName: source.wireName, type: headerType(source.header.schema),
                                      documentation: source.header.description)
        }
        if !success.headers.isEmpty {
            success.headersTypeName = NameAllocation.unique(Naming.typeName(typePrefix + "Headers"), in: &topLevelNames)
        }
        return (success, errors)
    }

    /// Records a success status's `text/event-stream` media type: the first such status sets the
    /// events' payload type (its schema, `JSONValue` without one); a later status joins when its
    /// payload is the same type (one `…Events(…)` method has one element type).
    private mutating func addEventStream(_ media: MediaType, status: Int?, to success: inout SuccessResponse, suggestedName: String, typePrefix: String) {
        var unused: [TypeDeclaration] = []
        let payload = media.schema.map { typeReference(for: $0, suggestedName: suggestedName, owner: .topLevel(typePrefix), nested: &unused) } ?? .json
        if success.events == nil {
            success.events = EventStreamDeclaration(statuses: [status], mediaType: media.name, payloadType: payload)
        } else if success.events!.payloadType == payload {
            success.events!.statuses.append(status)
        }
    }

    /// The enum case of a success status: its reason phrase (RFC 9110 §15.3), `status<code>` for
    /// codes without one, `success` for a range or `default`.
    static func caseName(forStatus status: Int?) -> String {
        guard let status else { return "success" }
        let phrases = [200: "ok", 201: "created", 202: "accepted", 203: "nonAuthoritativeInformation", 204: "noContent",
                       205: "resetContent", 206: "partialContent", 207: "multiStatus", 208: "alreadyReported", 226: "imUsed"]
        return phrases[status] ?? "status\(status)"
    }

    /// Picks the response media type to bind: JSON (`application/json`, `+json`), then binary,
    /// then `text/*`, then any other type as raw bytes with their content type. Every declared
    /// type is accepted on the wire (`SuccessCase.mediaTypes`); the bound one decides the Swift type.
    mutating func responseBody(_ content: [MediaType], suggestedName: String, typePrefix: String) -> ResponseBodyDeclaration? {
        if content.isEmpty { return nil }
        var unused: [TypeDeclaration] = []
        if let json = content.first(where: { isJSON($0.name) }) {
            guard let schema = json.schema else { return ResponseBodyDeclaration(kind: .json, type: .json, mediaType: json.name, rules: nil) }
            let type = typeReference(for: schema, suggestedName: suggestedName, owner: .topLevel(typePrefix), nested: &unused)
            return ResponseBodyDeclaration(kind: .json, type: type, mediaType: json.name, rules: rules(for: schema, boundAs: type))
        }
        if let binary = content.first(where: { Self.isBinary($0) }) {
            return ResponseBodyDeclaration(kind: .binary, type: .data, mediaType: binary.name, rules: nil)
        }
        if let text = content.first(where: { $0.name.lowercased().hasPrefix("text/") }) {
            return ResponseBodyDeclaration(kind: .text, type: .string, mediaType: text.name, rules: nil)
        }
        return ResponseBodyDeclaration(kind: .raw, type: .named("TypedData"), mediaType: content[0].name, rules: nil)
    }

    static func isBinary(_ media: MediaType) -> Bool {
        let name = media.name.lowercased()
        return name.hasPrefix("application/octet-stream") || media.schema?.format == "binary"
            || ["image/", "audio/", "video/", "font/"].contains { name.hasPrefix($0) }
    }

    /// The Swift type of a header value: scalars and arrays of scalars by their schema
    /// (`integer`/`int32` → `Int32`, `date-time` → `Date`, …), anything else as `String`.
    func headerType(_ schema: Schema?) -> TypeReference {
        guard let schema, let resolved = document.resolved(schema) else { return .string }
        let types = resolved.nonNullTypes ?? []
        guard types.count == 1 else { return .string }
        switch types[0] {
        case .integer, .number, .boolean, .string: return ScalarTypes.type(types[0], format: resolved.format) ?? .string
        case .array:
            guard let items = resolved.items else { return .string }
            let element = headerType(items)
            if case .array = element { return .string }
            return .array(element)
        default: return .string
        }
    }

    /// The paging of an operation, when it follows `options.paging` (see `PagingConvention`).
    func paging(parameters: [ParameterDeclaration], success: SuccessResponse) -> PagingDeclaration? {
        let convention = options.paging
        guard convention.isEnabled else { return nil }
        func isInteger(_ type: TypeReference) -> Bool { [.int, .int32, .int64].contains(type) }
        guard let number = parameters.first(where: { $0.location == .query && $0.jsonName.lowercased() == convention.pageNumberParameter.lowercased() }),
              isInteger(number.type),
              parameters.contains(where: { $0.location == .query && $0.jsonName.lowercased() == convention.pageSizeParameter.lowercased() }),
              let total = success.headers.first(where: { $0.wireName.lowercased() == convention.totalPagesHeader.lowercased() }),
              isInteger(total.type) else { return nil }
        return PagingDeclaration(methodName: "", pageNumberParameter: number.name, pageNumberType: number.type,
                                 totalPagesProperty: total.name, totalPagesType: total.type, firstPage: convention.firstPage)
    }
}
