@testable import BindgenCore
import Foundation
import TestSupport
import Testing

/// The Swift surface and the renderers cannot disagree: for each fixture, every declaration the
/// surface lists (type members and initializers, the client's initializers and credentials,
/// every operation method, and the headers structs and body enums operations declare) appears
/// verbatim in the generated files, as often as the surface lists it (wrapped parameter lists
/// joined back onto one line).
@Suite struct SurfaceAgreementTests {
    /// (spec path under the package root, module name); the EnergyCAP config folder is loaded as `generate` does.
    static let fixtures: [(spec: String, module: String)] = [
        ("Tests/Fixtures/Hostile/openapi.yaml", "HostileFixture"),
        ("Tests/Fixtures/Recursive/openapi.yaml", "RecursiveFixture"),
        ("Tests/Fixtures/Requests/openapi.yaml", "RequestsFixture"),
        ("Tests/Fixtures/Responses/responses.yaml", "ResponsesFixture"),
        ("Tests/Fixtures/Unions/openapi.yaml", "UnionsFixture"),
        ("Tests/ValidationCorpus/openapi-3.0.yaml", "ValidationCorpus30"),
        ("Tests/ValidationCorpus/openapi-3.1.yaml", "ValidationCorpus31"),
        ("Tests/Corpus/energycap/energycap-sdk-8.2309.openapi.yaml", "EnergyCAPFull"),
        // Nested types shadowing top-level ones: module-qualified payloads (`Stripe.Customer`).
        ("Tests/Corpus/openapi/large/stripe-spec3-2023-08-16.yaml", "Stripe"),
    ]

    @Test(arguments: fixtures.map(\.spec))
    func everySurfaceDeclarationIsRendered(spec: String) throws {
        let module = try #require(Self.fixtures.first { $0.spec == spec }).module
        let result = try Generator.generate(GeneratorConfig(
            specPath: TestPaths.packageRoot.appendingPathComponent(spec).path, moduleName: module, outputPath: "/nonexistent"))
        try Self.expectAgreement(result)
    }

    @Test func energyCAPSurfaceIsRendered() throws {
        let config = try GeneratorConfig.load(folder: TestPaths.packageRoot.appendingPathComponent("Specs/EnergyCAP").path)
        try Self.expectAgreement(Generator.generate(config))
    }

    static func expectAgreement(_ result: Generator.Result, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let surface = SwiftSurface(module: result.module)
        var rendered: [String: Int] = [:]
        for file in result.files {
            for line in unwrappedDeclarations(file.contents) { rendered[line, default: 0] += 1 }
        }
        let expected = expectedLines(surface, access: result.module.accessLevel == .internal ? "" : result.module.accessLevel.rawValue + " ")
        #expect(expected.count > 0, sourceLocation: sourceLocation)
        var needed: [String: Int] = [:]
        for line in expected { needed[line, default: 0] += 1 }
        let missing = needed.filter { rendered[$0.key, default: 0] < $0.value }.map(\.key).sorted()
        #expect(missing.isEmpty, "declarations the surface lists but the files lack: \(missing.prefix(20))", sourceLocation: sourceLocation)
    }

    /// Every declaration line the surface stands for, with the access modifier.
    static func expectedLines(_ surface: SwiftSurface, access: String) -> [String] {
        var lines: [String] = []
        let operations = surface.client.groups.flatMap(\.operations)
        for type in surface.types + operations.flatMap(\.ownTypes) {
            switch type.kind {
            case .structure: lines += type.members.map { "\(access)var \($0.declaration)" }
            case .enumeration, .union: lines += type.members.map { "case \($0.caseDeclaration)" }
            case .alias: lines.append("\(access)typealias \(type.name) = \(type.aliasTarget ?? "")")
            }
            if let initializer = type.initializer { lines.append(access + initializer.declaration) }
        }
        let client = surface.client
        lines += client.credentials.map { "\(access)var \(Naming.escaped($0.name)): \($0.type)?" }
        lines += [client.initializer, client.designatedInitializer].map { access + $0.declaration }
        for operation in operations {
            let signatures = [operation.call, operation.response, operation.dataBodyCall, operation.pages, operation.stream, operation.events]
            lines += signatures.compactMap { $0 }.map { access + $0.declaration }
        }
        return lines
    }

    /// The file's lines, trimmed, without a trailing ` {`; a parameter list `SwiftWriter` wrapped
    /// one parameter a line is joined back (`func f(` … `) async throws -> T {` → `func f(a: A, b: B) async throws -> T`).
    static func unwrappedDeclarations(_ text: String) -> [String] {
        var result: [String] = []
        var pending: (head: String, parameters: [String])?
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasSuffix(" {") { line.removeLast(2) }
            if var open = pending {
                if line.hasPrefix(")") {
                    result.append(open.head + open.parameters.joined(separator: ", ") + line)
                    pending = nil
                } else {
                    open.parameters.append(line.hasSuffix(",") ? String(line.dropLast()) : line)
                    pending = open
                }
            } else if line.hasSuffix("("), !line.hasPrefix("//") {
                pending = (line, [])
            } else {
                result.append(line)
            }
        }
        return result
    }

    @Test func signaturesSpellTheirDeclarations() {
        let call = SurfaceSignature.method("getItem", [
            SurfaceParameter(name: "id", type: "Int"), .omittable("trace", type: "String"),
            SurfaceParameter(name: "default", type: "Bool", defaultValue: "false"),
        ], result: "Item?")
        #expect(call.declaration == "func getItem(id: Int, trace: String? = nil, `default`: Bool = false) async throws -> Item?")
        #expect(call.parameters.map(\.isRequired) == [true, false, false])
        let pages = SurfaceSignature.method("listPages", [], isAsync: false, isThrowing: false, result: "PageSequence<Page>")
        #expect(pages.declaration == "func listPages() -> PageSequence<Page>")
        #expect(SurfaceSignature.method("delete", [], result: nil).declaration == "func delete() async throws")
        #expect(SurfaceSignature.initializer([SurfaceParameter(name: "map", type: "[String: Int]", defaultValue: "[:]")]).declaration
                == "init(map: [String: Int] = [:])")
    }
}
