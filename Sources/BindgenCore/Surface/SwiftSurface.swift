/// The Swift API a binding model generates, computed once from the `BindingModule`: every type
/// with its members and initializer, the client with its initializers, and every operation's
/// methods with labels and result types. The renderers print names and declaration lines from
/// it; the Swift-source diff (`SwiftAPIDiff`) compares two of them and renders nothing.
struct SwiftSurface {
    /// The generated module's name.
    let moduleName: String
    /// The model's declarations by Swift path.
    let declarations: DeclarationIndex
    /// How the model's types are spelled.
    let spelling: TypeSpelling
    /// Every type, depth first in model order (a type, then those nested in it).
    let types: [TypeSurface]
    let client: ClientSurface
    private let typeIndex: [String: Int]

    init(module: BindingModule) {
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
    func type(declaredAt scope: String) -> TypeSurface? {
        typeIndex[scope].map { types[$0] }
    }
}
