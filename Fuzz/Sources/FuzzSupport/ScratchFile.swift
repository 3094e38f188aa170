import Foundation

/// A real file holding the fuzzer's bytes, for readers that take a `URL` rather than a GDAL path (the DBF
/// sniffer reads with `FileHandle`). One per process and name, in /dev/shm where there is one (no disk writes).
public enum ScratchFile {
    public static func write(_ bytes: [UInt8], name: String) -> URL {
        let folder = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
        let url = URL(fileURLWithPath: folder).appendingPathComponent("geoplan-fuzz-\(getpid())-\(name)")
        // A failed write leaves the previous contents: still a valid input for the reader.
        try? Data(bytes).write(to: url)
        return url
    }
}
