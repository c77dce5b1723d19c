import Foundation
import Testing

/// `generate --check` and `diff` follow every file of a spec split into several.
@Suite struct MultiFileCommandTests {
    /// The MultiFile fixture's spec files copied into a new folder, generated once.
    static func makeProject() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("api-bindgen-multifile-\(UUID().uuidString)")
        let source = GenerateCommandTests.packageRoot.appendingPathComponent("Tests/Fixtures/MultiFile")
        for file in ["openapi.yaml", "common.yaml", "paths/pets.yaml", "schemas/pet.yaml"] {
            let target = folder.appendingPathComponent("spec/\(file)")
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: source.appendingPathComponent(file), to: target)
        }
        let run = try GenerateCommandTests.run(["generate", "spec/openapi.yaml", "--output", "Out", "--module", "Pets"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        return folder
    }

    @Test func checkNoticesAChangeInTheSecondFile() throws {
        let project = try Self.makeProject()
        defer { try? FileManager.default.removeItem(at: project) }
        let clean = try GenerateCommandTests.run(["generate", "spec/openapi.yaml", "--output", "Out", "--module", "Pets", "--check"], in: project)
        #expect(clean.status == 0, "\(clean.stderr)")
        // A comment only: the generated code stays the same, the manifest's SHA-256 of common.yaml does not.
        let common = project.appendingPathComponent("spec/common.yaml")
        try (try String(contentsOf: common, encoding: .utf8) + "# edited\n").write(to: common, atomically: true, encoding: .utf8)
        let stale = try GenerateCommandTests.run(["generate", "spec/openapi.yaml", "--output", "Out", "--module", "Pets", "--check"], in: project)
        #expect(stale.status == 1)
        #expect(stale.stdout.contains("APIBindgenManifest.swift") || stale.stderr.contains("APIBindgenManifest.swift"), "\(stale.stdout)\(stale.stderr)")
    }

    @Test func errorsInTheSecondFileAreLocatedThere() throws {
        let project = try Self.makeProject()
        defer { try? FileManager.default.removeItem(at: project) }
        let pet = project.appendingPathComponent("spec/schemas/pet.yaml")
        let text = try String(contentsOf: pet, encoding: .utf8)
        try text.replacingOccurrences(of: "    minLength: 1", with: "    minLength: many").write(to: pet, atomically: true, encoding: .utf8)
        let line = text.components(separatedBy: "\n").firstIndex(of: "    minLength: 1")! + 1
        let run = try GenerateCommandTests.run(["generate", "spec/openapi.yaml", "--output", "Out", "--module", "Pets"], in: project)
        #expect(run.status == 2)
        #expect(run.stderr.contains("spec/schemas/pet.yaml:\(line):"), "\(run.stderr)")
    }

    @Test func diffFollowsTheOtherFiles() throws {
        let project = try Self.makeProject()
        defer { try? FileManager.default.removeItem(at: project) }
        let old = project.appendingPathComponent("old")
        try FileManager.default.copyItem(at: project.appendingPathComponent("spec"), to: old)
        let pet = project.appendingPathComponent("spec/schemas/pet.yaml")
        let text = try String(contentsOf: pet, encoding: .utf8)
        try text.replacingOccurrences(of: "required: [id, name, password, price]", with: "required: [id, name, password, price, status]")
            .write(to: pet, atomically: true, encoding: .utf8)
        let run = try GenerateCommandTests.run(["diff", "old/openapi.yaml", "spec/openapi.yaml"], in: project)
        #expect(run.stdout.contains("status"), "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("pet.yaml"), "\(run.stdout)")
    }
}
