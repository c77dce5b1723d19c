#if AsyncHTTPClientTransport
import AsyncHTTPClient
import BindingRuntimeAsyncHTTPClient
#endif
import BindingRuntime
#if OpenAPIRuntimeTransports
import BindingRuntimeOpenAPI
import OpenAPIURLSession
#endif
#if AsyncHTTPClientTransport && OpenAPIRuntimeTransports
import OpenAPIAsyncHTTPClient
#endif
import Foundation

/// The transports the end-to-end tests run against: the URLSession default, the AsyncHTTPClient
/// transport (BindingRuntimeAsyncHTTPClient), and the swift-openapi-runtime adapter over
/// swift-openapi-urlsession's and swift-openapi-async-http-client's transports. The last three
/// exist with the package traits that enable them (Package.swift); `Scripts/test` enables both,
/// a plain `swift test` runs the URLSession default alone.
enum TestTransport: String, CaseIterable, Sendable, CustomStringConvertible {
    case urlSession
    #if AsyncHTTPClientTransport
    case asyncHTTPClient
    #endif
    #if OpenAPIRuntimeTransports
    case openAPIURLSession
    #endif
    #if AsyncHTTPClientTransport && OpenAPIRuntimeTransports
    case openAPIAsyncHTTPClient
    #endif

    func make() -> any BindingRuntime.ClientTransport {
        switch self {
        case .urlSession: return BindingRuntime.URLSessionTransport()
        #if AsyncHTTPClientTransport
        case .asyncHTTPClient: return AsyncHTTPClientTransport(client: Self.httpClient)
        #endif
        #if OpenAPIRuntimeTransports
        case .openAPIURLSession: return OpenAPITransport(OpenAPIURLSession.URLSessionTransport())
        #endif
        #if AsyncHTTPClientTransport && OpenAPIRuntimeTransports
        case .openAPIAsyncHTTPClient: return OpenAPITransport(OpenAPIAsyncHTTPClient.AsyncHTTPClientTransport(configuration: .init(client: Self.httpClient)))
        #endif
        }
    }

    #if AsyncHTTPClientTransport
    /// One AsyncHTTPClient client for the tests (never shut down: it lives as long as the test
    /// process). It does not retry connection establishment itself, so a refused connection fails
    /// at once and `RetryMiddleware` decides (`HTTPClient.shared` would retry until the deadline).
    static let httpClient: HTTPClient = {
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool.retryConnectionEstablishment = false
        return HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }()
    #endif

    /// Whether the transport hands the response body over as it arrives. swift-openapi-urlsession
    /// 1.4.0 does not on Linux: without Darwin's streaming delegate it reads the whole body before
    /// returning, so the size limit can only be applied (and the error thrown) afterwards.
    var streamsResponses: Bool {
        #if OpenAPIRuntimeTransports
        return self != .openAPIURLSession
        #else
        return true
        #endif
    }

    /// Whether the transport runs on URLSession (whose errors are `URLError`s).
    var isURLSession: Bool {
        #if OpenAPIRuntimeTransports
        return self == .urlSession || self == .openAPIURLSession
        #else
        return self == .urlSession
        #endif
    }

    var description: String { rawValue }
}
