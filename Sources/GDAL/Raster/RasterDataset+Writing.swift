import CGDAL

extension RasterDataset {
    /// Creates a raster of `width` × `height` pixels and `bands` bands of one type, for test data and
    /// generators. `options` are the driver's creation options, e.g. GTiff's `TILED=YES`, `BLOCKXSIZE=256`,
    /// `COMPRESS=DEFLATE`. GTiff replaces a file already at `path`; `/vsimem/` paths work.
    ///
    /// Before GDAL 3.7, `.int8` is stored as GeoTIFF's signed bytes, so only the GTiff driver takes it.
    /// Call `close()` when done, so that a failure while flushing is reported. See `GDALCreate`.
    public static func create(
        _ path: String, driver name: String = "GTiff", width: Int, height: Int, bands: Int,
        type: RasterDataType, options: [String: String] = [:]
    ) throws -> RasterDataset {
        GDALLibrary.ensureRegistered()
        let context = "cannot create \"\(path)\" with the \(name) driver"
        // returns the driver, owned by the driver manager, or NULL when this GDAL build lacks it
        guard let driver = GDALGetDriverByName(name) else { throw GDALError.noSuchDriver(name: name) }
        try requireCapabilities(of: driver, name: name, context: context)
        guard let gdalType = type.gdalType else {
            throw GDALError.library(
                function: "GDALGetDataTypeByName",
                message: "GDAL \(GDALLibrary.version) has no data type \"\(type)\"",
                context: context)
        }
        var options = options
        if type == .int8, RasterDataType.nativeInt8 == nil {
            guard name == "GTiff" else {
                throw GDALError.library(
                    function: "GDALCreate",
                    message: "GDAL \(GDALLibrary.version) stores Int8 only in GeoTIFF files",
                    context: context)
            }
            options["PIXELTYPE"] = "SIGNEDBYTE"
        }
        for (value, what) in [(width, "width"), (height, "height"), (bands, "band count")]
        where value < 0 || value > Int(Int32.max) {
            throw GDALError.library(
                function: "GDALCreate", message: "a \(what) of \(value) is not possible",
                context: context)
        }
        let creationOptions = CStringList(options: options)
        return try withCPLErrorCapture { capture in
            // returns a new dataset open for update, or NULL when the file cannot be created
            guard
                let handle = GDALCreate(
                    driver, path, Int32(width), Int32(height), Int32(bands), gdalType,
                    creationOptions.pointer)
            else {
                throw GDALError.library(function: "GDALCreate", message: capture.lastFailure, context: context)
            }
            let dataset = RasterDataset(handle: handle, path: path)
            dataset.record(capture.warnings)
            return dataset
        }
    }

    /// Sets the map from pixels to the CRS. See `GDALSetGeoTransform`.
    public func setGeoTransform(_ transform: GeoTransform) throws {
        let context = "setting the geotransform of \"\(path)\" to \(transform)"
        try requireWritable(function: "GDALSetGeoTransform", context: context)
        var coefficients = transform.coefficients
        try withCPLErrorCapture { capture in
            // returns CE_None on success, CE_Failure when the format cannot store one
            guard GDALSetGeoTransform(handle, &coefficients) == CE_None else {
                throw GDALError.library(
                    function: "GDALSetGeoTransform", message: capture.lastFailure,
                    context: context)
            }
            record(capture.warnings)
        }
    }

    /// Sets the raster's CRS, or removes it with nil; the dataset keeps its own copy. See `GDALSetSpatialRef`.
    public func setSpatialReference(_ reference: SpatialReference?) throws {
        let context = "setting the CRS of \"\(path)\" to \(reference.map { "\($0)" } ?? "none")"
        try requireWritable(function: "GDALSetSpatialRef", context: context)
        try withCPLErrorCapture { capture in
            // returns CE_None on success; the dataset copies the reference (NULL clears it)
            guard GDALSetSpatialRef(handle, reference?.handle) == CE_None else {
                throw GDALError.library(
                    function: "GDALSetSpatialRef", message: capture.lastFailure,
                    context: context)
            }
            record(capture.warnings)
        }
    }

    /// True when the dataset was made by `create` (open for update); `open` is always read-only.
    var isWritable: Bool {
        // returns GA_Update or GA_ReadOnly
        !isClosed && GDALGetAccess(handle) == Int32(GA_Update.rawValue)
    }

    /// Throws unless the dataset is open for writing.
    ///
    /// GDAL itself accepts a nodata value, scale, offset, geotransform or CRS on a read-only GeoTIFF and writes
    /// them to an `.aux.xml` sidecar beside the input; geoplan never changes its inputs, so it refuses.
    func requireWritable(function: String, context: String) throws {
        try requireOpen(function: function, doing: context)
        guard isWritable else {
            throw GDALError.library(
                function: function,
                message: "the dataset is open read-only (RasterDataset.open never changes a "
                    + "file; make a new raster with RasterDataset.create)",
                context: context)
        }
    }
}

/// Refuses, with the reason, drivers that cannot make a raster with `GDALCreate`.
private func requireCapabilities(of driver: GDALDriverH, name: String, context: String) throws {
    // both return "YES" when the driver has the capability, NULL otherwise; strings owned by the driver
    let rasters = GDALGetMetadataItem(driver, GDAL_DCAP_RASTER, nil) != nil
    let creates = GDALGetMetadataItem(driver, GDAL_DCAP_CREATE, nil) != nil
    guard rasters else {
        throw GDALError.library(
            function: "GDALCreate", message: "the \(name) driver does not write rasters",
            context: context)
    }
    guard creates else {
        throw GDALError.library(
            function: "GDALCreate",
            message: "the \(name) driver can only copy an existing raster, not create one "
                + "pixel by pixel (create a GTiff instead)", context: context)
    }
}
