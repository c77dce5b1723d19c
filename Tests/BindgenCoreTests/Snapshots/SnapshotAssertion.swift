import BindgenCore
import Foundation
import TestSupport
import Testing

/// Compares what a spec generates with a committed folder, file by file.
///
/// With `API_BINDGEN_RECORD=1` in the environment the folder is re-recorded instead (review the
/// result with `git diff`). On a mismatch the issue shows `diff -ru` and how to regenerate.
enum SnapshotAssertion {
    static var isRecording: Bool { ProcessInfo.processInfo.environment["API_BINDGEN_RECORD"] == "1" }

    static func assertMatches(_ result: Generator.Result, committed: URL, regenerate command: String,
                              sourceLocation: SourceLocation = #_sourceLocation) throws {
        if isRecording {
            let writer = OutputWriter(directory: committed.path)
            try writer.apply(writer.plan(result.files))
            Issue.record("API_BINDGEN_RECORD=1: re-recorded \(committed.path); review with `git diff` and run the tests again without it",
                         sourceLocation: sourceLocation)
            return
        }
        let onDisk = TestPaths.files(under: committed)
        var differing = Set(onDisk).symmetricDifference(result.files.map(\.path))
        for file in result.files where (try? String(contentsOf: committed.appendingPathComponent(file.path), encoding: .utf8)) != file.contents {
            differing.insert(file.path)
        }
        guard !differing.isEmpty else { return }
        let fresh = try TestPaths.temporaryFolder()
        try OutputWriter(directory: fresh.path).apply(OutputWriter.Plan(writes: result.files, removals: []))
        Issue.record("""
            \(committed.path) is not what the spec gives; differing files: \(differing.sorted().joined(separator: ", ")).
            Regenerate with `\(command)` (or API_BINDGEN_RECORD=1 swift test) and review `git diff`.
            \(TestPaths.unifiedDiff(committed.path, fresh.path))
            """, sourceLocation: sourceLocation)
    }
}
