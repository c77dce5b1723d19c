@_spi(Generated) import BindingRuntime
import Foundation
import Testing

/// A transport that records and answers without a network.
struct RecordingTransport: ClientTransport {
    func send(_ request: HTTPRequest, body: Data?) async throws -> (HTTPResponse, Data) {
        (HTTPResponse(status: .ok), Data())
    }
}

@Suite struct ClientCoreTests {
    let core = ClientCore(configuration: ClientConfiguration(serverURL: URL(string: "https://example.com:8443/base/")!), transport: RecordingTransport())

    @Test func pathSegmentsArePercentEncodedAsOneSegment() {
        #expect(URIEncoding.pathSegment("a/b c?d#e%f") == "a%2Fb%20c%3Fd%23e%25f")
        #expect(URIEncoding.pathSegment("..") == "%2E%2E")
        #expect(URIEncoding.pathSegment("é") == "%C3%A9")
        #expect(URIEncoding.pathSegment("A-z_0.9~") == "A-z_0.9~")
    }

    @Test func requestsJoinTheServerPathAndFormEncodeTheQuery() {
        let request = core.makeRequest(method: .get, path: "/api/v3/x", query: [("q", "a b&c"), ("skipped", nil), ("n", "1")])
        #expect(request.scheme == "https")
        #expect(request.authority == "example.com:8443")
        #expect(request.path == "/base/api/v3/x?q=a%20b%26c&n=1")
    }

    @Test func securityUsesTheFirstSatisfiableAlternative() throws {
        var request = core.makeRequest(method: .get, path: "/x")
        try core.applySecurity(to: &request, alternatives: [
            [.header(scheme: "A", name: "X-A", value: nil)],
            [.bearer(scheme: "B", token: "t"), .query(scheme: "C", name: "key", value: "k 1")],
        ], operationID: "op")
        #expect(request.headerFields[.authorization] == "Bearer t")
        #expect(request.headerFields[HTTPField.Name("X-A")!] == nil)
        #expect(request.path == "/base/x?key=k%201")
    }

    @Test func missingCredentialsThrowBeforeSending() {
        var request = core.makeRequest(method: .get, path: "/x")
        #expect(throws: MissingCredentialsError.self) {
            try core.applySecurity(to: &request, alternatives: [[.header(scheme: "ApiKey", name: "ECI-ApiKey", value: nil)]], operationID: "op")
        }
    }

    @Test func basicCredentials() throws {
        var request = core.makeRequest(method: .get, path: "/x")
        try core.applySecurity(to: &request, alternatives: [[.basic(scheme: "B", credentials: HTTPBasicCredentials(username: "Aladdin", password: "open sesame"))]], operationID: "op")
        #expect(request.headerFields[.authorization] == "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==")  // RFC 7617 §2 example
    }

    @Test func jsonValueRoundTrips() throws {
        let text = #"{"a":[1,2.5,"x",true,null,{"b":{}}]}"#
        let value = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
        #expect(value == .object(["a": .array([.integer(1), .number(2.5), .string("x"), .bool(true), .null, .object(["b": .object([:])])])]))
        #expect(String(decoding: try JSONCoding.encoder().encode(value), as: UTF8.self) == text)
    }
}
