import Foundation
import OpenAPIModel

/// Reads a spec's files from one revision of the current directory's git repository
/// (`git show REV:path`), for `api-bindgen diff git:REV:path`. Paths are the repository's; a
/// symbolic link is not followed (git shows its target text, which does not parse as a spec).
struct GitSpecReader: SpecFileReader {
    var revision: String
    /// `git:REV:` before the path, as diagnostics name the files.
    var label: String { "git:\(revision):" }

    func read(_ path: String) -> Result<[UInt8], SpecFileError> {
        let repositoryPath = path.hasPrefix(label) ? String(path.dropFirst(label.count)) : path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "show", "\(revision):\(repositoryPath)"]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        do {
            try process.run()
        } catch {
            return .failure(SpecFileError("cannot run git: \(error)"))
        }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            return .failure(SpecFileError("git show failed: \(message.trimmingCharacters(in: .whitespacesAndNewlines))"))
        }
        return .success(Array(data))
    }

    /// Lexical: the revision's tree has no links to resolve here; `/` marks the repository root.
    func canonicalPath(_ path: String) -> String? {
        let repositoryPath = path.hasPrefix(label) ? String(path.dropFirst(label.count)) : path
        return "/" + repositoryPath
    }
}
