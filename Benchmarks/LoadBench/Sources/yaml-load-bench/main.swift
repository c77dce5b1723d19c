// YAML / OpenAPI load benchmark (Benchmarks/run.sh, part 2).
//
//   yaml-load-bench FILE [--iterations N] [--warmup W] [--only parse|model|load]
//
// Reads FILE once, then times N iterations each of
//   parse: YAMLParser.parseDocument(bytes, file:)           (libyaml events -> Node tree)
//   model: OpenAPIDocument.load(root:file:)                  (Node tree -> model + $ref check)
//   load:  OpenAPIDocument.load(bytes, file:)                (both, as the generator does)
// (or only the one named by --only, e.g. under `perf record`) and prints one line per measurement:
//   yaml-load-bench what=parse iterations=N median_ms=X min_ms=Y

import BenchSupport
import Foundation
import OpenAPIModel
import YAMLParsing

guard let path = positionalArguments().first else {
    FileHandle.standardError.write(Data("usage: yaml-load-bench FILE [--iterations N] [--warmup W] [--only parse|model|load]\n".utf8))
    exit(2)
}
let iterations = max(1, intOption("--iterations", default: 20))
let warmup = max(0, intOption("--warmup", default: 2))
guard let data = FileManager.default.contents(atPath: path) else {
    FileHandle.standardError.write(Data("cannot read \(path)\n".utf8))
    exit(2)
}
let bytes = [UInt8](data)
let file = (path as NSString).lastPathComponent
let only: String? = {
    let arguments = CommandLine.arguments
    guard let index = arguments.firstIndex(of: "--only"), index + 1 < arguments.count else { return nil }
    return arguments[index + 1]
}()

func measure(_ what: String, _ body: () throws -> Void) rethrows {
    if let only, only != what { return }
    for _ in 0..<warmup { try body() }
    var samples: [Double] = []
    for _ in 0..<iterations { samples.append(try seconds(body) * 1e3) }
    let summary = Summary(samples)
    print("yaml-load-bench what=\(what) iterations=\(iterations) bytes=\(bytes.count) median_ms=\(String(format: "%.3f", summary.median)) min_ms=\(String(format: "%.3f", summary.min))")
}

do {
    let root = try YAMLParser.parseDocument(bytes, file: file)
    let (document, _) = try OpenAPIDocument.load(root: root, file: file)
    print("yaml-load-bench info operations=\(document.operations.count) paths=\(document.paths.count)")

    try measure("parse") { blackHole(try YAMLParser.parseDocument(bytes, file: file)) }
    try measure("model") { blackHole(try OpenAPIDocument.load(root: root, file: file)) }
    try measure("load") { blackHole(try OpenAPIDocument.load(bytes, file: file)) }
} catch {
    FileHandle.standardError.write(Data("yaml-load-bench: \(error)\n".utf8))
    exit(1)
}
