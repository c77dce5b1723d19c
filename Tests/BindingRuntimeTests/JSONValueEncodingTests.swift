@_spi(Generated) import BindingRuntime
import Foundation
import Testing

/// `JSONValue(encoding:)` builds the value directly; it must equal what `JSONCoding.encoder()`'s
/// text parses back to (the way validation saw values before), for every kind of value.
@Suite struct JSONValueEncodingTests {
    static func viaText<T: Encodable>(_ value: T, encoder: JSONEncoder = JSONCoding.encoder()) -> JSONValue {
        guard let data = try? encoder.encode(value), let parsed = try? JSONValue.parse(data) else { return .null }
        return parsed
    }

    struct Scalars: Encodable {
        var bool = true
        var string = "a \"quoted\" / text é"
        var int = Int.min
        var int8 = Int8.max, int16 = Int16.min, int32 = Int32.max, int64 = Int64.min
        var uint = UInt.max, uint8 = UInt8.max, uint16 = UInt16.max, uint32 = UInt32.max, uint64 = UInt64.max
        var smallUInt64: UInt64 = 42
        var doubles: [Double] = [0, -0.0, 1, 2.5, 0.1, 1e15, 1e16, 1e17, 9_007_199_254_740_992, 123_456_789_012, 1e-7, .leastNonzeroMagnitude, -1.5e300,
                                 .greatestFiniteMagnitude, 0.30000000000000004]
        var floats: [Float] = [0.1, 1, 3.4e38, 1e-3]
        var decimal = Decimal(string: "12.50")!
        var bigDecimal = Decimal(string: "123456789012345678901234567890")!
        var date = Date(timeIntervalSince1970: 1_767_225_600.25)
        var data = Data([0, 1, 2, 250])
        var url = URL(string: "https://example.com/a?b=c")!
        var optional: String? = nil
        var nullable: Nullable<Int> = .null
        var nested: [String: [Int?]] = ["x": [1, nil, 3], "y": []]
        var intKeyed: [Int: String] = [1: "one", 20: "twenty"]
        var uuid = UUID(uuidString: "E621E1F8-C36C-495A-93FC-0C247A3E6E5F")!
        var calendarDate = CalendarDate(year: 2026, month: 3, day: 30)!
        var json: JSONValue = .object(["n": .number(2.0), "i": .integer(3), "a": .array([.null, .bool(false), .string("s")])])

        enum CodingKeys: String, CodingKey {
            case bool, string, int, int8, int16, int32, int64, uint, uint8, uint16, uint32, uint64, smallUInt64, doubles, floats, decimal, bigDecimal
            case date, data, url, nullable, nested, intKeyed, uuid, calendarDate, json
            case optional
        }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(bool, forKey: .bool); try container.encode(string, forKey: .string); try container.encode(int, forKey: .int)
            try container.encode(int8, forKey: .int8); try container.encode(int16, forKey: .int16); try container.encode(int32, forKey: .int32)
            try container.encode(int64, forKey: .int64); try container.encode(uint, forKey: .uint); try container.encode(uint8, forKey: .uint8)
            try container.encode(uint16, forKey: .uint16); try container.encode(uint32, forKey: .uint32); try container.encode(uint64, forKey: .uint64)
            try container.encode(smallUInt64, forKey: .smallUInt64); try container.encode(doubles, forKey: .doubles); try container.encode(floats, forKey: .floats)
            try container.encode(decimal, forKey: .decimal); try container.encode(bigDecimal, forKey: .bigDecimal); try container.encode(date, forKey: .date)
            try container.encode(data, forKey: .data); try container.encode(url, forKey: .url); try container.encodeIfPresent(optional, forKey: .optional)
            try container.encode(nullable, forKey: .nullable); try container.encode(nested, forKey: .nested); try container.encode(intKeyed, forKey: .intKeyed)
            try container.encode(uuid, forKey: .uuid); try container.encode(calendarDate, forKey: .calendarDate); try container.encode(json, forKey: .json)
            // A nested container and a super encoder, as hand-written coding may use.
            var inner = container.nestedContainer(keyedBy: CodingKeys.self, forKey: .optional)
            try inner.encode(1.0, forKey: .doubles)
            var list = inner.nestedUnkeyedContainer(forKey: .floats)
            try list.encode(2)
            try list.encodeNil()
            try Nothing().encode(to: container.superEncoder(forKey: .bool))
        }
    }

    /// Encodes nothing: `{}` when nested, a failure at the top level.
    struct Nothing: Encodable { func encode(to encoder: any Encoder) throws {} }

    struct NotANumber: Encodable { var value = [1, Double.nan] }

    @Test func matchesTheJSONEncodersTextReadBack() throws {
        let scalars = Scalars()
        let direct = JSONValue(encoding: scalars)
        #expect(direct != .null)
        #expect(direct == Self.viaText(scalars))
        for value in [1.0, 1e16, 0.1, -0.0, 1e-7, 9.007199254740993e15] {
            #expect(JSONValue(encoding: value) == Self.viaText(value), "\(value)")
        }
        #expect(JSONValue(encoding: 2.0) == .integer(2))
        #expect(JSONValue(encoding: 0.5) == .number(0.5))
        #expect(JSONValue(encoding: UInt64.max) == .number(Double(UInt64.max)))
        #expect(JSONValue(encoding: "top") == .string("top"))
        #expect(JSONValue(encoding: [Nothing()]) == Self.viaText([Nothing()]))
        #expect(JSONValue(encoding: [Nothing()]) == .array([.object([:])]))
    }

    @Test func whatTheJSONEncoderRefusesIsNull() {
        #expect(JSONValue(encoding: NotANumber()) == .null)
        #expect(Self.viaText(NotANumber()) == .null)
        #expect(JSONValue(encoding: Nothing()) == .null)
        #expect(JSONValue(encoding: Double.infinity) == .null)
    }

    struct ReadOnly: Encodable {
        var id = 1, name = "n"
        enum CodingKeys: String, CodingKey { case id, name }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            if !encoder.isEncodingRequest { try container.encode(id, forKey: .id) }
            try container.encode(name, forKey: .name)
        }
    }

    @Test func theRequestDirectionMatchesTheRequestEncoder() {
        #expect(JSONValue(encoding: ReadOnly(), direction: .request) == Self.viaText(ReadOnly(), encoder: JSONCoding.requestEncoder()))
        #expect(JSONValue(encoding: ReadOnly(), direction: .request) == .object(["name": .string("n")]))
        #expect(JSONValue(encoding: ReadOnly()) == .object(["id": .integer(1), "name": .string("n")]))
    }
}
