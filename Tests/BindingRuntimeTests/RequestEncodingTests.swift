@_spi(Generated) import BindingRuntime
import Foundation
import Testing

/// `RequestEncoding`: every request media type leaves out `readOnly` properties, through the one
/// entry point (OpenAPI 3.0.3 §4.7.24: readOnly properties "SHOULD NOT be sent as part of the request").
@Suite struct RequestEncodingTests {
    /// Shaped as the generator writes a struct with a readOnly property (`Pet` in Tests/Fixtures/MultiFile).
    struct Pet: Encodable {
        var id: Int64? = 7
        var name = "Rex"
        var tags = ["a", "b"]
        enum CodingKeys: String, CodingKey { case id, name, tags }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            if !encoder.isEncodingRequest { try container.encodeIfPresent(id, forKey: .id) }
            try container.encode(name, forKey: .name)
            try container.encode(tags, forKey: .tags)
        }
    }

    /// A body nesting the readOnly struct, so nested encoders get the direction too.
    struct Adoption: Encodable {
        var pet = Pet()
        var note = "n"
    }

    @Test func jsonFormAndMultipartBodiesLeaveOutReadOnlyProperties() throws {
        let json = try RequestEncoding.encode(Adoption(), as: .json)
        #expect(String(decoding: json.data, as: UTF8.self) == #"{"note":"n","pet":{"name":"Rex","tags":["a","b"]}}"#)
        #expect(json.contentType == nil)

        let form = try RequestEncoding.encode(Adoption(), as: .form())
        #expect(String(decoding: form.data, as: UTF8.self) == "pet[name]=Rex&pet[tags][]=a&pet[tags][]=b&note=n")
        let styled = try RequestEncoding.encode(Pet(), as: .form(encodings: ["tags": .init(style: .form, explode: false)]))
        #expect(String(decoding: styled.data, as: UTF8.self) == "name=Rex&tags=a,b")

        let multipart = try RequestEncoding.encode(Adoption(), as: .multipart())
        let text = String(decoding: multipart.data, as: UTF8.self)
        #expect(multipart.contentType?.hasPrefix("multipart/form-data; boundary=") == true)
        #expect(text.contains(#"name="pet""#) && text.contains(#"{"name":"Rex","tags":["a","b"]}"#))
        #expect(!text.contains(#""id""#), "the readOnly id was sent in a multipart part")
    }

    @Test func theClientCoreEncodersAndFormEncoderGoThroughIt() throws {
        let core = ClientCore(configuration: ClientConfiguration(serverURL: URL(string: "http://localhost")!), transport: NoTransport())
        #expect(String(decoding: try core.encodeJSON(Pet()), as: UTF8.self) == #"{"name":"Rex","tags":["a","b"]}"#)
        #expect(String(decoding: try core.encodeForm(Pet()), as: UTF8.self) == "name=Rex&tags[]=a&tags[]=b")
        #expect(String(decoding: try FormEncoder.encode(Pet()), as: UTF8.self) == "name=Rex&tags[]=a&tags[]=b")
        #expect(!String(decoding: try core.encodeMultipart(Pet()).data, as: UTF8.self).contains(#"name="id""#))
        var body = MultipartBody()
        try body.append(encoding: Pet())
        #expect(!String(decoding: body.data, as: UTF8.self).contains(#"name="id""#))
        // Parameters are part of the request too.
        #expect(try core.parameterValue(Pet()) == .object([.init(key: "name", value: .scalar("Rex", isString: true)),
                                                          .init(key: "tags", value: .array([.scalar("a", isString: true), .scalar("b", isString: true)]))]))
        // The request validation's value, likewise.
        #expect(RequestEncoding.jsonValue(Pet()) == .object(["name": .string("Rex"), "tags": .array([.string("a"), .string("b")])]))
    }

    @Test func withoutARequestDirectionReadOnlyPropertiesAreKept() throws {
        guard case .object(let fields) = try ParameterValue(encoding: Pet()) else { Issue.record("not an object"); return }
        #expect(fields.map(\.key) == ["id", "name", "tags"])
        #expect(JSONValue(encoding: Pet()) == .object(["id": .integer(7), "name": .string("Rex"), "tags": .array([.string("a"), .string("b")])]))
        #expect(String(decoding: try JSONCoding.encoder().encode(Pet()), as: UTF8.self) == #"{"id":7,"name":"Rex","tags":["a","b"]}"#)
    }
}

/// A transport the encoding tests never call.
private struct NoTransport: ClientTransport {
    func send(_ request: HTTPRequest, body: Data?) async throws -> (HTTPResponse, Data) {
        Issue.record("unexpected send")
        throw URLError(.unsupportedURL)
    }
}
