@testable import BindgenCore
import FuzzSupport
import OpenAPIModel
import YAMLParsing

/// One input: the bytes of a spec (YAML or JSON). The whole generator runs in memory — parse,
/// load, translate, render — and must end with files or with diagnostics, never a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzGenerator(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = count == 0 ? [] : Array(UnsafeBufferPointer(start: start, count: count))
    guard let (document, _) = try? OpenAPIDocument.load(bytes, file: "fuzz.yaml") else { return 0 }
    let (module, diagnostics) = Translator.translate(document, options: .init(moduleName: "Fuzz", specFileName: "fuzz.yaml"))
    if diagnostics.contains(where: { $0.severity == .error }) { return 0 }
    let files = SwiftRenderer(module: module).render()
    precondition(files.allSatisfy { !$0.path.isEmpty }, "a rendered file without a path")
    return 0
}

/// `main` (see FuzzSupport).
@_cdecl("FuzzGenerator_main")
public func fuzzGeneratorMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    runFuzzer(argc, argv, fuzzGenerator)
}
