import BindgenCore
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
}
