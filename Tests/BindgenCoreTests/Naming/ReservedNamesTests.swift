@testable import BindgenCore
import Foundation
import TestSupport
import Testing

/// The reserved-name table cannot go stale: every type name the committed generated modules use
/// is one they declare or one the table reserves, none they declare from a spec is reserved, and
/// every public type of the runtime is reserved.
@Suite struct ReservedNamesTests {
    /// Every committed generated module (EnergyCAP, the fixtures, the validation corpus).
    static let generatedFolders: [String] = {
        let root = TestPaths.packageRoot
        var folders = ["Generated/EnergyCAP", "Tests/Fixtures/Recursive/Generated", "Tests/Fixtures/Hostile/Generated", "Tests/Fixtures/Unions/Generated",
                       "Tests/ValidationCorpus/Generated/ValidationCorpus30", "Tests/ValidationCorpus/Generated/ValidationCorpus31"]
        for group in ["Tests/Fixtures/OAIExamples", "Tests/Fixtures/Bumps"] {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(group).path)) ?? []
            for name in names.sorted() {
                let generated = group.hasSuffix("Bumps") ? "\(group)/\(name)/Generated" : "\(group)/\(name)"
                if FileManager.default.fileExists(atPath: root.appendingPathComponent(generated).appendingPathComponent("APIBindgenManifest.swift").path) {
                    folders.append(generated)
                }
            }
        }
        return folders
    }()

    /// Names the generator declares for itself in every module (not from a spec name).
    static func isGeneratorDeclared(_ name: String) -> Bool {
        name == "CodingKeys" || name == "Schemas" || name.hasSuffix("Client") || name.range(of: #"^V[0-9]+$"#, options: .regularExpression) != nil
    }

    @Test func everyTypeNameTheOutputUsesIsDeclaredOrReserved() throws {
        #expect(Self.generatedFolders.count >= 10)
        var checkedEnergyCAP = false
        for folder in Self.generatedFolders {
            let url = TestPaths.packageRoot.appendingPathComponent(folder)
            var used: Set<String> = []
            var declared: Set<String> = []
            for path in TestPaths.files(under: url) where path.hasSuffix(".swift") {
                let text = try String(contentsOf: url.appendingPathComponent(path), encoding: .utf8)
                for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                    let code = SwiftSourceScan.code(of: String(line))
                    if code.hasPrefix("import ") || code.hasPrefix("@_spi(Generated) import ") { continue }
                    used.formUnion(SwiftSourceScan.typeIdentifiers(in: code))
                    declared.formUnion(SwiftSourceScan.declaredTypes(in: code))
                }
            }
            #expect(!used.isEmpty, "\(folder): no code read")
            let unexplained = used.subtracting(declared).subtracting(ReservedNames.typeNames).subtracting(["Generated"])
            #expect(unexplained.isEmpty, "\(folder) uses type names neither declared nor in ReservedNames.typeNames: \(unexplained.sorted())")
            let shadowing = declared.filter { ReservedNames.typeNames.contains($0) && !Self.isGeneratorDeclared($0) }
            #expect(shadowing.isEmpty, "\(folder) declares reserved names: \(shadowing.sorted())")
            if folder == "Generated/EnergyCAP" {
                checkedEnergyCAP = true
                // The runtime and Foundation names EnergyCAP's output relies on, so the scan is known to see them.
                #expect(used.isSuperset(of: ["ClientCore", "ClientConfiguration", "URLSessionTransport", "TimeZone", "Validatable", "ValidationSchema", "OpenEnumeration"]))
            }
        }
        #expect(checkedEnergyCAP)
    }

    @Test func everyPublicRuntimeTypeIsReserved() throws {
        let folder = TestPaths.packageRoot.appendingPathComponent("Sources/BindingRuntime")
        var names: Set<String> = []
        for path in TestPaths.files(under: folder) where path.hasSuffix(".swift") {
            let text = try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
            // Top-level declarations (nested ones, like `ValidationSchema.Draft`, are reached qualified).
            let regex = try NSRegularExpression(
                pattern: #"^(?:@_spi\(\w+\)\s+)?public\s+(?:final\s+|indirect\s+)*(?:struct|enum|class|protocol|actor|typealias)\s+([A-Za-z_][A-Za-z0-9_]*)"#,
                options: .anchorsMatchLines)
            for match in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                names.insert(String(text[Range(match.range(at: 1), in: text)!]))
            }
        }
        #expect(names.count >= 20 && names.contains("Validatable") && names.contains("ClientCore"))
        #expect(names.subtracting(ReservedNames.typeNames).isEmpty, "runtime types not reserved: \(names.subtracting(ReservedNames.typeNames).sorted())")
        for name in names { #expect(Naming.typeName(name) == name + "Model") }
    }

    /// The Swift Programming Language, "Keywords and Punctuation": keywords used in declarations,
    /// statements, expressions and types, and patterns, are not identifiers without backticks.
    @Test func everyReservedKeywordIsEscaped() {
        let keywords = """
            associatedtype borrowing class consuming deinit enum extension fileprivate func import init inout internal let \
            nonisolated open operator private precedencegroup protocol public rethrows static struct subscript typealias var \
            break case catch continue default defer do else fallthrough for guard if in repeat return switch throw where while \
            Any as await catch false is nil rethrows self Self super throw throws true try _
            """.split(separator: " ").map(String.init)
        for keyword in keywords where !["borrowing", "consuming", "nonisolated"].contains(keyword) {
            #expect(Naming.escaped(keyword) == "`\(keyword)`", "\(keyword)")
        }
        // Contextual keywords are identifiers in every position the generator writes (the Hostile fixture compiles them).
        for word in ["borrowing", "consuming", "nonisolated", "async", "actor", "some", "any", "each", "macro", "isolated", "consume", "get", "set"] {
            #expect(Naming.escaped(word) == word)
        }
        #expect(Naming.argumentLabel("inout") == "`inout`" && Naming.argumentLabel("default") == "default" && Naming.argumentLabel("let") == "let")
    }

    @Test func memberNamesThatCannotBeDeclaredAreTaken() {
        for name in ["self", "Self", "Type", "Protocol"] {
            #expect(ReservedNames.propertyNames.contains(name) && ReservedNames.enumCaseNames.contains(name)
                    && ReservedNames.parameterNames.contains(name) && ReservedNames.operationNames.contains(name)
                    && ReservedNames.credentialNames.contains(name))
        }
        #expect(ReservedNames.enumCaseNames.isSuperset(of: ["allCases", "unknown"]))
        #expect(Naming.overrideTypeName("Validatable") == "ValidatableModel")
        #expect(Naming.overrideTypeName("Fine") == "Fine")
        #expect(Naming.overrideTypeName("a\rpublic func evil() {}") == "APublicFuncEvil")
        #expect(Naming.overrideMemberName("b\r}") == "b")
        #expect(!Naming.isASCIIIdentifier("2x") && !Naming.isASCIIIdentifier("") && !Naming.isASCIIIdentifier("é") && Naming.isASCIIIdentifier("_x2"))
    }

    @Test func noFileIsNamedMain() {
        #expect(SwiftRenderer.sourceFileName("Main") == "Main+Type.swift")
        #expect(SwiftRenderer.sourceFileName("MAIN") == "MAIN+Type.swift")
        #expect(SwiftRenderer.sourceFileName("Mains") == "Mains.swift")
    }
}
