import Foundation
import GDAL
import GeoplanTestSupport
import Testing

/// Hostile coordinates met by every command that reads geometries: each is refused with the feature and the
/// coordinate named (never a NaN area, never an empty coordinate array written), or, for longitudes wholly beyond
/// ±180° and `--wrap-longitudes`, shifted by 360° and said.
enum HostileCoordinates {
    static func polygon(_ ring: [(Double, Double)]) -> String {
        let positions = (ring + [ring[0]]).map { "[\($0.0), \($0.1)]" }.joined(separator: ", ")
        return #"{"type": "Polygon", "coordinates": [[\#(positions)]]}"#
    }

    static func square(_ west: Double, _ south: Double) -> String {
        polygon([(west, south), (west + 1, south), (west + 1, south + 1), (west, south + 1)])
    }

    static func geojson(_ geometry: String, to name: String, in folder: TemporaryFolder) throws -> String {
        try folder.write(SyntheticData.featureCollection([(geometry, #"{"code": "X1"}"#)]), to: name)
    }

    /// A GeoPackage whose one polygon has NaN as its second vertex's x (GeoJSON cannot hold NaN).
    static func notANumber(to name: String, in folder: TemporaryFolder) throws -> String {
        let path = folder.path(name)
        let dataset = try Dataset.create(path, driver: "GPKG")
        let layer = try dataset.createLayer(
            named: "bad",
            spatialReference: try SpatialReference(definition: "EPSG:4326"),
            geometryType: GeometryType(kind: .polygon))
        try layer.createField(FieldDefinition(name: "code", type: .string))
        let row = try layer.makeFeature()
        row.set(.string("X1"), at: 0)
        let geometry = try OGRGeometry(wkt: "POLYGON ((100 13, 101 13, 101 14, 100 13))")
        try geometry.transformXY { xy in xy[2] = .nan }
        try row.setGeometry(geometry)
        try layer.write(row)
        try dataset.close()
        return path
    }

    /// UTM 47N coordinates of 1e30 m: no place on the Earth.
    static func absurdProjected(in folder: TemporaryFolder) throws -> String {
        let path = folder.path("absurd.gpkg")
        try SyntheticLayer.write(
            to: path, layer: "absurd", crs: "EPSG:32647", fields: ["code"],
            features: [.init(SyntheticLayer.box(1e30, 1e30, 1.1e30, 1.1e30), ["X1"])])
        return path
    }

    static func run(_ arguments: [String]) throws -> CommandRunner.Result {
        let result = try CommandRunner.run(arguments)
        #expect(result.status < 128, "\(arguments): trapped with \(result.status): \(result.stderr)")
        return result
    }

    /// What the commands must say of each case: the problem's words.
    static func inputs(in folder: TemporaryFolder) throws -> [(path: String, words: String)] {
        [
            (
                try geojson(polygon([(100, 80), (101, 80), (101, 95)]), to: "lat95.geojson", in: folder),
                "latitude 95.0 at longitude 101.0 is beyond the pole"
            ),
            (try geojson(square(500, 13), to: "lon500.geojson", in: folder), "longitude 500.0"),
            (try notANumber(to: "nan.gpkg", in: folder), "is not a finite number"),
            // GDAL reads a number too large for a double as infinity.
            (
                try geojson(
                    #"{"type": "Polygon", "coordinates": [[[100, 13], [1e999, 13], [101, 14], [100, 13]]]}"#,
                    to: "inf.geojson", in: folder), "(inf, 13.0) is not a finite number"
            ),
            (try absurdProjected(in: folder), "coordinate (1e+30, 1e+30) has no place in WGS 84"),
        ]
    }
}

@Suite struct CoordinateDomainCommandTests {
    @Test func measureConvertAndMapRefuseNamingTheFeatureAndWriteNothing() throws {
        let folder = try TemporaryFolder()
        for (path, words) in try HostileCoordinates.inputs(in: folder) {
            let name = URL(fileURLWithPath: path).lastPathComponent
            for command in [
                ["measure", path], ["convert", path, folder.path("out.geojson")],
                ["convert", path, folder.path("out.gpkg")],
                ["map", path, "--indicator", "code", "--out", folder.path("map")],
            ] {
                let result = try HostileCoordinates.run(command)
                #expect(result.status == 1, "\(command): \(result.stderr)")
                #expect(result.stderr.contains("\(name)\""), "\(command): \(result.stderr)")
                #expect(result.stderr.contains("feature "), "\(command): \(result.stderr)")
                #expect(result.stderr.contains(words), "\(command): \(result.stderr)")
            }
            #expect(!FileManager.default.fileExists(atPath: folder.path("out.geojson")))
            #expect(!FileManager.default.fileExists(atPath: folder.path("out.gpkg")))
        }
    }

    @Test func infoNeverPrintsNaNAndSaysWhichFeature() throws {
        let folder = try TemporaryFolder()
        for (path, words) in try HostileCoordinates.inputs(in: folder) {
            let result = try HostileCoordinates.run(["info", path])
            #expect(result.status == 0, "\(path): \(result.stderr)")
            let all = result.stdout + result.stderr
            for bad in ["NaN", "nan ", "inf ", "area:"] { #expect(!all.contains(bad), "\(path): \(all)") }
            #expect(result.stderr.contains("no area, length or lon/lat extent is given; first: "), "\(all)")
            #expect(result.stderr.contains(words), "\(path): \(all)")
            let json = try HostileCoordinates.run(["info", path, "--json"])
            #expect(json.status == 0 && !json.stdout.contains("NaN"), "\(json.stdout)")
        }
    }

    @Test func validateCallsThemInvalidAndFixDoesNotRepairThem() throws {
        let folder = try TemporaryFolder()
        for (path, words) in try HostileCoordinates.inputs(in: folder) {
            let result = try HostileCoordinates.run(["validate", path])
            #expect(result.status == 3, "\(path): \(result.stdout) \(result.stderr)")
            #expect(result.stdout.contains("feature ") && result.stdout.contains(words), "\(result.stdout)")
            let fixed = folder.path("fixed.gpkg")
            let fix = try HostileCoordinates.run(["validate", path, "--fix", fixed, "--overwrite"])
            #expect(fix.stdout.contains(words), "\(fix.stdout)")
            let said =
                words.contains("finite")
                ? "1 geometries have coordinates that are not numbers (NaN, infinity), which no format can hold: "
                    + "written without geometry"
                : "1 geometries have coordinates with no place in WGS 84 lon/lat and were copied unchanged"
            #expect(fix.status == 0 && fix.stderr.contains(said), "\(path): \(fix.stderr)")
            var written = 0
            var withGeometry = 0
            try Dataset.open(fixed).layer(at: 0).forEachFeature { feature in
                written += 1
                if let geometry = feature.geometry, !geometry.isEmpty { withGeometry += 1 }
            }
            #expect(written == 1 && withGeometry == (words.contains("finite") ? 0 : 1), "\(path)")
            #expect(!fix.stdout.contains("1 repaired"), "\(fix.stdout)")
        }
    }

    @Test func aRunRefusesSuchBoundariesNamingTheFeature() throws {
        let folder = try TemporaryFolder()
        for (path, words) in try HostileCoordinates.inputs(in: folder) where path.hasSuffix(".geojson") {
            let spec = try folder.write(
                """
                boundaries:
                  - name: cells
                    path: \(path)
                    id: code
                indicators:
                  - id: area_km2
                    type: area
                output:
                  folder: results
                """, to: "spec.yaml")
            let result = try HostileCoordinates.run(["run", spec])
            #expect(result.status == 1, "\(result.stderr)")
            #expect(result.stderr.contains("feature 0") && result.stderr.contains(words), "\(result.stderr)")
            #expect(!FileManager.default.fileExists(atPath: folder.path("results/cells.geojson")))
        }
    }

    @Test func wrappedLongitudesMeasureAsTheSamePolygonOneTurnWest() throws {
        let folder = try TemporaryFolder()
        let east = try HostileCoordinates.geojson(HostileCoordinates.square(500, 13), to: "lon500.geojson", in: folder)
        let home = try HostileCoordinates.geojson(HostileCoordinates.square(140, 13), to: "lon140.geojson", in: folder)
        func area(_ arguments: [String]) throws -> Double {
            let result = try HostileCoordinates.run(["measure", "--json"] + arguments)
            #expect(result.status == 0, "\(result.stderr)")
            let report = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
            return try #require(report?["totalAreaSquareMetres"] as? Double)
        }
        let wrapped = try area([east, "--wrap-longitudes"])
        #expect(wrapped == (try area([home])))
        // Hand-computed: the ellipsoidal zone between latitudes 13° and 14°, 1° wide (WGS 84); the geodesic top and
        // bottom edges bulge poleward by a few metres, about 1e-5 of the area.
        let a = 6_378_137.0
        let f = 1 / 298.257223563
        let b = a * (1 - f)
        let e = (f * (2 - f)).squareRoot()
        func zone(_ degrees: Double) -> Double {
            let s = sin(degrees * .pi / 180)
            return b * b / 2 * (s / (1 - e * e * s * s) + log((1 + e * s) / (1 - e * s)) / (2 * e))
        }
        let cell = (zone(14) - zone(13)) * .pi / 180
        #expect(abs(wrapped - cell) / cell < 1e-4, "\(wrapped) vs \(cell)")
        let said = try HostileCoordinates.run(["measure", east, "--wrap-longitudes"])
        #expect(
            said.stderr.contains("1 feature's longitudes shifted by 360° into ±180° (--wrap-longitudes)"),
            "\(said.stderr)")
    }

    @Test func convertWritesWrappedLongitudesAsValidGeoJSON() throws {
        let folder = try TemporaryFolder()
        let east = try HostileCoordinates.geojson(HostileCoordinates.square(500, 13), to: "lon500.geojson", in: folder)
        let out = folder.path("out.geojson")
        let result = try HostileCoordinates.run(["convert", east, out, "--wrap-longitudes"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("1 feature's longitudes shifted by 360°"), "\(result.stderr)")
        let text = try String(contentsOfFile: out, encoding: .utf8)
        #expect(RFC7946Checker().violations(in: text).isEmpty, "\(text)")
        let read = try Dataset.open(out).layer(at: 0)
        var envelope: Envelope?
        try read.forEachFeature { envelope = $0.geometry?.envelope }
        #expect(envelope == Envelope(minX: 140, minY: 13, maxX: 141, maxY: 14))
        // The same file in UTM: PROJ places longitude 500 as 140; the warning is still given.
        let utm = try HostileCoordinates.run([
            "convert", east, folder.path("utm.gpkg"), "--to-crs", "EPSG:32654",
            "--wrap-longitudes",
        ])
        #expect(utm.status == 0 && utm.stderr.contains("shifted by 360°"), "\(utm.stderr)")
    }

    @Test func aFeatureAcrossTheAntimeridianIsRefusedEvenWhenWrapping() throws {
        let folder = try TemporaryFolder()
        let across = try HostileCoordinates.geojson(
            HostileCoordinates.square(179.5, 13), to: "across.geojson",
            in: folder)
        for command in [["measure", across], ["convert", across, folder.path("out.geojson")], ["validate", across]] {
            let result = try HostileCoordinates.run(command + ["--wrap-longitudes"])
            #expect([1, 3].contains(result.status), "\(command): \(result.stderr)")
            #expect((result.stdout + result.stderr).contains("crosses ±180 (the antimeridian)"), "\(result.stderr)")
        }
    }
}
