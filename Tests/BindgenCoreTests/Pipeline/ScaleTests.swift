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

    /// The per-type and per-operation paths the output holds: a grouped file's `// MARK: - <path>`
    /// members (`FileGrouping`), or the file itself.
    static func memberPaths(_ files: [GeneratedFile]) -> [String] {
        files.flatMap { file in
            let marks = file.contents.split(separator: "\n").filter { $0.hasPrefix("// MARK: - ") }.map { String($0.dropFirst(11)) }
            return marks.isEmpty ? [file.path] : marks
        }
    }

    @Test func wholeEnergyCAPShapeGenerates() throws {
        let result = try Self.generate("energycap/energycap-sdk-8.2309.openapi.yaml", module: "EnergyCAPFull")
        let operations = result.module.client.groups.flatMap(\.operations)
        #expect(operations.count == 728)
        #expect(result.module.client.groups.compactMap(\.version).count == 23,
                "versions: \(result.module.client.groups.map { $0.version ?? "-" })")
        #expect(result.module.types.count == 990)
        let members = Self.memberPaths(result.files)
        #expect(members.filter { $0.hasPrefix("Client/") && $0.split(separator: "/").count == 3 }.count == 728)
        #expect(members.filter { $0.hasPrefix("Models/") }.count == 990 + 1)  // and the `Schemas` namespace
        // Grouped (FileGrouping): 1,744 files written as about a hundred.
        #expect(result.files.count < 200)
        #expect(result.warnings.allSatisfy { $0.mark != nil && $0.severity == .warning })
        #expect(result.warnings.count < 10, "\(result.warnings.prefix(10))")
        // File names are unique module-wide (SwiftPM names object files after them).
        for paths in [result.files.map(\.path), members] {
            let names = paths.map { ($0 as NSString).lastPathComponent }
            #expect(Set(names).count == names.count)
        }
    }

    @Test(arguments: [("openapi/large/stripe-spec3-2023-08-16.yaml", "Stripe"), ("openapi/large/openai-openapi.yaml", "OpenAI")])
    func largeSpecsGenerateWithLocatedWarnings(path: String, module: String) throws {
        let result = try Self.generate(path, module: module)
        let members = Self.memberPaths(result.files)
        #expect(members.count > 1_500)
        // Grouped (FileGrouping), Stripe's long request types kept apart by the line cap.
        #expect(result.files.count * 4 < members.count)
        #expect(result.warnings.allSatisfy { $0.mark != nil && $0.severity == .warning && $0.description.contains(".yaml:") })
    }
}
