import Foundation

/// Brings an output folder in line with a set of generated files.
///
/// - Only files whose text differs are rewritten (each through a temporary file and a rename).
/// - Files the previous manifest listed that are no longer generated are removed; files the
///   generator never owned are left alone.
/// - The manifest is written last.
public struct OutputWriter {
    public struct Plan: Equatable, Sendable {
        /// New or changed files.
        public var writes: [GeneratedFile]
        /// Paths of owned files that are no longer generated.
        public var removals: [String]

        public init(writes: [GeneratedFile], removals: [String]) {
            self.writes = writes
            self.removals = removals
        }

        public var isEmpty: Bool { writes.isEmpty && removals.isEmpty }

        /// Paths that differ from what the spec gives, sorted.
        public var stalePaths: [String] { (writes.map(\.path) + removals).sorted() }
    }

    public let directory: String

    public init(directory: String) {
        self.directory = directory
    }

    /// Compares the files with the folder's contents; changes nothing.
    public func plan(_ files: [GeneratedFile]) -> Plan {
        let fileManager = FileManager.default
        var writes: [GeneratedFile] = []
        for file in files {
            let existing = fileManager.contents(atPath: path(file.path))
            if existing != Data(file.contents.utf8) { writes.append(file) }
        }
        let produced = Set(files.map(\.path))
        var removals: [String] = []
        if let manifest = fileManager.contents(atPath: path(Generator.manifestFileName)) {
            for owned in Generator.ownedFiles(inManifest: String(decoding: manifest, as: UTF8.self))
            where !produced.contains(owned) && fileManager.fileExists(atPath: path(owned)) {
                removals.append(owned)
            }
        }
        return Plan(writes: writes, removals: removals.sorted())
    }

    /// Applies a plan. - Throws: file system errors (the message names the path).
    public func apply(_ plan: Plan) throws {
        let fileManager = FileManager.default
        let manifestLast = plan.writes.filter { $0.path != Generator.manifestFileName } + plan.writes.filter { $0.path == Generator.manifestFileName }
        for file in manifestLast {
            let target = path(file.path)
            try fileManager.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            let temporary = target + ".api-bindgen-tmp"
            try Self.write(file.contents, to: temporary)
            // rename(2) replaces the target atomically.
            guard rename(temporary, target) == 0 else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: target])
            }
        }
        for removal in plan.removals {
            try fileManager.removeItem(atPath: path(removal))
            removeEmptyParents(of: removal)
        }
    }

    /// Writes with plain POSIX calls: Foundation's `Data.write` syncs every file to disk, which
    /// made writing the 1,744 files of a large API take longer than generating them.
    private static func write(_ text: String, to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path]) }
        defer { close(descriptor) }
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { buffer in
                Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            }
            guard written > 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path]) }
            offset += written
        }
    }

    private func removeEmptyParents(of relativePath: String) {
        var folder = (relativePath as NSString).deletingLastPathComponent
        while !folder.isEmpty, let contents = try? FileManager.default.contentsOfDirectory(atPath: path(folder)), contents.isEmpty {
            try? FileManager.default.removeItem(atPath: path(folder))
            folder = (folder as NSString).deletingLastPathComponent
        }
    }

    private func path(_ relative: String) -> String {
        (directory as NSString).appendingPathComponent(relative)
    }
}
