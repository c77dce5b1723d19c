import BindgenCore
import Foundation
import TestSupport
import Testing

/// Generating from `Specs/EnergyCAP` gives exactly the committed `Generated/EnergyCAP`.
///
/// To re-record after an intended generator change, run
/// `swift run api-bindgen generate Specs/EnergyCAP` (or `API_BINDGEN_RECORD=1 swift test`)
/// and review the result with `git diff Generated/`.
@Suite struct EnergyCAPSnapshotTests {
    static let specFolder = TestPaths.packageRoot.appendingPathComponent("Specs/EnergyCAP").path

    @Test func generatedFolderMatchesTheSpec() throws {
        let config = try GeneratorConfig.load(folder: Self.specFolder)
        let result = try Generator.generate(config)
        #expect(result.warnings.isEmpty, "\(result.warnings)")
        let committed = URL(fileURLWithPath: result.outputPath)
        #expect(committed.standardizedFileURL.path == TestPaths.packageRoot.appendingPathComponent("Generated/EnergyCAP").standardizedFileURL.path)

        try SnapshotAssertion.assertMatches(result, committed: committed, regenerate: "swift run api-bindgen generate Specs/EnergyCAP")
    }

    @Test func generationIsDeterministic() throws {
        let config = try GeneratorConfig.load(folder: Self.specFolder)
        let first = try Generator.generate(config).files
        let second = try Generator.generate(config).files
        #expect(first == second)
        #expect(first.map(\.path) == first.map(\.path).sorted())
        for file in first {
            #expect(file.contents.hasSuffix("\n") && !file.contents.hasSuffix("\n\n"), "\(file.path) must end with exactly one newline")
            #expect(!file.contents.contains(" \n"), "\(file.path) has trailing whitespace")
            #expect(file.contents.contains("DO NOT EDIT"), "\(file.path) lacks the DO NOT EDIT header")
            #expect(!file.contents.contains(TestPaths.packageRoot.path), "\(file.path) names a machine path")
        }
    }

    @Test func manifestListsFilesAndTheSpecDigest() throws {
        let config = try GeneratorConfig.load(folder: Self.specFolder)
        let result = try Generator.generate(config)
        let manifest = try #require(result.files.first { $0.path == Generator.manifestFileName })
        let spec = try Data(contentsOf: URL(fileURLWithPath: config.specPath))
        // Cross-check the digest with the system's sha256sum.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sha256sum", config.specPath]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let digest = String(output.prefix(64))
        #expect(digest.count == 64 && !spec.isEmpty)
        #expect(manifest.contents.contains("// spec: energycap.openapi.yaml sha256:\(digest)"))
        for file in result.files where file.path != Generator.manifestFileName {
            #expect(manifest.contents.contains("// file: \(file.path)\n"))
        }
    }
}
