import FlyingFox
import FlyingSocks
import Foundation

/// A FlyingFox HTTP server on 127.0.0.1 with a random port, recording every request it gets.
actor LoopbackServer {
    struct Recorded: Sendable {
        var method: String
        /// Percent-encoded path and query, as sent.
        var target: String
        var headers: [String: String]
        var body: Data
        /// How many requests the server had received before this one.
        var index: Int = 0
        /// When the server received it.
        var receivedAt: ContinuousClock.Instant = .now
    }

    struct Reply: Sendable {
        var status: Int
        var body: Data
        var contentType: String = "application/json"
        /// Further response header fields.
        var headers: [String: String] = [:]

        static func json(_ status: Int, _ text: String) -> Reply { Reply(status: status, body: Data(text.utf8)) }
    }

    private let server: HTTPServer
    private var task: Task<Void, any Error>?
    private(set) var requests: [Recorded] = []
    let respond: @Sendable (Recorded) -> Reply

    /// Seconds allowed to start listening and to answer one request.
    private static let limit: TimeInterval = 120

    private init(respond: @escaping @Sendable (Recorded) -> Reply) {
        self.respond = respond
        // Generous limits: CI runs the whole suite in parallel on 2 cores, where FlyingFox's
        // defaults (5 s to start listening, as seen failing in CI) are too tight.
        self.server = HTTPServer(address: try! .inet(ip4: "127.0.0.1", port: 0), timeout: Self.limit, logger: .disabled)
    }

    /// Starts a server whose answers come from `respond`.
    static func start(_ respond: @escaping @Sendable (Recorded) -> Reply) async throws -> LoopbackServer {
        let loopback = LoopbackServer(respond: respond)
        try await loopback.run()
        return loopback
    }

    private func run() async throws {
        await server.appendRoute("*") { [weak self] request in
            guard let self else { return FlyingFox.HTTPResponse(statusCode: .internalServerError) }
            var headers: [String: String] = [:]
            for header in request.headers.keys { headers[header.rawValue.lowercased()] = request.headers[header] }
            let recorded = Recorded(method: request.method.rawValue, target: request.target.rawValue, headers: headers, body: try await request.bodyData)
            let reply = await self.record(recorded)
            var replyHeaders: [HTTPHeader: String] = [.contentType: reply.contentType]
            for (name, value) in reply.headers { replyHeaders[HTTPHeader(name)] = value }
            return FlyingFox.HTTPResponse(statusCode: HTTPStatusCode(reply.status, phrase: "Status \(reply.status)"),
                                          headers: HTTPHeaders(replyHeaders), body: reply.body)
        }
        let server = self.server
        task = Task { try await server.run() }
        try await server.waitUntilListening(timeout: Self.limit)
    }

    private func record(_ request: Recorded) -> Reply {
        var request = request
        request.index = requests.count
        request.receivedAt = .now
        requests.append(request)
        return respond(request)
    }

    /// `http://127.0.0.1:PORT`
    var url: URL {
        get async throws {
            guard case .ip4(let host, let port)? = await server.listeningAddress else { throw URLError(.cannotConnectToHost) }
            return URL(string: "http://\(host):\(port)")!
        }
    }

    func stop() async {
        await server.stop(timeout: 1)
        task?.cancel()
    }
}
