import CGDAL

/// One band of a raster dataset (`GDALRasterBandH`): its type, block layout, nodata value, scale and offset.
///
/// The dataset owns the C band; this object holds the `RasterDataset` strongly, so a band kept after its dataset
/// variable went away still reads (OSGeo/gdal PR #7965 is what happens otherwise). Reading is in
/// `RasterBand+Reading.swift`, writing in `RasterBand+Writing.swift`.
///
/// Not `Sendable`: GDAL's rule is that a dataset and everything read from it are used by one thread at a time.
public final class RasterBand {
    let handle: GDALRasterBandH
    public let dataset: RasterDataset
    /// The band's number in its dataset, counting from 1.
    public let number: Int
    /// The type of the stored values.
    public let dataType: RasterDataType
    /// Width of the band's natural block (a tile, or the whole row for striped files), in pixels.
    /// Reading whole blocks is fastest. See `GDALGetBlockSize`.
    public let blockWidth: Int
    /// Height of the band's natural block, in pixels (1 for many striped files).
    public let blockHeight: Int
    /// GDAL < 3.7 has no `GDT_Int8`: GeoTIFF's signed bytes arrive as Byte with `PIXELTYPE=SIGNEDBYTE`, and the
    /// wrapper converts them itself.
    let signedBytesInByte: Bool

    init(handle: GDALRasterBandH, dataset: RasterDataset, number: Int) {
        self.handle = handle
        self.dataset = dataset
        self.number = number
        // returns the band's stored type
        let type = GDALGetRasterDataType(handle)
        // returns a string owned by the band, or NULL when the item is not set
        let pixelType = GDALGetMetadataItem(handle, "PIXELTYPE", "IMAGE_STRUCTURE").map { String(cString: $0) }
        signedBytesInByte = type == GDT_Byte && pixelType == "SIGNEDBYTE"
        dataType = signedBytesInByte ? .int8 : RasterDataType(type)
        var blockWidth: Int32 = 0
        var blockHeight: Int32 = 0
        GDALGetBlockSize(handle, &blockWidth, &blockHeight)  // fills both; never fails for a valid band
        self.blockWidth = Int(blockWidth)
        self.blockHeight = Int(blockHeight)
    }

    /// The value that marks pixels as missing, or nil when the band has none. See `GDALGetRasterNoDataValue`.
    ///
    /// Raw, like the values `read` returns: compare it with them before applying `scale` and `offset`.
    public var noDataValue: Double? {
        if let frozen = dataset.frozenState(ofBand: number) { return frozen.noDataValue }
        return readNoDataValue()
    }

    /// The factor that turns raw values into physical ones (`value × scale + offset`); 1 when unset.
    /// See `GDALGetRasterScale`.
    public var scale: Double {
        dataset.frozenState(ofBand: number)?.scale ?? readScale()
    }

    /// The term added after `scale` to turn raw values into physical ones; 0 when unset.
    /// See `GDALGetRasterOffset`.
    public var offset: Double {
        dataset.frozenState(ofBand: number)?.offset ?? readOffset()
    }

    /// What the band's validity mask is made of (nodata, alpha, a per-dataset mask, or nothing).
    /// See `GDALGetMaskFlags`.
    public var maskFlags: RasterMaskFlags {
        dataset.frozenState(ofBand: number)?.maskFlags ?? readMaskFlags()
    }

    // MARK: - Live values and the state kept at close

    /// A band's mutable properties at one moment; `RasterDataset.close()` keeps one per band.
    struct State {
        var number: Int
        var noDataValue: Double?
        var scale: Double
        var offset: Double
        var maskFlags: RasterMaskFlags
    }

    var currentState: State {
        State(
            number: number, noDataValue: readNoDataValue(), scale: readScale(), offset: readOffset(),
            maskFlags: readMaskFlags())
    }

    private func readNoDataValue() -> Double? {
        var isSet: Int32 = 0
        let value: Double = withCPLErrorCapture { _ in
            // each returns the value and sets isSet to TRUE when the band has one; the 64-bit integer types have
            // their own getters, because a Double cannot hold all their values
            switch dataType {
            case .int64: return Double(GDALGetRasterNoDataValueAsInt64(handle, &isSet))
            case .uint64: return Double(GDALGetRasterNoDataValueAsUInt64(handle, &isSet))
            default: return GDALGetRasterNoDataValue(handle, &isSet)
            }
        }
        return isSet != 0 ? value : nil
    }

    private func readScale() -> Double {
        // returns the scale, or 1 when none is set
        withCPLErrorCapture { _ in GDALGetRasterScale(handle, nil) }
    }

    private func readOffset() -> Double {
        // returns the offset, or 0 when none is set
        withCPLErrorCapture { _ in GDALGetRasterOffset(handle, nil) }
    }

    private func readMaskFlags() -> RasterMaskFlags {
        if appliesSignedByteNoData { return .noData }
        // returns a combination of GMF_* flags
        return RasterMaskFlags(rawValue: withCPLErrorCapture { _ in GDALGetMaskFlags(handle) })
    }

    /// True when the wrapper, not GDAL, must turn the nodata value into the mask: GDAL 3.6 finds a negative
    /// nodata value out of range for a Byte band holding signed bytes and ignores it (all pixels valid).
    /// An explicit per-dataset mask still wins, as it does in GDAL.
    var appliesSignedByteNoData: Bool {
        guard signedBytesInByte, readNoDataValue() != nil else { return false }
        // returns a combination of GMF_* flags
        let flags = RasterMaskFlags(rawValue: withCPLErrorCapture { _ in GDALGetMaskFlags(handle) })
        return flags.contains(.alpha) || !flags.contains(.perDataset)
    }

    /// `band 2 of "dem.tif"`, for messages.
    var label: String { "band \(number) of \"\(dataset.path)\"" }
}
