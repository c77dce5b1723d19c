import ArgumentParser
import BindgenCore
import Foundation
import OpenAPIModel
import YAMLParsing

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

    @Argument(help: "The old spec.") var old: String
    @Argument(help: "The new spec.") var new: String

    @Option(help: "Output format: text, markdown, json or github.")
    var format: String = "text"

    @Option(help: "Exit 1 when a change of this severity (or worse) is found: breaking or warning.")
    var failOn: FailOn?

    func run() throws {
        guard let format = DiffReport.Format(rawValue: format) else {
            printError("error: --format must be one of text, markdown, json, github")
            throw ExitCode(Exit.usageOrInputError)
        }
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
