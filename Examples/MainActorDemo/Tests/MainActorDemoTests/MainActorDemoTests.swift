import BindingRuntime
import EnergyCAPMainActor
import Foundation
import Testing

/// Answers every request with the EnergyCAP reference page's example response and keeps what it
/// received, so the test can check the call on the wire.
actor RecordingTransport: ClientTransport {
    private(set) var requests: [(HTTPRequest, Data?)] = []

    func send(_ request: HTTPRequest, body: Data?) async throws -> (HTTPResponse, Data) {
        requests.append((request, body))
        let example = #"{"releaseStatus":{"dataAccessReleaseStatusId":1,"dataAccessReleaseStatusInfo":"string"},"submittedDate":"2026-03-30"}"#
        return (HTTPResponse(status: .ok), Data(example.utf8))
    }
}

/// Issue 10: generated code must work in a target whose default isolation is MainActor. This
/// file is itself MainActor-isolated by default; the client and models cross into the
/// transport's actor and back.
@Suite struct MainActorDemoTests {
    @Test func releaseCallFromAMainActorDefaultTarget() async throws {
        let transport = RecordingTransport()
        let client = EnergyCAPClient(apiKey: "secret-key", transport: transport)
        let state = try await client.v202203.assignDataAccessRelease(
            meterID: 42,
            body: .init(accountNumber: "212345678901", nameOnBill: "A. Person", serviceAddress: "1 Main St"))
        #expect(state.releaseStatus?.dataAccessReleaseStatusID == .notApplicable)
        #expect(state.submittedDate?.value == DateTimeFormat.date(from: "2026-03-30T00:00:00Z", timeZone: TimeZone(identifier: "UTC")!))

        let requests = await transport.requests
        #expect(requests.count == 1)
        #expect(requests.first?.0.method == .post)
        #expect(requests.first?.0.path == "/api/v202203/utilityPlatform/meter/42/release")
        #expect(requests.first?.0.headerFields[HTTPField.Name("ECI-ApiKey")!] == "secret-key")
        let sent = try JSONSerialization.jsonObject(with: try #require(requests.first?.1)) as? [String: String]
        #expect(sent == ["accountNumber": "212345678901", "nameOnBill": "A. Person", "serviceAddress": "1 Main St"])
        try state.validate()
    }
}
