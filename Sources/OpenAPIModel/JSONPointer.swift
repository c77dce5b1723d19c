/// A JSON Pointer (RFC 6901): the location of a value inside a document, as reference tokens.
public struct JSONPointer: Hashable, Sendable, CustomStringConvertible {
    /// Tokens as a chain to the parent, so `appending` is O(1): the loader makes a pointer for
    /// every node it reads.
    private final class Link: Sendable {
        let parent: Link?
        let token: String
        let depth: Int

        init(parent: Link?, token: String) {
            self.parent = parent
            self.token = token
            self.depth = (parent?.depth ?? 0) + 1
        }
    }

    private let last: Link?

    private init(last: Link?) {
        self.last = last
    }

    public init(tokens: [String] = []) {
        var link: Link?
        for token in tokens { link = Link(parent: link, token: token) }
        self.last = link
    }

    /// The reference tokens, first to last.
    public var tokens: [String] {
        var result: [String] = []
        result.reserveCapacity(last?.depth ?? 0)
        var link = last
        while let current = link {
            result.append(current.token)
            link = current.parent
        }
        return result.reversed()
    }

    /// Parses `/a/b~1c` (RFC 6901 §3–4: `~1` is `/`, `~0` is `~`). Returns nil unless the text is
    /// empty or starts with `/`.
    public init?(_ text: String) {
        if text.isEmpty { self.init(last: nil); return }
        guard text.hasPrefix("/") else { return nil }
        self.init(tokens: text.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map(Self.unescape))
    }

    public static let root = JSONPointer()

    public func appending(_ token: String) -> JSONPointer {
        JSONPointer(last: Link(parent: last, token: token))
    }

    public func appending(_ index: Int) -> JSONPointer {
        appending(String(index))
    }

    public static func == (lhs: JSONPointer, rhs: JSONPointer) -> Bool {
        lhs.last === rhs.last || lhs.tokens == rhs.tokens
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(tokens)
    }

    /// `/paths/~1pets/get`: tokens escaped per RFC 6901.
    public var description: String {
        tokens.map { "/" + Self.escape($0) }.joined()
    }

    /// `~` → `~0`, `/` → `~1` (RFC 6901 §3).
    public static func escape(_ token: String) -> String {
        guard token.contains(where: { $0 == "~" || $0 == "/" }) else { return token }
        var result = ""
        for character in token {
            switch character {
            case "~": result += "~0"
            case "/": result += "~1"
            default: result.append(character)
            }
        }
        return result
    }

    /// `~1` → `/`, then `~0` → `~` (RFC 6901 §4).
    static func unescape(_ token: Substring) -> String {
        guard token.contains("~") else { return String(token) }
        var result = ""
        var iterator = token.makeIterator()
        while let character = iterator.next() {
            guard character == "~" else { result.append(character); continue }
            switch iterator.next() {
            case "0": result.append("~")
            case "1": result.append("/")
            case let other?: result.append("~"); result.append(other)
            case nil: result.append("~")
            }
        }
        return result
    }
}

extension JSONPointer {
    /// The section and name of a pointer of the form `/components/<section>/<name>` (OpenAPI
    /// 3.0 §4.7.7 / 3.1 §4.8.7, Components Object: a reusable object is addressed by its section
    /// and its name); nil for any other pointer, a node inside a component included.
    public var component: (section: String, name: String)? {
        let tokens = tokens
        guard tokens.count == 3, tokens[0] == "components" else { return nil }
        return (tokens[1], tokens[2])
    }

    /// The component name when the pointer is `/components/<section>/<name>` for this `section`
    /// (`schemas`, `parameters`, …); nil otherwise.
    public func componentName(in section: String) -> String? {
        guard let component, component.section == section else { return nil }
        return component.name
    }
}
