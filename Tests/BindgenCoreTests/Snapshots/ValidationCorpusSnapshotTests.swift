import BindgenCore
import Foundation
import TestSupport
import Testing

/// The validation corpus's generated modules (compiled and exercised by ValidationCorpusTests)
/// are what its specs give.
@Suite struct ValidationCorpusSnapshotTests {
    @Test(arguments: ["3.0", "3.1"])
    func generatedModuleMatchesItsSpec(version: String) throws {
        let module = "ValidationCorpus" + version.replacingOccurrences(of: ".", with: "")
        let spec = "Tests/ValidationCorpus/openapi-\(version).yaml"
        let output = "Tests/ValidationCorpus/Generated/\(module)"
        let result = try Generator.generate(GeneratorConfig(
            specPath: TestPaths.packageRoot.appendingPathComponent(spec).path, moduleName: module,
            outputPath: TestPaths.packageRoot.appendingPathComponent(output).path))
        try SnapshotAssertion.assertMatches(result, committed: URL(fileURLWithPath: result.outputPath),
                                            regenerate: "swift run api-bindgen generate \(spec) --output \(output) --module \(module)")
    }
}
