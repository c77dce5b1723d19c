@_spi(Generated) import BindingRuntime
import Foundation
import Testing

/// The OpenAPI Specification's own table (3.1.1 §4.8.12.4 "Style Examples"; 3.0.3 "Style
/// Values"): the parameter `color` as the string "blue", the array ["blue", "black", "brown"]
/// and the object { "R": 100, "G": 200, "B": 150 }, for every style and explode value.
/// 3.1.1 aligned `label` with RFC 6570 (`.blue,black,brown` without explode; 3.0.3 printed
/// `.blue.black.brown`); these cells follow 3.1.1. Cells the specification marks n/a hold the
/// documented fallback of `ParameterEncoding` (marked "n/a:").
@Suite struct ParameterStyleTableTests {
    struct Color: Encodable { var R = 100, G = 200, B = 150 }

    enum Location { case path, query }

    struct Row: CustomTestStringConvertible {
        var style: ParameterStyle
        var explode: Bool
        var location: Location
        var empty: String
        var string: String
        var array: String
        var object: String
        var testDescription: String { "\(style) explode: \(explode)" }
    }

    static let rows: [Row] = [
        Row(style: .matrix, explode: false, location: .path, empty: ";color", string: ";color=blue", array: ";color=blue,black,brown", object: ";color=R,100,G,200,B,150"),
        Row(style: .matrix, explode: true, location: .path, empty: ";color", string: ";color=blue", array: ";color=blue;color=black;color=brown", object: ";R=100;G=200;B=150"),
        Row(style: .label, explode: false, location: .path, empty: ".", string: ".blue", array: ".blue,black,brown", object: ".R,100,G,200,B,150"),
        Row(style: .label, explode: true, location: .path, empty: ".", string: ".blue", array: ".blue.black.brown", object: ".R=100.G=200.B=150"),
        Row(style: .simple, explode: false, location: .path, empty: "", string: "blue", array: "blue,black,brown", object: "R,100,G,200,B,150"),
        Row(style: .simple, explode: true, location: .path, empty: "", string: "blue", array: "blue,black,brown", object: "R=100,G=200,B=150"),
        Row(style: .form, explode: false, location: .query, empty: "color=", string: "color=blue", array: "color=blue,black,brown", object: "color=R,100,G,200,B,150"),
        Row(style: .form, explode: true, location: .query, empty: "color=", string: "color=blue", array: "color=blue&color=black&color=brown", object: "R=100&G=200&B=150"),
        // n/a: empty and string cells (sent as form).
        Row(style: .spaceDelimited, explode: false, location: .query, empty: "color=", string: "color=blue", array: "color=blue%20black%20brown", object: "color=R%20100%20G%20200%20B%20150"),
        // n/a: the whole row (sent as form, exploded).
        Row(style: .spaceDelimited, explode: true, location: .query, empty: "color=", string: "color=blue", array: "color=blue&color=black&color=brown", object: "R=100&G=200&B=150"),
        Row(style: .pipeDelimited, explode: false, location: .query, empty: "color=", string: "color=blue", array: "color=blue|black|brown", object: "color=R|100|G|200|B|150"),
        Row(style: .pipeDelimited, explode: true, location: .query, empty: "color=", string: "color=blue", array: "color=blue&color=black&color=brown", object: "R=100&G=200&B=150"),
        // n/a: empty, string and array cells (sent in bracket form).
        Row(style: .deepObject, explode: true, location: .query, empty: "color=", string: "color=blue", array: "color[]=blue&color[]=black&color[]=brown", object: "color[R]=100&color[G]=200&color[B]=150"),
    ]

    func serialized(_ value: ParameterValue, _ row: Row) -> String {
        switch row.location {
        case .path: return ParameterEncoding.path("color", value, style: row.style, explode: row.explode)
        // The table prints `[`, `]` and `|` as they are; in a URI query they are percent-encoded (RFC 3986 §3.4).
        case .query:
            return ParameterEncoding.query("color", value, style: row.style, explode: row.explode).joined(separator: "&")
                .replacingOccurrences(of: "%5B", with: "[").replacingOccurrences(of: "%5D", with: "]").replacingOccurrences(of: "%7C", with: "|")
        }
    }

    @Test(arguments: rows) func everyCellOfTheSpecificationTable(_ row: Row) throws {
        #expect(serialized(try ParameterValue(encoding: ""), row) == row.empty)
        #expect(serialized(try ParameterValue(encoding: "blue"), row) == row.string)
        #expect(serialized(try ParameterValue(encoding: ["blue", "black", "brown"]), row) == row.array)
        #expect(serialized(try ParameterValue(encoding: Color()), row) == row.object)
    }

    @Test func headersAreSimpleAndNotPercentEncoded() throws {
        #expect(ParameterEncoding.header(try ParameterValue(encoding: ["blue", "black"])) == "blue,black")
        #expect(ParameterEncoding.header(try ParameterValue(encoding: Color()), explode: true) == "R=100,G=200,B=150")
        #expect(ParameterEncoding.header(try ParameterValue(encoding: Color())) == "R,100,G,200,B,150")
        #expect(ParameterEncoding.header(try ParameterValue(encoding: "a b/c")) == "a b/c")
    }

    @Test func cookiesAreForm() throws {
        #expect(ParameterEncoding.cookie("color", try ParameterValue(encoding: "blue")) == ["color=blue"])
        #expect(ParameterEncoding.cookie("color", try ParameterValue(encoding: ["blue", "black"]), explode: false) == ["color=blue,black"])
        #expect(ParameterEncoding.cookie("color", try ParameterValue(encoding: ["blue", "black"])) == ["color=blue", "color=black"])
        #expect(ParameterEncoding.cookie("color", try ParameterValue(encoding: Color())) == ["R=100", "G=200", "B=150"])
    }

    @Test func valuesArePercentEncodedUnlessReservedIsAllowed() throws {
        let value = try ParameterValue(encoding: ["a,b", "c&d=e", "f/g h"])
        #expect(ParameterEncoding.query("q", value, explode: false) == ["q=a%2Cb,c%26d%3De,f%2Fg%20h"])
        #expect(ParameterEncoding.query("q", try ParameterValue(encoding: "a/b?c d"), allowReserved: true) == ["q=a/b?c%20d"])
        #expect(ParameterEncoding.path("p", try ParameterValue(encoding: "a/b"), style: .label) == ".a%2Fb")
    }

    @Test func nestedDeepObjectsUseBrackets() throws {
        struct Range: Encodable { var gte: Int?; var lt: Int? }
        struct Filter: Encodable { var created: Range; var tags: [String] }
        let value = try ParameterValue(encoding: Filter(created: Range(gte: 1, lt: nil), tags: ["x"]))
        #expect(ParameterEncoding.query("filter", value, style: .deepObject) == ["filter%5Bcreated%5D%5Bgte%5D=1", "filter%5Btags%5D%5B%5D=x"])
        #expect(ParameterEncoding.query("created", try ParameterValue(encoding: ["lte": 5, "gte": 2]), style: .deepObject)
            == ["created%5Bgte%5D=2", "created%5Blte%5D=5"])
    }
}

@Suite struct RequestBodyEncodingTests {
    struct LineItem: Encodable { var price: String; var quantity: Int }
    struct Checkout: Encodable {
        var mode = "payment"
        var metadata: [String: String] = ["order_id": "6735", "note": "a&b c"]
        var lineItems = [LineItem(price: "price_1", quantity: 2), LineItem(price: "price_2", quantity: 1)]
        var expand = ["customer", "invoice"]
        var amount: Double = 100
        var absent: String? = nil
        enum CodingKeys: String, CodingKey { case mode, metadata, lineItems = "line_items", expand, amount, absent }
    }

    @Test func formBodiesUseTheBracketFormByDefault() throws {
        let text = String(decoding: try FormEncoder.encode(Checkout()), as: UTF8.self)
        #expect(text == "mode=payment&metadata[note]=a%26b%20c&metadata[order_id]=6735&line_items[0][price]=price_1&line_items[0][quantity]=2"
            + "&line_items[1][price]=price_2&line_items[1][quantity]=1&expand[]=customer&expand[]=invoice&amount=100")
    }

    @Test func formBodiesFollowTheEncodingObject() throws {
        let encodings: [String: BodyFieldEncoding] = ["expand": .init(style: .form, explode: false), "metadata": .init(style: .form, explode: true)]
        let text = String(decoding: try FormEncoder.encode(Checkout(lineItems: []), encodings: encodings), as: UTF8.self)
        #expect(text == "mode=payment&note=a%26b%20c&order_id=6735&expand=customer,invoice&amount=100")
        #expect(throws: EncodingError.self) { try FormEncoder.encode(["a", "b"]) }
    }

    struct Upload: Encodable {
        var file: MultipartFile
        var purpose: String
        var options: [String: Int]
        var tags: [String]
    }

    @Test func multipartBodiesHaveTypedParts() throws {
        var body = MultipartBody(boundary: "XyZ")
        let upload = Upload(file: MultipartFile(Data("hello".utf8), fileName: "a\"b.txt", contentType: "text/plain"), purpose: "fine-tune",
                            options: ["n": 1], tags: ["x", "y"])
        try body.append(encoding: upload, encodings: ["purpose": .init(contentType: "text/plain")])
        let expected = "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a%22b.txt\"\r\nContent-Type: text/plain\r\n\r\nhello\r\n"
            + "--XyZ\r\nContent-Disposition: form-data; name=\"purpose\"\r\n\r\nfine-tune\r\n"
            + "--XyZ\r\nContent-Disposition: form-data; name=\"options\"\r\nContent-Type: application/json\r\n\r\n{\"n\":1}\r\n"
            + "--XyZ\r\nContent-Disposition: form-data; name=\"tags\"\r\n\r\nx\r\n"
            + "--XyZ\r\nContent-Disposition: form-data; name=\"tags\"\r\n\r\ny\r\n--XyZ--\r\n"
        #expect(String(decoding: body.data, as: UTF8.self) == expected)
        #expect(MultipartBody().boundary != MultipartBody().boundary)
        #expect(MultipartBody().boundary.count <= 70)
    }

    @Test func headerValuesWithLineBreaksThrow() throws {
        let core = ClientCore(configuration: ClientConfiguration(serverURL: URL(string: "https://example.com")!), transport: RecordingTransport())
        var request = core.makeRequest(method: .get, path: "/x")
        #expect(throws: InvalidHeaderValueError.self) { try core.setHeader("X-Note", "a\r\nInjected: 1", in: &request, operationID: "op") }
        #expect(request.headerFields[HTTPField.Name("X-Note")!] == nil)
        try core.setHeader("X-Note", "fine", in: &request, operationID: "op")
        #expect(request.headerFields[HTTPField.Name("X-Note")!] == "fine")
        var part = MultipartBody()
        #expect(throws: InvalidHeaderValueError.self) {
            try part.append("f", .file(MultipartFile(Data(), headers: ["X-A": "1\n2"])))
        }
    }
}
