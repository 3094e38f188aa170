import Foundation

/// A TCP port on 127.0.0.1 that nothing listens on at the moment of asking: the kernel picks one for a socket bound
/// to port 0, which is then closed. Another process could take it before the daemon binds it; the daemon's log says
/// so if it does.
enum LoopbackPort {
    struct Failure: Error, CustomStringConvertible {
        let call: String
        let code = errno
        var description: String {
            "cannot find a free loopback port: \(call) failed: \(String(cString: strerror(code)))"
        }
    }

    static func free() throws -> Int {
        #if canImport(Glibc)
            let kind = Int32(SOCK_STREAM.rawValue)
        #else
            let kind = SOCK_STREAM
        #endif
        let socketFD = socket(AF_INET, kind, 0)
        guard socketFD >= 0 else { throw Failure(call: "socket") }
        defer { close(socketFD) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socketFD, $0, length) }
        }
        guard bound == 0 else { throw Failure(call: "bind") }
        let named = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socketFD, $0, &length) }
        }
        guard named == 0 else { throw Failure(call: "getsockname") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
