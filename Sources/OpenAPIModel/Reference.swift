import YAMLParsing

/// A `$ref` (OpenAPI 3.0 §4.7.23 / 3.1 §4.8.23, Reference Object): its target as written and where it stands.
public struct Reference: Hashable, Sendable {
    /// The `$ref` value as written, e.g. `#/components/schemas/Pet`.
    public var target: String
    /// Where the `$ref` value is in the file.
    public var mark: Mark
    /// The JSON Pointer of the `$ref` object in the document.
    public var pointer: JSONPointer
    /// 3.1 allows `summary` and `description` beside `$ref`.
    public var summary: String?
    public var description: String?

    /// The pointer into this document for a local reference (`#/…`), URI-fragment decoded; nil for
    /// external ones. Parsed once, here: translation looks it up for every use of the reference.
    public let localPointer: JSONPointer?

    public init(target: String, mark: Mark, pointer: JSONPointer, summary: String? = nil, description: String? = nil) {
        self.target = target
        self.mark = mark
        self.pointer = pointer
        self.summary = summary
        self.description = description
        self.localPointer = target.hasPrefix("#") ? JSONPointer(String(target.dropFirst()).removingPercentEncodingIfValid) : nil
    }

    /// The last token of the target (`Pet` for `#/components/schemas/Pet`).
    public var name: String {
        localPointer?.tokens.last ?? target
    }
}

/// A value or a `$ref` to one, as OpenAPI allows for parameters, responses, request bodies, headers….
public enum Referenceable<Value: Hashable & Sendable>: Hashable, Sendable {
    case reference(Reference)
    case value(Value)
}

extension String {
    /// Decodes `%XX` escapes (a `$ref` is a URI reference, RFC 3986); keeps the text when invalid.
    var removingPercentEncodingIfValid: String {
        guard contains("%") else { return self }
        var bytes: [UInt8] = []
        var utf8 = Array(self.utf8)[...]
        while let byte = utf8.popFirst() {
            if byte == UInt8(ascii: "%"), utf8.count >= 2,
               let value = UInt8(String(decoding: utf8.prefix(2), as: UTF8.self), radix: 16) {
                bytes.append(value)
                utf8 = utf8.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self) ?? self
    }
}

extension Reference {
    /// The component name when the reference is local and designates `#/components/<section>/<name>`
    /// in this `section` (`JSONPointer.componentName(in:)`); nil for other targets.
    public func componentName(in section: String) -> String? {
        localPointer?.componentName(in: section)
    }
}
