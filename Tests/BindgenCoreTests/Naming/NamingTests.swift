@testable import BindgenCore
import Testing

@Suite struct NamingTests {
    @Test(arguments: [
        ("meterId", "meterID"), ("dataAccessReleaseStatusId", "dataAccessReleaseStatusID"), ("fileDataTypeId", "fileDataTypeID"),
        ("ApiKey", "apiKey"), ("ECI-ApiKey", "eciAPIKey"), ("file_url", "fileURL"), ("HTTPServer", "httpServer"),
        ("AssignDataAccessRelease", "assignDataAccessRelease"), ("v202203", "v202203"), ("2fa", "_2fa"), ("user ids", "userIDs"),
        ("default", "default"), ("", "unnamed"),
    ])
    func memberNames(source: String, expected: String) {
        #expect(Naming.memberName(source) == expected)
    }

    @Test(arguments: [
        ("DataAccessReleaseStatusId", "DataAccessReleaseStatusID"), ("data-access_release", "DataAccessRelease"), ("v202203", "V202203"),
        ("Error", "ErrorModel"), ("Data", "DataModel"), ("2xx", "_2xx"), ("pet.Status", "PetStatus"), ("URLRecord", "URLRecord"),
    ])
    func typeNames(source: String, expected: String) {
        #expect(Naming.typeName(source) == expected)
    }

    @Test func keywordsAreEscapedAndDuplicatesNumbered() {
        #expect(Naming.escaped("default") == "`default`")
        #expect(Naming.escaped("value") == "value")
        var taken: Set<String> = []
        #expect(Naming.unique("id", in: &taken) == "id")
        #expect(Naming.unique("id", in: &taken) == "id2")
        #expect(Naming.unique("id", in: &taken) == "id3")
    }


    /// Letters are transliterated (decomposition, UAX #15, and a table), never dropped.
    @Test(arguments: [
        ("über", "uber"), ("naïve", "naive"), ("Straße", "strasse"), ("æther", "aether"), ("øre", "ore"), ("œuvre", "oeuvre"),
        ("łódź", "lodz"), ("đak", "dak"), ("þorn", "thorn"), ("crème brûlée", "cremeBrulee"), ("ﬁle", "file"), ("Ａpple", "apple"),
        ("cafe\u{301}Id", "cafeID"), ("名前", "u540D_u524D"), ("名前Id", "u540D_u524DID"), ("мир", "u043C_u0438_u0440"),
    ])
    func nonASCIINamesAreTransliterated(source: String, expected: String) {
        #expect(Naming.memberName(source) == expected)
    }

    @Test func nonLatinTypeNamesGetACodePointFallback() {
        #expect(Naming.typeName("名前") == "U540D_u524D")
        #expect(Naming.typeName("Übersicht") == "Ubersicht")
        #expect(Naming.typeName("naïve-Ærø") == "NaiveAero")
        #expect(Naming.words("€uro") == ["uro"])  // symbols separate words, as ASCII punctuation does
    }

    /// Every candidate order gives the same names.
    static func allOrders<T>(_ items: [T]) -> [[T]] {
        guard items.count > 1 else { return [items] }
        return items.indices.flatMap { index in
            var rest = items
            let item = rest.remove(at: index)
            return allOrders(rest).map { [item] + $0 }
        }
    }

    static func allocate(_ wireNames: [(String, Bool)], reserved: Set<String> = [], member: Bool = true, foldCase: Bool = false) -> [String: String] {
        let candidates = wireNames.map { NameAllocation.Candidate(wireName: $0.0, base: member ? Naming.memberName($0.0) : $0.0, isExplicit: $0.1) }
        let outcomes = NameAllocation.allocate(candidates, reserved: reserved, foldCase: foldCase)
        return Dictionary(uniqueKeysWithValues: zip(wireNames.map(\.0), outcomes.map(\.name)))
    }

    @Test func allocationIsTheSameInEveryOrder() {
        let names = [("firstName", false), ("first_name", false), ("FirstName", false), ("first-name", false), ("firstName2", false)]
        let expected = ["firstName": "firstName", "FirstName": "firstName3", "first-name": "firstName4", "first_name": "firstName5",
                        "firstName2": "firstName2"]
        for order in Self.allOrders(names) {
            #expect(Self.allocate(order) == expected, "\(order.map(\.0))")
        }
    }

    @Test func signedNumbersGetSuffixesThatDoNotReadAsDigits() {
        for order in Self.allOrders([("+1", false), ("-1", false)]) {
            #expect(Self.allocate(order) == ["+1": "_1", "-1": "_1_2"])
        }
    }

    @Test func explicitNamesComeFirstAndReservedNamesAreNeverGiven() {
        for order in Self.allOrders([("list", false), ("List", true), ("init", false)]) {
            #expect(Self.allocate(order, reserved: ["init"]) == ["List": "list", "list": "list2", "init": "init2"])
        }
    }

    @Test func unrelatedNamesDoNotMoveACollidingOne() {
        let before = Self.allocate([("first_name", false), ("firstName", false)])
        let after = Self.allocate([("zeta", false), ("first_name", false), ("alpha", false), ("firstName", false), ("firstNames", false)])
        #expect(before["first_name"] == "firstName2" && after["first_name"] == "firstName2")
    }

    @Test func caseFoldedAllocationForFileNames() {
        for order in Self.allOrders([("Models/Abc", false), ("Models/ABC", false), ("Models/abc", false)]) {
            #expect(Self.allocate(order, member: false, foldCase: true)
                    == ["Models/ABC": "Models/ABC", "Models/Abc": "Models/Abc2", "Models/abc": "Models/abc3"])
        }
    }
}
