import BindingRuntime
import BindingRuntimeOpenAPI
import Foundation
import OpenAPIURLSession

/// The transports the end-to-end tests run against: the URLSession default, and the
/// swift-openapi-runtime adapter over swift-openapi-urlsession's transport.
enum TestTransport: String, CaseIterable, Sendable, CustomStringConvertible {
    case urlSession
    case openAPIURLSession

    func make() -> any BindingRuntime.ClientTransport {
        switch self {
        case .urlSession: return BindingRuntime.URLSessionTransport()
        case .openAPIURLSession: return OpenAPITransport(OpenAPIURLSession.URLSessionTransport())
        }
    }

    var description: String { rawValue }
}
