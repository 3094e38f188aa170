import Foundation
import Testing

@testable import GEOS

/// ISO WKB written by hand from the OGC spec (Simple Features 1.2.1 §8.2), little endian.
private struct WKBBuilder {
    var bytes: [UInt8] = []

    mutating func header(_ type: UInt32) {
        bytes.append(1)  // NDR
        uint32(type)
    }

    mutating func uint32(_ value: UInt32) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func doubles(_ values: Double...) {
        for value in values {
            withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
        }
    }
}

@Suite struct GeometryIOTests {
    let context: GEOSContext

    init() throws {
        context = try GEOSContext()
    }

    // MARK: - Against hand-written bytes

    @Test func writesISOWKBByteForByte() throws {
        var point = WKBBuilder()
        point.header(1)
        point.doubles(1, 2)
        #expect(try Geometry(wkt: "POINT (1 2)", context: context).wkb() == point.bytes)

        var pointZ = WKBBuilder()
        pointZ.header(1001)  // ISO Point Z
        pointZ.doubles(1, 2, 3)
        let geometryZ = try Geometry(wkt: "POINT Z (1 2 3)", context: context)
        #expect(try geometryZ.wkb() == pointZ.bytes)
        #expect(try geometryZ.wkb(includeZ: false) == point.bytes)

        var polygon = WKBBuilder()
        polygon.header(3)
        polygon.uint32(1)  // rings
        polygon.uint32(4)  // points
        polygon.doubles(0, 0, 1, 0, 0, 1, 0, 0)
        #expect(try Geometry(wkt: "POLYGON ((0 0, 1 0, 0 1, 0 0))", context: context).wkb() == polygon.bytes)
    }

    @Test func readsHandWrittenWKBInBothByteOrders() throws {
        var little = WKBBuilder()
        little.header(2)  // LineString
        little.uint32(2)
        little.doubles(0, 0, 3, 4)
        #expect(try Geometry(wkb: little.bytes, context: context).length == 5)

        // The same line, big endian (XDR), written out byte by byte.
        let big: [UInt8] =
            [0, 0, 0, 0, 2, 0, 0, 0, 2]
            + [0, 0, 0, 0, 0, 0, 0, 0] + [0, 0, 0, 0, 0, 0, 0, 0]
            + [0x40, 0x08, 0, 0, 0, 0, 0, 0] + [0x40, 0x10, 0, 0, 0, 0, 0, 0]  // 3.0, 4.0
        #expect(try Geometry(wkb: big, context: context).wkt() == "LINESTRING (0 0, 3 4)")
    }

    // MARK: - Z and M in GEOS 3.11

    @Test func measuredWKBLosesItsMAndKeepsZ() throws {
        var pointM = WKBBuilder()
        pointM.header(2001)  // ISO Point M
        pointM.doubles(1, 2, 3)
        let m = try Geometry(wkb: pointM.bytes, context: context)
        #expect(try m.wkt() == "POINT (1 2)")
        #expect(!m.hasZ)

        var pointZM = WKBBuilder()
        pointZM.header(3001)  // ISO Point ZM
        pointZM.doubles(1, 2, 3, 4)
        #expect(try Geometry(wkb: pointZM.bytes, context: context).wkt() == "POINT Z (1 2 3)")

        var extended = WKBBuilder()
        extended.header(0x8000_0001)  // extended (PostGIS) Point with the Z flag
        extended.doubles(1, 2, 3)
        #expect(try Geometry(wkb: extended.bytes, context: context).wkt() == "POINT Z (1 2 3)")
    }

    @Test func measuredWKTTurnsMIntoZ() throws {
        // A GEOS 3.11 trap the engine must avoid: the M value is read as Z.
        let geometry = try Geometry(wkt: "POINT M (1 2 3)", context: context)
        #expect(geometry.hasZ)
        #expect(try geometry.wkt() == "POINT Z (1 2 3)")
    }

    // MARK: - Round trips

    @Test(arguments: [
        "POINT (1.5 -2.25)",
        "POINT Z (1 2 3)",
        "LINESTRING Z (0 0 1, 1 1 2, 2 0 3)",
        "POLYGON ((0 0, 4 0, 4 4, 0 4, 0 0), (1 1, 2 1, 2 2, 1 1))",
        "MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)), ((5 5, 6 5, 6 6, 5 5)))",
        "GEOMETRYCOLLECTION (POINT (0 0), LINESTRING (1 1, 2 2))",
        "LINESTRING EMPTY",
        "POLYGON EMPTY",
        "MULTIPOLYGON EMPTY",
        "GEOMETRYCOLLECTION EMPTY",
    ])
    func wkbAndWKTRoundTrip(wkt: String) throws {
        let original = try Geometry(wkt: wkt, context: context)
        #expect(try original.wkt() == wkt)
        let copy = try Geometry(wkb: original.wkb(), context: context)
        #expect(try copy.wkt() == wkt)
        #expect(copy.type == original.type)
        #expect(copy.hasZ == original.hasZ)
        #expect(try copy.wkb() == original.wkb())
    }

    @Test func anEmptyPointTravelsAsNaNAndComesBackEmpty() throws {
        let empty = try Geometry(wkt: "POINT EMPTY", context: context)
        var nan = WKBBuilder()
        nan.header(1)
        nan.doubles(.nan, .nan)
        let bytes = try empty.wkb()
        #expect(bytes.count == 21)
        #expect(bytes.prefix(5) == nan.bytes.prefix(5))
        #expect(Double(bitPattern: bytes[5..<13].reversed().reduce(0) { $0 << 8 | UInt64($1) }).isNaN)
        #expect(try Geometry(wkb: bytes, context: context).isEmpty)
    }

    @Test func readsAnyByteCollection() throws {
        let bytes = try Geometry(wkt: "POINT (7 8)", context: context).wkb()
        #expect(try Geometry(wkb: Data(bytes), context: context).coordinates == [XY(7, 8)])
        #expect(try Geometry(wkb: ([0, 0] + bytes)[2...], context: context).coordinates == [XY(7, 8)])
        // Not contiguous: copied first.
        #expect(try Geometry(wkb: bytes.reversed().reversed(), context: context).coordinates == [XY(7, 8)])
        let fromRaw = try bytes.withUnsafeBytes { raw in try Geometry(wkb: raw, context: context).coordinates }
        #expect(fromRaw == [XY(7, 8)])
    }

    @Test func wktPrecisionRoundsAndTrims() throws {
        let point = try Geometry(wkt: "POINT (0.1 0.3333333333333333)", context: context)
        #expect(try point.wkt() == "POINT (0.1 0.3333333333333333)")
        #expect(try point.wkt(precision: 3) == "POINT (0.1 0.333)")
        #expect(try point.wkt(precision: 0) == "POINT (0 0)")
    }

    // MARK: - Bad input

    @Test(arguments: [
        ([UInt8]([1, 1, 0]), "ParseException: Unexpected EOF parsing WKB"),
        ([UInt8]([1, 99, 0, 0, 0]), "ParseException: Unknown WKB type 99"),
        ([UInt8](), "ParseException: Unexpected EOF parsing WKB"),
    ])
    func badWKBGivesTheReadersMessageAndNothingStale(bytes: [UInt8], message: String) throws {
        #expect(throws: GEOSError.invalidInput(function: "GEOSWKBReader_read_r", message: message)) {
            try Geometry(wkb: bytes, context: context)
        }
        var good = WKBBuilder()
        good.header(1)
        good.doubles(1, 1)
        #expect(try Geometry(wkb: good.bytes, context: context).coordinates == [XY(1, 1)])
        #expect(context.lastError == nil)
    }

    @Test func badWKTGivesTheReadersMessage() throws {
        let error = GEOSError.invalidInput(
            function: "GEOSWKTReader_read_r", message: "ParseException: Expected word but encountered end of stream")
        #expect(throws: error) { try Geometry(wkt: "POLYGON ((0 0, 1 1", context: context) }
        #expect(throws: GEOSError.self) { try Geometry(wkt: "", context: context) }
        #expect(try Geometry(wkt: "POINT (0 0)", context: context).type == .point)
    }
}
