import BindingRuntime
import Foundation
import NamesFixture
import Testing

/// The competing names of `Tests/Fixtures/Names` compile, and each Swift name reads and writes
/// its own wire name.
@Suite struct NamesFixtureTests {
    @Test func eachSwiftNameKeepsItsWireName() throws {
        let json = #"{"firstName":"a","first_name":"b","FirstName":"c","first-name":"d","über":"e","naïve":true,"名前":"f","init":"g","default":"h","status":"active","Status":{"since":"2024-01-02"},"sign":"-1"}"#
        let person = try JSONCoding.decoder(timeZone: TimeZone(identifier: "UTC")!).decode(Person.self, from: Data(json.utf8))
        #expect([person.firstName, person.firstName2, person.firstName3, person.firstName4] == ["a", "c", "d", "b"])
        #expect(person.uber == "e" && person.naive == true && person.u540D_u524D == "f" && person.init2 == "g" && person.default == "h")
        #expect(person.status == .active)
        #expect(person.status2?.since == CalendarDate(year: 2024, month: 1, day: 2))
        #expect(person.sign == ._1_2)
        #expect(Sign(rawValue: "+1") == ._1 && Sign(rawValue: "unknown") == .unknown2 && Sign(rawValue: "Unknown") == .unknown3)
        #expect(Sign(rawValue: "other") == .unknown("other"))
        let _: (NullTime, NullTime2, NullTime3, ABC, Abc, ErrorModel, Grosse, U540D_u524D) =
            (NullTime(), "", 1, ABC(), Abc(), ErrorModel(), Grosse(), "")
    }
}
