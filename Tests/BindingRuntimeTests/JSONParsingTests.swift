import BindingRuntime
import Foundation
import Testing

/// `JSONValue.parse` against RFC 8259, one row per rule, each cross-checked with Foundation's
/// `JSONSerialization` (with `.fragmentsAllowed`: RFC 8259 §2 allows any value at the top). Rows
/// where Foundation's answer differs say why; everywhere else the two must agree.
@Suite struct JSONParsingTests {
    struct Row: Sendable, CustomTestStringConvertible {
        var input: [UInt8]
        /// Our value, or nil for a syntax error.
        var expected: JSONValue?
        /// Why Foundation answers otherwise (nil: it must agree).
        var foundationDiffers: String?
        var testDescription: String { String(decoding: input.prefix(40), as: UTF8.self).debugDescription }

        init(_ text: String, _ expected: JSONValue?, foundationDiffers: String? = nil) {
            self.init(bytes: Array(text.utf8), expected, foundationDiffers: foundationDiffers)
        }

        init(bytes: [UInt8], _ expected: JSONValue?, foundationDiffers: String? = nil) {
            input = bytes
            self.expected = expected
            self.foundationDiffers = foundationDiffers
        }
    }

    static let rows: [Row] = [
        // §7 escapes: exactly the eight single-character escapes and \u with four hex digits.
        Row(#""\" \\ \/ \b \f \n \r \t""#, .string("\" \\ / \u{8} \u{C} \n \r \t")),
        Row(#""\u0041\u00e9\u00E9""#, .string("Aéé")),
        Row(#""\u+041""#, nil), Row(#""\u-041""#, nil), Row(#""\u 041""#, nil), Row(#""\u041""#, nil), Row(#""\u004G""#, nil),
        Row(#""\u""#, nil), Row(#""\x41""#, nil), Row(#""\a""#, nil), Row(#""\'""#, nil), Row(#""\U0041""#, nil), Row(#""\0""#, nil),
        Row(#""\"#, nil), Row(#""abc"#, nil), Row("\"\\u0000\"", .string("\u{0}")),
        // §7/§8.2 surrogates: a pair is one code point; a lone surrogate is an error (a Swift String cannot hold one).
        Row(#""\ud83d\ude00""#, .string("😀")), Row(#""\uD83D\uDE00""#, .string("😀")),
        Row(#""\ud83d""#, nil, foundationDiffers: nil), Row(#""\ude00""#, nil), Row(#""\ud83d\u0041""#, nil), Row(#""\ud83dx""#, nil),
        Row(#""\ude00\ud83d""#, nil),
        // §7 unescaped control characters (U+0000–U+001F) are errors; DEL and beyond are not.
        Row("\"a\u{1}b\"", nil), Row("\"a\tb\"", nil), Row("\"a\nb\"", nil), Row(bytes: [0x22, 0x00, 0x22], nil), Row("\"\u{7F}\"", .string("\u{7F}")),
        Row("\"\u{2028}é😀\"", .string("\u{2028}é😀")),
        // §8.1 UTF-8 only: invalid sequences, overlong forms and encoded surrogates are errors.
        Row(bytes: [0x22, 0xFF, 0x22], nil), Row(bytes: [0x22, 0xC0, 0xAF, 0x22], nil), Row(bytes: [0x22, 0xED, 0xA0, 0x80, 0x22], nil),
        Row(bytes: [0x22, 0xE2, 0x82, 0x22], nil),
        // §6 numbers.
        Row("0", .integer(0)), Row("-0", .integer(0)), Row("-0.0", .number(-0.0)), Row("12", .integer(12)), Row("-12", .integer(-12)),
        Row("1.5", .number(1.5)), Row("1e2", .number(100)), Row("1E+2", .number(100)), Row("1e-2", .number(0.01)), Row("0.5e0", .number(0.5)),
        Row("9223372036854775807", .integer(.max)), Row("-9223372036854775808", .integer(.min)),
        Row("9223372036854775808", .number(9_223_372_036_854_775_808)),
        Row("01", nil), Row("-01", nil), Row("00", nil), Row("1.", nil), Row(".5", nil), Row("-.5", nil), Row("1e", nil), Row("1e+", nil),
        Row("1.e2", nil), Row("+1", nil), Row("-", nil), Row("--1", nil), Row("0x10", nil), Row("1_000", nil), Row("Infinity", nil),
        Row("-Infinity", nil), Row("NaN", nil), Row("1 2", nil),
        // §6 lets an implementation limit the range: beyond Double's is an error (Foundation agrees).
        Row("1e400", nil), Row("-1e400", nil), Row("1e-400", .number(0)),
        // §3 literals are lower case and whole.
        Row("true", .bool(true)), Row("false", .bool(false)), Row("null", .null), Row("True", nil), Row("nul", nil), Row("nulll", nil),
        Row("NULL", nil), Row("tru", nil),
        // §2 whitespace: space, tab, LF, CR only, around values and structural characters.
        Row(" \t\n\r[ 1 , 2 ] \t\n\r", .array([.integer(1), .integer(2)])), Row("{ \"a\" : 1 }", .object(["a": .integer(1)])),
        Row("\u{0C}1", nil), Row("\u{0B}1", nil), Row("\u{A0}1", nil), Row("1\u{2028}", nil), Row("\u{FEFF}\u{FEFF}1", nil),
        // §2 structure.
        Row("[]", .array([])), Row("{}", .object([:])), Row("[1,]", nil, foundationDiffers: "Foundation accepts a trailing comma, which §5 does not"), Row("[,1]", nil), Row("[1 2]", nil), Row("{\"a\" 1}", nil),
        Row("{\"a\":1,}", nil, foundationDiffers: "Foundation accepts a trailing comma, which §4 does not"), Row("{a:1}", nil), Row("{'a':1}", nil), Row("{1:1}", nil), Row("[", nil), Row("]", nil), Row("{\"a\":}", nil),
        Row("{\"a\":1,\"a\":2}", .object(["a": .integer(2)])),
        // Trailing garbage, empty input.
        Row("[1] 2", nil), Row("1x", nil), Row("{}}", nil), Row("\"a\"\"b\"", nil), Row("1\u{0}", nil, foundationDiffers: "Foundation stops reading at a NUL byte; §2 allows only whitespace after the value"), Row("", nil), Row("   ", nil),
        // §8.1 byte order mark: one leading UTF-8 BOM is ignored (allowed); anything else is not JSON.
        Row(bytes: [0xEF, 0xBB, 0xBF] + Array("[1]".utf8), .array([.integer(1)])),
        Row(bytes: [0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF] + Array("1".utf8), nil),
        Row(bytes: [0xEF, 0xBB] + Array("1".utf8), nil),
        Row(bytes: [0xFE, 0xFF, 0x00, 0x31], nil, foundationDiffers: "§8.1 requires UTF-8; Foundation also reads UTF-16"),
        Row(bytes: [0x00, 0x31], nil, foundationDiffers: "§8.1 requires UTF-8; Foundation detects UTF-16 without a BOM"),
        // §9 nesting: up to 512 arrays or objects.
        Row(String(repeating: "[", count: 512) + String(repeating: "]", count: 512), nested(512)),
        Row(String(repeating: "[", count: 512) + "1" + String(repeating: "]", count: 512), nested(512, innermost: [.integer(1)])),
        Row(String(repeating: "[", count: 513) + String(repeating: "]", count: 513), nil),
        Row(String(repeating: "{\"a\":", count: 513) + "1" + String(repeating: "}", count: 513), nil),
    ]

    static func nested(_ depth: Int, innermost: [JSONValue] = []) -> JSONValue {
        var value = JSONValue.array(innermost)
        for _ in 1..<depth { value = .array([value]) }
        return value
    }

    @Test(arguments: rows)
    func rfc8259(row: Row) {
        let ours = try? JSONValue.parse(Data(row.input))
        #expect(ours == row.expected)
        // Foundation's verdict (accepts or not) must match unless the row says why it differs.
        let foundation = (try? JSONSerialization.jsonObject(with: Data(row.input), options: [.fragmentsAllowed])) != nil
        if row.foundationDiffers == nil {
            #expect(foundation == (row.expected != nil), "Foundation \(foundation ? "accepts" : "rejects") it")
        } else {
            #expect(foundation != (row.expected != nil), "Foundation now agrees: drop the note")
        }
    }

    @Test func errorsCarryTheOffset() {
        #expect(throws: JSONSyntaxError.self) { try JSONValue.parse(Data(#"["ab\u+041"]"#.utf8)) }
        do {
            _ = try JSONValue.parse(Data(#"["ab\u+041"]"#.utf8))
        } catch {
            #expect(error.offset == 6)
            #expect(error.message.contains("\\u"))
        }
    }
}
