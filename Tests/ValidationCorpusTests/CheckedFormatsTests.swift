@testable import BindgenCore
import BindingRuntime
import Testing

/// The generator emits `format` into a validation schema only for the formats the runtime
/// checks; the two lists are one rule and must not drift apart. (The generator cannot link the
/// runtime, so each keeps its list: `Translator.checkedFormats`, `FormatCheck.checkedFormats`.)
@Suite struct CheckedFormatsTests {
    @Test func generatorAndRuntimeAgreeOnTheCheckedFormats() {
        #expect(Translator.checkedFormats == FormatCheck.checkedFormats)
    }

    /// The runtime's list is what `FormatCheck.isValid` does: a listed format rejects text that
    /// is no value of it, and a format not listed is an annotation that accepts anything.
    @Test func theRuntimeChecksExactlyTheListedFormats() {
        for format in FormatCheck.checkedFormats {
            #expect(!FormatCheck.isValid("x", format: format), "\(format) is listed as checked but accepts 'x'")
        }
        for format in ["hostname", "int32", "int64", "binary", "password", "uri-reference", "regex", "time", "duration"] where !FormatCheck.checkedFormats.contains(format) {
            #expect(FormatCheck.isValid("x", format: format), "\(format) is not listed as checked but rejects 'x'")
        }
    }
}
