import CGDAL
import Foundation

/// An open vector dataset (`GDALDatasetH`): a file, a folder of shapefiles, a GeoPackage…
///
/// Owns its handle and closes it once, in `close()` or in `deinit`. Layers and features hold the dataset
/// strongly, so it stays open while any of them lives. After `close()`, every call that would reach GDAL through
/// the dataset or one of its layers throws instead; `layerCount` is 0 and `layers` empty (a closed dataset gives
/// no layers). Features already read stay usable: each owns its copy.
///
/// Not `Sendable`: GDAL says a dataset handle "should only be accessed by one thread at a time"; parallel
/// readers open the file once per thread.
public final class Dataset {
    /// Valid until `close()`: reach it through `openHandle`, which throws after that.
    private let handle: GDALDatasetH
    /// The path as given.
    public let path: String
    /// The GDAL driver's short name, e.g. "ESRI Shapefile", "GPKG".
    public let driverName: String
    let textDecoding: TextDecoding
    private(set) var isClosed = false
    /// Warnings GDAL raised while writing through this dataset (field names laundered, values truncated…).
    public private(set) var warnings: [GDALMessage] = []

    init(handle: GDALDatasetH, path: String, textDecoding: TextDecoding) {
        self.handle = handle
        self.path = path
        self.textDecoding = textDecoding
        // returns the driver (owned by the driver manager) and its static short name
        driverName =
            GDALGetDatasetDriver(handle).flatMap { GDALGetDriverShortName($0) }.map { String(cString: $0) }
            ?? "unknown"
    }

    /// Opens a vector dataset read-only (unless `options.update`).
    ///
    /// Throws `.fileNotFound` for a missing path, `.notRecognized` when no driver can read it as vector data.
    /// See `GDALOpenEx`.
    public static func open(_ path: String, options: OpenOptions = OpenOptions()) throws -> Dataset {
        GDALLibrary.ensureRegistered()
        if !path.hasPrefix("/vsi"), !FileManager.default.fileExists(atPath: path) {
            throw GDALError.fileNotFound(path: path)
        }
        try SpecialFile.refuse(path)
        let drivers = CStringList(options.allowedDrivers)
        let driverOptions = CStringList(options: options.driverOptions)
        let flags = UInt32(GDAL_OF_VECTOR | GDAL_OF_VERBOSE_ERROR) | (options.update ? UInt32(GDAL_OF_UPDATE) : 0)
        return try withCPLErrorCapture { capture in
            // returns a new dataset handle, or NULL when no allowed driver can open the path
            guard
                let handle = GDALOpenEx(
                    path, flags, options.allowedDrivers.isEmpty ? nil : drivers.constPointer,
                    driverOptions.constPointer, nil)
            else {
                throw GDALError.notRecognized(path: path, message: notRecognizedReason(capture.lastFailure, path))
            }
            return Dataset(handle: handle, path: path, textDecoding: options.textDecoding)
        }
    }

    deinit {
        if !isClosed { GDALClose(handle) }  // flushes and frees; a flush error is lost here, close() reports it
    }

    /// Closes the dataset, flushing writes; throws when GDAL reports an error while flushing, so a failed
    /// write is never silent. Safe to call more than once; `deinit` does nothing afterwards.
    ///
    /// Layers obtained earlier keep their name and schema, while anything that reads or writes throws.
    /// See `GDALClose`.
    public func close() throws {
        guard !isClosed else { return }
        isClosed = true
        let failure = withCPLErrorCapture { capture -> String? in
            GDALClose(handle)  // flushes and frees; GDAL 3.6 returns nothing, errors arrive through the handler
            let failed = capture.messages.contains { $0.severity == .failure || $0.severity == .fatal }
            return failed ? capture.lastFailure : nil
        }
        if let failure {
            throw GDALError.library(function: "GDALClose", message: failure, context: "writing \"\(path)\"")
        }
    }

    // MARK: - Layers

    /// The number of layers; 0 once the dataset is closed.
    public var layerCount: Int {
        // returns the number of layers
        isClosed ? 0 : Int(GDALDatasetGetLayerCount(handle))
    }

    /// All layers in order; none once the dataset is closed.
    public var layers: [Layer] {
        (0..<layerCount).compactMap { try? layer(at: $0) }
    }

    public var layerNames: [String] { layers.map(\.name) }

    public func layer(at index: Int) throws -> Layer {
        let handle = try openHandle("GDALDatasetGetLayer", doing: "reading layer \(index) of \"\(path)\"")
        // returns a layer owned by the dataset, or NULL for a bad index
        guard let position = Int32(exactly: index), let layer = GDALDatasetGetLayer(handle, position) else {
            throw GDALError.library(
                function: "GDALDatasetGetLayer", message: "no layer at index \(index)",
                context: "\"\(path)\"")
        }
        return Layer(handle: layer, dataset: self, textDecoding: textDecoding)
    }

    /// The layer of that name; the error lists the layers that exist.
    public func layer(named name: String) throws -> Layer {
        let handle = try openHandle("GDALDatasetGetLayerByName", doing: "reading layer \"\(name)\" of \"\(path)\"")
        // returns a layer owned by the dataset, or NULL when there is none of that name
        guard let layer = withCPLErrorCapture({ _ in GDALDatasetGetLayerByName(handle, name) }) else {
            throw GDALError.noSuchLayer(path: path, name: name, available: layerNames)
        }
        return Layer(handle: layer, dataset: self, textDecoding: textDecoding)
    }

    /// The handle, or an error instead of a call that would reach a closed one.
    func openHandle(_ function: String, doing context: @autoclosure () -> String) throws -> GDALDatasetH {
        if isClosed {
            throw GDALError.library(
                function: function, message: "the dataset was closed (close() was called)",
                context: context())
        }
        return handle
    }

    func record(_ messages: [GDALMessage]) {
        warnings.append(contentsOf: messages.filter { $0.severity == .warning })
    }
}

/// GDAL's "not recognized" message repeats the path; say it once, in words a planner reads.
private func notRecognizedReason(_ message: String, _ path: String) -> String {
    var isFolder: ObjCBool = false
    let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
    if exists, isFolder.boolValue {
        return "it is a folder and holds no vector data GDAL can read (give a file, or a folder of shapefiles)"
    }
    if message.isEmpty || message.contains("not recognized as") || message.contains("not recognised as") {
        return "no GDAL driver recognises it as vector data (is it a Shapefile, GeoPackage, GeoJSON, "
            + "FlatGeobuf, KML or CSV file, complete and not corrupt?)"
    }
    // A driver recognised the file but could not read it (GeoJSON cut short, a broken GeoPackage…).
    return message + unreadableHint(message, path)
}

/// Why a file a driver recognised could not be read, when the message does not already say: a permission or a
/// network failure is not a damaged file.
func unreadableHint(_ message: String, _ path: String) -> String {
    let lowered = message.lowercased()
    let notTheFile = [
        "permission", "denied", "http", "curl", "timed out", "timeout", "resolve", "connect", "network",
        "no such file", "does not exist",
    ]
    if notTheFile.contains(where: lowered.contains) { return "" }
    if !path.hasPrefix("/vsi"), FileManager.default.fileExists(atPath: path),
        !FileManager.default.isReadableFile(atPath: path)
    {
        return " (permission denied: geoplan may not read it)"
    }
    return " (the file may be truncated or corrupt)"
}
