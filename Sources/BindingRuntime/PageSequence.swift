/// Every page of a paged list operation, fetched one after the other as the sequence is
/// iterated: page `firstPage`, then the next, until the page number reaches the total the
/// server reports (EnergyCAP's `TotalPages` response header). The generated `…Pages(…)`
/// methods return one; each element is the page's whole `OperationResponse`.
///
/// Stops after a page whose total is missing (nothing says another exists) or when the page
/// number has reached the total (a total of 0 still yields the first page, which is empty).
/// Errors of a fetch are thrown from `next()`, and nothing more is fetched after one.
/// Cancelling the iterating task cancels the fetch in flight.
public struct PageSequence<Page: Sendable>: AsyncSequence, Sendable {
    public typealias Element = Page

    let firstPage: Int
    let fetch: @Sendable (Int) async throws -> Page
    let totalPages: @Sendable (Page) -> Int?

    /// - Parameters:
    ///   - firstPage: the first page's number (1 for EnergyCAP).
    ///   - fetch: fetches the page with this number.
    ///   - totalPages: the number of pages a fetched page reports, nil when it reports none.
    public init(firstPage: Int = 1, fetch: @escaping @Sendable (Int) async throws -> Page, totalPages: @escaping @Sendable (Page) -> Int?) {
        self.firstPage = firstPage
        self.fetch = fetch
        self.totalPages = totalPages
    }

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(sequence: self, upcoming: firstPage)
    }

    public struct AsyncIterator: AsyncIteratorProtocol {
        let sequence: PageSequence
        /// The page to fetch next; nil once the last page has been fetched.
        var upcoming: Int?

        public mutating func next() async throws -> Page? {
            guard let number = upcoming else { return nil }
            upcoming = nil
            let page = try await sequence.fetch(number)
            if let total = sequence.totalPages(page), number - sequence.firstPage + 1 < total, number < Int.max {
                upcoming = number + 1
            }
            return page
        }
    }
}
