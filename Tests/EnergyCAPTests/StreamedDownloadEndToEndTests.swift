import BindingRuntime
import Foundation
import ResponsesFixture
import Testing

/// A generated `…Stream(…)` method (Tests/Fixtures/Responses, `DownloadArchiveV1`) over loopback
/// HTTP, against every transport: a large `application/octet-stream` body arrives as a stream of
/// chunks, the server checks the request, and the declared header and error statuses work as in
/// the buffered methods.
@Suite struct StreamedDownloadEndToEndTests {
    /// 8 MiB of a fixed pattern.
    static let archive = Data((0..<(8 << 20)).map { UInt8(truncatingIfNeeded: ($0 &* 2_654_435_761) >> 11) })

    static func server() async throws -> LoopbackServer {
        let archive = Self.archive
        return try await LoopbackServer.start { request in
            guard request.method == "GET", request.target == "/api/v1/items/9/archive?part=2",
                  request.headers["accept"] == "application/octet-stream", request.headers["x-request-tag"] == "nightly", request.body.isEmpty else {
                return LoopbackServer.Reply(status: 404, body: Data(#"{"title":"unexpected request"}"#.utf8), contentType: "application/problem+json")
            }
            return LoopbackServer.Reply(status: 200, body: archive, contentType: "application/octet-stream",
                                        headers: ["X-Archive-Checksum": String(StreamingEndToEndTests.fnv1a(archive), radix: 16)])
        }
    }

    @Test(arguments: TestTransport.allCases)
    func aLargeBinaryBodyIsDownloadedAsAStream(transport: TestTransport) async throws {
        let server = try await Self.server()
        let client = ResponsesFixtureClient(serverURL: try await server.url, transport: transport.make())
        let response = try await client.v1.downloadArchiveStream(id: 9, part: 2, xRequestTag: "nightly")
        #expect(response.status == 200)
        #expect(response.xArchiveChecksum == String(StreamingEndToEndTests.fnv1a(Self.archive), radix: 16))
        if transport == .urlSession { #expect(response.body.declaredLength == Self.archive.count) }
        var received = Data()
        var chunks = 0
        for try await chunk in response.body {
            received.append(chunk)
            chunks += 1
        }
        let requests = await server.requests
        await server.stop()
        #expect(requests.count == 1)
        #expect(received.count == Self.archive.count)
        #expect(StreamingEndToEndTests.fnv1a(received) == StreamingEndToEndTests.fnv1a(Self.archive))
        if transport.streamsResponses { #expect(chunks > 1, "the body arrived as one chunk") }
        // The buffered form of the same operation still returns the bytes whole.
        let again = try await Self.server()
        let whole = try await ResponsesFixtureClient(serverURL: try await again.url, transport: transport.make())
            .v1.downloadArchive(id: 9, part: 2, xRequestTag: "nightly")
        await again.stop()
        #expect(whole == Self.archive)
    }

    @Test(arguments: TestTransport.allCases)
    func anErrorStatusIsAnAPIErrorWithItsBodyDecoded(transport: TestTransport) async throws {
        let server = try await Self.server()
        let client = ResponsesFixtureClient(serverURL: try await server.url, transport: transport.make())
        await #expect {
            _ = try await client.v1.downloadArchiveStream(id: 9, part: 3, xRequestTag: "nightly")
        } throws: { error in
            guard let error = error as? APIError else { return false }
            return error.status.code == 404 && error.operationID == "DownloadArchiveV1"
                && error.decodedBody(as: Problem.self)?.title == "unexpected request"
        }
        await server.stop()
    }

    /// The size limit applies while the stream is read, and a wrong content type is reported
    /// with the body as received.
    @Test(arguments: TestTransport.allCases)
    func theSizeLimitAndTheContentTypeAreChecked(transport: TestTransport) async throws {
        let server = try await Self.server()
        var configuration = ClientConfiguration(serverURL: try await server.url)
        configuration.maximumResponseBodySize = 1 << 20
        let limited = ResponsesFixtureClient(configuration: configuration, transport: transport.make())
        await #expect {
            let response = try await limited.v1.downloadArchiveStream(id: 9, part: 2, xRequestTag: "nightly")
            for try await _ in response.body {}
        } throws: { error in
            error is ResponseBodyTooLargeError || (error as? TransportError)?.kind == .responseBodyTooLarge
        }
        await server.stop()

        let html = try await LoopbackServer.start { _ in LoopbackServer.Reply(status: 200, body: Data("<html>no</html>".utf8), contentType: "text/html") }
        let client = ResponsesFixtureClient(serverURL: try await html.url, transport: transport.make())
        await #expect {
            _ = try await client.v1.downloadArchiveStream(id: 9)
        } throws: { error in
            guard let error = error as? UnexpectedContentTypeError else { return false }
            return error.contentType == "text/html" && error.body == Data("<html>no</html>".utf8) && error.declared == ["application/octet-stream"]
        }
        await html.stop()
    }
}
