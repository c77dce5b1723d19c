import BindingRuntime
import Foundation
import Testing

@Suite struct ExactDecimalTests {
    @Test(arguments: [
        ("0.3", "0.1", true), ("0.30000000000000004", "0.1", false), ("19.99", "0.01", true), ("19.999", "0.01", false),
        ("9", "3", true), ("10", "3", false), ("0", "0.7", true), ("1e-7", "1e-8", true), ("-4.5", "1.5", true),
        ("123456789012345678901234567890", "10", true), ("1e300", "7", false), ("7e300", "7", true),
    ])
    func multipleOf(value: String, divisor: String, expected: Bool) throws {
        let a = try #require(ExactDecimal(value)), b = try #require(ExactDecimal(divisor))
        #expect(a.isMultiple(of: b) == expected)
    }

    @Test func comparesExactlyBeyondDoublePrecision() throws {
        let limit = try #require(ExactDecimal("9007199254740992"))
        #expect(ExactDecimal(Int64(9_007_199_254_740_993)) > limit)
        #expect(!(ExactDecimal(Int64(9_007_199_254_740_992)) > limit))
        #expect(ExactDecimal(Int64.min) < ExactDecimal(Int64.max))
        #expect(try #require(ExactDecimal("-0.5")) < ExactDecimal(Int64(0)))
        #expect(ExactDecimal("1.50") == ExactDecimal("1.5"))
        #expect(ExactDecimal(0.1 + 0.2)?.description == "0.30000000000000004")
        #expect(ExactDecimal("abc") == nil)
        #expect(ExactDecimal(Double.nan) == nil)
    }
}

@Suite struct FormatCheckTests {
    @Test(arguments: [
        ("date", "2026-03-30", true), ("date", "2026-02-30", false), ("date", "0000-01-01", false), ("date", "2026-3-30", false),
        ("date-time", "2026-03-30T10:00:00Z", true), ("date-time", "2026-03-30t10:00:00.5z", true), ("date-time", "2026-03-30T10:00:00+02:00", true),
        ("date-time", "2026-03-30T10:00:00", false), ("date-time", "2026-03-30T24:00:00Z", false), ("date-time", "2026-03-30 10:00:00Z", false),
        ("email", "a@b", true), ("email", "ab", false),
        ("uuid", "123e4567-e89b-12d3-a456-426614174000", true), ("uuid", "123E4567-E89B-12D3-A456-426614174000", true),
        ("uuid", "123e4567e89b12d3a456426614174000", false), ("uuid", "123e4567-e89b-12d3-a456-42661417400g", false),
        ("uri", "https://example.com/a?b=c#d", true), ("uri", "urn:isbn:0451450523", true), ("uri", "mailto:a@b.c", true),
        ("uri", "/relative", false), ("uri", "http://exa mple.com", false), ("uri", "http://[::1]:80/", true), ("uri", "http://%zz", false),
        ("ipv4", "192.168.0.1", true), ("ipv4", "256.1.1.1", false), ("ipv4", "01.1.1.1", false), ("ipv4", "1.1.1", false),
        ("ipv6", "::1", true), ("ipv6", "2001:db8::8a2e:370:7334", true), ("ipv6", "::ffff:192.0.2.1", true), ("ipv6", "fe80::1%eth0", false),
        ("ipv6", "1::2::3", false), ("ipv6", "12345::", false), ("ipv6", "1:2:3:4:5:6:7:8:9", false), ("ipv6", "", false),
        ("hostname", "anything", true),
    ])
    func formats(format: String, text: String, expected: Bool) {
        #expect(FormatCheck.isValid(text, format: format) == expected, "\(format): \(text)")
    }
}

@Suite struct SchemaValidationTests {
    static let person = ValidationSchema(
        draft: .draft4,
        types: [.object],
        properties: [
            ("name", ValidationSchema(types: [.string], minLength: 2, maxLength: 4)),
            ("tags", ValidationSchema(types: [.array], maxItems: 2, uniqueItems: true, items: ValidationSchema(types: [.string], pattern: Pattern(source: "^[a-z]+$", icu: "^[a-z]+\\z")))),
            ("age", ValidationSchema(types: [.integer], minimum: "0", exclusiveMaximum: "150")),
        ],
        required: ["name", "id"],
        additionalProperties: .forbidden)

    static func parse(_ text: String) throws -> JSONValue { try JSONValue.parse(Data(text.utf8)) }

    @Test func reportsEveryViolationWithItsPointer() throws {
        let errors = Self.person.validate(try Self.parse(#"{"name":"e\u0301\u0301xyz","tags":["ok","Bad","ok"],"age":150,"extra/key":1}"#))
        let summary = errors.map { "\($0.pointer) \($0.keyword)" }
        #expect(summary == [" required", "/name maxLength", "/tags maxItems", "/tags uniqueItems", "/tags/1 pattern", "/age exclusiveMaximum",
                            "/extra~1key additionalProperties"])
        #expect(errors.first { $0.keyword == "required" }?.limit == "id")
        #expect(errors.first { $0.keyword == "maxLength" }?.message == "a string of 6 code points is longer than 4")
    }

    @Test func draft4AndDraft2020DisagreeOnOnePointZero() throws {
        let draft4 = ValidationSchema(draft: .draft4, types: [.integer])
        let draft2020 = ValidationSchema(draft: .draft2020, types: [.integer])
        #expect(!draft4.validate(try Self.parse("1.0")).isEmpty)
        #expect(draft2020.validate(try Self.parse("1.0")).isEmpty)
        #expect(draft4.validate(try Self.parse("1")).isEmpty)
    }

    @Test func compositionAndReferences() throws {
        let positive = ValidationSchema(types: [.integer], minimum: "1")
        let even = ValidationSchema(types: [.integer], multipleOf: "2")
        let oneOf = ValidationSchema(oneOf: [positive, even])
        #expect(oneOf.validate(try Self.parse("3")).isEmpty)
        #expect(oneOf.validate(try Self.parse("4")).map(\.keyword) == ["oneOf"])
        #expect(oneOf.validate(try Self.parse("-1")).map(\.keyword) == ["oneOf"])
        let anyOf = ValidationSchema(anyOf: [positive, even])
        #expect(anyOf.validate(try Self.parse("-2")).isEmpty)
        #expect(anyOf.validate(try Self.parse("-1")).map(\.keyword) == ["anyOf"])
        let allOf = ValidationSchema(allOf: [positive, even, ValidationSchema(reference: { positive })])
        #expect(allOf.validate(try Self.parse("-1")).map(\.keyword) == ["minimum", "multipleOf", "minimum"])
    }

    @Test func jsonParsingKeepsIntegerAndNumberApart() throws {
        #expect(try Self.parse("1") == .integer(1))
        #expect(try Self.parse("1.0") == .number(1.0))
        #expect(try Self.parse("-0") == .integer(0))
        #expect(try Self.parse("9223372036854775808") == .number(9_223_372_036_854_775_808))
        #expect(try Self.parse(#""\ud83d\ude00""#) == .string("😀"))
        for bad in ["01", "1.", "[1,]", "{\"a\" 1}", "\"\\x\"", "nul", "[1] 2", "\"\u{1}\""] {
            #expect(throws: JSONSyntaxError.self, "\(bad)") { try Self.parse(bad) }
        }
    }
}
