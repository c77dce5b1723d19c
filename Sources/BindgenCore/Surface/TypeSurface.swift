/// The Swift surface of one bound type (a struct, an open enum, a union or a typealias): its
/// name, the members code can name, and a struct's memberwise initializer.
package struct TypeSurface {
    /// What the Swift declaration is: changing it breaks code that relies on the kind.
    package enum Kind: Equatable { case structure, enumeration, union, alias }

    /// A stored property (struct) or a case (enum, union).
    package struct Member: Equatable {
        /// The Swift name, unescaped.
        package var name: String
        /// A property's type or a union case's payload as the diff compares it; nil for a case
        /// without payload.
        package var type: String?
        /// As the declaration writes it (`TypeSpelling.payloadType`: module-qualified where shadowed).
        package var writtenType: String?

        /// A property's declaration after `var`: `name: Type` (the name escaped).
        package var declaration: String {
            Naming.escaped(name) + (writtenType.map { ": " + $0 } ?? "")
        }

        /// A case's declaration after `case`: `name(Payload)`, or `name` without payload.
        package var caseDeclaration: String {
            Naming.escaped(name) + (writtenType.map { "(" + $0 + ")" } ?? "")
        }
    }

    /// The path in the model (`Pet`, `Pet.Status`), as the diff names the type.
    package var path: String
    /// Where the Swift code declares it (`DeclarationIndex.entries`); the scope its members'
    /// types are spelled in.
    package var scope: String
    /// The declared name, the path's last component (`Status`).
    package var name: String
    /// JSON Pointer of the schema (`/components/schemas/Pet`).
    package var sourcePointer: String
    package var kind: Kind
    /// A struct's declared properties in declaration order, its open-object map last; an enum's
    /// or union's cases (without `unknown`).
    package var members: [Member]
    /// A struct's memberwise initializer: parameters without a default first, then those with one
    /// (nil, the schema's `default`), the open-object map last (`= [:]`).
    package var initializer: SurfaceSignature?
    /// A typealias's target.
    package var aliasTarget: String?

    package init(path: String, scope: String, declaration: TypeDeclaration, spelling: TypeSpelling) {
        self.path = path
        self.scope = scope
        self.name = declaration.name
        self.sourcePointer = declaration.sourcePointer
        switch declaration.kind {
        case .structure(let properties):
            kind = .structure
            members = properties.map { property in
                Member(name: property.name, type: spelling.comparedPropertyType(property), writtenType: spelling.propertyType(property, inside: scope))
            }
            var parameters = properties.map { property in
                SurfaceParameter(name: property.name, type: spelling.comparedPropertyType(property),
                                 writtenType: spelling.propertyType(property, inside: scope), defaultValue: Self.defaultArgument(property))
            }
            parameters = parameters.filter(\.isRequired) + parameters.filter { !$0.isRequired }
            if let map = declaration.additionalProperties {
                let type = "[String: \(spelling.swiftType(map.valueType))]"
                members.append(Member(name: map.name, type: type, writtenType: type))
                parameters.append(SurfaceParameter(name: map.name, type: type, defaultValue: "[:]"))
            }
            initializer = .initializer(parameters)
        case .enumeration(_, let cases):
            kind = .enumeration
            members = cases.map { Member(name: $0.name) }
        case .union(let union):
            kind = .union
            members = union.alternatives.map { alternative in
                Member(name: alternative.name, type: spelling.swiftType(alternative.type), writtenType: spelling.payloadType(alternative.type, inside: scope))
            }
        case .alias(let target):
            kind = .alias
            members = []
            aliasTarget = spelling.swiftType(target)
        }
    }

    /// A type an operation declares at the top level of the module (`OperationSurface.ownTypes`).
    package init(name: String, sourcePointer: String, kind: Kind, members: [Member], initializer: SurfaceSignature? = nil) {
        self.path = name
        self.scope = name
        self.name = name
        self.sourcePointer = sourcePointer
        self.kind = kind
        self.members = members
        self.initializer = initializer
    }

    /// The initializer's default argument for a property: the schema's `default`, else `nil` for
    /// an optional property (or a read-only one, which requests leave out); none for the rest.
    private static func defaultArgument(_ property: Property) -> String? {
        if let expression = property.defaultExpression { return expression }
        return !property.isRequired || property.isReadOnly ? "nil" : nil
    }
}
