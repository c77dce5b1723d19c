import BindingRuntime
import Foundation
import FuzzSupport

/// One input: bytes handed to the runtime's JSON parser. It must return a value or a
/// `JSONSyntaxError` at an offset inside the input, never crash; a value it returns, written
/// back as RFC 8259 text, must parse to the same value (integers stay integers, every `Double`
/// survives its shortest representation).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSON(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let data = count == 0 ? Data() : Data(bytes: start!, count: count)
    do {
        let value = try JSONValue.parse(data)
        var text: [UInt8] = []
        write(value, into: &text)
        do {
            let reparsed = try JSONValue.parse(Data(text))
            precondition(reparsed == value, "round trip changed the value: \(value) → \(reparsed)")
        } catch {
            preconditionFailure("the text of a parsed value does not parse: \(error)")
        }
    } catch {
        precondition(error.offset >= 0 && error.offset <= count, "error offset \(error.offset) outside the input of \(count) bytes")
    }
    return 0
}

/// RFC 8259 text for a value: strings escape `"`, `\` and U+0000–U+001F, everything else as UTF-8.
private func write(_ value: JSONValue, into text: inout [UInt8]) {
    switch value {
    case .null: text += Array("null".utf8)
    case .bool(let flag): text += Array((flag ? "true" : "false").utf8)
    case .integer(let integer): text += Array(String(integer).utf8)
    case .number(let number):
        // Swift's description is the shortest round-tripping form; JSON has no "inf"/"nan" and
        // the parser never yields them. A whole number keeps ".0" so it stays a number.
        precondition(number.isFinite)
        text += Array("\(number)".utf8)
    case .string(let string): writeString(string, into: &text)
    case .array(let items):
        text.append(UInt8(ascii: "["))
        for (index, item) in items.enumerated() {
            if index > 0 { text.append(UInt8(ascii: ",")) }
            write(item, into: &text)
        }
        text.append(UInt8(ascii: "]"))
    case .object(let object):
        text.append(UInt8(ascii: "{"))
        for (index, (key, item)) in object.enumerated() {
            if index > 0 { text.append(UInt8(ascii: ",")) }
            writeString(key, into: &text)
            text.append(UInt8(ascii: ":"))
            write(item, into: &text)
        }
        text.append(UInt8(ascii: "}"))
    }
}

private func writeString(_ string: String, into text: inout [UInt8]) {
    text.append(UInt8(ascii: "\""))
    for byte in string.utf8 {
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): text += [UInt8(ascii: "\\"), byte]
        case 0x00..<0x20:
            let hex = Array("0123456789abcdef".utf8)
            text += Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
        default: text.append(byte)
        }
    }
    text.append(UInt8(ascii: "\""))
}

/// `main` (see FuzzSupport).
@_cdecl("FuzzJSON_main")
public func fuzzJSONMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    runFuzzer(argc, argv, fuzzJSON)
}
