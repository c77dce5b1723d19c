import Foundation
import OpenAPIModel

/// Reads a spec's files from the file system (see `OpenAPIDocument.load(file:reader:limits:)`).
public struct FileSystemSpecReader: SpecFileReader {
    public init() {}

    public func read(_ path: String) -> Result<[UInt8], SpecFileError> {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            return .failure(SpecFileError("it is a folder, not a file"))
        }
        guard let data = FileManager.default.contents(atPath: path) else { return .failure(SpecFileError("cannot read the spec file")) }
        return .success(Array(data))
    }

    public func canonicalPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
