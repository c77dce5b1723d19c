import BindgenCore
import BindingRuntime
import Foundation
import TestSupport
import Testing
import ValidationCorpus30
import ValidationCorpus31

/// The generated validators against independent implementations: every instance in
/// `Tests/ValidationCorpus/instances.json` gets its expected verdict from
/// `Scripts/validation-oracle.py` (Python jsonschema for every keyword, Node.js's ECMA-262
/// `RegExp` for `pattern`), and the generated `validationSchema` must agree on every one.
/// Instances the schema accepts must also decode into the generated type.
@Suite struct DifferentialValidationTests {
    static let root = TestPaths.packageRoot

    struct Case {
        var id: String
        var spec: String
        var schema: String
        /// Parsed with `JSONValue.parse`, so `1.0` stays a non-integer literal.
        var instance: JSONValue
        /// Which way the instance travels (`readOnly`/`writeOnly`); `.any` when the case names none.
        var direction: CodingDirection = .any
    }

    static func cases() throws -> [Case] {
        let data = try Data(contentsOf: root.appendingPathComponent("Tests/ValidationCorpus/instances.json"))
        guard case .array(let items) = try JSONValue.parse(data) else { throw OracleFailure(message: "instances.json is not an array") }
        return try items.map { item in
            guard case .object(let fields) = item, case .string(let id)? = fields["id"], case .string(let spec)? = fields["spec"],
                  case .string(let schema)? = fields["schema"], let instance = fields["instance"] else {
                throw OracleFailure(message: "malformed case in instances.json: \(item)")
            }
            var direction = CodingDirection.any
            switch fields["direction"] {
            case .string("request")?: direction = .request
            case .string("response")?: direction = .response
            case .string("any")?, nil: break
            default: throw OracleFailure(message: "bad direction in \(id)")
            }
            return Case(id: id, spec: spec, schema: schema, instance: instance, direction: direction)
        }
    }

    struct OracleOutput: Decodable {
        var verdicts: [String: Bool]
        var tools: [String: String]
    }

    /// Runs the oracle script; fails the test with its stderr when it cannot run.
    static func oracle() throws -> OracleOutput {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", root.appendingPathComponent("Scripts/validation-oracle.py").path, root.appendingPathComponent("Tests/ValidationCorpus").path]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw OracleFailure(message: "validation-oracle.py exited \(process.terminationStatus): \(String(decoding: stderr, as: UTF8.self))")
        }
        return try JSONDecoder().decode(OracleOutput.self, from: stdout)
    }

    struct OracleFailure: Error, CustomStringConvertible { var message: String; var description: String { message } }

    /// The generated type for a component, found by its module-qualified name.
    static func type(spec: String, schema: String) -> (any Validatable.Type)? {
        let module = spec == "3.0" ? "ValidationCorpus30" : "ValidationCorpus31"
        // Mangled name of a struct `Module.Name` (every corpus subject is a struct), named as the generator names it.
        let name = Naming.typeName(schema)
        let mangled = "\(module.utf8.count)\(module)\(name.utf8.count)\(name)V"
        return _typeByName(mangled) as? any Validatable.Type
    }

    static func decodes<T: Validatable>(_ type: T.Type, _ data: Data) -> Bool {
        guard let decodable = type as? any Decodable.Type else { return false }
        return (try? JSONCoding.decoder(timeZone: TimeZone(identifier: "UTC")!).decode(decodable, from: data)) != nil
    }

    @Test func generatedValidatorsAgreeWithTheOracle() throws {
        let cases = try Self.cases()
        let oracle = try Self.oracle()
        #expect(cases.count >= 100)
        var agreed = 0
        for item in cases {
            guard let expected = oracle.verdicts[item.id] else {
                Issue.record("\(item.id): the oracle gave no verdict")
                continue
            }
            guard let type = Self.type(spec: item.spec, schema: item.schema) else {
                Issue.record("\(item.id): no generated type \(item.schema) for OpenAPI \(item.spec)")
                continue
            }
            let errors = type.validationSchema.validate(item.instance, direction: item.direction)
            let verdict = errors.isEmpty
            if verdict == expected {
                agreed += 1
            } else {
                Issue.record("\(item.id) (\(item.spec) \(item.schema)): oracle says \(expected ? "valid" : "invalid"), generated validator says \(verdict ? "valid" : "invalid: \(errors)")")
            }
            if verdict, !Self.decodes(type, try JSONCoding.encoder().encode(item.instance)) {
                Issue.record("\(item.id): valid per its schema but does not decode into \(item.schema)")
            }
        }
        print("Differential validation: \(agreed)/\(cases.count) instances agree with the oracle (\(oracle.tools.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")))")
    }
}
