import CGDAL

/// The type of a band's stored values (`GDALDataType`).
///
/// Reads always return Float64, which holds every value of every type here exactly except 64-bit integers
/// beyond ±2⁵³.
public enum RasterDataType: Hashable, Sendable, CustomStringConvertible {
    case byte
    /// Signed bytes: `GDT_Int8` from GDAL 3.7; before that, GeoTIFF's Byte bands with `PIXELTYPE=SIGNEDBYTE`.
    case int8
    case uint16, int16, uint32, int32, uint64, int64, float32, float64
    /// Any other GDAL type (the complex ones: `CInt16`, `CFloat32`…), by GDAL's name.
    case other(String)

    /// GDAL's name for the type: "Byte", "Int8", "UInt16", "Float32"…
    public var name: String {
        switch self {
        case .byte: return "Byte"
        case .int8: return "Int8"
        case .uint16: return "UInt16"
        case .int16: return "Int16"
        case .uint32: return "UInt32"
        case .int32: return "Int32"
        case .uint64: return "UInt64"
        case .int64: return "Int64"
        case .float32: return "Float32"
        case .float64: return "Float64"
        case let .other(name): return name
        }
    }

    public var description: String { name }

    init(_ type: GDALDataType) {
        if let int8 = RasterDataType.nativeInt8, type == int8 {
            self = .int8
            return
        }
        switch type {
        case GDT_Byte: self = .byte
        case GDT_UInt16: self = .uint16
        case GDT_Int16: self = .int16
        case GDT_UInt32: self = .uint32
        case GDT_Int32: self = .int32
        case GDT_UInt64: self = .uint64
        case GDT_Int64: self = .int64
        case GDT_Float32: self = .float32
        case GDT_Float64: self = .float64
        default:
            // returns a static name, or NULL for a value GDAL does not know
            self = .other(GDALGetDataTypeName(type).map { String(cString: $0) } ?? "Unknown")
        }
    }

    /// The GDAL type that stores this one, or nil when this GDAL has none (an unknown `.other` name). `.int8`
    /// is stored as `GDT_Byte` before GDAL 3.7 (see `nativeInt8`).
    var gdalType: GDALDataType? {
        switch self {
        case .byte: return GDT_Byte
        case .int8: return RasterDataType.nativeInt8 ?? GDT_Byte
        case .uint16: return GDT_UInt16
        case .int16: return GDT_Int16
        case .uint32: return GDT_UInt32
        case .int32: return GDT_Int32
        case .uint64: return GDT_UInt64
        case .int64: return GDT_Int64
        case .float32: return GDT_Float32
        case .float64: return GDT_Float64
        case let .other(name):
            // returns GDT_Unknown for a name GDAL does not know
            let type = GDALGetDataTypeByName(name)
            return type == GDT_Unknown ? nil : type
        }
    }

    /// `GDT_Int8` when the GDAL we run against has it (3.7 and later), found by name because the 3.6 headers
    /// we build against do not declare it.
    static let nativeInt8: GDALDataType? = {
        // returns GDT_Unknown for a name this GDAL does not know
        let type = GDALGetDataTypeByName("Int8")
        return type == GDT_Unknown ? nil : type
    }()
}
