internal import CYAML

/// Builds `Node` trees from YAML text in one pass over libyaml's event stream.
///
/// Marks are 1-based. Anchors and aliases are resolved (an alias yields a copy of the anchored
/// node, counted against `YAMLLimits.maxExpandedNodes`), `<<` merge keys are applied
/// (https://yaml.org/type/merge.html), scalars are resolved by the YAML 1.2 core schema and
/// duplicate keys in a mapping are an error (YAML 1.2.2 §3.2.1.1).
public enum YAMLParser {
    /// Parses a stream that must hold exactly one document.
    ///
    /// - Parameters:
    ///   - bytes: UTF-8 (or UTF-16 with BOM) YAML text.
    ///   - file: the path used in diagnostics.
    /// - Returns: the document's root node; an empty stream gives a null scalar at 1:1.
    /// - Throws: `Diagnostic` (`file:line:column: error: …`) for syntax errors, limit overruns,
    ///   unresolvable tags or a stream with more than one document.
    public static func parseDocument(_ bytes: [UInt8], file: String, limits: YAMLLimits = .default) throws(Diagnostic) -> Node {
        let documents = try parseStream(bytes, file: file, limits: limits)
        if documents.count > 1 {
            throw Diagnostic(.error, file: file, mark: documents[1].mark, message: "expected a single YAML document, found \(documents.count)")
        }
        return documents.first ?? Node(.scalar(Scalar(text: "", style: .plain, value: .null)), mark: Mark(line: 1, column: 1))
    }

    /// Parses every document of a YAML stream.
    /// - Throws: `Diagnostic` as `parseDocument`.
    public static func parseStream(_ bytes: [UInt8], file: String, limits: YAMLLimits = .default) throws(Diagnostic) -> [Node] {
        if bytes.count > limits.maxDocumentBytes {
            throw Diagnostic(.error, file: file, mark: nil, message: "document is \(bytes.count) bytes, more than the limit of \(limits.maxDocumentBytes)")
        }
        var builder = TreeBuilder(file: file, limits: limits)
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            throw Diagnostic(.error, file: file, mark: nil, message: "libyaml could not allocate a parser")
        }
        defer { yaml_parser_delete(&parser) }
        var failure: Diagnostic?
        bytes.withUnsafeBufferPointer { buffer in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var event = yaml_event_t()
            while true {
                guard yaml_parser_parse(&parser, &event) == 1 else {
                    failure = libyamlError(parser, file: file)
                    return
                }
                defer { yaml_event_delete(&event) }
                if event.type == YAML_STREAM_END_EVENT { return }
                do throws(Diagnostic) {
                    try builder.handle(event)
                } catch {
                    failure = error
                    return
                }
            }
        }
        if let failure { throw failure }
        return builder.documents
    }

    private static func libyamlError(_ parser: yaml_parser_t, file: String) -> Diagnostic {
        let problem = parser.problem.map { String(cString: $0) } ?? "invalid YAML"
        var message = problem
        if let context = parser.context.map({ String(cString: $0) }) {
            message += " (\(context) at \(parser.context_mark.line + 1):\(parser.context_mark.column + 1))"
        }
        let mark = Mark(line: Int(parser.problem_mark.line) + 1, column: Int(parser.problem_mark.column) + 1)
        return Diagnostic(.error, file: file, mark: mark, message: message)
    }
}

/// The stack machine that turns events into nodes. Frames are classes so that appending to the
/// open collection mutates it in place (no copy per event).
private struct TreeBuilder {
    private final class Frame {
        let isMapping: Bool
        let mark: Mark
        let tag: String?
        let anchor: String?
        let sizeAtStart: Int
        var nodes: [Node] = []
        var pairs: [Node.Pair] = []
        var pendingKey: Node?
        /// A `<<` key was added (merges are applied when the mapping ends).
        var hasMergeKey = false
        /// Scalar keys seen so far, in order; indexed by a dictionary once the mapping grows
        /// (most mappings are small, where a scan is cheaper than hashing).
        var scalarKeys: [(value: Scalar.Value, mark: Mark)] = []
        var scalarKeyIndex: [Scalar.Value: Mark]?
        /// Non-scalar keys by their canonical form (`KeyIdentity.canonical`): one hash lookup per
        /// key, so checking n keys is linear in their total size.
        var complexKeys: [[UInt8]: Mark] = [:]

        /// Records a scalar key; returns where it was first seen if it is a duplicate.
        func insertKey(_ value: Scalar.Value, at mark: Mark) -> Mark? {
            if scalarKeyIndex != nil {
                // No `if let` copy of the index: that second reference made every insert copy
                // the whole dictionary (quadratic in the mapping's size).
                if let first = scalarKeyIndex![value] { return first }
                scalarKeyIndex![value] = mark
                return nil
            }
            if let first = scalarKeys.first(where: { $0.value == value }) { return first.mark }
            scalarKeys.append((value, mark))
            if scalarKeys.count > 16 {
                scalarKeyIndex = Dictionary(scalarKeys.map { ($0.value, $0.mark) }, uniquingKeysWith: { first, _ in first })
            }
            return nil
        }

        init(isMapping: Bool, mark: Mark, tag: String?, anchor: String?, sizeAtStart: Int) {
            self.isMapping = isMapping
            self.mark = mark
            self.tag = tag
            self.anchor = anchor
            self.sizeAtStart = sizeAtStart
        }
    }

    let file: String
    let limits: YAMLLimits
    private(set) var documents: [Node] = []
    private var stack: [Frame] = []
    private var anchors: [String: (node: Node, size: Int)] = [:]
    private var expandedNodes = 0

    init(file: String, limits: YAMLLimits) {
        self.file = file
        self.limits = limits
    }

    mutating func handle(_ event: yaml_event_t) throws(Diagnostic) {
        let mark = Mark(line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
        switch event.type {
        case YAML_DOCUMENT_START_EVENT:
            anchors.removeAll(keepingCapacity: true)
        case YAML_SCALAR_EVENT:
            let data = event.data.scalar
            let text = string(data.value, count: data.length)
            let style = scalarStyle(data.style)
            var tag = data.tag.map { String(cString: $0) }
            // libyaml marks the non-specific tag `!` as plain-implicit; YAML 1.2 makes it a string.
            if tag != "!", data.plain_implicit == 1 || (data.quoted_implicit == 1 && style != .plain) { tag = nil }
            let value: Scalar.Value
            do {
                value = try ScalarResolver.resolve(text: text, style: style, tag: tag)
            } catch {
                throw Diagnostic(.error, file: file, mark: mark, message: "'\(error.text)' is not a valid \(error.tag) value")
            }
            try count(1, at: mark)
            let node = Node(.scalar(Scalar(text: text, style: style, value: value)), mark: mark, tag: tag)
            if let anchor = data.anchor { anchors[cString(anchor)] = (node, 1) }
            try add(node)
        case YAML_ALIAS_EVENT:
            let name = cString(event.data.alias.anchor)
            guard let anchored = anchors[name] else {
                throw Diagnostic(.error, file: file, mark: mark, message: "unknown alias '*\(name)'")
            }
            try count(anchored.size, at: mark)
            try add(anchored.node)
        case YAML_SEQUENCE_START_EVENT:
            let data = event.data.sequence_start
            try push(Frame(isMapping: false, mark: mark, tag: data.implicit == 1 ? nil : data.tag.map(cString),
                           anchor: data.anchor.map(cString), sizeAtStart: expandedNodes), at: mark)
        case YAML_MAPPING_START_EVENT:
            let data = event.data.mapping_start
            try push(Frame(isMapping: true, mark: mark, tag: data.implicit == 1 ? nil : data.tag.map(cString),
                           anchor: data.anchor.map(cString), sizeAtStart: expandedNodes), at: mark)
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            guard let frame = stack.popLast() else { return }
            let node: Node
            if frame.isMapping {
                node = Node(.mapping(frame.hasMergeKey ? try applyingMerges(frame.pairs) : frame.pairs), mark: frame.mark, tag: frame.tag)
            } else {
                node = Node(.sequence(frame.nodes), mark: frame.mark, tag: frame.tag)
            }
            try count(1, at: node.mark)
            if let anchor = frame.anchor { anchors[anchor] = (node, expandedNodes - frame.sizeAtStart) }
            try add(node)
        default:
            break  // stream start/end, document end
        }
    }

    private mutating func push(_ frame: Frame, at mark: Mark) throws(Diagnostic) {
        if stack.count >= limits.maxDepth {
            throw Diagnostic(.error, file: file, mark: mark, message: "nesting deeper than the limit of \(limits.maxDepth)")
        }
        stack.append(frame)
    }

    private mutating func count(_ nodes: Int, at mark: Mark) throws(Diagnostic) {
        expandedNodes += nodes
        if expandedNodes > limits.maxExpandedNodes {
            throw Diagnostic(.error, file: file, mark: mark,
                             message: "document expands to more than \(limits.maxExpandedNodes) nodes (alias expansion limit)")
        }
    }

    private mutating func add(_ node: Node) throws(Diagnostic) {
        guard let top = stack.last else {
            documents.append(node)
            return
        }
        guard top.isMapping else {
            top.nodes.append(node)
            return
        }
        guard let key = top.pendingKey else {
            top.pendingKey = node
            return
        }
        top.pendingKey = nil
        let first: Mark?
        if case .scalar(let scalar) = key.content {
            let isMerge = Self.isMergeKey(scalar, tag: key.tag)
            if isMerge { top.hasMergeKey = true }
            first = isMerge ? nil : top.insertKey(scalar.value, at: key.mark)
        } else {
            let canonical = KeyIdentity.canonical(key)
            first = top.complexKeys[canonical]
            if first == nil { top.complexKeys[canonical] = key.mark }
        }
        if let first {
            throw Diagnostic(.error, file: file, mark: key.mark,
                             message: "duplicate mapping key '\(key.text ?? key.kindDescription)' (first at \(first))")
        }
        top.pairs.append(Node.Pair(key: key, value: node))
    }

    private func isMergeKey(_ key: Node) -> Bool {
        guard case .scalar(let scalar) = key.content else { return false }
        return Self.isMergeKey(scalar, tag: key.tag)
    }

    /// A plain `<<` key, untagged or tagged `!!merge` (https://yaml.org/type/merge.html).
    private static func isMergeKey(_ scalar: Scalar, tag: String?) -> Bool {
        scalar.style == .plain && scalar.text == "<<" && (tag == nil || tag == ScalarResolver.tagPrefix + "merge")
    }

    /// Applies `<<` entries (called only for mappings that have one): keys already in the
    /// mapping win; among merged mappings, earlier wins. Linear in the entries (and the size of
    /// non-scalar keys): keys present are a hash set of `KeyIdentity`.
    private func applyingMerges(_ pairs: [Node.Pair]) throws(Diagnostic) -> [Node.Pair] {
        var result: [Node.Pair] = []
        var keys = Set(pairs.lazy.filter { !self.isMergeKey($0.key) }.map { KeyIdentity($0.key) })
        result.reserveCapacity(pairs.count)
        for pair in pairs {
            guard isMergeKey(pair.key) else {
                result.append(pair)
                continue
            }
            let sources: [Node]
            switch pair.value.content {
            case .mapping: sources = [pair.value]
            case .sequence(let nodes): sources = nodes
            case .scalar:
                throw Diagnostic(.error, file: file, mark: pair.value.mark, message: "a '<<' merge key needs a mapping or a sequence of mappings")
            }
            for source in sources {
                guard let entries = source.mapping else {
                    throw Diagnostic(.error, file: file, mark: source.mark, message: "a '<<' merge key needs a mapping or a sequence of mappings")
                }
                for entry in entries where keys.insert(KeyIdentity(entry.key)).inserted {
                    result.append(entry)
                }
            }
        }
        return result
    }

    private func scalarStyle(_ style: yaml_scalar_style_t) -> Scalar.Style {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: return .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: return .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: return .literal
        case YAML_FOLDED_SCALAR_STYLE: return .folded
        default: return .plain
        }
    }

    private func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?, count: Int) -> String {
        guard let pointer else { return "" }
        return String(decoding: UnsafeBufferPointer(start: pointer, count: count), as: UTF8.self)
    }

    private func cString(_ pointer: UnsafeMutablePointer<yaml_char_t>) -> String {
        String(cString: pointer)
    }
}

/// What makes two mapping keys the same key (YAML 1.2.2 §3.2.1.1: equal canonical forms): a
/// scalar by its resolved value, any other node by `canonical`, which ignores marks and the
/// order of mapping entries.
private enum KeyIdentity: Hashable {
    case scalar(Scalar.Value)
    case complex([UInt8])

    init(_ node: Node) {
        if case .scalar(let scalar) = node.content {
            self = .scalar(scalar.value)
        } else {
            self = .complex(Self.canonical(node))
        }
    }

    /// An injective byte encoding of the node's content: every length is written before the
    /// bytes it counts; a mapping's entries are sorted by their encodings. Linear in the node's
    /// size (up to the sort), recursive to the node's depth (at most `YAMLLimits.maxDepth`).
    static func canonical(_ node: Node) -> [UInt8] {
        var bytes: [UInt8] = []
        append(node, to: &bytes)
        return bytes
    }

    private static func append(_ node: Node, to bytes: inout [UInt8]) {
        func number(_ value: Int) { bytes += Array(String(value).utf8); bytes.append(UInt8(ascii: ":")) }
        switch node.content {
        case .scalar(let scalar):
            switch scalar.value {
            case .null: bytes.append(UInt8(ascii: "n"))
            case .bool(let flag): bytes.append(flag ? UInt8(ascii: "T") : UInt8(ascii: "F"))
            case .int(let int): bytes.append(UInt8(ascii: "i")); bytes += Array(String(int).utf8); bytes.append(UInt8(ascii: ";"))
            case .double(let double):
                bytes.append(UInt8(ascii: "d"))
                number(Int(truncatingIfNeeded: (double == 0 ? 0 : double).bitPattern))
            case .string(let text):
                bytes.append(UInt8(ascii: "s"))
                number(text.utf8.count)
                bytes += text.utf8
            }
        case .sequence(let nodes):
            bytes.append(UInt8(ascii: "["))
            number(nodes.count)
            for item in nodes { append(item, to: &bytes) }
        case .mapping(let pairs):
            bytes.append(UInt8(ascii: "{"))
            number(pairs.count)
            let entries = pairs.map { pair -> [UInt8] in
                var entry: [UInt8] = []
                append(pair.key, to: &entry)
                append(pair.value, to: &entry)
                return entry
            }
            for entry in entries.sorted(by: { $0.lexicographicallyPrecedes($1) }) { bytes += entry }
        }
    }
}
