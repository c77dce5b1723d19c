/// Builds Swift source text line by line with four-space indentation. Output is deterministic:
/// `\n` line ends, no trailing whitespace, one final newline.
struct SwiftWriter {
    private(set) var lines: [String] = []
    private var depth = 0

    mutating func line(_ text: String = "") {
        if text.isEmpty {
            lines.append("")
        } else {
            lines.append(String(repeating: "    ", count: depth) + text)
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

    /// `///` lines for a documentation text (each source line kept; blank lines as `///`).
    mutating func documentation(_ text: String?) {
        guard let text, !text.isEmpty else { return }
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = raw.reversed().drop(while: { $0 == " " || $0 == "\t" || $0 == "\r" }).reversed()
            line(trimmed.isEmpty ? "///" : "/// " + String(trimmed))
        }
    }

    var text: String {
        var lines = self.lines
        while lines.last == "" { lines.removeLast() }
        return lines.joined(separator: "\n") + "\n"
    }
}

extension String {
    /// A Swift string literal for this text (`"a\"b"`).
    var swiftLiteral: String {
        var result = "\""
        for scalar in unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    result += "\\u{" + String(scalar.value, radix: 16) + "}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
