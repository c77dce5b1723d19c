/// How rendered files are put together on disk: a large module's files grouped into runs of
/// neighbouring files (`grouped`), or everything in one file (`combined`, the build plugin's
/// layout).
///
/// Why group: a debug build of many small files pays per file. SwiftPM's driver compiles in
/// batches of at most 25 primary files, and every batch job parses and resolves the whole
/// module, so the full EnergyCAP shape's 1,744 files made 70 jobs. Measured on it (one run
/// each, Benchmarks/README.md): one type per file 107 s; this layout 70 s (129 files); 100 runs
/// of neighbours in path order 78 s; 96 hash buckets, each a mix of unrelated types, 90 s (each
/// batch then refers to most of the module); groups by first letter 105 s (one letter's file held
/// up a core).
enum FileGrouping {
    /// Modules with more type and operation files than this are grouped; smaller ones keep one
    /// type per file (cheap to build, easiest to read).
    static let threshold = 256
    /// A run ends after a file whose path hashes to 0 modulo this (so about this many files a
    /// run), once it has `minimumRun` files; it always ends at `maximumRun` files or
    /// `maximumLines` lines and at the end of a folder.
    static let averageRun: UInt64 = 16
    static let minimumRun = 4
    static let maximumRun = 48
    /// Nor does a run grow past this many lines: a frontend job's memory grows with the code of
    /// its batch, and Stripe's request types run to 13,000 lines each (runs of up to 48 of them,
    /// 50,000 lines, took one job past 7 GB). A file this long stays alone.
    static let maximumLines = 2_000

    /// `files` (one per type and per operation) with, above `threshold`, each folder's model and
    /// operation files (in path order) cut into runs, each run one file named after its first
    /// member (`Models/Meter+Group.swift`: `Meter` and the types after it; names stay unique
    /// module-wide, as no original file stem has two `+`). Where a run ends depends only on its
    /// own files (content-defined, FNV-1a of the paths), so adding or removing a type changes its
    /// own run and no other, unless it ends one or falls in a run that `maximumRun` or
    /// `maximumLines` cut (whose cut then moves). Neighbours in path order (one version's
    /// operations, models of similar names) stay together, which keeps a batch's references
    /// local. The client struct's own file stays alone. A run lists its types in path order
    /// under `// MARK: - <original path>` lines, so a diff still names the type that changed.
    static func grouped(_ files: [GeneratedFile]) -> [GeneratedFile] {
        let groupable = files.filter(isGroupable).sorted { $0.path < $1.path }
        guard groupable.count > threshold else { return files }
        var result = files.filter { !isGroupable($0) }
        var run: [GeneratedFile] = []
        var lines = 0
        func close() {
            guard !run.isEmpty else { return }
            let name = String(run[0].path.dropLast(".swift".count)) + "+Group.swift"
            result.append(run.count == 1 ? run[0] : combined(run, named: name))
            run = []
            lines = 0
        }
        for (index, file) in groupable.enumerated() {
            let fileLines = file.contents.utf8.reduce(0) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
            if lines + fileLines > maximumLines { close() }
            run.append(file)
            lines += fileLines
            let folderEnds = index + 1 == groupable.count || folder(groupable[index + 1].path) != folder(file.path)
            let boundary = run.count >= minimumRun && fnv1a(file.path) % averageRun == 0
            if folderEnds || boundary || run.count >= maximumRun || lines >= maximumLines { close() }
        }
        return result.sorted { $0.path < $1.path }
    }

    private static func folder(_ path: String) -> Substring {
        path[..<(path.lastIndex(of: "/") ?? path.startIndex)]
    }

    /// Model files (`Models/…`), operation files (`Client/<version or Operations>/…`) and the
    /// version namespaces' accessors (`Client/EnergyCAPClient+V202203.swift`); not the client
    /// struct's file (`Client/EnergyCAPClient.swift`).
    private static func isGroupable(_ file: GeneratedFile) -> Bool {
        let parts = file.path.split(separator: "/")
        if parts.count == 2, parts[0] == "Models" { return true }
        if parts.count == 3, parts[0] == "Client" { return true }
        return parts.count == 2 && parts[0] == "Client" && parts[1].contains("+")
    }

    /// 64-bit FNV-1a of the UTF-8 bytes: stable across runs and platforms (unlike `Hasher`).
    private static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }

    /// Every file's body in one file, each after a `// MARK: - <path>` line, with the first
    /// file's header comment and every import once at the top (a bucket, or the build plugin's
    /// single file).
    static func combined(_ files: [GeneratedFile], named name: String) -> GeneratedFile {
        var header: [String] = []
        var imports: [String] = []
        var bodies: [String] = []
        for (index, file) in files.enumerated() {
            var lines = file.contents.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            // The header comment, blank lines and imports; a `///` doc comment belongs to the first declaration.
            while let first = lines.first, (first.hasPrefix("//") && !first.hasPrefix("///")) || first.isEmpty || first.contains("import ") {
                if first.hasPrefix("//"), index == 0 { header.append(first) }
                if first.contains("import "), !first.hasPrefix("//"), !imports.contains(first) { imports.append(first) }
                lines.removeFirst()
            }
            bodies.append("// MARK: - \(SourceText.commentLine(file.path))\n\n" + lines.joined(separator: "\n"))
        }
        // `@_spi(Generated) import X` makes a plain `import X` redundant.
        let spiImports = Set(imports.filter { $0.hasPrefix("@_spi(Generated) ") })
        imports.removeAll { line in spiImports.contains("@_spi(Generated) " + line) }
        let text = (header + [""] + imports.sorted() + [""]).joined(separator: "\n") + "\n" + bodies.joined(separator: "\n")
        return GeneratedFile(path: name, contents: text)
    }
}
