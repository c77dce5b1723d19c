import ArgumentParser
import BindgenCore
import Foundation
import YAMLParsing

extension AccessLevel: ExpressibleByArgument {}

struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Generate bindings from a spec folder (with api-bindgen.yaml) or a single spec file.",
        discussion: """
            A folder must hold api-bindgen.yaml (spec, module, accessLevel, output). A single spec file \
            needs no config: the module name defaults to the spec's info.title, the output folder to \
            Generated/<module>, the access level to public. Flags override the config.
            Writing is all-or-nothing: the new output is built beside the output folder and switched \
            in with one atomic rename, so after any error or interruption the folder holds the old \
            output or the new one, never a mix. The generator rewrites and removes only the files \
            listed in the folder's APIBindgenManifest.swift (checked first: every path must stay \
            inside the folder); everything else in the folder is kept. A file the generator did not \
            write, at a path it generates, is an error unless --force is given.
            """)

    @Argument(help: "A spec folder holding api-bindgen.yaml, or an OpenAPI YAML/JSON file.")
    var input: String

    @Option(help: "Output folder (default: the config's, else Generated/<module>).")
    var output: String?

    @Option(help: "Swift module name (default: the config's, else the spec's info.title).")
    var module: String?

    @Option(help: "Access level of generated declarations.")
    var accessLevel: AccessLevel?

    @Flag(help: "Change nothing; exit 1 and name the stale files when the output differs from what the spec gives.")
    var check = false

    @Flag(help: "Overwrite files at generated paths that the previous manifest does not list (hand-written or from another tool).")
    var force = false

    @Option(help: ArgumentHelp("Write everything into this one file in the output folder, without a manifest (the build plugin's layout).",
                               valueName: "file-name"))
    var singleFile: String?

    @Flag(help: ArgumentHelp(
        "Print each wire name whose Swift name is not just its words recased (collision suffixes, reserved names, keywords, transliterations, fallbacks, overrides, derived operation names, renamed files), with the reason and where the name is in the spec.",
        discussion: "One line per name on standard output: <spec>:<line>:<column>: note: <kind> '<wire name>' → <Swift name>: <reasons> (at <JSON Pointer>)."))
    var explainNames = false

    func run() throws {
        var config: GeneratorConfig
        do {
            config = try GeneratorConfig.load(input: input)
        } catch {
            printError(error.description)
            throw ExitCode(Exit.usageOrInputError)
        }
        if let module { config.moduleName = module }
        if let output { config.outputPath = output }
        if let singleFile { config.layout = .singleFile(singleFile) }
        if let accessLevel { config.accessLevel = accessLevel }

        let result: Generator.Result
        do {
            result = try Generator.generate(config)
        } catch {
            printError(error.description)
            printError("error: nothing was written")
            throw ExitCode(Exit.usageOrInputError)
        }
        for warning in result.warnings { printError(warning.description) }
        if explainNames {
            for explanation in result.nameExplanations { print(explanation.description(file: config.specPath)) }
            print("\(result.nameExplanations.count) name(s) differ from their wire names beyond recasing")
        }

        let writer = OutputWriter(directory: result.outputPath)
        if check {
            let plan: OutputWriter.Plan
            do {
                plan = try writer.plan(result.files)
            } catch {
                printError(error.description)
                throw ExitCode(Exit.usageOrInputError)
            }
            if plan.isEmpty {
                print("\(result.outputPath) is up to date (\(result.files.count) files)")
                return
            }
            let unowned = Set(plan.unowned)
            for path in plan.stalePaths {
                let note = unowned.contains(path) ? " (the file there was not written by api-bindgen: regenerating needs --force)" : ""
                printError("\(result.outputPath)/\(path): error: stale; regenerate with: api-bindgen generate \(input)\(note)")
            }
            printError("error: \(plan.stalePaths.count) generated file(s) differ from what \(config.specPath) gives")
            throw ExitCode(Exit.findings)
        }
        let applied: OutputWriter.Plan
        do {
            applied = try writer.write(result.files, force: force)
        } catch {
            printError(error.description)
            printError("error: nothing was written")
            throw ExitCode(Exit.usageOrInputError)
        }
        let unchanged = result.files.count - applied.writes.count
        print("\(result.outputPath): \(applied.writes.count) written, \(applied.removals.count) removed, \(unchanged) unchanged (\(result.warnings.count) warnings)")
    }
}
