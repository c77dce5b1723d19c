import Foundation
import PackagePlugin

/// Command plugin: regenerates committed bindings.
///
///     swift package --allow-writing-to-package-directory generate-bindings [folder …] [--check]
///
/// With no folder, every folder under `Specs/` that holds an `api-bindgen.yaml` is generated.
/// `--check` changes nothing and fails when a folder's output is stale.
@main
struct GenerateBindings: CommandPlugin {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    func performCommand(context: PluginContext, arguments: [String]) async throws {
        let tool = try context.tool(named: "api-bindgen").url
        let check = arguments.contains("--check")
        var folders = arguments.filter { $0 != "--check" }.map { context.package.directoryURL.appending(path: $0) }
        if folders.isEmpty {
            let specs = context.package.directoryURL.appending(path: "Specs")
            let names = (try? FileManager.default.contentsOfDirectory(atPath: specs.path)) ?? []
            folders = names.sorted().map { specs.appending(path: $0) }
                .filter { FileManager.default.fileExists(atPath: $0.appending(path: "api-bindgen.yaml").path) }
        }
        guard !folders.isEmpty else { throw Failure(description: "no spec folder with an api-bindgen.yaml under Specs/") }
        for folder in folders {
            let process = Process()
            process.executableURL = tool
            process.currentDirectoryURL = context.package.directoryURL
            process.arguments = ["generate", folder.path] + (check ? ["--check"] : [])
            try process.run()
            process.waitUntilExit()
            guard process.terminationStatus == 0 else {
                throw Failure(description: "api-bindgen generate \(folder.path) exited with \(process.terminationStatus)")
            }
        }
    }
}
