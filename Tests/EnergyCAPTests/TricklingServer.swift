import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A raw HTTP/1.1 server on 127.0.0.1 that answers every request with a 200 head and then writes
/// its body `chunk` bytes at a time, `interval` apart, until `total` bytes are sent or the client
/// goes away. It records how many bytes it sent and whether the client closed the connection
/// before the end, so a test can check that a timeout or a cancellation really stopped the transfer.
///
/// Descriptors: the accept thread alone closes the listening socket, after its last `accept`
/// (`stop()` only shuts it down), and every accepted connection is closed by the thread that got
/// it. A descriptor number is reused by the process as soon as it is closed; an accept thread
/// that started late and called `accept` on a number `stop()` had already closed took the
/// connections of whichever socket got that number next (another loopback server's), and left
/// them open without an answer: a later test's call then waited for its timeout, which looked
/// like a cancelled URLSession transfer holding up other calls.
final class TricklingServer: @unchecked Sendable {
    struct State: Sendable {
        var connections = 0
        var requestHeads: [String] = []
        /// Body bytes written, over all connections.
        var bodyBytesSent = 0
        /// A write failed (the client closed the connection) before `total` bytes were sent.
        var clientWentAway = false
        var finishedSending = false
    }

    let port: UInt16
    private let listener: Int32
    private let lock = NSLock()
    private var state = State()
    private var stopped = false

    /// - Parameters:
    ///   - total: body bytes to send.
    ///   - chunk: bytes per write.
    ///   - interval: seconds between writes.
    ///   - declaresLength: send `Content-Length: total` (else the body ends when the connection closes).
    init(total: Int, chunk: Int, interval: TimeInterval, declaresLength: Bool) throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.EIO) }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        guard bound == 0, listen(fd, 8) == 0 else {
            close(fd)
            throw POSIXError(.EADDRINUSE)
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
        port = UInt16(bigEndian: address.sin_port)
        listener = fd
        let thread = Thread { [weak self] in
            // The listener is closed here, after the last use of its number.
            defer { close(fd) }
            while true {
                // No strong reference across the blocking `accept`, so `deinit` can stop the server.
                guard self?.isStopped == false else { return }
                let connection = accept(fd, nil, nil)
                // After `stop()`'s shutdown, `accept` fails (EINVAL) or a connection that raced it is dropped.
                guard connection >= 0 else { return }
                guard let server = self, !server.isStopped else {
                    close(connection)
                    return
                }
                Thread { server.serve(connection, total: total, chunk: chunk, interval: interval, declaresLength: declaresLength) }.start()
            }
        }
        thread.start()
    }

    deinit { stop() }

    private var isStopped: Bool { lock.withLock { stopped } }

    var url: URL { URL(string: "http://127.0.0.1:\(port)")! }

    var snapshot: State { lock.withLock { state } }

    /// Waits (polling, up to `seconds`) until `condition` holds of the state.
    func wait(upTo seconds: TimeInterval = 10, until condition: (State) -> Bool) async -> State {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            let current = snapshot
            if condition(current) { return current }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return snapshot
    }

    /// Stops accepting: the listening socket is shut down (so a blocked or later `accept` fails
    /// at once) but not closed here; the accept thread closes it. Connections being served end
    /// at their next write.
    func stop() {
        let first: Bool = lock.withLock {
            defer { stopped = true }
            return !stopped
        }
        if first { shutdown(listener, Int32(SHUT_RDWR)) }
    }

    private func serve(_ connection: Int32, total: Int, chunk: Int, interval: TimeInterval, declaresLength: Bool) {
        defer { close(connection) }
        lock.withLock { state.connections += 1 }
        var head = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while !head.suffix(4).elementsEqual([13, 10, 13, 10]) {
            let count = recv(connection, &buffer, buffer.count, 0)
            if count <= 0 { return }
            head += buffer[0..<count]
        }
        lock.withLock { state.requestHeads.append(String(decoding: head, as: UTF8.self)) }
        var response = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n"
        if declaresLength { response += "Content-Length: \(total)\r\n" }
        response += "\r\n"
        guard write(connection, Array(response.utf8)) else { return }
        var sent = 0
        while sent < total {
            if lock.withLock({ stopped }) { return }
            let piece = [UInt8](repeating: UInt8(ascii: " "), count: min(chunk, total - sent))
            guard write(connection, piece) else {
                lock.withLock { state.clientWentAway = true }
                return
            }
            sent += piece.count
            lock.withLock { state.bodyBytesSent += piece.count }
            if interval > 0 { Thread.sleep(forTimeInterval: interval) }
        }
        lock.withLock { state.finishedSending = true }
    }

    private func write(_ connection: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let count = bytes[offset...].withUnsafeBytes { send(connection, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if count <= 0 { return false }
            offset += count
        }
        return true
    }
}

/// A plain TCP connection to 127.0.0.1, for sending a request head by hand.
struct RawConnection {
    let descriptor: Int32

    init(port: UInt16) throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.EIO) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        guard connected == 0 else {
            closeDescriptor(fd)
            throw POSIXError(.ECONNREFUSED)
        }
        descriptor = fd
    }

    func send(_ text: String) throws {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let count = bytes[offset...].withUnsafeBytes { sendBytes(descriptor, $0) }
            guard count > 0 else { throw POSIXError(.EPIPE) }
            offset += count
        }
    }

    func close() { closeDescriptor(descriptor) }
}

/// The C functions, under names `RawConnection`'s methods do not hide.
private func closeDescriptor(_ descriptor: Int32) { _ = close(descriptor) }
private func sendBytes(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Int {
    send(descriptor, bytes.baseAddress, bytes.count, Int32(MSG_NOSIGNAL))
}
