import Foundation
import GDAL
import GEOS
import GeoplanTestSupport
import Testing

@testable import GeoPlan

/// Rounding coordinates never makes a valid polygon invalid nor collapses it; an invalid one is left as given.
@Suite struct ValidRoundingTests {
    /// Three vertices 3e-8° apart: rounded one by one to 7 decimals, the ring crosses itself.
    static let foldingRing =
        "POLYGON ((100 13, 100.001 13, 100.00049999134514 13.000500021780681, "
        + "100.00049998189245 13.000500050252537, 100.00049995192337 13.000500048890554, 100 13.001, 100 13))"

    @Test func aPolygonThatRoundingWouldFoldIsSnapRoundedAndReadsBackValid() throws {
        let context = try GEOSContext()
        let original = try Geometry(wkt: Self.foldingRing, context: context)
        #expect(try original.isValid)
        // The flaw: each vertex rounded on its own (GDAL's COORDINATE_PRECISION) gives a self-intersection.
        #expect(try !Geometry(wkt: try original.wkt(precision: 7), context: context).isValid)

        let folder = try TemporaryFolder()
        let written = try GeoJSONTestWriting.write(
            [([], Self.foldingRing)], fields: [],
            to: folder.path("fold.geojson"), decimals: 7)
        #expect(written.counts.snapRounded == 1 && written.counts.keptFullPrecision == 0)
        #expect(RFC7946Checker(maximumDecimals: 7).violations(in: written.text) == [])
        let read = try GeoJSONTestWriting.geos(
            try #require(try GeoJSONTestWriting.readBack(written.path).rows[0].1),
            context)
        #expect(try read.isValid && !read.isEmpty)
        let (readArea, originalArea) = (try read.area, try original.area)
        #expect(abs(readArea - originalArea) < 1e-9)  // vertices moved by at most 5e-8° along a 0.004° ring
    }

    @Test func aPolygonNarrowerThanTheGridKeepsFullPrecision() throws {
        let sliver = "POLYGON ((100 13, 100.01 13, 100.01 13.0000001, 100 13))"
        let folder = try TemporaryFolder()
        let written = try GeoJSONTestWriting.write(
            [([], sliver)], fields: [], to: folder.path("sliver.geojson"),
            decimals: 3)
        #expect(written.counts.keptFullPrecision == 1)
        #expect(written.text.contains("13.0000001"))
        let context = try GEOSContext()
        let read = try GeoJSONTestWriting.geos(
            try #require(try GeoJSONTestWriting.readBack(written.path).rows[0].1),
            context)
        #expect(try read.isValid && !read.isEmpty)
    }

    @Test func onlyTheIslandThatWouldVanishKeepsFullPrecision() throws {
        let islands =
            "MULTIPOLYGON (((100.00001 13.00001, 100.10001 13.00001, 100.10001 13.10001, 100.00001 13.00001)), "
            + "((100.2 13.2, 100.2001 13.2, 100.2001 13.20005, 100.2 13.2)))"
        let folder = try TemporaryFolder()
        let written = try GeoJSONTestWriting.write(
            [([], islands)], fields: [], to: folder.path("islands.geojson"),
            decimals: 3)
        #expect(written.counts.keptFullPrecision == 1)
        #expect(written.text.contains("[[[100.0,13.0],[100.1,13.0],[100.1,13.1],[100.0,13.0]]]"))
        #expect(written.text.contains("[100.2001,13.20005]"))
        let context = try GEOSContext()
        let read = try GeoJSONTestWriting.geos(
            try #require(try GeoJSONTestWriting.readBack(written.path).rows[0].1),
            context)
        #expect(try read.isValid && read.numberOfGeometries == 2)
    }

    @Test func anInvalidPolygonIsWrittenAsGivenNotRepaired() throws {
        let bowTie = "POLYGON ((100 13, 100.1 13.1, 100.1 13, 100 13.1, 100 13))"
        let folder = try TemporaryFolder()
        let written = try GeoJSONTestWriting.write([([], bowTie)], fields: [], to: folder.path("bowtie.geojson"))
        #expect(written.counts.snapRounded == 0 && written.counts.keptFullPrecision == 0)
        let context = try GEOSContext()
        let read = try GeoJSONTestWriting.geos(
            try #require(try GeoJSONTestWriting.readBack(written.path).rows[0].1),
            context)
        #expect(try !read.isValid && read.numberOfCoordinates == 5)
    }

    @Test func defectsGEOSCannotEvenReadAreWrittenAsGivenAtAnyPrecision() throws {
        let folder = try TemporaryFolder()
        let defects = [
            "POLYGON ((100.5 13.7, 100.51 13.7, 100.5 13.7))",  // a ring of three positions
            "POLYGON ((179.5 10, -179.5 11, -179.5 10, 179.5 11, 179.5 10))",
        ]  // a bow-tie across 180°
        for decimals in [3, 7] {
            let written = try GeoJSONTestWriting.write(
                defects.map { ([], $0) }, fields: [],
                to: folder.path("defects\(decimals).geojson"), decimals: decimals)
            #expect(written.counts.snapRounded == 0 && written.counts.keptFullPrecision == 0)
            #expect(try JSONSerialization.jsonObject(with: Data(written.text.utf8)) is [String: Any])
        }
    }

    /// Every shipped tambon and province at every precision from 3 to 9 decimals: written, read back through GDAL,
    /// and every polygon that was valid is valid and not empty.
    @Test(arguments: [
        Fixtures.phuket, Fixtures.nonthaburi, Fixtures.nakhonPathom,
        Fixtures.shape("tambons/samut-songkhram/samut-songkhram.shp"), Fixtures.provinces,
    ])
    func everyShippedPolygonStaysValidAtEveryPrecision(_ shapefile: String) throws {
        let context = try GEOSContext()
        var originals: [(wkt: String, valid: Bool)] = []
        try Dataset.open(shapefile).layer(at: 0).forEachFeature { feature in
            guard let geometry = feature.geometry else { return }
            let shape = try Geometry(wkb: try geometry.planarWKB(), context: context)
            originals.append((geometry.wkt, try shape.isValid))
        }
        #expect(originals.count > 10)
        let folder = try TemporaryFolder()
        for decimals in 3...9 {
            let written = try GeoJSONTestWriting.write(
                originals.map { ([], $0.wkt) }, fields: [],
                to: folder.path("p\(decimals).geojson"), decimals: decimals,
                batchSize: 16)
            // (Decimals are not checked here: a feature whose island would collapse keeps full precision.)
            #expect(RFC7946Checker().violations(in: written.text) == [])
            let rows = try GeoJSONTestWriting.readBack(written.path).rows
            #expect(rows.count == originals.count)
            for (row, original) in zip(rows, originals) where original.valid {
                let read = try GeoJSONTestWriting.geos(try #require(row.1), context)
                #expect(try read.isValid && !read.isEmpty, "\(shapefile) at \(decimals) decimals")
            }
        }
    }
}
