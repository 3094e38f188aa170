import CGDAL
import Foundation

/// An open raster dataset (`GDALDatasetH`): a GeoTIFF, a PNG, an ASCII grid… with its bands.
///
/// Owns its handle and closes it once, in `close()` or in `deinit`. Bands hold the dataset strongly, so it stays
/// open while any of them lives (OSGeo/gdal #7965 is what happens otherwise). After `close()`, reading or
/// writing through a band throws, and the properties report what they were when the dataset closed.
///
/// Not `Sendable`: GDAL says a dataset handle "should only be accessed by one thread at a time"; parallel
/// readers open the file once per thread.
public final class RasterDataset {
    let handle: GDALDatasetH
    /// The path as given.
    public let path: String
    /// The GDAL driver's short name, e.g. "GTiff", "PNG", "AAIGrid".
    public let driverName: String
    /// Raster width in pixels (columns).
    public let width: Int
    /// Raster height in pixels (rows).
    public let height: Int
    /// Number of bands; they are numbered from 1.
    public let bandCount: Int
    /// Warnings GDAL raised while creating or writing this dataset (unsupported creation options…).
    public private(set) var warnings: [GDALMessage] = []
    private(set) var isClosed = false
    /// What the properties report once the handle is gone (see `close()`).
    private var frozen: FrozenState?

    init(handle: GDALDatasetH, path: String) {
        self.handle = handle
        self.path = path
        // returns the driver (owned by the driver manager) and its static short name
        driverName =
            GDALGetDatasetDriver(handle).flatMap { GDALGetDriverShortName($0) }.map { String(cString: $0) }
            ?? "unknown"
        width = Int(GDALGetRasterXSize(handle))  // returns the width in pixels
        height = Int(GDALGetRasterYSize(handle))  // returns the height in pixels
        bandCount = Int(GDALGetRasterCount(handle))  // returns the number of bands, 0 for none
    }

    /// Opens a raster dataset read-only. `path` may be a file or a GDAL virtual path (`/vsimem/…`, `/vsizip/…`).
    ///
    /// Throws `.fileNotFound` for a missing path, `.notRecognized` when no driver can read it as raster data.
    /// See `GDALOpenEx`.
    public static func open(_ path: String) throws -> RasterDataset {
        GDALLibrary.ensureRegistered()
        if !exists(path) {
            throw GDALError.fileNotFound(path: path)
        }
        try SpecialFile.refuse(path)
        let flags = UInt32(GDAL_OF_RASTER | GDAL_OF_VERBOSE_ERROR)  // read-only (GDAL_OF_READONLY is 0)
        return try withCPLErrorCapture { capture in
            // returns a new dataset handle, or NULL when no driver can open the path as raster data
            guard let handle = GDALOpenEx(path, flags, nil, nil, nil) else {
                throw GDALError.notRecognized(path: path, message: notRecognizedReason(capture.lastFailure, path))
            }
            return RasterDataset(handle: handle, path: path)
        }
    }

    deinit {
        if !isClosed { GDALClose(handle) }  // flushes and frees; a flush error is lost here, close() reports it
    }

    /// Closes the dataset, flushing writes; throws when GDAL reports an error while flushing, so a failed
    /// write is never silent. Safe to call more than once; `deinit` does nothing afterwards.
    ///
    /// Bands obtained earlier stay usable as values: their properties keep what they were, while `read` and
    /// `write` throw. See `GDALClose`.
    public func close() throws {
        guard !isClosed else { return }
        frozen = FrozenState(
            geoTransform: geoTransform, spatialReference: spatialReference,
            bands: (0..<bandCount).compactMap { index in
                // returns a band owned by the dataset, NULL only for a bad number
                GDALGetRasterBand(handle, Int32(index + 1)).map {
                    RasterBand(handle: $0, dataset: self, number: index + 1).currentState
                }
            })
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

    /// The whole raster as a window.
    public var window: RasterWindow { RasterWindow(width: width, height: height) }

    /// The map from pixels to the CRS, or nil when the file has none (a plain PNG, a TIFF without GeoTIFF
    /// tags). See `GDALGetGeoTransform`.
    public var geoTransform: GeoTransform? {
        if let frozen { return frozen.geoTransform }
        var coefficients = [Double](repeating: 0, count: 6)
        // returns CE_Failure when the dataset has no geotransform (and then fills in the identity anyway)
        let status = withCPLErrorCapture { _ in GDALGetGeoTransform(handle, &coefficients) }
        return status == CE_None ? GeoTransform(coefficients: coefficients) : nil
    }

    /// The raster's CRS in lon/lat (x/y) axis order, or nil when the file declares none.
    ///
    /// A copy: GDAL's drivers keep the raster's CRS inside the dataset object itself (GTiff does), so holding a
    /// reference to it would outlive the dataset. See `GDALGetSpatialRef`.
    public var spatialReference: SpatialReference? {
        if let frozen { return frozen.spatialReference }
        return withCPLErrorCapture { _ -> SpatialReference? in
            // returns a reference owned by the dataset, or NULL when it has no CRS
            GDALGetSpatialRef(handle).flatMap(SpatialReference.init(copying:))  // lon/lat order set on the copy
        }
    }

    /// The band of that number, counting from 1. See `GDALGetRasterBand`.
    public func band(_ number: Int) throws -> RasterBand {
        guard number >= 1, number <= bandCount else {
            throw GDALError.noSuchBand(path: path, band: number, count: bandCount)
        }
        try requireOpen(function: "GDALGetRasterBand", doing: "reading band \(number) of \"\(path)\"")
        // returns a band owned by the dataset, or NULL for a number out of range (checked above)
        guard let band = GDALGetRasterBand(handle, Int32(number)) else {
            throw GDALError.noSuchBand(path: path, band: number, count: bandCount)
        }
        return RasterBand(handle: band, dataset: self, number: number)
    }

    /// Throws instead of letting a call reach a closed handle.
    func requireOpen(function: String, doing context: @autoclosure () -> String) throws {
        if isClosed {
            throw GDALError.library(
                function: function, message: "the dataset was closed (close() was called)",
                context: context())
        }
    }

    /// What a band reported when the dataset closed, if it has closed.
    func frozenState(ofBand number: Int) -> RasterBand.State? {
        frozen?.bands.first { $0.number == number }
    }

    func record(_ messages: [GDALMessage]) {
        warnings.append(contentsOf: messages.filter { $0.severity == .warning })
    }
}

/// The dataset's and its bands' properties as they were at `close()`.
private struct FrozenState {
    var geoTransform: GeoTransform?
    var spatialReference: SpatialReference?
    var bands: [RasterBand.State]
}

/// Whether a path exists: on disk, or in GDAL's in-memory file system. Other virtual paths (`/vsizip/`,
/// `/vsicurl/`…) are left for GDAL to judge, since looking may mean a network request.
private func exists(_ path: String) -> Bool {
    if path.hasPrefix("/vsimem/") {
        var length: vsi_l_offset = 0
        // returns the file's buffer (still owned by the file: bUnlinkAndSeize is FALSE), NULL when there is none
        return VSIGetMemFileBuffer(path, &length, 0) != nil
    }
    return path.hasPrefix("/vsi") || FileManager.default.fileExists(atPath: path)
}

/// GDAL's "not recognized" message repeats the path; say it once, in words a planner reads.
private func notRecognizedReason(_ message: String, _ path: String) -> String {
    var isFolder: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
        return "it is a folder, not a raster file (give the path of a GeoTIFF or another raster file)"
    }
    if message.isEmpty || message.contains("not recognized as") || message.contains("not recognised as") {
        return "no GDAL driver reads it as raster data (is it a GeoTIFF, PNG, JPEG, ASCII grid or another raster "
            + "format, complete and not corrupt?)"
    }
    // A driver recognised the file but could not read it (a TIFF cut short…).
    return message + unreadableHint(message, path)
}
