import Foundation
import TestSupport
import Testing

/// The `api-bindgen` executable as a user runs it: exit codes, diagnostics, what it writes.
@Suite struct GenerateCommandTests {
    static let packageRoot = TestPaths.packageRoot

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// A built executable of this package (`api-bindgen`, `api-bindgen-plugin-tool`), next to the test bundle.
    static func executable(named name: String = "api-bindgen") -> URL {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent(name)
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        return Bundle.allBundles.map { $0.bundleURL.deletingLastPathComponent().appendingPathComponent(name) }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? beside
    }

    static func run(_ arguments: [String], in folder: URL, executable name: String = "api-bindgen") throws -> Run {
        let process = Process()
        process.executableURL = executable(named: name)
        process.arguments = arguments
        process.currentDirectoryURL = folder
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// A temporary project: `Specs/EnergyCAP` copied, and `Generated/EnergyCAP` generated from it.
    static func makeProject() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("api-bindgen-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("Specs"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("Specs/EnergyCAP"), to: folder.appendingPathComponent("Specs/EnergyCAP"))
        let run = try run(["generate", "Specs/EnergyCAP"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        return folder
    }

    /// Path → (contents, modification date) of every file under `folder`.
    static func snapshot(_ folder: URL) throws -> [String: (Data, Date)] {
        var result: [String: (Data, Date)] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        while let path = enumerator?.nextObject() as? String {
            let url = folder.appendingPathComponent(path)
            let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
            guard attributes[.type] as? FileAttributeType == .typeRegular else { continue }
            result[path] = (try Data(contentsOf: url), attributes[.modificationDate] as! Date)
        }
        return result
    }

    static func expectUnchanged(_ before: [String: (Data, Date)], _ after: [String: (Data, Date)]) {
        #expect(before.keys.sorted() == after.keys.sorted())
        for (path, value) in before {
            #expect(after[path]?.0 == value.0, "\(path) changed")
            #expect(after[path]?.1 == value.1, "\(path) was rewritten")
        }
    }

    static let spec = "Specs/EnergyCAP/energycap.openapi.yaml"

    /// Replaces `old` in the project's spec; returns the 1-based line where `new` starts.
    @discardableResult
    static func edit(_ project: URL, replacing old: String, with new: String) throws -> Int {
        let url = project.appendingPathComponent(spec)
        let text = try String(contentsOf: url, encoding: .utf8)
        let range = try #require(text.range(of: old), "spec lacks \(old)")
        let edited = text.replacingCharacters(in: range, with: new)
        try edited.write(to: url, atomically: true, encoding: .utf8)
        return text[..<range.lowerBound].filter { $0 == "\n" }.count + 1
    }

    @Test func yamlSyntaxErrorIsLocatedAndWritesNothing() throws {
        let project = try Self.makeProject()
        let before = try Self.snapshot(project.appendingPathComponent("Generated"))
        let line = try Self.edit(project, replacing: "  title: EnergyCAP\n", with: "  title: [EnergyCAP\n")
        let run = try Self.run(["generate", "Specs/EnergyCAP"], in: project)
        #expect(run.status == 2)
        // libyaml reports the unclosed flow sequence where it gives up, after `line`.
        let match = run.stderr.range(of: #"Specs/EnergyCAP/energycap\.openapi\.yaml:(\d+):(\d+): error: "#, options: .regularExpression)
        #expect(match != nil, "\(run.stderr)")
        if let match {
            let reported = Int(run.stderr[match].split(separator: ":")[1])!
            #expect(reported >= line && reported <= line + 2, "reported line \(reported), edit at \(line): \(run.stderr)")
        }
        Self.expectUnchanged(before, try Self.snapshot(project.appendingPathComponent("Generated")))
    }

    @Test func missingRequiredFieldIsLocatedAndWritesNothing() throws {
        let project = try Self.makeProject()
        let before = try Self.snapshot(project.appendingPathComponent("Generated"))
        // The GET operation loses its required `responses`; the error points at the operation.
        let old = """
                  operationId: GetDataAccessReleaseStateV202203
                  parameters:
                    - $ref: '#/components/parameters/MeterId'
                  responses:
                    '200':
                      description: The request succeeded and the response body contains the requested data.
                      content:
                        application/json:
                          schema:
                            $ref: '#/components/schemas/DataAccessReleaseState'
                    '400': { $ref: '#/components/responses/BadRequest' }
                    '401': { $ref: '#/components/responses/Unauthorized' }
                    '403': { $ref: '#/components/responses/Forbidden' }
                    '404': { $ref: '#/components/responses/NotFound' }

            """
        let text = try String(contentsOf: project.appendingPathComponent(Self.spec), encoding: .utf8)
        let operationLine = text.components(separatedBy: "\n").firstIndex { $0.contains("summary: Get the data access release state") }!  // 0-based index of `summary:` = 1-based line of the operation's first key, `tags:`
        try Self.edit(project, replacing: old, with: "      operationId: GetDataAccessReleaseStateV202203\n")
        let run = try Self.run(["generate", "Specs/EnergyCAP"], in: project)
        #expect(run.status == 2)
        #expect(run.stderr.contains("\(Self.spec):\(operationLine):7: error: an Operation Object is missing the required field 'responses'"), "\(run.stderr)")
        #expect(run.stderr.contains("/paths/~1api~1v202203~1utilityPlatform~1meter~1{meterId}~1dataAccessReleaseState/get"), "\(run.stderr)")
        Self.expectUnchanged(before, try Self.snapshot(project.appendingPathComponent("Generated")))
    }

    @Test func unresolvableReferenceIsLocatedAndWritesNothing() throws {
        let project = try Self.makeProject()
        let before = try Self.snapshot(project.appendingPathComponent("Generated"))
        let line = try Self.edit(project, replacing: "          $ref: '#/components/schemas/DataAccessReleaseStatus'\n",
                                 with: "          $ref: '#/components/schemas/DataAccessReleaseStatusV2'\n")
        let run = try Self.run(["generate", "Specs/EnergyCAP"], in: project)
        #expect(run.status == 2)
        #expect(run.stderr.contains("\(Self.spec):\(line):17: error: unresolvable reference '#/components/schemas/DataAccessReleaseStatusV2'"), "\(run.stderr)")
        Self.expectUnchanged(before, try Self.snapshot(project.appendingPathComponent("Generated")))
    }

    @Test func checkNamesStaleFilesAndRegenerationRewritesOnlyThose() throws {
        let project = try Self.makeProject()
        let generated = project.appendingPathComponent("Generated")
        #expect(try Self.run(["generate", "Specs/EnergyCAP", "--check"], in: project).status == 0)

        try Self.edit(project, replacing: "        serviceAddress:\n          type: string\n          description: The service address on the bill.\n",
                      with: "        serviceAddress:\n          type: string\n          description: The service address on the bill.\n        utilityName:\n          type: string\n")
        let before = try Self.snapshot(generated)
        let check = try Self.run(["generate", "Specs/EnergyCAP", "--check"], in: project)
        #expect(check.status == 1)
        #expect(check.stderr.contains("Generated/EnergyCAP/Models/DataAccessReleaseRequest.swift: error: stale"), "\(check.stderr)")
        #expect(check.stderr.contains("Generated/EnergyCAP/APIBindgenManifest.swift: error: stale"), "\(check.stderr)")
        #expect(!check.stderr.contains("DataAccessReleaseState.swift"), "\(check.stderr)")
        Self.expectUnchanged(before, try Self.snapshot(generated))

        Thread.sleep(forTimeInterval: 0.01)
        let regenerate = try Self.run(["generate", "Specs/EnergyCAP"], in: project)
        #expect(regenerate.status == 0)
        let after = try Self.snapshot(generated)
        for (path, value) in before {
            let changed = path.hasSuffix("DataAccessReleaseRequest.swift") || path.hasSuffix("APIBindgenManifest.swift")
            #expect((after[path]?.1 != value.1) == changed, "\(path): rewritten \(after[path]?.1 != value.1), expected \(changed)")
        }
        #expect(String(decoding: after["EnergyCAP/Models/DataAccessReleaseRequest.swift"]!.0, as: UTF8.self).contains("public var utilityName: String?"))
        #expect(try Self.run(["generate", "Specs/EnergyCAP", "--check"], in: project).status == 0)
    }

    @Test func filesNoLongerGeneratedAreRemovedButForeignFilesStay() throws {
        let project = try Self.makeProject()
        let output = project.appendingPathComponent("Generated/EnergyCAP")
        try "// mine\n".write(to: output.appendingPathComponent("Notes.swift"), atomically: true, encoding: .utf8)
        let text = try String(contentsOf: project.appendingPathComponent(Self.spec), encoding: .utf8)
        let start = try #require(text.range(of: "  /api/v202105/fileStore/"))
        let end = try #require(text.range(of: "components:\n"))
        try (String(text[..<start.lowerBound]) + String(text[end.lowerBound...])).write(to: project.appendingPathComponent(Self.spec), atomically: true, encoding: .utf8)
        let run = try Self.run(["generate", "Specs/EnergyCAP"], in: project)
        #expect(run.status == 0, "\(run.stderr)")
        let files = try Self.snapshot(output).keys
        #expect(!files.contains("Client/V202105/V202105+UploadFile.swift"))
        #expect(!files.contains("Client/EnergyCAPClient+V202105.swift"))
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("Client/V202105").path))
        #expect(files.contains("Notes.swift"))
        #expect(files.contains("Client/V202203/V202203+AssignDataAccessRelease.swift"))
    }

    @Test func singleSpecFileNeedsNoConfig() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("api-bindgen-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.packageRoot.appendingPathComponent(Self.spec), to: folder.appendingPathComponent("api.yaml"))
        let run = try Self.run(["generate", "api.yaml", "--output", "Out", "--module", "Energy", "--access-level", "package"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        let client = try String(contentsOf: folder.appendingPathComponent("Out/Client/EnergyClient.swift"), encoding: .utf8)
        #expect(client.contains("package nonisolated struct EnergyClient: Sendable"))
        let defaults = try Self.run(["generate", "api.yaml"], in: folder)
        #expect(defaults.status == 0, "\(defaults.stderr)")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("Generated/EnergyCAP/Client/EnergyCAPClient.swift").path))
    }

    @Test func usageErrorsExitTwo() throws {
        let folder = Self.packageRoot
        #expect(try Self.run(["generate"], in: folder).status == 2)
        #expect(try Self.run(["generate", "Specs/EnergyCAP", "--access-level", "open"], in: folder).status == 2)
        #expect(try Self.run(["generate", "no/such/spec.yaml"], in: folder).status == 2)
        #expect(try Self.run(["--help"], in: folder).status == 0)
    }

    @Test func patternsThatAreNotECMA262AreLocatedErrors() throws {
        let project = try Self.makeProject()
        let before = try Self.snapshot(project.appendingPathComponent("Generated"))
        let line = try Self.edit(project, replacing: "          pattern: '^2[0-9]{11}$'\n", with: "          pattern: '^2(?i)[0-9]{11}$'\n")
        let run = try Self.run(["generate", "Specs/EnergyCAP"], in: project)
        #expect(run.status == 2)
        #expect(run.stderr.contains("\(Self.spec):\(line):20: error: pattern '^2(?i)[0-9]{11}$': unsupported group syntax"), "\(run.stderr)")
        #expect(run.stderr.contains("(at /components/schemas/DataAccessReleaseRequest/properties/accountNumber/pattern)"), "\(run.stderr)")
        Self.expectUnchanged(before, try Self.snapshot(project.appendingPathComponent("Generated")))
    }

    @Test func diffAgainstGitWithFormatsAndFailOn() throws {
        let project = try Self.makeProject()
        func git(_ arguments: String...) throws {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["git", "-c", "user.email=t@example.com", "-c", "user.name=T"] + arguments
            process.currentDirectoryURL = project
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
        }
        try git("init", "-q")
        try git("add", "Specs")
        try git("commit", "-qm", "spec")
        try Self.edit(project, replacing: "required: [accountNumber, nameOnBill, serviceAddress]",
                      with: "required: [accountNumber, nameOnBill, serviceAddress, declined]")
        let old = "git:HEAD:\(Self.spec)"

        let github = try Self.run(["diff", old, Self.spec, "--format", "github", "--fail-on", "breaking"], in: project)
        #expect(github.status == 1, "\(github.stderr)")
        #expect(github.stdout.contains("::error file=\(Self.spec),line="), "\(github.stdout)")
        #expect(github.stdout.contains("title=wire request-property-became-required::POST /api/v202203/utilityPlatform/meter/{meterId}/release"))

        let json = try Self.run(["diff", old, Self.spec, "--format", "json"], in: project)
        #expect(json.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(object?["version"] as? Int == 1)
        #expect((object?["summary"] as? [String: Int])?["breaking"] == 3)  // the wire change, and the init argument and property types
        let first = (object?["changes"] as? [[String: Any]])?.first
        #expect(first?["rule"] as? String == "request-property-became-required")
        #expect(first?["line"] as? Int != nil && first?["file"] as? String == Self.spec)

        let markdown = try Self.run(["diff", old, Self.spec, "--format", "markdown"], in: project)
        #expect(markdown.stdout.hasPrefix("## API changes: `\(old)` → `\(Self.spec)`"))
        #expect(markdown.stdout.contains("### For Swift callers of the generated bindings"))

        let same = try Self.run(["diff", old, "Specs/EnergyCAP", "--fail-on", "warning"], in: project)
        #expect(same.status == 1)  // the folder form reads the same edited spec
        let unchanged = try Self.run(["diff", Self.spec, Self.spec, "--fail-on", "warning"], in: project)
        #expect(unchanged.status == 0)
        #expect(unchanged.stdout.contains("0 breaking, 0 warning, 0 info"))
        #expect(try Self.run(["diff", "git:HEAD:no/such.yaml", Self.spec], in: project).status == 2)
        #expect(try Self.run(["diff", old, Self.spec, "--format", "xml"], in: project).status == 2)
    }

    @Test func explainNamesListsRenamedWireNamesWithReasonsAndLocations() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("api-bindgen-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.packageRoot.appendingPathComponent("Tests/Fixtures/Names/openapi.yaml"),
                                         to: folder.appendingPathComponent("names.yaml"))
        let run = try Self.run(["generate", "names.yaml", "--output", "Out", "--explain-names"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n").map(String.init)
        func line(_ prefix: String) -> String? { lines.first { $0.hasPrefix(prefix) } }
        #expect(line("names.yaml:67:9: note: property 'first_name' → Person.firstName4: collides with 'firstName', 'FirstName', 'first-name'")?
                    .hasSuffix("(at /components/schemas/Person/properties/first_name)") == true, "\(run.stdout)")
        #expect(line("names.yaml:52:20: note: enum case '-1' → Sign._1_2: ")?.contains("collides with '+1'") == true, "\(run.stdout)")
        #expect(line("names.yaml:70:9: note: property 'über' → Person.uber: transliterated (ü → u)") != nil, "\(run.stdout)")
        #expect(line("names.yaml:57:5: note: type '名前' → U540D_u524D: letters without a Latin form spelt by code point") != nil, "\(run.stdout)")
        #expect(line("names.yaml:58:5: note: type 'Error' → ErrorModel: `Error` is a name generated code uses unqualified") != nil, "\(run.stdout)")
        #expect(line("names.yaml:74:9: note: property 'default' → Person.`default`: a Swift keyword, written with backticks") != nil, "\(run.stdout)")
        #expect(line("names.yaml:24:5: note: method 'getList' → getList2: no operationId: derived from GET /list") != nil, "\(run.stdout)")
        #expect(line("names.yaml:42:5: note: file 'Models/Abc.swift' → Models/Abc2.swift: ") != nil, "\(run.stdout)")
        // Routine recasing is not listed: `firstName` keeps its name, `time` too.
        #expect(!run.stdout.contains("'firstName' →") && !run.stdout.contains("'time' →"), "\(run.stdout)")
        #expect(lines.contains("25 name(s) differ from their wire names beyond recasing"), "\(run.stdout)")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("Out/Models/Abc2.swift").path))

        // Without the flag nothing is listed; a collision-free spec lists nothing.
        let quiet = try Self.run(["generate", "names.yaml", "--output", "Out"], in: folder)
        #expect(quiet.status == 0 && !quiet.stdout.contains("note:"), "\(quiet.stdout)")
        let energy = try Self.run(["generate", Self.spec, "--output", folder.appendingPathComponent("E").path, "--explain-names"], in: Self.packageRoot)
        #expect(energy.stdout.hasPrefix("0 name(s) differ"), "\(energy.stdout)")
    }

    @Test func duplicateOperationIDsAreLocatedErrorsAndWriteNothing() throws {
        let project = try Self.makeProject()
        let before = try Self.snapshot(project.appendingPathComponent("Generated"))
        let line = try Self.edit(project, replacing: "      operationId: GetDataAccessReleaseStateV202203\n",
                                 with: "      operationId: AssignDataAccessReleaseV202203\n")
        let run = try Self.run(["generate", "Specs/EnergyCAP"], in: project)
        #expect(run.status == 2)
        #expect(run.stderr.contains("\(Self.spec):\(line):20: error: operationId 'AssignDataAccessReleaseV202203' is already used by POST "), "\(run.stderr)")
        Self.expectUnchanged(before, try Self.snapshot(project.appendingPathComponent("Generated")))
    }
}
