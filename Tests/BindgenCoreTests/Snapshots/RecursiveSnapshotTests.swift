import BindgenCore
import Foundation
import TestSupport
import Testing

/// The recursive-schema fixture (compiled and exercised by RecursiveFixtureTests) is what its spec gives.
@Suite struct RecursiveSnapshotTests {
    @Test func recursiveFixtureMatchesItsSpec() throws {
        let spec = "Tests/Fixtures/Recursive/openapi.yaml", output = "Tests/Fixtures/Recursive/Generated"
        let result = try Generator.generate(GeneratorConfig(
            specPath: TestPaths.packageRoot.appendingPathComponent(spec).path, moduleName: "RecursiveFixture",
            outputPath: TestPaths.packageRoot.appendingPathComponent(output).path))
        try SnapshotAssertion.assertMatches(result, committed: URL(fileURLWithPath: result.outputPath),
                                            regenerate: "swift run api-bindgen generate \(spec) --output \(output) --module RecursiveFixture")
        let folder = try #require(result.module.types.first { $0.name == "Folder" })
        guard case .structure(let properties) = folder.kind else { Issue.record("Folder is not a struct"); return }
        #expect(properties.filter(\.isIndirect).map(\.name) == ["parent", "shortcut"])  // children is an array: no box
    }
}
