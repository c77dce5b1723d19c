public import Foundation
#if canImport(FoundationNetworking)
public import FoundationNetworking
#endif
import HTTPTypesFoundation

/// Sends one HTTP request and returns the response with its whole body.
///
/// Generated clients call this once per operation. Implement it to plug in another HTTP stack,
/// to record traffic in tests, or to wrap another transport (retries, logging).
public protocol ClientTransport: Sendable {
    /// - Parameters:
    ///   - request: method, scheme, authority, path with query, and header fields.
    ///   - body: the request body bytes, or nil for none.
    /// - Returns: the response head and body bytes.
    /// - Throws: whatever the underlying HTTP stack throws (connection, TLS, cancellation).
    func send(_ request: HTTPRequest, body: Data?) async throws -> (HTTPResponse, Data)
}

/// A `ClientTransport` on Foundation's `URLSession` (FoundationNetworking on Linux).
public struct URLSessionTransport: ClientTransport {
    public let session: URLSession

    public init(session: URLSession = .shared) {
        self.session = session
    }

    public func send(_ request: HTTPRequest, body: Data?) async throws -> (HTTPResponse, Data) {
        let (data, response): (Data, HTTPResponse)
        if let body {
            (data, response) = try await session.upload(for: request, from: body)
        } else {
            (data, response) = try await session.data(for: request)
        }
        return (response, data)
    }
}
