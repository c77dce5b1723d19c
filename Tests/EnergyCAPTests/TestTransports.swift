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
        case .asyncHTTPClient: return AsyncHTTPClientTransport()
        case .openAPIURLSession: return OpenAPITransport(OpenAPIURLSession.URLSessionTransport())
        case .openAPIAsyncHTTPClient: return OpenAPITransport(OpenAPIAsyncHTTPClient.AsyncHTTPClientTransport())
        }
    }

    /// Whether the transport runs on URLSession (whose errors are `URLError`s).
    var isURLSession: Bool { self == .urlSession || self == .openAPIURLSession }

    var description: String { rawValue }
}
