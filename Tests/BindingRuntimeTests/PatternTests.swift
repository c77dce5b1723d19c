@testable import BindingRuntime
import Foundation
import Testing

/// The runtime pattern engine (a Thompson automaton over ECMA-262 §22.2 with the `u` flag): its
/// verdicts on inputs whose ECMA-262 answers are known (Node's `RegExp` agrees with each), and
/// the linear bound on its work, asserted on its step counter.
@Suite struct PatternTests {
    static func pattern(_ source: String) -> Pattern { Pattern(source: source, icu: "") }

    @Test(arguments: [
        // The generator's translation table (Tests/BindgenCoreTests/ECMAPatternTests.swift).
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
        // Search, anchors, alternation, quantifiers.
        ("", "", true), ("", "x", true), ("b", "abc", true), ("^b", "abc", false), ("c$", "abc", true), ("a$", "a\n", false),
        ("^(?:a|bc)*$", "abcbca", true), ("^(?:a|bc)*$", "abcb", false), ("^a{3}$", "aa", false), ("^a{3}$", "aaa", true),
        ("^a{2,}$", "aaaaa", true), ("^a{2,}$", "a", false), ("^a{0}$", "", true), ("^(?:ab){1,2}$", "ababab", false),
        ("^a?b?c?$", "ac", true), ("^a+?$", "aaa", true), ("x*", "", true), ("^[^a-c]$", "d", true), ("^[^a-c]$", "b", false),
        ("^[\\D]$", "x", true), ("^[\\W\\d]$", "5", true), ("^[\\S]$", " ", false), ("^\\P{L}$", "1", true), ("^\\P{L}$", "a", false),
        ("^\\p{gc=Nd}+$", "٣3", true), ("^[\\p{L}\\d]+$", "é5", true), ("^[\\b]$", "\u{8}", true), ("^\\/$", "/", true),
        // Empty iterations and nested quantifiers (ECMA-262 §22.2.2.3.1).
        ("^(?:a*)*$", "aaa", true), ("^(?:a*)*b$", "aaa", false), ("^(?:a|)*b$", "aab", true), ("^(?:\\b)*a$", "a", true),
        ("^(?:a?){3}$", "aa", true), ("(a+)+$", "aaaab", false), ("(a+)+$", "baaaa", true), ("^(a+)+$", "aaaab", false),
        // Lookaround, nested and at the ends.
        ("^(?=.*\\d)(?=.*[a-z]).{8,}$", "abcdefg1", true), ("^(?=.*\\d)(?=.*[a-z]).{8,}$", "abcdefgh", false),
        ("^(?!.*\\.\\.)[a-z.]+$", "a.b.c", true), ("^(?!.*\\.\\.)[a-z.]+$", "a..b", false),
        ("(?<=\\$)\\d+", "cost $12", true), ("(?<=\\$)\\d+", "cost 12", false), ("(?<![a-z])\\d", "a1", false), ("(?<![a-z])\\d", "-1", true),
        ("(?<=^a*)b", "aaab", true), ("(?<=^a*)b", "acab", false), ("a(?=b(?!c))", "abd", true), ("a(?=b(?!c))", "abc", false),
        ("(?<=(?<!x)a)b", "ab", true), ("(?<=(?<!x)a)b", "xab", false), ("(?=$)", "abc", true), ("^(?=a)b", "b", false),
        ("(?<=\\bfoo)bar", "foobar", true), ("(?<=\\bfoo)bar", "xfoobar", false), ("(?=.{3}$)", "abcdef", true),
    ])
    func ecmaSemantics(source: String, text: String, expected: Bool) {
        #expect(Self.pattern(source).matches(text) == expected, "\(source) on \(text.debugDescription)")
    }

    /// Straight-line patterns (sets and assertions only, `PatternAutomaton.isStraight`) skip the
    /// lock-step simulation; both must give the same verdict on every start position and text.
    @Test func straightPatternsAgreeWithTheSimulation() throws {
        let sources = ["^2[0-9]{11}$", "2[0-9]{3}", "\\bcat\\b", "\\Bcat", "^\\d\\d-\\d$", "c$", "^b", "", "^$", "a\\b", "^[^a-c]x$", "é.$", "^\\u{1F600}$"]
        let texts = ["", "212345678901", "112345678901", "2123456789012", "ab2024cd", "a cat!", "écat", "xcat", "12-3", "abc", "a", "dx",
                     "xé😀", "😀", "b", "a\n", "2000"]
        for source in sources {
            guard let automaton = Self.pattern(source).compiled else { Issue.record("\(source) did not compile"); continue }
            #expect(automaton.isStraight, "\(source) should be straight")
            for text in texts {
                var fastSteps = 0, slowSteps = 0
                let fast = automaton.straightSearch(text.unicodeScalars, steps: &fastSteps)
                let slow = automaton.search(text.unicodeScalars.map(\.value), steps: &slowSteps) == .match
                #expect(fast == slow, "\(source) on \(text.debugDescription): straight \(fast), simulation \(slow)")
                #expect(fastSteps <= (text.unicodeScalars.count + 1) * automaton.instructionCount)
            }
        }
        for source in ["^a+$", "a|b", "(?=a)", "a?"] {
            guard let automaton = Self.pattern(source).compiled else { continue }
            #expect(!automaton.isStraight, "\(source) is not straight")
        }
    }

    /// What the generator rejects, the runtime does not compile either (it fails closed).
    @Test(arguments: [
        "(a)\\1", "\\k<x>(?<x>a)", "(?i)abc", "a{2", "*a", "a)", "[b-a]", "\\a", "(?=a)*", "[\\d-z]", "\\p{Foo}", "a{3,1}", "\\01", "]",
        "\\uD800", "\\u{+41}", "\\u{}", "(", "[a", "a{99999999999999999999}", "\\", "\\c1", "\\xG0", "(?<>a)",
        String(repeating: "(", count: 300) + String(repeating: ")", count: 300),
    ])
    func rejects(source: String) {
        let outcome = Self.pattern(source).evaluate("a")
        guard case .unsupported = outcome else {
            Issue.record("\(source.prefix(40)): \(outcome)")
            return
        }
        #expect(!Self.pattern(source).matches("a"))
    }

    /// The shapes that take exponential time in a backtracking engine (ICU took 21 s for
    /// `(a+)+$` on 61 characters): here the steps are at most `2 · (n + 1) · m` and double when
    /// the input doubles.
    @Test(arguments: [
        ("(a+)+$", "a", "!"), ("(a|a)*b", "a", ""), ("(a*)*b", "a", ""), ("^(\\w+\\s?)*$", "ab ", "!"),
        ("^(a|aa)+$", "a", "b"), ("^(?:a+)+(?:b+)+$", "ab", "!"), ("(x+x+)+y", "x", ""), ("^(\\d+)*[a-z]$", "1", "!"),
        ("^(([a-z])+.)+[A-Z]([a-z])+$", "ab", "!"), ("(?=(a+)+$)a", "a", "!"), ("(?<=(a+)+)b", "a", "c"), ("^(?:a?){25}a{25}$", "a", "!"),
    ])
    func stepsGrowLinearly(source: String, unit: String, tail: String) throws {
        let pattern = Self.pattern(source)
        let size = try #require(pattern.instructionCount)
        var previous = 0
        for n in [64, 128, 256, 512, 1024, 2048] {
            let text = String(repeating: unit, count: n / unit.count) + tail
            let length = text.unicodeScalars.count
            var steps = 0
            let outcome = pattern.evaluate(text, steps: &steps)
            #expect(outcome == .match || outcome == .noMatch)
            #expect(steps <= 2 * (length + 1) * size, "\(source), n = \(n): \(steps) steps, m = \(size)")
            if previous > 0 {
                #expect(Double(steps) <= 2.2 * Double(previous), "\(source): \(previous) → \(steps) steps when the input doubles")
            }
            previous = steps
        }
    }

    /// The reported cases: `(a+)+$` on 61 characters, and a 29-byte value.
    @Test func reportedCasesAreCheap() {
        var steps = 0
        #expect(Self.pattern("(a+)+$").evaluate(String(repeating: "a", count: 60) + "!", steps: &steps) == .noMatch)
        #expect(steps < 2_000)
        steps = 0
        #expect(Self.pattern("^(\\w+\\s?)*$").evaluate(String(repeating: "a", count: 28) + "!", steps: &steps) == .noMatch)
        #expect(steps < 2_000)
    }

    /// Expanded counted repetitions can make a large automaton: past the threshold a match runs
    /// under the hard budget and reports it; past the size limit the pattern is not compiled.
    @Test func budgetAndSizeLimits() throws {
        // 120 · (2 · 120 + 1) + 3 instructions: over the threshold, so every match is budgeted
        // (a small budget here, to keep the debug-build test fast; the default is the same code).
        let source = "^(?:a{0,120}){0,120}$"
        let budget = 1_000_000
        let large = Pattern(source: source, icu: "", stepBudget: budget)
        let size = try #require(large.instructionCount)
        #expect(size > PatternAutomaton.budgetThreshold)
        let subject = String(repeating: "a", count: 400) + "b"
        var steps = 0
        let outcome = large.evaluate(subject, steps: &steps)
        #expect(outcome == .budgetExceeded(steps: steps))
        #expect(steps > budget && steps <= budget + 2 * size)
        #expect(!large.matches(subject))
        // Within the budget the same pattern decides.
        #expect(large.evaluate("aaa") == .match)
        // Below the threshold no budget applies, however long the input.
        var small = 0
        #expect(Pattern(source: "^(?:a|b)*c$", icu: "", stepBudget: 10).evaluate(String(repeating: "ab", count: 5000), steps: &small) == .noMatch)
        #expect(small > 10)
        // Large but cheap on these inputs: decided well within the default budget.
        #expect(Self.pattern("^.{0,65535}$").evaluate(String(repeating: "x", count: 5000)) == .match)
        #expect(Self.pattern("^.{0,65535}$").evaluate(String(repeating: "x", count: 65536)) == .noMatch)

        guard case .unsupported(let reason) = Self.pattern("a{2000000}").evaluate("a") else {
            Issue.record("a{2000000} compiled")
            return
        }
        #expect(reason.contains("instructions"))

        let schema = ValidationSchema(types: [.string], pattern: large)
        let errors = schema.validate(.string(subject))
        #expect(errors.map(\.keyword) == ["pattern"])
        #expect(errors.first?.message.contains("budget") == true)
        let unsupported = ValidationSchema(types: [.string], pattern: Self.pattern("a{2000000}"))
        #expect(unsupported.validate(.string("a")).first?.message.contains("cannot be evaluated") == true)
    }

    /// Matching from many threads at once (`Pattern` is `Sendable`; the property cache is locked).
    @Test func concurrentMatching() async {
        let pattern = Self.pattern("^\\p{L}+(?<!\\p{Lu})$")
        await withTaskGroup(of: Bool.self) { group in
            for index in 0..<8 {
                group.addTask { pattern.matches(String(repeating: "éß", count: 100 + index)) && !pattern.matches("abcÉ") }
            }
            for await result in group { #expect(result) }
        }
    }
}
