import BindgenCore
import Foundation
import TestSupport
import Testing

/// API version bumps, as fixture spec pairs: `Tests/Fixtures/Bumps/base` and one bumped spec per
/// case. Each side's generated output is recorded beside its spec (and compiled as a package
/// target); the test asserts exactly which generated files a bump adds, changes and removes.
@Suite struct VersionBumpTests {
    static let folder = TestPaths.packageRoot.appendingPathComponent("Tests/Fixtures/Bumps")

    struct Change: Equatable, CustomStringConvertible {
        var added: [String] = []
        var changed: [String] = []
        var removed: [String] = []
        var description: String { "added \(added), changed \(changed), removed \(removed)" }
    }

    static func generate(_ fixture: String) throws -> Generator.Result {
        let result = try Generator.generate(GeneratorConfig(
            specPath: folder.appendingPathComponent("\(fixture)/openapi.yaml").path, moduleName: "Bump",
            outputPath: folder.appendingPathComponent("\(fixture)/Generated").path))
        try SnapshotAssertion.assertMatches(result, committed: URL(fileURLWithPath: result.outputPath), regenerate:
            "swift run api-bindgen generate Tests/Fixtures/Bumps/\(fixture)/openapi.yaml --output Tests/Fixtures/Bumps/\(fixture)/Generated --module Bump")
        return result
    }

    /// What the bump does to the generated files, the manifest aside.
    static func change(from before: Generator.Result, to after: Generator.Result) -> Change {
        let old = Dictionary(uniqueKeysWithValues: before.files.map { ($0.path, $0.contents) })
        let new = Dictionary(uniqueKeysWithValues: after.files.map { ($0.path, $0.contents) })
        var change = Change()
        for (path, contents) in new.sorted(by: { $0.key < $1.key }) where path != Generator.manifestFileName {
            if let previous = old[path] {
                if previous != contents { change.changed.append(path) }
            } else {
                change.added.append(path)
            }
        }
        change.removed = old.keys.filter { new[$0] == nil }.sorted()
        return change
    }

    @Test(arguments: [
        ("new-version", Change(added: ["Client/BumpClient+V202406.swift", "Client/V202406/V202406+AssignDataAccessRelease.swift"])),
        ("new-optional-property", Change(changed: ["Models/DataAccessReleaseRequest.swift"])),
        ("new-required-property", Change(changed: ["Models/DataAccessReleaseRequest.swift"])),
        ("added-enum-value", Change(changed: ["Models/DataAccessReleaseStatusID.swift"])),
        ("removed-operation", Change(removed: ["Client/V202203/V202203+GetDataAccessReleaseState.swift"])),
    ])
    func bumpChangesExactlyTheseFiles(fixture: String, expected: Change) throws {
        let base = try Self.generate("base")
        let bumped = try Self.generate(fixture)
        #expect(Self.change(from: base, to: bumped) == expected)
        // The manifest always records the new spec's digest.
        #expect(base.files.first { $0.path == Generator.manifestFileName } != bumped.files.first { $0.path == Generator.manifestFileName })
    }

    @Test func aNewVersionLeavesEveryExistingFileByteIdentical() throws {
        let base = try Self.generate("base")
        let bumped = try Self.generate("new-version")
        let new = Dictionary(uniqueKeysWithValues: bumped.files.map { ($0.path, $0.contents) })
        for file in base.files where file.path != Generator.manifestFileName {
            #expect(new[file.path] == file.contents, "\(file.path) changed")
        }
        // Shared schemas are generated once: the new version uses the existing request and state types.
        let operation = try #require(new["Client/V202406/V202406+AssignDataAccessRelease.swift"])
        #expect(operation.contains("body: DataAccessReleaseRequest\n    ) async throws -> DataAccessReleaseState"))
    }
}
