@_spi(Generated) import BindingRuntime
import EnergyCAP
import Foundation
import Testing

/// Streamed request and response bodies (issue 11) over loopback, against every transport: the
/// server checks the size and a hash of what arrived.
@Suite struct StreamingEndToEndTests {
    /// 6 MiB of a fixed pattern.
    static let payload = Data((0..<(6 << 20)).map { UInt8(truncatingIfNeeded: ($0 &* 2_654_435_761) >> 13) })

    /// FNV-1a, 64-bit: the servers' check that every byte arrived in order.
    static func fnv1a(_ data: Data) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in data { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        return hash
    }

    static func payloadFile() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("streamed-upload-\(UUID().uuidString).bin")
        try payload.write(to: url)
        return url
    }

    /// A server for `uploadFile` that answers 200 when the body has the payload's size and hash.
    static func uploadServer(failFirst: Int = 0, status: Int = 502) async throws -> LoopbackServer {
        let size = payload.count
        let hash = fnv1a(payload)
        return try await LoopbackServer.start { request in
            guard request.method == "POST", request.target.hasPrefix("/api/v202105/fileStore/fileDataType/17/upload"),
                  request.headers["content-type"] == "application/octet-stream" else { return .json(400, #"{"message":"bad request"}"#) }
            guard request.body.count == size, fnv1a(request.body) == hash else {
                return .json(422, #"{"message":"got \#(request.body.count) bytes"}"#)
            }
            if request.index < failFirst { return LoopbackServer.Reply(status: status, body: Data(#"{"message":"busy"}"#.utf8), headers: ["Retry-After": "0"]) }
            return .json(200, #""filestore/\#(request.index)""#)
        }
    }

    @Test(arguments: TestTransport.allCases)
    func aFileIsUploadedWhole(transport: TestTransport) async throws {
        let file = try Self.payloadFile()
        defer { try? FileManager.default.removeItem(at: file) }
        let server = try await Self.uploadServer()
        let client = EnergyCAPClient(serverURL: try await server.url, apiKey: "k", transport: transport.make())
        let reference = try await client.v202105.uploadFile(fileDataTypeID: 17, fileName: "bill.pdf", body: .file(file))
        let requests = await server.requests
        await server.stop()
        #expect(reference == "filestore/0")
        #expect(requests.count == 1)
        #expect(requests.first?.target == "/api/v202105/fileStore/fileDataType/17/upload?fileName=bill.pdf")
        #expect(requests.first?.headers["content-length"] == String(Self.payload.count))
    }

    @Test(arguments: TestTransport.allCases)
    func aStreamOfChunksIsUploadedWhole(transport: TestTransport) async throws {
        let server = try await Self.uploadServer()
        let client = EnergyCAPClient(serverURL: try await server.url, apiKey: "k", transport: transport.make())
        let payload = Self.payload
        let chunks = AsyncStream<Data> { continuation in
            var offset = 0
            while offset < payload.count {
                continuation.yield(payload[offset..<min(offset + 100_000, payload.count)])
                offset += 100_000
            }
            continuation.finish()
        }
        let reference = try await client.v202105.uploadFile(fileDataTypeID: 17, body: .stream(chunks, length: payload.count))
        let requests = await server.requests
        await server.stop()
        #expect(reference == "filestore/0")
        #expect(requests.count == 1)
    }

    /// A file body is re-read for each retry; the server checks every attempt's bytes.
    @Test(arguments: TestTransport.allCases)
    func aFileBodyIsResentIntactOnRetry(transport: TestTransport) async throws {
        let file = try Self.payloadFile()
        defer { try? FileManager.default.removeItem(at: file) }
        let server = try await Self.uploadServer(failFirst: 2)
        let client = EnergyCAPClient(serverURL: try await server.url, apiKey: "k", transport: transport.make(),
                                     middlewares: [RetryMiddleware(initialDelay: .milliseconds(1), retriesNonIdempotentRequests: true)])
        let reference = try await client.v202105.uploadFile(fileDataTypeID: 17, body: .file(file))
        let requests = await server.requests
        await server.stop()
        #expect(reference == "filestore/2")
        #expect(requests.count == 3)
    }

    /// A one-shot stream is not retried, even when the caller allows retrying a POST: the 503
    /// reaches the caller after one attempt.
    @Test(arguments: TestTransport.allCases)
    func aOneShotStreamIsNotRetried(transport: TestTransport) async throws {
        let server = try await Self.uploadServer(failFirst: 5, status: 503)
        let client = EnergyCAPClient(serverURL: try await server.url, apiKey: "k", transport: transport.make(),
                                     middlewares: [RetryMiddleware(maximumAttempts: 5, initialDelay: .milliseconds(1), retriesNonIdempotentRequests: true)])
        let chunks = AsyncStream<Data> { continuation in
            continuation.yield(Self.payload)
            continuation.finish()
        }
        await #expect {
            _ = try await client.v202105.uploadFile(fileDataTypeID: 17, body: .stream(chunks, length: Self.payload.count))
        } throws: { error in
            (error as? APIError)?.status.code == 503
        }
        let requests = await server.requests
        await server.stop()
        #expect(requests.count == 1, "a one-shot stream was sent \(requests.count) times")
    }

    /// A middleware that sends a one-shot stream twice gets `RequestBodyConsumedError` the second
    /// time, before anything is sent; middlewares see such a body as nil.
    @Test func aSecondSendOfAOneShotStreamFailsClearly() async throws {
        let server = try await Self.uploadServer(failFirst: 5, status: 503)
        let seen = Box<[Bool]>([])
        let client = EnergyCAPClient(serverURL: try await server.url, apiKey: "k", transport: URLSessionTransport(),
                                     middlewares: [TwiceMiddleware(seen: seen)])
        let chunks = AsyncStream<Data> { continuation in
            continuation.yield(Self.payload)
            continuation.finish()
        }
        await #expect {
            _ = try await client.v202105.uploadFile(fileDataTypeID: 17, body: .stream(chunks, length: Self.payload.count))
        } throws: { error in
            guard let error = error as? TransportError else { return false }
            return error.underlying is RequestBodyConsumedError && error.operationID == "UploadFileV202105"
                && "\(error)".contains("one-shot stream")
        }
        let requests = await server.requests
        await server.stop()
        #expect(requests.count == 1)
        #expect(seen.value == [true])
    }

    /// `Data` bodies still go through the same operation (the generated `Data` overload), and
    /// middlewares see their bytes.
    @Test func aDataBodyStillWorksAndMiddlewaresSeeIt() async throws {
        let server = try await Self.uploadServer()
        let seen = Box<[Int]>([])
        let client = EnergyCAPClient(serverURL: try await server.url, apiKey: "k", transport: URLSessionTransport(),
                                     middlewares: [BodySizeMiddleware(seen: seen)])
        let reference = try await client.v202105.uploadFile(fileDataTypeID: 17, body: Self.payload)
        await server.stop()
        #expect(reference == "filestore/0")
        #expect(seen.value == [Self.payload.count])
    }

    /// A binary response read as a stream, chunk by chunk; the size limit applies while reading.
    @Test(arguments: TestTransport.allCases)
    func aBinaryResponseIsReadAsAStream(transport: TestTransport) async throws {
        let payload = Self.payload
        let server = try await LoopbackServer.start { request in
            request.target == "/files/1" ? LoopbackServer.Reply(status: 200, body: payload, contentType: "application/octet-stream") : .json(404, "{}")
        }
        var configuration = ClientConfiguration(serverURL: try await server.url)
        let core = ClientCore(configuration: configuration, transport: transport.make())
        let (response, body) = try await core.stream(core.makeRequest(method: .get, path: "/files/1"), body: nil, operationID: "GetFile")
        #expect(response.status.code == 200)
        var received = Data()
        var chunks = 0
        for try await chunk in body {
            received.append(chunk)
            chunks += 1
        }
        #expect(received.count == payload.count)
        #expect(Self.fnv1a(received) == Self.fnv1a(payload))
        if transport.streamsResponses { #expect(chunks > 1, "the body arrived as one chunk") }

        configuration.maximumResponseBodySize = 1 << 20
        let limited = ClientCore(configuration: configuration, transport: transport.make())
        // A declared length over the limit fails at the head; otherwise reading fails.
        await #expect {
            let (_, tooLarge) = try await limited.stream(limited.makeRequest(method: .get, path: "/files/1"), body: nil, operationID: "GetFile")
            for try await _ in tooLarge {}
        } throws: { error in
            error is ResponseBodyTooLargeError || (error as? TransportError)?.kind == .responseBodyTooLarge
        }
        await server.stop()
    }
}

/// Sends the request twice, recording whether the body it saw was nil.
struct TwiceMiddleware: ClientMiddleware {
    let seen: Box<[Bool]>
    func intercept(_ request: HTTPRequest, body: Data?, operationID: String,
                   next: @Sendable (HTTPRequest, Data?) async throws -> (HTTPResponse, Data)) async throws -> (HTTPResponse, Data) {
        seen.mutate { $0.append(body == nil) }
        _ = try await next(request, body)
        return try await next(request, body)
    }
}

/// Records the size of each body it sees.
struct BodySizeMiddleware: ClientMiddleware {
    let seen: Box<[Int]>
    func intercept(_ request: HTTPRequest, body: Data?, operationID: String,
                   next: @Sendable (HTTPRequest, Data?) async throws -> (HTTPResponse, Data)) async throws -> (HTTPResponse, Data) {
        seen.mutate { $0.append(body?.count ?? -1) }
        return try await next(request, body)
    }
}
