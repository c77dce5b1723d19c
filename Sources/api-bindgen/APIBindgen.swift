import ArgumentParser
import Foundation

/// `api-bindgen`: OpenAPI (YAML) → Swift bindings.
///
/// Exit status: 0 success; 1 findings (`--check` found stale files); 2 usage or input error.
/// Diagnostics go to standard error as `path:line:column: error: message`.
@main
struct APIBindgen: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "api-bindgen",
        abstract: "Generate Swift bindings (models and an async client) from an OpenAPI 3.0/3.1 description.",
        subcommands: [Generate.self, Diff.self])

    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let exit as ExitCode {
            Foundation.exit(exit.rawValue)
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                print(message)
                Foundation.exit(0)
            }
            if !message.isEmpty { FileHandle.standardError.write(Data((message + "\n").utf8)) }
            Foundation.exit(Exit.usageOrInputError)
        }
    }
}

enum Exit {
    static let findings: Int32 = 1
    static let usageOrInputError: Int32 = 2
}

func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
