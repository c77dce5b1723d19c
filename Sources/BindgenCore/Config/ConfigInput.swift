import Foundation
import YAMLParsing

extension GeneratorConfig {
    /// The config for a command-line input, as `generate` and `diff` read it: a folder's
    /// `api-bindgen.yaml` (`load(folder:)`), or, for a spec file, the defaults
    /// (`init(specPath:)`: module from `info.title`, output `Generated/<module>`, public).
    /// - Throws: `DiagnosticsError` when nothing is at `input` (`<input>: error: no such file or
    ///   folder`), or with the config's errors.
    public static func load(input: String) throws(DiagnosticsError) -> GeneratorConfig {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory) else {
            throw DiagnosticsError([Diagnostic(.error, file: input, mark: nil, message: "no such file or folder")])
        }
        return isDirectory.boolValue ? try load(folder: input) : GeneratorConfig(specPath: input)
    }
}
