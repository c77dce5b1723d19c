/// The Swift API a binding model generates, computed once from the `BindingModule`: every type
/// with its members and initializer, the client with its initializers, and every operation's
/// methods with labels and result types. The renderers print names and declaration lines from
/// it; the Swift-source diff (`SwiftAPIDiff`, in BindgenDiff, hence the `package` access of the
/// surface types) compares two of them and renders nothing.
package struct SwiftSurface {
    /// The generated module's name.
    package let moduleName: String
    /// The model's declarations by Swift path.
    package let declarations: DeclarationIndex
    /// How the model's types are spelled.
    package let spelling: TypeSpelling
    /// Every type, depth first in model order (a type, then those nested in it).
    package let types: [TypeSurface]
    package let client: ClientSurface
    private let typeIndex: [String: Int]

    package init(module: BindingModule) {
        let declarations = DeclarationIndex(module.types)
        let spelling = TypeSpelling(moduleName: module.name, declarations: declarations)
        let types = declarations.entries.map { TypeSurface(path: $0.path, scope: $0.scope, declaration: $0.declaration, spelling: spelling) }
        moduleName = module.name
        self.declarations = declarations
        self.spelling = spelling
        self.types = types
        typeIndex = Dictionary(types.indices.map { (types[$0].scope, $0) }, uniquingKeysWith: { _, last in last })
        client = ClientSurface(module.client, defaultServerURL: module.defaultServerURL, spelling: spelling)
    }

    /// The type the Swift code declares at `scope` (`Pet.Status`; `TypeSurface.scope`).
    package func type(declaredAt scope: String) -> TypeSurface? {
        typeIndex[scope].map { types[$0] }
    }
}
