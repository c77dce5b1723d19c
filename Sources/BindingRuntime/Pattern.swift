/// A `pattern` keyword's regular expression (JSON Schema Validation §6.3.3: an ECMA-262 regular
/// expression, here evaluated with the `u` flag): the source as the spec wrote it, and the ICU
/// translation the generator made of it (kept for reference; see the README's "Patterns" section
/// for the supported subset). Matching is a search anywhere in the string, as ECMA-262's
/// `RegExp.prototype.test`.
///
/// Matching cannot blow up on hostile input: the source is compiled once, at initialisation, into
/// a Thompson automaton (`PatternAutomaton`) that is simulated in lock step, so the work is
/// linear in the string's length — at most `2 · (n + 1) · m` steps for `n` code points and `m`
/// instructions, whatever the pattern's shape (`(a+)+$`, `(a|a)*b`, `(a*)*b`, nested lookaround).
/// Counted repetitions are expanded, so `m` can be large (`.{0,65535}`); a pattern of more than
/// `PatternAutomaton.budgetThreshold` instructions runs under a hard per-match budget of
/// `PatternAutomaton.stepBudget` steps and reports `.budgetExceeded` past it, and one of more
/// than `PatternAutomaton.maxInstructions` is not compiled (`.unsupported`). Both fail closed:
/// `matches(_:)` is false and validation reports a `pattern` violation that says why.
public final class Pattern: Sendable {
    /// The pattern as written in the spec (ECMA-262 syntax, evaluated with the `u` flag).
    public let source: String
    /// The generator's equivalent ICU (`NSRegularExpression`) pattern. Not used for matching.
    public let icu: String
    private let automaton: Result<PatternAutomaton, CompileFailure>
    private let stepBudget: Int

    private struct CompileFailure: Error {
        var message: String
    }

    /// The verdict of one match.
    public enum Outcome: Equatable, Sendable {
        case match
        case noMatch
        /// The pattern is too large for the per-match step budget on this input: not decided, so
        /// treated as no match.
        case budgetExceeded(steps: Int)
        /// The pattern could not be compiled (outside the supported subset, or too large once
        /// counted repetitions are expanded): treated as no match.
        case unsupported(String)
    }

    public convenience init(source: String, icu: String) {
        self.init(source: source, icu: icu, stepBudget: PatternAutomaton.stepBudget)
    }

    /// `stepBudget` replaces `PatternAutomaton.stepBudget` (tests use a small one).
    init(source: String, icu: String, stepBudget: Int) {
        self.source = source
        self.icu = icu
        self.stepBudget = stepBudget
        self.automaton = Self.compile(source)
    }

    private static func compile(_ source: String) -> Result<PatternAutomaton, CompileFailure> {
        let node: PatternNode
        switch Result(catching: { () throws(PatternParser.Failure) -> PatternNode in try PatternParser.parse(source) }) {
        case .success(let parsed): node = parsed
        case .failure(let error): return .failure(CompileFailure(message: "invalid pattern at code point \(error.offset): \(error.message)"))
        }
        switch Result(catching: { () throws(PatternAutomaton.Failure) -> PatternAutomaton in try PatternAutomaton(node) }) {
        case .success(let automaton): return .success(automaton)
        case .failure(.tooLarge(let size)):
            return .failure(CompileFailure(message: "the pattern expands to \(size == Int.max ? "too many" : String(size)) instructions (at most \(PatternAutomaton.maxInstructions))"))
        }
    }

    /// Whether the pattern matches somewhere in `text`.
    public func matches(_ text: String) -> Bool {
        evaluate(text) == .match
    }

    /// Matches `text` and says why when it cannot decide.
    public func evaluate(_ text: String) -> Outcome {
        var steps = 0
        return evaluate(text, steps: &steps)
    }

    /// `evaluate(_:)`, also counting the automaton's steps (instructions visited plus code points
    /// tested): the measure that the linear bound is stated in.
    func evaluate(_ text: String, steps: inout Int) -> Outcome {
        switch automaton {
        case .failure(let failure):
            return .unsupported(failure.message)
        case .success(let automaton):
            if automaton.isStraight {
                return automaton.straightSearch(text.unicodeScalars, steps: &steps) ? .match : .noMatch
            }
            var codePoints: [UInt32] = []
            codePoints.reserveCapacity(text.utf8.count)
            for scalar in text.unicodeScalars { codePoints.append(scalar.value) }
            switch automaton.search(codePoints, steps: &steps, budget: stepBudget) {
            case .match: return .match
            case .noMatch: return .noMatch
            case .budgetExceeded: return .budgetExceeded(steps: steps)
            }
        }
    }

    /// The compiled automaton, or nil if the pattern did not compile.
    var compiled: PatternAutomaton? {
        if case .success(let automaton) = automaton { return automaton }
        return nil
    }

    /// Instructions in the compiled automaton (all programs), or nil if it did not compile.
    var instructionCount: Int? {
        if case .success(let automaton) = automaton { return automaton.instructionCount }
        return nil
    }
}
