import BindingRuntime
import BindingRuntimeAsyncHTTPClient
import EnergyCAP
import Foundation

// Usage: stream-bench --transport urlsession|asynchttpclient --body file|stream|data [--megabytes 100] [--dir /tmp]
//
// Uploads a file of N MB with EnergyCAP v202105 `uploadFile` to an in-process server on
// 127.0.0.1 that discards the bytes as they arrive (checking their count and hash), and prints
// one JSON line: the resident memory before the upload (after a 1 KiB warm-up upload, the peak
// reset there through /proc/self/clear_refs) and the peak (VmHWM) during it, in KiB.
//   file:   `body: .file(url)` (RequestBody, read in chunks)
//   stream: `body: .stream(chunks, length:)` of 256 KiB chunks read from the file
//   data:   `body: try Data(contentsOf: url)` (the whole body in memory: the `Data` overload)

func argument(_ name: String, default value: String) -> String {
    let arguments = CommandLine.arguments
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return value }
    return arguments[index + 1]
}

/// A field of /proc/self/status in KiB (`VmRSS`, `VmHWM`).
func status(_ field: String) -> Int {
    guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return -1 }
    for line in text.split(separator: "\n") where line.hasPrefix(field + ":") {
        return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") ?? -1
    }
    return -1
}

/// Resets VmHWM to the current RSS (Linux ≥ 4.0: `echo 5 > /proc/self/clear_refs`).
func resetPeak() -> Bool {
    guard let handle = FileHandle(forWritingAtPath: "/proc/self/clear_refs") else { return false }
    defer { try? handle.close() }
    return (try? handle.write(contentsOf: Data("5".utf8))) != nil
}

/// The chunks of a file, read 256 KiB at a time (a one-shot sequence for `RequestBody.stream`).
struct FileChunks: AsyncSequence, Sendable {
    typealias Element = Data
    let url: URL
    func makeAsyncIterator() -> Iterator { Iterator(handle: try? FileHandle(forReadingFrom: url)) }
    struct Iterator: AsyncIteratorProtocol {
        let handle: FileHandle?
        mutating func next() async throws -> Data? {
            guard let chunk = try handle?.read(upToCount: 256 << 10), !chunk.isEmpty else { return nil }
            return chunk
        }
    }
}

let transportName = argument("--transport", default: "urlsession")
let bodyKind = argument("--body", default: "file")
let megabytes = Int(argument("--megabytes", default: "100")) ?? 100
let directory = URL(fileURLWithPath: argument("--dir", default: NSTemporaryDirectory()))
let size = megabytes * 1_000_000

// The file, written in 1 MiB pieces (page cache, not this process's memory), and its hash.
let file = directory.appendingPathComponent("stream-bench-\(getpid()).bin")
guard FileManager.default.createFile(atPath: file.path, contents: nil) else { fatalError("stream-bench: cannot create \(file.path)") }
var expectedHash: UInt64 = 0xcbf2_9ce4_8422_2325
do {
    let handle = try FileHandle(forWritingTo: file)
    var written = 0
    var piece = [UInt8](repeating: 0, count: 1 << 20)
    while written < size {
        let count = min(piece.count, size - written)
        for index in 0..<count { piece[index] = UInt8(truncatingIfNeeded: (written + index) &* 2_654_435_761 >> 13) }
        fnv1a(piece[0..<count], into: &expectedHash)
        try handle.write(contentsOf: piece[0..<count])
        written += count
    }
    try handle.close()
}
defer { try? FileManager.default.removeItem(at: file) }

let server = try DiscardingServer()
#if AsyncHTTPClientTransport
let transport: any ClientTransport = transportName == "asynchttpclient" ? AsyncHTTPClientTransport() : URLSessionTransport()
#else
// BindingRuntimeAsyncHTTPClient is empty without its trait (Package.swift); Benchmarks/streaming.sh enables it.
guard transportName != "asynchttpclient" else {
    FileHandle.standardError.write(Data("stream-bench: build with --traits AsyncHTTPClientTransport for --transport asynchttpclient\n".utf8))
    exit(2)
}
let transport: any ClientTransport = URLSessionTransport()
#endif
var configuration = ClientConfiguration(serverURL: URL(string: "http://127.0.0.1:\(server.port)")!)
configuration.timeout = .seconds(600)
let client = EnergyCAPClient(configuration: configuration, apiKey: "k", transport: transport)

// Warm-up: connection, session and event loops exist before the baseline.
_ = try await client.v202105.uploadFile(fileDataTypeID: 17, fileName: "warm-up.bin", body: Data(repeating: 7, count: 1024))

let baseline = status("VmRSS")
let peakReset = resetPeak()
let start = ContinuousClock.now
let reference: String
switch bodyKind {
case "data":
    let data = try Data(contentsOf: file)
    reference = try await client.v202105.uploadFile(fileDataTypeID: 17, fileName: "bench.bin", body: data)
case "stream":
    reference = try await client.v202105.uploadFile(fileDataTypeID: 17, fileName: "bench.bin", body: .stream(FileChunks(url: file), length: size))
default:
    reference = try await client.v202105.uploadFile(fileDataTypeID: 17, fileName: "bench.bin", body: .file(file))
}
let elapsed = start.duration(to: .now)
let peak = status("VmHWM")
let after = status("VmRSS")
guard let last = server.requests.last, last.length == size, last.hash == expectedHash, reference == "filestore/\(size)" else {
    FileHandle.standardError.write(Data("stream-bench: the server did not receive the file intact (\(server.requests.last.map { "\($0.length) bytes" } ?? "nothing"))\n".utf8))
    exit(1)
}
let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
print(#"{"transport":"\#(transportName)","body":"\#(bodyKind)","bytes":\#(size),"baseline_kib":\#(baseline),"peak_kib":\#(peak),"after_kib":\#(after),"peak_above_baseline_kib":\#(peak - baseline),"peak_reset":\#(peakReset),"seconds":\#(String(format: "%.3f", seconds))}"#)
