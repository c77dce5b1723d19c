@testable import BindgenCore
import Foundation
import TestSupport
import Testing

/// The parameter labels the translator keeps clear (`ReservedNames.parameterNames`) are the
/// locals the renderer writes: every local an operation method of the committed generated
/// modules declares is in `OperationLocals.names`.
@Suite struct OperationLocalsTests {
    /// `let x =`, `var x:`, `let (x, y) =` at the start of a line inside a method body (indented
    /// eight spaces or more); `if let`, `case let` and `static let` are not matched.
    static func declaredLocals(in code: String) -> [String] {
        guard let match = code.firstMatch(of: /^ {8,}(?:let|var) (\([A-Za-z_, ]+\)|[A-Za-z_][A-Za-z0-9_]*)\s*[=:]/) else { return [] }
        return match.1.filter { !"() ".contains($0) }.split(separator: ",").map(String.init)
    }

    @Test func everyLocalOfAGeneratedOperationIsReserved() throws {
        var seen: Set<String> = []
        for folder in ReservedNamesTests.generatedFolders {
            let url = TestPaths.packageRoot.appendingPathComponent(folder)
            for path in TestPaths.files(under: url) where path.hasPrefix("Client/") && path.hasSuffix(".swift") {
                let text = try String(contentsOf: url.appendingPathComponent(path), encoding: .utf8)
                for line in text.split(separator: "\n") {
                    let locals = Self.declaredLocals(in: SwiftSourceScan.code(of: String(line)))
                    for name in locals where !OperationLocals.names.contains(name) {
                        Issue.record("\(folder)/\(path): local '\(name)' is not in OperationLocals.names, so a parameter may take its name: \(line)")
                    }
                    seen.formUnion(locals)
                }
            }
        }
        // The scan sees the locals every operation has.
        #expect(seen.isSuperset(of: ["operationID", "core", "request", "response", "responseBody"]), "\(seen.sorted())")
        #expect(ReservedNames.parameterNames.isSuperset(of: OperationLocals.names))
    }
}
