import BindgenCore
import Foundation
import TestSupport
import Testing

/// The whole-response fixture (compiled and exercised by ResponsesEndToEndTests) is what its spec
/// gives, and the binding model says what the generated code relies on.
@Suite struct ResponsesSnapshotTests {
    @Test func responsesFixtureMatchesItsSpec() throws {
        let spec = "Tests/Fixtures/Responses/responses.yaml", output = "Tests/Fixtures/Responses/Generated"
        let result = try Generator.generate(GeneratorConfig(
            specPath: TestPaths.packageRoot.appendingPathComponent(spec).path, moduleName: "ResponsesFixture",
            outputPath: TestPaths.packageRoot.appendingPathComponent(output).path))
        try SnapshotAssertion.assertMatches(result, committed: URL(fileURLWithPath: result.outputPath),
                                            regenerate: "swift run api-bindgen generate \(spec) --output \(output) --module ResponsesFixture")
        #expect(!result.warnings.contains { $0.message.contains("decoded as that one") })
        let operations = Dictionary(uniqueKeysWithValues: result.module.client.groups.flatMap(\.operations).map { ($0.operationID, $0) })
        let create = try #require(operations["CreateItemV1"])
        #expect(create.success.bodyEnumName == "CreateItemV1Body")
        #expect(create.success.cases.map(\.caseName) == ["ok", "created", "noContent"])
        let list = try #require(operations["ListItemsV1"])
        #expect(list.paging?.methodName == "listItemsPages")
        #expect(list.success.headers.map(\.wireName) == ["PageNumber", "TotalPages", "PageSize", "TotalNumberOfRecords"])
        #expect(operations["GetImageV1"]?.success.cases.first?.body?.kind == .binary)
        #expect(operations["GetNoteV1"]?.success.cases.first?.body?.kind == .text)
        #expect(operations["ExportItemV1"]?.success.cases.first?.body?.kind == .raw)
    }

    /// The full EnergyCAP shape: 71 list operations follow its paging convention.
    @Test func fullEnergyCAPShapeHasItsPagedOperations() throws {
        let result = try Generator.generate(GeneratorConfig(
            specPath: TestPaths.packageRoot.appendingPathComponent("Tests/Corpus/energycap/energycap-sdk-8.2309.openapi.yaml").path,
            moduleName: "EnergyCAPFull", outputPath: "/nonexistent"))
        let operations = result.module.client.groups.flatMap(\.operations)
        #expect(operations.count == 728)
        #expect(operations.filter { $0.paging != nil }.count == 71)
        #expect(!result.warnings.contains { $0.message.contains("decoded as that one") })
    }
}
