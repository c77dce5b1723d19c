import BindgenCore
import Foundation
import TestSupport
import OpenAPIModel
import Testing

/// Large real specs generate without errors, and everything the generator cannot express yet is
/// a located warning. (Compiling the whole EnergyCAP output is `Scripts/compile-generated.sh`,
/// which `Scripts/test` runs; speed is measured in `Benchmarks/`, not here.)
@Suite struct ScaleTests {
    static func generate(_ path: String, module: String) throws -> Generator.Result {
        try Generator.generate(GeneratorConfig(specPath: TestPaths.corpus.appendingPathComponent(path).path, moduleName: module,
                                               outputPath: "/nonexistent/\(module)"))
    }

    @Test func wholeEnergyCAPShapeGenerates() throws {
        let result = try Self.generate("energycap/energycap-sdk-8.2309.openapi.yaml", module: "EnergyCAPFull")
        let operations = result.module.client.groups.flatMap(\.operations)
        #expect(operations.count == 728)
        #expect(result.module.client.groups.compactMap(\.version).count == 23,
                "versions: \(result.module.client.groups.map { $0.version ?? "-" })")
        #expect(result.module.types.count == 990)
        #expect(result.files.filter { $0.path.hasPrefix("Client/") && $0.path.contains("+") }.count >= 728)
        #expect(result.warnings.allSatisfy { $0.mark != nil && $0.severity == .warning })
        #expect(result.warnings.count < 10, "\(result.warnings.prefix(10))")
        // Operation files are unique module-wide (SwiftPM names object files after them).
        let names = result.files.map { ($0.path as NSString).lastPathComponent }
        #expect(Set(names).count == names.count)
    }

    @Test(arguments: [("openapi/large/stripe-spec3-2023-08-16.yaml", "Stripe"), ("openapi/large/openai-openapi.yaml", "OpenAI")])
    func largeSpecsGenerateWithLocatedWarnings(path: String, module: String) throws {
        let result = try Self.generate(path, module: module)
        #expect(result.files.count > 500)
        #expect(result.warnings.allSatisfy { $0.mark != nil && $0.severity == .warning && $0.description.contains(".yaml:") })
    }
}
