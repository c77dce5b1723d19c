@testable import BindgenCore
import Foundation
import Testing

/// The ECMA-262 → ICU translation, checked by running the translation on inputs whose ECMA-262
/// verdicts are known (they differ from ICU's own on several).
@Suite struct ECMAPatternTests {
    static func matches(_ pattern: String, _ text: String) throws -> Bool {
        let icu = try ECMAPattern.translate(pattern)
        let expression = try NSRegularExpression(pattern: icu)
        return expression.firstMatch(in: text, range: NSRange(text.startIndex..<text.endIndex, in: text)) != nil
    }

    @Test(arguments: [
        ("^2[0-9]{11}$", "212345678901", true), ("^2[0-9]{11}$", "112345678901", false), ("^2[0-9]{11}$", "2123", false),
        ("^[a-z]+$", "abc\n", false), ("^[a-z]+$", "abc", true),
        ("^\\d+$", "123", true), ("^\\d+$", "١٢٣", false), ("^\\d+$", "１２３", false), ("^[\\d]+$", "٣", false),
        ("^\\w+$", "héllo", false), ("^\\w+$", "hello_1", true), ("^\\W$", "é", true),
        ("\\s", "\u{00A0}", true), ("\\s", "\u{0085}", false), ("\\s", "\u{FEFF}", true), ("^\\S$", "\u{0085}", true),
        ("^.$", "\u{2028}", false), ("^.$", "\u{0085}", true), ("^.$", "😀", true), ("^..$", "😀", false),
        ("2[0-9]{3}", "ab2024cd", true), ("\\bcat\\b", "a cat!", true), ("\\bcat\\b", "écat", true), ("\\Bcat", "xcat", true),
        ("^[^]$", "\n", true), ("^[]$", "", false), ("^a{2,3}?$", "aaa", true), ("^(?:ab)+$", "abab", true),
        ("^(?<year>[0-9]{4})-(?=[0-9])", "2026-0", true), ("(?<!\\$)\\b[0-9]+", "$12 34", true),
        ("^\\p{Lu}\\p{Ll}+$", "Émile", true), ("^\\p{Script=Greek}+$", "αβγ", true), ("^[\\u00e9]$", "é", true),
        ("^\\u{1F600}$", "😀", true), ("^\\uD83D\\uDE00$", "😀", true), ("^[+\\-*/]$", "-", true), ("^\\.\\*$", ".*", true),
        ("^[a-c&&b]$", "&", true), ("^[[]$", "[", true), ("^\\x41\\cJ$", "A\n", true), ("^\\0$", "\u{0}", true),
    ])
    func ecmaSemantics(pattern: String, text: String, expected: Bool) throws {
        #expect(try Self.matches(pattern, text) == expected, "\(pattern) on \(text.debugDescription)")
    }

    @Test(arguments: [
        ("(a)\\1", "backreferences"), ("\\k<x>(?<x>a)", "backreferences"), ("(?i)abc", "unsupported group"), ("a{2", "incomplete quantifier"),
        ("*a", "nothing to repeat"), ("a)", "unmatched"), ("[b-a]", "out of order"), ("\\a", "invalid escape"), ("(?=a)*", "cannot be quantified"),
        ("[\\d-z]", "range endpoint"), ("\\p{Foo}", "unsupported Unicode property"), ("(?<=a+)b", "ICU rejects"), ("a{3,1}", "out of order"),
        ("\\01", "octal"), ("]", "lone"), ("\\uD800", "lone surrogates"), ("\\u{+41}", "invalid"),
    ])
    func rejects(pattern: String, reason: String) {
        #expect(throws: ECMAPattern.Failure.self) { try ECMAPattern.translate(pattern) }
        do {
            _ = try ECMAPattern.translate(pattern)
        } catch {
            #expect(error.message.contains(reason), "\(pattern): \(error.message)")
        }
    }
}
