@testable import BindgenCore
import FuzzSupport
@testable import BindingRuntime
import Foundation

/// One input: a pattern source, then (after the first NUL byte) a subject string, both UTF-8
/// (invalid sequences repaired). Checked:
/// - the generator's translation (`ECMAPattern.translate`) returns or throws, never crashes;
/// - a pattern the generator accepts compiles in the runtime engine (unless too large), so
///   generated code never carries a pattern the runtime cannot evaluate;
/// - the runtime engine's work is at most `2 · (n + 1) · m` steps (its linear bound);
/// - with `FUZZ_PATTERN_DIFFERENTIAL=1`: on short subjects, the runtime engine and ICU running
///   the translation agree (ICU backtracks, so this is off by default).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPattern(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = count == 0 ? [] : Array(UnsafeBufferPointer(start: start, count: count))
    let split = bytes.firstIndex(of: 0) ?? bytes.count
    let source = String(decoding: bytes[..<split], as: UTF8.self)
    let subject = split < bytes.count ? String(decoding: bytes[(split + 1)...], as: UTF8.self) : ""
    guard source.unicodeScalars.count <= 256 else { return 0 }

    // Automata of 50,000 to 1,000,000 instructions (`a{0,99999}`) are correct but slow to build
    // for every input; their budget is covered by the unit tests.
    if let node = try? PatternParser.parse(source) {
        let size = PatternAutomaton.size(of: node)
        if size > 50_000 && size <= PatternAutomaton.maxInstructions { return 0 }
    }
    let translated = try? ECMAPattern.translate(source)
    let pattern = Pattern(source: source, icu: translated ?? "")
    var steps = 0
    let outcome = pattern.evaluate(subject, steps: &steps)
    if let size = pattern.instructionCount {
        let n = subject.unicodeScalars.count
        precondition(steps <= 2 * (n + 1) * size, "\(steps) steps for n = \(n), m = \(size)")
    }
    guard let icu = translated else { return 0 }
    if case .unsupported(let reason) = outcome, !reason.contains("instructions") {
        preconditionFailure("the generator accepts \(source.debugDescription) but the runtime does not: \(reason)")
    }
    if differential, subject.unicodeScalars.count <= 8, source.unicodeScalars.count <= 24,
       outcome == .match || outcome == .noMatch,
       let expression = try? NSRegularExpression(pattern: icu) {
        let icuMatches = expression.firstMatch(in: subject, range: NSRange(subject.startIndex..<subject.endIndex, in: subject)) != nil
        precondition(icuMatches == (outcome == .match),
                     "\(source.debugDescription) on \(subject.debugDescription): ICU \(icuMatches), runtime \(outcome)")
    }
    return 0
}

private let differential = ProcessInfo.processInfo.environment["FUZZ_PATTERN_DIFFERENTIAL"] == "1"

/// `main` (see FuzzSupport).
@_cdecl("FuzzPattern_main")
public func fuzzPatternMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    runFuzzer(argc, argv, fuzzPattern)
}
