import BindgenCore
import Foundation
import TestSupport
import Testing

/// The requests fixture (compiled and exercised over loopback by RequestsEndToEndTests) is what its spec gives.
@Suite struct RequestsSnapshotTests {
    @Test func requestsFixtureMatchesItsSpec() throws {
        let spec = "Tests/Fixtures/Requests/openapi.yaml", output = "Tests/Fixtures/Requests/Generated"
        let result = try Generator.generate(GeneratorConfig(
            specPath: TestPaths.packageRoot.appendingPathComponent(spec).path, moduleName: "RequestsFixture",
            outputPath: TestPaths.packageRoot.appendingPathComponent(output).path))
        try SnapshotAssertion.assertMatches(result, committed: URL(fileURLWithPath: result.outputPath),
                                            regenerate: "swift run api-bindgen generate \(spec) --output \(output) --module RequestsFixture")
        #expect(result.warnings.filter { $0.message.contains("skipped") || $0.message.contains("not supported") }.isEmpty)
        let operations = result.module.client.groups.flatMap(\.operations)
        #expect(operations.count == 6)
        let call = try #require(operations.first { $0.operationID == "createCall" }?.requestBody)
        #expect(call.alternatives.map(\.caseName) == ["multipart", "text"])
    }
}
