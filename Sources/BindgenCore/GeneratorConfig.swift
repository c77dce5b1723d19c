import Foundation
import YAMLParsing

/// What to generate: the spec, the module's name and access level, and where the files go.
///
/// Read from `api-bindgen.yaml` in a spec folder (paths relative to that folder):
/// ```yaml
/// spec: energycap.openapi.yaml   # required
/// module: EnergyCAP              # default: the spec's info.title as a type name
/// accessLevel: public            # public | package | internal; default public
/// output: ../../Generated/EnergyCAP   # default: Generated/<module> under the working directory
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

    public init(specPath: String, moduleName: String? = nil, accessLevel: AccessLevel = .public, outputPath: String? = nil) {
        self.specPath = specPath
        self.moduleName = moduleName
        self.accessLevel = accessLevel
        self.outputPath = outputPath
    }

    /// Reads `folder/api-bindgen.yaml`.
    /// - Throws: `DiagnosticsError` with `file:line:column` for a missing file, bad YAML, an unknown
    ///   key or a bad value.
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
        var diagnostics: [Diagnostic] = []
        func fail(_ message: String, _ mark: Mark) { diagnostics.append(Diagnostic(.error, file: path, mark: mark, message: message)) }
        guard let pairs = root.mapping else {
            throw DiagnosticsError([Diagnostic(.error, file: path, mark: root.mark, message: "the config must be a mapping")])
        }
        var config = GeneratorConfig(specPath: "")
        var sawSpec = false
        for pair in pairs {
            let key = pair.key.text ?? ""
            guard case .string(let value)? = pair.value.scalar?.value else {
                fail("'\(key)' must be a string", pair.value.mark)
                continue
            }
            switch key {
            case "spec":
                config.specPath = (folder as NSString).appendingPathComponent(value)
                sawSpec = true
            case "module":
                config.moduleName = value
            case "accessLevel":
                guard let level = AccessLevel(rawValue: value) else {
                    fail("accessLevel must be one of public, package, internal; found '\(value)'", pair.value.mark)
                    continue
                }
                config.accessLevel = level
            case "output":
                config.outputPath = (folder as NSString).appendingPathComponent(value)
            default:
                fail("unknown key '\(key)'; expected spec, module, accessLevel, output", pair.key.mark)
            }
        }
        if !sawSpec { fail("the config is missing the required key 'spec'", root.mark) }
        if !diagnostics.isEmpty { throw DiagnosticsError(diagnostics) }
        return config
    }
}
