import BindgenCore
import Foundation
import OpenAPIModel
import YAMLParsing

/// `api-bindgen diff`: what changed between two versions of a spec, on the wire and for Swift
/// callers of the generated bindings.
public enum APIDiff {
    /// Where a spec comes from: a file, a folder with `api-bindgen.yaml`, or `git:REV:path`
    /// (read with `git show REV:path` in the current directory's repository).
    public static func load(_ source: String) throws(DiagnosticsError) -> (document: OpenAPIDocument, config: GeneratorConfig) {
        if source.hasPrefix("git:") {
            let rest = source.dropFirst(4)
            guard let colon = rest.firstIndex(of: ":") else {
                throw DiagnosticsError([Diagnostic(.error, file: source, mark: nil, message: "expected git:REV:path")])
            }
            let revision = String(rest[..<colon]), path = String(rest[rest.index(after: colon)...])
            let reader = GitSpecReader(revision: revision)
            let document = try OpenAPIDocument.load(file: reader.label + path, reader: reader, limits: GenerationLimits().model).document
            return (document, GeneratorConfig(specPath: source))
        }
        let config = try GeneratorConfig.load(input: source)
        return (try OpenAPIDocument.load(file: config.specPath, reader: FileSystemSpecReader(), limits: config.limits.model).document, config)
    }

    /// Every change, wire-level and Swift-level, in a deterministic order.
    /// - Throws: `DiagnosticsError` with the limit errors `generate` would report when
    ///   translating either spec (`GenerationLimits`: depth, types, output size, pattern nesting):
    ///   the Swift-level comparison needs both bindings whole. Other translation errors (a
    ///   pattern ICU cannot run, a server URL that is not a URL) do not change the API and are
    ///   left to `generate`, as before.
    public static func compare(old: OpenAPIDocument, new: OpenAPIDocument, oldConfig: GeneratorConfig, newConfig: GeneratorConfig) throws(DiagnosticsError) -> [APIChange] {
        func module(_ document: OpenAPIDocument, _ config: GeneratorConfig) throws(DiagnosticsError) -> BindingModule {
            let (module, _, errors) = Translator.translateReportingLimits(document, options: config.translatorOptions(for: document))
            if !errors.isEmpty { throw DiagnosticsError(errors) }
            return module
        }
        let oldModule = try module(old, oldConfig), newModule = try module(new, newConfig)
        let wire = WireDiff.compare(old: old, new: new, maxDepth: min(oldConfig.limits.maxDepth, newConfig.limits.maxDepth))
        let swift = SwiftAPIDiff.compare(old: oldModule, new: newModule, oldDocument: old, newDocument: new)
        let paging = WireDiff.pagingChanges(old: oldModule, new: newModule, oldDocument: old, newDocument: new)
        return sorted(wire + paging + swift)
    }

    static func sorted(_ changes: [APIChange]) -> [APIChange] {
        changes.sorted { a, b in
            (a.layer == .wire ? 0 : 1, a.severity.rank, a.operation ?? "", a.pointer, a.rule.id, a.message)
                < (b.layer == .wire ? 0 : 1, b.severity.rank, b.operation ?? "", b.pointer, b.rule.id, b.message)
        }
    }
}

