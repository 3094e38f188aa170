import CGDAL

/// What a band's validity mask is made of (`GDALGetMaskFlags`).
///
/// `.allValid` alone: every pixel is valid. `.noData`: pixels equal to the nodata value are invalid.
/// `.alpha` (with `.perDataset`): the mask is an alpha band, whose values run from 0 (invisible) to 255.
/// `.perDataset` alone: an explicit mask (an internal GeoTIFF mask or a `.msk` file) shared by all bands.
public struct RasterMaskFlags: OptionSet, Hashable, Sendable {
    public let rawValue: Int32

    public init(rawValue: Int32) {
        self.rawValue = rawValue
    }

    /// `GMF_ALL_VALID`: there is no mask; every pixel is valid.
    public static let allValid = RasterMaskFlags(rawValue: GMF_ALL_VALID)
    /// `GMF_PER_DATASET`: the mask is shared by all bands of the dataset.
    public static let perDataset = RasterMaskFlags(rawValue: GMF_PER_DATASET)
    /// `GMF_ALPHA`: the mask is an alpha band.
    public static let alpha = RasterMaskFlags(rawValue: GMF_ALPHA)
    /// `GMF_NODATA`: the mask comes from the nodata value (of this band, or of all bands for `NODATA_VALUES`).
    public static let noData = RasterMaskFlags(rawValue: GMF_NODATA)
}
