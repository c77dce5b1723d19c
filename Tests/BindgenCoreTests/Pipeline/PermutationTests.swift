@testable import BindgenCore
import Foundation
import TestSupport
import OpenAPIModel
import Testing
import YAMLParsing

/// Every fixture spec, with the order of its names permuted in the YAML node tree before it is
/// loaded, generates the same bindings (issue 10: names never depend on document order).
///
/// Two kinds of permutation, each reversed and with seeded shuffles:
/// - `.maps`: the entries of `paths`, of each path item, of `components` and of each components
///   map but `securitySchemes` (orders the output does not show): the generated files are
///   byte-identical.
/// - `.all`: also the properties of every schema, every `enum` (with its `x-enum-varnames` and
///   `x-enum-descriptions`) and the security schemes. Declaration order follows the document, so
///   the files are compared by what they name: the set of file paths and, for every declaration,
///   its Swift name, wire name and type.
@Suite struct PermutationTests {
    enum Kind { case maps, all }

    /// SplitMix64, so shuffles are the same on every run and platform.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    struct Permuter {
        var kind: Kind
        /// nil: reverse every permuted list.
        var generator: SeededGenerator?

        mutating func reorder(_ count: Int) -> [Int] {
            let indices = Array(0..<count)
            guard var generator else { return indices.reversed() }
            defer { self.generator = generator }
            return indices.shuffled(using: &generator)
        }

        mutating func pairs(_ pairs: [Node.Pair]) -> [Node.Pair] { reorder(pairs.count).map { pairs[$0] } }

        mutating func document(_ root: Node) -> Node {
            guard case .mapping(var top) = root.content else { return root }
            for index in top.indices {
                switch top[index].key.text {
                case "paths", "webhooks":
                    top[index].value = map(top[index].value) { permuter, item in permuter.map(item) { permuter, value in permuter.schemas(value) } }
                case "components":
                    top[index].value = map(top[index].value) { permuter, kind in
                        permuter.map(kind, permute: true) { permuter, value in permuter.schemas(value) }
                    }
                    if kind == .maps, case .mapping(var kinds) = top[index].value.content {
                        // Restore the security schemes' order: it is the client initializer's parameter order.
                        let original = root["components"]?["securitySchemes"]
                        for k in kinds.indices where kinds[k].key.text == "securitySchemes" { kinds[k].value = original ?? kinds[k].value }
                        top[index].value.content = .mapping(kinds)
                    }
                default:
                    top[index].value = schemas(top[index].value)
                }
            }
            var result = root
            result.content = .mapping(top)
            return result
        }

        /// Permutes the mapping's entries and transforms each value.
        mutating func map(_ node: Node, permute: Bool = true, _ transform: (inout Permuter, Node) -> Node) -> Node {
            guard case .mapping(let entries) = node.content else { return node }
            var transformed = entries.map { Node.Pair(key: $0.key, value: transform(&self, $0.value)) }
            if permute { transformed = pairs(transformed) }
            var result = node
            result.content = .mapping(transformed)
            return result
        }

        /// Walks everything below, permuting `properties` maps and `enum` lists (`.all` only);
        /// values (examples, defaults, constants, extensions) are left as they are.
        mutating func schemas(_ node: Node) -> Node {
            switch node.content {
            case .scalar: return node
            case .sequence(let items):
                var result = node
                result.content = .sequence(items.map { schemas($0) })
                return result
            case .mapping(var entries):
                for index in entries.indices {
                    let key = entries[index].key.text ?? ""
                    if ["example", "examples", "default", "const", "enum"].contains(key) || key.hasPrefix("x-") { continue }
                    if key == "properties", kind == .all, entries[index].value.mapping != nil {
                        entries[index].value = map(entries[index].value) { permuter, value in permuter.schemas(value) }
                    } else {
                        entries[index].value = schemas(entries[index].value)
                    }
                }
                if kind == .all, let position = entries.firstIndex(where: { $0.key.text == "enum" }), let values = entries[position].value.sequence {
                    let order = reorder(values.count)
                    for index in entries.indices where ["enum", "x-enum-varnames", "x-enum-descriptions"].contains(entries[index].key.text ?? "") {
                        if let items = entries[index].value.sequence, items.count == values.count {
                            entries[index].value.content = .sequence(order.map { items[$0] })
                        }
                    }
                }
                var result = node
                result.content = .mapping(entries)
                return result
            }
        }
    }

    static func generate(_ root: Node, file: String) throws -> (module: BindingModule, files: [GeneratedFile]) {
        let (document, _) = try OpenAPIDocument.load(root: root, file: file)
        let (module, diagnostics) = Translator.translate(document, options: .init(
            moduleName: Naming.typeName(document.info.title), specFileName: (file as NSString).lastPathComponent))
        #expect(!diagnostics.contains { $0.severity == .error }, "\(diagnostics)")
        return (module, SwiftRenderer(module: module).render())
    }

    /// What the bindings name, independent of declaration order: one sorted line per name.
    static func names(_ module: BindingModule, files: [GeneratedFile]) -> [String] {
        var lines = files.map { "file \($0.path)" }
        func visit(_ declaration: TypeDeclaration, prefix: String) {
            let path = prefix.isEmpty ? declaration.name : prefix + "." + declaration.name
            lines.append("type \(path) ← \(declaration.sourcePointer)")
            switch declaration.kind {
            case .structure(let properties):
                for property in properties {
                    lines.append("property \(path).\(property.name) ← \(property.jsonName): \(property.type) optional \(property.isOptional) indirect \(property.isIndirect)")
                }
            case .enumeration(let raw, let cases):
                for enumCase in cases { lines.append("case \(path).\(enumCase.name) ← \(enumCase.rawValue) (\(raw))") }
            case .alias(let target):
                lines.append("alias \(path) = \(target)")
            case .union(let union):
                for alternative in union.alternatives {
                    lines.append("alternative \(path).\(alternative.name) ← \(alternative.source): \(alternative.type) values \(alternative.discriminatorValues)")
                }
            }
            for nested in declaration.nested { visit(nested, prefix: path) }
        }
        for declaration in module.types { visit(declaration, prefix: "") }
        for credential in module.client.credentials { lines.append("credential \(credential.propertyName) ← \(credential.schemeName)") }
        for group in module.client.groups {
            for operation in group.operations {
                let owner = "\(group.typeName ?? "client").\(operation.methodName)"
                lines.append("method \(owner) ← \(operation.operationID) \(operation.httpMethod) \(operation.pathTemplate) → \(String(describing: operation.success.type))")
                for parameter in operation.parameters {
                    lines.append("parameter \(owner)(\(parameter.name)) ← \(parameter.location) \(parameter.jsonName): \(parameter.type)")
                }
                if let body = operation.requestBody { lines.append("body \(owner) ← \(body.type)") }
            }
        }
        return lines.sorted()
    }

    static let specs: [String] = {
        let root = TestPaths.packageRoot
        var specs = ["Specs/EnergyCAP/energycap.openapi.yaml", "Tests/ValidationCorpus/openapi-3.0.yaml", "Tests/ValidationCorpus/openapi-3.1.yaml"]
        for folder in ["Tests/Fixtures", "Tests/Corpus/openapi/oai-examples"] {
            specs += TestPaths.files(under: root.appendingPathComponent(folder))
                // HostileInputs holds inputs that must fail (HostileInputTests), not fixture specs;
                // MultiFile's files are one spec joined by `$ref`s across files (this test permutes one node tree).
                .filter { $0.hasSuffix(".yaml") && !$0.contains("Generated/") && !$0.hasPrefix("HostileInputs/") && !$0.hasPrefix("MultiFile/") }
                .map { "\(folder)/\($0)" }
        }
        return specs
    }()

    static func check(_ spec: String, seeds: [UInt64?]) throws {
        let file = TestPaths.packageRoot.appendingPathComponent(spec).path
        let root = try YAMLParser.parseDocument(Array(try Data(contentsOf: URL(fileURLWithPath: file))), file: file)
        let original = try generate(root, file: file)
        let originalNames = names(original.module, files: original.files)
        for seed in seeds {
            for kind in [Kind.maps, .all] {
                var permuter = Permuter(kind: kind, generator: seed.map { SeededGenerator(state: $0) })
                let permutedRoot = permuter.document(root)
                let permuted = try generate(permutedRoot, file: file)
                let label = "\(spec), \(kind), \(seed.map { "seed \($0)" } ?? "reversed")"
                if kind == .maps {
                    let differing = zip(original.files, permuted.files).filter { $0 != $1 }.map(\.0.path)
                    #expect(original.files.map(\.path) == permuted.files.map(\.path), "\(label): other files")
                    #expect(differing.isEmpty, "\(label): differing files \(differing)")
                }
                let permutedNames = names(permuted.module, files: permuted.files)
                if permutedNames != originalNames {
                    let missing = Set(originalNames).subtracting(permutedNames).sorted().prefix(10)
                    let added = Set(permutedNames).subtracting(originalNames).sorted().prefix(10)
                    Issue.record("\(label): names moved; only before: \(missing); only after: \(added)")
                }
            }
        }
    }

    @Test func permutationsMustChangeSomething() throws {
        // The permuter really reorders: a reversed spec's node tree differs from the original.
        let file = TestPaths.packageRoot.appendingPathComponent("Specs/EnergyCAP/energycap.openapi.yaml").path
        let root = try YAMLParser.parseDocument(Array(try Data(contentsOf: URL(fileURLWithPath: file))), file: file)
        var permuter = Permuter(kind: .all, generator: nil)
        let reversed = permuter.document(root)
        #expect(reversed != root)
        #expect(reversed["paths"]?.mapping?.first?.key.text == root["paths"]?.mapping?.last?.key.text)
        let properties = root["components"]?["schemas"]?["DataAccessReleaseRequest"]?["properties"]?.mapping?.map(\.key.text)
        let permutedProperties = reversed["components"]?["schemas"]?["DataAccessReleaseRequest"]?["properties"]?.mapping?.map(\.key.text)
        #expect(permutedProperties == properties?.reversed())
    }

    @Test(arguments: specs)
    func fixtureSpecGeneratesTheSameBindingsInAnyOrder(spec: String) throws {
        try Self.check(spec, seeds: [nil, 1, 2, 3])
    }

    @Test func fullEnergyCAPShapeGeneratesTheSameBindingsInAnyOrder() throws {
        try Self.check("Tests/Corpus/energycap/energycap-sdk-8.2309.openapi.yaml", seeds: [nil, 7])
    }
}
