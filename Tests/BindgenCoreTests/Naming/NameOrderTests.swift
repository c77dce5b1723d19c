@testable import BindgenCore
import Foundation
import TestSupport
import OpenAPIModel
import Testing
import YAMLParsing

/// Names do not depend on document order (the findings of issue 10), through the translator.
@Suite struct NameOrderTests {
    static func translate(_ yaml: String, file: String = "test.yaml") throws -> (module: BindingModule, diagnostics: [Diagnostic], names: [NameExplanation]) {
        let (document, _) = try OpenAPIDocument.load(Array(yaml.utf8), file: file)
        return Translator.translateExplainingNames(document, options: .init(moduleName: "Test", specFileName: file))
    }

    static func spec(schemas: String = "", paths: String = "{}") -> String {
        """
        openapi: 3.0.3
        info: { title: Test, version: '1' }
        paths: \(paths)

        """ + (schemas.isEmpty ? "" : "components:\n  schemas:\n" + schemas + "\n")
    }

    static func type(_ module: BindingModule, _ name: String) -> TypeDeclaration? {
        module.types.first { $0.name == name }
    }

    static func cases(_ declaration: TypeDeclaration?) -> [String: String] {
        guard case .enumeration(_, let cases)? = declaration?.kind else { return [:] }
        return Dictionary(uniqueKeysWithValues: cases.map { enumCase in
            if case .string(let raw) = enumCase.rawValue { return (raw, enumCase.name) }
            if case .integer(let raw) = enumCase.rawValue { return (String(raw), enumCase.name) }
            return ("", enumCase.name)
        })
    }

    @Test(arguments: [#"["+1", "-1"]"#, #"["-1", "+1"]"#])
    func signedEnumValuesNameTheSameCasesInEitherOrder(values: String) throws {
        let result = try Self.translate(Self.spec(schemas: "    Sign: { type: string, enum: \(values) }"))
        #expect(Self.cases(Self.type(result.module, "Sign")) == ["+1": "_1", "-1": "_1_2"])
        let explained = result.names.first { $0.wireName == "-1" }
        #expect(explained?.swiftName == "Sign._1_2")
        #expect(explained?.reasons.contains { $0.contains("collides with '+1'") } == true, "\(result.names)")
    }

    @Test func reorderingSchemasKeepsTheObjectItsName() throws {
        let object = "    NullTime: { type: object, properties: { time: { type: string } } }"
        let others = ["    nullTime: { type: string }", "    Null_Time: { type: integer }", "    null-time: { type: boolean }"]
        var seen: Set<[String]> = []
        for order in NamingTests.allOrders([object] + others) {
            let module = try Self.translate(Self.spec(schemas: order.joined(separator: "\n"))).module
            let object = try #require(module.types.first { $0.sourcePointer == "/components/schemas/NullTime" })
            #expect(object.name == "NullTime")
            guard case .structure = object.kind else { Issue.record("NullTime is not a struct"); continue }
            seen.insert(module.types.map { "\($0.sourcePointer) \($0.name)" }.sorted())
        }
        #expect(seen.count == 1, "\(seen)")
        // Exact spelling first, then case-only (`nullTime`), then by bytes among the rest (`N` 0x4E < `n` 0x6E).
        #expect(seen.first?.contains("/components/schemas/Null_Time NullTime3") == true, "\(seen)")
        #expect(seen.first?.contains("/components/schemas/nullTime NullTime2") == true, "\(seen)")
        #expect(seen.first?.contains("/components/schemas/null-time NullTime4") == true, "\(seen)")
    }

    @Test func reorderingPropertiesKeepsFirstName() throws {
        let properties = ["firstName: { type: string }", "first_name: { type: string }", "FirstName: { type: string }", "first-name: { type: string }"]
        for order in NamingTests.allOrders(properties) {
            let schemas = "    Person:\n      type: object\n      properties:\n" + order.map { "        " + $0 }.joined(separator: "\n")
            let module = try Self.translate(Self.spec(schemas: schemas)).module
            guard case .structure(let members)? = Self.type(module, "Person")?.kind else { Issue.record("no Person"); continue }
            let names = Dictionary(uniqueKeysWithValues: members.map { ($0.jsonName, $0.name) })
            #expect(names == ["firstName": "firstName", "FirstName": "firstName2", "first-name": "firstName3", "first_name": "firstName4"])
        }
    }

    @Test(arguments: [false, true])
    func schemasDifferingOnlyInCaseWriteDifferentFiles(reversed: Bool) throws {
        var schemas = ["    Abc: { type: object, properties: { a: { type: string } } }", "    ABC: { type: object, properties: { b: { type: string } } }"]
        if reversed { schemas.reverse() }
        let result = try Self.translate(Self.spec(schemas: schemas.joined(separator: "\n")))
        let (files, renamed) = SwiftRenderer(module: result.module).renderExplainingFileNames()
        let models = files.map(\.path).filter { $0.hasPrefix("Models/A") }
        #expect(models == ["Models/ABC.swift", "Models/Abc2.swift"])
        #expect(Set(files.map { $0.path.lowercased() }).count == files.count)
        #expect(files.first { $0.path == "Models/Abc2.swift" }?.contents.contains("public nonisolated struct Abc:") == true)
        #expect(renamed.map(\.from) == ["Models/Abc.swift"])
    }

    @Test func duplicateOperationIDsAreLocatedErrors() throws {
        let paths = """

          /a:
            get:
              operationId: list
              responses: { '200': { description: ok } }
          /b:
            get:
              operationId: list
              responses: { '200': { description: ok } }
        """
        let result = try Self.translate(Self.spec(paths: paths), file: "dup.yaml")
        let errors = result.diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 1)
        let text = try #require(errors.first).description
        #expect(text.hasPrefix("dup.yaml:10:20: error: operationId 'list' is already used by GET /a (line 6)"), "\(text)")
        #expect(text.contains("/paths/~1b/get/operationId"), "\(text)")
    }

    @Test(arguments: [false, true])
    func anExplicitOperationIDKeepsItsNameOverADerivedOne(reversed: Bool) throws {
        var operations = [
            "  /list:\n    get:\n      responses: { '200': { description: ok } }",  // derived: getList
            "  /items:\n    get:\n      operationId: getList\n      responses: { '200': { description: ok } }",
        ]
        if reversed { operations.reverse() }
        let result = try Self.translate(Self.spec(paths: "\n" + operations.joined(separator: "\n")))
        let methods = Dictionary(uniqueKeysWithValues: result.module.client.groups.flatMap(\.operations).map { ($0.pathTemplate, $0.methodName) })
        #expect(methods == ["/items": "getList", "/list": "getList2"])
        let derived = result.names.first { $0.swiftName == "getList2" }
        #expect(derived?.reasons.contains { $0.hasPrefix("no operationId: derived from GET /list") } == true, "\(result.names)")
    }

    @Test func transliteratedAndFallbackNamesAreExplained() throws {
        let schemas = "    Größe:\n      type: object\n      properties:\n        über: { type: string }\n        名前: { type: string }\n        default: { type: string }"
        let result = try Self.translate(Self.spec(schemas: schemas))
        guard case .structure(let members)? = Self.type(result.module, "Grosse")?.kind else { Issue.record("no Grosse: \(result.module.types.map(\.name))"); return }
        #expect(members.map(\.name) == ["uber", "u540D_u524D", "default"])
        let byWire = Dictionary(uniqueKeysWithValues: result.names.map { ($0.wireName, $0) })
        #expect(byWire["über"]?.reasons == ["transliterated (ü → u)"])
        #expect(byWire["Größe"]?.reasons == ["transliterated (ö → o, ß → ss)"])
        #expect(byWire["名前"]?.reasons.first?.contains("code point") == true)
        #expect(byWire["default"]?.swiftName == "Grosse.`default`")
        #expect(byWire["über"]?.line == 9 && byWire["über"]?.column == 9, "\(String(describing: byWire["über"]))")
        #expect(byWire["über"]?.pointer == "/components/schemas/Größe/properties/über")
    }

    /// `Tests/Fixtures/Names` generates its recorded output (compiled as the `NamesFixture` target).
    @Test func namesFixtureGeneratesItsRecordedOutput() throws {
        let output = "Tests/Fixtures/Names/Generated"
        let result = try Generator.generate(GeneratorConfig(
            specPath: TestPaths.packageRoot.appendingPathComponent("Tests/Fixtures/Names/openapi.yaml").path, moduleName: "NamesFixture",
            outputPath: TestPaths.packageRoot.appendingPathComponent(output).path))
        #expect(result.warnings.isEmpty, "\(result.warnings)")
        try SnapshotAssertion.assertMatches(result, committed: URL(fileURLWithPath: result.outputPath), regenerate:
            "swift run api-bindgen generate Tests/Fixtures/Names/openapi.yaml --output \(output) --module NamesFixture")
        let files = result.files.map(\.path)
        #expect(Set(files.map { $0.lowercased() }).count == files.count, "\(files)")
        #expect(files.contains("Models/ABC.swift") && files.contains("Models/Abc2.swift"))
        let fileNote = result.nameExplanations.first { $0.kind == "file" }
        #expect(fileNote?.wireName == "Models/Abc.swift" && fileNote?.swiftName == "Models/Abc2.swift" && fileNote?.line == 42, "\(String(describing: fileNote))")
    }
}
