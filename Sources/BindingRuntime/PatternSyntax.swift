import Foundation

/// The syntax tree of an ECMA-262 regular expression (ECMA-262 §22.2.1, evaluated with the `u`
/// flag and no other flag), restricted to the subset the generator accepts (see
/// `ECMAPattern` in BindgenCore and the README's "Patterns" section). Only what decides *whether*
/// a string matches is kept: groups lose their captures, greedy and lazy quantifiers are the same
/// node, because without backreferences (rejected by the generator) no capture can change
/// whether `RegExp.prototype.test` succeeds.
indirect enum PatternNode: Sendable {
    /// Matches the empty string.
    case empty
    /// One code point from the set (ECMA-262 §22.2.2.7 CharacterSetMatcher).
    case set(CodePointSet)
    case sequence([PatternNode])
    case alternation([PatternNode])
    /// `x{min,max}`; `max == nil` is unbounded. ECMA-262 §22.2.2.3.1 RepeatMatcher rejects an
    /// iteration past `min` that matches the empty string; for the *set* of strings matched that
    /// rule changes nothing (dropping an empty iteration never invalidates a path), so the
    /// automaton needs no counterpart of it.
    case quantified(PatternNode, min: Int, max: Int?)
    case assertion(PatternAssertion)
    /// `(?=…)`, `(?!…)`, `(?<=…)`, `(?<!…)` (ECMA-262 §22.2.2.4).
    case look(PatternNode, behind: Bool, negated: Bool)
}

/// The zero-width assertions other than lookaround (ECMA-262 §22.2.2.4; no `m` flag).
enum PatternAssertion: Sendable {
    /// `^`: only at the start of the input.
    case start
    /// `$`: only at the end of the input (never before a final line terminator).
    case end
    /// `\b`: exactly one of the code points around the position is an ASCII word character
    /// (ECMA-262 §22.2.2.4.1 IsWordChar, without `i`: `[A-Za-z0-9_]`).
    case wordBoundary
    /// `\B`.
    case notWordBoundary
}
