import Foundation
import TestSupport
import Testing

/// What the commands list for the user: the values of every option with a fixed set of choices
/// (`--help`), and every diff rule (`diff --list-rules`, which the README's table repeats).
@Suite struct CommandChoicesTests {
    typealias Command = GenerateCommandTests

    /// ArgumentParser lists an enum option's values in its help (`(values: a, b, c; default: a)`); a
    /// plain-string option would list none.
    @Test(arguments: [
        (["generate", "--help"], "--access-level", ["public", "package", "internal"]),
        (["diff", "--help"], "--format", ["text", "markdown", "json", "github"]),
        (["diff", "--help"], "--fail-on", ["breaking", "warning"]),
    ])
    func helpListsTheValuesOfEveryChoice(arguments: [String], option: String, values: [String]) throws {
        let run = try Command.run(arguments, in: Command.packageRoot)
        #expect(run.status == 0, "\(run.stderr)")
        // Help text wraps: compare with runs of white space as one space; the option's entry is
        // its last mention (the usage line comes first).
        let help = run.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let start = try #require(help.range(of: option + " <", options: .backwards), "\(option) is not in the help:\n\(run.stdout)")
        let rest = help[start.upperBound...]
        let entry = rest.range(of: " -").map { rest[..<$0.lowerBound] } ?? rest
        #expect(entry.contains("values: \(values.joined(separator: ", "))"), "\(option) does not list its values:\n\(run.stdout)")
    }

    @Test func anUnknownChoiceIsAUsageErrorNamingTheValues() throws {
        let run = try Command.run(["generate", "Specs/EnergyCAP", "--access-level", "open"], in: Command.packageRoot)
        #expect(run.status == 2)
        #expect(run.stderr.contains("open"), "\(run.stderr)")
    }

    /// The README's "Diff rules" table is exactly what `api-bindgen diff --list-rules` prints.
    @Test func listRulesPrintsTheREADMETable() throws {
        let run = try Command.run(["diff", "--list-rules"], in: Command.packageRoot)
        #expect(run.status == 0, "\(run.stderr)")
        let readme = try String(contentsOf: Command.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let start = try #require(readme.range(of: "<!-- diff-rules -->\n")), end = try #require(readme.range(of: "<!-- /diff-rules -->"))
        #expect(String(readme[start.upperBound..<end.lowerBound]) == run.stdout,
                "README's rule table differs from `api-bindgen diff --list-rules`; paste its output between the markers")
        let rows = run.stdout.split(separator: "\n").dropFirst(2)
        #expect(rows.count > 100, "expected a row per rule")
        for row in rows {
            let cells = row.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            #expect(cells.count == 4, "\(row)")
            #expect(["wire", "swift"].contains(cells[1]), "\(row): layer")
            #expect(["request", "response", "-", "the rule's"].contains(cells[2]), "\(row): direction")
            #expect(!cells[3].isEmpty && cells[3].split(separator: " or ").allSatisfy { ["breaking", "warning", "info"].contains(String($0)) }, "\(row): severity")
        }
    }
}
