import YAMLParsing

/// Shared state while reading a document: the file name, the OpenAPI version, the diagnostics
/// found so far and every `$ref` met (checked once the whole document is read).
final class LoadContext {
    let file: String
    var version: OpenAPIDocument.Version = .v3_0
    private(set) var diagnostics: [Diagnostic] = []
    var references: [Reference] = []
    let limits: ModelLimits
    /// Schema Objects open while reading (see `ModelLimits.maxDepth`).
    var schemaDepth = 0
    /// Schema Objects read so far, alias copies included (see `ModelLimits.maxSchemas`).
    var schemaCount = 0
    /// A limit was exceeded: reported once, and reading stops descending.
    var depthExceeded = false
    var countExceeded = false
    /// For a document joined from several files: where each part comes from.
    var sources: SourceMap?

    init(file: String, version: OpenAPIDocument.Version = .v3_0, limits: ModelLimits = .default) {
        self.file = file
        self.version = version
        self.limits = limits
    }

    var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    func error(_ message: String, at mark: Mark, _ pointer: JSONPointer) {
        diagnostics.append(located(.error, message, at: mark, pointer))
    }

    func warning(_ message: String, at mark: Mark, _ pointer: JSONPointer) {
        diagnostics.append(located(.warning, message, at: mark, pointer))
    }

    /// Names the file the node at `pointer` was read from, with its pointer there.
    private func located(_ severity: Diagnostic.Severity, _ message: String, at mark: Mark, _ pointer: JSONPointer) -> Diagnostic {
        guard let sources else { return Diagnostic(severity, file: file, mark: mark, message: message, pointer: pointer.description) }
        let (origin, original) = sources.locate(pointer)
        return Diagnostic(severity, file: origin, mark: mark, message: message, pointer: original.description)
    }

    /// The node's entries, or nil (with an error naming `what`) when it is not a mapping.
    func mapping(_ node: Node, _ pointer: JSONPointer, _ what: String) -> [Node.Pair]? {
        guard let pairs = node.mapping else {
            error("\(what) must be a mapping, found \(node.kindDescription)", at: node.mark, pointer)
            return nil
        }
        return pairs
    }

    func sequence(_ node: Node, _ pointer: JSONPointer, _ what: String) -> [Node]? {
        guard let nodes = node.sequence else {
            error("\(what) must be a sequence, found \(node.kindDescription)", at: node.mark, pointer)
            return nil
        }
        return nodes
    }

    /// A string field; reports an error when present but not a string, or when required and absent.
    func string(_ object: Node, _ key: String, _ pointer: JSONPointer, in what: String, required: Bool = false) -> String? {
        guard let value = object[key] else {
            if required { error("\(what) is missing the required field '\(key)'", at: object.mark, pointer) }
            return nil
        }
        guard let scalar = value.scalar, case .string(let text) = scalar.value else {
            // Numbers and booleans where a string is expected (`version: 1.0`) keep their text.
            if let scalar = value.scalar, scalar.value != .null { return scalar.text }
            error("'\(key)' in \(what) must be a string, found \(value.kindDescription)", at: value.mark, pointer.appending(key))
            return nil
        }
        return text
    }

    func bool(_ object: Node, _ key: String, _ pointer: JSONPointer, in what: String) -> Bool? {
        guard let value = object[key] else { return nil }
        guard case .bool(let flag)? = value.scalar?.value else {
            error("'\(key)' in \(what) must be a boolean, found \(value.kindDescription)", at: value.mark, pointer.appending(key))
            return nil
        }
        return flag
    }

    func nonNegativeInt(_ object: Node, _ key: String, _ pointer: JSONPointer, in what: String) -> Int? {
        guard let value = object[key] else { return nil }
        switch value.scalar?.value {
        case .int(let int)? where int >= 0: return Int(int)
        case .double(let double)? where double >= 0 && double == double.rounded() && double < 9e18: return Int(double)
        default:
            error("'\(key)' in \(what) must be a non-negative integer, found \(value.scalar?.text ?? value.kindDescription)",
                  at: value.mark, pointer.appending(key))
            return nil
        }
    }

    func number(_ object: Node, _ key: String, _ pointer: JSONPointer, in what: String) -> NumberLiteral? {
        guard let value = object[key] else { return nil }
        return number(value, pointer.appending(key), key: key, in: what)
    }

    func number(_ value: Node, _ pointer: JSONPointer, key: String, in what: String) -> NumberLiteral? {
        switch value.scalar?.value {
        case .int(let int)?: return NumberLiteral(text: value.scalar!.text, value: Double(int))
        case .double(let double)? where double.isFinite: return NumberLiteral(text: value.scalar!.text, value: double)
        case .double?:
            error("'\(key)' in \(what) must be a finite number, found '\(value.scalar!.text)'", at: value.mark, pointer)
            return nil
        default:
            error("'\(key)' in \(what) must be a number, found \(value.kindDescription)", at: value.mark, pointer)
            return nil
        }
    }

    /// Checks a value the bindings embed as a literal (`enum`, `const`): it nests at most
    /// `limits.maxDepth` levels, and each number is one a Swift `Double` and JSON (RFC 8259 §6)
    /// can hold: no `.nan`/`.inf` (YAML 1.2 core schema floats that JSON lacks), no magnitude
    /// beyond `Double.greatestFiniteMagnitude` (`1e400`), no non-zero value that rounds to 0
    /// (`1e-400`). Iterative (the value may nest up to the YAML layer's 1,000 levels).
    /// - Returns: false (with a located error) when the value cannot be embedded.
    @discardableResult
    func checkLiteral(_ value: Node, _ pointer: JSONPointer, _ what: String) -> Bool {
        var pending: [(node: Node, depth: Int)] = [(value, 0)]
        var visited = 0
        while let (node, depth) = pending.popLast() {
            visited += 1
            if visited > limits.maxSchemas * 16 {
                error("\(what) holds more than \(limits.maxSchemas * 16) values", at: value.mark, pointer)
                return false
            }
            switch node.content {
            case .scalar(let scalar):
                guard case .double(let number) = scalar.value else { continue }
                var problem: String?
                if number.isNaN || (number.isInfinite && !Self.looksNumeric(scalar.text)) {
                    problem = "is not a JSON number"
                } else if number.isInfinite {
                    problem = "is beyond the range of a 64-bit floating-point number (±\(Double.greatestFiniteMagnitude))"
                } else if number == 0, Self.hasNonZeroDigit(scalar.text) {
                    problem = "is too small for a 64-bit floating-point number (it would round to 0)"
                }
                if let problem {
                    error("the number '\(scalar.text)' in \(what) \(problem)", at: node.mark, pointer)
                    return false
                }
            case .sequence(let nodes):
                if depth >= limits.maxDepth {
                    error("\(what) nests deeper than the limit of \(limits.maxDepth) levels", at: node.mark, pointer)
                    return false
                }
                pending += nodes.reversed().map { ($0, depth + 1) }
            case .mapping(let pairs):
                if depth >= limits.maxDepth {
                    error("\(what) nests deeper than the limit of \(limits.maxDepth) levels", at: node.mark, pointer)
                    return false
                }
                pending += pairs.reversed().map { ($0.value, depth + 1) }
            }
        }
        return true
    }

    /// Digits with an optional sign, point and exponent (not `.inf`).
    private static func looksNumeric(_ text: String) -> Bool {
        text.utf8.contains { (0x30...0x39).contains($0) }
    }

    /// A digit 1–9 before any exponent: the number is not zero.
    private static func hasNonZeroDigit(_ text: String) -> Bool {
        for byte in text.utf8 {
            if byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") { return false }
            if (0x31...0x39).contains(byte) { return true }
        }
        return false
    }

    func stringList(_ object: Node, _ key: String, _ pointer: JSONPointer, in what: String) -> [String] {
        guard let value = object[key] else { return [] }
        guard let nodes = sequence(value, pointer.appending(key), "'\(key)' in \(what)") else { return [] }
        return nodes.enumerated().compactMap { index, node in
            guard let text = node.scalar?.text, node.scalar?.value != .null else {
                error("'\(key)' in \(what) must list strings", at: node.mark, pointer.appending(key).appending(index))
                return nil
            }
            return text
        }
    }

    /// `x-…` entries of a mapping, in document order.
    func extensions(_ object: Node) -> [SpecificationExtension] {
        (object.mapping ?? []).compactMap { pair in
            guard let key = pair.key.text, key.hasPrefix("x-") else { return nil }
            return SpecificationExtension(key: key, value: pair.value)
        }
    }

    /// The `$ref` of an object, recorded for the resolution check; nil when there is none.
    func reference(_ object: Node, _ pointer: JSONPointer) -> Reference? {
        guard let value = object["$ref"] else { return nil }
        guard let target = value.scalar?.text, case .string = value.scalar?.value else {
            error("'$ref' must be a string, found \(value.kindDescription)", at: value.mark, pointer.appending("$ref"))
            return nil
        }
        let reference = Reference(
            target: target, mark: value.mark, pointer: pointer,
            summary: object["summary"]?.text, description: object["description"]?.text)
        references.append(reference)
        return reference
    }
}
