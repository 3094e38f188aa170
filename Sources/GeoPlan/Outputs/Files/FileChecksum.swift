import Foundation

/// The checksum that provenance records and `--resume` compare, and that merging checks each part against.
/// Here, below the runner, so that merging partitions needs nothing of it.
enum FileChecksum {
    /// FNV-1a 64 of a file (or, unless `alone`, of every file of a shapefile set, in extension order), streamed.
    static func of(_ path: String, alone: Bool = false) -> (fnv1a64: String?, bytes: Int?) {
        let url = URL(fileURLWithPath: path)
        var parts = [url]
        if !alone, url.pathExtension.lowercased() == "shp" {
            parts = ["shp", "shx", "dbf", "prj", "cpg"].map { url.deletingPathExtension().appendingPathExtension($0) }
                .filter { FileManager.default.fileExists(atPath: $0.path) }
        }
        var hash = FNV1a()
        var total = 0
        for part in parts {
            guard let handle = try? FileHandle(forReadingFrom: part) else { return (nil, nil) }
            defer { try? handle.close() }
            while let chunk = try? handle.read(upToCount: 1 << 20), !chunk.isEmpty {
                total += chunk.count
                hash.add(chunk)
            }
        }
        return (hash.hex, total)
    }
}
