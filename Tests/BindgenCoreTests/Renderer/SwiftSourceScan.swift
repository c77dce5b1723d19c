import Foundation

/// A small lexer for generated Swift (which has one-line string literals only and no block
/// comments): the code of a line without its `//` comment and with every string literal blanked.
enum SwiftSourceScan {
    static func code(of line: String) -> String {
        var result = ""
        var iterator = Array(line.unicodeScalars).makeIterator()
        var previous: Unicode.Scalar?
        while let scalar = iterator.next() {
            if scalar == "/", previous == "/" {
                result.unicodeScalars.removeLast()
                return result
            }
            if scalar == "\"" {
                // Skip to the closing quote, honouring backslash escapes.
                while let inner = iterator.next() {
                    if inner == "\\" { _ = iterator.next(); continue }
                    if inner == "\"" { break }
                }
                result += "\"\""
                previous = nil
                continue
            }
            result.unicodeScalars.append(scalar)
            previous = scalar
        }
        return result
    }

    /// Identifiers starting with an uppercase letter that are not after a `.` (so type names,
    /// not members): `[A-Z][A-Za-z0-9_]*`, with backticks removed.
    static func typeIdentifiers(in code: String) -> Set<String> {
        var names: Set<String> = []
        let scalars = Array(code.replacingOccurrences(of: "`", with: "").unicodeScalars)
        var index = 0
        func isIdentifier(_ s: Unicode.Scalar) -> Bool { s.properties.isAlphabetic && s.isASCII || ("0"..."9").contains(s) || s == "_" }
        while index < scalars.count {
            let scalar = scalars[index]
            if isIdentifier(scalar) {
                var end = index
                while end < scalars.count, isIdentifier(scalars[end]) { end += 1 }
                let word = String(String.UnicodeScalarView(scalars[index..<end]))
                let afterDot = index > 0 && scalars[index - 1] == "."
                if !afterDot, let first = word.unicodeScalars.first, ("A"..."Z").contains(first) { names.insert(word) }
                index = end
            } else {
                index += 1
            }
        }
        return names
    }

    /// Type names a generated folder declares (`struct X`, `enum X`, `typealias X`; a backticked
    /// `` `class` `` is a name, not a declaration).
    static func declaredTypes(in code: String) -> Set<String> {
        let regex = try! NSRegularExpression(pattern: #"(?<![`\w])(?:struct|enum|typealias|class|protocol|actor)\s+([A-Za-z_][A-Za-z0-9_]*)"#)
        let range = NSRange(code.startIndex..., in: code)
        return Set(regex.matches(in: code, range: range).map { String(code[Range($0.range(at: 1), in: code)!]) })
    }
}
