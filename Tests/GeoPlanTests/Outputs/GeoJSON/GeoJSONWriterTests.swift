import Foundation
import GDAL
import GEOS
import GeoplanTestSupport
import Testing

@testable import GeoPlan

@Suite struct GeoJSONWriterTests {
    static let fields = [
        FieldDefinition(name: "feature_id", type: .string), FieldDefinition(name: "name", type: .string),
        FieldDefinition(name: "count", type: .integer64), FieldDefinition(name: "share", type: .real),
        FieldDefinition(name: "open", type: .integer, subtype: .boolean), FieldDefinition(name: "day", type: .date),
    ]
    static let names = [
        "ตลาดใหญ่", "a \"quoted\" name, with \\ backslash", "line\nbreak\ttab\u{1}",
        "sep\u{2028}para\u{2029}", "", "🇹🇭 ประเทศไทย",
    ]
    static let reals = [0.1, 1e-5, 5e-324, 1.0, -0.0, 1.7976931348623157e308, 123456.789, 1.0 / 3]

    /// Exteriors given clockwise and holes counter-clockwise, as shapefiles have them; a multi-polygon; lines.
    static let shapes: [String?] = [
        "POLYGON ((100 13, 100 13.1, 100.1 13.1, 100.1 13, 100 13), (100.02 13.02, 100.05 13.02, 100.05 13.05, 100.02 13.02))",
        "MULTIPOLYGON (((100.2 13, 100.3 13, 100.3 13.1, 100.2 13)), ((100.4 13, 100.5 13, 100.5 13.1, 100.4 13)))",
        "MULTIPOLYGON (((100.6 13, 100.6 13.1, 100.7 13.1, 100.6 13)))",
        "LINESTRING (100.123456789 13.987654321, 100.2 13.2)",
        "POINT (100.00000001 13.5)",
        nil,
    ]

    static func features() -> [(values: [FieldValue], wkt: String?)] {
        (0..<12).map { index in
            let values: [FieldValue] = [
                .string("TH\(1000 + index)"), .string(names[index % names.count]),
                .integer(Int64(index) * 1_000_000_007),
                index % 5 == 4 ? .null : .real(reals[index % reals.count]), .integer(Int64(index % 2)),
                .date(DateTimeValue(year: 2026, month: 12, day: index + 1)),
            ]
            return (values, shapes[index % shapes.count])
        }
    }

    @Test func readsBackThroughGDALWithEveryIdValueTypeAndGeometry() throws {
        let folder = try TemporaryFolder()
        let features = Self.features()
        let written = try GeoJSONTestWriting.write(
            features, fields: Self.fields, to: folder.path("areas.geojson"),
            idField: "feature_id")
        let (names, rows) = try GeoJSONTestWriting.readBack(written.path)
        #expect(rows.count == features.count)
        #expect(names.contains("id") && !names.contains("feature_id"))
        let context = try GEOSContext()
        for (index, (row, feature)) in zip(rows, features).enumerated() {
            let (values, geometry) = row
            #expect(values["id"] == feature.values[0])
            #expect(values["name"] == feature.values[1])
            #expect(values["count"] == feature.values[2])
            if case let .real(expected) = feature.values[3] {
                #expect(values["share"] == .real(expected))
            } else {
                #expect(values["share"]?.isMissing == true)
            }
            #expect(values["open"] == feature.values[4])
            #expect(values["day"]?.text == String(format: "2026-12-%02d", index + 1))
            guard let wkt = feature.wkt else {
                #expect(geometry == nil)
                continue
            }
            let expected = try GeoJSONTestWriting.geos(try OGRGeometry(wkt: wkt), context)
            let actual = try GeoJSONTestWriting.geos(try #require(geometry), context)
            #expect(try GeoJSONTestWriting.sameShape(expected, actual, tolerance: 0.5e-7 + 1e-12), "\(wkt)")
        }
    }

    @Test func isStrictJSONAndRFC7946WithoutTrailingText() throws {
        let folder = try TemporaryFolder()
        let written = try GeoJSONTestWriting.write(
            Self.features(), fields: Self.fields,
            to: folder.path("areas.geojson"), idField: "feature_id")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(written.text.utf8)) as? [String: Any])
        #expect(root["crs"] == nil && root["name"] as? String == "areas")
        #expect(RFC7946Checker(maximumDecimals: 7).violations(in: written.text) == [])
        #expect(written.text.hasSuffix("]\n}\n"))
        #expect(throws: (any Error).self) {
            try JSONSerialization.jsonObject(with: Data((written.text + "x").utf8))
        }
        let features = try #require(root["features"] as? [[String: Any]])
        // Typed properties: integers stay integers, reals reals, booleans booleans, dates strings.
        let first = try #require(features.first?["properties"] as? [String: Any])
        #expect(
            first["count"] as? Int == 0 && first["open"] as? Bool == false && first["day"] as? String == "2026-12-01")
        #expect((features[0]["id"] as? String) == "TH1000")
        // bbox per feature with a geometry; the collection's bbox covers them.
        #expect(features.filter { $0["geometry"] is NSNull }.allSatisfy { $0["bbox"] == nil })
        #expect((features[0]["bbox"] as? [Double]) == [100, 13, 100.1, 13.1])
        #expect((root["bbox"] as? [Double]) == [100, 13, 100.7, 13.9876543])
    }

    @Test func realsAreShortestAndExactAndNonFiniteOnesAreNullAndCounted() throws {
        let folder = try TemporaryFolder()
        let values: [Double] = [1e-5, 5e-324, .nan, .infinity, -.infinity, 0.1, 1.0]
        let features = values.map { value in
            ([FieldValue.real(value), .realList([value, 2])], "POINT (100 13)" as String?)
        }
        let written = try GeoJSONTestWriting.write(
            features,
            fields: [
                FieldDefinition(name: "v", type: .real),
                FieldDefinition(name: "list", type: .realList),
            ],
            to: folder.path("numbers.geojson"))
        #expect(written.counts.nonFiniteByProperty == [3, 3])
        #expect(
            written.text.contains(#""v":1e-05,"#) && written.text.contains(#""v":5e-324,"#)
                && written.text.contains(#""v":null,"list":[null,2.0]"#) && written.text.contains(#""v":1.0,"#))
        let root = try #require(try JSONSerialization.jsonObject(with: Data(written.text.utf8)) as? [String: Any])
        let read = try #require(root["features"] as? [[String: Any]]).map { ($0["properties"] as? [String: Any])?["v"] }
        for (value, readValue) in zip(values, read) {
            if value.isFinite {
                #expect((readValue as? NSNumber)?.doubleValue == value)
            } else {
                #expect(readValue is NSNull)
            }
        }
    }

    @Test func emptyAndMissingGeometriesHaveNoBboxAndAnEmptyCollectionNone() throws {
        let folder = try TemporaryFolder()
        let fields = [FieldDefinition(name: "code", type: .string)]
        let written = try GeoJSONTestWriting.write(
            [
                ([.string("a")], nil), ([.string("b")], "POLYGON EMPTY"),
                ([.string("c")], "MULTIPOLYGON EMPTY"), ([.string("d")], "POINT EMPTY"),
            ],
            fields: fields, to: folder.path("empty.geojson"))
        #expect(written.text.contains(#"{"type":"Feature","properties":{"code":"a"},"geometry":null}"#))
        #expect(written.text.contains(#""geometry":{"type":"Polygon","coordinates":[]}"#))
        #expect(written.text.contains(#""geometry":{"type":"MultiPolygon","coordinates":[]}"#))
        #expect(written.text.contains(#""geometry":{"type":"Point","coordinates":[]}"#))
        #expect(!written.text.contains("bbox"))
        #expect(written.text.hasSuffix("\n]\n}\n"))
        #expect(try JSONSerialization.jsonObject(with: Data(written.text.utf8)) is [String: Any])
        #expect(try GeoJSONTestWriting.readBack(written.path).rows.count == 4)

        let none = try GeoJSONTestWriting.write([], fields: fields, to: folder.path("none.geojson"))
        #expect(none.text == "{\n\"type\": \"FeatureCollection\",\n\"name\": \"areas\",\n\"features\": [\n\n]\n}\n")
    }

    @Test func theLayoutIsOneFeaturePerLineWithTheBboxAfterTheFeatures() throws {
        let folder = try TemporaryFolder()
        let written = try GeoJSONTestWriting.write(
            Self.features(), fields: Self.fields,
            to: folder.path("areas.geojson"), idField: "feature_id")
        let lines = written.text.components(separatedBy: "\n")
        #expect(
            Array(lines.prefix(4)) == [
                "{", "\"type\": \"FeatureCollection\",", "\"name\": \"areas\",", "\"features\": [",
            ])
        let features = lines[4..<(4 + 12)]
        #expect(features.allSatisfy { $0.hasPrefix("{\"type\":\"Feature\",\"id\":\"TH1") })
        #expect(features.dropLast().allSatisfy { $0.hasSuffix("},") } && features.last?.hasSuffix("}") == true)
        #expect(Array(lines.suffix(4)) == ["],", "\"bbox\": [100.0,13.0,100.7,13.9876543]", "}", ""])
    }

    @Test func theOutputDoesNotDependOnThreadsOrBatches() throws {
        let folder = try TemporaryFolder()
        let features = Self.features() + Self.features()
        let one = try GeoJSONTestWriting.write(
            features, fields: Self.fields, to: folder.path("one.geojson"),
            idField: "feature_id", threads: 1, batchSize: 1)
        let many = try GeoJSONTestWriting.write(
            features, fields: Self.fields, to: folder.path("many.geojson"),
            idField: "feature_id", threads: 4, batchSize: 5)
        #expect(one.text == many.text)
    }

    @Test func fullPrecisionWritesEveryCoordinateExactly() throws {
        let folder = try TemporaryFolder()
        let wkt =
            "POLYGON ((100.12345678901234 13.000000000000002, 100.2 13, 100.2 13.1, 100.12345678901234 13.000000000000002))"
        let written = try GeoJSONTestWriting.write(
            [([], wkt)], fields: [], to: folder.path("full.geojson"), decimals: nil)
        #expect(written.text.contains("[100.12345678901234,13.000000000000002]"))
        let context = try GEOSContext()
        let read = try GeoJSONTestWriting.geos(
            try #require(try GeoJSONTestWriting.readBack(written.path).rows[0].1), context)
        #expect(try GeoJSONTestWriting.sameShape(read, try Geometry(wkt: wkt, context: context), tolerance: 0))
    }

    @Test func geometriesAcrossTheAntimeridianAreCutWithABoxThatRunsAcross() throws {
        let folder = try TemporaryFolder()
        let written = try GeoJSONTestWriting.write(
            [
                ([], "POLYGON ((179 10, -179 10, -179 11, 179 11, 179 10))"),
                ([], "LINESTRING (178 -16, -178 -17)"),
                ([], "POINT (181 5)"),
                ([], "POLYGON ((170 10, 175 10, 175 11, 170 11, 170 10))"),
            ],
            fields: [], to: folder.path("fiji.geojson"))
        #expect(written.counts.cutAtAntimeridian == 2)
        #expect(RFC7946Checker().violations(in: written.text) == [])
        let root = try #require(try JSONSerialization.jsonObject(with: Data(written.text.utf8)) as? [String: Any])
        let features = try #require(root["features"] as? [[String: Any]])
        #expect((features[0]["bbox"] as? [Double]) == [179, 10, -179, 11])
        #expect((features[0]["geometry"] as? [String: Any])?["type"] as? String == "MultiPolygon")
        #expect((features[1]["geometry"] as? [String: Any])?["type"] as? String == "MultiLineString")
        #expect((features[2]["geometry"] as? [String: Any])?["coordinates"] as? [Double] == [-179, 5])
        #expect((root["bbox"] as? [Double]) == [-180, -17, 180, 11])
        // Both halves of the polygon keep its area (2° × 1°), on either side.
        let context = try GEOSContext()
        let polygon = try GeoJSONTestWriting.geos(
            try #require(try GeoJSONTestWriting.readBack(written.path).rows[0].1),
            context)
        #expect(try polygon.isValid && abs(try polygon.area - 2) < 1e-9 && polygon.numberOfGeometries == 2)
    }

    @Test func zIsKeptAndBoxedInSixNumbers() throws {
        let folder = try TemporaryFolder()
        let written = try GeoJSONTestWriting.write(
            [
                ([], "LINESTRING Z (100 13 5, 100.1 13.2 -2.5)"),
                ([], "POINT ZM (100.05 13.1 7 42)"),
            ],
            fields: [], to: folder.path("z.geojson"))
        #expect(written.text.contains(#""bbox":[100.0,13.0,-2.5,100.1,13.2,5.0]"#))
        #expect(written.text.contains(#""coordinates":[100.05,13.1,7.0]"#))  // M dropped
        #expect(written.text.contains("\"bbox\": [100.0,13.0,-2.5,100.1,13.2,7.0]\n}\n"))
        #expect(RFC7946Checker().violations(in: written.text) == [])
    }

    @Test func aFullDiskIsAnErrorNamingTheOutput() throws {
        let folder = try TemporaryFolder()
        let features = Array(repeating: Self.features(), count: 40).flatMap { $0 }
        #expect {
            _ = try GeoJSONTestWriting.write(
                features, fields: Self.fields, to: folder.path("full.geojson"),
                idField: "feature_id", fileSystem: DiskFullAfter(bytes: 2_000))
        } throws: { error in
            "\(error)".contains("full.geojson") && "\(error)".contains("No space left on device")
        }
    }
}

/// A file system whose disk fills up after a number of bytes.
private final class DiskFullAfter: FileSystem, @unchecked Sendable {
    private let system = SystemFileSystem()
    private var left: Int

    init(bytes: Int) { left = bytes }

    func open(_ path: String, flags: Int32, mode: mode_t) -> Int32 { system.open(path, flags: flags, mode: mode) }
    func write(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Int {
        guard left > 0 else { return -Int(ENOSPC) }
        let count = min(left, bytes.count)
        left -= count
        return system.write(descriptor, UnsafeRawBufferPointer(rebasing: bytes[..<count]))
    }
    func fsync(_ descriptor: Int32) -> Int32 { system.fsync(descriptor) }
    func close(_ descriptor: Int32) -> Int32 { system.close(descriptor) }
    func rename(_ from: String, _ to: String) -> Int32 { system.rename(from, to) }
    func unlink(_ path: String) -> Int32 { system.unlink(path) }
    func mkdir(_ path: String) -> Int32 { system.mkdir(path) }
}
