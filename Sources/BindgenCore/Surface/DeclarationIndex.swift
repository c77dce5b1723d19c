/// The one registry of a binding model's type declarations by Swift path (`Pet`, `Pet.Status`):
/// built once per list of top-level types, and read by the surface, the renderers (which kind a
/// named type is), `RecursiveProperties` (which properties store a struct) and the Swift-source
/// diff (which types were added or removed).
package struct DeclarationIndex {
    /// Every declaration with its path, depth first in model order: a type, then the types nested
    /// in it. `path` joins the model's nesting (`Pet.Status`); `scope` is where the Swift code
    /// declares it, which differs for a typealias's inline types: a typealias cannot hold nested
    /// types, so they are written at the top level (`ListElement`, not `List.ListElement`).
    package let entries: [(path: String, scope: String, declaration: TypeDeclaration)]
    private let byPath: [String: TypeDeclaration]

    /// Indexes `types` (top-level declarations) and everything nested in them.
    package init(_ types: [TypeDeclaration]) {
        var entries: [(path: String, scope: String, declaration: TypeDeclaration)] = []
        func register(_ declaration: TypeDeclaration, prefix: String, scopePrefix: String) {
            let path = prefix.isEmpty ? declaration.name : prefix + "." + declaration.name
            let scope = scopePrefix.isEmpty ? declaration.name : scopePrefix + "." + declaration.name
            entries.append((path, scope, declaration))
            let isAlias = if case .alias = declaration.kind { true } else { false }
            for nested in declaration.nested { register(nested, prefix: path, scopePrefix: isAlias ? "" : scope) }
        }
        for declaration in types { register(declaration, prefix: "", scopePrefix: "") }
        self.entries = entries
        self.byPath = Dictionary(entries.map { ($0.path, $0.declaration) }, uniquingKeysWith: { _, last in last })
    }

    /// The declaration at a Swift path (`Pet.Status`), nil for none.
    package subscript(path: String) -> TypeDeclaration? {
        byPath[path]
    }

    /// Every Swift path, sorted.
    package var sortedPaths: [String] {
        byPath.keys.sorted()
    }

    /// The type a reference stands for, following typealiases (at most 16, against cycles).
    package func resolved(_ type: TypeReference) -> TypeReference {
        var current = type
        var hops = 0
        while case .named(let name) = current, let declaration = byPath[name], case .alias(let target) = declaration.kind, hops < 16 {
            current = target
            hops += 1
        }
        return current
    }
}
