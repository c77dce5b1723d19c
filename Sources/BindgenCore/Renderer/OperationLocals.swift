/// The names an operation method's generated body declares or refers to unqualified
/// (`OperationRenderer`): its locals (`operationID`, `core`, `request`, `query`, `encodedQuery`,
/// `violations`, `requestBody`, `multipart`, `response`, `responseBody`, `responseStream`, `events`,
/// `data`) and the names it reads from its surroundings (`body`, the request-body parameter;
/// `partHeaders`, the multipart part headers parameter; `client`, the namespace's client). A parameter with one of these names would hide the local or be hidden by it, so
/// parameter labels never take them (`ReservedNames.parameterNames`). `OperationLocalsTests`
/// checks every local the committed generated code declares is listed.
enum OperationLocals {
    static let names: Set<String> = [
        "body", "client", "core", "request", "response", "data", "query", "operationID", "violations", "requestBody", "responseBody",
        "encodedQuery", "multipart", "responseStream", "events", "partHeaders",
    ]
}
