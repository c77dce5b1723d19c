import BindingRuntime
import Foundation
import MultiFileFixture
import Testing

/// The multi-file fixture's module: open objects keep unknown members, readOnly/writeOnly follow
/// the direction, defaults become initializer defaults, patternProperties are enforced.
@Suite struct MultiFileFixtureTests {
    let decoder = JSONCoding.decoder(timeZone: TimeZone(identifier: "UTC")!)

    func json(_ data: Data) throws -> JSONValue { try JSONValue.parse(data) }

    @Test func extraKeysSurviveDecodeThenEncode() throws {
        let text = #"{"color":"red","friend":{"name":"Rex","price":{"amount":"1","currency":"USD"},"toy":[1,{"b":null}]},"id":7,"name":"Tom","#
            + #""price":{"amount":"12.50","currency":"EUR","tax":1.5},"tags":{"size":"s"}}"#
        let pet = try decoder.decode(Pet.self, from: Data(text.utf8))
        #expect(pet.additionalProperties == ["color": .string("red")])
        #expect(pet.price.additionalProperties == ["tax": 1.5])
        #expect(pet.friend?.additionalProperties["toy"] == .array([.integer(1), .object(["b": .null])]))
        #expect(pet.tags == ["size": "s"])
        let encoded = try JSONCoding.encoder().encode(pet)
        #expect(try json(encoded) == json(Data(text.utf8)))
        // A declared property is never written twice, even when the map holds its name.
        var clash = pet
        clash.additionalProperties["name"] = .string("other")
        let object = try json(JSONCoding.encoder().encode(clash))
        guard case .object(let members) = object else { Issue.record("not an object"); return }
        #expect(members["name"] == .string("Tom"))
    }

    @Test func readOnlyIsNotSentNorRequiredInRequests() throws {
        var pet = Pet(name: "Tom", password: "secret", price: Money(amount: "3"))
        // Defaults of the schema are the initializer's defaults.
        #expect(pet.status == "available")
        #expect(pet.legs == 4)
        #expect(pet.price.currency == "EUR")
        #expect(pet.id == nil)
        // Required readOnly `id` is missing: fine for a request, not for a value that must hold both.
        try pet.validate(for: .request)
        #expect(throws: ValidationErrors.self) { try pet.validate() }
        pet.id = 9
        let request = String(decoding: try JSONCoding.requestEncoder().encode(pet), as: UTF8.self)
        #expect(!request.contains(#""id""#))
        #expect(request.contains(#""password":"secret""#))
        let plain = String(decoding: try JSONCoding.encoder().encode(pet), as: UTF8.self)
        #expect(plain.contains(#""id":9"#))
    }

    @Test func writeOnlyIsNotRequiredInResponses() throws {
        let body = Data(#"{"id":1,"name":"Tom","price":{"amount":"3","currency":"EUR"}}"#.utf8)
        let pet = try decoder.decode(Pet.self, from: body)
        #expect(pet.password == nil)
        #expect(Pet.validationSchema.validate(try json(body), direction: .response).isEmpty)
        let missing = Pet.validationSchema.validate(try json(body), direction: .request)
        #expect(missing.map(\.limit) == ["password"])
        // Without `id` in a response: required there.
        let noID = Data(#"{"name":"Tom","price":{"amount":"3","currency":"EUR"}}"#.utf8)
        #expect(Pet.validationSchema.validate(try json(noID), direction: .response).map(\.limit) == ["id"])
    }

    @Test func patternPropertiesAreKeptAndEnforced() throws {
        let labels = try decoder.decode(Labels.self, from: Data(#"{"name":"a","x-color":"red"}"#.utf8))
        #expect(labels.additionalProperties == ["x-color": .string("red")])
        try labels.validate()
        let bad = Labels(name: "a", additionalProperties: ["x-n": .integer(1), "other": .string("s")])
        do {
            try bad.validate()
            Issue.record("expected violations")
        } catch {
            #expect(Set(error.errors.map { "\($0.pointer) \($0.keyword)" }) == ["/x-n type", "/other additionalProperties"])
        }
        // Money's additionalProperties schema: numbers only.
        let money = Money(amount: "1", additionalProperties: ["tax": 2])
        try money.validate()
        #expect(Money.validationSchema.validate(.object(["amount": .string("1"), "currency": .string("EUR"), "tax": .string("x")])).map(\.pointer) == ["/tax"])
    }
}
