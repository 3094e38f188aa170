import Foundation
import GEOS
import GeoplanTestSupport
import Testing

@testable import GeoPlan

/// How a store keeps its features: a compact layout while every feature is one point, offsets and boxes once one
/// is not; either way each feature reads back as it was written, with its box.
@Suite struct FeatureStoreTests {
    let context: GEOSContext

    init() throws { context = try GEOSContext() }

    @Test func pointsReadBackWithTheirBoxes() throws {
        let store = try load(["POINT (100.5 13.75)", "POINT (-0.125 51.5)", "POINT (100 14)"])
        #expect(store.count == 3)
        #expect(store.pointCount == 3)
        #expect(try points(of: store) == [XY(100.5, 13.75), XY(-0.125, 51.5), XY(100, 14)])
        #expect(store.box(1) == Envelope(minX: -0.125, minY: 51.5, maxX: -0.125, maxY: 51.5))
    }

    /// A multi-point after single points: the earlier points get their offsets and boxes, the later box is the
    /// multi-point's.
    @Test func aMultiPointAfterPointsKeepsEveryFeature() throws {
        let store = try load(["POINT (1 2)", "POINT (3 4)", "MULTIPOINT ((5 6), (7 9))", "POINT (8 1)"])
        #expect(store.count == 4)
        #expect(store.pointCount == 5)
        #expect(store.box(0) == Envelope(minX: 1, minY: 2, maxX: 1, maxY: 2))
        #expect(store.box(1) == Envelope(minX: 3, minY: 4, maxX: 3, maxY: 4))
        #expect(store.box(2) == Envelope(minX: 5, minY: 6, maxX: 7, maxY: 9))
        #expect(store.box(3) == Envelope(minX: 8, minY: 1, maxX: 8, maxY: 1))
        #expect(try Geometry(wkb: store.wkb(2), context: context).numberOfCoordinates == 2)
        #expect(try Geometry(wkb: store.wkb(3), context: context).coordinates == [XY(8, 1)])
    }

    @Test func theWKBOfAPointIsRecognisedInEitherByteOrder() {
        let little: [UInt8] = [1, 1, 0, 0, 0] + bytes(2.5, bigEndian: false) + bytes(-7, bigEndian: false)
        let big: [UInt8] = [0, 0, 0, 0, 1] + bytes(2.5, bigEndian: true) + bytes(-7, bigEndian: true)
        #expect(PointWKB.isPoint(little) && PointWKB.isPoint(big))
        #expect(PointWKB.coordinates(little, at: 0) == (2.5, -7))
        #expect(PointWKB.coordinates([9] + big, at: 1) == (2.5, -7))
        #expect(!PointWKB.isPoint(Array(little.dropLast())))
        #expect(!PointWKB.isPoint([1, 4, 0, 0, 0] + little.dropFirst(5)))  // a multi-point's type
    }

    // MARK: - Helpers

    private func bytes(_ value: Double, bigEndian: Bool) -> [UInt8] {
        let bits = bigEndian ? value.bitPattern.bigEndian : value.bitPattern.littleEndian
        return withUnsafeBytes(of: bits) { Array($0) }
    }

    private func points(of store: FeatureStore) throws -> [XY] {
        try (0..<store.count).flatMap { try Geometry(wkb: store.wkb($0), context: context).coordinates }
    }

    /// The geometries as a GeoJSON points input, loaded the way a run loads it.
    private func load(_ wkts: [String]) throws -> FeatureStore {
        let features = try wkts.map { wkt in
            let geometry = try Geometry(wkt: wkt, context: context)
            let coordinates = try geometry.coordinates.map { "[\($0.x),\($0.y)]" }
            let json =
                geometry.type == .point
                ? #"{"type":"Point","coordinates":\#(coordinates[0])}"#
                : #"{"type":"MultiPoint","coordinates":[\#(coordinates.joined(separator: ","))]}"#
            return #"{"type":"Feature","properties":{},"geometry":\#(json)}"#
        }
        let folder = try TemporaryFolder()
        let path = folder.path("points.geojson")
        try #"{"type":"FeatureCollection","features":[\#(features.joined(separator: ","))]}"#
            .write(toFile: path, atomically: true, encoding: .utf8)
        return try FeatureStore.load(
            InputSpec(name: "points", kind: .points, path: path), whereClause: nil, by: nil, folder: nil,
            context: context)
    }
}
