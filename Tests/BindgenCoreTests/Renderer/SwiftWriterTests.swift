@testable import BindgenCore
import Testing

/// `SwiftWriter.declarationBlock`: a declaration whose header would pass the line limit gets one
/// parameter a line; the split ignores commas inside brackets, generics and string literals.
@Suite struct SwiftWriterTests {
    @Test func shortDeclarationStaysOnOneLine() {
        var writer = SwiftWriter()
        writer.declarationBlock("public func get(id: Int32) async throws -> Item") { writer in writer.line("fatalError()") }
        #expect(writer.text == "public func get(id: Int32) async throws -> Item {\n    fatalError()\n}\n")
    }

    @Test func longDeclarationIsWrappedOneParameterALine() {
        var writer = SwiftWriter()
        let header = "public func searchEverything(address: String? = nil, tags: [String: [Int]] = [:], note: String = \"a, (b)\", "
            + "pageSize: Int32? = nil) async throws -> OperationResponse<[AddressLookup], NoResponseHeaders>"
        writer.block("extension Client") { writer in
            writer.declarationBlock(header) { writer in writer.line("fatalError()") }
        }
        #expect(writer.text == """
            extension Client {
                public func searchEverything(
                    address: String? = nil,
                    tags: [String: [Int]] = [:],
                    note: String = "a, (b)",
                    pageSize: Int32? = nil
                ) async throws -> OperationResponse<[AddressLookup], NoResponseHeaders> {
                    fatalError()
                }
            }

            """)
    }

    @Test func splitKeepsClosureArrowsAndEscapedQuotes() throws {
        let split = try #require(SwiftWriter.parameterSplit(#"init(a: @escaping (Int) -> Void, b: String = "x\", y")"#))
        #expect(split.head == "init")
        #expect(split.parameters == ["a: @escaping (Int) -> Void", #"b: String = "x\", y""#])
        #expect(split.tail == "")
        #expect(SwiftWriter.parameterSplit("init()") == nil)
    }
}
