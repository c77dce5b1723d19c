import BindingRuntime
import Foundation
import Testing
import UnionsFixture

/// Tests/Fixtures/Unions: unions decode to the right case from real payload shapes and encode
/// back to the same JSON; nulls survive in every position.
@Suite struct UnionsFixtureTests {
    static let decoder = JSONCoding.decoder(timeZone: TimeZone(identifier: "UTC")!)

    static func decode<T: Decodable>(_ type: T.Type, _ json: String) throws -> T {
        try decoder.decode(T.self, from: Data(json.utf8))
    }

    static func json(_ value: some Encodable) throws -> JSONValue {
        try JSONValue.parse(JSONCoding.encoder().encode(value))
    }

    @Test func discriminatedUnionPicksByTheDiscriminator() throws {
        let card = try Self.decode(PaymentMethod.self, #"{"object":"card","last4":"4242","brand":"visa"}"#)
        #expect(card == .card(Card(object: "card", last4: "4242", brand: "visa")))
        let bank = try Self.decode(PaymentMethod.self, #"{"object":"bank_account","routingNumber":"110000000"}"#)
        #expect(bank == .bankAccount(BankAccount(object: "bank_account", routingNumber: "110000000")))
        try card.validate()
    }

    @Test func unlistedDiscriminatorValueRoundTripsAsTheSameJSON() throws {
        // A variant the server added after this spec: kept whole, encoded back unchanged.
        let text = #"{"object":"sepa_debit","sepa_debit":{"country":"DE","last4":"3000"},"livemode":false,"id":"pm_1"}"#
        let value = try Self.decode(PaymentMethod.self, text)
        guard case .unknown(let raw) = value else {
            Issue.record("expected .unknown, got \(value)")
            return
        }
        #expect(raw == (try JSONValue.parse(Data(text.utf8))))
        #expect(try Self.json(value) == (try JSONValue.parse(Data(text.utf8))))
    }

    @Test func undiscriminatedOneOfPicksWhatValidatesWhateverTheOrder() throws {
        // Both structs decode from any object with the other's keys missing only if optional: here
        // `radius` and `side` are required, so exactly one alternative validates.
        let circle = #"{"radius":2,"label":"c"}"#, square = #"{"side":3}"#
        #expect(try Self.decode(Shape.self, circle) == .circle(Circle(radius: 2, label: "c")))
        #expect(try Self.decode(ShapeReversed.self, circle) == .circle(Circle(radius: 2, label: "c")))
        #expect(try Self.decode(Shape.self, square) == .square(Square(side: 3)))
        #expect(try Self.decode(ShapeReversed.self, square) == .square(Square(side: 3)))
        // Both match (breaks `oneOf`): unknown, and validate() says so.
        let both = try Self.decode(Shape.self, #"{"radius":1,"side":1}"#)
        #expect(both == .unknown(.object(["radius": .integer(1), "side": .integer(1)])))
        #expect(throws: ValidationErrors.self) { try both.validate() }
        let none = try Self.decode(Shape.self, #"{"label":"x"}"#)
        #expect(none == .unknown(.object(["label": .string("x")])))
        #expect(throws: ValidationErrors.self) { try none.validate() }
    }

    @Test func expandableFieldAndTypeArrayUnions() throws {
        #expect(try Self.decode(ExpandableCustomer.self, #""cus_1""#) == .string("cus_1"))
        #expect(try Self.decode(ExpandableCustomer.self, #"{"id":"cus_1","name":"Ann"}"#) == .customer(Customer(id: "cus_1", name: "Ann")))
        #expect(try Self.decode(IntegerOrString.self, "42") == .integer(42))
        #expect(try Self.decode(IntegerOrString.self, #""42""#) == .string("42"))
        #expect(try Self.json(IntegerOrString.integer(7)) == .integer(7))
    }

    @Test func nullsInArraysMapsAndProperties() throws {
        let text = #"{"customers":[{"id":"a"},null],"note":null,"nickname":null,"scores":{"a":1,"b":null},"contact":{"email":"x@example.com"}}"#
        let holder = try Self.decode(Holder.self, text)
        #expect(holder.customers == [Customer(id: "a"), nil])
        #expect(holder.scores == ["a": 1, "b": nil])
        #expect(holder.note == nil)
        #expect(holder.nickname == .null)
        #expect(holder.contact == .emailContact(Holder.Contact.EmailContact(email: "x@example.com")))
        #expect(try Self.json(holder) == (try JSONValue.parse(Data(text.utf8))))
        // Absent stays absent; the required nullable `note` is sent as null.
        let absent = try Self.decode(Holder.self, #"{"customers":[],"note":"n","scores":{}}"#)
        #expect(absent.nickname == nil)
        let built = Holder(note: nil, customers: [nil], scores: ["z": nil], nickname: "Bo", code: .integer(1))
        #expect(try Self.json(built) == .object([
            "note": .null, "customers": .array([.null]), "scores": .object(["z": .null]), "nickname": .string("Bo"), "code": .integer(1),
        ]))
        try built.validate()
    }
}
