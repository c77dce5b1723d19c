// Decoding benchmark (Benchmarks/run.sh, part 3): the generated `DataAccessReleaseState`
// against a hand-written `Codable` struct of the same shape, both decoded from the same bytes by
// the generated clients' decoder (`JSONCoding.decoder`, dates through `DateTimeFormat`).
//
//   decode-bench [--calls N] [--rounds R]
//
// Cases (median and minimum nanoseconds per decode over R rounds of N decodes, the two cases
// timed in turn within each round):
//   generated:    JSONCoding.decoder(...).decode(DataAccessReleaseState.self, from: body)
//   handwritten:  the same decoder, decoding HandWrittenState (plain optionals, Int32 status id)
// Output lines: decode-bench case=NAME calls=N rounds=R median_ns=X min_ns=Y
//               decode-bench ratio=generated/handwritten median=Z  (median of the rounds' ratios)

import BenchSupport
import BindingRuntime
import EnergyCAP
import Foundation

let calls = max(1, intOption("--calls", default: 20_000))
let rounds = max(1, intOption("--rounds", default: 7))

/// What a person would write for the response, without the generator: the same JSON names and
/// types, the status id as a plain `Int32`, a nullable date as `Date?`.
struct HandWrittenState: Codable {
    struct Status: Codable {
        var dataAccessReleaseStatusId: Int32?
        var dataAccessReleaseStatusInfo: String?
    }
    var releaseStatus: Status?
    var submittedDate: Date?
}

let body = Data(#"{"releaseStatus":{"dataAccessReleaseStatusId":4,"dataAccessReleaseStatusInfo":"Released on request"},"submittedDate":"2026-03-30T09:15:00Z"}"#.utf8)
let decoder = JSONCoding.decoder(timeZone: TimeZone(identifier: "UTC")!)

// Sanity: both decode the same content, so the timed paths do the same work.
let generated = try decoder.decode(DataAccessReleaseState.self, from: body)
let handWritten = try decoder.decode(HandWrittenState.self, from: body)
precondition(generated.releaseStatus?.dataAccessReleaseStatusID?.rawValue == handWritten.releaseStatus?.dataAccessReleaseStatusId)
precondition(generated.releaseStatus?.dataAccessReleaseStatusInfo == handWritten.releaseStatus?.dataAccessReleaseStatusInfo)
guard case .value(let date)? = generated.submittedDate, date == handWritten.submittedDate else { fatalError("the dates differ") }

/// Times the two cases round by round, alternating which goes first, so both see the same machine
/// (its speed moved up to 1.6× within one session: Benchmarks/README.md): each round times
/// `calls` decodes of each case, and the ratio is the median of the rounds' own ratios.
func measurePair(_ first: (String, () throws -> Void), _ second: (String, () throws -> Void)) throws {
    for _ in 0..<max(1, calls / 10) { try first.1(); try second.1() }
    var samples: [[Double]] = [[], []]
    var ratios: [Double] = []
    for round in 0..<rounds {
        var pair = [0.0, 0.0]
        for index in (round % 2 == 0 ? [0, 1] : [1, 0]) {
            let body = index == 0 ? first.1 : second.1
            pair[index] = try seconds { for _ in 0..<calls { try body() } } * 1e9 / Double(calls)
        }
        samples[0].append(pair[0])
        samples[1].append(pair[1])
        ratios.append(pair[0] / pair[1])
    }
    for (index, name) in [first.0, second.0].enumerated() {
        let summary = Summary(samples[index])
        print("decode-bench case=\(name) calls=\(calls) rounds=\(rounds) median_ns=\(String(format: "%.0f", summary.median)) min_ns=\(String(format: "%.0f", summary.min))")
    }
    print("decode-bench ratio=\(first.0)/\(second.0) median=\(String(format: "%.2f", Summary(ratios).median))")
}

try measurePair(
    ("generated", { blackHole(try decoder.decode(DataAccessReleaseState.self, from: body)) }),
    ("handwritten", { blackHole(try decoder.decode(HandWrittenState.self, from: body)) })
)
