/// The one rule for an API version in a path (`versionSource: pathSegment`), used by the
/// translator (grouping operations, `include.versions`) and by the diff (matching an operation
/// with its previous version).
extension VersionSource {
    /// A path segment that names an API version: `v` followed by one or more ASCII digits
    /// (`v202203`; not `v`, `v2a` or `version2`).
    package static func isVersionSegment(_ segment: Substring) -> Bool {
        segment.count > 1 && segment.first == "v" && segment.dropFirst().allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// The first version segment of a path (`/api/v202203/…` → `v202203`); nil when there is none.
    static func versionSegment(of path: String) -> String? {
        path.split(separator: "/", omittingEmptySubsequences: true).first(where: isVersionSegment).map(String.init)
    }
}
