/// How paged list operations are recognised (config key `paging`): an operation that takes a
/// page-number and a page-size query parameter and declares a total-pages response header on a
/// success status gets a `…Pages(…)` method that fetches every page. The defaults are
/// EnergyCAP's convention (`pageNumber`/`pageSize` parameters, `TotalPages` header, pages from 1).
/// Names are compared ignoring ASCII case (header names are case-insensitive, RFC 9110 §5.1).
///
/// ```yaml
/// paging:
///   pageNumberParameter: page
///   pageSizeParameter: per_page
///   totalPagesHeader: X-Total-Pages
///   firstPage: 0
/// ```
/// `paging: none` turns the recognition off.
public struct PagingConvention: Equatable, Sendable {
    public var isEnabled = true
    public var pageNumberParameter = "pageNumber"
    public var pageSizeParameter = "pageSize"
    public var totalPagesHeader = "TotalPages"
    public var firstPage = 1

    public init() {}
}
