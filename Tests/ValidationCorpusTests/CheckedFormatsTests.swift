@testable import BindgenCore
import BindingRuntime
import Testing

/// The generator emits `format` into a validation schema only for the formats the runtime
/// checks; the two lists are one rule and must not drift apart.
@Suite struct CheckedFormatsTests {
    @Test func generatorAndRuntimeAgreeOnTheCheckedFormats() {
        #expect(Translator.checkedFormats == FormatCheck.checkedFormats)
    }
}
