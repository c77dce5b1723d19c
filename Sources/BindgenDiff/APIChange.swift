import BindgenCore
import YAMLParsing

/// One finding of `api-bindgen diff`: what changed, how much it matters, and where.
public struct APIChange: Equatable, Sendable {
    public enum Severity: String, Sendable, Comparable {
        /// Existing clients break (on the wire), or existing Swift code stops compiling.
        case breaking
        /// Existing clients may break, depending on how they use the API.
        case warning
        /// Additive or harmless.
        case info

        var rank: Int { self == .breaking ? 0 : (self == .warning ? 1 : 2) }
        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    public enum Layer: String, Sendable {
        /// The HTTP API as any client sees it.
        case wire
        /// The generated Swift bindings' public API.
        case swift
    }

    public var layer: Layer
    public var severity: Severity
    /// The rule that found it; `rule.id` is stable (`request-property-required-added`).
    public var rule: DiffRule
    /// `POST /api/v202203/… (AssignDataAccessReleaseV202203)`, when the change concerns an operation.
    public var operation: String?
    public var message: String
    /// JSON Pointer of the changed node: in NEW, or in OLD for removals.
    public var pointer: String
    /// The file the pointer is in (NEW, or OLD for removals), and the node's position there.
    public var file: String
    public var mark: Mark?

    public init(layer: Layer = .wire, severity: Severity, rule: DiffRule, operation: String?, message: String,
                pointer: String, file: String, mark: Mark?) {
        self.layer = layer
        self.severity = severity
        self.rule = rule
        self.operation = operation
        self.message = message
        self.pointer = pointer
        self.file = file
        self.mark = mark
    }

    /// `file:line:column`
    public var location: String {
        mark.map { "\(file):\($0.line):\($0.column)" } ?? file
    }
}
