import Foundation

/// Where tiles go — an MBTiles file or a folder — staged beside it and moved in when complete, so that a failed
/// run leaves no half-cut tile set and an earlier one is replaced only by a finished one.
final class TileTarget {
    let path: String
    /// Where GDAL writes.
    let stagingPath: String
    private let stagingFolder: URL
    private var committed = false

    init(path: String, overwrite: Bool, input: String) throws {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        let folder = url.deletingLastPathComponent()
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw GeoPlanError.output(path: path, reason: "its folder \"\(folder.path)\" does not exist; create it first")
        }
        if URL(fileURLWithPath: input).standardizedFileURL.path == url.path {
            throw GeoPlanError.output(path: path, reason: "it is the input; write the tiles elsewhere")
        }
        if FileManager.default.fileExists(atPath: url.path), !overwrite {
            throw GeoPlanError.output(path: path, reason: "it already exists; pass --overwrite to replace it")
        }
        self.path = url.path
        stagingFolder = folder.appendingPathComponent(".geoplan-staging-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: stagingFolder, withIntermediateDirectories: false)
        } catch {
            throw GeoPlanError.output(path: path, reason: "cannot create a staging folder in \"\(folder.path)\": "
                                      + error.localizedDescription)
        }
        stagingPath = stagingFolder.appendingPathComponent(url.lastPathComponent).path
    }

    deinit {
        try? FileManager.default.removeItem(at: stagingFolder)
    }

    /// Moves the finished tiles in; an earlier tile set is set aside first and removed once the new one is in.
    func commit() throws {
        guard !committed else { return }
        let aside = stagingFolder.appendingPathComponent("replaced").path
        let hadEarlier = FileManager.default.fileExists(atPath: path)
        if hadEarlier, rename(path, aside) != 0 {
            throw GeoPlanError.output(path: path, reason: "cannot replace it: \(String(cString: strerror(errno)))")
        }
        guard rename(stagingPath, path) == 0 else {
            let reason = String(cString: strerror(errno))
            if hadEarlier { _ = rename(aside, path) }  // put the earlier tiles back
            throw GeoPlanError.output(path: path, reason: "cannot move the finished tiles in: \(reason)")
        }
        committed = true
        try? FileManager.default.removeItem(at: stagingFolder)
    }
}
