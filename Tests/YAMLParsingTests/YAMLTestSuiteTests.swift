import Foundation
import TestSupport
import Testing
import YAMLParsing

/// Runs the official YAML test suite (`Tests/Corpus/yaml-test-suite`, data-2022-01-17):
/// every case with `in.json` must load to the same JSON value(s); every `error` case must fail
/// with a location.
@Suite struct YAMLTestSuiteTests {
    static let suiteFolder = TestPaths.corpus.appendingPathComponent("yaml-test-suite")

    /// Cases that do not pass, each with the reason. The test fails if this list is wrong either
    /// way (a listed case that passes, or an unlisted failure). All are conformance gaps of the
    /// system libyaml 0.2.5 parser itself, which this project uses as its YAML reader.
    static let knownFailures: [String: String] = [
        "2LFX": "libyaml 0.2.5 rejects this valid YAML: found unknown directive name",
        "2SXE": "libyaml 0.2.5 rejects this valid YAML: mapping values are not allowed in this context",
        "4MUZ-00": "libyaml 0.2.5 rejects this valid YAML: did not find expected ',' or '}'",
        "4MUZ-01": "libyaml 0.2.5 rejects this valid YAML: did not find expected ',' or '}'",
        "4MUZ-02": "libyaml 0.2.5 rejects this valid YAML: did not find expected ',' or '}'",
        "58MP": "libyaml 0.2.5 rejects this valid YAML: did not find expected node content",
        "5MUD": "libyaml 0.2.5 rejects this valid YAML: did not find expected ',' or '}'",
        "5T43": "libyaml 0.2.5 rejects this valid YAML: did not find expected node content",
        "652Z": "libyaml 0.2.5 reads the flow plain scalar `?foo` as an explicit key",
        "6BCT": "libyaml 0.2.5 rejects this valid YAML: found character that cannot start any token",
        "6CA3": "libyaml 0.2.5 rejects this valid YAML: found character that cannot start any token",
        "6LVF": "libyaml 0.2.5 rejects this valid YAML: found unknown directive name",
        "7Z25": "libyaml 0.2.5 rejects this valid YAML: did not find expected <document start>",
        "8XYN": "libyaml 0.2.5 rejects this valid YAML: did not find expected alphabetic or numeric character",
        "96NN-00": "libyaml 0.2.5 rejects this valid YAML: found a tab character where an indentation space is expected",
        "96NN-01": "libyaml 0.2.5 rejects this valid YAML: found a tab character where an indentation space is expected",
        "9C9N": "libyaml 0.2.5 accepts this invalid YAML",
        "9HCY": "libyaml 0.2.5 accepts this invalid YAML",
        "9JBA": "libyaml 0.2.5 accepts this invalid YAML",
        "9SA2": "libyaml 0.2.5 rejects this valid YAML: did not find expected ',' or '}'",
        "A2M4": "libyaml 0.2.5 rejects this valid YAML: found character that cannot start any token",
        "BEC7": "libyaml 0.2.5 rejects this valid YAML: found incompatible YAML document",
        "CVW2": "libyaml 0.2.5 accepts this invalid YAML",
        "DBG4": "libyaml 0.2.5 rejects this valid YAML: did not find expected node content",
        "DK3J": "libyaml 0.2.5 rejects this valid YAML: did not find expected <document start>",
        "DK95-00": "libyaml 0.2.5 rejects this valid YAML: found character that cannot start any token",
        "DK95-01": "libyaml 0.2.5 accepts this invalid YAML",
        "DK95-03": "libyaml 0.2.5 rejects this valid YAML: found character that cannot start any token",
        "DK95-04": "libyaml 0.2.5 rejects this valid YAML: found a tab character that violates indentation",
        "EB22": "libyaml 0.2.5 accepts this invalid YAML",
        "FP8R": "libyaml 0.2.5 rejects this valid YAML: did not find expected <document start>",
        "G5U8": "libyaml 0.2.5 accepts this invalid YAML",
        "HM87-00": "libyaml 0.2.5 rejects this valid YAML: did not find expected node content",
        "HM87-01": "libyaml 0.2.5 reads the flow plain scalar `?x` as an explicit key",
        "HWV9": "libyaml 0.2.5 rejects this valid YAML: did not find expected node content",
        "JEF9-02": "libyaml 0.2.5 drops a keep-chomped block scalar's whitespace-only lines",
        "K3WX": "libyaml 0.2.5 rejects this valid YAML: did not find expected ',' or '}'",
        "L24T-01": "libyaml 0.2.5 drops a trailing tab-only line of a keep-chomped block scalar",
        "M7A3": "libyaml 0.2.5 rejects this valid YAML: did not find expected <document start>",
        "MUS6-00": "libyaml 0.2.5 accepts this invalid YAML",
        "MUS6-01": "libyaml 0.2.5 accepts this invalid YAML",
        "MUS6-05": "libyaml 0.2.5 rejects this valid YAML: found unknown directive name",
        "MUS6-06": "libyaml 0.2.5 rejects this valid YAML: found unknown directive name",
        "NJ66": "libyaml 0.2.5 rejects this valid YAML: did not find expected ',' or '}'",
        "Q5MG": "libyaml 0.2.5 rejects this valid YAML: found character that cannot start any token",
        "QB6E": "libyaml 0.2.5 accepts this invalid YAML",
        "QT73": "libyaml 0.2.5 rejects this valid YAML: did not find expected node content",
        "R4YG": "libyaml 0.2.5 rejects this valid YAML: found a tab character where an indentation space is expected",
        "RHX7": "libyaml 0.2.5 accepts this invalid YAML",
        "S98Z": "libyaml 0.2.5 accepts this invalid YAML",
        "SU5Z": "libyaml 0.2.5 accepts this invalid YAML",
        "UT92": "libyaml 0.2.5 rejects this valid YAML: did not find expected ',' or '}'",
        "VJP3-01": "libyaml 0.2.5 rejects this valid YAML: did not find expected ',' or '}'",
        "W4TN": "libyaml 0.2.5 rejects this valid YAML: could not find expected directive name",
        "W5VH": "libyaml 0.2.5 rejects this valid YAML: did not find expected alphabetic or numeric character",
        "X4QW": "libyaml 0.2.5 accepts this invalid YAML",
        "Y2GN": "libyaml 0.2.5 ends an anchor name at ':'",
        "Y79Y-001": "libyaml 0.2.5 rejects this valid YAML: found a tab character where an indentation space is expected",
        "Y79Y-003": "libyaml 0.2.5 accepts this invalid YAML",
        "Y79Y-010": "libyaml 0.2.5 rejects this valid YAML: found character that cannot start any token",
        "YJV2": "libyaml 0.2.5 accepts this invalid YAML",
    ]

    @Test func officialSuite() throws {
        let cases = try FileManager.default.contentsOfDirectory(atPath: Self.suiteFolder.path)
            .filter { !$0.hasSuffix(".txt") }.sorted()
        #expect(cases.count == 373, "expected the suite's 373 cases in \(Self.suiteFolder.path)")
        var failures: [String: String] = [:]
        for id in cases {
            if let problem = try Self.run(caseID: id) { failures[id] = problem }
        }
        let passed = cases.count - failures.count
        print("YAML test suite: \(passed)/\(cases.count) cases pass (\(Self.knownFailures.count) known failures listed)")
        for (id, problem) in failures.sorted(by: { $0.key < $1.key }) where Self.knownFailures[id] == nil {
            Issue.record("\(id): \(problem)")
        }
        for id in Self.knownFailures.keys.sorted() where failures[id] == nil {
            Issue.record("\(id) is listed as a known failure but passes; remove it from the list")
        }
    }

    /// - Returns: nil when the case passes, else what went wrong.
    static func run(caseID id: String) throws -> String? {
        let folder = suiteFolder.appendingPathComponent(id)
        let input = try Data(contentsOf: folder.appendingPathComponent("in.yaml"))
        let expectsError = FileManager.default.fileExists(atPath: folder.appendingPathComponent("error").path)
        let result: Result<[Node], Diagnostic>
        do {
            result = .success(try YAMLParser.parseStream(Array(input), file: "\(id)/in.yaml"))
        } catch {
            result = .failure(error)
        }
        if expectsError {
            switch result {
            case .success: return "loaded, but the case is an error case"
            case .failure(let diagnostic):
                guard let mark = diagnostic.mark, mark.line >= 1, mark.column >= 1 else { return "error without a location: \(diagnostic)" }
                guard diagnostic.description.hasPrefix("\(id)/in.yaml:\(mark.line):\(mark.column): error: ") else {
                    return "error not in path:line:column form: \(diagnostic)"
                }
                return nil
            }
        }
        let expectedText = try String(contentsOf: folder.appendingPathComponent("in.json"), encoding: .utf8)
        let expected = try JSONValue.parseStream(expectedText)
        switch result {
        case .failure(let diagnostic): return "failed to load: \(diagnostic)"
        case .success(let documents):
            let actual = documents.map(JSONValue.init)
            return actual == expected ? nil : "loaded \(actual), expected \(expected)"
        }
    }
}
