import BindgenCore
import Foundation
import TestSupport
import Testing

/// The OpenAPI Initiative's example specs (`Tests/Corpus/openapi/oai-examples`): each
/// generates without errors into its recorded folder under `Tests/Fixtures/OAIExamples`, which
/// the package compiles as a target.
@Suite struct OAIExamplesSnapshotTests {
    @Test(arguments: [
        ("v3.0/api-with-examples.yaml", "OAI30ApiWithExamples"),
        ("v3.0/callback-example.yaml", "OAI30CallbackExample"),
        ("v3.0/link-example.yaml", "OAI30LinkExample"),
        ("v3.0/petstore-expanded.yaml", "OAI30PetstoreExpanded"),
        ("v3.0/petstore.yaml", "OAI30Petstore"),
        ("v3.0/uspto.yaml", "OAI30Uspto"),
        ("v3.1/non-oauth-scopes.yaml", "OAI31NonOauthScopes"),
        ("v3.1/webhook-example.yaml", "OAI31WebhookExample"),
    ])
    func exampleGeneratesItsRecordedOutput(example: String, module: String) throws {
        let spec = TestPaths.corpus.appendingPathComponent("openapi/oai-examples/\(example)")
        let output = "Tests/Fixtures/OAIExamples/\(module)"
        let result = try Generator.generate(GeneratorConfig(
            specPath: spec.path, moduleName: module, outputPath: TestPaths.packageRoot.appendingPathComponent(output).path))
        try SnapshotAssertion.assertMatches(result, committed: URL(fileURLWithPath: result.outputPath),
                                            regenerate: "swift run api-bindgen generate Tests/Corpus/openapi/oai-examples/\(example) --output \(output) --module \(module)")
    }
}
