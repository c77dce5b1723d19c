import Foundation
import OpenAPIModel
import YAMLParsing

/// What the oracle test compares between our model and OpenAPIKit's: operations, parameters,
/// request/response media types and the property sets of component schemas.
struct SpecSummary: Equatable {
    /// `GET /pets getPets`
    var operations: Set<String> = []
    /// `GET /pets query:limit`
    var parameters: Set<String> = []
    /// `POST /pets application/json`
    var requestMediaTypes: Set<String> = []
    /// `GET /pets 200 application/json` (`-` for a response without content)
    var responseMediaTypes: Set<String> = []
    /// `Pet: id,name` (component schemas with properties)
    var schemaProperties: Set<String> = []

    /// Human-readable differences, empty when equal.
    func differences(from other: SpecSummary, ours: String = "ours", theirs: String = "OpenAPIKit") -> [String] {
        var result: [String] = []
        for (name, a, b) in [("operation", operations, other.operations), ("parameter", parameters, other.parameters),
                             ("request media type", requestMediaTypes, other.requestMediaTypes),
                             ("response media type", responseMediaTypes, other.responseMediaTypes),
                             ("schema properties", schemaProperties, other.schemaProperties)] {
            for item in a.subtracting(b).sorted() { result.append("\(name) only in \(ours): \(item)") }
            for item in b.subtracting(a).sorted() { result.append("\(name) only in \(theirs): \(item)") }
        }
        return result
    }

    init() {}

    /// Our model's summary.
    init(_ document: OpenAPIDocument) {
        for (path, method, operation, pathItem) in document.operations {
            let key = "\(method.rawValue.uppercased()) \(path)"
            operations.insert("\(key) \(operation.operationID ?? "-")")
            var merged: [String: Parameter] = [:]
            for value in pathItem.parameters + operation.parameters {
                guard let parameter = document.resolve(value) else { continue }
                merged["\(parameter.location.rawValue):\(parameter.name)"] = parameter
            }
            parameters.formUnion(merged.keys.map { "\(key) \($0)" })
            if let body = operation.requestBody.flatMap(document.resolve) {
                requestMediaTypes.formUnion(body.content.map { "\(key) \($0.name)" })
            }
            for entry in operation.responses {
                let status = entry.status
                guard let response = document.resolve(entry.response) else { continue }
                if response.content.isEmpty { responseMediaTypes.insert("\(key) \(status.uppercased()) -") }
                responseMediaTypes.formUnion(response.content.map { "\(key) \(status.uppercased()) \($0.name)" })
            }
        }
        for (name, schema) in document.components.schemas where !schema.properties.isEmpty {
            schemaProperties.insert("\(name): " + schema.properties.map(\.name).sorted().joined(separator: ","))
        }
    }
}

extension Node {
    /// The JSON value of the node (for feeding OpenAPIKit the same document through JSON).
    var jsonObject: Any {
        switch content {
        case .scalar(let scalar):
            switch scalar.value {
            case .null: return NSNull()
            case .bool(let value): return value
            case .int(let value): return value
            case .double(let value): return value
            case .string(let value): return value
            }
        case .sequence(let nodes): return nodes.map(\.jsonObject)
        case .mapping(let pairs):
            var object: [String: Any] = [:]
            for pair in pairs { object[pair.key.text ?? ""] = pair.value.jsonObject }
            return object
        }
    }
}
