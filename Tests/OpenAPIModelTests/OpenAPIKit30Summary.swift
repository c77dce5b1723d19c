import OpenAPIKit30

extension SpecSummary {
    /// OpenAPIKit30's summary of a 3.0 document. Parameters, request bodies and responses are
    /// looked up through the components one reference at a time (full dereferencing fails on
    /// schema `$ref` cycles, which JSON Schema allows).
    init(openAPIKit30 document: OpenAPIKit30.OpenAPI.Document) throws {
        self.init()
        let components = document.components
        for route in document.routes {
            for endpoint in route.pathItem.endpoints {
                let key = "\(endpoint.method.rawValue.uppercased()) \(route.path.rawValue)"
                let operation = endpoint.operation
                operations.insert("\(key) \(operation.operationId ?? "-")")
                for value in route.pathItem.parameters + operation.parameters {
                    let parameter = try components.lookup(value)
                    parameters.insert("\(key) \(parameter.location.rawValue):\(parameter.name)")
                }
                if let value = operation.requestBody {
                    requestMediaTypes.formUnion(try components.lookup(value).content.keys.map { "\(key) \($0.rawValue)" })
                }
                for (status, value) in operation.responses {
                    let response = try components.lookup(value)
                    if response.content.isEmpty { responseMediaTypes.insert("\(key) \(status.rawValue.uppercased()) -") }
                    responseMediaTypes.formUnion(response.content.keys.map { "\(key) \(status.rawValue.uppercased()) \($0.rawValue)" })
                }
            }
        }
        for (name, schema) in document.components.schemas {
            guard let properties = schema.objectContext?.properties, !properties.isEmpty else { continue }
            schemaProperties.insert("\(name.rawValue): " + properties.keys.sorted().joined(separator: ","))
        }
    }
}
