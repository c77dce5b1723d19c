/// Heap storage for a property whose type leads back to the struct that holds it (a recursive
/// schema such as a tree node's `parent`): Swift structs cannot contain themselves inline.
/// Generated code keeps such properties as `Indirect` and exposes them as plain properties.
public indirect enum Indirect<Wrapped> {
    case value(Wrapped)

    public init(_ value: Wrapped) {
        self = .value(value)
    }

    public var value: Wrapped {
        switch self {
        case .value(let wrapped): return wrapped
        }
    }
}

extension Indirect: Sendable where Wrapped: Sendable {}
extension Indirect: Equatable where Wrapped: Equatable {}
extension Indirect: Hashable where Wrapped: Hashable {}
