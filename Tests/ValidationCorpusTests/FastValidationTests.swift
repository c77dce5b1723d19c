@testable import BindingRuntime
import Foundation
import Testing

/// `validate()`'s fast path (`FastValidation`, checking while a value encodes) against the full
/// check on the JSON tree, over every instance of the differential corpus that decodes into its
/// generated type: it may answer "valid" only where the full check finds nothing, and must
/// decide most valid values itself (else `validate()` is no faster).
@Suite struct FastValidationTests {
    @Test func theFastPathNeverAcceptsWhatTheFullCheckRejects() throws {
        var decided = 0, valid = 0, invalid = 0
        for item in try DifferentialValidationTests.cases() {
            guard let type = DifferentialValidationTests.type(spec: item.spec, schema: item.schema),
                  let decodable = type as? any Decodable.Type,
                  let value = try? JSONCoding.decoder(timeZone: TimeZone(identifier: "UTC")!)
                      .decode(decodable, from: try JSONCoding.encoder().encode(item.instance)) as? any Validatable else { continue }
            let schema = Swift.type(of: value).validationSchema
            let full = schema.validate(JSONValue(encoding: value), direction: item.direction)
            let fast = FastValidation.accepts(value, schema: schema, direction: item.direction)
            if fast {
                decided += 1
                #expect(full.isEmpty, "\(item.id): the fast path accepted what the full check rejects: \(full)")
            }
            if full.isEmpty { valid += 1 } else { invalid += 1 }
            // validate() reports exactly the full check's errors either way.
            do {
                try value.validate(for: item.direction)
                #expect(full.isEmpty, "\(item.id)")
            } catch {
                #expect(error.errors == full, "\(item.id)")
            }
        }
        print("FastValidation: decided \(decided) of \(valid) valid typed values (\(invalid) invalid ones left to the full check)")
        #expect(valid > 50)
        #expect(decided * 2 > valid, "the fast path decides only \(decided) of \(valid) valid values")
    }

    /// Values that are not objects: scalars (checked by the full check's own code), a `Date` (its
    /// RFC 3339 text, as `JSONValueEncoding` writes it), arrays with their counts and items.
    @Test func scalarsDatesAndArraysAtTheTop() {
        let limited = ValidationSchema(.types([.string]), .maxLength(3))
        #expect(FastValidation.accepts("abc", schema: limited, direction: .any))
        #expect(!FastValidation.accepts("abcd", schema: limited, direction: .any))
        let date = ValidationSchema(.types([.string]), .format("date-time"))
        #expect(FastValidation.accepts(Date(timeIntervalSince1970: 0), schema: date, direction: .any))
        let items = ValidationSchema(.types([.array]), .items(ValidationSchema(.types([.integer]), .minimum("1"))), .maxItems(2))
        #expect(FastValidation.accepts([1, 2], schema: items, direction: .any))
        #expect(!FastValidation.accepts([1, 0], schema: items, direction: .any))
        #expect(!FastValidation.accepts([1, 2, 3], schema: items, direction: .any))
        let unique = ValidationSchema(.types([.array]), .uniqueItems(true))
        #expect(!FastValidation.accepts([1, 2], schema: unique, direction: .any), "uniqueItems is left to the full check")
    }
}
