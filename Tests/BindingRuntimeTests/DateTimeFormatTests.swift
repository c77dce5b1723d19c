import BindingRuntime
import Foundation
import Testing

@Suite struct DateTimeFormatTests {
    let utc = TimeZone(identifier: "UTC")!

    @Test(arguments: [
        ("1970-01-01T00:00:00Z", 0.0),
        ("2026-03-30T10:00:00Z", 1_774_864_800.0),
        ("2026-03-30t10:00:00z", 1_774_864_800.0),
        ("2026-03-30 10:00:00Z", 1_774_864_800.0),
        ("2026-03-30T10:00:00.25Z", 1_774_864_800.25),
        ("2026-03-30T10:00:00,25Z", 1_774_864_800.25),
        ("2026-03-30T12:00:00+02:00", 1_774_864_800.0),
        ("2026-03-30T12:00:00+0200", 1_774_864_800.0),
        ("2026-03-30T12:00:00+02", 1_774_864_800.0),
        ("2026-03-30T10:00", 1_774_864_800.0),
        ("2026-03-30", 1_774_828_800.0),
        ("1969-12-31T23:59:59Z", -1.0),
        ("2024-02-29T00:00:00Z", 1_709_164_800.0),
    ])
    func parses(text: String, seconds: Double) {
        #expect(DateTimeFormat.date(from: text, timeZone: utc)?.timeIntervalSince1970 == seconds)
    }

    @Test(arguments: ["", "2026", "2026-13-01", "2026-02-30", "2026-03-30T25:00:00Z", "2026-03-30T10:00:00Q", "2026-03-30T10:00:00+2", "2026-03-30X10:00", "2026-03-30T10:00:00.Z"])
    func rejects(text: String) {
        #expect(DateTimeFormat.date(from: text, timeZone: utc) == nil)
    }

    @Test func formatsUTCWithFractionOnlyWhenPresent() {
        #expect(DateTimeFormat.string(from: Date(timeIntervalSince1970: 1_774_864_800)) == "2026-03-30T10:00:00Z")
        #expect(DateTimeFormat.string(from: Date(timeIntervalSince1970: 1_774_864_800.25)) == "2026-03-30T10:00:00.25Z")
        #expect(DateTimeFormat.string(from: Date(timeIntervalSince1970: -1)) == "1969-12-31T23:59:59Z")
    }

    @Test func offsetlessValuesUseTheGivenZoneIncludingDST() throws {
        let berlin = try #require(TimeZone(identifier: "Europe/Berlin"))
        // CET (UTC+1) in winter, CEST (UTC+2) in summer.
        #expect(DateTimeFormat.date(from: "2026-01-15T12:00:00", timeZone: berlin) == DateTimeFormat.date(from: "2026-01-15T11:00:00Z", timeZone: utc))
        #expect(DateTimeFormat.date(from: "2026-07-15T12:00:00", timeZone: berlin) == DateTimeFormat.date(from: "2026-07-15T10:00:00Z", timeZone: utc))
        #expect(DateTimeFormat.date(from: "2026-07-15", timeZone: berlin) == DateTimeFormat.date(from: "2026-07-14T22:00:00Z", timeZone: utc))
    }

    @Test func calendarDates() throws {
        #expect(CalendarDate("2026-03-30")?.description == "2026-03-30")
        #expect(CalendarDate("2026-02-29") == nil)
        #expect(CalendarDate("2024-02-29") != nil)
        #expect(CalendarDate("26-03-30") == nil)
        let date = try #require(CalendarDate(year: 2026, month: 3, day: 30))
        #expect(CalendarDate(daysSinceEpoch: date.daysSinceEpoch) == date)
        #expect(CalendarDate(year: 1970, month: 1, day: 1)?.daysSinceEpoch == 0)
        let decoded = try JSONDecoder().decode([CalendarDate].self, from: Data(#"["2026-03-30"]"#.utf8))
        #expect(decoded == [date])
        #expect(String(decoding: try JSONEncoder().encode(decoded), as: UTF8.self) == #"["2026-03-30"]"#)
    }
}
