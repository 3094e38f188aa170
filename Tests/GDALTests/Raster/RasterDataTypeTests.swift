import Testing

@testable import GDAL

@Suite struct RasterDataTypeTests {
    @Test func namesAreGDALs() {
        let types: [RasterDataType] = [
            .byte, .int8, .uint16, .int16, .uint32, .int32, .uint64, .int64, .float32,
            .float64, .other("CInt16"),
        ]
        #expect(
            types.map(\.name) == [
                "Byte", "Int8", "UInt16", "Int16", "UInt32", "Int32", "UInt64", "Int64",
                "Float32", "Float64", "CInt16",
            ])
        #expect("\(RasterDataType.float32)" == "Float32")
    }

    @Test func everyNamedTypeMapsToGDALAndBack() throws {
        for type in [
            RasterDataType.byte, .uint16, .int16, .uint32, .int32, .uint64, .int64, .float32, .float64,
            .other("CFloat64"),
        ] {
            #expect(RasterDataType(try #require(type.gdalType)) == type)
        }
        #expect(RasterDataType.other("Float16").gdalType == nil)
    }
}
