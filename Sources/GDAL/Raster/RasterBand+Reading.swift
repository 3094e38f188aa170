import CGDAL

extension RasterBand {
    /// The raw values of a window, row by row (`window.width × window.height` of them, the first row first).
    ///
    /// Values are the stored ones converted to Float64: `scale` and `offset` are **not** applied, and nodata
    /// pixels keep the nodata value (see `readValidity` for which pixels are valid). The window must lie inside
    /// the raster, else `.windowOutsideRaster`; an empty window reads nothing. See `GDALRasterIOEx`.
    public func read(_ window: RasterWindow) throws -> [Double] {
        let context = "reading \(label), \(window)"
        try check(window, function: "GDALRasterIOEx", context: context)
        var values = [Double](repeating: 0, count: window.width * window.height)
        guard !values.isEmpty else { return values }
        try values.withUnsafeMutableBytes { buffer in
            try transfer(GF_Read, band: handle, window: window, buffer: buffer, type: GDT_Float64, context: context)
        }
        if signedBytesInByte {
            // GDAL 3.6 converts a signed byte's bit pattern as unsigned: 255 is really −1.
            for index in values.indices where values[index] >= 128 {
                values[index] -= 256
            }
        }
        return values
    }

    /// Which pixels of a window are valid, row by row: 0 for invalid, nonzero for valid.
    ///
    /// This is GDAL's mask band, which accounts for the nodata value, an alpha band (whose values 0–255 are
    /// returned as they are) and per-dataset masks (an internal GeoTIFF mask, a `.msk` file); `maskFlags` says
    /// which applies. Without any of them every pixel reads 255. See `GDALGetMaskBand`, `GDALRasterIOEx`.
    public func readValidity(_ window: RasterWindow) throws -> [UInt8] {
        let context = "reading the validity mask of \(label), \(window)"
        try check(window, function: "GDALGetMaskBand", context: context)
        var validity = [UInt8](repeating: 0, count: window.width * window.height)
        guard !validity.isEmpty else { return validity }
        if appliesSignedByteNoData, let noData = noDataValue {
            return try read(window).map { $0 == noData ? 0 : 255 }
        }
        // returns the mask band, owned by this band (an all-valid band when there is no mask); NULL on failure
        guard let mask = withCPLErrorCapture({ _ in GDALGetMaskBand(handle) }) else {
            throw GDALError.library(
                function: "GDALGetMaskBand", message: "GDAL returned no mask band",
                context: context)
        }
        try validity.withUnsafeMutableBytes { buffer in
            try transfer(GF_Read, band: mask, window: window, buffer: buffer, type: GDT_Byte, context: context)
        }
        return validity
    }

    // MARK: - Shared by reading and writing

    /// Throws unless the dataset is open and the window lies inside the raster.
    func check(_ window: RasterWindow, function: String, context: @autoclosure () -> String) throws {
        try dataset.requireOpen(function: function, doing: context())
        guard window.isInside(width: dataset.width, height: dataset.height) else {
            throw GDALError.windowOutsideRaster(
                path: dataset.path, window: window, width: dataset.width,
                height: dataset.height)
        }
    }

    /// Moves a window's pixels between `band` and `buffer`, a packed row-major array of `type`.
    /// The window has been checked (inside the raster, not empty), so its numbers fit GDAL's `int`s.
    func transfer(
        _ direction: GDALRWFlag, band: GDALRasterBandH, window: RasterWindow,
        buffer: UnsafeMutableRawBufferPointer, type: GDALDataType, context: String
    ) throws {
        let (x, y) = (Int32(window.column), Int32(window.row))
        let (width, height) = (Int32(window.width), Int32(window.height))
        try withCPLErrorCapture { capture in
            // returns CE_None on success, CE_Failure on a read or write error; the buffer is the window's size,
            // so GDAL never resamples; spacing 0 means packed; NULL extra arguments mean nearest, no progress
            let status = GDALRasterIOEx(
                band, direction, x, y, width, height, buffer.baseAddress, width, height,
                type, 0, 0, nil)
            guard status == CE_None else {
                throw GDALError.library(function: "GDALRasterIOEx", message: capture.lastFailure, context: context)
            }
            if direction == GF_Write { dataset.record(capture.warnings) }
        }
    }
}
