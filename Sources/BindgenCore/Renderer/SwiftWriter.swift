/// Builds Swift source text line by line with four-space indentation. Output is deterministic:
/// `\n` line ends, no trailing whitespace, one final newline.
struct SwiftWriter {
    private(set) var lines: [String] = []
    private var depth = 0

    /// Appends a line at the current indentation. The text goes through
    /// `SourceText.neutralizedLine(_:)`: no line break or control character survives in it.
    mutating func line(_ text: String = "") {
        if text.isEmpty {
            lines.append("")
        } else {
            lines.append(String(repeating: "    ", count: depth) + SourceText.neutralizedLine(text))
        }
    }

    /// Writes `header {`, the body one level deeper, then `}`.
    mutating func block(_ header: String, _ body: (inout SwiftWriter) -> Void) {
        line(header + " {")
        depth += 1
        body(&self)
        depth -= 1
        line("}")
    }

    /// Writes `header {`, the body at the same depth (Swift style for `switch`), then `}`.
    mutating func switchBlock(_ header: String, _ body: (inout SwiftWriter) -> Void) {
        line(header + " {")
        body(&self)
        line("}")
    }

    /// Writes the body one level deeper (for `case` bodies).
    mutating func indented(_ body: (inout SwiftWriter) -> Void) {
        depth += 1
        body(&self)
        depth -= 1
    }

    /// `///` lines for a documentation text (each source line kept; blank lines as `///`), split
    /// and escaped by `SourceText.documentationLines(_:)`.
    mutating func documentation(_ text: String?) {
        guard let text, !text.isEmpty else { return }
        for line in SourceText.documentationLines(text) {
            self.line(line.isEmpty ? "///" : "/// " + line)
        }
    }

    /// A `//` line comment of one line (`SourceText.commentLine(_:)`).
    mutating func comment(_ text: String) {
        line("// " + SourceText.commentLine(text))
    }

    var text: String {
        var lines = self.lines
        while lines.last == "" { lines.removeLast() }
        return lines.joined(separator: "\n") + "\n"
    }
}
