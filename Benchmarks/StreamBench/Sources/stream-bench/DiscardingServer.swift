import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A minimal HTTP/1.1 server on 127.0.0.1 that reads each request's body in 64 KiB reads and
/// discards it, keeping only its length and FNV-1a hash, then answers `200 "filestore/<n>"`. It
/// runs on its own thread and holds no body in memory, so the process's peak is the client's.
final class DiscardingServer: @unchecked Sendable {
    let port: UInt16
    private let listener: Int32
    private let lock = NSLock()
    private var received: [(length: Int, hash: UInt64)] = []

    var requests: [(length: Int, hash: UInt64)] { lock.withLock { received } }

    init() throws {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var one: Int32 = 1
        setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        let bound = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        guard bound == 0, listen(listener, 16) == 0 else { throw POSIXError(.EADDRINUSE) }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) } }
        self.listener = listener
        self.port = UInt16(bigEndian: address.sin_port)
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    private func acceptLoop() {
        while true {
            let connection = accept(listener, nil, nil)
            if connection < 0 { return }
            let thread = Thread { [self] in serve(connection) }
            thread.start()
        }
    }

    private func serve(_ connection: Int32) {
        defer { close(connection) }
        var buffer = [UInt8](repeating: 0, count: 64 << 10)
        var pending: [UInt8] = []
        while true {
            // The head.
            var headEnd: Int?
            while headEnd == nil {
                if let end = Self.find([13, 10, 13, 10], in: pending) { headEnd = end; break }
                let count = read(connection, &buffer, buffer.count)
                if count <= 0 { return }
                pending += buffer[0..<count]
            }
            guard let end = headEnd else { return }
            let head = String(decoding: pending[0..<end], as: UTF8.self).lowercased()
            pending.removeFirst(end + 4)
            var remaining = 0
            var chunked = false
            for line in head.split(separator: "\r\n") {
                if line.hasPrefix("content-length:") { remaining = Int(line.dropFirst(15).trimmingCharacters(in: .whitespaces)) ?? 0 }
                if line.hasPrefix("transfer-encoding:"), line.contains("chunked") { chunked = true }
            }
            if head.contains("expect: 100-continue") { _ = "HTTP/1.1 100 Continue\r\n\r\n".withCString { write(connection, $0, strlen($0)) } }
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            var total = 0
            func consume(_ bytes: ArraySlice<UInt8>) {
                for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
                total += bytes.count
            }
            guard !chunked else { return }  // the benchmark's bodies all have a length
            let first = min(remaining, pending.count)
            consume(pending[0..<first])
            pending.removeFirst(first)
            remaining -= first
            while remaining > 0 {
                let count = read(connection, &buffer, min(buffer.count, remaining))
                if count <= 0 { return }
                consume(buffer[0..<count])
                remaining -= count
            }
            lock.withLock { received.append((total, hash)) }
            let body = "\"filestore/\(total)\""
            let reply = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)"
            _ = reply.withCString { write(connection, $0, strlen($0)) }
        }
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        for index in 0...(haystack.count - needle.count) where haystack[index] == needle[0] && Array(haystack[index..<index + needle.count]) == needle {
            return index
        }
        return nil
    }
}

/// FNV-1a, 64-bit.
func fnv1a(_ bytes: some Sequence<UInt8>, into hash: inout UInt64) {
    for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
}
