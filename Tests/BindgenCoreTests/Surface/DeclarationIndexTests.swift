@testable import BindgenCore
import Testing

/// The one pointer → declaration registry: paths by nesting, scopes where the code declares
/// them, and typealiases followed.
@Suite struct DeclarationIndexTests {
    static func declaration(_ name: String, _ kind: TypeDeclaration.Kind, nested: [TypeDeclaration] = []) -> TypeDeclaration {
        TypeDeclaration(name: name, sourcePointer: "/components/schemas/\(name)", sourceReference: "#/components/schemas/\(name)", documentation: nil, kind: kind, nested: nested, validation: ValidationRules())
    }

    @Test func pathsScopesAndAliases() {
        let status = Self.declaration("Status", .enumeration(raw: .string, cases: []))
        let pet = Self.declaration("Pet", .structure([]), nested: [status])
        let element = Self.declaration("ListElement", .structure([]))
        let list = Self.declaration("List", .alias(.array(.named("ListElement"))), nested: [element])
        let animal = Self.declaration("Animal", .alias(.named("Pet")))
        let index = DeclarationIndex([animal, list, pet])
        #expect(index.entries.map(\.path) == ["Animal", "List", "List.ListElement", "Pet", "Pet.Status"])
        // A typealias holds no nested types: its inline types are written at the top level.
        #expect(index.entries.map(\.scope) == ["Animal", "List", "ListElement", "Pet", "Pet.Status"])
        #expect(index["Pet.Status"]?.name == "Status")
        #expect(index.sortedPaths == ["Animal", "List", "List.ListElement", "Pet", "Pet.Status"])
        #expect(index.resolved(.named("Animal")) == .named("Pet"))
        #expect(index.resolved(.named("List")) == .array(.named("ListElement")))
        #expect(index.resolved(.int) == .int)
    }
}
