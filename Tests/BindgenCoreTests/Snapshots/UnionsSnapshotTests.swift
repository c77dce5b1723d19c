import BindgenCore
import Foundation
import TestSupport
import Testing

/// The unions fixture (compiled and exercised by UnionsFixtureTests) is what its spec gives, and
/// binds every union as an enum (no "bound as JSONValue" warning).
@Suite struct UnionsSnapshotTests {
    @Test func unionsFixtureMatchesItsSpec() throws {
        let spec = "Tests/Fixtures/Unions/openapi.yaml", output = "Tests/Fixtures/Unions/Generated"
        let result = try Generator.generate(GeneratorConfig(
            specPath: TestPaths.packageRoot.appendingPathComponent(spec).path, moduleName: "UnionsFixture",
            outputPath: TestPaths.packageRoot.appendingPathComponent(output).path))
        try SnapshotAssertion.assertMatches(result, committed: URL(fileURLWithPath: result.outputPath),
                                            regenerate: "swift run api-bindgen generate \(spec) --output \(output) --module UnionsFixture")
        #expect(result.warnings.filter { $0.message.contains("JSONValue") }.map(\.message) == [])
        let method = try #require(result.module.types.first { $0.name == "PaymentMethod" })
        guard case .union(let union) = method.kind else { Issue.record("PaymentMethod is not a union"); return }
        #expect(union.selection == .discriminator(propertyName: "object"))
        #expect(union.alternatives.map(\.name) == ["card", "bankAccount"])
        #expect(union.alternatives.map(\.discriminatorValues) == [["card"], ["bank_account"]])
    }
}
