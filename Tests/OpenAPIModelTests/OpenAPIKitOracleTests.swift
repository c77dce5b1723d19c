import Foundation
import TestSupport
import OpenAPIKit
import OpenAPIKit30
import OpenAPIModel
import Testing
import YAMLParsing

/// Our OpenAPI reader against OpenAPIKit 6.4.0 (fed the same document as JSON) on every spec in
/// `Tests/Corpus/openapi`: both must accept or both reject, and accepted documents must
/// agree on operations, parameters, request/response media types and schema property sets.
@Suite struct OpenAPIKitOracleTests {
    static let corpus = TestPaths.corpus.appendingPathComponent("openapi")

    /// Where the two readers are known to disagree, and why. The test fails if an entry no
    /// longer applies.
    static let knownDisagreements: [String: String] = [
        "large/openai-openapi.yaml":
            "an integer schema's maximum 9223372036854776000 exceeds Int64: OpenAPIKit requires an Int there and rejects the document; we keep the literal (and warn on its 3.0-style boolean exclusiveMinimum)",
        "misc/oai31-fail-no_containers.yaml":
            "OpenAPIKit accepts a 3.1 document with none of paths, webhooks, components; OpenAPI 3.1 §4.8.1 (and the OAI's own test) require one; we reject",
        "misc/oai31-pass-media-type-examples.yaml":
            "OpenAPIKit rejects contentEncoding 'base64url' (valid per RFC 4648 §5 and the OAI's own test); we accept",
        "misc/oai31-pass-valid_schema_types.yaml":
            "OpenAPIKit rejects 3.1 boolean schemas (true/false) in components; JSON Schema 2020-12 allows them; we accept",
        "misc/oasdiff-openapi-test3.yaml":
            "an OAuth flow lacks its required 'scopes': OpenAPIKit rejects the document; we warn, as bindings do not use OAuth flows and API diffs need this fixture",
    ]

    static var specs: [String] {
        let enumerator = FileManager.default.enumerator(atPath: corpus.path)
        var result: [String] = []
        while let path = enumerator?.nextObject() as? String {
            if path.hasSuffix(".yaml") || path.hasSuffix(".json") { result.append(path) }
        }
        return result.sorted()
    }

    enum Verdict: Equatable {
        case accepted(SpecSummary)
        case rejected(String)

        var isAccepted: Bool { if case .accepted = self { return true } else { return false } }
    }

    static func ours(_ bytes: [UInt8], file: String) -> Verdict {
        do {
            return .accepted(SpecSummary(try OpenAPIDocument.load(bytes, file: file).document))
        } catch {
            return .rejected(error.diagnostics.first?.description ?? "rejected")
        }
    }

    static func openAPIKit(_ bytes: [UInt8], file: String) -> Verdict {
        do {
            let root = try YAMLParser.parseDocument(bytes, file: file)
            let json = try JSONSerialization.data(withJSONObject: root.jsonObject)
            let version = root["openapi"]?.text ?? ""
            if version.hasPrefix("3.0") {
                return .accepted(try SpecSummary(openAPIKit30: try JSONDecoder().decode(OpenAPIKit30.OpenAPI.Document.self, from: json)))
            }
            return .accepted(try SpecSummary(openAPIKit: try JSONDecoder().decode(OpenAPIKit.OpenAPI.Document.self, from: json)))
        } catch {
            return .rejected(String(describing: error).prefix(300).description)
        }
    }

    @Test func corpusAgreesWithOpenAPIKit() throws {
        let specs = Self.specs
        #expect(specs.count >= 25, "expected the OpenAPI corpus in \(Self.corpus.path)")
        var agreed = 0
        var disagreements: [String: String] = [:]
        for spec in specs {
            let bytes = Array(try Data(contentsOf: Self.corpus.appendingPathComponent(spec)))
            let ours = Self.ours(bytes, file: spec)
            let theirs = Self.openAPIKit(bytes, file: spec)
            switch (ours, theirs) {
            case (.accepted(let a), .accepted(let b)):
                let differences = a.differences(from: b)
                if differences.isEmpty { agreed += 1 } else { disagreements[spec] = differences.prefix(8).joined(separator: "\n  ") }
            case (.rejected, .rejected):
                agreed += 1
            case (.accepted, .rejected(let reason)):
                disagreements[spec] = "we accept, OpenAPIKit rejects: \(reason)"
            case (.rejected(let reason), .accepted):
                disagreements[spec] = "we reject, OpenAPIKit accepts: \(reason)"
            }
        }
        print("OpenAPIKit oracle: \(agreed)/\(specs.count) specs agree (\(Self.knownDisagreements.count) known disagreements listed)")
        for (spec, text) in disagreements.sorted(by: { $0.key < $1.key }) where Self.knownDisagreements[spec] == nil {
            Issue.record("\(spec):\n  \(text)")
        }
        for spec in Self.knownDisagreements.keys.sorted() where disagreements[spec] == nil {
            Issue.record("\(spec) is listed as a known disagreement but now agrees; remove it")
        }
    }
}
