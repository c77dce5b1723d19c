import YAMLParsing

/// Where the parts of a document loaded from several files come from (see `SpecBundler`): the
/// file each subtree was read from and its JSON Pointer there, so every diagnostic names the file
/// and line of the problem.
public struct SourceMap: Sendable {
    /// The root file, as the user named it.
    public var rootFile: String
    /// Pointer in the combined document (RFC 6901 text) → the file it was read from and its pointer there.
    var origins: [String: (file: String, pointer: JSONPointer)] = [:]

    public init(rootFile: String) {
        self.rootFile = rootFile
    }

    /// The file and pointer a combined-document pointer stands for: the longest prefix copied
    /// from another file decides; otherwise the root file.
    public func locate(_ pointer: JSONPointer) -> (file: String, pointer: JSONPointer) {
        guard !origins.isEmpty else { return (rootFile, pointer) }
        let tokens = pointer.tokens
        var prefix = ""
        var best: (file: String, pointer: JSONPointer, used: Int)?
        if let origin = origins[""] { best = (origin.file, origin.pointer, 0) }
        for (index, token) in tokens.enumerated() {
            prefix += "/" + JSONPointer.escape(token)
            if let origin = origins[prefix] { best = (origin.file, origin.pointer, index + 1) }
        }
        guard let best else { return (rootFile, pointer) }
        var result = best.pointer
        for token in tokens.dropFirst(best.used) { result = result.appending(token) }
        return (best.file, result)
    }
}

/// One file a document was read from, with its bytes (for the manifest's SHA-256 and `--check`).
public struct SpecInput: Sendable, Hashable {
    /// As diagnostics name it: the root file as given, others joined to its folder.
    public var path: String
    /// Relative to the root file's folder (the root file: its file name).
    public var relativePath: String
    public var bytes: [UInt8]
}

extension OpenAPIDocument {
    /// The file and pointer in it that `pointer` (in this document) designates.
    public func location(of pointer: JSONPointer) -> (file: String, pointer: JSONPointer) {
        sources.locate(pointer)
    }

    /// Where the node at `pointer` (in this document) was written, as a reference a reader can
    /// follow from the root file: `#/components/schemas/Pet` when the root file holds it,
    /// `common.yaml#/components/schemas/Money` when another file of the spec does (its path
    /// relative to the root file's folder, the form `$ref` uses: OpenAPI 3.1.0 §4.8.23 Reference
    /// Object, RFC 3986 §4.2 relative references); a whole-file schema is just the file's path.
    /// Generated doc comments name a schema this way, so a multi-file spec's reader finds the file.
    public func sourceReference(of pointer: JSONPointer) -> String {
        let (file, original) = sources.locate(pointer)
        guard file != sources.rootFile, let input = inputs.first(where: { $0.path == file }) else {
            return "#" + pointer.description
        }
        return original.tokens.isEmpty ? input.relativePath : input.relativePath + "#" + original.description
    }

    /// A diagnostic about the node at `pointer`, naming the file it was read from.
    public func diagnostic(_ severity: Diagnostic.Severity, mark: Mark?, message: String, pointer: JSONPointer?) -> Diagnostic {
        guard let pointer else { return Diagnostic(severity, file: file, mark: mark, message: message) }
        let (file, original) = sources.locate(pointer)
        return Diagnostic(severity, file: file, mark: mark, message: message, pointer: original.description)
    }
}
