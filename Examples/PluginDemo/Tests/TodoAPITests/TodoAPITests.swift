import BindingRuntime
import Foundation
import Testing
import TodoAPI

/// Answers every request with one canned response and remembers the request.
actor StubTransport: ClientTransport {
    var requests: [(HTTPRequest, Data?)] = []
    let status: HTTPResponse.Status
    let body: String

    init(status: HTTPResponse.Status, body: String) {
        self.status = status
        self.body = body
    }

    func send(_ request: HTTPRequest, body: Data?) async throws -> (HTTPResponse, Data) {
        requests.append((request, body))
        return (HTTPResponse(status: status), Data(self.body.utf8))
    }
}

@Suite struct TodoAPITests {
    @Test func generatedClientSendsAndDecodes() async throws {
        let transport = StubTransport(status: .created, body: #"{"id":7,"title":"Write tests","state":"open","due":"2026-12-01"}"#)
        let client = TodoAPIClient(bearer: "token", transport: transport)
        let todo = try await client.v1.createTodo(body: NewTodo(title: "Write tests", due: CalendarDate("2026-12-01")))
        #expect(todo.id == 7)
        #expect(todo.state == .open)
        #expect(todo.due == CalendarDate("2026-12-01"))
        let requests = await transport.requests
        #expect(requests.first?.0.path == "/v1/todos")
        #expect(requests.first?.0.headerFields[.authorization] == "Bearer token")
    }

    @Test func invalidRequestsAreNotSent() async throws {
        let transport = StubTransport(status: .created, body: "{}")
        let client = TodoAPIClient(bearer: "token", transport: transport)
        await #expect {
            _ = try await client.v1.createTodo(body: NewTodo(title: ""))
        } throws: { error in
            (error as? ValidationErrors)?.errors.map(\.pointer) == ["/title"]
        }
        await #expect {
            _ = try await client.v1.listTodos(limit: 101)
        } throws: { error in
            (error as? ValidationErrors)?.errors.map(\.pointer) == ["/query/limit"]
        }
        #expect(await transport.requests.isEmpty)
    }
}
