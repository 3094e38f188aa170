import Foundation

/// Writes an output beside its final place, then renames it in: a failed run leaves no half-written file and
/// never destroys an earlier output.
///
/// The staging folder is a hidden folder in the target's folder (same file system, so `rename` is atomic). Formats
/// made of several files (a Shapefile's `.shp`, `.dbf`, `.shx`…) are moved file by file, main file last.
public final class StagedOutput {
    public let target: OutputTarget
    /// Where the writer must write.
    public let stagingPath: String
    private let stagingFolder: URL
    private var committed = false

    public init(target: OutputTarget) throws {
        self.target = target
        let finalURL = URL(fileURLWithPath: target.path)
        let folder = finalURL.deletingLastPathComponent()
        stagingFolder = folder.appendingPathComponent(".geoplan-staging-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: stagingFolder, withIntermediateDirectories: false)
        } catch {
            throw GeoPlanError.output(path: target.path, reason: "cannot create a staging folder in \"\(folder.path)\": "
                                      + error.localizedDescription)
        }
        stagingPath = stagingFolder.appendingPathComponent(finalURL.lastPathComponent).path
    }

    deinit {
        try? FileManager.default.removeItem(at: stagingFolder)  // nothing of a failed run is left behind
    }

    /// Moves the finished files into place, replacing an earlier output's files.
    public func commit() throws {
        guard !committed else { return }
        let finalURL = URL(fileURLWithPath: target.path)
        let folder = finalURL.deletingLastPathComponent()
        let stem = finalURL.deletingPathExtension().lastPathComponent
        let produced = try FileManager.default.contentsOfDirectory(atPath: stagingFolder.path)
        guard produced.contains(finalURL.lastPathComponent) else {
            throw GeoPlanError.output(path: target.path, reason: "the writer produced no file")
        }
        // Sidecars of an earlier output that this one does not replace would no longer match it (a stale .cpg).
        for sidecar in target.format.sidecarExtensions {
            let name = "\(stem).\(sidecar)"
            let old = folder.appendingPathComponent(name)
            if !produced.contains(name), FileManager.default.fileExists(atPath: old.path) {
                try? FileManager.default.removeItem(at: old)
            }
        }
        let ordered = produced.filter { $0 != finalURL.lastPathComponent } + [finalURL.lastPathComponent]
        for name in ordered {
            let source = stagingFolder.appendingPathComponent(name)
            let destination = folder.appendingPathComponent(name)
            // rename(2) replaces an existing file atomically
            guard rename(source.path, destination.path) == 0 else {
                let reason = String(cString: strerror(errno))
                throw GeoPlanError.output(path: destination.path, reason: "cannot move the finished file in: \(reason)")
            }
        }
        committed = true
        try? FileManager.default.removeItem(at: stagingFolder)
    }
}
