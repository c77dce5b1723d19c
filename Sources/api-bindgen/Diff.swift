import ArgumentParser
import BindgenCore
import BindgenDiff
import Foundation
import OpenAPIModel
import YAMLParsing

extension DiffReport.Format: ExpressibleByArgument {}

struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Report what changed between two versions of a spec: on the wire, and for Swift callers of the bindings.",
        discussion: """
            OLD and NEW are spec files, spec folders (with api-bindgen.yaml), or git:REV:path \
            (e.g. git:main:Specs/EnergyCAP/energycap.openapi.yaml). Exit status: 0, or 1 when \
            --fail-on is met, or 2 for usage or input errors.
            """)

    enum FailOn: String, ExpressibleByArgument, CaseIterable {
        case breaking, warning
    }

    @Argument(help: "The old spec.") var old: String?
    @Argument(help: "The new spec.") var new: String?

    @Option(help: "Output format.")
    var format: DiffReport.Format = .text

    @Option(help: "Exit 1 when a change of this severity (or worse) is found.")
    var failOn: FailOn?

    @Flag(help: "Print every rule ID with its layer, direction and severities, then exit.")
    var listRules = false

    func validate() throws {
        if !listRules, old == nil || new == nil { throw ValidationError("OLD and NEW are required (or --list-rules)") }
    }

    func run() throws {
        if listRules {
            print(DiffReport.ruleTable(), terminator: "")
            return
        }
        guard let old, let new else { throw ExitCode(Exit.usageOrInputError) }
        let changes: [APIChange]
        do {
            let before = try APIDiff.load(old)
            let after = try APIDiff.load(new)
            changes = try APIDiff.compare(old: before.document, new: after.document, oldConfig: before.config, newConfig: after.config)
        } catch {
            printError(error.description)
            throw ExitCode(Exit.usageOrInputError)
        }
        print(DiffReport.render(changes, format: format, old: old, new: new), terminator: "")
        switch failOn {
        case .breaking? where changes.contains { $0.severity == .breaking }:
            throw ExitCode(Exit.findings)
        case .warning? where changes.contains { $0.severity <= .warning }:
            throw ExitCode(Exit.findings)
        default:
            break
        }
    }
}
