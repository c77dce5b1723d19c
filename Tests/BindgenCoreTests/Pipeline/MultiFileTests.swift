@testable import BindgenCore
import Foundation
import TestSupport
import OpenAPIModel
import Testing
import YAMLParsing

/// Specs split into several files: the fixture's output, and diagnostics that name the file and
/// line of the problem in whichever file it is.
@Suite struct MultiFileTests {
    @Test func multiFileFixtureMatchesItsSpec() throws {
        let spec = "Tests/Fixtures/MultiFile/openapi.yaml", output = "Tests/Fixtures/MultiFile/Generated"
        let result = try Generator.generate(GeneratorConfig(
            specPath: TestPaths.packageRoot.appendingPathComponent(spec).path, moduleName: "MultiFileFixture",
            outputPath: TestPaths.packageRoot.appendingPathComponent(output).path))
        try SnapshotAssertion.assertMatches(result, committed: URL(fileURLWithPath: result.outputPath),
                                            regenerate: "swift run api-bindgen generate \(spec) --output \(output) --module MultiFileFixture")
        // The other files are named in the manifest with their SHA-256.
        let manifest = try #require(result.files.first { $0.path == Generator.manifestFileName }).contents
        for file in ["common.yaml", "paths/pets.yaml", "schemas/pet.yaml"] {
            let bytes = try Data(contentsOf: TestPaths.packageRoot.appendingPathComponent("Tests/Fixtures/MultiFile/\(file)"))
            #expect(manifest.contains("// input: \(file) sha256:\(SHA256.hexDigest(Array(bytes)))"), "\(file)")
        }
        // Names: the root component taking the other file's schema in place, the whole-file schema, a hoisted one.
        #expect(Set(result.module.types.map(\.name)).isSuperset(of: ["Money", "Pet", "Problem", "Labels"]))
        let pet = try #require(result.module.types.first { $0.name == "Pet" })
        #expect(pet.additionalProperties == AdditionalPropertiesMap(name: "additionalProperties", valueType: .json))
        let money = try #require(result.module.types.first { $0.name == "Money" })
        #expect(money.additionalProperties?.valueType == .double)
        // Doc comments name the file each schema was written in, relative to the root file.
        let references = Dictionary(uniqueKeysWithValues: result.module.types.map { ($0.name, $0.sourceReference) })
        #expect(references["Money"] == "common.yaml#/components/schemas/Money")
        #expect(references["Pet"] == "schemas/pet.yaml")
        #expect(references["Labels"] == "#/components/schemas/Labels")
    }

    /// Writes `files` into a new folder and loads `openapi.yaml` from it.
    static func load(_ files: [String: String]) throws -> (folder: URL, result: Result<OpenAPIDocument, DiagnosticsError>) {
        let folder = try TestPaths.temporaryFolder()
        for (path, text) in files {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        let root = folder.appendingPathComponent("spec/openapi.yaml").path
        do {
            return (folder, .success(try OpenAPIDocument.load(file: root, reader: FileSystemSpecReader()).document))
        } catch {
            return (folder, .failure(error))
        }
    }

    static let rootSpec = """
        openapi: 3.0.3
        info: {title: T, version: '1'}
        paths:
          /things:
            get:
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema:
                        $ref: 'common.yaml#/components/schemas/Thing'

        """

    static func errors(_ result: Result<OpenAPIDocument, DiagnosticsError>) -> [Diagnostic] {
        guard case .failure(let error) = result else { Issue.record("expected an error"); return [] }
        return error.diagnostics.filter { $0.severity == .error }
    }

    @Test func anErrorInTheSecondFileNamesThatFileAndLine() throws {
        let (folder, result) = try Self.load([
            "spec/openapi.yaml": Self.rootSpec,
            "spec/common.yaml": """
                components:
                  schemas:
                    Thing:
                      type: object
                      properties:
                        name:
                          type: string
                          minLength: -1

                """,
        ])
        let errors = Self.errors(result)
        #expect(errors.count == 1)
        let error = try #require(errors.first)
        #expect(error.file == folder.appendingPathComponent("spec/common.yaml").path)
        #expect(error.mark?.line == 8)
        #expect(error.pointer == "/components/schemas/Thing/properties/name/minLength")
        #expect(error.description.contains("common.yaml:8:"))
    }

    @Test func aYAMLErrorInTheSecondFileNamesThatFileAndLine() throws {
        let (folder, result) = try Self.load([
            "spec/openapi.yaml": Self.rootSpec,
            "spec/common.yaml": "components:\n  schemas:\n    Thing: {type: object\n",
        ])
        let error = try #require(Self.errors(result).first)
        #expect(error.file == folder.appendingPathComponent("spec/common.yaml").path)
        #expect((error.mark?.line ?? 0) >= 3)
    }

    @Test func aMissingPointerInTheSecondFileIsLocatedAtTheReference() throws {
        let (folder, result) = try Self.load([
            "spec/openapi.yaml": Self.rootSpec,
            "spec/common.yaml": "components:\n  schemas:\n    Other: {type: object}\n",
        ])
        let error = try #require(Self.errors(result).first)
        #expect(error.file == folder.appendingPathComponent("spec/openapi.yaml").path)
        #expect(error.mark?.line == 12)
        #expect(error.message.contains("no value at /components/schemas/Thing"))
    }

    @Test func remoteReferencesAreNotFetched() throws {
        let (_, result) = try Self.load([
            "spec/openapi.yaml": Self.rootSpec.replacingOccurrences(of: "common.yaml#", with: "https://example.com/common.yaml#"),
        ])
        let error = try #require(Self.errors(result).first)
        #expect(error.message.contains("remote reference 'https://example.com/common.yaml#/components/schemas/Thing' is not fetched"))
        #expect(error.mark?.line == 12)
    }

    @Test func filesOutsideTheSpecFolderAreNotRead() throws {
        let outside = "components:\n  schemas:\n    Thing: {type: object}\n"
        let (_, byDots) = try Self.load([
            "spec/openapi.yaml": Self.rootSpec.replacingOccurrences(of: "common.yaml#", with: "../outside.yaml#"),
            "outside.yaml": outside,
        ])
        #expect(Self.errors(byDots).first?.message.contains("leads outside the spec's folder") == true)

        let (folder, _) = try Self.load(["spec/openapi.yaml": Self.rootSpec, "outside.yaml": outside])
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("spec/common.yaml").path,
                                                   withDestinationPath: folder.appendingPathComponent("outside.yaml").path)
        var linked: [Diagnostic] = []
        do {
            _ = try OpenAPIDocument.load(file: folder.appendingPathComponent("spec/openapi.yaml").path, reader: FileSystemSpecReader())
        } catch {
            linked = error.diagnostics
        }
        #expect(linked.first?.message.contains("through a symbolic link") == true, "\(linked)")
    }

    @Test func eachFileIsReadOnceAndSchemaCyclesAcrossFilesWork() throws {
        let (_, result) = try Self.load([
            "spec/openapi.yaml": Self.rootSpec,
            "spec/common.yaml": """
                components:
                  schemas:
                    Thing:
                      type: object
                      properties:
                        part: {$ref: 'parts/part.yaml'}
                        again: {$ref: '#/components/schemas/Thing'}

                """,
            "spec/parts/part.yaml": "type: object\nproperties:\n  owner: {$ref: '../common.yaml#/components/schemas/Thing'}\n  self: {$ref: '#'}\n",
        ])
        guard case .success(let document) = result else { Issue.record("\(result)"); return }
        #expect(document.inputs.map(\.relativePath) == ["openapi.yaml", "common.yaml", "parts/part.yaml"])
        #expect(Set(document.components.schemas.map(\.name)) == ["Thing", "part"])
    }

    @Test func aCycleOfCopiedObjectsAcrossFilesIsAnError() throws {
        let (_, result) = try Self.load([
            "spec/openapi.yaml": "openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths:\n  /a:\n    $ref: a.yaml\n",
            "spec/a.yaml": "$ref: b.yaml\n",
            "spec/b.yaml": "$ref: a.yaml\n",
        ])
        #expect(Self.errors(result).first?.message.contains("reference cycle") == true)
    }
}
