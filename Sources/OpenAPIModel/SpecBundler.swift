import YAMLParsing

/// Reads the files of a spec split into several files. `BindgenCore` gives one for the file
/// system; `diff` one for `git show`.
public protocol SpecFileReader {
    /// The file's bytes, or a message saying why it cannot be read.
    func read(_ path: String) -> Result<[UInt8], SpecFileError>
    /// The path with every symbolic link resolved (an absolute path), or nil when there is no such file.
    func canonicalPath(_ path: String) -> String?
}

/// Why a spec file could not be read.
public struct SpecFileError: Error, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
}

extension OpenAPIDocument {
    /// Reads a document that may `$ref` other files (OpenAPI 3.0.3 §4.7.23 / 3.1.0 §4.8.23: a
    /// reference is a URI reference, resolved against the file that contains it, RFC 3986 §5).
    ///
    /// The other files are joined into one document: a schema another file defines becomes a
    /// component schema of its own (named after the last token of the pointer, or the file name
    /// for a whole-file reference; a taken name gets the first free suffix `2`, `3`, …), and a
    /// root component that is only a `$ref` to another file's schema takes that schema in place.
    /// Any other referenced object (a path item, parameter, response, …) is copied where the
    /// reference stands. Each file is read once; references between files may be recursive
    /// (schemas) but a chain of copied objects that comes back to itself is an error.
    ///
    /// Every diagnostic names the file and line of the problem. Errors:
    /// - a reference to a URL (`https:` or any other scheme): remote references are not fetched;
    /// - a file outside the root file's folder (by `..`, an absolute path or a symbolic link):
    ///   api-bindgen reads no file outside the spec's folder;
    /// - a file that cannot be read or parsed, a pointer with no value in its file.
    ///
    /// - Parameters:
    ///   - path: the root file, as diagnostics name it.
    ///   - reader: reads the files (the root one included).
    /// - Returns: the document (its `inputs` list every file read, the root first) and its warnings.
    public static func load(file path: String, reader: some SpecFileReader, limits: ModelLimits = .default)
        throws(DiagnosticsError) -> (document: OpenAPIDocument, warnings: [Diagnostic]) {
        let bytes: [UInt8]
        switch reader.read(path) {
        case .success(let read): bytes = read
        case .failure(let error): throw DiagnosticsError([Diagnostic(.error, file: path, mark: nil, message: error.message)])
        }
        let root: Node
        do {
            root = try YAMLParser.parseDocument(bytes, file: path)
        } catch {
            throw DiagnosticsError([error])
        }
        let rootName = path.split(separator: "/").last.map(String.init) ?? path
        guard SpecBundler.hasExternalReference(root) else {
            var loaded = try load(root: root, file: path, limits: limits, sources: nil)
            loaded.document.inputs = [SpecInput(path: path, relativePath: rootName, bytes: bytes)]
            return loaded
        }
        var bundler = SpecBundler(rootPath: path, rootBytes: bytes, root: root, reader: reader, limits: limits)
        let combined = bundler.bundle()
        if !bundler.diagnostics.isEmpty { throw DiagnosticsError(bundler.diagnostics) }
        var loaded = try load(root: combined, file: path, limits: limits, sources: bundler.sources)
        loaded.document.inputs = bundler.inputs
        return loaded
    }
}

/// Joins a spec's files into one node tree (see `OpenAPIDocument.load(file:reader:limits:)`).
struct SpecBundler {
    struct File {
        var path: String
        var relativePath: String
        var canonical: String
        var root: Node
    }

    let reader: any SpecFileReader
    let limits: ModelLimits
    let rootCanonical: String
    /// The root file's folder, with symbolic links resolved: no file outside it is read.
    let rootFolder: String
    var files: [String: File] = [:]
    var inputs: [SpecInput] = []
    var diagnostics: [Diagnostic] = []
    var sources: SourceMap
    /// `canonical#fragment` → the pointer of its copy in the combined document.
    var placed: [String: String] = [:]
    /// Copied (not hoisted) targets being expanded: a repeat is a cycle.
    var expanding: Set<String> = []
    var schemaNames: Set<String> = []
    var hoisted: [Node.Pair] = []
    var root: Node
    let rootFile: File

    init(rootPath: String, rootBytes: [UInt8], root: Node, reader: some SpecFileReader, limits: ModelLimits) {
        self.reader = reader
        self.limits = limits
        self.root = root
        let canonical = reader.canonicalPath(rootPath) ?? rootPath
        self.rootCanonical = canonical
        self.rootFolder = Self.folder(of: canonical)
        let name = rootPath.split(separator: "/").last.map(String.init) ?? rootPath
        self.rootFile = File(path: rootPath, relativePath: name, canonical: canonical, root: root)
        self.sources = SourceMap(rootFile: rootPath)
        files[canonical] = rootFile
        inputs = [SpecInput(path: rootPath, relativePath: name, bytes: rootBytes)]
        for pair in root["components"]?["schemas"]?.mapping ?? [] {
            if let name = pair.key.text { schemaNames.insert(name) }
        }
    }

    /// Whether any `$ref` in the tree names another file (or a URL).
    static func hasExternalReference(_ node: Node) -> Bool {
        var pending = [node]
        while let node = pending.popLast() {
            switch node.content {
            case .scalar: continue
            case .sequence(let items): pending += items
            case .mapping(let pairs):
                for pair in pairs {
                    if pair.key.text == "$ref", case .string(let target)? = pair.value.scalar?.value, !target.hasPrefix("#") { return true }
                    pending.append(pair.value)
                }
            }
        }
        return false
    }

    /// Keys whose values are JSON data, not OpenAPI objects: a `$ref` inside them is not a
    /// reference. Not in maps keyed by names (`properties/value`, `responses/default`).
    static let dataKeys: Set<String> = ["example", "default", "enum", "const", "value"]
    static let namedMaps: Set<String> = [
        "properties", "patternProperties", "$defs", "definitions", "dependentSchemas", "responses", "schemas", "examples",
        "parameters", "headers", "content", "callbacks", "links", "paths", "webhooks", "requestBodies", "securitySchemes",
        "pathItems", "variables", "mapping", "encoding",
    ]

    static func isData(_ key: String, in pointer: JSONPointer) -> Bool {
        guard dataKeys.contains(key) else { return false }
        return !(pointer.tokens.last.map(namedMaps.contains) ?? false)
    }

    mutating func bundle() -> Node {
        // A root component that is only a reference to another file's schema takes it in place.
        for pair in root["components"]?["schemas"]?.mapping ?? [] {
            guard let name = pair.key.text, let pairs = pair.value.mapping, pairs.count == 1, pairs[0].key.text == "$ref",
                  case .string(let target)? = pairs[0].value.scalar?.value, !target.hasPrefix("#"),
                  case let (file, fragment)? = resolve(target, from: rootFile, mark: pairs[0].value.mark,
                                                 pointer: JSONPointer(tokens: ["components", "schemas", name, "$ref"]), report: false) else { continue }
            let key = file.canonical + "#" + fragment.description
            if placed[key] == nil { placed[key] = JSONPointer(tokens: ["components", "schemas", name]).description }
        }
        var combined = rewrite(root, in: rootFile, at: .root)
        if !hoisted.isEmpty { combined = adding(hoisted, to: combined) }
        return combined
    }

    /// `node` (read from `file`) with every reference made local to the combined document.
    mutating func rewrite(_ node: Node, in file: File, at pointer: JSONPointer) -> Node {
        switch node.content {
        case .scalar: return node
        case .sequence(let items):
            return Node(.sequence(items.enumerated().map { rewrite($1, in: file, at: pointer.appending($0)) }), mark: node.mark, tag: node.tag)
        case .mapping(let pairs):
            if let value = node["$ref"], case .string(let target)? = value.scalar?.value {
                if let replaced = reference(target, node: node, valueMark: value.mark, in: file, at: pointer) { return replaced }
            }
            return Node(.mapping(pairs.map { pair in
                guard let key = pair.key.text, key != "$ref", !Self.isData(key, in: pointer) else { return pair }
                return Node.Pair(key: pair.key, value: rewrite(pair.value, in: file, at: pointer.appending(key)))
            }), mark: node.mark, tag: node.tag)
        }
    }

    /// The Reference Object `node` made local: a `$ref` to the combined document, or the copied
    /// target. Nil when the reference stays as written (a local one in the root file, or an error).
    mutating func reference(_ target: String, node: Node, valueMark: Mark, in file: File, at pointer: JSONPointer) -> Node? {
        if target.hasPrefix("#"), file.canonical == rootCanonical { return nil }
        guard case let (targetFile, fragment)? = resolve(target, from: file, mark: valueMark, pointer: pointer.appending("$ref"), report: true) else { return nil }
        if targetFile.canonical == rootCanonical { return withReference(node, "#" + fragment.description) }
        let key = targetFile.canonical + "#" + fragment.description
        guard let targetNode = targetFile.root.node(at: fragment) else {
            error("unresolvable reference '\(target)': no value at \(fragment.description.isEmpty ? "the root" : fragment.description) in \(targetFile.path)",
                  file: file, mark: valueMark, pointer: pointer.appending("$ref"))
            return nil
        }
        if Self.isSchemaPosition(pointer) {
            if let location = placed[key] {
                if location == pointer.description, node.mapping?.count == 1 {
                    // The root component taking the schema in place.
                    sources.origins[location] = (targetFile.path, fragment)
                    return rewrite(targetNode, in: targetFile, at: pointer)
                }
                return withReference(node, "#" + location)
            }
            let name = uniqueSchemaName(fragment.tokens.last ?? Self.stem(targetFile.relativePath))
            let location = JSONPointer(tokens: ["components", "schemas", name])
            placed[key] = location.description
            sources.origins[location.description] = (targetFile.path, fragment)
            let copy = rewrite(targetNode, in: targetFile, at: location)
            hoisted.append(Node.Pair(key: Node(.scalar(Scalar(text: name, style: .plain, value: .string(name))), mark: targetNode.mark), value: copy))
            return withReference(node, "#" + location.description)
        }
        guard expanding.insert(key).inserted else {
            error("reference cycle: '\(target)' leads back to an object that is being copied in place (only schemas may be recursive across files)",
                  file: file, mark: valueMark, pointer: pointer.appending("$ref"))
            return nil
        }
        defer { expanding.remove(key) }
        sources.origins[pointer.description] = (targetFile.path, fragment)
        return rewrite(targetNode, in: targetFile, at: pointer)
    }

    /// The file a reference names and the pointer into it; nil (with a located error when
    /// `report`) for a URL, a file outside the spec's folder or one that cannot be read.
    mutating func resolve(_ target: String, from file: File, mark: Mark, pointer: JSONPointer, report: Bool) -> (File, JSONPointer)? {
        func fail(_ message: String) -> (File, JSONPointer)? {
            if report { error(message, file: file, mark: mark, pointer: pointer) }
            return nil
        }
        let hash = target.firstIndex(of: "#")
        let pathPart = String(hash.map { target[..<$0] } ?? target[...]).removingPercentEncodingIfValid
        let fragmentText = hash.map { String(target[target.index(after: $0)...]) } ?? ""
        guard let fragment = JSONPointer(fragmentText.removingPercentEncodingIfValid) else {
            return fail("reference '\(target)': the fragment is not a JSON Pointer (RFC 6901)")
        }
        if Self.hasScheme(pathPart) {
            return fail("remote reference '\(target)' is not fetched: api-bindgen reads only files in the spec's folder (download it next to the spec and refer to it by a relative path)")
        }
        if pathPart.isEmpty { return (file, fragment) }
        if pathPart.hasPrefix("/") {
            return fail("reference '\(target)' names an absolute path; api-bindgen reads only files in the spec's folder, by relative path")
        }
        let lexical = Self.joined(Self.folder(of: file.path), pathPart)
        let relative = Self.joined(Self.folder(of: file.relativePath), pathPart)
        guard let canonical = reader.canonicalPath(lexical) else {
            return fail("reference '\(target)': cannot read \(lexical): no such file")
        }
        guard canonical.hasPrefix(rootFolder.hasSuffix("/") ? rootFolder : rootFolder + "/") else {
            let how = relative.hasPrefix("..") ? "" : " through a symbolic link"
            return fail("reference '\(target)' leads outside the spec's folder\(how) (to \(canonical)); api-bindgen reads no file outside \(rootFolder)")
        }
        if let known = files[canonical] { return (known, fragment) }
        if files.count >= 10_000 { return fail("the spec spans more than 10000 files") }
        let bytes: [UInt8]
        switch reader.read(lexical) {
        case .success(let read): bytes = read
        case .failure(let problem): return fail("reference '\(target)': cannot read \(lexical): \(problem.message)")
        }
        let node: Node
        do {
            node = try YAMLParser.parseDocument(bytes, file: lexical)
        } catch {
            diagnostics.append(error)
            // Known, so the file's errors are reported once.
            files[canonical] = File(path: lexical, relativePath: relative, canonical: canonical, root: Node(.mapping([]), mark: Mark(line: 1, column: 1)))
            return nil
        }
        let loaded = File(path: lexical, relativePath: relative, canonical: canonical, root: node)
        files[canonical] = loaded
        inputs.append(SpecInput(path: lexical, relativePath: relative, bytes: bytes))
        return (loaded, fragment)
    }

    mutating func error(_ message: String, file: File, mark: Mark, pointer: JSONPointer) {
        // `pointer` is in the combined document; name the file and pointer it was read from.
        let original = sources.locate(pointer).pointer
        diagnostics.append(Diagnostic(.error, file: file.path, mark: mark, message: message, pointer: original.description))
    }

    /// A Schema Object stands at `pointer` (by the key that holds it): such targets are hoisted
    /// into `components/schemas`, so they keep a name and may be recursive.
    static func isSchemaPosition(_ pointer: JSONPointer) -> Bool {
        let tokens = pointer.tokens
        let count = tokens.count
        if let component = pointer.component { return component.section == "schemas" }
        if count >= 2, ["properties", "patternProperties", "$defs", "definitions", "dependentSchemas"].contains(tokens[count - 2]) { return true }
        if count >= 2, ["allOf", "anyOf", "oneOf", "prefixItems", "items"].contains(tokens[count - 2]), Int(tokens[count - 1]) != nil { return true }
        guard let last = tokens.last else { return false }
        return ["schema", "items", "additionalProperties", "not", "contains", "propertyNames", "if", "then", "else",
                "unevaluatedItems", "unevaluatedProperties", "additionalItems"].contains(last)
    }

    mutating func uniqueSchemaName(_ base: String) -> String {
        let base = base.isEmpty ? "Schema" : base
        var name = base
        var counter = 2
        while schemaNames.contains(name) {
            name = base + String(counter)
            counter += 1
        }
        schemaNames.insert(name)
        return name
    }

    /// `node` with its `$ref` value replaced (same mark, siblings kept).
    func withReference(_ node: Node, _ target: String) -> Node {
        guard let pairs = node.mapping else { return node }
        return Node(.mapping(pairs.map { pair in
            guard pair.key.text == "$ref" else { return pair }
            return Node.Pair(key: pair.key, value: Node(.scalar(Scalar(text: target, style: .plain, value: .string(target))), mark: pair.value.mark))
        }), mark: node.mark, tag: node.tag)
    }

    /// The root with `entries` appended to `components/schemas` (created when absent).
    func adding(_ entries: [Node.Pair], to root: Node) -> Node {
        func key(_ text: String, _ mark: Mark) -> Node { Node(.scalar(Scalar(text: text, style: .plain, value: .string(text))), mark: mark) }
        var pairs = root.mapping ?? []
        guard let componentsIndex = pairs.firstIndex(where: { $0.key.text == "components" }) else {
            pairs.append(Node.Pair(key: key("components", root.mark), value: Node(.mapping([
                Node.Pair(key: key("schemas", root.mark), value: Node(.mapping(entries), mark: root.mark)),
            ]), mark: root.mark)))
            return Node(.mapping(pairs), mark: root.mark, tag: root.tag)
        }
        let components = pairs[componentsIndex].value
        var sections = components.mapping ?? []
        if let schemasIndex = sections.firstIndex(where: { $0.key.text == "schemas" }) {
            let schemas = sections[schemasIndex].value
            sections[schemasIndex].value = Node(.mapping((schemas.mapping ?? []) + entries), mark: schemas.mark, tag: schemas.tag)
        } else {
            sections.append(Node.Pair(key: key("schemas", components.mark), value: Node(.mapping(entries), mark: components.mark)))
        }
        pairs[componentsIndex].value = Node(.mapping(sections), mark: components.mark, tag: components.tag)
        return Node(.mapping(pairs), mark: root.mark, tag: root.tag)
    }

    /// RFC 3986 §3.1: `scheme ":"`, a letter then letters, digits, `+`, `-`, `.`.
    static func hasScheme(_ text: String) -> Bool {
        guard let colon = text.firstIndex(of: ":") else { return false }
        let scheme = text[..<colon].unicodeScalars
        guard let first = scheme.first, ("a"..."z").contains(first) || ("A"..."Z").contains(first) else { return false }
        return scheme.allSatisfy { ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || "+-.".unicodeScalars.contains($0) }
    }

    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return path == "/" ? "/" : String(path[..<slash]).isEmpty ? "/" : String(path[..<slash])
    }

    /// `folder/relative`, with `.` and `..` components resolved lexically (leading `..` kept).
    static func joined(_ folder: String, _ relative: String) -> String {
        let absolute = folder.hasPrefix("/")
        var parts: [Substring] = []
        for part in (folder + "/" + relative).split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." { parts.removeLast(); continue }
            parts.append(part)
        }
        let text = parts.joined(separator: "/")
        return absolute ? "/" + text : text
    }

    /// `schemas/Money.yaml` → `Money`.
    static func stem(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }
}
