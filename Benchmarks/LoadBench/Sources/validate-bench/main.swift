// validate() benchmark (Benchmarks/run.sh, part 3).
//
//   validate-bench [--calls N] [--rounds R] [--case NAME]
//
// Each case runs R rounds of N calls and prints the median (and minimum) nanoseconds per call:
//   single-valid:    DataAccessReleaseRequest(...).validate()  (checked while encoding: FastValidation)
//   single-invalid:  the same with an accountNumber that breaks the pattern (the error path: fast
//                    path, then the full check on the JSON tree for the errors)
//   single-valid-tree: the full check alone, JSONValue(encoding:) + ValidationSchema.validate
//   single-valid-text: the same check after the earlier route, JSONEncoder text parsed back
//                    (JSONCoding.encoder().encode + JSONValue.parse), for comparison
//   encode:          JSONValue(encoding:) of the request alone; encode-text: the text route alone
//   array100:        ValidationSchema(types: [.array], items: DataAccessReleaseRequest.validationSchema)
//                    .validate(JSONValue(encoding: array)) over 100 elements (encode + check)
//   array100-check:  the same schema check on a JSONValue encoded once beforehand (check only)
// Output lines: validate-bench case=NAME calls=N rounds=R median_ns=X min_ns=Y

import BenchSupport
import BindingRuntime
import EnergyCAP
import Foundation

let calls = max(1, intOption("--calls", default: 20_000))
let rounds = max(1, intOption("--rounds", default: 7))

/// `--case NAME` runs that case alone (for a profiler); every case by default.
let onlyCase: String? = CommandLine.arguments.firstIndex(of: "--case").flatMap { $0 + 1 < CommandLine.arguments.count ? CommandLine.arguments[$0 + 1] : nil }

func measure(_ name: String, calls: Int, _ body: () -> Void) {
    if let onlyCase, onlyCase != name { return }
    for _ in 0..<max(1, calls / 10) { body() }  // warm-up: regex compile, caches
    var samples: [Double] = []
    for _ in 0..<rounds {
        let elapsed = seconds { for _ in 0..<calls { body() } }
        samples.append(elapsed * 1e9 / Double(calls))
    }
    let summary = Summary(samples)
    print("validate-bench case=\(name) calls=\(calls) rounds=\(rounds) median_ns=\(String(format: "%.0f", summary.median)) min_ns=\(String(format: "%.0f", summary.min))")
}

let valid = DataAccessReleaseRequest(accountNumber: "212345678901", nameOnBill: "A. Person", serviceAddress: "1 Main St")
let invalid = DataAccessReleaseRequest(accountNumber: "312345678901", nameOnBill: "A. Person", serviceAddress: "1 Main St")

// Sanity: the valid value passes, the invalid one fails, so the timed paths are the intended ones.
do { try valid.validate() } catch { fatalError("valid request failed validation: \(error)") }
do { try invalid.validate(); fatalError("invalid request passed validation") } catch {}

let array = (0..<100).map { index in
    DataAccessReleaseRequest(
        accountNumber: "2" + String(repeating: "0", count: 11 - String(index).count) + String(index),
        nameOnBill: "Person \(index)", serviceAddress: "\(index) Main St", declined: index % 2 == 0)
}
let arraySchema = ValidationSchema(types: [.array], items: DataAccessReleaseRequest.validationSchema)
let encodedArray = JSONValue(encoding: array)
precondition(arraySchema.validate(encodedArray).isEmpty, "array100 should be valid")
if case .null = encodedArray { fatalError("array100 did not encode") }

measure("single-valid", calls: calls) {
    do { try valid.validate() } catch { fatalError("\(error)") }
}
measure("single-invalid", calls: calls) {
    do { try invalid.validate() } catch { blackHole(error) }
}
/// The full check on the JSON tree, which `validate()` ran on every call before `FastValidation`.
measure("single-valid-tree", calls: calls) {
    let errors = DataAccessReleaseRequest.validationSchema.validate(JSONValue(encoding: valid))
    precondition(errors.isEmpty)
}
/// The route `validate()` took before `JSONValue(encoding:)` built values directly.
func viaText<T: Encodable>(_ value: T) -> JSONValue {
    guard let data = try? JSONCoding.encoder().encode(value), let parsed = try? JSONValue.parse(data) else { return .null }
    return parsed
}
precondition(viaText(valid) == JSONValue(encoding: valid), "the two routes disagree")
measure("single-valid-text", calls: calls) {
    let errors = DataAccessReleaseRequest.validationSchema.validate(viaText(valid))
    precondition(errors.isEmpty)
}
measure("encode", calls: calls) { blackHole(JSONValue(encoding: valid)) }
measure("encode-text", calls: calls) { blackHole(viaText(valid)) }
let arrayCalls = max(1, calls / 100)
measure("array100", calls: arrayCalls) {
    blackHole(arraySchema.validate(JSONValue(encoding: array)))
}
measure("array100-check", calls: arrayCalls) {
    blackHole(arraySchema.validate(encodedArray))
}
