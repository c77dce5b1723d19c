import Foundation
import OpenAPIModel
import YAMLParsing

/// Request bodies: JSON, `application/x-www-form-urlencoded`, `multipart/form-data`, text and
/// bytes; several kinds of media type give a body enum the caller picks a case of.
extension Translator {
    /// The kind a request media type is sent as; nil when nothing can be sent for it.
    func requestKind(_ media: MediaType) -> RequestBodyDeclaration.Kind {
        let base = (media.name.split(separator: ";").first.map { $0.filter { $0 != " " } } ?? "").lowercased()
        if isJSON(base) { return .json }
        if base == "application/x-www-form-urlencoded" { return .form }
        if base == "multipart/form-data" { return .multipart }
        if base.hasPrefix("text/") { return .text }
        if base != "application/octet-stream", !base.contains("*"), let schema = media.schema.flatMap({ $0.reference == nil ? $0 : nil }),
           schema.nonNullTypes == [.string],
           schema.format != "binary", schema.format != "byte" {
            return .text
        }
        return .binary
    }

    mutating func translateRequestBody(_ body: RequestBody, typePrefix: String) -> RequestBodyDeclaration? {
        // One media type per kind: the first listed (`application/json` before `text/json`).
        var chosen: [(kind: RequestBodyDeclaration.Kind, media: MediaType)] = []
        for media in body.content {
            let kind = requestKind(media)
            if !chosen.contains(where: { $0.kind == kind }) { chosen.append((kind, media)) }
        }
        guard !chosen.isEmpty else { return nil }
        var alternatives: [RequestBodyDeclaration.Alternative] = []
        var firstRules: ValidationRules?
        for (index, (kind, media)) in chosen.enumerated() {
            let suggested = index == 0 ? "Request" : "Request" + Naming.typeName(kind.rawValue)
            let (type, rules) = requestType(media, kind: kind, suggestedName: suggested, typePrefix: typePrefix)
            if index == 0 { firstRules = rules }
            alternatives.append(.init(caseName: kind.rawValue, mediaType: media.name, kind: kind, type: type, encodings: fieldEncodings(media, kind: kind)))
        }
        var declaration: RequestBodyDeclaration
        if alternatives.count == 1 {
            let only = alternatives[0]
            declaration = RequestBodyDeclaration(mediaType: only.mediaType, type: only.type, isRequired: body.required, documentation: body.description,
                                                 rules: firstRules ?? ValidationRules(), kind: only.kind, encodings: only.encodings)
        } else {
            let name = NameAllocation.unique(Naming.typeName(typePrefix + "Body"), in: &topLevelNames)
            declaration = RequestBodyDeclaration(mediaType: alternatives.map(\.mediaType).joined(separator: ", "), type: .named(name), isRequired: body.required,
                                                 documentation: body.description, rules: ValidationRules(), kind: alternatives[0].kind,
                                                 encodings: [], alternatives: alternatives)
        }
        if let multipart = chosen.first(where: { $0.kind == .multipart })?.media {
            declaration.partHeaders = partHeaders(multipart)
            if !declaration.partHeaders.isEmpty {
                declaration.partHeadersTypeName = NameAllocation.unique(Naming.typeName(typePrefix + "PartHeaders"), in: &topLevelNames)
            }
        }
        return declaration
    }

    /// The part headers of a multipart media type's Encoding Objects (by part name, then as
    /// declared), typed by their schemas as response headers are; `Content-Type` is the
    /// encoding's `contentType`, never a part header.
    private func partHeaders(_ media: MediaType) -> [PartHeaderDeclaration] {
        var sources: [(part: String, wireName: String, header: Header)] = []
        for (part, encoding) in media.encoding.sorted(by: { Array($0.key.utf8).lexicographicallyPrecedes(Array($1.key.utf8)) }) {
            for entry in encoding.headers {
                guard let header = document.resolve(entry.header) else { continue }
                sources.append((part, entry.name, header))
            }
        }
        let names = NameAllocation.allocate(sources.map { .init(wireName: $0.part + " " + $0.wireName, base: Naming.memberName($0.part + "-" + $0.wireName)) },
                                            reserved: ReservedNames.memberNames.union(["init", "hashValue", "encodings"]))
        return zip(sources, names).map { source, name in
            PartHeaderDeclaration(part: source.part, wireName: source.wireName, name: name.name, type: headerType(source.header.schema),
                                  isRequired: source.header.required, documentation: source.header.description)
        }
    }

    private mutating func requestType(_ media: MediaType, kind: RequestBodyDeclaration.Kind, suggestedName: String, typePrefix: String)
        -> (TypeReference, ValidationRules?) {
        switch kind {
        case .text: return (.string, nil)
        case .binary: return (.data, nil)
        case .json, .form, .multipart:
            guard let schema = media.schema else { return (.json, nil) }
            var unused: [TypeDeclaration] = []
            let saved = bindsBinaryAsFile
            bindsBinaryAsFile = kind == .multipart
            defer { bindsBinaryAsFile = saved }
            let type = typeReference(for: schema, suggestedName: suggestedName, owner: .topLevel(typePrefix), nested: &unused)
            return (type, rules(for: schema, boundAs: type))
        }
    }

    private mutating func fieldEncodings(_ media: MediaType, kind: RequestBodyDeclaration.Kind) -> [RequestBodyDeclaration.FieldEncoding] {
        guard kind == .form || kind == .multipart else { return [] }
        let known: Set<String> = ["form", "spaceDelimited", "pipeDelimited", "deepObject"]
        return media.encoding.sorted { Array($0.key.utf8).lexicographicallyPrecedes(Array($1.key.utf8)) }.map { property, encoding in
            var style = kind == .form ? (encoding.style ?? (encoding.explode != nil ? "form" : nil)) : nil
            if let given = style, !known.contains(given) {
                warn("encoding style '\(given)' of form property '\(property)' is not a form style (form, spaceDelimited, pipeDelimited, deepObject); it is sent in bracket form",
                     media.mark, JSONPointer(tokens: []))
                style = nil
            }
            // The first content type of a comma-separated list (OpenAPI 3.1.1 §4.8.15.1).
            let contentType = kind == .multipart ? encoding.contentType.map { String($0.split(separator: ",").first ?? "").trimmingCharacters(in: .whitespaces) } : nil
            return .init(property: property, style: style, explode: kind == .form ? encoding.explode : nil,
                         allowReserved: kind == .form && encoding.allowReserved, contentType: contentType)
        }
    }

    /// Component schemas that a `multipart/form-data` request body names directly: their
    /// `format: binary` properties bind as `MultipartFile` (bytes with a file name and type).
    func multipartComponents() -> Set<String> {
        var result: Set<String> = []
        for (_, _, operation, _) in document.operations {
            guard let value = operation.requestBody, let body = document.resolve(value) else { continue }
            for media in body.content where requestKind(media) == .multipart {
                if let name = media.schema?.reference?.componentName(in: "schemas") { result.insert(name) }
            }
        }
        return result
    }
}

extension Translator {
    /// The parameter's declared style and explode, checked against its location (OpenAPI 3.1.1
    /// §4.8.12.4); nil (after an error) for a style its location cannot have.
    mutating func parameterStyle(_ parameter: Parameter) -> (style: String?, explode: Bool?)? {
        guard let style = parameter.style else { return (nil, parameter.explode) }
        let allowed: [ParameterLocation: [String]] = [
            .path: ["simple", "label", "matrix"], .query: ["form", "spaceDelimited", "pipeDelimited", "deepObject"],
            .header: ["simple"], .cookie: ["form"],
        ]
        guard allowed[parameter.location]?.contains(style) == true else {
            warn("style '\(style)' is not defined for \(parameter.location.rawValue) parameters (OpenAPI Style Values: \(allowed[parameter.location]!.joined(separator: ", "))); the operation is skipped",
                 parameter.mark, parameter.pointer.appending("style"))
            return nil
        }
        return (style, parameter.explode)
    }
}
