public import Foundation

/// The JSON coders generated clients use: `date-time` values through `DateTimeFormat`
/// (so decoding never depends on the process's locale or time zone), keys sorted so request
/// bodies are byte-stable.
public enum JSONCoding {
    /// - Parameter timeZone: for date-times without an offset and date-only values.
    public static func decoder(timeZone: TimeZone) -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = DateTimeFormat.date(from: text, timeZone: timeZone) else {
                throw DecodingError.dataCorruptedError(
                    in: container, debugDescription: "'\(text)' is not an RFC 3339 date-time (nor a date-only or offset-less one)")
            }
            return date
        }
        return decoder
    }

    /// `userInfo` key of the direction a value is encoded for (`CodingDirection`).
    public static let directionKey = CodingUserInfoKey(rawValue: "api-bindgen.direction")!

    /// The encoder for request bodies: as `encoder()`, and generated structs leave out their
    /// `readOnly` properties (`Encoder.isEncodingRequest`).
    public static func requestEncoder() -> JSONEncoder {
        let encoder = encoder()
        encoder.userInfo[directionKey] = CodingDirection.request
        return encoder
    }

    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(DateTimeFormat.string(from: date))
        }
        return encoder
    }
}
