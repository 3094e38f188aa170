import Foundation
import GDAL
import GEOS
import GeoplanTestSupport
import PROJ
import Testing

@testable import GeoPlan

/// `zonal` end to end (spec → raster read by strips → exact coverage → statistics) on rasters whose answers are
/// known: constant and patterned rasters over two 0.1° cells near Bangkok (A = [100.0, 100.1] × [13.0, 13.1],
/// B = [100.1, 100.2] × [13.0, 13.1]), a UTM raster under lon/lat areas, and exactextract's values over Phuket.
@Suite struct ZonalIndicatorTests {
    let folder: TemporaryFolder

    init() throws {
        folder = try TemporaryFolder()
        try folder.write(
            SyntheticData.featureCollection([
                (
                    #"{"type": "Polygon", "coordinates": [[[100.0, 13.0], [100.1, 13.0], [100.1, 13.1], [100.0, 13.1], [100.0, 13.0]]]}"#,
                    #"{"code": "A"}"#
                ),
                (
                    #"{"type": "Polygon", "coordinates": [[[100.1, 13.0], [100.2, 13.0], [100.2, 13.1], [100.1, 13.1], [100.1, 13.0]]]}"#,
                    #"{"code": "B"}"#
                ),
            ]), to: "cells.geojson")
    }

    /// Runs one zonal indicator over `boundaries`; returns the report and a lookup of (area, column).
    private func run(
        _ request: ZonalRequest, raster: String, weights: String? = nil,
        boundaries: BoundarySpec? = nil, id: String = "z"
    ) throws
        -> (report: BoundaryRunReport, value: (String, String) -> Double?)
    {
        var inputs = [InputSpec(name: "raster", kind: .raster, path: raster)]
        if let weights { inputs.append(InputSpec(name: "weights", kind: .raster, path: weights)) }
        let spec = Spec(
            boundaries: [boundaries ?? BoundarySpec(name: "cells", path: "cells.geojson", idField: "code")],
            inputs: inputs, indicators: [IndicatorSpec(id: id, kind: .zonal(request))],
            output: OutputSpec(folder: "out", formats: []), path: folder.path("spec.yaml"))
        let report = try #require(try Runner.run(spec, includeRows: true).boundarySets.first)
        let names = report.columns.map(\.name)
        let rows = report.rows ?? []
        return (
            report,
            { area, column in
                guard let row = rows.first(where: { $0.id == area }), let position = names.firstIndex(of: column) else {
                    return nil
                }
                return row.values[position].flatMap(Double.init)
            }
        )
    }

    /// A constant 2 on 0.007° pixels not aligned with the cells: each cell covers 0.01 / 0.007² pixels
    /// (its planar size in degrees over a pixel's), so count = 204.0816…, sum = 2 × count; the ground area of
    /// class 2 is the cell's area with parallels for edges, measured by PROJ's geodesic polygon area with each
    /// parallel densified to 2,000 points (2e-7, see below).
    @Test func constantRasterCountsTheCoveredPixels() throws {
        let raster = folder.path("constant.tif")
        try SyntheticRaster.write(to: raster, columns: 60, rows: 40, west: 99.9013, north: 13.2017, size: 0.007) {
            _, _ in 2
        }
        let request = ZonalRequest(
            input: "raster", statistics: [.count, .sum, .mean, .stdev, .area], classes: [2],
            areaUnit: .squareMetres)
        let (_, value) = try run(request, raster: raster)
        let pixels = 0.01 / (0.007 * 0.007)
        for area in ["A", "B"] {
            #expect(abs(try #require(value(area, "z_count")) / pixels - 1) < 1e-12)
            #expect(abs(try #require(value(area, "z_sum")) / (2 * pixels) - 1) < 1e-12)
            #expect(value(area, "z_mean") == 2)
            #expect(abs(try #require(value(area, "z_stdev"))) < 1e-12)
            #expect(abs(try #require(value(area, "z_covered_fraction")) - 1) < 1e-12)
        }
        let west = 100.0
        let east = 100.1
        let south = 13.0
        let north = 13.1
        let steps = (0...2000).map { Double($0) / 2000 }
        var ring: [Double] = []
        for t in steps { ring += [west + t * (east - west), south] }
        for t in steps.dropFirst() { ring += [east, south + t * (north - south)] }
        for t in steps.dropFirst() { ring += [east - t * (east - west), north] }
        for t in steps.dropFirst() { ring += [west, north - t * (north - south)] }
        let reference = abs(Geodesic.wgs84.polygonMeasure(exterior: ring).area)
        let ground = try #require(value("A", "z_area_2"))
        // A partly covered pixel's ground area is its covered fraction × its area, as if its area were spread
        // evenly over its 0.007° of latitude: that costs 1e-7 here (it shrinks with the square of the pixel size).
        #expect(abs(ground / reference - 1) < 2e-7, "\(ground) vs \(reference): \(ground / reference - 1)")
    }

    /// A 0/1 checkerboard of 0.02° pixels aligned with the cells: each cell holds 5 × 5 pixels, 13 of one value
    /// and 12 of the other; the centre rule and the exact rule agree on aligned pixels.
    @Test func checkerboardOnAlignedPixels() throws {
        let raster = folder.path("checker.tif")
        try SyntheticRaster.write(to: raster, columns: 10, rows: 5, west: 100.0, north: 13.1, size: 0.02) { c, r in
            Double((c + r) % 2)
        }
        for rule in CoverageRule.allCases {
            let (_, value) = try run(
                ZonalRequest(
                    input: "raster", statistics: [.count, .sum, .majority, .variety],
                    coverage: rule), raster: raster)
            #expect(abs(try #require(value("A", "z_count")) - 25) < 1e-9, "\(rule)")
            #expect(abs(try #require(value("A", "z_sum")) - 12) < 1e-9, "\(rule)")  // (0,0) is 0: 13 zeros
            #expect(value("A", "z_majority") == 0)
            #expect(abs(try #require(value("B", "z_sum")) - 13) < 1e-9, "\(rule)")  // starts at (5,0): a 1
            #expect(value("B", "z_variety") == 2)
        }
    }

    /// Pixels of 0.04° from (100.02° E, 13.14° N), valued by column (1…5): the cells' edges cut them at known
    /// places, so every fraction is 0, ½ or 1 and the sums are worked by hand below.
    @Test func pixelsCutAtKnownFractions() throws {
        let raster = folder.path("cut.tif")
        // 5 columns × 3 rows of 0.04° from (100.02, 13.14): rows span 13.14–13.02, so the cells' lower 0.02° is
        // off the raster too.
        try SyntheticRaster.write(to: raster, columns: 5, rows: 3, west: 100.02, north: 13.14, size: 0.04) { c, _ in
            Double(c + 1)
        }
        let (_, value) = try run(ZonalRequest(input: "raster", statistics: [.count, .sum]), raster: raster)
        // Rows: 13.14–13.10 (cells have none of it), 13.10–13.06 (whole), 13.06–13.02 (whole): 2 rows of
        // coverage 1 vertically. Columns for A (100.0–100.1): 100.02–100.06 whole, 100.06–100.10 whole.
        #expect(abs(try #require(value("A", "z_count")) - 4) < 1e-12)
        #expect(abs(try #require(value("A", "z_sum")) - (1 + 2) * 2) < 1e-12)
        // B (100.1–100.2): 100.10–100.14 whole, 100.14–100.18 whole, 100.18–100.22 half.
        #expect(abs(try #require(value("B", "z_count")) - 5) < 1e-12)
        let bSum: Double = (3 + 4 + 0.5 * 5) * 2
        #expect(abs(try #require(value("B", "z_sum")) - bSum) < 1e-12)
        // The raster covers 0.08 × 0.08 of A's 0.1 × 0.1 (up to the ellipsoid's slight change with latitude).
        #expect(abs(try #require(value("A", "z_covered_fraction")) - 0.64) < 1e-3)
    }

    /// A raster in UTM 47N (100 m pixels) under lon/lat cells: the cells are brought into UTM, never the raster
    /// into lon/lat. Count × 100² m² equals the planar area of cell A's corners projected to UTM (shoelace).
    @Test func projectedRasterUnderLonLatAreas() throws {
        let raster = folder.path("utm.tif")
        // UTM 47N covers 96–102° E; cell A is around x 608–619 km, y 1437–1449 km.
        try SyntheticRaster.write(
            to: raster, columns: 300, rows: 300, west: 600_000, north: 1_460_000, size: 100,
            crs: "EPSG:32647"
        ) { _, _ in 1 }
        let (_, value) = try run(
            ZonalRequest(
                input: "raster", statistics: [.count, .area], classes: [1],
                areaUnit: .squareMetres), raster: raster)
        let context = try ProjContext()
        let transformer = try Transformer(
            from: try CRS.wgs84(context: context),
            to: try CRS("EPSG:32647", context: context), context: context)
        var corners = [100.0, 13.0, 100.1, 13.0, 100.1, 13.1, 100.0, 13.1]
        try transformer.transform(interleaved: &corners)
        var twice = 0.0
        for i in 0..<4 {
            let j = (i + 1) % 4
            twice += corners[2 * i] * corners[2 * j + 1] - corners[2 * j] * corners[2 * i + 1]
        }
        let planar = abs(twice) / 2
        #expect(abs(try #require(value("A", "z_count")) * 10_000 / planar - 1) < 1e-9)
        #expect(abs(try #require(value("A", "z_area_1")) / planar - 1) < 1e-9)
        #expect(abs(try #require(value("A", "z_covered_fraction")) - 1) < 1e-12)
    }

    /// exactextract 0.3.0's values over Phuket's 17 tambons (bench/reference/zonal/record.py wrote the same
    /// pixels and ran it): count, sum, mean and stdev within 1e-6 relative, min and max exact, the median
    /// within 1e-6 (exactextract keeps it in single precision).
    @Test func agreesWithExactextractOverPhuket() throws {
        let raster = folder.path("phuket.tif")
        try SyntheticRaster.write(
            to: raster, columns: 270, rows: 760, west: 98.25, north: 8.16, size: 0.0009,
            noData: -9999, type: .float32
        ) { c, r in
            (c * 31 + r * 17) % 97 == 0 ? -9999 : Double((c * 7919 + r * 104_729) % 1009) / 8
        }
        let statistics: [ZonalStatistic] = [.count, .sum, .mean, .min, .max, .stdev, .quantile(0.5), .variety]
        let (_, value) = try run(
            ZonalRequest(input: "raster", statistics: statistics), raster: raster,
            boundaries: BoundarySpec(name: "tambons", path: Fixtures.phuket, idField: "ADM3_PCODE"))
        let csv = try String(
            contentsOf: Fixtures.root.appendingPathComponent(
                "bench/reference/zonal/phuket-exactextract.csv"), encoding: .utf8)
        let lines = csv.split(whereSeparator: \.isNewline).map { $0.split(separator: ",").map(String.init) }
        let header = try #require(lines.first)
        #expect(lines.count == 18)
        for line in lines.dropFirst() {
            let code = line[0]
            func reference(_ name: String) throws -> Double {
                let position = try #require(header.firstIndex(of: name))
                return try #require(Double(line[position]))
            }
            for (theirs, ours) in [("count", "z_count"), ("sum", "z_sum"), ("mean", "z_mean"), ("stdev", "z_stdev")] {
                let want = try reference(theirs)
                let got = try #require(value(code, ours), "\(code) \(ours)")
                #expect(abs(got - want) <= 1e-6 * abs(want), "\(code) \(theirs): \(got) vs exactextract \(want)")
            }
            #expect(value(code, "z_min") == (try reference("min")))
            #expect(value(code, "z_max") == (try reference("max")))
            #expect(value(code, "z_variety") == (try reference("variety")))
            let median = try reference("median")
            #expect(abs((value(code, "z_median") ?? .nan) - median) <= 1e-6 * median, "\(code) median")
        }
    }

    // MARK: - Areas without data, and bad input

    @Test func areasOffTheRasterOrOverNoDataAreNullNotZero() throws {
        let raster = folder.path("west-only.tif")
        // Covers A only; its east half is nodata (A's window of the east half alone is all nodata).
        try SyntheticRaster.write(
            to: raster, columns: 10, rows: 10, west: 100.0, north: 13.1, size: 0.01,
            noData: -1
        ) { c, _ in c < 5 ? 3 : -1 }
        let (report, value) = try run(ZonalRequest(input: "raster", statistics: [.count, .sum, .mean]), raster: raster)
        #expect(abs(try #require(value("A", "z_count")) - 50) < 1e-9)
        #expect(abs(try #require(value("A", "z_covered_fraction")) - 0.5) < 1e-9)
        #expect(value("B", "z_count") == 0)
        #expect(value("B", "z_sum") == nil)
        #expect(value("B", "z_mean") == nil)
        #expect(value("B", "z_covered_fraction") == 0)
        #expect(report.counters["z: areas without raster data"] == 1)
    }

    /// Night lights 10 on the west half of each cell and 20 on the east half, under 1 person per pixel in the west
    /// and 3 in the east: the population-weighted mean is (10 + 3 · 20) / 4 = 17.5, the plain mean 15.
    @Test func weightedByASecondRasterOnTheSameGrid() throws {
        let lights = folder.path("lights.tif")
        let people = folder.path("people.tif")
        try SyntheticRaster.write(to: lights, columns: 20, rows: 10, west: 100.0, north: 13.1, size: 0.01) { c, _ in
            c % 10 < 5 ? 10 : 20
        }
        try SyntheticRaster.write(to: people, columns: 20, rows: 10, west: 100.0, north: 13.1, size: 0.01) { c, _ in
            c % 10 < 5 ? 1 : 3
        }
        let request = ZonalRequest(
            input: "raster", statistics: [.mean, .weightedMean, .weightedSum],
            weights: "weights")
        let (_, value) = try run(request, raster: lights, weights: people)
        for area in ["A", "B"] {
            #expect(abs(try #require(value(area, "z_mean")) - 15) < 1e-12)
            #expect(abs(try #require(value(area, "z_weighted_mean")) - 17.5) < 1e-12)
            let weightedSum: Double = 50 * (10 + 3 * 20)  // 50 pixels of each half
            #expect(abs(try #require(value(area, "z_weighted_sum")) - weightedSum) < 1e-9)
        }
        let coarse = folder.path("coarse.tif")
        try SyntheticRaster.write(to: coarse, columns: 10, rows: 5, west: 100.0, north: 13.1, size: 0.02) { _, _ in 1 }
        #expect { try run(request, raster: lights, weights: coarse) } throws: { "\($0)".contains("grid") }
    }

    /// Results do not depend on how the areas are cut into chunks or how many threads compute them.
    @Test func theSameWhateverTheThreadsAndChunks() throws {
        let raster = folder.path("pattern.tif")
        try SyntheticRaster.write(to: raster, columns: 300, rows: 800, west: 98.24, north: 8.21, size: 0.001) { c, r in
            Double((c * 13 + r * 7) % 101)
        }
        let spec = Spec(
            boundaries: [BoundarySpec(name: "tambons", path: Fixtures.phuket, idField: "ADM3_PCODE")],
            inputs: [InputSpec(name: "raster", kind: .raster, path: raster)],
            indicators: [
                IndicatorSpec(
                    id: "z",
                    kind: .zonal(
                        ZonalRequest(
                            input: "raster", statistics: [.sum, .mean, .stdev, .quantile(0.5)])))
            ],
            output: OutputSpec(folder: "out", formats: []), path: folder.path("spec.yaml"))
        let one = try Runner.run(spec, includeRows: true, jobs: 1, chunkSize: 400).boundarySets.first?.rows
        let many = try Runner.run(spec, includeRows: true, jobs: 2, chunkSize: 3).boundarySets.first?.rows
        #expect(one != nil && one == many)
    }

    /// A fine raster (0.00005° pixels) over a 0.01° square inside cell A: A's box would be 4 million pixels
    /// of which 40,000 are on the raster, so only those are scanned and A's size comes from its edges. The
    /// covered fraction is the ground area of 13.04–13.05° N × 0.01° over that of 13.0–13.1° N × 0.1° (the
    /// ellipsoidal band areas, within 1e-9), and B, off the raster, has 0.
    @Test func aSmallRasterUnderALargeAreaScansOnlyTheRaster() throws {
        let raster = folder.path("patch.tif")
        try SyntheticRaster.write(to: raster, columns: 200, rows: 200, west: 100.04, north: 13.05, size: 0.00005) {
            _, _ in 1
        }
        let (_, value) = try run(ZonalRequest(input: "raster", statistics: [.count]), raster: raster)
        let expected =
            PixelArea.band(south: 13.04, north: 13.05, longitudeWidth: 0.01)
            / PixelArea.band(south: 13.0, north: 13.1, longitudeWidth: 0.1)
        #expect(abs(try #require(value("A", "z_covered_fraction")) / expected - 1) < 1e-9)
        #expect(abs(try #require(value("A", "z_count")) - 40_000) < 1e-6)
        #expect(value("B", "z_covered_fraction") == 0)
    }

    /// Stored values 0…9 with scale 0.5 and offset 10 (GDAL's unscaling: value · scale + offset) mean 10–14.5;
    /// B's half of the raster is all nodata (a window with no value at all): null, covered 0.
    @Test func scaleAndOffsetAreAppliedAndAllNoDataWindowsAreNull() throws {
        let raster = folder.path("scaled.tif")
        try SyntheticRaster.write(
            to: raster, columns: 20, rows: 10, west: 100.0, north: 13.1, size: 0.01,
            noData: 255, type: .byte, scale: 0.5, offset: 10
        ) { c, _ in c < 10 ? Double(c) : 255 }
        let (_, value) = try run(ZonalRequest(input: "raster", statistics: [.mean, .min, .max]), raster: raster)
        #expect(abs(try #require(value("A", "z_mean")) - (10 + 0.5 * 4.5)) < 1e-12)
        #expect(value("A", "z_min") == 10)
        #expect(value("A", "z_max") == 14.5)
        #expect(value("B", "z_mean") == nil)
        #expect(value("B", "z_covered_fraction") == 0)
    }

    /// Several bands: each gets its own columns, `<id>_b<band>_<stat>`.
    @Test func severalBandsHaveTheirOwnColumns() throws {
        let path = folder.path("two-bands.tif")
        let dataset = try RasterDataset.create(path, width: 20, height: 10, bands: 2, type: .float32)
        try dataset.setGeoTransform(GeoTransform(originX: 100.0, pixelWidth: 0.01, originY: 13.1, pixelHeight: -0.01))
        try dataset.setSpatialReference(try SpatialReference(definition: "EPSG:4326"))
        for (band, value) in [(1, 1.0), (2, 5.0)] {
            try dataset.band(band).write(
                [Double](repeating: value, count: 200),
                to: RasterWindow(column: 0, row: 0, width: 20, height: 10))
        }
        try dataset.close()
        let (report, value) = try run(ZonalRequest(input: "raster", bands: [2, 1], statistics: [.mean]), raster: path)
        #expect(
            report.columns.map(\.name) == ["z_b2_mean", "z_b2_covered_fraction", "z_b1_mean", "z_b1_covered_fraction"])
        #expect(value("A", "z_b2_mean") == 5)
        #expect(value("B", "z_b1_mean") == 1)
    }

    /// An area whose box lies wholly beyond the raster's edge, with a gap (B, east of a raster ending at 100.03),
    /// has no data: null, not a crash (its strips' cut bounds cross).
    @Test func anAreaWhollyBeyondTheRasterIsNull() throws {
        let raster = folder.path("narrow.tif")
        try SyntheticRaster.write(to: raster, columns: 3, rows: 10, west: 100.0, north: 13.1, size: 0.01) { _, _ in 3 }
        let (report, value) = try run(ZonalRequest(input: "raster", statistics: [.count, .sum, .mean]), raster: raster)
        #expect(abs(try #require(value("A", "z_count")) - 30) < 1e-9)
        #expect(value("B", "z_count") == 0)
        #expect(value("B", "z_sum") == nil)
        #expect(value("B", "z_mean") == nil)
        #expect(report.counters["z: areas without raster data"] == 1)
    }

    @Test func classValuesAbsentFromTheRasterAreReported() throws {
        let raster = folder.path("classes.tif")
        try SyntheticRaster.write(to: raster, columns: 20, rows: 10, west: 100.0, north: 13.1, size: 0.01) { c, _ in
            c < 10 ? 10 : 20
        }
        let spec = Spec(
            boundaries: [BoundarySpec(name: "cells", path: "cells.geojson", idField: "code")],
            inputs: [InputSpec(name: "raster", kind: .raster, path: raster)],
            indicators: [
                IndicatorSpec(
                    id: "lc",
                    kind: .zonal(
                        ZonalRequest(
                            input: "raster", statistics: [.fraction], classes: [10, 20, 30])))
            ],
            output: OutputSpec(folder: "out", formats: []), path: folder.path("spec.yaml"))
        let result = try Runner.run(spec, includeRows: true)
        #expect(result.warnings.contains { $0.contains("30") && $0.contains("no area") }, "\(result.warnings)")
        let row = try #require(result.boundarySets.first?.rows?.first { $0.id == "A" })
        #expect(row.values.compactMap { $0.flatMap(Double.init) }.prefix(3) == [1, 0, 0])
    }

    @Test func badRastersAreClearErrors() throws {
        let request = ZonalRequest(input: "raster", statistics: [.sum])
        try folder.write("not a raster\n", to: "notes.txt")
        #expect { try run(request, raster: folder.path("notes.txt")) } throws: {
            "\($0)".contains("notes.txt") && "\($0)".contains("raster")
        }
        let raster = folder.path("one-band.tif")
        try SyntheticRaster.write(to: raster, columns: 10, rows: 10, west: 100.0, north: 13.1, size: 0.01) { _, _ in 1 }
        #expect { try run(ZonalRequest(input: "raster", bands: [2], statistics: [.sum]), raster: raster) } throws: {
            "\($0)".contains("band 2")
        }
        let noCRS = folder.path("no-crs.tif")
        try SyntheticRaster.write(
            to: noCRS, columns: 10, rows: 10, west: 100.0, north: 13.1, size: 0.01,
            crs: nil
        ) { _, _ in 1 }
        #expect { try run(request, raster: noCRS) } throws: {
            "\($0)".contains("no CRS") && "\($0)".contains("assume_crs")
        }
        let elsewhere = folder.path("elsewhere.tif")
        try SyntheticRaster.write(to: elsewhere, columns: 10, rows: 10, west: 120.0, north: 30.0, size: 0.01) { _, _ in
            1
        }
        #expect { try run(request, raster: elsewhere) } throws: { "\($0)".contains("does not overlap") }
    }
}
