import CGDAL

extension RasterBand {
    /// Writes raw values into a window, row by row (`window.width × window.height` of them, the first row
    /// first), converting them to the band's type as GDAL does (integer types round and clamp).
    ///
    /// The dataset must have been made with `RasterDataset.create`; `open` is read-only. See `GDALRasterIOEx`.
    public func write(_ values: [Double], to window: RasterWindow) throws {
        let context = "writing \(label), \(window)"
        try check(window, function: "GDALRasterIOEx", context: context)
        try dataset.requireWritable(function: "GDALRasterIOEx", context: context)
        let expected = window.width * window.height
        guard values.count == expected else {
            throw GDALError.library(
                function: "GDALRasterIOEx",
                message: "\(values.count) values given for a window of \(window.width) × \(window.height) = "
                    + "\(expected) pixels", context: context)
        }
        guard expected > 0 else { return }
        if signedBytesInByte {
            // GDAL 3.6 would clamp −1 to the unsigned 0: hand it the signed bytes' bit patterns instead.
            var bytes = values.map { value -> UInt8 in
                let clamped = value.isNaN ? 0 : Swift.min(Swift.max(value.rounded(), -128), 127)
                return UInt8(bitPattern: Int8(clamped))
            }
            try bytes.withUnsafeMutableBytes { buffer in
                try transfer(GF_Write, band: handle, window: window, buffer: buffer, type: GDT_Byte, context: context)
            }
            return
        }
        var copy = values  // GDALRasterIOEx takes a mutable pointer even to write; it never writes through it
        try copy.withUnsafeMutableBytes { buffer in
            try transfer(GF_Write, band: handle, window: window, buffer: buffer, type: GDT_Float64, context: context)
        }
    }

    /// Sets the nodata value, or removes it with nil.
    /// See `GDALSetRasterNoDataValue`, `GDALSetRasterNoDataValueAsInt64`, `GDALDeleteRasterNoDataValue`.
    public func setNoDataValue(_ value: Double?) throws {
        let context = "setting the nodata value of \(label) to \(value.map { "\($0)" } ?? "none")"
        try dataset.requireWritable(function: "GDALSetRasterNoDataValue", context: context)
        try withCPLErrorCapture { capture in
            let status: CPLErr
            if let value {
                if dataType == .int64, let exact = Int64(exactly: value) {
                    // returns CE_None on success; Int64 bands have their own setter (a Double cannot hold them all)
                    status = GDALSetRasterNoDataValueAsInt64(handle, exact)
                } else if dataType == .uint64, let exact = UInt64(exactly: value) {
                    // returns CE_None on success; UInt64 bands have their own setter
                    status = GDALSetRasterNoDataValueAsUInt64(handle, exact)
                } else {
                    status = GDALSetRasterNoDataValue(handle, value)  // returns CE_None, CE_Failure if unsupported
                }
            } else {
                status = GDALDeleteRasterNoDataValue(handle)  // returns CE_None, CE_Failure if unsupported
            }
            guard status == CE_None else {
                throw GDALError.library(
                    function: "GDALSetRasterNoDataValue", message: capture.lastFailure,
                    context: context)
            }
            dataset.record(capture.warnings)
        }
    }

    /// Sets the factor that turns raw values into physical ones. See `GDALSetRasterScale`.
    public func setScale(_ scale: Double) throws {
        let context = "setting the scale of \(label) to \(scale)"
        try dataset.requireWritable(function: "GDALSetRasterScale", context: context)
        try withCPLErrorCapture { capture in
            // returns CE_None on success, CE_Failure when the format cannot store a scale
            guard GDALSetRasterScale(handle, scale) == CE_None else {
                throw GDALError.library(
                    function: "GDALSetRasterScale", message: capture.lastFailure,
                    context: context)
            }
        }
    }

    /// Sets the term added after the scale to turn raw values into physical ones. See `GDALSetRasterOffset`.
    public func setOffset(_ offset: Double) throws {
        let context = "setting the offset of \(label) to \(offset)"
        try dataset.requireWritable(function: "GDALSetRasterOffset", context: context)
        try withCPLErrorCapture { capture in
            // returns CE_None on success, CE_Failure when the format cannot store an offset
            guard GDALSetRasterOffset(handle, offset) == CE_None else {
                throw GDALError.library(
                    function: "GDALSetRasterOffset", message: capture.lastFailure,
                    context: context)
            }
        }
    }
}
