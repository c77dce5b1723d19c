import Foundation
import Testing

/// Issue 9, findings 3, 4 and 7, through the executable: `generate` and `diff X X` on hostile
/// specs exit with status 2 and a located `file:line:column: error:`, never a signal (a stack
/// overflow or a trap would end the child process, not the test runner).
@Suite struct HostileInputCommandTests {
    static let fixtures = GenerateCommandTests.packageRoot.appendingPathComponent("Tests/Fixtures/HostileInputs")

    struct Outcome {
        var signalled: Bool
        var status: Int32
        var stderr: String
        var seconds: Double
    }

    static func run(_ arguments: [String]) throws -> Outcome {
        let process = Process()
        process.executableURL = GenerateCommandTests.executable()
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let start = Date()
        try process.run()
        _ = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(signalled: process.terminationReason == .uncaughtSignal, status: process.terminationStatus,
                       stderr: String(decoding: stderr, as: UTF8.self), seconds: Date().timeIntervalSince(start))
    }

    static let header = "openapi: 3.0.3\ninfo: {title: Hostile, version: \"1\"}\npaths: {}\ncomponents:\n  schemas:\n"

    /// The built inputs: too repetitive to keep as files.
    static func built() -> [(String, String)] {
        let items = String(repeating: "{items: ", count: 650) + "{type: string}" + String(repeating: "}", count: 650)
        let not = String(repeating: "{not: ", count: 700) + "{type: string}" + String(repeating: "}", count: 700)
        let pattern = String(repeating: "(", count: 40_000) + "a" + String(repeating: ")", count: 40_000)
        var chain = header
        for index in 0..<10_000 { chain += "    C\(index): {$ref: '#/components/schemas/C\(index + 1)'}\n" }
        chain += "    C10000: {type: string}\n"
        return [
            ("items-650.yaml", header + "    A: \(items)\n"),
            ("not-700.yaml", header + "    A: \(not)\n"),
            ("pattern-40000.yaml", header + "    A: {type: string, pattern: '\(pattern)'}\n"),
            ("chain-10000.yaml", chain),
        ]
    }

    static let failing = [
        "pointer-self.yaml", "pointer-items.yaml", "pointer-two-properties.yaml", "pointer-allof.yaml", "component-self.yaml",
        "number-huge.yaml", "number-tiny.yaml", "number-nan.yaml", "number-inf.yaml",
        "alias-laughs.yaml", "pointer-laughs.yaml", "rules-laughs.yaml",
    ]

    @Test func hostileSpecsEndInALocatedErrorNotASignal() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("api-bindgen-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var specs = Self.failing.map { Self.fixtures.appendingPathComponent($0).path }
        for (name, text) in Self.built() {
            let path = folder.appendingPathComponent(name).path
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            specs.append(path)
        }
        for spec in specs {
            let name = (spec as NSString).lastPathComponent
            for arguments in [["generate", spec, "--output", folder.appendingPathComponent("out").path], ["diff", spec, spec]] {
                let outcome = try Self.run(arguments)
                #expect(!outcome.signalled, "\(arguments[0]) \(name): signal \(outcome.status)")
                #expect(outcome.status == 2, "\(arguments[0]) \(name): status \(outcome.status)\n\(outcome.stderr.prefix(300))")
                let located = outcome.stderr.split(separator: "\n").first { $0.hasPrefix(spec + ":") && $0.contains(": error: ") }
                #expect(located != nil, "\(arguments[0]) \(name): \(outcome.stderr.prefix(300))")
                // A hang guard only (the work is bounded by counted limits); 14 s was seen under CI load.
                #expect(outcome.seconds < 60, "\(arguments[0]) \(name): \(outcome.seconds) s")
            }
        }
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path), "nothing was written")
    }

    @Test func serverURLsAreCheckedByGenerate() throws {
        for fixture in ["server-not-a-url.yaml", "server-variables-cross.yaml"] {
            let spec = Self.fixtures.appendingPathComponent(fixture).path
            var outputs: Set<String> = []
            for _ in 0..<5 {
                let outcome = try Self.run(["generate", spec, "--output", "/nonexistent/out"])
                #expect(!outcome.signalled)
                #expect(outcome.status == 2)
                #expect(outcome.stderr.hasPrefix(spec + ":"), "\(outcome.stderr)")
                outputs.insert(outcome.stderr)
            }
            // Each run has its own hash seed: substitution must not depend on dictionary order.
            #expect(outputs.count == 1, "\(outputs)")
        }
    }
}
