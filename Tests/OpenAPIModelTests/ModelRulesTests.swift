import Foundation
import OpenAPIModel
import Testing
import YAMLParsing

/// The rules the model defines once for every stage: equality over every field, component
/// addresses, and parameter merging.
@Suite struct ModelRulesTests {
    static let spec = """
        openapi: 3.1.0
        info: {title: T, version: '1'}
        paths:
          /items/{id}:
            parameters:
              - {name: id, in: path, required: true, schema: {type: string}}
              - {name: trace, in: header, schema: {type: string}}
              - {name: limit, in: query, schema: {type: integer}}
            get:
              operationId: getItem
              summary: Get one
              tags: [items]
              security: [{key: []}]
              parameters:
                - {name: trace, in: header, required: true, schema: {type: string}}
                - {name: trace, in: query, schema: {type: string}}
                - $ref: '#/components/parameters/Page'
              responses:
                '200': {description: ok}
        components:
          parameters:
            Page: {name: page, in: query, schema: {type: integer}}
          securitySchemes:
            key: {type: apiKey, name: X-Key, in: header}
          schemas:
            Item:
              type: object
              properties:
                tags: {type: array, items: {type: string}}
                id: {type: string}
        """

    static func document() throws -> OpenAPIDocument {
        try OpenAPIDocument.load(Array(spec.utf8), file: "t.yaml").document
    }

    /// Two schemas at the same place that differ in any one keyword are different (the old
    /// hand-written `==` skipped several, `readOnly`'s siblings among them).
    @Test func schemasDifferingInAnyKeywordAreUnequal() throws {
        let item = try #require(try Self.document().components.schemas.first { $0.name == "Item" }?.schema)
        #expect(item == item)
        let edits: [(String, (inout Schema) -> Void)] = [
            ("readOnly", { $0.readOnly = true }), ("writeOnly", { $0.writeOnly = true }), ("minItems", { $0.minItems = 1 }),
            ("maxItems", { $0.maxItems = 1 }), ("uniqueItems", { $0.uniqueItems = true }), ("not", { $0.not = Schema(mark: $0.mark, pointer: $0.pointer) }),
            ("deprecated", { $0.deprecated = true }), ("title", { $0.title = "x" }), ("minProperties", { $0.minProperties = 1 }),
            ("property schema", { $0.properties[0].schema.readOnly = true }), ("property name", { $0.properties[0].name = "x" }),
            ("extensions", { $0.extensions.append(SpecificationExtension(key: "x-a", value: Node(.scalar(Scalar(text: "1", style: .plain, value: .string("1"))), mark: $0.mark))) }),
        ]
        for (name, edit) in edits {
            var changed = item
            edit(&changed)
            #expect(changed != item, "\(name)")
        }
    }

    @Test func operationsDifferingInAnyFieldAreUnequal() throws {
        let operation = try #require(try Self.document().operations.first?.operation)
        #expect(operation == operation)
        let edits: [(String, (inout OpenAPIModel.Operation) -> Void)] = [
            ("summary", { $0.summary = "other" }), ("description", { $0.description = "x" }), ("tags", { $0.tags = [] }),
            ("security", { $0.security = [] }), ("deprecated", { $0.deprecated = true }), ("responses", { $0.responses[0].status = "201" }),
        ]
        for (name, edit) in edits {
            var changed = operation
            edit(&changed)
            #expect(changed != operation, "\(name)")
        }
    }

    @Test func componentAddresses() {
        #expect(JSONPointer("/components/schemas/Pet")?.componentName(in: "schemas") == "Pet")
        #expect(JSONPointer("/components/schemas/Pet")?.componentName(in: "responses") == nil)
        #expect(JSONPointer("/components/schemas/Pet/properties")?.component == nil)
        #expect(JSONPointer("/paths/~1pets/get")?.component == nil)
        #expect(JSONPointer("/components/securitySchemes/a~1b")?.component?.name == "a/b")
        let reference = Reference(target: "#/components/parameters/Page%20Size", mark: Mark(line: 1, column: 1), pointer: .root)
        #expect(reference.componentName(in: "parameters") == "Page Size")
        #expect(Reference(target: "other.yaml#/components/schemas/A", mark: Mark(line: 1, column: 1), pointer: .root).componentName(in: "schemas") == nil)
    }

    /// Path item parameters first; an operation parameter with the same name and location
    /// replaces one (and moves to the end); the same name in another location is another parameter.
    @Test func operationParametersOverridePathItemParametersByNameAndLocation() throws {
        let document = try Self.document()
        let (_, _, operation, pathItem) = try #require(document.operations.first)
        let merged = document.parameters(of: operation, in: pathItem)
        #expect(merged.map { "\($0.location.rawValue):\($0.name)" } == ["path:id", "query:limit", "header:trace", "query:trace", "query:page"])
        #expect(merged.first { $0.name == "trace" && $0.location == .header }?.required == true)
    }

    @Test func apiKeyLocations() throws {
        let document = try Self.document()
        let scheme = try #require(document.components.securitySchemes.first.flatMap { document.resolve($0.scheme) })
        #expect(scheme.kind == .apiKey(name: "X-Key", location: .header))
        let path = Self.spec.replacingOccurrences(of: "in: header}\n  schemas", with: "in: path}\n  schemas")
        #expect(path != Self.spec)
        #expect(throws: DiagnosticsError.self) { try OpenAPIDocument.load(Array(path.utf8), file: "t.yaml") }
    }
}
