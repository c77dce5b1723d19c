import Foundation
import OpenAPIModel
import YAMLParsing

/// The whole pipeline in memory: spec bytes → document → binding model → files (with manifest).
/// Nothing touches the output folder here; `OutputWriter` does that.
public enum Generator {
    /// The generator's version, written into the manifest.
    public static let version = "0.1.0"
    /// The manifest's file name in the output folder.
    public static let manifestFileName = "APIBindgenManifest.swift"

    public struct Result: Sendable {
        public var module: BindingModule
        /// Generated files including the manifest, sorted by path.
        public var files: [GeneratedFile]
        public var warnings: [Diagnostic]
        /// Wire names whose Swift (or file) names differ beyond recasing, in document order (`--explain-names`).
        public var nameExplanations: [NameExplanation] = []
        /// Where the files go.
        public var outputPath: String
    }

    /// - Throws: `DiagnosticsError` with every error (and the warnings found before it) when the
    ///   spec cannot be read, parsed or loaded.
    public static func generate(_ config: GeneratorConfig) throws(DiagnosticsError) -> Result {
        let (document, loadWarnings) = try OpenAPIDocument.load(file: config.specPath, reader: FileSystemSpecReader(), limits: config.limits.model)
        let bytes = document.inputs.first?.bytes ?? []
        let options = config.translatorOptions(for: document)
        let (moduleName, specFileName) = (options.moduleName, options.specFileName)
        let (module, translateDiagnostics, names) = Translator.translateExplainingNames(document, options: options)
        if translateDiagnostics.contains(where: { $0.severity == .error }) {
            throw DiagnosticsError(loadWarnings + translateDiagnostics)
        }
        var (files, renamed) = SwiftRenderer(module: module).renderExplainingFileNames()
        try checkOutputSize(files, module: module, document: document, limit: config.limits.maxOutputBytes)
        var explanations = names
        for (from, to) in renamed {
            let pointer = module.types.first { "Models/\($0.name).swift" == from }.flatMap { JSONPointer($0.sourcePointer) }
            let mark = pointer.flatMap { Translator.wireMark($0, in: document.root) }
            explanations.append(NameExplanation(
                kind: "file", wireName: from, swiftName: to,
                reasons: ["another generated file's path differs only in case (one file on case-insensitive file systems)"],
                pointer: pointer?.description ?? "", line: mark?.line, column: mark?.column))
        }
        explanations.sort { ($0.line ?? Int.max, $0.column ?? 0, $0.pointer, $0.kind) < ($1.line ?? Int.max, $1.column ?? 0, $1.pointer, $1.kind) }
        switch config.layout {
        case .filePerType:
            files = FileGrouping.grouped(files)
            files.append(manifest(for: files, specFileName: specFileName, specDigest: SHA256.hexDigest(bytes), config: config, moduleName: moduleName,
                                  otherInputs: document.inputs.dropFirst().map { ($0.relativePath, SHA256.hexDigest($0.bytes)) }))
            files.sort { $0.path < $1.path }
        case .singleFile(let name):
            files = [FileGrouping.combined(files, named: name)]
        }
        return Result(module: module, files: files, warnings: loadWarnings + translateDiagnostics, nameExplanations: explanations,
                      outputPath: normalized(config.outputPath ?? "Generated/\(moduleName)"))
    }

    /// The exact check behind the translator's estimate (`GenerationLimits.maxOutputBytes`): the
    /// rendered files together must not exceed `limit` bytes. The error is located at the schema
    /// of the largest model file.
    static func checkOutputSize(_ files: [GeneratedFile], module: BindingModule, document: OpenAPIDocument, limit: Int) throws(DiagnosticsError) {
        let total = files.reduce(0) { $0 + $1.contents.utf8.count }
        guard total > limit else { return }
        let bySize = files.sorted { $0.contents.utf8.count > $1.contents.utf8.count }
        let pointers = Dictionary(module.types.map { ($0.name, $0.sourcePointer) }, uniquingKeysWith: { first, _ in first })
        let schemas = Dictionary(document.components.schemas.map { ($0.schema.pointer.description, $0.schema) }, uniquingKeysWith: { first, _ in first })
        // Located at the schema of the largest model file (the client files have no one schema).
        let model = bySize.lazy.compactMap { file -> (GeneratedFile, String, Schema)? in
            let typeName = ((file.path as NSString).lastPathComponent as NSString).deletingPathExtension
            guard let pointer = pointers[typeName], let schema = schemas[pointer] else { return nil }
            return (file, pointer, schema)
        }.first
        var message = "generated output is \(total) bytes, more than the limit of \(limit) (limits.maxOutputBytes); the largest file is "
            + "\(bySize[0].path) (\(bySize[0].contents.utf8.count) bytes)"
        if let (file, pointer, _) = model {
            message += "; the largest model file is \(file.path) (\(file.contents.utf8.count) bytes), from \(pointer)"
        }
        throw DiagnosticsError([document.diagnostic(.error, mark: model?.2.mark, message: message, pointer: model.flatMap { JSONPointer($0.1) })])
    }

    /// The manifest: a Swift file of comments only (so it compiles to nothing and SwiftPM needs no
    /// exclusion for it) listing the generator version, the spec's SHA-256 and every generated file.
    /// The spec's file name and the module name are spec/user text: one comment line each
    /// (`SourceText.commentLine(_:)`).
    static func manifest(for files: [GeneratedFile], specFileName: String, specDigest: String, config: GeneratorConfig, moduleName: String,
                         otherInputs: [(path: String, digest: String)] = []) -> GeneratedFile {
        var lines = [
            "// api-bindgen manifest. DO NOT EDIT.",
            "// The generator owns the files listed here: it rewrites them, and removes them once the spec no longer produces them.",
            "// generator: api-bindgen \(version)",
            "// spec: \(SourceText.commentLine(specFileName)) sha256:\(specDigest)",
            "// module: \(SourceText.commentLine(moduleName)) accessLevel: \(config.accessLevel.rawValue)",
        ]
        // The other files of a spec split into several (relative to the spec's folder, sorted):
        // a change in any of them changes the manifest, so `--check` notices it.
        lines += otherInputs.sorted { $0.path < $1.path }.map { "// input: \(SourceText.commentLine($0.path)) sha256:\($0.digest)" }
        lines += files.map { "// file: \($0.path)" }
        return GeneratedFile(path: manifestFileName, contents: lines.joined(separator: "\n") + "\n")
    }

    /// `a/b/../c` → `a/c`, `./a` → `a` (lexically; leading `..` kept).
    static func normalized(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." { parts.removeLast(); continue }
            parts.append(part)
        }
        let joined = parts.joined(separator: "/")
        return path.hasPrefix("/") ? "/" + joined : (joined.isEmpty ? "." : joined)
    }

    /// A `// file:` line of a manifest: the path it lists, and where (1-based line, and column of
    /// the path's first character, counted in Unicode scalars like every other diagnostic).
    struct ManifestEntry: Equatable, Sendable {
        var path: String
        var line: Int
        var column: Int
    }

    /// The prefix of a manifest line that lists a file.
    static let manifestFilePrefix = "// file: "

    /// The files a manifest lists, each checked lexically with `checkRelativePath(_:)`.
    ///
    /// Lines end at LF only (the manifest is written with LF); a CR left at the end of a line is a
    /// control character and so an error, never part of a path.
    ///
    /// - Throws: `DiagnosticsError` with one located error per bad `// file:` line
    ///   (`file:line:column`, `file` as given); no entry is returned then, so a manifest that fails
    ///   the check is never used as a plan.
    static func ownedFiles(inManifest bytes: [UInt8], file: String) throws(DiagnosticsError) -> [ManifestEntry] {
        let prefix = Array(manifestFilePrefix.utf8)
        var entries: [ManifestEntry] = []
        var errors: [Diagnostic] = []
        for (index, line) in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated()
        where line.starts(with: prefix) {
            let pathBytes = Array(line.dropFirst(prefix.count))
            let path = String(decoding: pathBytes, as: UTF8.self)
            let column = prefix.count + 1
            guard Array(path.utf8) == pathBytes else {
                errors.append(Diagnostic(.error, file: file, mark: Mark(line: index + 1, column: column),
                                         message: "manifest entry is not valid UTF-8"))
                continue
            }
            if let problem = checkRelativePath(path) {
                errors.append(Diagnostic(.error, file: file, mark: Mark(line: index + 1, column: column + problem.offset),
                                         message: "manifest entry '\(escapedForMessage(path))' \(problem.message); the manifest is not used"))
                continue
            }
            entries.append(ManifestEntry(path: path, line: index + 1, column: column))
        }
        guard errors.isEmpty else { throw DiagnosticsError(errors) }
        return entries
    }

    /// Why `path` is not a safe path inside an output folder, and where (a 0-based offset in
    /// Unicode scalars); `nil` when it is one.
    ///
    /// A safe path is relative and names a file below the folder: it is not empty, does not start
    /// with `/` (POSIX.1-2017 XBD 4.13 "Pathname Resolution": a leading slash resolves from the root),
    /// has no empty, `.` or `..` component (a `..` component resolves to the parent, XBD 4.13),
    /// and holds no backslash (a separator on Windows), NUL (it ends a C path string, XBD 3.271) or
    /// other control character (U+0000–U+001F, U+007F). Symbolic links are a property of the disk,
    /// not of the text: `OutputWriter` checks those.
    static func checkRelativePath(_ path: String) -> (offset: Int, message: String)? {
        let scalars = Array(path.unicodeScalars)
        if scalars.isEmpty { return (0, "is empty") }
        if scalars[0] == "/" { return (0, "is an absolute path") }
        if let bad = scalars.firstIndex(where: { $0 == "\\" }) { return (bad, "contains a backslash") }
        if let bad = scalars.firstIndex(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            return (bad, scalars[bad].value == 0 ? "contains a NUL character" : "contains a control character")
        }
        var start = 0
        for component in path.unicodeScalars.split(separator: "/", omittingEmptySubsequences: false) {
            let text = String(String.UnicodeScalarView(component))
            switch text {
            case "": return (start, "has an empty component")
            case ".": return (start, "has a '.' component")
            case "..": return (start, "has a '..' component, which leaves the output folder")
            default: break
            }
            start += component.count + 1
        }
        return nil
    }

    /// `text` with control characters and backslashes escaped, for quoting in a one-line message.
    static func escapedForMessage(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            if scalar.value < 0x20 || scalar.value == 0x7F || scalar == "\\" {
                result += scalar == "\\" ? "\\\\" : "\\u{\(String(scalar.value, radix: 16))}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
