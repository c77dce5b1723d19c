/// One parameter of a generated method or initializer, as callers see it.
package struct SurfaceParameter: Equatable {
    /// The argument label, unescaped (`body`, `default`).
    package var name: String
    /// The type the diff compares and reports, without the `?` of an omittable argument
    /// (`String` for `trace: String? = nil`; a property's own `String?` stays).
    package var type: String
    /// The type as the declaration writes it, before that `?`: `type`, except a top-level type
    /// written module-qualified where a nested type would shadow it (`TypeSpelling.payloadType`).
    package var writtenType: String
    /// The declaration adds `?` to the type: an argument that may be omitted (`trace: String? = nil`).
    package var isOmittable: Bool
    /// The default argument's expression (`nil`, `[:]`, a schema's `default`); nil for a
    /// parameter every call must pass.
    package var defaultValue: String?

    package init(name: String, type: String, writtenType: String? = nil, isOmittable: Bool = false, defaultValue: String? = nil) {
        self.name = name
        self.type = type
        self.writtenType = writtenType ?? type
        self.isOmittable = isOmittable
        self.defaultValue = defaultValue
    }

    /// An argument that may be omitted: `name: type? = nil`.
    package static func omittable(_ name: String, type: String) -> SurfaceParameter {
        SurfaceParameter(name: name, type: type, isOmittable: true, defaultValue: "nil")
    }

    /// Every call must pass it (no default argument).
    package var isRequired: Bool { defaultValue == nil }

    /// `meterID: Int32`, `trace: String? = nil`, `` `default`: Bool = false ``.
    package var declaration: String {
        "\(Naming.escaped(name)): \(writtenType)" + (isOmittable ? "?" : "") + (defaultValue.map { " = " + $0 } ?? "")
    }
}

/// The signature of a generated method or initializer: its name, labelled parameters, effects
/// and result. Renderers print the declaration line from it (`declaration`, wrapped by
/// `SwiftWriter.declarationBlock`) and the Swift-source diff compares two of them, so what is
/// generated and what is compared cannot drift apart.
package struct SurfaceSignature: Equatable {
    /// A method (`func name(…)`) or an initializer (`init(…)`).
    package enum Kind: Equatable { case method, initializer }

    package var kind: Kind
    /// The method's name, unescaped; `init` for an initializer.
    package var name: String
    package var parameters: [SurfaceParameter]
    package var isAsync: Bool
    package var isThrowing: Bool
    /// The result type as written after `->`; nil for none (`Void`).
    package var result: String?

    /// A method.
    package static func method(_ name: String, _ parameters: [SurfaceParameter], isAsync: Bool = true, isThrowing: Bool = true, result: String?) -> SurfaceSignature {
        SurfaceSignature(kind: .method, name: name, parameters: parameters, isAsync: isAsync, isThrowing: isThrowing, result: result)
    }

    /// A non-throwing, synchronous initializer.
    package static func initializer(_ parameters: [SurfaceParameter]) -> SurfaceSignature {
        SurfaceSignature(kind: .initializer, name: "init", parameters: parameters, isAsync: false, isThrowing: false, result: nil)
    }

    /// The result as the diff reports it (`Void` for none).
    package var resultText: String { result ?? "Void" }

    /// The declaration line without access modifier or body:
    /// `func getItem(id: Int, trace: String? = nil) async throws -> Item`, `init(name: String, tag: String? = nil)`.
    package var declaration: String {
        let list = "(" + parameters.map(\.declaration).joined(separator: ", ") + ")"
        let head = kind == .initializer ? "init" + list : "func \(Naming.escaped(name))" + list
        return head + (isAsync ? " async" : "") + (isThrowing ? " throws" : "") + (result.map { " -> " + $0 } ?? "")
    }
}
