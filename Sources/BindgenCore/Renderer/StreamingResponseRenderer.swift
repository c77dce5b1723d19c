/// Binary success responses as a stream: an operation whose success bodies are all bytes
/// (`SuccessResponse.isStreamable`) also gets `…Stream(…)`, returning the whole response with
/// the body as a `ResponseBodyStream` read as it arrives, so a large download is never held whole.
extension SwiftRenderer {
    /// `signature`: the `…Stream(…)` method's, from the surface.
    func renderStreamMethod(_ operation: OperationDeclaration, _ signature: SurfaceSignature, clientExpression client: String, into writer: inout SwiftWriter) {
        let success = operation.success
        writer.line()
        writer.documentation("""
            The response of `\(operation.methodName)(…)` with its body as a stream of `Data` chunks, read as they arrive \
            (`ResponseBodyStream`), for bodies too large to hold in memory. Same parameters and errors as `\(operation.methodName)(…)`; \
            `ClientConfiguration.timeout` bounds the wait for the response head, `maximumResponseBodySize` applies while the \
            stream is read, and dropping the stream or cancelling its reader stops the transfer.

            - Throws: as `\(operation.methodName)(…)`; an error status's body is read whole (within `maximumResponseBodySize`) for `APIError`.
            """)
        if operation.isDeprecated { writer.line("@available(*, deprecated)") }
        writer.declarationBlock("\(access)\(signature.declaration)") { writer in
            renderRequest(operation, clientExpression: client, into: &writer)
            renderSend(operation, streamed: true, into: &writer)
            let headers = success.headersTypeName.map {
                "try \($0)(core.headerReader(request: request, response: response, body: Data(), operationID: operationID))"
            } ?? "NoResponseHeaders()"
            let exact = success.cases.filter { $0.status != nil }
            let ranges = success.cases.filter { $0.status == nil }
            writer.line("switch response.status.code {")
            // Statuses with the same media types share a `case`; exact codes before the range.
            var groups: [(patterns: [String], mediaTypes: [String])] = []
            for item in exact + ranges {
                let pattern = item.status.map(String.init) ?? "200...299"
                if item.status != nil, let index = groups.firstIndex(where: { !$0.patterns.contains("200...299") && $0.mediaTypes == item.mediaTypes }) {
                    groups[index].patterns.append(pattern)
                } else {
                    groups.append(([pattern], item.mediaTypes))
                }
            }
            for group in groups {
                writer.line("case \(group.patterns.joined(separator: ", ")):")
                writer.indented { writer in
                    if !group.mediaTypes.isEmpty {
                        let list = "[" + group.mediaTypes.map(\.swiftLiteral).joined(separator: ", ") + "]"
                        writer.line("try await core.checkContentType(\(list), request: request, response: response, stream: responseStream, operationID: operationID)")
                    }
                    writer.line("return OperationResponse(response, headers: \(headers), body: responseStream)")
                }
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
