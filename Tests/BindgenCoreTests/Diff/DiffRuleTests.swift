import BindgenCore
import BindgenDiff
import Foundation
import TestSupport
import OpenAPIModel
import Testing

/// One fixture per diff rule: an edit of `Tests/Fixtures/Diff/rules-base.yaml` and exactly the
/// findings it must produce (layer, severity, rule).
@Suite struct DiffRuleTests {
    static let base = try! String(contentsOf: TestPaths.packageRoot.appendingPathComponent("Tests/Fixtures/Diff/rules-base.yaml"), encoding: .utf8)

    struct Edit: CustomStringConvertible, Sendable {
        var name: String
        var old: String
        var new: String
        /// "layer severity rule", sorted.
        var expected: [String]
        /// Compares the edited text (as the old spec) with the base (as the new one): for removals.
        var reversed = false
        var description: String { name }
    }

    static func findings(_ edit: Edit) throws -> [APIChange] {
        #expect(base.contains(edit.old), "\(edit.name): the base lacks the edited text")
        let edited = base.replacingOccurrences(of: edit.old, with: edit.new)
        let (oldText, newText) = edit.reversed ? (edited, base) : (base, edited)
        let old = try OpenAPIDocument.load(Array(oldText.utf8), file: "old.yaml").document
        let new = try OpenAPIDocument.load(Array(newText.utf8), file: "new.yaml").document
        let changes = try APIDiff.compare(old: old, new: new, oldConfig: GeneratorConfig(specPath: "old.yaml"), newConfig: GeneratorConfig(specPath: "new.yaml"))
        expectListedSeverities(changes)
        return changes
    }

    /// Every finding has one of the severities its rule lists (`--list-rules` tells the truth).
    static func expectListedSeverities(_ changes: [APIChange]) {
        for change in changes {
            #expect(change.rule.severities.contains(change.severity), "\(change.rule) reported as \(change.severity.rawValue)")
            #expect(change.layer == change.rule.layer, "\(change.rule) reported on the \(change.layer.rawValue) layer")
        }
    }

    @Test func ruleIDsAreUniqueAndTheREADMEListsExactlyThem() throws {
        let ids = DiffRule.all.map(\.id)
        #expect(Set(ids).count == ids.count)
        let readme = try String(contentsOf: TestPaths.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let start = try #require(readme.range(of: "<!-- diff-rules -->\n")), end = try #require(readme.range(of: "<!-- /diff-rules -->"))
        #expect(String(readme[start.upperBound..<end.lowerBound]) == DiffReport.ruleTable(),
                "README's rule table differs from `api-bindgen diff --list-rules`; paste its output between the markers")
    }

    static let edits: [Edit] = [
        Edit(name: "operation removed", old: "    post:\n      operationId: CreateItemV1", new: "    put:\n      operationId: CreateItemV1",
             // Method names come from operationIds: the Swift API is unchanged.
             expected: ["wire breaking operation-removed", "wire info operation-added"]),
        Edit(name: "operation deprecated", old: "      operationId: GetItemV1\n", new: "      operationId: GetItemV1\n      deprecated: true\n",
             expected: ["wire warning operation-deprecated"]),
        Edit(name: "required parameter added", old: "        - name: X-Trace\n          in: header\n          required: false",
             new: "        - name: X-Trace\n          in: header\n          required: true",
             expected: ["wire breaking parameter-became-required", "swift breaking swift-argument-became-required"]),
        Edit(name: "parameter removed", old: "        - name: X-Trace\n          in: header\n          required: false\n          schema:\n            type: string\n", new: "",
             expected: ["swift breaking swift-argument-removed", "wire warning parameter-removed"]),
        Edit(name: "parameter location changed", old: "        - name: X-Trace\n          in: header", new: "        - name: X-Trace\n          in: query",
             expected: ["wire breaking parameter-location-changed"]),
        Edit(name: "parameter type changed", old: "          schema:\n            type: integer\n            minimum: 1",
             new: "          schema:\n            type: string\n            minimum: 1",
             expected: ["swift breaking swift-parameter-type-changed", "wire breaking parameter-type-changed"]),
        Edit(name: "parameter style changed", old: "          in: query\n          required: false\n", new: "          in: query\n          required: false\n          style: spaceDelimited\n",
             expected: ["wire breaking parameter-style-changed"]),
        Edit(name: "parameter default style written out", old: "          in: query\n          required: false\n",
             new: "          in: query\n          required: false\n          style: form\n          explode: true\n", expected: []),
        Edit(name: "parameter explode changed", old: "          in: query\n          required: false\n", new: "          in: query\n          required: false\n          explode: false\n",
             expected: ["wire breaking parameter-style-changed"]),
        Edit(name: "parameter allowReserved changed", old: "          in: query\n          required: false\n",
             new: "          in: query\n          required: false\n          allowReserved: true\n", expected: ["wire warning parameter-allow-reserved-changed"]),
        Edit(name: "form property explode changed", old: "                style: form\n                explode: true", new: "                style: form\n                explode: false",
             expected: ["wire breaking request-encoding-changed"]),
        Edit(name: "form property style changed", old: "                style: form\n                explode: true", new: "                style: deepObject\n                explode: true",
             expected: ["wire breaking request-encoding-changed"]),
        Edit(name: "form property default written out", old: "            encoding:\n              labels:\n                style: form\n                explode: true\n",
             new: "            encoding:\n              labels:\n                style: form\n                explode: true\n              text:\n                style: deepObject\n",
             expected: []),
        Edit(name: "parameter maximum tightened", old: "            maximum: 100", new: "            maximum: 50",
             expected: ["wire breaking parameter-maximum-tightened"]),
        Edit(name: "parameter maximum loosened", old: "            maximum: 100", new: "            maximum: 500",
             expected: ["wire info parameter-maximum-loosened"]),
        Edit(name: "new required request property", old: "      required: [name]\n", new: "      required: [name, color]\n",
             expected: ["swift breaking swift-parameter-type-changed", "swift breaking swift-property-type-changed", "wire breaking request-property-became-required"]),
        Edit(name: "request property added", old: "        price:\n          type: number\n          minimum: 0\n",
             new: "        price:\n          type: number\n          minimum: 0\n        note:\n          type: string\n",
             expected: ["swift info swift-optional-argument-added", "swift info swift-property-added", "wire info request-property-added"]),
        Edit(name: "request maxLength tightened", old: "          maxLength: 50", new: "          maxLength: 20",
             expected: ["wire breaking request-maxLength-tightened"]),
        Edit(name: "request enum value removed", old: "          enum: [red, green]", new: "          enum: [red]",
             expected: ["swift breaking swift-enum-case-removed", "wire breaking request-enum-value-removed"]),
        Edit(name: "request enum value added", old: "          enum: [red, green]", new: "          enum: [red, green, blue]",
             expected: ["swift warning swift-enum-case-added", "wire info request-enum-value-added"]),
        Edit(name: "request minimum loosened", old: "          minimum: 0\n    Item:", new: "          minimum: -10\n    Item:",
             expected: ["wire info request-minimum-loosened"]),
        Edit(name: "request additionalProperties false", old: "      required: [name]\n", new: "      required: [name]\n      additionalProperties: false\n",
             expected: ["wire breaking request-additionalProperties-tightened"]),
        Edit(name: "request schema gains a not", old: "        price:\n          type: number\n          minimum: 0\n",
             new: "        price:\n          type: number\n          minimum: 0\n          not:\n            type: number\n            maximum: 0\n",
             expected: ["wire breaking request-not-added"]),
        Edit(name: "request property removed", old: "        price:\n          type: number\n          minimum: 0\n", new: "",
             expected: ["swift breaking swift-argument-removed", "swift breaking swift-property-removed", "wire warning request-property-removed"]),
        Edit(name: "request body made optional", old: "      requestBody:\n        required: true", new: "      requestBody:\n        required: false",
             expected: ["swift info swift-argument-became-optional", "wire info request-body-became-optional"]),
        Edit(name: "request media type removed", old: "          application/json:\n            schema:\n              $ref: '#/components/schemas/NewItem'",
             new: "          application/xml:\n            schema:\n              $ref: '#/components/schemas/NewItem'",
             // application/xml is sent as bytes: the method stays, its body type changes.
             expected: ["swift breaking swift-parameter-type-changed", "wire breaking request-media-type-removed", "wire info request-media-type-added"]),
        Edit(name: "response property removed", old: "        tags:\n          type: array\n          maxItems: 5\n          items:\n            type: string\n", new: "",
             expected: ["swift breaking swift-argument-removed", "swift breaking swift-property-removed", "wire breaking response-property-removed", "wire breaking response-property-removed"]),
        Edit(name: "response property became optional", old: "      required: [id, name]", new: "      required: [id]",
             expected: ["swift breaking swift-parameter-type-changed", "swift breaking swift-property-type-changed",
                        "wire breaking response-property-became-optional", "wire breaking response-property-became-optional"]),
        Edit(name: "response property added required", old: "      required: [id, name]", new: "      required: [id, name, status]",
             expected: ["swift breaking swift-parameter-type-changed", "swift breaking swift-property-type-changed",
                        "wire info response-property-became-required", "wire info response-property-became-required"]),
        Edit(name: "response enum value added", old: "          enum: [active, retired]", new: "          enum: [active, retired, archived]",
             expected: ["swift warning swift-enum-case-added", "wire info response-enum-value-added", "wire info response-enum-value-added"]),
        Edit(name: "response maxItems loosened", old: "          maxItems: 5", new: "          maxItems: 10",
             expected: ["wire warning response-maxItems-loosened", "wire warning response-maxItems-loosened"]),
        Edit(name: "response became nullable", old: "        name:\n          type: string\n        tags:", new: "        name:\n          type: string\n          nullable: true\n        tags:",
             expected: ["swift breaking swift-parameter-type-changed", "swift breaking swift-property-type-changed",
                        "wire breaking response-became-nullable", "wire breaking response-became-nullable"]),
        // Unions (oneOf/anyOf bound as Swift enums with an `unknown` case) and nulls.
        Edit(name: "response union alternative added", old: "            - $ref: '#/components/schemas/Bot'\n",
             new: "            - $ref: '#/components/schemas/Bot'\n            - $ref: '#/components/schemas/Org'\n",
             expected: ["swift warning swift-enum-case-added", "wire warning response-union-alternative-added", "wire warning response-union-alternative-added"]),
        Edit(name: "response union alternative removed", old: "            - $ref: '#/components/schemas/Bot'\n", new: "",
             expected: ["swift breaking swift-enum-case-removed", "wire info response-union-alternative-removed", "wire info response-union-alternative-removed"]),
        Edit(name: "discriminator mapping changed", old: "              bot: '#/components/schemas/Bot'", new: "              robot: '#/components/schemas/Bot'",
             // Case names come from the mapping keys: `bot` becomes `robot`.
             expected: ["swift breaking swift-enum-case-removed", "swift warning swift-enum-case-added",
                        "wire breaking response-discriminator-changed", "wire breaking response-discriminator-changed"]),
        Edit(name: "response property no longer nullable", old: "        nickname:\n          type: string\n          nullable: true\n",
             new: "        nickname:\n          type: string\n",
             // `Nullable<String>?` (optional and nullable) becomes `String?`.
             expected: ["swift breaking swift-parameter-type-changed", "swift breaking swift-property-type-changed",
                        "wire info response-became-non-nullable", "wire info response-became-non-nullable"]),
        Edit(name: "response format changed", old: "        id:\n          type: integer\n          format: int64", new: "        id:\n          type: integer\n          format: int32",
             expected: ["swift breaking swift-parameter-type-changed", "swift breaking swift-property-type-changed",
                        "wire breaking response-format-changed", "wire breaking response-format-changed"]),
        Edit(name: "success status removed", old: "        '201':\n          description: Created.", new: "        '202':\n          description: Created.",
             expected: ["wire breaking response-success-status-removed", "wire warning response-success-status-added"]),
        Edit(name: "error status removed", old: "        '404':\n          description: No such item.\n", new: "",
             expected: ["wire warning response-status-removed"]),
        Edit(name: "response media type added", old: "      responses:\n        '201':\n          description: Created.\n          content:\n",
             new: "      responses:\n        '201':\n          description: Created.\n          content:\n            application/xml: {}\n",
             expected: ["wire info response-media-type-added"]),
        // A `text/event-stream` beside JSON: the `…Events(…)` method appears; the one-line call still reads JSON.
        Edit(name: "event stream added", old: "          description: The item.\n          content:\n            application/json:\n",
             new: "          description: The item.\n          content:\n            text/event-stream:\n              schema:\n                $ref: '#/components/schemas/Item'\n            application/json:\n",
             expected: ["swift info swift-method-added", "wire info response-media-type-added"]),
        Edit(name: "event stream removed", old: "          description: The item.\n          content:\n            application/json:\n",
             new: "          description: The item.\n          content:\n            text/event-stream:\n              schema:\n                $ref: '#/components/schemas/Item'\n            application/json:\n",
             expected: ["swift breaking swift-method-removed", "wire breaking response-media-type-removed"], reversed: true),
        // Multipart part headers (Encoding Object `headers`): the `…PartHeaders` struct gains a property and its
        // initializer an argument; a required one also makes the methods' `partHeaders:` argument required.
        Edit(name: "part header added", old: "                headers:\n                  X-Checksum:\n",
             new: "                headers:\n                  X-Part:\n                    schema:\n                      type: integer\n                  X-Checksum:\n",
             expected: ["swift info swift-optional-argument-added", "swift info swift-property-added", "wire info request-part-header-added"]),
        Edit(name: "required part header added", old: "                headers:\n                  X-Checksum:\n",
             new: "                headers:\n                  X-Part:\n                    required: true\n                    schema:\n                      type: integer\n                  X-Checksum:\n",
             expected: ["swift breaking swift-argument-became-required", "swift breaking swift-required-argument-added",
                        "swift info swift-property-added", "wire breaking request-part-header-required-added"]),
        Edit(name: "part header removed", old: "                headers:\n                  X-Checksum:\n                    schema:\n                      type: string\n", new: "",
             // The struct goes with its last header: the methods lose their `partHeaders:` argument.
             expected: ["swift breaking swift-argument-removed", "wire warning request-part-header-removed"]),
        Edit(name: "response header added", old: "        '200':\n          description: The item.\n",
             new: "        '200':\n          description: The item.\n          headers:\n            ETag:\n              schema:\n                type: string\n",
             // The whole-response method's `Headers` type changes from `NoResponseHeaders` to the new struct.
             expected: ["swift breaking swift-result-type-changed", "wire info response-header-added"]),
        Edit(name: "response header added beside another", old: "          headers:\n            Location:\n",
             new: "          headers:\n            ETag:\n              schema:\n                type: string\n            Location:\n",
             // The headers struct `CreateItemV1Headers` gains a property and its initializer an argument.
             expected: ["swift info swift-optional-argument-added", "swift info swift-property-added", "wire info response-header-added"]),
        Edit(name: "response header removed", old: "          headers:\n            Location:\n              schema:\n                type: string\n", new: "",
             expected: ["swift breaking swift-result-type-changed", "wire warning response-header-removed"]),
        Edit(name: "success body removed", old: "          description: The item.\n          content:\n            application/json:\n              schema:\n                $ref: '#/components/schemas/Item'\n",
             new: "          description: The item.\n",
             expected: ["swift breaking swift-result-type-changed", "swift breaking swift-result-type-changed",
                        "wire breaking response-media-type-removed", "wire breaking response-success-body-changed"]),
        Edit(name: "paging added", old: "          schema:\n            type: string\n      responses:\n        '200':\n          description: The item.\n", new: "          schema:\n            type: string\n        - name: pageNumber\n          in: query\n          schema:\n            type: integer\n        - name: pageSize\n          in: query\n          schema:\n            type: integer\n      responses:\n        '200':\n          description: The item.\n          headers:\n            TotalPages:\n              schema:\n                type: integer\n",
             expected: ["swift breaking swift-result-type-changed", "swift info swift-method-added",
                        "swift info swift-optional-argument-added", "swift info swift-optional-argument-added",
                        "wire info paging-added", "wire info parameter-added", "wire info parameter-added", "wire info response-header-added"]),
        Edit(name: "paging removed", old: "          schema:\n            type: string\n      responses:\n        '200':\n          description: The item.\n", new: "          schema:\n            type: string\n        - name: pageNumber\n          in: query\n          schema:\n            type: integer\n        - name: pageSize\n          in: query\n          schema:\n            type: integer\n      responses:\n        '200':\n          description: The item.\n          headers:\n            TotalPages:\n              schema:\n                type: integer\n",
             expected: ["swift breaking swift-argument-removed", "swift breaking swift-argument-removed",
                        "swift breaking swift-method-removed", "swift breaking swift-result-type-changed",
                        "wire breaking paging-removed", "wire warning parameter-removed", "wire warning parameter-removed",
                        "wire warning response-header-removed"], reversed: true),
        Edit(name: "security removed from the document", old: "security:\n  - ApiKey: []\n", new: "",
             expected: ["wire info security-changed", "wire info security-changed", "wire info security-changed", "wire info security-changed"]),
        Edit(name: "security required where there was none", old: "      operationId: GetItemV1\n", new: "      operationId: GetItemV1\n      security:\n        - ApiKey: []\n          Other: []\n",
             expected: ["wire breaking security-changed"]),
        Edit(name: "security scheme changed", old: "      type: apiKey\n      in: header\n      name: X-Api-Key", new: "      type: http\n      scheme: bearer",
             expected: ["wire breaking security-scheme-changed"]),
        // readOnly / writeOnly, by direction: the Swift property turns optional (required in one direction only).
        Edit(name: "request property became readOnly", old: "          maxLength: 50", new: "          maxLength: 50\n          readOnly: true",
             expected: ["swift breaking swift-parameter-type-changed", "swift breaking swift-property-type-changed", "wire warning request-property-became-readOnly"]),
        Edit(name: "response property became writeOnly", old: "        name:\n          type: string\n        tags:",
             new: "        name:\n          type: string\n          writeOnly: true\n        tags:",
             expected: ["swift breaking swift-parameter-type-changed", "swift breaking swift-property-type-changed",
                        "wire breaking response-property-became-writeOnly", "wire breaking response-property-became-writeOnly"]),
    ]

    @Test(arguments: edits)
    func rule(_ edit: Edit) throws {
        let findings = try Self.findings(edit).map { "\($0.layer.rawValue) \($0.severity.rawValue) \($0.rule)" }.sorted()
        #expect(findings == edit.expected.sorted(), "\(edit.name)")
    }

    @Test func everyFindingIsLocatedInTheRightFile() throws {
        for edit in Self.edits {
            for change in try Self.findings(edit) where change.layer == .wire {
                #expect(change.mark != nil, "\(edit.name): \(change.rule) has no location")
                // Removed things are located where they were (OLD); a changed enum where it is now (NEW).
                let removal = change.rule.id.contains("removed") && !change.rule.id.contains("enum-value")
                #expect(change.file == (removal ? "old.yaml" : "new.yaml") || change.rule.id.hasSuffix("-added"),
                        "\(edit.name): \(change.rule) in \(change.file): \(change.message)")
            }
        }
    }
}
