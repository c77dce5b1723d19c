/// The one escaping layer between spec text and generated Swift source. Every piece of text the
/// spec (or its file name, or the command line) supplies reaches the output through exactly one
/// of these contexts:
///
/// - a documentation comment (`///`): `SourceText.documentationLines(_:)`, via `SwiftWriter.documentation(_:)`;
/// - a line comment (`//`, file headers and the manifest): `SourceText.commentLine(_:)`;
/// - a string literal (also enum raw values and `CodingKeys` raw values): `SourceText.stringLiteral(_:)`
///   (`String.swiftLiteral`);
/// - an identifier: made by `Naming` from ASCII letters and digits only, then `Naming.escaped(_:)`
///   (backticks for keywords) and `ReservedNames` (names the output relies on).
///
/// The generator emits no block comments (`/* … */`), so `*/` and `/*` in spec text are ordinary
/// comment text after `//`; a `//` comment ends only at a line break, so the line breaks are what
/// must never pass through.
///
/// Rules, with their sources:
/// - **Line breaks.** The Swift Programming Language ("Lexical Structure": a line comment runs to
///   the end of the line, and a line break is LF, CR, or CR LF) lets a bare CR end a `//`
///   comment. Unicode UAX #14 also treats VT, FF, NEL (U+0085), LS (U+2028) and PS (U+2029) as
///   mandatory breaks, and editors, diff viewers and code review tools show them as new lines,
///   so comment text is split on every one of them (CR LF counts once); none stays inside a line.
/// - **Other control characters** (C0 but tab, DEL, C1 but NEL) are written as the visible text
///   `\u{1b}` in comments and as the escape `\u{1b}` in string literals. NUL in particular never
///   reaches the output (the compiler warns about it even inside a comment).
/// - **Bidirectional formatting characters** (UAX #9: the embeddings, overrides and isolates
///   U+202A–U+202E, U+2066–U+2069, and the marks U+200E, U+200F, U+061C) can reorder how a line
///   is displayed so that a comment looks like code or code like a comment ("Trojan Source",
///   CVE-2021-42574). They are *escaped*, not dropped: comments show `\u{202e}` and string
///   literals keep the same text through the escape `\u{202e}`, so what a reader sees is what
///   the spec says, and the value at run time is unchanged.
/// - U+FEFF (zero-width no-break space) is escaped in string literals, where it would be
///   invisible; in comments it is harmless text.
public enum SourceText {
    /// How one Unicode scalar may appear in generated source.
    enum Kind: Equatable {
        /// Written as is.
        case plain
        /// Ends a line (CR, LF, VT, FF, NEL, LS, PS).
        case lineBreak
        /// Never written raw: C0 (but tab and the line breaks), DEL, C1 (but NEL).
        case control
        /// A bidirectional formatting character (UAX #9).
        case bidi
    }

    static func kind(_ scalar: Unicode.Scalar) -> Kind {
        switch scalar.value {
        case 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029: return .lineBreak
        case 0x09: return .plain
        case 0x00..<0x20, 0x7F, 0x80..<0xA0: return .control
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return .bidi
        default: return .plain
        }
    }

    /// True when every byte is printable ASCII or tab: nothing to split or escape (the common case,
    /// checked on bytes because Unicode scalar iteration of every description is measurable).
    static func isPlainASCII(_ text: String) -> Bool {
        text.utf8.allSatisfy { ($0 >= 0x20 && $0 < 0x7F) || $0 == 0x09 }
    }

    /// `\u{1b}`: the Swift escape for a scalar, lowercase hex (also used as visible text in comments).
    static func escape(_ scalar: Unicode.Scalar) -> String {
        "\\u{" + String(scalar.value, radix: 16) + "}"
    }

    /// The lines of a documentation comment's text: split on every line break (CR LF once),
    /// control and bidirectional formatting characters written visibly as `\u{…}`, trailing
    /// spaces and tabs removed. Each line is safe after `/// `.
    public static func documentationLines(_ text: String) -> [String] {
        var lines: [String] = []
        var current = String.UnicodeScalarView()
        var previousWasCR = false
        func flush() {
            var line = String(current)
            while let last = line.unicodeScalars.last, last == " " || last == "\t" { line.unicodeScalars.removeLast() }
            lines.append(line)
            current = String.UnicodeScalarView()
        }
        if isPlainASCII(text) {
            // No line breaks at all: one line.
            var line = Substring(text)
            while let last = line.last, last == " " || last == "\t" { line.removeLast() }
            return [String(line)]
        }
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch kind(scalar) {
            case .plain: current.append(scalar)
            case .lineBreak:
                if scalar == "\n", previousWasCR { continue }  // CR LF: one break, already taken at CR
                flush()
            case .control, .bidi: current.append(contentsOf: escape(scalar).unicodeScalars)
            }
        }
        flush()
        return lines
    }

    /// Text for one `//` line comment (a file header, the manifest): every line break becomes a
    /// space (CR LF one space), control and bidirectional formatting characters are written
    /// visibly as `\u{…}`.
    public static func commentLine(_ text: String) -> String {
        if isPlainASCII(text) { return text }
        var result = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch kind(scalar) {
            case .plain: result.append(scalar)
            case .lineBreak:
                if scalar == "\n", previousWasCR { continue }
                result.append(" ")
            case .control, .bidi: result.append(contentsOf: escape(scalar).unicodeScalars)
            }
        }
        return String(result)
    }

    /// A Swift string literal (`"a\"b"`) whose value is exactly `text`: `"` and `\` escaped (so
    /// neither `"""` nor `\(` can end the literal or interpolate), `\n` `\r` `\t` by name, every
    /// other line break, control character, bidirectional formatting character and U+FEFF as
    /// `\u{…}`. The literal is one line and shows no invisible characters.
    public static func stringLiteral(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if kind(scalar) != .plain || scalar.value == 0xFEFF {
                    result += escape(scalar)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    /// A line as it is written to the output: any line break, control or bidirectional formatting
    /// character still in it becomes the visible text `\u{…}`. Callers escape spec text before
    /// this (the functions above); this is the backstop that makes it impossible for any text to
    /// start a new line of code, whatever a renderer interpolates: in a comment the escape is
    /// visible text, anywhere else it fails to compile rather than declaring anything.
    static func neutralizedLine(_ line: String) -> String {
        if isPlainASCII(line) { return line }
        var result = String.UnicodeScalarView()
        var changed = false
        for scalar in line.unicodeScalars {
            if kind(scalar) == .plain {
                result.append(scalar)
            } else {
                result.append(contentsOf: escape(scalar).unicodeScalars)
                changed = true
            }
        }
        return changed ? String(result) : line
    }
}

extension String {
    /// A Swift string literal for this text (`"a\"b"`): `SourceText.stringLiteral(_:)`.
    var swiftLiteral: String { SourceText.stringLiteral(self) }
}
