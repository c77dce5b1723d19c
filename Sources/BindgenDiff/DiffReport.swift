import BindgenCore
import Foundation

/// Renders diff findings as text, Markdown (for a PR comment), JSON (a stable schema, below) or
/// GitHub Actions annotations (`::error file=…,line=…::`).
///
/// JSON schema (version 1):
/// ```
/// { "version": 1, "old": String, "new": String,
///   "summary": { "breaking": Int, "warning": Int, "info": Int },
///   "changes": [ { "layer": "wire" | "swift", "severity": "breaking" | "warning" | "info",
///                  "rule": String, "operation": String | null, "message": String,
///                  "pointer": String, "file": String, "line": Int | null, "column": Int | null } ] }
/// ```
public enum DiffReport {
    public enum Format: String, CaseIterable, Sendable {
        case text, markdown, json, github
    }

    public static func render(_ changes: [APIChange], format: Format, old: String, new: String) -> String {
        switch format {
        case .text: return text(changes, old: old, new: new)
        case .markdown: return markdown(changes, old: old, new: new)
        case .json: return json(changes, old: old, new: new)
        case .github: return github(changes)
        }
    }

    /// Every rule (`DiffRule.all`) as a Markdown table: ID, layer, direction, severities. The
    /// README's "Diff rules" table is this output, and a test keeps the two equal.
    public static func ruleTable() -> String {
        var lines = ["| rule | layer | direction | severity |", "|---|---|---|---|"]
        for rule in DiffRule.all {
            lines.append("| `\(rule.id)` | \(rule.layer.rawValue) | \(rule.direction?.rawValue ?? "-") | \(rule.severities.map(\.rawValue).joined(separator: " or ")) |")
        }
        lines.append("| `new-version-<rule>` | wire | the rule's | info |")
        return lines.joined(separator: "\n") + "\n"
    }

    static func count(_ changes: [APIChange], _ severity: APIChange.Severity) -> Int {
        changes.filter { $0.severity == severity }.count
    }

    static func summary(_ changes: [APIChange]) -> String {
        "\(count(changes, .breaking)) breaking, \(count(changes, .warning)) warning, \(count(changes, .info)) info"
    }

    static func text(_ changes: [APIChange], old: String, new: String) -> String {
        var lines = ["api-bindgen diff \(old) → \(new): \(summary(changes))"]
        for change in changes {
            let operation = change.operation.map { "\($0): " } ?? ""
            lines.append("\(change.location): \(change.severity.rawValue) [\(change.layer.rawValue) \(change.rule)] \(operation)\(change.message)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func markdown(_ changes: [APIChange], old: String, new: String) -> String {
        var lines = ["## API changes: `\(old)` → `\(new)`", "",
                     "| | wire | Swift bindings |", "|---|---:|---:|"]
        for severity in [APIChange.Severity.breaking, .warning, .info] {
            let wire = changes.filter { $0.layer == .wire && $0.severity == severity }.count
            let swift = changes.filter { $0.layer == .swift && $0.severity == severity }.count
            lines.append("| \(severity.rawValue) | \(wire) | \(swift) |")
        }
        for (layer, title) in [(APIChange.Layer.wire, "On the wire"), (.swift, "For Swift callers of the generated bindings")] {
            let selected = changes.filter { $0.layer == layer }
            guard !selected.isEmpty else { continue }
            lines += ["", "### \(title)", ""]
            for change in selected {
                let icon = change.severity == .breaking ? "🔴" : (change.severity == .warning ? "🟡" : "⚪️")
                let operation = change.operation.map { "`\($0)`: " } ?? ""
                lines.append("- \(icon) **\(change.severity.rawValue)** \(operation)\(escape(change.message)) — `\(change.rule)` at `\(change.location)` (`\(change.pointer)`)")
            }
        }
        if changes.isEmpty { lines += ["", "No changes."] }
        return lines.joined(separator: "\n") + "\n"
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|")
    }

    static func json(_ changes: [APIChange], old: String, new: String) -> String {
        func string(_ text: String) -> String {
            let data = try? JSONSerialization.data(withJSONObject: [text], options: [.withoutEscapingSlashes])
            let array = data.map { String(decoding: $0, as: UTF8.self) } ?? "[\"\"]"
            return String(array.dropFirst().dropLast())
        }
        func optional(_ value: Int?) -> String { value.map(String.init) ?? "null" }
        var lines = ["{", "  \"version\": 1,", "  \"old\": \(string(old)),", "  \"new\": \(string(new)),",
                     "  \"summary\": { \"breaking\": \(count(changes, .breaking)), \"warning\": \(count(changes, .warning)), \"info\": \(count(changes, .info)) },",
                     "  \"changes\": ["]
        for (index, change) in changes.enumerated() {
            let fields = [
                "\"layer\": \(string(change.layer.rawValue))", "\"severity\": \(string(change.severity.rawValue))", "\"rule\": \(string(change.rule.id))",
                "\"operation\": \(change.operation.map(string) ?? "null")", "\"message\": \(string(change.message))",
                "\"pointer\": \(string(change.pointer))", "\"file\": \(string(change.file))",
                "\"line\": \(optional(change.mark?.line))", "\"column\": \(optional(change.mark?.column))",
            ]
            lines.append("    { " + fields.joined(separator: ", ") + " }" + (index < changes.count - 1 ? "," : ""))
        }
        lines += ["  ]", "}"]
        return lines.joined(separator: "\n") + "\n"
    }

    /// GitHub Actions workflow commands: breaking → error, warning → warning, info → notice.
    static func github(_ changes: [APIChange]) -> String {
        func escapeData(_ text: String) -> String {
            text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(of: "\n", with: "%0A")
        }
        func escapeProperty(_ text: String) -> String {
            escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
        }
        return changes.map { change in
            let command = change.severity == .breaking ? "error" : (change.severity == .warning ? "warning" : "notice")
            var properties = ["file=\(escapeProperty(change.file))"]
            if let mark = change.mark { properties += ["line=\(mark.line)", "col=\(mark.column)"] }
            properties.append("title=\(escapeProperty("\(change.layer.rawValue) \(change.rule)"))")
            let operation = change.operation.map { "\($0): " } ?? ""
            return "::\(command) \(properties.joined(separator: ","))::\(escapeData(operation + change.message))"
        }.joined(separator: "\n") + (changes.isEmpty ? "" : "\n")
    }
}
