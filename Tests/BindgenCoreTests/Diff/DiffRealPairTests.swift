import BindgenCore
import BindgenDiff
import Foundation
import TestSupport
import OpenAPIModel
import Testing

/// `api-bindgen diff` on real version pairs, with exact findings ("layer severity rule file:line").
@Suite struct DiffRealPairTests {
    static func findings(_ old: String, _ new: String) throws -> [String] {
        let (a, oldConfig) = try APIDiff.load(old)
        let (b, newConfig) = try APIDiff.load(new)
        let changes = try APIDiff.compare(old: a, new: b, oldConfig: oldConfig, newConfig: newConfig)
        DiffRuleTests.expectListedSeverities(changes)
        return changes.map { change in
            "\(change.layer.rawValue) \(change.severity.rawValue) \(change.rule) \((change.file as NSString).lastPathComponent):\(change.mark?.line ?? 0)"
        }
    }

    static func misc(_ name: String) -> String {
        TestPaths.corpus.appendingPathComponent("openapi/misc/\(name)").path
    }

    @Test func adyenBinLookupV52ToV54() throws {
        // v54 renames threeDS2Version (string) to threeDS2Versions (array) in a response and adds cardBin.issuerBin.
        #expect(try Self.findings(Self.misc("adyen-BinLookupService-v52.yaml"), Self.misc("adyen-BinLookupService-v54.yaml")) == [
            "wire breaking response-property-removed adyen-BinLookupService-v52.yaml:588",
            "wire info response-property-added adyen-BinLookupService-v54.yaml:593",
            "wire info response-property-added adyen-BinLookupService-v54.yaml:275",
            "swift breaking swift-argument-removed adyen-BinLookupService-v54.yaml:565",
            "swift breaking swift-property-removed adyen-BinLookupService-v54.yaml:565",
            "swift info swift-optional-argument-added adyen-BinLookupService-v54.yaml:224",
            "swift info swift-property-added adyen-BinLookupService-v54.yaml:224",
            "swift info swift-optional-argument-added adyen-BinLookupService-v54.yaml:565",
            "swift info swift-property-added adyen-BinLookupService-v54.yaml:565",
        ])
    }

    @Test func oasdiffPrefixPair() throws {
        // The same API moved under /tenant: each operation is reported as moved, not removed and added.
        #expect(try Self.findings(Self.misc("oasdiff-prefix-simple1.yaml"), Self.misc("oasdiff-prefix-simple2.yaml")) == [
            "wire breaking operation-path-changed oasdiff-prefix-simple2.yaml:8",
            "wire breaking operation-path-changed oasdiff-prefix-simple2.yaml:13",
            "swift breaking swift-method-removed oasdiff-prefix-simple1.yaml:8",
            "swift breaking swift-method-removed oasdiff-prefix-simple1.yaml:13",
            "swift info swift-method-added oasdiff-prefix-simple2.yaml:8",
            "swift info swift-method-added oasdiff-prefix-simple2.yaml:13",
        ])
    }

    @Test func oasdiffTest1ToTest3() throws {
        #expect(try Self.findings(Self.misc("oasdiff-openapi-test1.yaml"), Self.misc("oasdiff-openapi-test3.yaml")) == [
            "wire breaking parameter-format-changed oasdiff-openapi-test3.yaml:31",
            "wire breaking parameter-not-added oasdiff-openapi-test3.yaml:31",
            "wire breaking response-success-status-removed oasdiff-openapi-test1.yaml:117",
            "wire breaking response-success-status-removed oasdiff-openapi-test1.yaml:119",
            "wire breaking security-changed oasdiff-openapi-test3.yaml:136",
            "wire warning security-scheme-removed oasdiff-openapi-test1.yaml:298",
            "wire warning security-scheme-removed oasdiff-openapi-test1.yaml:294",
            "wire warning parameter-removed oasdiff-openapi-test1.yaml:40",
            "wire warning parameter-removed oasdiff-openapi-test1.yaml:53",
            "wire warning parameter-removed oasdiff-openapi-test1.yaml:62",
            "wire warning response-status-removed oasdiff-openapi-test1.yaml:125",
            "wire warning parameter-removed oasdiff-openapi-test1.yaml:161",
            "wire info security-changed oasdiff-openapi-test3.yaml:19",
            "wire info parameter-pattern-loosened oasdiff-openapi-test3.yaml:31",
            "wire info parameter-maxLength-loosened oasdiff-openapi-test3.yaml:40",
            "wire info response-status-added oasdiff-openapi-test3.yaml:74",
            "wire info security-changed oasdiff-openapi-test3.yaml:78",
            "wire info parameter-enum-value-added oasdiff-openapi-test3.yaml:100",
            "wire info parameter-added oasdiff-openapi-test3.yaml:129",
            "wire info security-changed oasdiff-openapi-test3.yaml:158",
            "swift breaking swift-type-removed oasdiff-openapi-test1.yaml:245",
            "swift breaking swift-type-removed oasdiff-openapi-test1.yaml:251",
            // test1 names the operation GetSecurityScores; its object-valued `filter` query
            // parameter is bound now, so the method exists (and is renamed in test3).
            "swift breaking swift-method-removed oasdiff-openapi-test1.yaml:34",
            "swift breaking swift-type-removed oasdiff-openapi-test1.yaml:47",
            "swift breaking swift-type-removed oasdiff-openapi-test1.yaml:58",
            "swift breaking swift-argument-removed oasdiff-openapi-test3.yaml:78",
            "swift warning swift-enum-case-added oasdiff-openapi-test3.yaml:100",
            "swift info swift-method-added oasdiff-openapi-test3.yaml:19",
            "swift info swift-optional-argument-added oasdiff-openapi-test3.yaml:78",
            "swift info swift-type-added oasdiff-openapi-test3.yaml:132",
        ])
    }

    @Test func energyCAPNewVersionWithANewRequiredRequestProperty() throws {
        let old = TestPaths.packageRoot.appendingPathComponent("Specs/EnergyCAP/energycap.openapi.yaml").path
        let new = TestPaths.packageRoot.appendingPathComponent("Tests/Fixtures/Diff/energycap-v202406.yaml").path
        let (a, oldConfig) = try APIDiff.load(old)
        let (b, newConfig) = try APIDiff.load(new)
        let changes = try APIDiff.compare(old: a, new: b, oldConfig: oldConfig, newConfig: newConfig)
        // Breaking on the wire for the existing v202203 call, located at the property in the new spec…
        let wire = try #require(changes.first { $0.layer == .wire && $0.severity == .breaking })
        #expect(wire.rule.id == "request-property-required-added")
        #expect(wire.operation == "POST /api/v202203/utilityPlatform/meter/{meterId}/release (AssignDataAccessReleaseV202203)")
        #expect(wire.location == "\(new):274:11")
        #expect(wire.pointer == "/components/schemas/DataAccessReleaseRequest/properties/utilityName")
        // …breaking for Swift callers (the shared request type's initializer gains a required argument)…
        let swift = try #require(changes.first { $0.layer == .swift && $0.severity == .breaking })
        #expect(swift.rule.id == "swift-required-argument-added")
        #expect(swift.message.contains("`DataAccessReleaseRequest.init` requires the new argument `utilityName:`"))
        #expect(swift.location.hasPrefix("\(new):"))
        // …and the new version is reported as such, with its changes relative to v202203.
        #expect(changes.contains { $0.rule.id == "operation-new-version" && $0.message.hasPrefix("new version of AssignDataAccessReleaseV202203") })
        #expect(changes.contains { $0.rule.id == "new-version-request-property-required-added" && $0.severity == .info })
        #expect(changes.contains { $0.rule.id == "swift-method-added" && $0.message == "new method `client.v202406.assignDataAccessRelease`" })
        #expect(changes.filter { $0.severity == .breaking }.count == 2)
    }
}
