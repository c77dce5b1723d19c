// The generator that APIBindgenPlugin runs at build time: `api-bindgen generate <folder> --output
// <folder> --module <name> --single-file <file>`, and nothing else. It links BindgenCore alone, not
// the command line's argument parser, so the first build of every plugin user's package compiles
// less (Benchmarks/README.md, "First build with the build plugin").
//
// Usage, as the plugin calls it: api-bindgen-plugin-tool <spec folder> <output folder> <module> <file name>
// Exit status: 0 written; 2 usage or input error, with `path:line:column: error: message` lines on
// standard error and nothing written (the writer is all-or-nothing, as the CLI's).
import BindgenCore
import Foundation

func fail(_ lines: String...) -> Never {
    for line in lines { FileHandle.standardError.write(Data((line + "\n").utf8)) }
    exit(2)
}

let arguments = CommandLine.arguments.dropFirst()
guard arguments.count == 4 else {
    fail("usage: api-bindgen-plugin-tool <spec folder> <output folder> <module> <file name>",
         "(run by APIBindgenPlugin; from a shell, use api-bindgen generate)")
}
let input = arguments[arguments.startIndex]
var config: GeneratorConfig
do {
    config = try GeneratorConfig.load(input: input)
} catch {
    fail(error.description)
}
config.outputPath = arguments[arguments.startIndex + 1]
config.moduleName = arguments[arguments.startIndex + 2]
config.layout = .singleFile(arguments[arguments.startIndex + 3])

let result: Generator.Result
do {
    result = try Generator.generate(config)
} catch {
    fail(error.description, "error: nothing was written")
}
for warning in result.warnings { FileHandle.standardError.write(Data((warning.description + "\n").utf8)) }
do {
    _ = try OutputWriter(directory: result.outputPath).write(result.files, force: false)
} catch {
    fail(error.description, "error: nothing was written")
}
