import BindingRuntime
import EnergyCAP
import Foundation
import ResponsesFixture
import Testing

/// Whole responses over loopback HTTP (Tests/Fixtures/Responses and the EnergyCAP list
/// operation): typed headers, per-status bodies, paging by `TotalPages`, media types, errors.
@Suite struct ResponsesEndToEndTests {
    static func client(_ server: LoopbackServer) async throws -> ResponsesFixtureClient {
        ResponsesFixtureClient(serverURL: try await server.url)
    }

    @Test func declaredHeadersAreTypedAndRawFieldsKept() async throws {
        let server = try await LoopbackServer.start { request in
            guard request.method == "GET", request.target == "/api/v1/items/5", request.headers["accept"] == "application/json" else {
                return .json(400, "{}")
            }
            return LoopbackServer.Reply(status: 200, body: Data(#"{"id":5,"name":"pump"}"#.utf8), headers: [
                "ETag": "\"v7\"", "X-Rate-Limit-Remaining": "41", "X-Flags": "new, fragile", "Last-Modified-At": "2026-03-30T12:00:00Z",
                "X-Cached": "true", "X-Undeclared": "kept",
            ])
        }
        let response = try await Self.client(server).v1.getItemResponse(id: 5)
        let oneLine = try await Self.client(server).v1.getItem(id: 5)
        await server.stop()
        #expect(response.status == 200)
        #expect(response.body == Item(name: "pump", id: 5))
        #expect(oneLine == response.body)
        #expect(response.eTag == "\"v7\"")
        #expect(response.xRateLimitRemaining == 41)
        #expect(response.headers.xFlags == ["new", "fragile"])
        #expect(response.lastModifiedAt == DateTimeFormat.date(from: "2026-03-30T12:00:00Z", timeZone: TimeZone(identifier: "UTC")!))
        #expect(response.xCached == true)
        #expect(response.headerFields[HTTPField.Name("X-Undeclared")!] == "kept")
    }

    @Test func aHeaderThatDoesNotMatchItsSchemaIsADecodingError() async throws {
        let server = try await LoopbackServer.start { _ in
            LoopbackServer.Reply(status: 200, body: Data(#"{"name":"pump"}"#.utf8), headers: ["X-Rate-Limit-Remaining": "many"])
        }
        let error = await #expect(throws: ResponseDecodingError.self) { try await Self.client(server).v1.getItemResponse(id: 5) }
        await server.stop()
        #expect(error?.operationID == "GetItemV1")
        #expect(error?.codingPath == ["X-Rate-Limit-Remaining"])
        #expect(error?.description.contains("many") == false)
    }

    @Test func twoSuccessStatusesWithDifferentBodiesAreTypedPerStatus() async throws {
        let server = try await LoopbackServer.start { request in
            guard request.method == "POST", request.target == "/api/v1/items", request.headers["content-type"] == "application/json",
                  String(decoding: request.body, as: UTF8.self) == #"{"name":"pump"}"# else { return .json(400, "{}") }
            switch request.index {
            case 0: return LoopbackServer.Reply(status: 201, body: Data(#"{"id":9,"queuedAt":"2026-03-30T12:00:00Z"}"#.utf8), headers: ["Location": "/api/v1/items/9"])
            case 1: return .json(200, #"{"id":3,"name":"pump"}"#)
            default: return LoopbackServer.Reply(status: 204, body: Data(), contentType: "")
            }
        }
        let client = try await Self.client(server)
        let created = try await client.v1.createItemResponse(body: Item(name: "pump"))
        let existing = try await client.v1.createItem(body: Item(name: "pump"))
        let dryRun = try await client.v1.createItem(body: Item(name: "pump"))
        await server.stop()
        #expect(created.status == 201)
        #expect(created.location == "/api/v1/items/9")
        guard case .created(let receipt) = created.body else { Issue.record("expected .created, got \(created.body)"); return }
        #expect(receipt.id == 9)
        guard case .ok(let item) = existing else { Issue.record("expected .ok, got \(existing)"); return }
        #expect(item == Item(name: "pump", id: 3))
        guard case .noContent = dryRun else { Issue.record("expected .noContent, got \(dryRun)"); return }
    }

    /// 5 records, 2 per page: the server answers `TotalPages: 3` and checks the page number it receives.
    @Test func pagesAreFetchedUntilTotalPages() async throws {
        let records = (1...5).map { #"{"id":\#($0),"name":"item \#($0)"}"# }
        let server = try await LoopbackServer.start { request in
            let expected = "/api/v1/items?filter=pumps&pageSize=2&pageNumber=\(request.index + 1)"
            guard request.method == "GET", request.target == expected else { return .json(400, #"{"unexpected":"\#(request.target)"}"#) }
            let page = records.dropFirst(request.index * 2).prefix(2)
            return LoopbackServer.Reply(status: 200, body: Data(("[" + page.joined(separator: ",") + "]").utf8), headers: [
                "PageNumber": "\(request.index + 1)", "TotalPages": "3", "PageSize": "2", "TotalNumberOfRecords": "5",
            ])
        }
        var names: [String] = []
        var pageNumbers: [Int32?] = []
        for try await page in try await Self.client(server).v1.listItemsPages(filter: "pumps", pageSize: 2) {
            names += page.body.map(\.name)
            pageNumbers.append(page.pageNumber)
            #expect(page.totalNumberOfRecords == 5)
        }
        let requests = await server.requests
        await server.stop()
        #expect(names == (1...5).map { "item \($0)" })
        #expect(pageNumbers == [1, 2, 3])
        #expect(requests.map(\.target) == (1...3).map { "/api/v1/items?filter=pumps&pageSize=2&pageNumber=\($0)" })
    }

    @Test func aPageWithoutTotalPagesEndsTheSequence() async throws {
        let server = try await LoopbackServer.start { _ in .json(200, #"[{"name":"only"}]"#) }
        var count = 0
        for try await page in try await Self.client(server).v1.listItemsPages() {
            #expect(page.body.map(\.name) == ["only"])
            count += 1
        }
        let requests = await server.requests
        await server.stop()
        #expect(count == 1)
        #expect(requests.map(\.target) == ["/api/v1/items?pageNumber=1"])
    }

    @Test func problemJSONErrorBodiesAreDecoded() async throws {
        let server = try await LoopbackServer.start { _ in
            LoopbackServer.Reply(status: 404, body: Data(#"{"type":"about:blank","title":"Not Found","status":404,"detail":"no item 5"}"#.utf8),
                                 contentType: "application/problem+json")
        }
        let error = await #expect(throws: APIError.self) { try await Self.client(server).v1.getItem(id: 5) }
        await server.stop()
        #expect(error?.status.code == 404)
        #expect(error?.decodedBody(as: Problem.self) == Problem(type: "about:blank", title: "Not Found", status: 404, detail: "no item 5"))
    }

    /// One status declaring JSON and `text/event-stream`: the one-line call asks for JSON only; the
    /// `…Events(…)` method asks for the stream and parses it into events, the typed header kept.
    @Test func serverSentEventsBesideJSON() async throws {
        let stream = "event: update\ndata: {\"id\":5,\"name\":\"pump\"}\nid: 1\n\n: keep-alive\n\ndata: {\"id\":5,\n"
            + "data: \"name\":\"valve\"}\n\ndata: [DONE]\n\n"
        let server = try await LoopbackServer.start { request in
            guard request.method == "POST", request.target == "/api/v1/items/5/updates", request.headers["content-type"] == "application/json",
                  request.body == Data(#"{"name":"pump"}"#.utf8) else { return .json(400, "{}") }
            switch request.headers["accept"] {
            case "application/json": return .json(200, #"[{"id":5,"name":"pump"}]"#)
            case "text/event-stream":
                return LoopbackServer.Reply(status: 200, body: Data(stream.utf8), contentType: "text/event-stream; charset=utf-8", headers: ["X-Request-Id": "r-1"])
            default: return .json(406, "{}")
            }
        }
        let client = try await Self.client(server)
        let all = try await client.v1.watchItem(id: 5, body: Item(name: "pump"))
        let response = try await client.v1.watchItemEvents(id: 5, body: Item(name: "pump"))
        var events: [ServerSentEvent<Item>] = []
        for try await event in response.body { events.append(event) }
        await server.stop()
        #expect(all == [Item(name: "pump", id: 5)])
        #expect(response.status == 200)
        #expect(response.xRequestID == "r-1")
        #expect(events.map(\.event) == ["update", "message", "message"])
        #expect(events.map(\.id) == ["1", "1", "1"])
        #expect(try events[0].decodedData() == Item(name: "pump", id: 5))
        #expect(try events[1].decodedData() == Item(name: "valve", id: 5))
        #expect(events[2].data == "[DONE]")
        let error = #expect(throws: ResponseDecodingError.self) { try events[2].decodedData() }
        #expect(error?.operationID == "WatchItemV1")
    }

    @Test func anEventStreamAnsweredWithAnotherTypeIsAnError() async throws {
        let server = try await LoopbackServer.start { _ in .json(200, #"[{"id":5,"name":"pump"}]"#) }
        let error = await #expect(throws: UnexpectedContentTypeError.self) { try await Self.client(server).v1.watchItemEvents(id: 5, body: Item(name: "pump")) }
        let missing = try await LoopbackServer.start { _ in .json(404, #"{"title":"gone"}"#) }
        let notFound = await #expect(throws: APIError.self) { try await Self.client(missing).v1.watchItemEvents(id: 5, body: Item(name: "pump")) }
        await server.stop()
        await missing.stop()
        #expect(error?.declared == ["text/event-stream"])
        #expect(notFound?.status == 404)
        #expect((notFound?.decodedBody as? Problem)?.title == "gone")
    }

    @Test func anUndeclaredContentTypeIsAnErrorNamingOperationStatusAndType() async throws {
        let server = try await LoopbackServer.start { _ in
            LoopbackServer.Reply(status: 200, body: Data("<html>login</html>".utf8), contentType: "text/html; charset=utf-8")
        }
        let error = await #expect(throws: UnexpectedContentTypeError.self) { try await Self.client(server).v1.getItem(id: 5) }
        await server.stop()
        #expect(error?.operationID == "GetItemV1")
        #expect(error?.status == 200)
        #expect(error?.contentType == "text/html; charset=utf-8")
        #expect(error?.declared == ["application/json"])
        #expect(error?.description == "GetItemV1 (GET /api/v1/items/5): HTTP 200 has Content-Type text/html; charset=utf-8, which the operation does not declare for this status (declared: application/json)")
    }

    @Test func textBinaryAndOtherMediaTypes() async throws {
        let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0xFF])
        let server = try await LoopbackServer.start { request in
            switch request.target {
            case "/api/v1/items/1/note": return LoopbackServer.Reply(status: 200, body: Data("größer\n".utf8), contentType: "text/plain; charset=utf-8")
            case "/api/v1/items/1/image": return LoopbackServer.Reply(status: 200, body: png, contentType: "image/png")
            case "/api/v1/items/1/export": return LoopbackServer.Reply(status: 200, body: Data("<item id=\"1\"/>".utf8), contentType: "application/xml")
            default: return .json(400, "{}")
            }
        }
        let client = try await Self.client(server)
        let note = try await client.v1.getNote(id: 1)
        let image = try await client.v1.getImage(id: 1)
        let export = try await client.v1.exportItem(id: 1)
        let requests = await server.requests
        await server.stop()
        #expect(note == "größer\n")
        #expect(image == png)
        #expect(export == TypedData(contentType: "application/xml", data: Data("<item id=\"1\"/>".utf8)))
        #expect(requests.map { $0.headers["accept"] } == ["text/plain", "image/png", "application/xml"])
    }

    /// EnergyCAP's real paged list operation: its paging headers are readable, and every page is fetched.
    @Test func energyCAPListOperationHeadersAndPages() async throws {
        let server = try await LoopbackServer.start { request in
            let expected = "/api/v202203/utilityPlatform/address/search?address=Main&pageSize=1&pageNumber=\(request.index + 1)"
            guard request.method == "POST", request.target == expected, request.headers["eci-apikey"] == "secret-key" else {
                return .json(400, #"{"message":"unexpected request"}"#)
            }
            return LoopbackServer.Reply(status: 200, body: Data(#"[{"line1":"\#(request.index + 1) Main St","city":"State College"}]"#.utf8), headers: [
                "PageNumber": "\(request.index + 1)", "TotalPages": "2", "PageSize": "1", "TotalNumberOfRecords": "2",
            ])
        }
        let client = EnergyCAPClient(serverURL: try await server.url, apiKey: "secret-key")
        var lines: [String?] = []
        for try await page in client.v202203.searchUtilityPlatformServiceAddressesPages(address: "Main", pageSize: 1) {
            #expect(page.totalPages == 2)
            #expect(page.totalNumberOfRecords == 2)
            lines += page.body.map(\.line1)
        }
        await server.stop()
        #expect(lines == ["1 Main St", "2 Main St"])
    }
}
