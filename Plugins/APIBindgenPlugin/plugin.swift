import Foundation
import PackagePlugin

/// Build-tool plugin: a target holding `api-bindgen.yaml` (and the spec it names) gets its
/// bindings generated at build time into the plugin work directory, as one file
/// (`APIBindings.swift`, module name = the target's). Nothing is written into the package.
@main
struct APIBindgenPlugin: BuildToolPlugin {
    struct MissingConfig: Error, CustomStringConvertible {
        var target: String
        var description: String { "target '\(target)' uses APIBindgenPlugin but holds no api-bindgen.yaml" }
    }

    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        guard let target = target as? SourceModuleTarget else { return [] }
        let folder = target.directoryURL
        let config = folder.appending(path: "api-bindgen.yaml")
        guard FileManager.default.fileExists(atPath: config.path) else { throw MissingConfig(target: target.name) }
        // Every YAML/JSON file in the target's folder tree is an input (excluded ones too, and the
        // other files of a spec split into several), so editing any of them regenerates.
        var specs = target.sourceFiles.map(\.url).filter { ["yaml", "yml", "json"].contains($0.pathExtension) }
        if let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) {
            for case let url as URL in walker where ["yaml", "yml", "json"].contains(url.pathExtension) && url.lastPathComponent != "api-bindgen.yaml" {
                if !specs.contains(where: { $0.standardizedFileURL.path == url.standardizedFileURL.path }) { specs.append(url) }
            }
        }
        let outputFolder = context.pluginWorkDirectoryURL.appending(path: "GeneratedSources")
        let output = outputFolder.appending(path: "APIBindings.swift")
        return [
            .buildCommand(
                displayName: "Generating API bindings for \(target.name)",
                // `api-bindgen generate <folder> --output <folder> --module <name> --single-file <file>`,
                // by the tool that links no argument parser (Sources/api-bindgen-plugin-tool).
                executable: try context.tool(named: "api-bindgen-plugin-tool").url,
                arguments: [folder.path, outputFolder.path, target.moduleName, output.lastPathComponent],
                inputFiles: [config] + specs,
                outputFiles: [output])
        ]
    }
}
