/// One file of generated output: a path relative to the output folder, and its text.
public struct GeneratedFile: Equatable, Sendable {
    public var path: String
    public var contents: String

    public init(path: String, contents: String) {
        self.path = path
        self.contents = contents
    }
}
