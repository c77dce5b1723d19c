import Foundation
import YAMLParsing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The file-system layer under `OutputWriter`: every call works relative to an open directory
/// (`openat(2)`, `fstatat(2)`, `mkdirat(2)`, `linkat(2)`, `renameat(2)`, …) and never follows a
/// symbolic link in the output tree (`O_NOFOLLOW`, `AT_SYMLINK_NOFOLLOW`), so a link planted
/// anywhere below the output folder is seen as a link and never written through.
///
/// File names are bytes (`FileName`), compared exactly: Swift's `String` equality is Unicode
/// canonical equivalence, under which two different names on disk can compare equal.
typealias FileName = [UInt8]

enum OutputTree {
    /// Folders nested deeper than this in an output folder are an error (the walks recurse, and a
    /// hostile repository could nest folders until the stack overflows).
    static let maximumDepth = 128

    // MARK: - The existing tree

    /// One entry of an existing output folder, as `fstatat(2)` with `AT_SYMLINK_NOFOLLOW` gives it.
    final class DiskNode {
        enum Kind: Equatable { case directory, regular, symlink, other }
        let kind: Kind
        /// Permission bits (`st_mode & 07777`).
        let permissions: mode_t
        let size: Int
        let owner: uid_t
        let group: gid_t
        var children: [FileName: DiskNode] = [:]

        init(_ info: stat) {
            switch info.st_mode & S_IFMT {
            case S_IFDIR: kind = .directory
            case S_IFREG: kind = .regular
            case S_IFLNK: kind = .symlink
            default: kind = .other
            }
            permissions = info.st_mode & 0o7777
            size = Int(info.st_size)
            owner = info.st_uid
            group = info.st_gid
        }

        /// The node at `components` below this one, if every component exists and each but the
        /// last is a directory.
        func node(at components: [FileName]) -> DiskNode? {
            var node = self
            for component in components {
                guard node.kind == .directory, let child = node.children[component] else { return nil }
                node = child
            }
            return node
        }
    }

    /// The whole tree under the directory open as `descriptor`, without following links.
    ///
    /// - Throws: `DiagnosticsError` when a folder cannot be read, is nested deeper than
    ///   `maximumDepth`, or is a mount point (its `st_dev` differs: its files could not be
    ///   carried into the new tree by `link(2)`, which fails with `EXDEV` across file systems).
    static func scan(_ descriptor: Int32, display: String) throws(DiagnosticsError) -> DiskNode {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw failure(display, "cannot read the folder") }
        let root = DiskNode(info)
        try scanChildren(of: root, descriptor: descriptor, device: info.st_dev, display: display, depth: 0)
        return root
    }

    private static func scanChildren(of node: DiskNode, descriptor: Int32, device: dev_t, display: String, depth: Int) throws(DiagnosticsError) {
        guard depth < maximumDepth else { throw failure(display, "folders are nested deeper than \(maximumDepth) levels", code: 0) }
        for name in try names(in: descriptor, display: display) {
            var info = stat()
            guard fstatat(descriptor, name.cString, &info, AT_SYMLINK_NOFOLLOW) == 0 else {
                throw failure(join(display, name), "cannot read")
            }
            let child = DiskNode(info)
            node.children[name] = child
            guard child.kind == .directory else { continue }
            guard info.st_dev == device else {
                throw failure(join(display, name), "is a mount point; the output folder must be one file system", code: 0)
            }
            let childDescriptor = openat(descriptor, name.cString, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            guard childDescriptor >= 0 else { throw failure(join(display, name), "cannot open the folder") }
            defer { close(childDescriptor) }
            try scanChildren(of: child, descriptor: childDescriptor, device: device, display: join(display, name), depth: depth + 1)
        }
    }

    /// The names in a directory, without `.` and `..`, sorted bytewise.
    static func names(in descriptor: Int32, display: String) throws(DiagnosticsError) -> [FileName] {
        let copy = dup(descriptor)
        guard copy >= 0, let stream = fdopendir(copy) else {
            if copy >= 0 { close(copy) }
            throw failure(display, "cannot list the folder")
        }
        defer { closedir(stream) }
        rewinddir(stream)
        var result: [FileName] = []
        while true {
            errno = 0
            guard let entry = readdir(stream) else {
                if errno != 0 { throw failure(display, "cannot list the folder") }
                break
            }
            let name: FileName = withUnsafeBytes(of: &entry.pointee.d_name) { Array($0.prefix { $0 != 0 }) }
            if name == [0x2E] || name == [0x2E, 0x2E] { continue }
            result.append(name)
        }
        return result.sorted { $0.lexicographicallyPrecedes($1) }
    }

    /// The bytes of the regular file `components` below `root`, opened component by component
    /// with `O_NOFOLLOW` (so a link anywhere on the way fails with `ELOOP` or `ENOTDIR` rather
    /// than being followed); `nil` when it cannot be read that way.
    static func read(_ components: [FileName], below root: Int32) -> [UInt8]? {
        var directory = root
        var opened: [Int32] = []
        defer { opened.forEach { close($0) } }
        for component in components.dropLast() {
            let next = openat(directory, component.cString, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            guard next >= 0 else { return nil }
            opened.append(next)
            directory = next
        }
        guard let last = components.last else { return nil }
        let descriptor = openat(directory, last.cString, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        return readAll(descriptor)
    }

    static func readAll(_ descriptor: Int32) -> [UInt8]? {
        var result: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = buffer.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { return nil }
            if count == 0 { return result }
            result += buffer[0..<count]
        }
    }

    // MARK: - The new tree

    /// One entry of the tree to build.
    final class NewNode {
        enum Kind {
            /// A folder; `permissions` are the old folder's, restored once it is filled (`nil`: a
            /// new folder, created with 0777 less the umask, as `mkdir -p` would).
            case directory(permissions: mode_t?)
            /// The old entry at the same path, carried over: hard-linked (a link is copied as a
            /// link, with `readlinkat(2)`/`symlinkat(2)`).
            case keep(DiskNode.Kind)
            /// A file with these bytes.
            case write([UInt8])
        }
        var kind: Kind
        var children: [FileName: NewNode] = [:]

        init(_ kind: Kind) { self.kind = kind }

        var isDirectory: Bool {
            if case .directory = kind { return true }
            return false
        }

        /// The old tree as it is: every folder kept with its permissions, everything else carried over.
        static func copying(_ old: DiskNode) -> NewNode {
            guard old.kind == .directory else { return NewNode(.keep(old.kind)) }
            let node = NewNode(.directory(permissions: old.permissions))
            for (name, child) in old.children { node.children[name] = copying(child) }
            return node
        }
    }

    /// Fills the empty directory `target` with `tree`, taking carried-over entries from `source`
    /// (the old folder at the same path; `nil` when there is none).
    ///
    /// New files are created with `O_CREAT | O_EXCL | O_NOFOLLOW` (mode 0644 less the umask): the
    /// call fails rather than open anything already at the name, link or not (open(2)). Carried
    /// files are hard links (`linkat(2)` without `AT_SYMLINK_FOLLOW`), so an unchanged file keeps
    /// its inode and modification time; where a link cannot be made (`EPERM` under Linux's
    /// `fs.protected_hardlinks`, `EMLINK`, a file system without hard links) a regular file is copied
    /// and its times set to the old ones with `futimens(2)`.
    ///
    /// - Throws: `DiagnosticsError` naming the path, with the system's reason.
    static func fill(_ target: Int32, with tree: NewNode, from source: Int32?, old: DiskNode?, display: String,
                     progress: (String) throws(DiagnosticsError) -> Void) throws(DiagnosticsError) {
        for name in tree.children.keys.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            let child = tree.children[name]!
            let path = join(display, name)
            switch child.kind {
            case .directory(let permissions):
                guard mkdirat(target, name.cString, 0o777) == 0 else { throw failure(path, "cannot create the folder") }
                let descriptor = openat(target, name.cString, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
                guard descriptor >= 0 else { throw failure(path, "cannot open the folder") }
                defer { close(descriptor) }
                let oldChild = old?.children[name].flatMap { $0.kind == .directory ? $0 : nil }
                var oldDescriptor: Int32?
                if let source, oldChild != nil {
                    let opened = openat(source, name.cString, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
                    guard opened >= 0 else { throw failure(path, "cannot open the old folder") }
                    oldDescriptor = opened
                }
                defer { if let oldDescriptor { close(oldDescriptor) } }
                try fill(descriptor, with: child, from: oldDescriptor, old: oldChild, display: path, progress: progress)
                if let permissions, fchmod(descriptor, permissions) != 0 { throw failure(path, "cannot set the folder's permissions") }
            case .keep(let kind):
                guard let source else { throw failure(path, "has no old entry to carry over", code: 0) }
                try carry(name, kind: kind, from: source, to: target, display: path)
            case .write(let bytes):
                try create(name, bytes, in: target, display: path)
            }
            try progress(path)
        }
    }

    static func create(_ name: FileName, _ bytes: [UInt8], in directory: Int32, display: String, permissions: mode_t = 0o644) throws(DiagnosticsError) {
        let descriptor = openat(directory, name.cString, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, permissions)
        guard descriptor >= 0 else { throw failure(display, "cannot create the file") }
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0, errno == EINTR { continue }
            guard written > 0 else {
                let code = errno
                close(descriptor)
                throw failure(display, "cannot write the file", code: code)
            }
            offset += written
        }
        guard close(descriptor) == 0 else { throw failure(display, "cannot write the file") }
    }

    private static func carry(_ name: FileName, kind: DiskNode.Kind, from source: Int32, to target: Int32, display: String) throws(DiagnosticsError) {
        if kind == .symlink {
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let count = readlinkat(source, name.cString, &buffer, buffer.count - 1)
            guard count >= 0 else { throw failure(display, "cannot read the symbolic link") }
            buffer[count] = 0
            guard symlinkat(buffer, target, name.cString) == 0 else { throw failure(display, "cannot copy the symbolic link") }
            return
        }
        if linkat(source, name.cString, target, name.cString, 0) == 0 { return }
        let linkError = errno
        guard kind == .regular else { throw failure(display, "cannot carry it over (link(2))", code: linkError) }
        let input = openat(source, name.cString, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard input >= 0 else { throw failure(display, "cannot read the file") }
        defer { close(input) }
        var info = stat()
        guard fstat(input, &info) == 0, let bytes = readAll(input) else { throw failure(display, "cannot read the file") }
        try create(name, bytes, in: target, display: display, permissions: info.st_mode & 0o7777)
        let output = openat(target, name.cString, O_WRONLY | O_NOFOLLOW | O_CLOEXEC)
        guard output >= 0 else { throw failure(display, "cannot open the copy") }
        defer { close(output) }
        #if canImport(Darwin)
        var times = [info.st_atimespec, info.st_mtimespec]
        #else
        var times = [info.st_atim, info.st_mtim]
        #endif
        _ = fchmod(output, info.st_mode & 0o7777)
        guard futimens(output, &times) == 0 else { throw failure(display, "cannot set the copy's times") }
    }

    // MARK: - Switching and removing

    /// Exchanges two entries of one directory atomically: `renameat2(2)` with `RENAME_EXCHANGE` on
    /// Linux (3.15+; looked up with `dlsym(3)` as Glibc's module does not export it), `renameatx_np(2)`
    /// with `RENAME_SWAP` on macOS. Returns 0, or the `errno` (`EINVAL`, `ENOSYS`, `ENOTSUP` when
    /// the system or file system cannot exchange).
    static func exchange(_ directory: Int32, _ first: FileName, _ second: FileName) -> Int32 {
        #if canImport(Darwin)
        return renameatx_np(directory, first.cString, directory, second.cString, UInt32(RENAME_SWAP)) == 0 ? 0 : errno
        #else
        typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>?, Int32, UnsafePointer<CChar>?, UInt32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return ENOSYS }
        let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
        let renameExchange: UInt32 = 1 << 1  // RENAME_EXCHANGE, <linux/fs.h>
        return renameat2(directory, first.cString, directory, second.cString, renameExchange) == 0 ? 0 : errno
        #endif
    }

    /// Removes `name` in `directory` and, if it is a folder, everything below it, never following
    /// a link (a link is removed, its target is not touched). Folders without write permission are
    /// made writable first. Best effort: returns whether everything went.
    @discardableResult
    static func remove(_ name: FileName, in directory: Int32, depth: Int = 0) -> Bool {
        var info = stat()
        guard fstatat(directory, name.cString, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return errno == ENOENT }
        guard info.st_mode & S_IFMT == S_IFDIR else { return unlinkat(directory, name.cString, 0) == 0 }
        guard depth < maximumDepth * 2 else { return false }
        if info.st_mode & 0o700 != 0o700 { _ = fchmodat(directory, name.cString, (info.st_mode & 0o7777) | 0o700, 0) }
        let descriptor = openat(directory, name.cString, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        var complete = true
        if let children = try? names(in: descriptor, display: "") {
            for child in children where !remove(child, in: descriptor, depth: depth + 1) { complete = false }
        } else {
            complete = false
        }
        close(descriptor)
        return unlinkat(directory, name.cString, AT_REMOVEDIR) == 0 && complete
    }

    // MARK: - Helpers

    static func join(_ display: String, _ name: FileName) -> String {
        let text = Generator.escapedForMessage(String(decoding: name, as: UTF8.self))
        return display.isEmpty ? text : (display.hasSuffix("/") ? display + text : display + "/" + text)
    }

    /// An error about `path`; `code` is an `errno` value (0: none), whose `strerror(3)` text is appended.
    static func failure(_ path: String, _ message: String, code: Int32 = errno) -> DiagnosticsError {
        let reason = code == 0 ? "" : ": " + String(cString: strerror(code))
        return DiagnosticsError([Diagnostic(.error, file: path, mark: nil, message: message + reason)])
    }
}

extension Array where Element == UInt8 {
    /// The name as a NUL-terminated C string (names never hold NUL: `readdir(3)` cannot return one,
    /// and generated paths are checked by `Generator.checkRelativePath(_:)`).
    var cString: [CChar] { map { CChar(bitPattern: $0) } + [0] }
}
