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
        /// Where the files go.
        public var outputPath: String
    }

    /// - Throws: `DiagnosticsError` with every error (and the warnings found before it) when the
    ///   spec cannot be read, parsed or loaded.
    public static func generate(_ config: GeneratorConfig) throws(DiagnosticsError) -> Result {
        guard let data = FileManager.default.contents(atPath: config.specPath) else {
            throw DiagnosticsError([Diagnostic(.error, file: config.specPath, mark: nil, message: "cannot read the spec file")])
        }
        let bytes = Array(data)
        let (document, loadWarnings) = try OpenAPIDocument.load(bytes, file: config.specPath, limits: config.limits.model)
        let moduleName = config.moduleName ?? Naming.typeName(document.info.title)
        let specFileName = (config.specPath as NSString).lastPathComponent
        let (module, translateDiagnostics) = Translator.translate(
            document, options: .init(moduleName: moduleName, accessLevel: config.accessLevel, specFileName: specFileName,
                                     filter: config.filter, overrides: config.overrides, versionSource: config.versionSource,
                                     limits: config.limits))
        if translateDiagnostics.contains(where: { $0.severity == .error }) {
            throw DiagnosticsError(loadWarnings + translateDiagnostics)
        }
        var files = SwiftRenderer(module: module).render()
        try checkOutputSize(files, module: module, document: document, limit: config.limits.maxOutputBytes)
        switch config.layout {
        case .filePerType:
            files.append(manifest(for: files, specFileName: specFileName, specDigest: SHA256.hexDigest(bytes), config: config, moduleName: moduleName))
            files.sort { $0.path < $1.path }
        case .singleFile(let name):
            files = [combined(files, named: name)]
        }
        return Result(module: module, files: files, warnings: loadWarnings + translateDiagnostics,
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
        throw DiagnosticsError([Diagnostic(.error, file: document.file, mark: model?.2.mark, message: message, pointer: model?.1)])
    }

    /// The manifest: a Swift file of comments only (so it compiles to nothing and SwiftPM needs no
    /// exclusion for it) listing the generator version, the spec's SHA-256 and every generated file.
    static func manifest(for files: [GeneratedFile], specFileName: String, specDigest: String, config: GeneratorConfig, moduleName: String) -> GeneratedFile {
        var lines = [
            "// api-bindgen manifest. DO NOT EDIT.",
            "// The generator owns the files listed here: it rewrites them, and removes them once the spec no longer produces them.",
            "// generator: api-bindgen \(version)",
            "// spec: \(specFileName) sha256:\(specDigest)",
            "// module: \(moduleName) accessLevel: \(config.accessLevel.rawValue)",
        ]
        lines += files.map { "// file: \($0.path)" }
        return GeneratedFile(path: manifestFileName, contents: lines.joined(separator: "\n") + "\n")
    }

    /// Every file's body in one file, with the headers and imports once at the top (the build
    /// plugin's layout: its output is compiled, not reviewed).
    static func combined(_ files: [GeneratedFile], named name: String) -> GeneratedFile {
        var header: [String] = []
        var imports: [String] = []
        var bodies: [String] = []
        for file in files {
            var lines = file.contents.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            while let first = lines.first, first.hasPrefix("//") || first.isEmpty || first.contains("import ") {
                if first.hasPrefix("//"), header.count < 3 { header.append(first) }
                if first.contains("import "), !first.hasPrefix("//"), !imports.contains(first) { imports.append(first) }
                lines.removeFirst()
            }
            bodies.append("// MARK: - \(file.path)\n\n" + lines.joined(separator: "\n"))
        }
        // `@_spi(Generated) import X` makes a plain `import X` redundant.
        let spiImports = Set(imports.filter { $0.hasPrefix("@_spi(Generated) ") })
        imports.removeAll { line in spiImports.contains("@_spi(Generated) " + line) }
        let text = (header + [""] + imports.sorted() + [""]).joined(separator: "\n") + "\n" + bodies.joined(separator: "\n")
        return GeneratedFile(path: name, contents: text)
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

    /// The files a manifest lists.
    static func ownedFiles(inManifest text: String) -> [String] {
        text.split(separator: "\n").compactMap { line in
            line.hasPrefix("// file: ") ? String(line.dropFirst("// file: ".count)) : nil
        }
    }
}
