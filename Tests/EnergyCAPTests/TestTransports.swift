import AsyncHTTPClient
import BindingRuntime
import BindingRuntimeAsyncHTTPClient
import BindingRuntimeOpenAPI
import Foundation
import OpenAPIAsyncHTTPClient
import OpenAPIURLSession

/// The transports the end-to-end tests run against: the URLSession default, the AsyncHTTPClient
/// transport (BindingRuntimeAsyncHTTPClient), and the swift-openapi-runtime adapter over
/// swift-openapi-urlsession's and swift-openapi-async-http-client's transports.
enum TestTransport: String, CaseIterable, Sendable, CustomStringConvertible {
    case urlSession
    case asyncHTTPClient
    case openAPIURLSession
    case openAPIAsyncHTTPClient

    func make() -> any BindingRuntime.ClientTransport {
        switch self {
        case .urlSession: return BindingRuntime.URLSessionTransport()
        case .asyncHTTPClient: return AsyncHTTPClientTransport(client: Self.httpClient)
        case .openAPIURLSession: return OpenAPITransport(OpenAPIURLSession.URLSessionTransport())
        case .openAPIAsyncHTTPClient: return OpenAPITransport(OpenAPIAsyncHTTPClient.AsyncHTTPClientTransport(configuration: .init(client: Self.httpClient)))
        }
    }

    /// One AsyncHTTPClient client for the tests (never shut down: it lives as long as the test
    /// process). It does not retry connection establishment itself, so a refused connection fails
    /// at once and `RetryMiddleware` decides (`HTTPClient.shared` would retry until the deadline).
    static let httpClient: HTTPClient = {
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool.retryConnectionEstablishment = false
        return HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }()

    /// Whether the transport hands the response body over as it arrives. swift-openapi-urlsession
    /// 1.4.0 does not on Linux: without Darwin's streaming delegate it reads the whole body before
    /// returning, so the size limit can only be applied (and the error thrown) afterwards.
    var streamsResponses: Bool { self != .openAPIURLSession }

    /// Whether the transport runs on URLSession (whose errors are `URLError`s).
    var isURLSession: Bool { self == .urlSession || self == .openAPIURLSession }

    var description: String { rawValue }
}
