import BindingRuntime
import Foundation
import TestSupport
import HostileFixture
import Testing

/// The Hostile fixture (Tests/Fixtures/Hostile): spec text with every kind of line break,
/// control and bidi character, quotes, backslashes and `\(` in every place it reaches the code,
/// and names that are Swift keywords or the runtime's own type names. Its generated module is a
/// target of this package (so it compiles), and here it is compiled again warning-free, its
/// symbols are listed, and consumer code proves that no injected `evilN` was declared.
@Suite struct HostileFixtureTests {
    static let root = TestPaths.packageRoot
    static let generated = root.appendingPathComponent("Tests/Fixtures/Hostile/Generated")

    @Test func keywordAndReservedNamesWorkAtRunTime() throws {
        var value = Keywords(self2: "s", class: "c", self3: "S", type: "t", default: "d", init2: "i", `inout`: "io", async: "a", hashValue2: "h")
        value.choice = .self2
        value.count = .`init`
        let data = try JSONCoding.encoder().encode(value)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["self"] as? String == "s" && object["Self"] as? String == "S" && object["class"] as? String == "c")
        #expect(object["Type"] as? String == "t" && object["init"] as? String == "i" && object["hashValue"] as? String == "h")
        #expect(object["choice"] as? String == "self" && object["count"] as? Int == -1)
        let decoded = try JSONCoding.decoder(timeZone: TimeZone(identifier: "UTC")!).decode(Keywords.self, from: data)
        #expect(decoded == value)
        #expect(Choice(rawValue: "allCases") == .allCases2 && Choice(rawValue: "unknown") == .unknown2 && Choice(rawValue: "Self") == .self3)
        #expect(Choice.allCases.count == 16 && Choice.allCases.contains(.allCases2))
        #expect(Choice.nul.rawValue == "nul\0" && Choice.publicFuncEvil31Int5.rawValue == "\r\npublic func evil31() -> Int { 5 }")
        #expect(Choice.xEvil30.rawValue == #"x\(evil30())"# && Choice.aB.rawValue == "a\"b" && Choice.unnamed2.rawValue == "\u{202E}\u{2066}")
        let node = Node(self2: Node(default: Node()))
        #expect(node.self2?.default == Node())
        #expect(throws: ValidationErrors.self) { try Keywords(self2: "s", class: "c", evilPublicFuncEvil26Int5: "").validate() }
    }

    @Test func compilesWarningFreeAndNothingInjectedIsDeclared() throws {
        let modules = try Self.modulesFolder()
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let sources = try FileManager.default.subpathsOfDirectory(atPath: Self.generated.path)
            .filter { $0.hasSuffix(".swift") }.sorted().map { Self.generated.appendingPathComponent($0).path }
        #expect(sources.count >= 30)
        let common = ["-parse-as-library", "-swift-version", "6", "-module-name", "HostileFixture", "-I", modules.path,
                      "-module-cache-path", work.appendingPathComponent("cache").path]

        // 1. The generated module type-checks with every warning an error.
        let check = try Self.swiftc(common + ["-typecheck", "-warnings-as-errors"] + sources)
        #expect(check.status == 0, "the Hostile module does not compile warning-free:\n\(check.output)")
        #expect(!check.output.contains("warning:"), "\(check.output)")

        // 2. Its symbols, members included: no injected name among them (and the legitimate ones are there).
        let graphs = work.appendingPathComponent("graphs")
        try FileManager.default.createDirectory(at: graphs, withIntermediateDirectories: true)
        let emit = try Self.swiftc(common + ["-emit-module", "-emit-module-path", work.appendingPathComponent("HostileFixture.swiftmodule").path,
                                             "-emit-symbol-graph", "-emit-symbol-graph-dir", graphs.path,
                                             "-symbol-graph-minimum-access-level", "private"] + sources)
        #expect(emit.status == 0, "\(emit.output)")
        var symbols: Set<String> = []
        for file in try FileManager.default.contentsOfDirectory(atPath: graphs.path) where file.hasSuffix(".symbols.json") {
            let json = try JSONSerialization.jsonObject(with: Data(contentsOf: graphs.appendingPathComponent(file))) as? [String: Any]
            for symbol in json?["symbols"] as? [[String: Any]] ?? [] {
                if let last = (symbol["pathComponents"] as? [String])?.last {
                    symbols.insert(String(last.prefix { $0 != "(" }))
                }
            }
        }
        #expect(symbols.isSuperset(of: ["Keywords", "self2", "class", "Main", "Choice", "allCases2", "evilPublicFuncEvil11Int5", "TimeZoneModel"]),
                "the symbol graph misses known symbols: \(symbols.count) read")
        let payloads = try Self.payloadNames()
        #expect(payloads.count >= 30)
        let injected = symbols.filter { $0.range(of: #"^evil[0-9]+$"#, options: .regularExpression) != nil }
        #expect(injected.isEmpty, "spec text declared: \(injected.sorted())")

        // 3. Consumers: one referring to every injected name must fail with exactly "cannot find" for
        //    each; the control, referring to legitimate names in every position, must compile.
        let consumerFlags = ["-parse-as-library", "-swift-version", "6", "-typecheck", "-I", work.path, "-I", modules.path,
                             "-module-cache-path", work.appendingPathComponent("cache").path]
        let evil = work.appendingPathComponent("Evil.swift")
        try ("import HostileFixture\n\nfunc probe() {\n" + payloads.map { "    _ = \($0)\n" }.joined() + "}\n").write(to: evil, atomically: true, encoding: .utf8)
        let evilResult = try Self.swiftc(consumerFlags + [evil.path])
        #expect(evilResult.status != 0, "a consumer referring to the injected names compiles: something declared itself")
        for name in payloads {
            #expect(evilResult.output.contains("cannot find '\(name)' in scope"), "\(name) is not reported missing:\n\(evilResult.output)")
        }
        let errors = evilResult.output.split(separator: "\n").filter { $0.contains("error:") && !$0.contains("cannot find 'evil") }
        #expect(errors.isEmpty, "unexpected errors (the consumer setup is broken): \(errors)")

        let control = work.appendingPathComponent("Control.swift")
        try Self.controlConsumer.write(to: control, atomically: true, encoding: .utf8)
        let controlResult = try Self.swiftc(consumerFlags + ["-warnings-as-errors", control.path])
        #expect(controlResult.status == 0, "the control consumer does not compile:\n\(controlResult.output)")
    }

    /// Uses the fixture's keyword- and reserved-named declarations in every position.
    static let controlConsumer = """
        import BindingRuntime
        import Foundation
        import HostileFixture

        func probe() async throws {
            var keywords = Keywords(self2: "a", class: "b", type: "t", default: "d", `inout`: "i", let: "l", var: "v", async: "a", await: "w", actor: "x")
            keywords.self3 = keywords.self2
            keywords.default = keywords.class
            _ = (keywords.inout, keywords.let, keywords.var, keywords.subscript, keywords.deinit, keywords.some, keywords.any, keywords.none)
            _ = (keywords.nested?.type, keywords.nested?.string, keywords.string, keywords.allCases, keywords.rawValue, keywords.validationSchema)
            _ = (Choice.self2, Choice.self3, Choice.allCases2, Choice.unknown2, Choice.default, Choice.`init`, Choice.none, Choice.some, Choice.allCases)
            _ = (Count.self2, Count.`init`, Count.evilPublicFuncEvil34Int5)
            _ = Node(self2: Node(), default: nil).self2
            _ = (Main(name: "m"), Class(), TypeModel(), SelfModel(), ProtocolModel(), CodingKeysModel(), SchemasModel(), IndirectModel())
            _ = (ValidatableModel(), ValidationSchemaModel(), ClientCoreModel(), TimeZoneModel(), URLSessionTransportModel(), JSONValueModel())
            _ = (DateTimeFormatModel(), URIEncodingModel(), HasherModel(), HostileFixtureClient2(), EvilPublicFuncEvil36Int5())
            let text: StringModel = "ab"
            _ = text
            _ = Keywords.validationSchema
            let client = HostileFixtureClient(self2: "key", `inout`: "token", timeZone2: HTTPBasicCredentials(username: "u", password: "p"))
            _ = (client.self2, client.inout, client.timeZone2)
            try await client.`init`(body: Main())
            _ = try await client.self2(type: .self2, actor: Date(), some: UUID())
            _ = try await client.v1.default()
        }
        """

    /// `evilN` for every `func evilN` / `let evilN` payload in the fixture spec.
    static func payloadNames() throws -> [String] {
        let text = try String(contentsOf: root.appendingPathComponent("Tests/Fixtures/Hostile/openapi.yaml"), encoding: .utf8)
        let regex = try NSRegularExpression(pattern: #"(?:func|let) (evil[0-9]+)"#)
        return Array(Set(regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).map {
            String(text[Range($0.range(at: 1), in: text)!])
        })).sorted()
    }

    /// The build's module folder (holding `BindingRuntime.swiftmodule`), found from the test
    /// executable's location (`.build/<triple>/debug/…`).
    static func modulesFolder() throws -> URL {
        var starts = [URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath(), Bundle.main.bundleURL.resolvingSymlinksInPath()]
        starts.append(root.appendingPathComponent(".build/debug/x").resolvingSymlinksInPath())
        for start in starts {
            var folder = start.deletingLastPathComponent()
            for _ in 0..<5 {
                for candidate in [folder.appendingPathComponent("Modules"), folder] {
                    if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("BindingRuntime.swiftmodule").path) { return candidate }
                }
                folder = folder.deletingLastPathComponent()
            }
        }
        throw ModulesNotFound(description: "no BindingRuntime.swiftmodule near \(starts.map(\.path))")
    }

    struct ModulesNotFound: Error, CustomStringConvertible { var description: String }

    /// Runs `swiftc` (from PATH) and returns its exit status and combined output.
    static func swiftc(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["swiftc"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
