/// A located message about an input file, printed the way compilers print them so that editors
/// and CI annotate the line: `path:line:column: error: message`.
///
/// Every layer (YAML, OpenAPI loading, translation) reports problems as diagnostics.
public struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Hashable, Sendable {
        case error
        case warning
        case note
    }

    public var severity: Severity
    /// The file the message is about, as the user named it.
    public var file: String
    /// Where in `file`; `nil` when the problem concerns the file as a whole.
    public var mark: Mark?
    public var message: String
    /// The JSON Pointer (RFC 6901) of the node in the document, when known.
    public var pointer: String?

    public init(_ severity: Severity, file: String, mark: Mark?, message: String, pointer: String? = nil) {
        self.severity = severity
        self.file = file
        self.mark = mark
        self.message = message
        self.pointer = pointer
    }

    /// `path:line:column: severity: message [at /json/pointer]`.
    public var description: String {
        let location = mark.map { "\(file):\($0.line):\($0.column)" } ?? file
        let suffix = pointer.map { $0.isEmpty ? "" : " (at \($0))" } ?? ""
        return "\(location): \(severity.rawValue): \(message)\(suffix)"
    }
}

/// One or more diagnostics, at least one of them an error, thrown when an input cannot be used.
public struct DiagnosticsError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}
