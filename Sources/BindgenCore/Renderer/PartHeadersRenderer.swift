/// The part headers struct of a multipart body whose Encoding Objects declare `headers`
/// (OpenAPI 3.1.1 §4.8.15.1): one property per part header, the methods' `partHeaders:`
/// argument, and the `encodings(_:)` that adds the set ones to their parts.
extension SwiftRenderer {
    /// `partHeadersType`: its members and initializer, from the surface.
    func renderPartHeadersType(_ body: RequestBodyDeclaration, _ partHeadersType: TypeSurface, operation: OperationDeclaration, into writer: inout SwiftWriter) {
        guard let initializer = partHeadersType.initializer else { return }
        writer.documentation("""
            The part headers `\(operation.operationID)` declares for its multipart body (OpenAPI Encoding Object `headers`), \
            sent in the head of their parts as header parameters are (style `simple`); a nil one is left out. (RFC 7578 §4.8 \
            has generic form-data receivers ignore part headers besides `Content-Type` and `Content-Disposition`; these are \
            sent because this API declares them.)
            """)
        writer.block("\(access)nonisolated struct \(partHeadersType.name): Hashable, Sendable") { writer in
            for (header, member) in zip(body.partHeaders, partHeadersType.members) {
                writer.documentation("`\(header.wireName)` of part `\(header.part)`" + (header.documentation.map { ": " + $0 } ?? "."))
                writer.line("\(access)var \(member.declaration)")
            }
            writer.line()
            writer.declarationBlock("\(access)\(initializer.declaration)") { writer in
                for header in body.partHeaders {
                    writer.line("self.\(Naming.escaped(header.name)) = \(Naming.escaped(header.name))")
                }
            }
            writer.line()
            writer.documentation("`encodings` with these headers added to their parts' `BodyFieldEncoding.headers`.")
            writer.block("func encodings(_ encodings: [String: BodyFieldEncoding]) -> [String: BodyFieldEncoding]") { writer in
                writer.line("var encodings = encodings")
                for header in body.partHeaders {
                    writer.line("encodings[\(header.part.swiftLiteral), default: BodyFieldEncoding()].headers[\(header.wireName.swiftLiteral)] = \(optionalText(header.parameter))")
                }
                writer.line("return encodings")
            }
        }
    }
}
