import BindgenCore
import Foundation
import OpenAPIModel
import YAMLParsing

/// Wire-level differences between two OpenAPI documents: operations and paths, parameters,
/// request and response bodies, status codes, media types and security. Operations are matched
/// by method and path (parameter names aside); an operation that appears under a new API version
/// (`FooV202406` beside `FooV202203`, or a path moved from `/api/v202105/…` to `/api/v202203/…`)
/// is reported against its previous version, not as one removal and one addition.
public struct WireDiff {
    let old: OpenAPIDocument
    let new: OpenAPIDocument
    /// Deepest schema comparison (`GenerationLimits.maxDepth`; see `SchemaDiff`).
    let maxDepth: Int
    var changes: [APIChange] = []

    public static func compare(old: OpenAPIDocument, new: OpenAPIDocument, maxDepth: Int = GenerationLimits().maxDepth) -> [APIChange] {
        var diff = WireDiff(old: old, new: new, maxDepth: maxDepth)
        diff.run()
        return diff.changes
    }

    init(old: OpenAPIDocument, new: OpenAPIDocument, maxDepth: Int) {
        self.old = old
        self.new = new
        self.maxDepth = maxDepth
    }

    struct Entry {
        var path: String
        var method: HTTPMethod
        var operation: OpenAPIModel.Operation
        var pathItem: PathItem
        var label: String { "\(method.token) \(path)" + (operation.operationID.map { " (\($0))" } ?? "") }
        /// Method + path with parameter names erased.
        var key: String { method.rawValue + " " + WireDiff.erasingParameterNames(path) }
        /// Method + path with the version segment and parameter names erased, plus the operationId without its version suffix.
        var versionlessKey: String {
            let path = WireDiff.erasingParameterNames(path).split(separator: "/").map { VersionSource.isVersionSegment($0) ? "{version}" : String($0) }.joined(separator: "/")
            var base = operation.operationID ?? ""
            if let range = base.range(of: #"V[0-9]+$"#, options: .regularExpression) { base.removeSubrange(range) }
            return method.rawValue + " " + path + " " + base
        }
    }

    static func erasingParameterNames(_ path: String) -> String {
        path.replacingOccurrences(of: #"\{[^}]*\}"#, with: "{}", options: .regularExpression)
    }

    /// Same method and operationId, and one path is the other with segments added or removed in
    /// front (`/api/test` and `/tenant/api/test`).
    static func isSameOperationUnderNewPrefix(_ a: Entry, _ b: Entry) -> Bool {
        guard a.method == b.method, a.operation.operationID == b.operation.operationID else { return false }
        let x = erasingParameterNames(a.path), y = erasingParameterNames(b.path)
        // Both start with "/", so a suffix match is aligned on segments.
        return x != y && (x.hasSuffix(y) || y.hasSuffix(x))
    }

    func entries(_ document: OpenAPIDocument) -> [Entry] {
        document.operations.map { Entry(path: $0.path, method: $0.method, operation: $0.operation, pathItem: $0.pathItem) }
    }

    /// Records a finding; `severity` is given only for a rule with several (`WireRule.severities`).
    mutating func add(_ rule: WireRule, severity: APIChange.Severity? = nil, _ operation: String?, _ message: String,
                      pointer: JSONPointer, mark: Mark?, in document: OpenAPIDocument) {
        changes.append(APIChange(severity: severity ?? rule.severities[0], rule: .wire(rule), operation: operation, message: message,
                                 pointer: document.location(of: pointer).pointer.description, file: document.location(of: pointer).file, mark: mark))
    }

    mutating func run() {
        let oldEntries = entries(old), newEntries = entries(new)
        let oldByKey = Dictionary(oldEntries.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        let newKeys = Set(newEntries.map(\.key))
        var unmatchedOld = oldEntries.filter { !newKeys.contains($0.key) }
        for entry in newEntries {
            if let previous = oldByKey[entry.key] {
                compareOperation(previous, entry, relativeToPreviousVersion: false)
                continue
            }
            // A new version of an operation: the newest earlier version with the same base name and path shape.
            let candidates = oldEntries.filter { $0.versionlessKey == entry.versionlessKey }
            if let previous = candidates.last {
                let stillThere = newKeys.contains(previous.key)
                add(.operationNewVersion, entry.label,
                    "new version of \(previous.operation.operationID ?? previous.path): \(entry.label) " + (stillThere ? "beside" : "replaces") + " \(previous.label); changes relative to the previous version follow",
                    pointer: entry.operation.pointer, mark: entry.operation.mark, in: new)
                if !stillThere {
                    add(.operationMoved, previous.label, "\(previous.label) was removed; its new version is \(entry.label)",
                        pointer: previous.operation.pointer, mark: previous.operation.mark, in: old)
                    unmatchedOld.removeAll { $0.key == previous.key }
                }
                compareOperation(previous, entry, relativeToPreviousVersion: true)
            } else if let previous = unmatchedOld.first(where: { WireDiff.isSameOperationUnderNewPrefix($0, entry) }) {
                // The same operation under another path prefix (`/api/x` → `/tenant/api/x`).
                add(.operationPathChanged, previous.label, "\(previous.label) moved to \(entry.label); clients calling the old path break",
                    pointer: entry.operation.pointer, mark: entry.operation.mark, in: new)
                unmatchedOld.removeAll { $0.key == previous.key }
                compareOperation(previous, entry, relativeToPreviousVersion: false)
            } else {
                add(.operationAdded, entry.label, "new operation \(entry.label)", pointer: entry.operation.pointer, mark: entry.operation.mark, in: new)
            }
        }
        for entry in unmatchedOld {
            add(.operationRemoved, entry.label, "operation \(entry.label) was removed", pointer: entry.operation.pointer, mark: entry.operation.mark, in: old)
        }
        compareSecuritySchemes()
    }

    mutating func compareOperation(_ a: Entry, _ b: Entry, relativeToPreviousVersion: Bool) {
        let label = b.label
        let start = changes.count
        if b.operation.deprecated && !a.operation.deprecated {
            add(.operationDeprecated, label, "\(label) is deprecated", pointer: b.operation.pointer, mark: b.operation.mark, in: new)
        }
        compareParameters(a, b, label: label)
        compareRequestBody(a, b, label: label)
        compareResponses(a, b, label: label)
        compareSecurity(a, b, label: label)
        if relativeToPreviousVersion {
            // The previous version still serves existing clients: relative changes are notes for
            // those who switch to the new version, so they are info whatever they would be otherwise.
            for index in start..<changes.count {
                let severity = changes[index].severity
                changes[index].message = "relative to \(a.label)" + (severity == .info ? "" : " (\(severity.rawValue) for callers who switch)")
                    + ": " + changes[index].message
                changes[index].rule = .newVersion(changes[index].rule)
                changes[index].severity = .info
            }
        }
    }

    mutating func compareParameters(_ a: Entry, _ b: Entry, label: String) {
        let oldParameters = old.parameters(of: a.operation, in: a.pathItem), newParameters = new.parameters(of: b.operation, in: b.pathItem)
        // Path parameters are matched by position (their names may change freely).
        func key(_ parameter: Parameter, _ all: [Parameter]) -> String {
            if parameter.location == .path, let index = all.filter({ $0.location == .path }).firstIndex(of: parameter) { return "path#\(index)" }
            return parameter.location.rawValue + ":" + parameter.name
        }
        let oldByKey = Dictionary(oldParameters.map { (key($0, oldParameters), $0) }, uniquingKeysWith: { first, _ in first })
        let newKeys = Set(newParameters.map { key($0, newParameters) })
        for parameter in newParameters {
            let name = "\(parameter.location.rawValue) parameter '\(parameter.name)'"
            guard let previous = oldByKey[key(parameter, newParameters)] else {
                if let moved = oldParameters.first(where: { $0.name == parameter.name && $0.location != parameter.location }) {
                    add(.parameterLocationChanged, label, "parameter '\(parameter.name)' moved from \(moved.location.rawValue) to \(parameter.location.rawValue)",
                        pointer: parameter.pointer, mark: parameter.mark, in: new)
                } else if parameter.required {
                    add(.parameterRequiredAdded, label, "new required \(name)", pointer: parameter.pointer, mark: parameter.mark, in: new)
                } else {
                    add(.parameterAdded, label, "new optional \(name)", pointer: parameter.pointer, mark: parameter.mark, in: new)
                }
                continue
            }
            if parameter.required != previous.required {
                add(parameter.required ? .parameterBecameRequired : .parameterBecameOptional, label,
                    "\(name) became \(parameter.required ? "required" : "optional")", pointer: parameter.pointer, mark: parameter.mark, in: new)
            }
            // Compared as sent: a default written out (`style: form` on a query) changes nothing.
            let (oldStyle, oldExplode) = WireDiff.effectiveStyle(previous), (newStyle, newExplode) = WireDiff.effectiveStyle(parameter)
            if oldStyle != newStyle || oldExplode != newExplode {
                add(.parameterStyleChanged, label, "\(name) changed its serialization from style \(oldStyle), explode \(oldExplode) to style \(newStyle), explode \(newExplode)",
                    pointer: parameter.pointer, mark: parameter.mark, in: new)
            }
            if parameter.allowReserved != previous.allowReserved {
                add(.parameterAllowReservedChanged, label, "\(name) \(parameter.allowReserved ? "now sends" : "no longer sends") reserved characters unencoded (allowReserved)",
                    pointer: parameter.pointer, mark: parameter.mark, in: new)
            }
            if let x = previous.schema, let y = parameter.schema {
                var schemas = SchemaDiff(old: old, new: new, site: .parameter, operation: label, maxDepth: maxDepth)
                schemas.compare(x, y, path: parameter.name)
                changes += schemas.changes.map { change in
                    var change = change
                    change.message = "\(name): " + change.message
                    return change
                }
            }
        }
        for parameter in oldParameters where !newKeys.contains(key(parameter, oldParameters)) && !newParameters.contains(where: { $0.name == parameter.name }) {
            add(.parameterRemoved, label, "\(parameter.location.rawValue) parameter '\(parameter.name)' was removed",
                pointer: parameter.pointer, mark: parameter.mark, in: old)
        }
    }

    mutating func compareRequestBody(_ a: Entry, _ b: Entry, label: String) {
        let oldBody: RequestBody? = a.operation.requestBody.flatMap { old.resolve($0) }
        let newBody: RequestBody? = b.operation.requestBody.flatMap { new.resolve($0) }
        switch (oldBody, newBody) {
        case (nil, let body?):
            add(body.required ? .requestBodyRequiredAdded : .requestBodyAdded, label,
                "new \(body.required ? "required" : "optional") request body", pointer: body.pointer, mark: body.mark, in: new)
        case (let body?, nil):
            add(.requestBodyRemoved, label, "the request body was removed", pointer: body.pointer, mark: body.mark, in: old)
        case (let x?, let y?):
            if y.required != x.required {
                add(y.required ? .requestBodyBecameRequired : .requestBodyBecameOptional, label,
                    "the request body became \(y.required ? "required" : "optional")", pointer: y.pointer, mark: y.mark, in: new)
            }
            compareContent(x.content, y.content, site: .request, label: label, pointer: y.pointer, mark: y.mark)
        case (nil, nil):
            break
        }
    }

    mutating func compareContent(_ x: [MediaType], _ y: [MediaType], site: SchemaSite, label: String, pointer: JSONPointer, mark: Mark) {
        for media in x where !y.contains(where: { $0.name == media.name }) {
            add(site == .response ? .responseMediaTypeRemoved : .requestMediaTypeRemoved, label, "\(site.rawValue) media type \(media.name) was removed", pointer: pointer, mark: media.mark, in: old)
        }
        for media in y where !x.contains(where: { $0.name == media.name }) {
            add(site == .response ? .responseMediaTypeAdded : .requestMediaTypeAdded, label, "new \(site.rawValue) media type \(media.name)", pointer: pointer, mark: media.mark, in: new)
        }
        if site == .request {
            for media in y {
                guard let previous = x.first(where: { $0.name == media.name }) else { continue }
                compareEncodings(previous, media, label: label, pointer: pointer)
            }
        }
        for media in y {
            guard let previous = x.first(where: { $0.name == media.name }), let oldSchema = previous.schema, let newSchema = media.schema else { continue }
            var schemas = SchemaDiff(old: old, new: new, site: site, operation: label, maxDepth: maxDepth)
            schemas.compare(oldSchema, newSchema, path: "")
            changes += schemas.changes
        }
    }

    mutating func compareResponses(_ a: Entry, _ b: Entry, label: String) {
        let oldResponses = a.operation.responses, newResponses = b.operation.responses
        for (status, value) in newResponses.map({ ($0.status, $0.response) }) {
            guard let response = new.resolve(value) else { continue }
            guard let previousValue = oldResponses.first(where: { $0.status.uppercased() == status.uppercased() })?.response,
                  let previous = old.resolve(previousValue) else {
                let success = status.hasPrefix("2")
                add(success ? .responseSuccessStatusAdded : .responseStatusAdded, label,
                    "new response status \(status)", pointer: response.pointer, mark: response.mark, in: new)
                continue
            }
            compareContent(previous.content, response.content, site: .response, label: label, pointer: response.pointer, mark: response.mark)
            compareResponseDetails(status: status, previous, response, label: label)
        }
        for (status, value) in oldResponses.map({ ($0.status, $0.response) }) where !newResponses.contains(where: { $0.status.uppercased() == status.uppercased() }) {
            guard let response = old.resolve(value) else { continue }
            let success = status.hasPrefix("2")
            add(success ? .responseSuccessStatusRemoved : .responseStatusRemoved, label,
                "response status \(status) was removed", pointer: response.pointer, mark: response.mark, in: old)
        }
    }

    func securityAlternatives(_ operation: OpenAPIModel.Operation, in document: OpenAPIDocument) -> Set<Set<String>> {
        Set((operation.security ?? document.security ?? []).map { Set($0.schemes.map(\.name)) })
    }

    mutating func compareSecurity(_ a: Entry, _ b: Entry, label: String) {
        let x = securityAlternatives(a.operation, in: old), y = securityAlternatives(b.operation, in: new)
        guard x != y else { return }
        let describe: (Set<Set<String>>) -> String = { alternatives in
            alternatives.isEmpty ? "none" : alternatives.map { $0.sorted().joined(separator: " + ") }.sorted().joined(separator: " or ")
        }
        // Clients satisfy one old alternative (or none, when there was no security). They keep working
        // when the new requirements are empty, or when some new alternative asks for no more than theirs.
        let clients = x.isEmpty ? [Set<String>()] : x
        let breaks = !y.isEmpty && clients.contains { alternative in !y.contains { $0.isSubset(of: alternative) } }
        add(.securityChanged, severity: breaks ? .breaking : .info, label, "security changed from \(describe(x)) to \(describe(y))",
            pointer: b.operation.pointer, mark: b.operation.mark, in: new)
    }

    mutating func compareSecuritySchemes() {
        let oldSchemes = Dictionary(old.components.securitySchemes.map { ($0.name, $0.scheme) }, uniquingKeysWith: { first, _ in first })
        for (name, value) in new.components.securitySchemes {
            guard let scheme = new.resolve(value) else { continue }
            let pointer = JSONPointer(tokens: ["components", "securitySchemes", name])
            guard let previousValue = oldSchemes[name], let previous = old.resolve(previousValue) else {
                add(.securitySchemeAdded, nil, "new security scheme '\(name)'", pointer: pointer, mark: scheme.mark, in: new)
                continue
            }
            if previous.kind != scheme.kind {
                add(.securitySchemeChanged, nil, "security scheme '\(name)' changed from \(previous.kind) to \(scheme.kind)",
                    pointer: pointer, mark: scheme.mark, in: new)
            }
        }
        let newNames = Set(new.components.securitySchemes.map(\.name))
        for (name, value) in old.components.securitySchemes where !newNames.contains(name) {
            add(.securitySchemeRemoved, nil, "security scheme '\(name)' was removed",
                pointer: JSONPointer(tokens: ["components", "securitySchemes", name]), mark: old.resolve(value)?.mark, in: old)
        }
    }
}

extension WireDiff {
    /// The style and explode a parameter is sent with (OpenAPI 3.1.1 §4.8.12.2 defaults:
    /// `form` for query and cookie, `simple` for path and header; explode true for `form`).
    static func effectiveStyle(_ parameter: Parameter) -> (style: String, explode: Bool) {
        let style = parameter.style ?? (parameter.location == .query || parameter.location == .cookie ? "form" : "simple")
        return (style, parameter.explode ?? (style == "form"))
    }

    /// A form property's style and explode as the generated client sends it (nil style: the
    /// bracket form), or a multipart part's content type.
    static func encodingSummary(_ encoding: MediaEncoding?, mediaType: String) -> String {
        if mediaType.lowercased().hasPrefix("multipart/") { return "content type \(encoding?.contentType ?? "by value")" }
        guard let encoding, encoding.style != nil || encoding.explode != nil else { return "bracket form" }
        let style = encoding.style ?? "form"
        if style == "deepObject" { return "bracket form" }
        return "style \(style), explode \(encoding.explode ?? (style == "form"))" + (encoding.allowReserved ? ", allowReserved" : "")
    }

    /// Form and multipart properties whose Encoding Object changes the bytes sent.
    mutating func compareEncodings(_ x: MediaType, _ y: MediaType, label: String, pointer: JSONPointer) {
        let base = y.name.lowercased()
        guard base.hasPrefix("application/x-www-form-urlencoded") || base.hasPrefix("multipart/form-data") else { return }
        for property in Set(x.encoding.keys).union(y.encoding.keys).sorted() {
            let before = Self.encodingSummary(x.encoding[property], mediaType: y.name), after = Self.encodingSummary(y.encoding[property], mediaType: y.name)
            if before != after {
                add(.requestEncodingChanged, label, "\(y.name) property '\(property)' is sent differently: \(before) → \(after)",
                    pointer: pointer, mark: y.mark, in: new)
            }
            if base.hasPrefix("multipart/form-data") {
                comparePartHeaders(x, y, part: property, label: label, pointer: pointer)
            }
        }
    }

    /// A multipart part's declared headers (Encoding Object `headers`), by case-insensitive name:
    /// a new required one (or one that became required) breaks clients, which do not send it.
    /// Each finding is located at the header (in NEW, or in OLD for a removal).
    mutating func comparePartHeaders(_ x: MediaType, _ y: MediaType, part: String, label: String, pointer: JSONPointer) {
        let before = x.encoding[part]?.headers ?? [], after = y.encoding[part]?.headers ?? []
        for entry in after {
            let header = new.resolve(entry.header)
            let isRequired = header?.required ?? false
            if let previous = before.first(where: { $0.name.lowercased() == entry.name.lowercased() }) {
                if isRequired, !(old.resolve(previous.header)?.required ?? false) {
                    add(.requestPartHeaderRequiredAdded, label, "the header \(entry.name) of part '\(part)' became required",
                        pointer: pointer, mark: header?.mark ?? y.mark, in: new)
                }
            } else {
                add(isRequired ? .requestPartHeaderRequiredAdded : .requestPartHeaderAdded, label,
                    "part '\(part)' declares the new \(isRequired ? "required" : "optional") header \(entry.name)",
                    pointer: pointer, mark: header?.mark ?? y.mark, in: new)
            }
        }
        for entry in before where !after.contains(where: { $0.name.lowercased() == entry.name.lowercased() }) {
            add(.requestPartHeaderRemoved, label, "part '\(part)' no longer declares the header \(entry.name): clients still send it",
                pointer: pointer, mark: old.resolve(entry.header)?.mark ?? x.mark, in: old)
        }
    }
}
