import BindingRuntime
import Foundation
import RecursiveFixture
import Testing

/// Recursive schemas generate boxed properties that compile, read and write like plain ones,
/// and round-trip through JSON.
@Suite struct RecursiveFixtureTests {
    @Test func recursiveValuesRoundTripAndValidate() throws {
        let root = Folder(name: "root")
        var child = Folder(name: "child", parent: root)
        child.shortcut = Link(target: Folder(name: "elsewhere"))
        let tree = Folder(name: "top", children: [child])
        let data = try JSONCoding.encoder().encode(tree)
        let decoded = try JSONCoding.decoder(timeZone: TimeZone(identifier: "UTC")!).decode(Folder.self, from: data)
        #expect(decoded == tree)
        #expect(decoded.children?.first?.parent?.name == "root")
        #expect(decoded.children?.first?.shortcut?.target.name == "elsewhere")
        #expect(String(decoding: data, as: UTF8.self) == #"{"children":[{"name":"child","parent":{"name":"root"},"shortcut":{"target":{"name":"elsewhere"}}}],"name":"top"}"#)
        // Validation follows the recursion: the empty name three levels down is reported there.
        let bad = Folder(name: "top", children: [Folder(name: "child", parent: Folder(name: ""))])
        #expect(throws: ValidationErrors.self) { try bad.validate() }
        do {
            try bad.validate()
        } catch {
            #expect(error.errors.map(\.pointer) == ["/children/0/parent/name"])
        }
    }
}
