/// `text/event-stream` success responses as events: an operation whose success statuses declare
/// that media type (`SuccessResponse.events`) also gets `…Events(…)`, returning the whole
/// response with the body as a `ServerSentEvents` sequence parsed as the bytes arrive.
extension SwiftRenderer {
    /// `signature`: the `…Events(…)` method's, from the surface.
    func renderEventsMethod(_ operation: OperationDeclaration, _ signature: SurfaceSignature, clientExpression client: String, into writer: inout SwiftWriter) {
        guard let events = operation.success.events else { return }
        let statuses = events.statuses.map { $0.map(String.init) ?? "2XX" }.joined(separator: ", ")
        writer.line()
        writer.documentation("""
            The response of `\(operation.methodName)(…)` as server-sent events (`\(events.mediaType)`, WHATWG HTML §9.2), \
            sent with `Accept: \(events.mediaType)`: the body is a `ServerSentEvents` sequence parsed as the bytes arrive, each \
            event's `data` decoded as `\(swiftType(events.payloadType))` by `decodedData()`. Same parameters as `\(operation.methodName)(…)`; \
            the events are read for \(statuses), and `ClientConfiguration.timeout` bounds the wait for the response head only.

            - Throws: `UnexpectedContentTypeError` when the response is not `\(events.mediaType)`; `APIError` for any other status \
            (its body read whole, within `maximumResponseBodySize`); otherwise as `\(operation.methodName)(…)`.
            """)
        if operation.isDeprecated { writer.line("@available(*, deprecated)") }
        writer.declarationBlock("\(access)\(signature.declaration)") { writer in
            renderRequest(operation, accept: [events.mediaType], clientExpression: client, into: &writer)
            renderSend(operation, streamed: true, into: &writer)
            let headers = operation.success.headersTypeName.map {
                "try \($0)(core.headerReader(request: request, response: response, body: Data(), operationID: operationID))"
            } ?? "NoResponseHeaders()"
            // Exact codes before the range (a `switch` takes the first match).
            let patterns = events.statuses.compactMap { $0.map(String.init) } + (events.statuses.contains(nil) ? ["200...299"] : [])
            writer.line("switch response.status.code {")
            writer.line("case \(patterns.joined(separator: ", ")):")
            writer.indented { writer in
                writer.line("try await core.checkContentType([\(events.mediaType.swiftLiteral)], request: request, response: response, stream: responseStream, operationID: operationID)")
                writer.line("let events = core.serverSentEvents(\(swiftType(events.payloadType)).self, responseStream, request: request, response: response, operationID: operationID)")
                writer.line("return OperationResponse(response, headers: \(headers), body: events)")
            }
            writer.line("default:")
            writer.indented { writer in
                writer.line("let responseBody = try await core.collect(responseStream, request: request, operationID: operationID)")
                writer.line("switch response.status.code {")
                renderErrorCases(operation, into: &writer)
                writer.line("}")
            }
            writer.line("}")
        }
    }
}
