import Foundation
import TestSupport
import Testing

/// `api-bindgen-plugin-tool`, the generator APIBindgenPlugin runs at build time: the same output as
/// `api-bindgen generate --single-file`, the same diagnostics, and nothing written on bad input.
@Suite struct PluginToolTests {
    typealias CLI = GenerateCommandTests
    static let tool = "api-bindgen-plugin-tool"

    @Test func writesTheFileTheCLIWritesWithSingleFile() throws {
        let project = try CLI.makeProject()
        defer { try? FileManager.default.removeItem(at: project) }
        let viaTool = try CLI.run(["Specs/EnergyCAP", "Tool", "EnergyCAP", "APIBindings.swift"], in: project, executable: Self.tool)
        #expect(viaTool.status == 0, "\(viaTool.stderr)")
        let viaCLI = try CLI.run(["generate", "Specs/EnergyCAP", "--output", "CLI", "--module", "EnergyCAP", "--single-file", "APIBindings.swift"], in: project)
        #expect(viaCLI.status == 0, "\(viaCLI.stderr)")
        let written = try FileManager.default.contentsOfDirectory(atPath: project.appendingPathComponent("Tool").path)
        #expect(written == ["APIBindings.swift"])
        let tool = try Data(contentsOf: project.appendingPathComponent("Tool/APIBindings.swift"))
        let cli = try Data(contentsOf: project.appendingPathComponent("CLI/APIBindings.swift"))
        #expect(tool == cli)
        #expect(String(decoding: tool, as: UTF8.self).contains("public nonisolated struct DataAccessReleaseRequest: Codable"))
    }

    @Test func aBrokenSpecGivesItsLineAndColumnAndWritesNothing() throws {
        let project = try CLI.makeProject()
        defer { try? FileManager.default.removeItem(at: project) }
        let line = try CLI.edit(project, replacing: "openapi: 3.0.3", with: "openapi: [3.0.3")
        let run = try CLI.run(["Specs/EnergyCAP", "Out", "EnergyCAP", "APIBindings.swift"], in: project, executable: Self.tool)
        #expect(run.status == 2)
        // libyaml reports the unclosed flow sequence where it gives up: the next line, column 5.
        #expect(run.stderr.hasPrefix("Specs/EnergyCAP/energycap.openapi.yaml:\(line + 1):5: error: did not find expected ',' or ']'"), "\(run.stderr)")
        #expect(run.stderr.contains("error: nothing was written"))
        #expect(!FileManager.default.fileExists(atPath: project.appendingPathComponent("Out").path))
    }

    @Test func anyOtherArgumentListIsAUsageError() throws {
        let run = try CLI.run(["generate", "Specs/EnergyCAP"], in: CLI.packageRoot, executable: Self.tool)
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("usage: api-bindgen-plugin-tool <spec folder> <output folder> <module> <file name>"))
    }
}
