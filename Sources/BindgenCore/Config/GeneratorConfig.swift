import Foundation
import OpenAPIModel
import YAMLParsing

/// What to generate: the spec, the module's name and access level, where the files go, which
/// operations to include, name overrides, and where an operation's API version comes from.
///
/// Read from `api-bindgen.yaml` in a spec folder (paths relative to that folder); every key but
/// `spec` is optional. See the README's "Configuration" section for the full reference.
/// ```yaml
/// spec: energycap.openapi.yaml
/// module: EnergyCAP                      # default: the spec's info.title as a type name
/// accessLevel: public                    # public | package | internal
/// output: ../../Generated/EnergyCAP      # default: Generated/<module>
/// include:                               # default: every operation
///   tags: [utilityPlatform]
///   operationIds: [UploadFileV202105]
///   pathPrefixes: [/api/v202203/]
///   versions: [v202105]
/// nameOverrides:
///   schemas: { DataAccessReleaseStatusId: ReleaseStatusID }
///   operations: { AssignDataAccessReleaseV202203: assignRelease }
/// versionSource: pathSegment             # pathSegment | none
/// paging:                                # see PagingConvention; `paging: none` turns it off
///   pageNumberParameter: pageNumber
///   pageSizeParameter: pageSize
///   totalPagesHeader: TotalPages
///   firstPage: 1
/// limits:                                # see GenerationLimits; each key optional
///   maxDepth: 64
///   maxReferenceHops: 32
///   maxSchemas: 100000
///   maxTypes: 20000
///   maxOutputBytes: 33554432
/// ```
public struct GeneratorConfig: Equatable, Sendable {
    public static let fileName = "api-bindgen.yaml"

    /// Path of the spec file.
    public var specPath: String
    /// nil: derived from the spec's `info.title`.
    public var moduleName: String?
    public var accessLevel: AccessLevel
    /// nil: `Generated/<module>`.
    public var outputPath: String?
    public var filter: OperationFilter
    public var overrides: NameOverrides
    public var versionSource: VersionSource
    /// How the output is laid out (not a config-file key: the build plugin sets it).
    public var layout: OutputLayout = .filePerType
    /// Bounds on the work a spec may cause (config key `limits`).
    public var limits = GenerationLimits()
    /// How paged list operations are recognised (config key `paging`).
    public var paging = PagingConvention()

    public init(specPath: String, moduleName: String? = nil, accessLevel: AccessLevel = .public, outputPath: String? = nil,
                filter: OperationFilter = OperationFilter(), overrides: NameOverrides = NameOverrides(), versionSource: VersionSource = .pathSegment) {
        self.specPath = specPath
        self.moduleName = moduleName
        self.accessLevel = accessLevel
        self.outputPath = outputPath
        self.filter = filter
        self.overrides = overrides
        self.versionSource = versionSource
    }

    /// Reads `folder/api-bindgen.yaml`.
    /// - Throws: `DiagnosticsError` with `file:line:column` for a missing file, bad YAML, an unknown
    ///   key or a bad value (every problem, not only the first).
    public static func load(folder: String) throws(DiagnosticsError) -> GeneratorConfig {
        let path = (folder as NSString).appendingPathComponent(fileName)
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DiagnosticsError([Diagnostic(.error, file: path, mark: nil, message: "no generator config: expected \(fileName) in \(folder)")])
        }
        let root: Node
        do {
            root = try YAMLParser.parseDocument(Array(data), file: path)
        } catch {
            throw DiagnosticsError([error])
        }
        var reader = ConfigReader(file: path)
        let config = reader.config(root, folder: folder)
        if !reader.diagnostics.isEmpty { throw DiagnosticsError(reader.diagnostics) }
        return config
    }
}

/// Bounds on the work a spec may cause, so that a hostile spec (deep nesting, reference cycles,
/// YAML aliases that share schemas billion-laughs style, `$ref`s that copy subtrees) ends in a
/// located error instead of a crash or an explosion of output. Config key `limits`.
///
/// Defaults are several times what the largest real specs in `Tests/Corpus` need (OpenAI's:
/// 4,600 types, 7 MB of Swift; Stripe's: 18,000 schemas; nesting: 10 levels).
public struct GenerationLimits: Equatable, Sendable {
    /// Deepest nesting, in levels, for every recursive stage (see `ModelLimits.maxDepth`).
    /// Default 64.
    public var maxDepth = 64
    /// Longest chain of references to references (see `ModelLimits.maxReferenceHops`). Default 32.
    public var maxReferenceHops = 32
    /// Most Schema Objects, alias and merge-key copies included (see `ModelLimits.maxSchemas`).
    /// Default 100,000.
    public var maxSchemas = 100_000
    /// Most generated Swift types (structs, enums, typealiases, nested ones included). Default 20,000.
    public var maxTypes = 20_000
    /// Largest generated output, in bytes of UTF-8 summed over every file. Checked while
    /// translating (against a lower-bound estimate, so an explosion stops early) and exactly
    /// after rendering. Default 32 MiB (33,554,432).
    public var maxOutputBytes = 32 << 20

    public init() {}

    /// The loader's share of the limits.
    public var model: ModelLimits {
        ModelLimits(maxDepth: maxDepth, maxReferenceHops: maxReferenceHops, maxSchemas: maxSchemas)
    }
}

/// Which operations to generate. An operation is included when any non-empty criterion matches
/// it (a tag, its operationId, a path prefix, or its API version); with every list empty, all are.
public struct OperationFilter: Equatable, Sendable {
    public var tags: [String] = []
    public var operationIDs: [String] = []
    public var pathPrefixes: [String] = []
    public var versions: [String] = []

    public init(tags: [String] = [], operationIDs: [String] = [], pathPrefixes: [String] = [], versions: [String] = []) {
        self.tags = tags
        self.operationIDs = operationIDs
        self.pathPrefixes = pathPrefixes
        self.versions = versions
    }

    public var isEmpty: Bool { tags.isEmpty && operationIDs.isEmpty && pathPrefixes.isEmpty && versions.isEmpty }

    public func includes(tags operationTags: [String], operationID: String?, path: String, version: String?) -> Bool {
        if isEmpty { return true }
        return operationTags.contains(where: tags.contains) || operationID.map(operationIDs.contains) == true
            || pathPrefixes.contains(where: path.hasPrefix) || version.map(versions.contains) == true
    }

    /// Whether the operation at `path` is generated: its tags, operationId, path, and the path's
    /// version segment (`VersionSource.versionSegment(of:)`, whatever `versionSource` says).
    public func includes(_ operation: OpenAPIModel.Operation, path: String) -> Bool {
        includes(tags: operation.tags, operationID: operation.operationID, path: path, version: VersionSource.versionSegment(of: path))
    }
}

/// Swift names chosen by the user instead of the derived ones.
public struct NameOverrides: Equatable, Sendable {
    /// Component schema name → Swift type name.
    public var schemas: [String: String] = [:]
    /// operationId → Swift method name.
    public var operations: [String: String] = [:]

    public init(schemas: [String: String] = [:], operations: [String: String] = [:]) {
        self.schemas = schemas
        self.operations = operations
    }
}

/// How generated files are laid out.
public enum OutputLayout: Equatable, Sendable {
    /// One type per file, a file per operation, and a manifest: for committed, reviewed output.
    case filePerType
    /// Everything in one file of this name, no manifest: for the build plugin's work directory.
    case singleFile(String)
}

/// Where an operation's API version comes from.
public enum VersionSource: String, Equatable, Sendable {
    /// The first path segment of the form `v<digits>` (`/api/v202203/…`).
    case pathSegment
    /// No versions: every operation is a method of the client itself.
    case none
}

/// Reading the config's nodes, collecting located errors.
private struct ConfigReader {
    let file: String
    var diagnostics: [Diagnostic] = []

    mutating func fail(_ message: String, _ mark: Mark) {
        diagnostics.append(Diagnostic(.error, file: file, mark: mark, message: message))
    }

    /// A mapping's entries; unknown keys (when `allowed` is given) are errors.
    mutating func entries(_ node: Node, allowed: [String]?) -> [(String, Node)] {
        guard let pairs = node.mapping else {
            fail("expected a mapping, found \(node.kindDescription)", node.mark)
            return []
        }
        return pairs.compactMap { pair in
            let key = pair.key.text ?? ""
            if let allowed, !allowed.contains(key) {
                fail("unknown key '\(key)'; expected one of \(allowed.joined(separator: ", "))", pair.key.mark)
                return nil
            }
            return (key, pair.value)
        }
    }

    mutating func string(_ node: Node, _ key: String) -> String? {
        guard case .string(let text)? = node.scalar?.value else {
            fail("'\(key)' must be a string, found \(node.kindDescription)", node.mark)
            return nil
        }
        return text
    }

    mutating func strings(_ node: Node, _ key: String) -> [String] {
        guard let items = node.sequence else {
            fail("'\(key)' must be a list of strings, found \(node.kindDescription)", node.mark)
            return []
        }
        return items.compactMap { string($0, key) }
    }
}

/// The config file's keys, one step each.
extension ConfigReader {
    /// The whole file: every key read, `spec` required; paths are relative to `folder`.
    mutating func config(_ root: Node, folder: String) -> GeneratorConfig {
        var config = GeneratorConfig(specPath: "")
        var sawSpec = false
        for (key, value) in entries(root, allowed: ["spec", "module", "accessLevel", "output", "include", "nameOverrides", "versionSource", "limits", "paging"]) {
            switch key {
            case "spec":
                if let text = string(value, key) { config.specPath = (folder as NSString).appendingPathComponent(text); sawSpec = true }
            case "module":
                config.moduleName = string(value, key)
            case "accessLevel":
                if let text = string(value, key) {
                    if let level = AccessLevel(rawValue: text) { config.accessLevel = level } else {
                        fail("accessLevel must be one of public, package, internal; found '\(text)'", value.mark)
                    }
                }
            case "output":
                if let text = string(value, key) { config.outputPath = (folder as NSString).appendingPathComponent(text) }
            case "include": readInclude(value, into: &config.filter)
            case "nameOverrides": readNameOverrides(value, into: &config.overrides)
            case "limits": readLimits(value, into: &config.limits)
            case "paging": readPaging(value, into: &config.paging)
            default:  // versionSource
                if let text = string(value, key) {
                    if let source = VersionSource(rawValue: text) { config.versionSource = source } else {
                        fail("versionSource must be pathSegment or none; found '\(text)'", value.mark)
                    }
                }
            }
        }
        if !sawSpec { fail("the config is missing the required key 'spec'", root.mark) }
        return config
    }

    /// `include`: lists of tags, operationIds, path prefixes and versions.
    mutating func readInclude(_ value: Node, into filter: inout OperationFilter) {
        for (criterion, list) in entries(value, allowed: ["tags", "operationIds", "pathPrefixes", "versions"]) {
            let items = strings(list, criterion)
            switch criterion {
            case "tags": filter.tags = items
            case "operationIds": filter.operationIDs = items
            case "pathPrefixes": filter.pathPrefixes = items
            default: filter.versions = items
            }
        }
    }

    /// `nameOverrides`: `schemas` and `operations`, wire name → Swift identifier (ASCII only).
    mutating func readNameOverrides(_ value: Node, into overrides: inout NameOverrides) {
        for (kind, map) in entries(value, allowed: ["schemas", "operations"]) {
            var names: [String: String] = [:]
            for (from, to) in entries(map, allowed: nil) {
                if let name = string(to, from) {
                    if !Naming.isASCIIIdentifier(name) {
                        fail("'\(SourceText.commentLine(name))' is not a Swift identifier (ASCII letters, digits and _, not starting with a digit)", to.mark)
                    }
                    names[from] = name
                }
            }
            if kind == "schemas" { overrides.schemas = names } else { overrides.operations = names }
        }
    }

    /// `limits`: each a positive integer of at most `Int32.max`.
    mutating func readLimits(_ value: Node, into limits: inout GenerationLimits) {
        let keys = ["maxDepth", "maxReferenceHops", "maxSchemas", "maxTypes", "maxOutputBytes"]
        for (name, number) in entries(value, allowed: keys) {
            guard case .int(let int)? = number.scalar?.value, int > 0, int <= Int64(Int32.max) else {
                fail("'\(name)' must be a positive integer of at most \(Int32.max), found \(number.text ?? number.kindDescription)", number.mark)
                continue
            }
            let limit = Int(int)
            switch name {
            case "maxDepth": limits.maxDepth = limit
            case "maxReferenceHops": limits.maxReferenceHops = limit
            case "maxSchemas": limits.maxSchemas = limit
            case "maxTypes": limits.maxTypes = limit
            default: limits.maxOutputBytes = limit
            }
        }
    }

    /// `paging`: `none`, or a mapping of parameter and header names and the first page number.
    mutating func readPaging(_ value: Node, into paging: inout PagingConvention) {
        if value.scalar != nil {
            if value.text == "none" { paging.isEnabled = false } else {
                fail("paging must be none or a mapping (pageNumberParameter, pageSizeParameter, totalPagesHeader, firstPage); found '\(SourceText.commentLine(value.text ?? ""))'", value.mark)
            }
            return
        }
        for (name, setting) in entries(value, allowed: ["pageNumberParameter", "pageSizeParameter", "totalPagesHeader", "firstPage"]) {
            if name == "firstPage" {
                guard case .int(let int)? = setting.scalar?.value, int >= 0, int <= Int64(Int32.max) else {
                    fail("'firstPage' must be an integer from 0 to \(Int32.max), found \(setting.text ?? setting.kindDescription)", setting.mark)
                    continue
                }
                paging.firstPage = Int(int)
                continue
            }
            guard let text = string(setting, name) else { continue }
            switch name {
            case "pageNumberParameter": paging.pageNumberParameter = text
            case "pageSizeParameter": paging.pageSizeParameter = text
            default: paging.totalPagesHeader = text
            }
        }
    }
}
