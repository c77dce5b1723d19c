import BindingRuntime
import EnergyCAP
import Foundation
import Testing

/// The generated EnergyCAP client against a real HTTP server on loopback.
@Suite struct EnergyCAPEndToEndTests {
    /// The example response on EnergyCAP's reference page for AssignDataAccessReleaseV202203,
    /// with its date-only `submittedDate`.
    static let exampleResponse = """
        {  "releaseStatus": {    "dataAccessReleaseStatusId": 1,    "dataAccessReleaseStatusInfo": "string"
          },  "submittedDate": "2026-03-30"
        }
        """

    static func jsonObject(_ data: Data) throws -> NSDictionary {
        try #require(try JSONSerialization.jsonObject(with: data) as? NSDictionary)
    }

    static func utc(_ text: String) -> Date {
        DateTimeFormat.date(from: text, timeZone: TimeZone(identifier: "UTC")!)!
    }

    @Test(arguments: TestTransport.allCases)
    func releaseGoesOverHTTPWithTheAPIKeyAndDecodesTheExampleResponse(transport: TestTransport) async throws {
        let expectedBody: [String: String] = [
            "accountNumber": "212345678901", "nameOnBill": "A. Person", "serviceAddress": "1 Main St", "dataReleaseFile": "file-123",
        ]
        let server = try await LoopbackServer.start { request in
            // The server checks what a real EnergyCAP server would need, and refuses otherwise.
            guard request.method == "POST", request.target == "/api/v202203/utilityPlatform/meter/42/release",
                  request.headers["eci-apikey"] == "secret-key", request.headers["content-type"] == "application/json",
                  let body = try? JSONDecoder().decode([String: String].self, from: request.body), body == expectedBody
            else { return .json(400, #"{"message":"unexpected request"}"#) }
            return .json(200, Self.exampleResponse)
        }
        let client = EnergyCAPClient(serverURL: try await server.url, apiKey: "secret-key", transport: transport.make())
        let state = try await client.v202203.assignDataAccessRelease(
            meterID: 42,
            body: .init(accountNumber: "212345678901", nameOnBill: "A. Person", serviceAddress: "1 Main St", dataReleaseFile: "file-123"))
        let requests = await server.requests
        await server.stop()

        #expect(requests.count == 1)
        let request = try #require(requests.first)
        #expect(request.method == "POST")
        #expect(request.target == "/api/v202203/utilityPlatform/meter/42/release")
        #expect(request.headers["eci-apikey"] == "secret-key")
        #expect(request.headers["content-type"] == "application/json")
        #expect(request.headers["accept"] == "application/json")
        #expect(try JSONDecoder().decode([String: String].self, from: request.body) == expectedBody)

        #expect(state.releaseStatus?.dataAccessReleaseStatusID == .notApplicable)
        #expect(state.releaseStatus?.dataAccessReleaseStatusInfo == "string")
        #expect(state.submittedDate?.value == Self.utc("2026-03-30T00:00:00Z"))
    }

    @Test(arguments: TestTransport.allCases)
    func uploadThenReleaseUsesTheFileStoreValue(transport: TestTransport) async throws {
        let pdf = Data("%PDF-1.7 fake release form \u{0}\u{1}\u{2}".utf8)
        let server = try await LoopbackServer.start { request in
            switch (request.method, request.target) {
            case ("POST", "/api/v202105/fileStore/fileDataType/17/upload?fileName=release%20form.pdf"):
                guard request.body == pdf, request.headers["content-type"] == "application/octet-stream" else {
                    return .json(400, #"{"message":"bad upload"}"#)
                }
                return .json(200, #""filestore/2026/abc-123""#)
            case ("POST", "/api/v202203/utilityPlatform/meter/7/release"):
                let body = try? JSONSerialization.jsonObject(with: request.body) as? NSDictionary
                guard body?["dataReleaseFile"] as? String == "filestore/2026/abc-123" else { return .json(400, #"{"message":"no file"}"#) }
                return .json(200, #"{"releaseStatus":{"dataAccessReleaseStatusId":3,"dataAccessReleaseStatusInfo":"Pending"},"submittedDate":"2026-03-30T09:15:00Z"}"#)
            default:
                return .json(404, #"{"message":"no route"}"#)
            }
        }
        let client = EnergyCAPClient(serverURL: try await server.url, apiKey: "k", transport: transport.make())
        let file = try await client.v202105.uploadFile(fileDataTypeID: 17, fileName: "release form.pdf", body: pdf)
        #expect(file == "filestore/2026/abc-123")
        let state = try await client.v202203.assignDataAccessRelease(
            meterID: 7, body: .init(accountNumber: "212345678901", nameOnBill: "A. Person", serviceAddress: "1 Main St", dataReleaseFile: file))
        let requests = await server.requests
        await server.stop()
        #expect(requests.count == 2)
        #expect(requests.allSatisfy { $0.headers["eci-apikey"] == "k" })
        #expect(state.releaseStatus?.dataAccessReleaseStatusID == .pending)
        #expect(state.submittedDate?.value == Self.utc("2026-03-30T09:15:00Z"))
    }

    @Test(arguments: TestTransport.allCases)
    func unauthorizedThrowsAnAPIErrorWithStatusAndBody(transport: TestTransport) async throws {
        let body = #"{"message":"The API key is invalid."}"#
        let server = try await LoopbackServer.start { _ in .json(401, body) }
        let client = EnergyCAPClient(serverURL: try await server.url, apiKey: "wrong", transport: transport.make())
        await #expect {
            _ = try await client.v202203.getDataAccessReleaseState(meterID: 1)
        } throws: { error in
            guard let error = error as? APIError else { return false }
            return error.status.code == 401 && error.body == Data(body.utf8) && error.operationID == "GetDataAccessReleaseStateV202203"
                && error.decodedBody(as: ErrorResponse.self) == ErrorResponse(message: "The API key is invalid.")
                && error.headerFields[.contentType] == "application/json"
        }
        let requests = await server.requests
        await server.stop()
        #expect(requests.first?.method == "GET")
        #expect(requests.first?.body.isEmpty == true)
        #expect(requests.first?.headers["content-type"] == nil)
    }

    @Test(arguments: TestTransport.allCases)
    func nullSubmittedDateAndUnknownStatusID(transport: TestTransport) async throws {
        let server = try await LoopbackServer.start { _ in
            .json(200, #"{"releaseStatus":{"dataAccessReleaseStatusId":6,"dataAccessReleaseStatusInfo":"Revoked"},"submittedDate":null}"#)
        }
        let client = EnergyCAPClient(serverURL: try await server.url, apiKey: "k", transport: transport.make())
        let state = try await client.v202203.getDataAccessReleaseState(meterID: 5)
        await server.stop()
        #expect(state.submittedDate == .null)  // optional and nullable: `null` is not absent
        #expect(state.releaseStatus?.dataAccessReleaseStatusID == .unknown(6))
        // The unknown value encodes back unchanged.
        let encoded = try JSONCoding.encoder().encode(state.releaseStatus)
        #expect(try Self.jsonObject(encoded)["dataAccessReleaseStatusId"] as? Int == 6)
    }

    @Test(arguments: [
        ("2026-03-30T10:00:00.123Z", "2026-03-30T10:00:00.123Z"),
        ("2026-03-30T10:00:00.5+02:00", "2026-03-30T08:00:00.5Z"),
        ("2026-03-30T10:00:00-05:30", "2026-03-30T15:30:00Z"),
        ("2026-03-30T10:00:00", "2026-03-30T10:00:00Z"),
    ])
    func dateTimeForms(sent: String, instant: String) async throws {
        let server = try await LoopbackServer.start { _ in
            .json(200, #"{"releaseStatus":{"dataAccessReleaseStatusId":4},"submittedDate":"\#(sent)"}"#)
        }
        let client = EnergyCAPClient(serverURL: try await server.url, apiKey: "k")
        let state = try await client.v202203.getDataAccessReleaseState(meterID: 5)
        await server.stop()
        let date = try #require(state.submittedDate?.value)
        #expect(abs(date.timeIntervalSince(Self.utc(instant))) < 0.000_001)
        #expect(state.releaseStatus?.dataAccessReleaseStatusID == .released)
    }

    @Test(arguments: TestTransport.allCases)
    func offsetlessDateTimesUseTheConfiguredTimeZone(transport: TestTransport) async throws {
        let server = try await LoopbackServer.start { _ in .json(200, #"{"submittedDate":"2026-03-30T10:00:00"}"#) }
        let client = EnergyCAPClient(serverURL: try await server.url, apiKey: "k", timeZone: TimeZone(identifier: "America/New_York")!, transport: transport.make())
        let state = try await client.v202203.getDataAccessReleaseState(meterID: 5)
        await server.stop()
        #expect(state.submittedDate?.value == Self.utc("2026-03-30T14:00:00Z"))  // EDT is UTC-4 on that day
    }

    @Test(arguments: ["112345678901", "2123", "2123456789012", "21234567890\n"])
    func invalidAccountNumbersNeverLeaveTheProcess(accountNumber: String) async throws {
        let server = try await LoopbackServer.start { _ in .json(200, Self.exampleResponse) }
        let client = EnergyCAPClient(serverURL: try await server.url, apiKey: "k")
        await #expect {
            _ = try await client.v202203.assignDataAccessRelease(
                meterID: 42, body: .init(accountNumber: accountNumber, nameOnBill: "A. Person", serviceAddress: "1 Main St"))
        } throws: { error in
            guard let errors = error as? ValidationErrors else { return false }
            return errors.errors.map { "\($0.pointer) \($0.keyword) \($0.limit ?? "")" } == ["/accountNumber pattern ^2[0-9]{11}$"]
        }
        let requests = await server.requests
        await server.stop()
        #expect(requests.isEmpty, "the invalid request reached the server")
    }

    @Test(arguments: TestTransport.allCases)
    func requestValidationCanBeTurnedOff(transport: TestTransport) async throws {
        let server = try await LoopbackServer.start { _ in .json(200, Self.exampleResponse) }
        var client = EnergyCAPClient(serverURL: try await server.url, apiKey: "k", transport: transport.make())
        client.configuration.validatesRequests = false
        _ = try await client.v202203.assignDataAccessRelease(meterID: 1, body: .init(accountNumber: "2123", nameOnBill: "N", serviceAddress: "S"))
        let requests = await server.requests
        await server.stop()
        #expect(requests.count == 1)
    }

    @Test(arguments: TestTransport.allCases)
    func responseValidationReportsUnlistedEnumValuesWhenOn(transport: TestTransport) async throws {
        let body = #"{"releaseStatus":{"dataAccessReleaseStatusId":6,"dataAccessReleaseStatusInfo":7},"submittedDate":"yesterday"}"#
        let server = try await LoopbackServer.start { _ in .json(200, body) }
        var client = EnergyCAPClient(serverURL: try await server.url, apiKey: "k", transport: transport.make())
        client.configuration.validatesResponses = true
        await #expect {
            _ = try await client.v202203.getDataAccessReleaseState(meterID: 5)
        } throws: { error in
            guard let error = error as? ResponseValidationError else { return false }
            let found = error.errors.errors.map { "\($0.pointer) \($0.keyword)" }
            return found == ["/releaseStatus/dataAccessReleaseStatusId enum", "/releaseStatus/dataAccessReleaseStatusInfo type", "/submittedDate format"]
                && error.response.status.code == 200
        }
        await server.stop()
    }

    /// One leniency rule (issue 10): what the decoder accepts by design — the reference page's
    /// date-only `submittedDate`, an offset-less date-time — passes response validation by
    /// default, and is rejected with `strictResponseDateTimes`.
    @Test(arguments: [exampleResponse, #"{"submittedDate":"2026-03-30T10:00:00"}"#])
    func responseValidationAcceptsWhatTheDecoderAcceptsUnlessStrict(_ body: String) async throws {
        let server = try await LoopbackServer.start { request in
            request.target == "/api/v202203/utilityPlatform/meter/5/dataAccessReleaseState" ? .json(200, body) : .json(404, #"{"message":"no route"}"#)
        }
        var client = EnergyCAPClient(serverURL: try await server.url, apiKey: "k")
        client.configuration.validatesResponses = true
        let state = try await client.v202203.getDataAccessReleaseState(meterID: 5)
        #expect(state.submittedDate != nil)

        client.configuration.strictResponseDateTimes = true
        await #expect {
            _ = try await client.v202203.getDataAccessReleaseState(meterID: 5)
        } throws: { error in
            guard let error = error as? ResponseValidationError else { return false }
            return error.errors.errors.map { "\($0.pointer) \($0.keyword)" } == ["/submittedDate format"]
        }
        let requests = await server.requests
        await server.stop()
        #expect(requests.count == 2)
    }

    @Test func requestValidationStaysStrictAboutDateTimes() {
        let schema = ValidationSchema(types: [.string], format: "date-time")
        #expect(schema.validate(.string("2026-03-30")).map(\.keyword) == ["format"])
        #expect(schema.validate(.string("2026-03-30"), dateTimes: .asDecoded).isEmpty)
        #expect(schema.validate(.string("yesterday"), dateTimes: .asDecoded).map(\.keyword) == ["format"])
    }

    @Test func modelsValidateDirectly() throws {
        #expect(throws: Never.self) { try DataAccessReleaseRequest(accountNumber: "212345678901", nameOnBill: "N", serviceAddress: "S").validate() }
        #expect(throws: ValidationErrors.self) { try DataAccessReleaseRequest(accountNumber: "2", nameOnBill: "N", serviceAddress: "S").validate() }
    }
}
