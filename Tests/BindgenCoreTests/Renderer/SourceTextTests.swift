@testable import BindgenCore
import Testing

/// The escaping layer (`SourceText`): every line break ends a comment line, nothing invisible or
/// control-like survives in a comment, a string literal always has the exact value.
@Suite struct SourceTextTests {
    @Test(arguments: [
        ("a\nb", ["a", "b"]), ("a\rb", ["a", "b"]), ("a\r\nb", ["a", "b"]), ("a\n\rb", ["a", "", "b"]),
        ("a\u{0B}b", ["a", "b"]), ("a\u{0C}b", ["a", "b"]), ("a\u{85}b", ["a", "b"]), ("a\u{2028}b", ["a", "b"]),
        ("a\u{2029}b", ["a", "b"]), ("a\r\r\nb", ["a", "", "b"]), ("a \t\r\nb  ", ["a", "b"]), ("trailing\n", ["trailing", ""]),
        ("plain text  ", ["plain text"]), ("é\u{2028}ü", ["é", "ü"]),
    ])
    func documentationSplitsOnEveryLineBreak(text: String, lines: [String]) {
        #expect(SourceText.documentationLines(text) == lines)
    }

    @Test func controlAndBidiCharactersAreWrittenVisibly() {
        let lines = SourceText.documentationLines("nul:\0 esc:\u{1B}[31m del:\u{7F} csi:\u{9B} rlo:\u{202E}x\u{202C} lri:\u{2066}y\u{2069} lrm:\u{200E} alm:\u{61C} tab:\tz")
        #expect(lines == [#"nul:\u{0} esc:\u{1b}[31m del:\u{7f} csi:\u{9b} rlo:\u{202e}x\u{202c} lri:\u{2066}y\u{2069} lrm:\u{200e} alm:\u{61c} tab:"# + "\tz"])
        // Block-comment and interpolation text is plain comment text after `///`.
        #expect(SourceText.documentationLines(#"*/ /* """ \( \"#) == [#"*/ /* """ \( \"#])
    }

    @Test func commentLineIsOneLine() {
        #expect(SourceText.commentLine("spec\r\npublic func evil() {}\r.yaml") == "spec public func evil() {} .yaml")
        #expect(SourceText.commentLine("a\u{2028}b\u{85}c\0d\u{202E}") == #"a b c\u{0}d\u{202e}"#)
        #expect(SourceText.commentLine("openapi.yaml") == "openapi.yaml")
    }

    @Test(arguments: [
        ("plain", #""plain""#), ("a\"b", #""a\"b""#), (#"x\(evil())"#, #""x\\(evil())""#), ("\"\"\"", #""\"\"\"""#),
        ("a\r\nb\tc", #""a\r\nb\tc""#), ("nul\0", #""nul\u{0}""#), ("\u{85}\u{2028}\u{2029}", #""\u{85}\u{2028}\u{2029}""#),
        ("\u{202E}\u{2066}\u{200F}", #""\u{202e}\u{2066}\u{200f}""#), ("\u{FEFF}", #""\u{feff}""#), ("\u{7F}\u{9B}", #""\u{7f}\u{9b}""#),
        ("é ü 😀", #""é ü 😀""#), ("*/ /*", #""*/ /*""#),
    ])
    func stringLiteralsEscapeEverythingThatCouldEndOrHideThem(text: String, literal: String) {
        #expect(SourceText.stringLiteral(text) == literal)
        #expect(text.swiftLiteral == literal)
    }

    @Test func writerLinesCannotCarryALineBreak() {
        var writer = SwiftWriter()
        writer.documentation("doc\rpublic func evil1() -> Int { 5 }")
        writer.line("let x = 1 // \r\npublic func evil2() -> Int { 5 }")
        writer.comment("header\u{2028}public func evil3() -> Int { 5 }")
        #expect(writer.lines == [
            "/// doc", "/// public func evil1() -> Int { 5 }",
            #"let x = 1 // \u{d}\u{a}public func evil2() -> Int { 5 }"#,
            "// header public func evil3() -> Int { 5 }",
        ])
        #expect(!writer.text.unicodeScalars.contains { $0 != "\n" && SourceText.kind($0) != .plain })
    }
}
