import OpenAPIModel

/// Binary request bodies (`application/octet-stream`, `format: binary`) as `RequestBody`, so a
/// file or a stream of chunks is sent without being held in memory; each such operation also gets
/// an overload taking `Data` that forwards to it, so calls passing `Data` keep compiling.
extension SwiftRenderer {
    /// The type of the `requestBody` local the send passes on.
    func requestBodyLocalType(_ body: RequestBodyDeclaration) -> String {
        body.isBinary ? "RequestBody" : "Data"
    }

    /// For a binary-body operation, the overload taking the body as `Data` (`signature`, from the surface).
    func renderDataBodyOverload(_ operation: OperationDeclaration, _ signature: SurfaceSignature, into writer: inout SwiftWriter) {
        guard let body = operation.requestBody else { return }
        var arguments = operation.parameters.map { "\(Naming.argumentLabel($0.name)): \(Naming.escaped($0.name))" }
        arguments.append(body.isRequired ? "body: RequestBody.data(body)" : "body: body.map { RequestBody.data($0) }")
        writer.line()
        writer.documentation("`\(Naming.escaped(operation.methodName))` with the body's bytes in memory; pass a `RequestBody` (`.file(url)`, `.stream(chunks)`) to send a large body without holding it whole.")
        if operation.isDeprecated { writer.line("@available(*, deprecated)") }
        writer.declarationBlock("\(access)\(signature.declaration)") { writer in
            writer.line("try await \(Naming.escaped(operation.methodName))(\(arguments.joined(separator: ", ")))")
        }
    }
}
