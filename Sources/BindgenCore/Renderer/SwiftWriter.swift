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

    /// Like `block(_:_:)` for a declaration (`func`, `init`): when its header line would be longer
    /// than `maximumLineLength` columns, its parameter list (the first parenthesized list) is
    /// written one parameter a line, the closing parenthesis back at the declaration's depth.
    mutating func declarationBlock(_ header: String, _ body: (inout SwiftWriter) -> Void) {
        guard depth * 4 + header.count + 2 > Self.maximumLineLength, let split = Self.parameterSplit(header) else {
            block(header, body)
            return
        }
        line(split.head + "(")
        depth += 1
        for (index, parameter) in split.parameters.enumerated() {
            line(parameter + (index < split.parameters.count - 1 ? "," : ""))
        }
        depth -= 1
        block(")" + split.tail, body)
    }

    /// The longest header line `declarationBlock(_:_:)` writes on one line.
    static let maximumLineLength = 120

    /// `head(a: A, b: B = [1, 2])tail` → (`head`, [`a: A`, `b: B = [1, 2]`], `tail`): split at the
    /// commas outside brackets, parentheses, angle brackets and string literals; nil without a
    /// parameter.
    static func parameterSplit(_ header: String) -> (head: String, parameters: [String], tail: String)? {
        let characters = Array(header)
        guard let open = characters.firstIndex(of: "(") else { return nil }
        var depth = 0
        var inString = false
        var escaped = false
        var parameters: [String] = []
        var current = ""
        for index in (open + 1)..<characters.count {
            let character = characters[index]
            if inString {
                current.append(character)
                if escaped { escaped = false } else if character == "\\" { escaped = true } else if character == "\"" { inString = false }
                continue
            }
            switch character {
            case "\"": inString = true
            case "(", "[", "<": depth += 1
            case ")" where depth == 0:
                parameters.append(current.trimmingSpaces)
                let tail = String(characters[(index + 1)...])
                let nonEmpty = parameters.filter { !$0.isEmpty }
                return nonEmpty.isEmpty ? nil : (String(characters[..<open]), nonEmpty, tail)
            case ">" where characters[index - 1] == "-": break
            case ")", "]", ">": depth -= 1
            case "," where depth == 0:
                parameters.append(current.trimmingSpaces)
                current = ""
                continue
            default: break
            }
            current.append(character)
        }
        return nil
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

private extension String {
    var trimmingSpaces: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
