@testable import BindgenCore
import Foundation
import TestSupport
import Testing

/// The Hostile fixture (compiled, and checked for injected declarations, by HostileFixtureTests)
/// is what its spec gives, and no spec text reaches its code outside comments and string literals.
@Suite struct HostileSnapshotTests {
    static let spec = "Tests/Fixtures/Hostile/openapi.yaml"

    @Test func hostileFixtureMatchesItsSpec() throws {
        let output = "Tests/Fixtures/Hostile/Generated"
        let result = try Generator.generate(GeneratorConfig(
            specPath: TestPaths.packageRoot.appendingPathComponent(Self.spec).path, moduleName: "HostileFixture",
            outputPath: TestPaths.packageRoot.appendingPathComponent(output).path))
        try SnapshotAssertion.assertMatches(result, committed: URL(fileURLWithPath: result.outputPath),
                                            regenerate: "swift run api-bindgen generate \(Self.spec) --output \(output) --module HostileFixture")
        // A schema named `main` is in a file SwiftPM does not take for an executable's entry point.
        #expect(result.files.contains { $0.path == "Models/Main+Type.swift" })
        #expect(!result.files.contains { $0.path.split(separator: "/").last!.lowercased() == "main.swift" })
    }

    /// The fixture spec under a hostile file name and module name: every file's text has no line
    /// break but `\n` and no control or bidi character, and the payload `func evilN` / `let evilN`
    /// appears only inside comments and string literals.
    @Test func noSpecTextBecomesCode() throws {
        let folder = try TestPaths.temporaryFolder()
        let hostileName = "open\rapi\u{2028}public func evilFileName() -> Int { 5 }\u{202E}.yaml"
        let copy = folder.appendingPathComponent(hostileName)
        try FileManager.default.copyItem(at: TestPaths.packageRoot.appendingPathComponent(Self.spec), to: copy)
        let payloads = try Self.payloadNames() + ["evilFileName", "evilModule"]
        #expect(payloads.count >= 30)
        for layout in [OutputLayout.filePerType, .singleFile("Hostile.swift")] {
            var config = GeneratorConfig(specPath: copy.path, moduleName: "Hostile\r\npublic func evilModule() -> Int { 5 }",
                                         outputPath: folder.appendingPathComponent("out").path)
            config.layout = layout
            let result = try Generator.generate(config)
            var seenInComments: Set<String> = []
            for file in result.files {
                let bad = file.contents.unicodeScalars.filter { $0 != "\n" && SourceText.kind($0) != .plain }
                #expect(bad.isEmpty, "\(file.path) has \(bad.map { String($0.value, radix: 16) })")
                for line in file.contents.split(separator: "\n") {
                    let code = SwiftSourceScan.code(of: String(line))
                    for name in payloads where line.contains("func \(name)") || line.contains("let \(name) ") {
                        #expect(!code.contains(name), "\(file.path): spec text became code: \(line)")
                        seenInComments.insert(name)
                    }
                }
            }
            // The payloads did reach the output (as comment text), so the check above looked at them.
            #expect(seenInComments.isSuperset(of: ["evil1", "evil9", "evil13", "evil25", "evil36", "evilFileName"]), "\(seenInComments.sorted())")
            if case .filePerType = layout {
                #expect(seenInComments.contains("evilModule"))
                let manifest = try #require(result.files.first { $0.path == Generator.manifestFileName })
                #expect(manifest.contents.contains(#"// spec: open api public func evilFileName() -> Int { 5 }\u{202e}.yaml sha256:"#))
                #expect(manifest.contents.contains("// module: Hostile public func evilModule() -> Int { 5 } accessLevel: public"))
            }
        }
    }

    /// `evilN` for every `func evilN` / `let evilN` payload in the fixture spec.
    static func payloadNames() throws -> [String] {
        let text = try String(contentsOf: TestPaths.packageRoot.appendingPathComponent(spec), encoding: .utf8)
        let regex = try NSRegularExpression(pattern: #"(?:func|let) (evil[0-9]+)"#)
        return Array(Set(regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).map {
            String(text[Range($0.range(at: 1), in: text)!])
        })).sorted()
    }
}
