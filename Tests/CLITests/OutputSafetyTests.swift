import Foundation
import Testing

/// `api-bindgen generate` against hostile repositories and interruptions (issue 9, findings 1
/// and 5), run as the built executable.
@Suite struct OutputSafetyTests {
    typealias CLI = GenerateCommandTests

    /// Every entry under `folder` read without following links: path → kind, permissions and
    /// contents (or link target).
    static func tree(_ folder: URL) throws -> [String: String] {
        var result: [String: String] = [:]
        func visit(_ url: URL, _ relative: String) throws {
            var info = stat()
            guard lstat(url.path, &info) == 0 else { return }
            let permissions = String(info.st_mode & 0o7777, radix: 8)
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                result[relative + "/"] = "dir \(permissions)"
                for name in try FileManager.default.contentsOfDirectory(atPath: url.path) {
                    try visit(url.appendingPathComponent(name), relative.isEmpty ? name : relative + "/" + name)
                }
            case S_IFLNK:
                result[relative] = "link -> " + (try FileManager.default.destinationOfSymbolicLink(atPath: url.path))
            default:
                result[relative] = "file \(permissions) " + String(decoding: try Data(contentsOf: url), as: UTF8.self)
            }
        }
        try visit(folder, "")
        return result
    }

    @Test func manifestLeavingTheOutputIsALocatedErrorAndSourcesSurvive() throws {
        let project = try CLI.makeProject()
        let sources = project.appendingPathComponent("Sources/App/main.swift")
        try FileManager.default.createDirectory(at: sources.deletingLastPathComponent(), withIntermediateDirectories: true)
        try "print(1)\n".write(to: sources, atomically: false, encoding: .utf8)
        let manifestPath = "Generated/EnergyCAP/APIBindgenManifest.swift"
        let manifest = project.appendingPathComponent(manifestPath)
        var text = try String(contentsOf: manifest, encoding: .utf8)
        let line = text.filter { $0 == "\n" }.count + 1
        text += "// file: ../../Sources\n// file: \(project.path)/Sources/App/main.swift\n"
        try text.write(to: manifest, atomically: false, encoding: .utf8)
        // A spec edit too, so that there is something to write.
        try CLI.edit(project, replacing: "        serviceAddress:\n          type: string\n", with: "        serviceAddress:\n          type: string\n        utilityName:\n          type: string\n")
        let before = try CLI.snapshot(project)

        let run = try CLI.run(["generate", "Specs/EnergyCAP"], in: project)
        #expect(run.status == 2)
        #expect(run.stderr.contains("\(manifestPath):\(line):10: error: manifest entry '../../Sources' has a '..' component, which leaves the output folder"), "\(run.stderr)")
        #expect(run.stderr.contains("\(manifestPath):\(line + 1):10: error: manifest entry '\(project.path)/Sources/App/main.swift' is an absolute path"), "\(run.stderr)")
        #expect(run.stderr.contains("error: nothing was written"), "\(run.stderr)")
        let check = try CLI.run(["generate", "Specs/EnergyCAP", "--check"], in: project)
        #expect(check.status == 2, "\(check.stderr)")
        let forced = try CLI.run(["generate", "Specs/EnergyCAP", "--force"], in: project)
        #expect(forced.status == 2, "\(forced.stderr)")
        CLI.expectUnchanged(before, try CLI.snapshot(project))
        #expect(try String(contentsOf: sources, encoding: .utf8) == "print(1)\n")
    }

    @Test func manifestEntryThroughALinkedFolderIsAnError() throws {
        let project = try CLI.makeProject()
        try FileManager.default.createDirectory(at: project.appendingPathComponent("Sources/App"), withIntermediateDirectories: true)
        try "print(1)\n".write(to: project.appendingPathComponent("Sources/App/main.swift"), atomically: false, encoding: .utf8)
        let output = project.appendingPathComponent("Generated/EnergyCAP")
        try FileManager.default.createSymbolicLink(atPath: output.appendingPathComponent("App").path, withDestinationPath: "../../Sources/App")
        let manifest = output.appendingPathComponent("APIBindgenManifest.swift")
        var text = try String(contentsOf: manifest, encoding: .utf8)
        let line = text.filter { $0 == "\n" }.count + 1
        text += "// file: App/main.swift\n"
        try text.write(to: manifest, atomically: false, encoding: .utf8)
        let before = try Self.tree(project)
        let run = try CLI.run(["generate", "Specs/EnergyCAP"], in: project)
        #expect(run.status == 2)
        #expect(run.stderr.contains("Generated/EnergyCAP/APIBindgenManifest.swift:\(line):10: error: manifest entry 'App/main.swift' goes through a symbolic link ('App')"), "\(run.stderr)")
        #expect(try Self.tree(project) == before)
    }

    @Test func handWrittenFileAtAGeneratedPathNeedsForce() throws {
        let project = try CLI.makeProject()
        let output = project.appendingPathComponent("Generated/EnergyCAP")
        // The manifest no longer claims the file, and a hand-written one stands there.
        let manifest = output.appendingPathComponent("APIBindgenManifest.swift")
        let text = try String(contentsOf: manifest, encoding: .utf8)
        try text.replacingOccurrences(of: "// file: Models/DataAccessReleaseState.swift\n", with: "").write(to: manifest, atomically: false, encoding: .utf8)
        let file = output.appendingPathComponent("Models/DataAccessReleaseState.swift")
        let generated = try Data(contentsOf: file)
        try "// mine\n".write(to: file, atomically: false, encoding: .utf8)
        let before = try CLI.snapshot(project)

        let check = try CLI.run(["generate", "Specs/EnergyCAP", "--check"], in: project)
        #expect(check.status == 1)
        #expect(check.stderr.contains("Models/DataAccessReleaseState.swift: error: stale; regenerate with: api-bindgen generate Specs/EnergyCAP (the file there was not written by api-bindgen: regenerating needs --force)"), "\(check.stderr)")
        let run = try CLI.run(["generate", "Specs/EnergyCAP"], in: project)
        #expect(run.status == 2)
        #expect(run.stderr.contains("Generated/EnergyCAP/Models/DataAccessReleaseState.swift: error: exists and was not written by api-bindgen (APIBindgenManifest.swift does not list it)"), "\(run.stderr)")
        #expect(run.stderr.contains("--force"), "\(run.stderr)")
        CLI.expectUnchanged(before, try CLI.snapshot(project))

        let forced = try CLI.run(["generate", "Specs/EnergyCAP", "--force"], in: project)
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(forced.stdout.contains("2 written, 0 removed"), "\(forced.stdout)")
        #expect(try Data(contentsOf: file) == generated)
        #expect(try CLI.run(["generate", "Specs/EnergyCAP", "--check"], in: project).status == 0)
    }

    @Test func singleFileLayoutRegeneratesInPlaceLikeTheBuildPlugin() throws {
        let project = try CLI.makeProject()
        let arguments = ["generate", "Specs/EnergyCAP", "--output", "Work/GeneratedSources", "--module", "Energy", "--single-file", "APIBindings.swift"]
        #expect(try CLI.run(arguments, in: project).status == 0)
        #expect(try CLI.run(arguments, in: project).stdout.contains("0 written, 0 removed, 1 unchanged"))
        try CLI.edit(project, replacing: "        serviceAddress:\n          type: string\n", with: "        serviceAddress:\n          type: string\n        utilityName:\n          type: string\n")
        let again = try CLI.run(arguments, in: project)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("1 written"), "\(again.stdout)")
        let text = try String(contentsOf: project.appendingPathComponent("Work/GeneratedSources/APIBindings.swift"), encoding: .utf8)
        #expect(text.contains("public var utilityName: String?"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: project.appendingPathComponent("Work").path) == ["GeneratedSources"])
    }

    // MARK: - Killed runs

    /// A spec of `count` object schemas whose descriptions and properties carry `tag`.
    static func manySchemas(_ tag: String, count: Int) -> String {
        var lines = [
            "openapi: 3.0.3", "info:", "  title: Many", "  version: '1'", "paths:", "  /things/{id}:", "    get:",
            "      operationId: getThing", "      parameters:", "        - {name: id, in: path, required: true, schema: {type: string}}",
            "      responses:", "        '200':", "          description: ok", "          content:", "            application/json:",
            "              schema: {$ref: '#/components/schemas/S0'}", "components:", "  schemas:",
        ]
        for index in 0..<count {
            lines += ["    S\(index):", "      type: object", "      description: schema \(index) \(tag)", "      properties:",
                      "        a: {type: string}", "        b\(tag): {type: integer}"]
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Starts `api-bindgen` with every signal at its default action and none blocked (the test
    /// runner may block or ignore SIGINT and SIGTERM, and children inherit that), output to /dev/null.
    static func spawn(_ arguments: [String]) throws -> pid_t {
        #if canImport(Darwin)
        var attributes: posix_spawnattr_t? = nil
        var actions: posix_spawn_file_actions_t? = nil
        #else
        var attributes = posix_spawnattr_t()
        var actions = posix_spawn_file_actions_t()
        #endif
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t(), all = sigset_t()
        sigemptyset(&empty)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ([CLI.executable().path] + arguments).map { strdup($0) } + [nil]
        let envp = ProcessInfo.processInfo.environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let code = posix_spawn(&pid, CLI.executable().path, &actions, &attributes, argv, envp)
        guard code == 0 else { throw POSIXError(POSIXErrorCode(rawValue: code) ?? .EINVAL) }
        return pid
    }

    /// Kills `generate` with SIGKILL, SIGTERM and SIGINT at many points while it writes ~1,500
    /// files (spread over the time an uninterrupted run writes, measured first): the output folder
    /// is each time exactly the old tree or the new one, and the next run succeeds and leaves
    /// nothing beside it.
    @Test func killedRunsLeaveTheOldOrTheNewTree() throws {
        let project = FileManager.default.temporaryDirectory.appendingPathComponent("api-bindgen-kill-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: project, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: project) }
        try Self.manySchemas("one", count: 1500).write(to: project.appendingPathComponent("old.yaml"), atomically: false, encoding: .utf8)
        try Self.manySchemas("two", count: 1400).write(to: project.appendingPathComponent("new.yaml"), atomically: false, encoding: .utf8)
        let output = project.appendingPathComponent("Out")
        func generate(_ spec: String) throws {
            let run = try CLI.run(["generate", spec, "--output", "Out"], in: project)
            #expect(run.status == 0, "\(run.stderr)")
        }
        func leftovers() throws -> [String] {
            try FileManager.default.contentsOfDirectory(atPath: project.path).filter { $0.hasPrefix(".") }
        }
        /// Runs `generate new.yaml`; once the staging folder exists, waits `delay` and sends
        /// `signal` (none when `nil`). Returns the wait status and the seconds from the staging
        /// folder's appearance to the exit.
        func interrupted(after delay: Double, with signal: Int32?, atSwitch: Bool = false) throws -> (status: Int32, writing: Double) {
            var info = stat()
            let oldInode = lstat(output.path, &info) == 0 ? info.st_ino : 0
            let pid = try Self.spawn(["generate", project.appendingPathComponent("new.yaml").path, "--output", output.path])
            var status: Int32 = 0
            let start = Date()
            while try leftovers().isEmpty, Date().timeIntervalSince(start) < 60 {
                if waitpid(pid, &status, WNOHANG) == pid { return (status, 0) }
                usleep(100)
            }
            let writingStart = Date()
            var reaped = false
            if atSwitch {
                // Until the output folder is a new one: the kill then lands in the removal of the old tree.
                while lstat(output.path, &info) == 0, info.st_ino == oldInode {
                    if waitpid(pid, &status, WNOHANG) == pid { reaped = true; break }
                }
            }
            if let signal, !reaped {
                if delay > 0 { Thread.sleep(forTimeInterval: delay) }
                kill(pid, signal)  // the child is not reaped yet, so `pid` is still its
            }
            while !reaped, waitpid(pid, &status, 0) < 0, errno == EINTR {}
            return (status, Date().timeIntervalSince(writingStart))
        }
        try generate("new.yaml")
        try "// mine\n".write(to: output.appendingPathComponent("Notes.swift"), atomically: false, encoding: .utf8)
        let newTree = try Self.tree(output)
        try generate("old.yaml")
        let oldTree = try Self.tree(output)
        #expect(oldTree != newTree && oldTree["Notes.swift"] != nil && newTree.count > 50)

        // How long the writing takes, uninterrupted (from the staging folder's appearance to the exit).
        let measured = try interrupted(after: 0, with: nil)
        #expect(measured.status == 0)
        #expect(try Self.tree(output) == newTree)
        try generate("old.yaml")

        var outcomes: [String] = []
        // Fractions of the measured writing time; -1: at the switch.
        let fractions: [Double] = [0, 0.05, 0.2, 0.4, 0.6, 0.8, 0.95, 1.3, -1, -1]
        for (index, fraction) in fractions.enumerated() {
            let signal = fraction < 0 ? SIGKILL : [SIGKILL, SIGKILL, SIGTERM, SIGKILL, SIGINT][index % 5]
            let delay = max(0, fraction) * measured.writing
            let run = try interrupted(after: delay, with: signal, atSwitch: fraction < 0)
            let state = try Self.tree(output)
            let outcome = state == oldTree ? "old" : state == newTree ? "new" : "mixed"
            let killed = run.status & 0x7F
            outcomes.append("\(fraction < 0 ? "at the switch" : String(format: "%.3f s", delay)), signal \(signal): \(killed == 0 ? "exited" : "killed by \(killed)"), \(outcome), leftovers \(try leftovers())")
            #expect(outcome != "mixed", "\(signal) after \(delay) s: the output is neither the old nor the new tree")
            // The next run succeeds, gives the complete new tree and cleans up.
            try generate("new.yaml")
            #expect(try Self.tree(output) == newTree)
            #expect(try leftovers().isEmpty)
            try generate("old.yaml")
            #expect(try Self.tree(output) == oldTree)
        }
        // The signals hit the writing, not only the generation before it or the exit after it.
        #expect(outcomes.contains { $0.contains("killed") && $0.contains("old, leftovers [\"") }, "\(outcomes)")
        print("writing took \(measured.writing) s uninterrupted\n" + outcomes.joined(separator: "\n"))
    }
}
