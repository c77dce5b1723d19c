import BindingRuntime
import Foundation
import RequestsFixture
import Testing

/// The Requests fixture's client against a loopback FlyingFox server that checks every byte it
/// receives: form bodies, multipart uploads, a body with a choice of media types, and styled
/// query, path, header and cookie parameters.
@Suite struct RequestsEndToEndTests {
    func client(_ server: LoopbackServer) async throws -> RequestsFixtureClient {
        RequestsFixtureClient(serverURL: try await server.url)
    }

    @Test func stripeStyleFormBodyWithNestedMetadataAndLineItems() async throws {
        let server = try await LoopbackServer.start { _ in .json(200, #"{"id":"cs_1"}"#) }
        defer { Task { await server.stop() } }
        let body = CheckoutSessionRequest(mode: .payment, metadata: ["order_id": "6735", "note": "a&b c"],
                                          lineItems: [.init(price: "price_1", quantity: 2), .init(price: "price_2")],
                                          expand: ["customer"], tags: ["x", "y"])
        let created = try await client(server).v1.createCheckoutSession(body: body)
        #expect(created.id == "cs_1")
        let request = try #require(await server.requests.first)
        #expect(request.method == "POST")
        #expect(request.target == "/v1/checkout/sessions")
        #expect(request.headers["content-type"] == "application/x-www-form-urlencoded")
        #expect(String(decoding: request.body, as: UTF8.self)
            == "mode=payment&metadata[note]=a%26b%20c&metadata[order_id]=6735&line_items[0][price]=price_1&line_items[0][quantity]=2"
            + "&line_items[1][price]=price_2&expand[]=customer&tags=x,y")
    }

    /// The parts of a multipart body, split at the boundary its Content-Type names (RFC 7578).
    static func parts(_ body: Data, contentType: String) throws -> [(headers: [String], content: String)] {
        let boundary = try #require(contentType.components(separatedBy: "boundary=").last)
        let text = String(decoding: body, as: UTF8.self)
        #expect(text.hasSuffix("--\(boundary)--\r\n"))
        var chunks = text.components(separatedBy: "--\(boundary)")
        #expect(chunks.removeFirst() == "")
        #expect(chunks.removeLast() == "--\r\n")
        return try chunks.map { chunk in
            #expect(chunk.hasPrefix("\r\n") && chunk.hasSuffix("\r\n"))
            // "\r\n" is one Character (one grapheme cluster).
            let inner = String(chunk.dropFirst().dropLast())
            let split = try #require(inner.range(of: "\r\n\r\n"))
            return (inner[..<split.lowerBound].components(separatedBy: "\r\n"), String(inner[split.upperBound...]))
        }
    }

    @Test func multipartUploadWithAFilePartAndAJSONPart() async throws {
        let server = try await LoopbackServer.start { _ in .json(200, #"{"id":"file_1"}"#) }
        defer { Task { await server.stop() } }
        let upload = UploadRequest(file: MultipartFile(Data("{\"a\":1}\n".utf8), fileName: "train.jsonl", contentType: "application/jsonl"),
                                   purpose: .fineTune, options: .init(chunk: 5))
        let created = try await client(server).v1.uploadFile(body: upload, partHeaders: .init(fileXChecksum: "9f86d0", fileXChunkCount: 3))
        #expect(created.id == "file_1")
        let request = try #require(await server.requests.first)
        let contentType = try #require(request.headers["content-type"])
        #expect(contentType.hasPrefix("multipart/form-data; boundary=BindingRuntime-"))
        let parts = try Self.parts(request.body, contentType: contentType)
        #expect(parts.count == 3)
        #expect(parts[0].headers == ["Content-Disposition: form-data; name=\"file\"; filename=\"train.jsonl\"", "Content-Type: application/jsonl",
                                     "X-Checksum: 9f86d0", "X-Chunk-Count: 3"])
        #expect(parts[0].content == "{\"a\":1}\n")
        #expect(parts[1].headers == ["Content-Disposition: form-data; name=\"purpose\""])
        #expect(parts[1].content == "fine-tune")
        #expect(parts[2].headers == ["Content-Disposition: form-data; name=\"options\"", "Content-Type: application/json"])
        #expect(parts[2].content == "{\"chunk\":5}")
    }

    @Test func aPartHeaderWithALineBreakThrowsBeforeSending() async throws {
        let server = try await LoopbackServer.start { _ in .json(200, #"{"id":"file_1"}"#) }
        defer { Task { await server.stop() } }
        let upload = UploadRequest(file: MultipartFile(Data("x".utf8)), purpose: .fineTune)
        await #expect(throws: InvalidHeaderValueError.self) {
            try await client(server).v1.uploadFile(body: upload, partHeaders: .init(fileXChecksum: "9f\r\nX-Evil: 1"))
        }
        #expect(await server.requests.isEmpty)
    }

    @Test func deepObjectExplodeFalsePipeContentAndReservedQueries() async throws {
        let server = try await LoopbackServer.start { _ in LoopbackServer.Reply(status: 204, body: Data()) }
        defer { Task { await server.stop() } }
        try await client(server).v1.listCharges(created: RangeQuery(gte: 1, lt: 9), ids: [1, 2, 3], statuses: ["paid", "open"],
                                                expand: ["data.customer"], filter: RangeQuery(gte: 5), next: "a/b?c")
        let request = try #require(await server.requests.first)
        #expect(request.target == "/v1/charges?created%5Bgte%5D=1&created%5Blt%5D=9&ids=1,2,3&statuses=paid%7Copen&expand%5B%5D=data.customer"
            + "&filter=%7B%22gte%22%3A5%7D&next=a/b?c")
    }

    @Test func labelAndMatrixPathsHeadersAndCookies() async throws {
        let server = try await LoopbackServer.start { _ in LoopbackServer.Reply(status: 204, body: Data()) }
        defer { Task { await server.stop() } }
        try await client(server).v1.getShades(label: ["blue", "black"], matrix: Color(r: 100, g: 200, b: 150), xColor: Color(r: 1, g: 2, b: 3),
                                              xTags: ["a", "b"], prefs: ["dark", "wide"])
        let request = try #require(await server.requests.first)
        #expect(request.target == "/v1/colors.blue,black/shades;R=100;G=200;B=150")
        #expect(request.headers["x-color"] == "R,1,G,2,B,3")
        #expect(request.headers["x-tags"] == "a,b")
        #expect(request.headers["cookie"] == "prefs=dark,wide")
    }

    @Test func headerValueWithLineBreaksThrowsBeforeSending() async throws {
        let server = try await LoopbackServer.start { _ in LoopbackServer.Reply(status: 204, body: Data()) }
        defer { Task { await server.stop() } }
        await #expect(throws: InvalidHeaderValueError.self) {
            try await client(server).v1.getShades(label: ["x"], matrix: Color(r: 1, g: 2, b: 3), xTags: ["a\r\nInjected: yes"])
        }
        #expect(await server.requests.isEmpty)
    }

    @Test func theCallerPicksTheMediaType() async throws {
        let server = try await LoopbackServer.start { _ in LoopbackServer.Reply(status: 201, body: Data("v=0 answer".utf8), contentType: "application/sdp") }
        defer { Task { await server.stop() } }
        // The `application/sdp` answer is neither JSON, text nor binary: its bytes with their content type.
        let answer = try await client(server).v1.createCall(body: .text("v=0 offer"))
        #expect(answer == TypedData(contentType: "application/sdp", data: Data("v=0 answer".utf8)))
        _ = try await client(server).v1.createCall(body: .multipart(.init(sdp: "v=0 offer", session: Color(r: 1, g: 2, b: 3))))
        let requests = await server.requests
        #expect(requests[0].headers["content-type"] == "application/sdp")
        #expect(String(decoding: requests[0].body, as: UTF8.self) == "v=0 offer")
        let parts = try Self.parts(requests[1].body, contentType: try #require(requests[1].headers["content-type"]))
        #expect(parts.map(\.headers) == [["Content-Disposition: form-data; name=\"sdp\"", "Content-Type: application/sdp"],
                                        ["Content-Disposition: form-data; name=\"session\"", "Content-Type: application/json"]])
        #expect(parts.map(\.content) == ["v=0 offer", "{\"R\":1,\"G\":2,\"B\":3}"])
    }

    @Test func textBodiesAreSentWithTheirContentType() async throws {
        let server = try await LoopbackServer.start { _ in LoopbackServer.Reply(status: 204, body: Data()) }
        defer { Task { await server.stop() } }
        try await client(server).v1.postNote(body: "héllo")
        let request = try #require(await server.requests.first)
        #expect(request.headers["content-type"] == "text/plain")
        #expect(request.body == Data("héllo".utf8))
    }
}
