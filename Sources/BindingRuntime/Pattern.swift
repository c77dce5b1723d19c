import Foundation

/// A `pattern` keyword's regular expression: the ECMA-262 source as the spec wrote it, and the
/// ICU translation the generator made of it (see the README's "Patterns" section for the
/// supported subset). Compiled once, on first use; matching is a search anywhere in the string,
/// as ECMA-262's `RegExp.prototype.test`.
public final class Pattern: Sendable {
    /// The pattern as written in the spec (ECMA-262 syntax, evaluated with the `u` flag).
    public let source: String
    /// The equivalent ICU (`NSRegularExpression`) pattern.
    public let icu: String
    private let compiled: Compiled

    public init(source: String, icu: String) {
        self.source = source
        self.icu = icu
        self.compiled = Compiled(icu)
    }

    /// Whether the pattern matches somewhere in `text`.
    public func matches(_ text: String) -> Bool {
        guard let expression = compiled.expression else { return false }
        let range = NSRange(text.startIndex..<text.endIndex, in: text)
        return expression.firstMatch(in: text, options: [], range: range) != nil
    }

    /// NSRegularExpression is immutable and documented thread-safe for matching.
    private final class Compiled: @unchecked Sendable {
        let expression: NSRegularExpression?
        init(_ icu: String) {
            expression = try? NSRegularExpression(pattern: icu, options: [])
        }
    }
}
