import Foundation
import GDAL
import GeoplanTestSupport
import Testing

@testable import GeoPlan

/// Every indicator type on hand-computed cases: two 0.1° cells side by side near Bangkok, A = [100.0, 100.1] ×
/// [13.0, 13.1] and B = [100.1, 100.2] × [13.0, 13.1], sharing the meridian 100.1° E.
///
/// References are GeographicLib's own tools (geographiclib-tools 2.1.2):
/// - `printf "13.0 100.0\n13.0 100.1\n13.1 100.1\n13.1 100.0\n" | Planimeter -p 6` → 119993614.2 m² (B the same)
/// - `echo "13.05 100.05 13.05 100.1" | GeodSolve -i -p 9` → 5423.149856986 m (and 100.1 → 100.15 the same)
/// - `echo "13.02 100.1 13.08 100.1" | GeodSolve -i -p 9` → 6637.854724364 m
/// - `echo "13.05 100.05 13.05 100.3" | GeodSolve -i -p 9` → 27115.748232072 m; from 100.15: 16269.449360386 m
/// Tolerances: areas 1e-9 relative (Planimeter prints 0.1 m²: 1e-9 of 1.2e8 m² is 0.12 m²), lengths 1e-6 relative.
@Suite struct RunnerTests {
    let folder: TemporaryFolder
    let spec: Spec

    init() throws {
        folder = try TemporaryFolder()
        try folder.write(
            SyntheticData.featureCollection([
                (
                    #"{"type": "Polygon", "coordinates": [[[100.0, 13.0], [100.1, 13.0], [100.1, 13.1], [100.0, 13.1], [100.0, 13.0]]]}"#,
                    #"{"code": "A", "name": "ก"}"#
                ),
                (
                    #"{"type": "Polygon", "coordinates": [[[100.1, 13.0], [100.2, 13.0], [100.2, 13.1], [100.1, 13.1], [100.1, 13.0]]]}"#,
                    #"{"code": "B", "name": "ข"}"#
                ),
            ]), to: "cells.geojson")
        try folder.write(
            SyntheticData.featureCollection([
                (#"{"type": "Point", "coordinates": [100.05, 13.05]}"#, #"{"kind": "school"}"#),
                (#"{"type": "Point", "coordinates": [100.15, 13.05]}"#, #"{"kind": "school"}"#),
                (#"{"type": "Point", "coordinates": [100.1, 13.05]}"#, #"{"kind": "temple"}"#),  // on the shared border
                (#"{"type": "Point", "coordinates": [100.3, 13.05]}"#, #"{"kind": "hospital"}"#),  // outside both
            ]), to: "points.geojson")
        try folder.write(
            SyntheticData.featureCollection([
                // Crosses the shared border at (100.1, 13.05).
                (
                    #"{"type": "LineString", "coordinates": [[100.05, 13.05], [100.1, 13.05], [100.15, 13.05]]}"#,
                    #"{"class": "primary"}"#
                ),
                // Runs along the shared border: counted once, in A (the smaller id).
                (#"{"type": "LineString", "coordinates": [[100.1, 13.02], [100.1, 13.08]]}"#, #"{"class": "local"}"#),
            ]), to: "lines.geojson")
        try folder.write(
            SyntheticData.featureCollection([
                // Residential covers A's west half; agriculture [100.025, 100.1] overlaps it on [100.025, 100.05].
                (
                    #"{"type": "Polygon", "coordinates": [[[100.0, 13.0], [100.05, 13.0], [100.05, 13.1], [100.0, 13.1], [100.0, 13.0]]]}"#,
                    #"{"class": "residential"}"#
                ),
                (
                    #"{"type": "Polygon", "coordinates": [[[100.025, 13.0], [100.1, 13.0], [100.1, 13.1], [100.025, 13.1], [100.025, 13.0]]]}"#,
                    #"{"class": "agriculture"}"#
                ),
            ]), to: "landuse.geojson")
        try folder.write("code,pop\na,1000\nB,500\nZ,7\n", to: "table.csv")
        spec = Spec(
            boundaries: [BoundarySpec(name: "cells", path: "cells.geojson", idField: "code", nameFields: ["name"])],
            inputs: [
                InputSpec(name: "points", kind: .points, path: "points.geojson"),
                InputSpec(name: "lines", kind: .lines, path: "lines.geojson"),
                InputSpec(name: "landuse", kind: .polygons, path: "landuse.geojson"),
                InputSpec(name: "table", kind: .table, path: "table.csv", codeField: "code"),
            ],
            indicators: [
                IndicatorSpec(id: "area_m2", kind: .area(unit: .squareMetres)),
                IndicatorSpec(id: "facilities", kind: .count(input: "points", whereClause: nil, by: "kind")),
                IndicatorSpec(
                    id: "hospitals", kind: .count(input: "points", whereClause: "kind = 'hospital'", by: nil)),
                IndicatorSpec(id: "road_km", kind: .length(input: "lines", whereClause: nil, by: "class")),
                IndicatorSpec(id: "landuse", kind: .share(input: "landuse", by: "class", whereClause: nil)),
                IndicatorSpec(id: "landuse_mix", kind: .mix(input: "landuse", by: "class", whereClause: nil)),
                IndicatorSpec(id: "pop", kind: .join(input: "table", column: "pop", normalization: .thai)),
                IndicatorSpec(id: "per_hospital", kind: .expression("pop / hospitals")),
                IndicatorSpec(id: "density", kind: .expression("pop / (area_m2 / 1000000)")),
                IndicatorSpec(id: "to_hospital_m", kind: .nearest(input: "points", whereClause: "kind = 'hospital'")),
            ],
            output: OutputSpec(folder: "out", formats: []),
            path: folder.path("spec.yaml"))
    }

    func values() throws -> (report: BoundaryRunReport, column: (String, String) -> Double?) {
        let report = try #require(try Runner.run(spec, includeRows: true).boundarySets.first)
        let names = report.columns.map(\.name)
        let rows = report.rows ?? []
        return (
            report,
            { id, column in
                guard let row = rows.first(where: { $0.id == id }), let position = names.firstIndex(of: column) else {
                    return nil
                }
                return row.values[position].flatMap(Double.init)
            }
        )
    }

    @Test func everyIndicatorMatchesItsHandComputedValue() throws {
        let (report, value) = try values()
        for id in ["A", "B"] {
            #expect(abs(try #require(value(id, "area_m2")) / 119_993_614.2 - 1) < 1e-9)
        }
        // Points: A has its school and the border temple (smaller id), B its school; the hospital is outside.
        #expect(value("A", "facilities") == 2 && value("B", "facilities") == 1)
        #expect(value("A", "facilities_school") == 1 && value("A", "facilities_temple") == 1)
        #expect(value("B", "facilities_temple") == 0)
        #expect(report.counters["facilities: points on a border"] == 1)
        #expect(report.counters["facilities: points in no area"] == 1)
        // Lines: the crossing line splits at the border; the border line goes to A only.
        let crossing = 5423.149856986
        let border = 6637.854724364
        #expect(abs(try #require(value("A", "road_km")) * 1000 / (crossing + border) - 1) < 1e-6)
        #expect(abs(try #require(value("B", "road_km")) * 1000 / crossing - 1) < 1e-6)
        #expect(abs(try #require(value("A", "road_km_local")) * 1000 / border - 1) < 1e-6)
        #expect(value("B", "road_km_local") == 0)
        // Land use: the overlap goes to agriculture (first alphabetically), so A is agriculture on [100.025, 100.1]
        // and residential on [100.0, 100.025] (not exactly ¾ and ¼: the pieces' edges are geodesics between other
        // corners). Planimeter (-p 6) of the pieces: 89995202.1 m² and 29998397.5 m², of A 119993614.2 m².
        #expect(abs(try #require(value("A", "landuse_agriculture")) - 89_995_202.1 / 119_993_614.2) < 1e-8)
        #expect(abs(try #require(value("A", "landuse_residential")) - 29_998_397.5 / 119_993_614.2) < 1e-8)
        #expect(abs(try #require(value("A", "landuse")) - (89_995_202.1 + 29_998_397.5) / 119_993_614.2) < 1e-8)
        #expect(value("B", "landuse") == 0)
        // Mix: normalised Shannon entropy of those two areas, −Σ p ln p / ln 2 = 0.8112780927581905 (python3, from
        // the Planimeter areas); nothing covered in B: null.
        #expect(abs(try #require(value("A", "landuse_mix")) - 0.8112780927581905) < 1e-8)
        #expect(value("B", "landuse_mix") == nil)
        // Join, with Thai normalisation matching "a" to "A"; Z matches no area.
        #expect(value("A", "pop") == 1000 && value("B", "pop") == 500)
        #expect(report.counters["pop: table codes matching no area"] == 1)
        // Expressions: no hospital in either cell, so pop / hospitals divides by zero: null, never infinity.
        #expect(value("A", "per_hospital") == nil)
        #expect(abs(try #require(value("A", "density")) - 1000 / 119.9936142) < 1e-6)
        // Nearest hospital from each cell's point-on-surface (the cell's centre) to (100.3, 13.05).
        #expect(abs(try #require(value("A", "to_hospital_m")) / 27115.748232072 - 1) < 1e-6)
        #expect(abs(try #require(value("B", "to_hospital_m")) / 16269.449360386 - 1) < 1e-6)
    }

    @Test func planarMeasuresUseTheNamedCRS() throws {
        // Cell A's corners in UTM 47N by GeographicLib (`echo "13.0 100.0" | GeoConvert -u -p 6 -z 47` …), then the
        // shoelace formula over the four points (python3): 119936103.21130371 m², 0.05 % less than the geodesic
        // area, as UTM's scale factor there (≈ 0.99975) says. Tolerance 1e-6 relative (GeoConvert prints 1 µm).
        var planar = spec
        planar.indicators = [
            IndicatorSpec(
                id: "utm_m2", kind: .area(unit: .squareMetres),
                measure: .planar(crs: "EPSG:32647")),
            IndicatorSpec(id: "rai", kind: .area(unit: .rai)),
        ]
        let rows = try #require(try Runner.run(planar, includeRows: true).boundarySets.first?.rows)
        #expect(abs(try #require(rows[0].values[0].flatMap(Double.init)) / 119_936_103.21130371 - 1) < 1e-6)
        // 119,993,614.2 m² = 74,996 rai 0 ngan 3.55 square wa, rounded to 4 wa: 74996-0-4.
        #expect(rows[0].values[2] == "74996-0-4")
        planar.indicators = [
            IndicatorSpec(id: "x", kind: .area(unit: .squareMetres), measure: .planar(crs: "EPSG:4326"))
        ]
        #expect { try Runner.run(planar) } throws: { "\($0)".contains("projected CRS") }
    }

    @Test func outputsAppearTogetherWithProvenance() throws {
        var withOutputs = spec
        withOutputs.output.formats = [.geoJSON, .csv, .geoPackage]
        let report = try Runner.run(withOutputs)
        let out = folder.path("out")
        #expect(
            Set(try FileManager.default.contentsOfDirectory(atPath: out))
                == ["cells.geojson", "cells.csv", "cells.gpkg", "cells.meta.json"])
        #expect(report.outputs.count == 4)
        // Each stage's wall time, for an app or the bench to see where a run's time went.
        let stages = try #require(report.boundarySets.first?.stageSeconds)
        #expect(Set(stages.keys) == ["load", "plan", "read_inputs", "compute", "finish", "write"])
        #expect(stages.values.allSatisfy { $0 >= 0 && $0 < 600 })
        // The inputs' fingerprints in the record are those of the files (hashed on a thread of their own).
        let record = try JSONSerialization.jsonObject(
            with: Data(contentsOf: URL(fileURLWithPath: folder.path("out/cells.meta.json"))))
        let inputs = try #require((record as? [String: Any])?["inputs"] as? [[String: Any]])
        #expect(!inputs.isEmpty)
        for input in inputs {
            let path = try #require(input["path"] as? String)
            #expect(input["fnv1a64"] as? String == InputFingerprint.of(path).fnv1a64, "\(path)")
        }
        let text = try String(contentsOfFile: folder.path("out/cells.geojson"), encoding: .utf8)
        #expect(RFC7946Checker(maximumDecimals: 7).violations(in: text) == [])
        #expect(text.contains(#""id":"A""#) && text.contains(#""code":"A""#))
        // CSV keeps every digit (GDAL's CSV driver would print 15 significant digits) and reads back in GDAL.
        let csv = try String(contentsOfFile: folder.path("out/cells.csv"), encoding: .utf8)
        let areaA = try #require(try Runner.run(spec, includeRows: true).boundarySets[0].rows?[0].values[0])
        #expect(csv.contains(",\(areaA),"))
        let table = try Dataset.open(folder.path("out/cells.csv")).layer(at: 0)
        #expect(table.featureCount() == 2 && table.schema.names.contains("landuse_mix"))
        let meta = try String(contentsOfFile: folder.path("out/cells.meta.json"), encoding: .utf8)
        #expect(meta.contains("fnv1a64") && meta.contains("\"gdal\""))
        // A second run refuses to overwrite, and leaves everything as it was.
        #expect(throws: GeoPlanError.self) { try Runner.run(withOutputs) }
        #expect(try String(contentsOfFile: folder.path("out/cells.geojson"), encoding: .utf8) == text)
    }

    @Test func csvForExcelStartsWithAByteOrderMark() throws {
        var excel = spec
        excel.output = OutputSpec(folder: "out", formats: [.csv], csvBOM: true)
        _ = try Runner.run(excel)
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: folder.path("out/cells.csv"))))
        #expect(bytes.prefix(3) == [0xEF, 0xBB, 0xBF])
        #expect(String(decoding: bytes.dropFirst(3), as: UTF8.self).hasPrefix("code,name,area_m2"))
    }

    @Test func everyBoundarySetGetsEveryIndicator() throws {
        var two = spec
        two.boundaries.append(
            BoundarySpec(name: "west", path: "cells.geojson", idField: "code", whereClause: "code = 'A'"))
        two.output.formats = [.csv]
        let report = try Runner.run(two, includeRows: true)
        #expect(report.boundarySets.map(\.name) == ["cells", "west"])
        #expect(report.boundarySets.map(\.areas) == [2, 1])
        #expect(report.boundarySets[1].rows?.first?.values == report.boundarySets[0].rows?.first?.values)
        #expect(
            Set(try FileManager.default.contentsOfDirectory(atPath: folder.path("out")))
                == ["cells.csv", "cells.meta.json", "west.csv", "west.meta.json"])
    }

    @Test func duplicateAndEmptyIdsAreRefused() throws {
        try folder.write(
            SyntheticData.featureCollection([
                (
                    #"{"type": "Polygon", "coordinates": [[[100.0, 13.0], [100.1, 13.0], [100.1, 13.1], [100.0, 13.0]]]}"#,
                    #"{"code": "A"}"#
                ),
                (
                    #"{"type": "Polygon", "coordinates": [[[100.1, 13.0], [100.2, 13.0], [100.2, 13.1], [100.1, 13.0]]]}"#,
                    #"{"code": "A"}"#
                ),
            ]), to: "dupes.geojson")
        var duplicated = spec
        duplicated.boundaries = [BoundarySpec(name: "d", path: "dupes.geojson", idField: "code")]
        #expect { try Runner.run(duplicated) } throws: { "\($0)".contains("ids must be unique") }
    }
}
