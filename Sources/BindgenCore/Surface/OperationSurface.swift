import OpenAPIModel

/// Every method one operation generates, with labels and result types: the one-line call, the
/// whole response (`…Response`), the `Data`-body overload of a binary body, the pages
/// (`…Pages`), the streamed body (`…Stream`) and the event stream (`…Events`); and the types the operation declares itself:
/// its headers struct, its per-status success body enum and its per-media-type request body enum.
package struct OperationSurface {
    /// Which of an operation's methods a signature is.
    package enum Method: Equatable { case call, response, pages, stream, events }

    package var operationID: String
    /// The path and method of the operation, to locate findings in the spec.
    package var pathTemplate: String
    package var httpMethod: HTTPMethod
    /// `func name(…) async throws -> Body` (no result for `Void`); the body parameter is a
    /// `RequestBody` for a binary body.
    package var call: SurfaceSignature
    /// `func nameResponse(…) async throws -> OperationResponse<Body, Headers>`.
    package var response: SurfaceSignature
    /// For a binary body: `call` with `body: Data`, forwarding to it.
    package var dataBodyCall: SurfaceSignature?
    /// For a paged operation: `func namePages(…) -> PageSequence<OperationResponse<Body, Headers>>`,
    /// without the page-number parameter.
    package var pages: SurfaceSignature?
    /// For a streamable success body: `func nameStream(…) async throws -> OperationResponse<ResponseBodyStream, Headers>`.
    package var stream: SurfaceSignature?
    /// For a `text/event-stream` success: `func nameEvents(…) async throws -> OperationResponse<ServerSentEvents<Payload>, Headers>`.
    package var events: SurfaceSignature?
    /// The headers struct (`var rateLimit: Int?`, one optional property per header, and the
    /// memberwise `init(rateLimit: Int? = nil)`), when the success statuses declare headers.
    package var headersType: TypeSurface?
    /// The per-status success body enum (`case ok(Item)`, `case noContent`), when the success
    /// statuses carry different bodies.
    package var successBodyType: TypeSurface?
    /// The per-media-type request body enum (`case json(Item)`), when the body accepts several kinds.
    package var requestBodyType: TypeSurface?
    /// The multipart part headers struct (`var logXLogType: String?`, and its memberwise
    /// initializer), when the body's Encoding Objects declare part headers.
    package var partHeadersType: TypeSurface?

    /// The types the operation declares, as the diff compares them: headers, success body, request body, part headers.
    package var ownTypes: [TypeSurface] {
        [headersType, successBodyType, requestBodyType, partHeadersType].compactMap { $0 }
    }

    package init(_ operation: OperationDeclaration, spelling: TypeSpelling) {
        operationID = operation.operationID
        pathTemplate = operation.pathTemplate
        httpMethod = operation.httpMethod
        let parameters = Self.parameters(operation, spelling: spelling)
        let body = operation.success.type.map { spelling.swiftType($0) + (operation.success.isOptional ? "?" : "") }
        let headers = operation.success.headersTypeName ?? "NoResponseHeaders"
        let whole = "OperationResponse<\(body ?? "Void"), \(headers)>"
        call = .method(operation.methodName, parameters, result: body)
        response = .method(operation.responseMethodName, parameters, result: whole)
        if let requestBody = operation.requestBody, requestBody.isBinary {
            var overload = parameters
            overload[overload.lastIndex { $0.name == "body" }!] = SurfaceParameter(name: "body", type: "Data", isOmittable: !requestBody.isRequired,
                                                            defaultValue: requestBody.isRequired ? nil : "nil")
            dataBodyCall = .method(operation.methodName, overload, result: body)
        }
        if let paging = operation.paging {
            pages = .method(paging.methodName, parameters.filter { $0.name != paging.pageNumberParameter },
                            isAsync: false, isThrowing: false, result: "PageSequence<\(whole)>")
        }
        if let name = operation.streamMethodName {
            stream = .method(name, parameters, result: "OperationResponse<ResponseBodyStream, \(headers)>")
        }
        if let name = operation.eventsMethodName, let declaration = operation.success.events {
            events = .method(name, parameters, result: "OperationResponse<ServerSentEvents<\(spelling.swiftType(declaration.payloadType))>, \(headers)>")
        }
        let pointer = "/paths/" + JSONPointer.escape(operation.pathTemplate) + "/" + operation.httpMethod.rawValue
        if let name = operation.success.headersTypeName {
            let initializer = SurfaceSignature.initializer(operation.success.headers.map { .omittable($0.name, type: spelling.swiftType($0.type)) })
            // Top-level types without nested ones: nothing shadows a payload's name.
            let members = operation.success.headers.map { header in
                let type = spelling.swiftType(header.type)
                return TypeSurface.Member(name: header.name, type: type, writtenType: type + "?")
            }
            headersType = TypeSurface(name: name, sourcePointer: pointer + "/responses", kind: .structure, members: members, initializer: initializer)
        }
        if let name = operation.success.bodyEnumName {
            let members = operation.success.cases.map { item in
                let payload = item.body.map { spelling.swiftType($0.type) }
                return TypeSurface.Member(name: item.caseName, type: payload, writtenType: payload)
            }
            successBodyType = TypeSurface(name: name, sourcePointer: pointer + "/responses", kind: .enumeration, members: members)
        }
        if let body = operation.requestBody, !body.alternatives.isEmpty, case .named(let name) = body.type {
            let members = body.alternatives.map { alternative in
                let payload = spelling.swiftType(alternative.type)
                return TypeSurface.Member(name: alternative.caseName, type: payload, writtenType: payload)
            }
            requestBodyType = TypeSurface(name: name, sourcePointer: pointer + "/requestBody", kind: .enumeration, members: members)
        }
        if let body = operation.requestBody, let name = body.partHeadersTypeName {
            let headers = body.partHeaders
            let initializer = SurfaceSignature.initializer(headers.map { header in
                header.isRequired ? SurfaceParameter(name: header.name, type: spelling.swiftType(header.type)) : .omittable(header.name, type: spelling.swiftType(header.type))
            })
            let members = headers.map { header in
                let type = spelling.swiftType(header.type)
                return TypeSurface.Member(name: header.name, type: type, writtenType: header.isRequired ? type : type + "?")
            }
            partHeadersType = TypeSurface(name: name, sourcePointer: pointer + "/requestBody", kind: .structure, members: members, initializer: initializer)
        }
    }

    /// The parameters, then `body` (a `RequestBody` for a binary body) and `partHeaders`; the optional ones omittable.
    private static func parameters(_ operation: OperationDeclaration, spelling: TypeSpelling) -> [SurfaceParameter] {
        var parameters = operation.parameters.map { parameter in
            parameter.isRequired ? SurfaceParameter(name: parameter.name, type: spelling.swiftType(parameter.type))
                : .omittable(parameter.name, type: spelling.swiftType(parameter.type))
        }
        if let body = operation.requestBody {
            let type = body.isBinary ? "RequestBody" : spelling.swiftType(body.type)
            parameters.append(body.isRequired ? SurfaceParameter(name: "body", type: type) : .omittable("body", type: type))
            // The part headers, sent with the multipart body; omittable (`.init()`) when none is required.
            if let name = body.partHeadersTypeName {
                parameters.append(body.partHeaders.contains(where: \.isRequired) ? SurfaceParameter(name: "partHeaders", type: name)
                                  : SurfaceParameter(name: "partHeaders", type: name, defaultValue: ".init()"))
            }
        }
        return parameters
    }

    /// The methods the Swift-source diff compares, by kind: the one-line call, the whole response
    /// (when named), the pages, the stream and the events. (The `Data`-body overload forwards to the call with
    /// the same labels; its changes are the call's.)
    package var comparedMethods: [(method: Method, signature: SurfaceSignature)] {
        var methods: [(method: Method, signature: SurfaceSignature)] = [(.call, call)]
        if !response.name.isEmpty { methods.append((.response, response)) }
        if let pages { methods.append((.pages, pages)) }
        if let stream { methods.append((.stream, stream)) }
        if let events { methods.append((.events, events)) }
        return methods
    }
}
