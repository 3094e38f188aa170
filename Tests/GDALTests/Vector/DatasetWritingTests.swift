import Foundation
import GeoplanTestSupport
import Testing

@testable import GDAL

@Suite struct DatasetWritingTests {
    /// The values written to every format and read back.
    static let rows: [(name: String, count: Int64, share: Double, surveyed: DateTimeValue?)] = [
        ("ตลาดใหญ่", 12, 0.25, DateTimeValue(year: 2022, month: 1, day: 21)),
        ("Ko Kaeo", -3, 1.5, nil),
    ]

    @Test(arguments: [
        ("out.geojson", "GeoJSON"), ("out.gpkg", "GPKG"), ("out.fgb", "FlatGeobuf"), ("out.csv", "CSV"),
        ("out.shp", "ESRI Shapefile"),
    ])
    func valuesAndGeometriesSurviveARoundTrip(file: String, driver: String) throws {
        let folder = try TemporaryFolder()
        let path = folder.path(file)
        let wgs84 = try SpatialReference.wgs84()
        var layerOptions: [String: String] = [:]
        if driver == "CSV" { layerOptions = ["GEOMETRY": "AS_WKT", "CREATE_CSVT": "YES"] }
        if driver == "ESRI Shapefile" { layerOptions = ["ENCODING": "UTF-8"] }
        do {
            let dataset = try Dataset.create(path, driver: driver)
            let layer = try dataset.createLayer(
                named: "out", spatialReference: wgs84,
                geometryType: GeometryType(kind: .polygon), options: layerOptions)
            try layer.createField(FieldDefinition(name: "name", type: .string, width: 80))
            try layer.createField(FieldDefinition(name: "count", type: .integer64))
            try layer.createField(FieldDefinition(name: "share", type: .real))
            try layer.createField(FieldDefinition(name: "surveyed", type: .date))
            for (index, row) in Self.rows.enumerated() {
                let feature = try layer.makeFeature()
                feature.set(.string(row.name), at: 0)
                feature.set(.integer(row.count), at: 1)
                feature.set(.real(row.share), at: 2)
                feature.set(row.surveyed.map(FieldValue.date) ?? .null, at: 3)
                let x = 100.0 + Double(index)
                try feature.setGeometry(try OGRGeometry(wkt: "POLYGON ((\(x) 13, \(x + 1) 13, \(x + 1) 14, \(x) 13))"))
                try layer.write(feature)
            }
            try dataset.close()
        }
        let layer = try Dataset.open(path).layer(at: 0)
        let features = Array(layer.features)
        #expect(features.count == Self.rows.count)
        // FlatGeobuf's spatial index reorders features: match them by name.
        for row in Self.rows {
            let feature = try #require(try features.first { try $0.value("name") == .string(row.name) })
            #expect(try feature.value("name") == .string(row.name))
            #expect(try feature.value("count").number == Double(row.count))
            #expect(try feature.value("share").number == row.share)
            if let surveyed = row.surveyed {
                // FlatGeobuf stores dates as date-times; the calendar date must survive everywhere.
                switch try feature.value("surveyed") {
                case let .date(read), let .dateTime(read):
                    #expect(read.year == surveyed.year && read.month == surveyed.month && read.day == surveyed.day)
                default:
                    Issue.record("date did not survive in \(driver)")
                }
            } else {
                #expect(try feature.value("surveyed").isMissing)
            }
            let envelope = try #require(feature.geometry?.envelope)
            #expect(envelope.maxX - envelope.minX == 1 && envelope.minY == 13)
        }
        if driver != "CSV" { #expect(layer.spatialReference?.code == "EPSG:4326") }
    }

    @Test(arguments: ["FlatGeobuf", "GPKG"])
    func closeReportsAFailedFlush(driver: String) throws {
        // FlatGeobuf writes its file, and GeoPackage its triggers, when closing: with the folder gone by then,
        // close() must throw GDAL's message instead of losing it.
        let folder = try TemporaryFolder()
        let dataset = try Dataset.create(folder.path("out.data"), driver: driver)
        let layer = try dataset.createLayer(
            named: "out", spatialReference: nil, geometryType: GeometryType(kind: .point))
        let feature = try layer.makeFeature()
        try feature.setGeometry(try OGRGeometry(wkt: "POINT (100.5 13.7)"))
        try layer.write(feature)
        try FileManager.default.removeItem(at: folder.url)
        #expect {
            try dataset.close()
        } throws: { error in
            "\(error)".contains("out.data")
        }
        try dataset.close()  // a second close is a no-op
    }

    @Test func creatingInAMissingFolderSaysSo() {
        #expect {
            try Dataset.create("/nonexistent/folder/out.gpkg", driver: "GPKG")
        } throws: { error in
            "\(error)".contains("/nonexistent/folder/out.gpkg")
        }
    }

    @Test func unknownDriverIsNamed() {
        #expect(throws: GDALError.noSuchDriver(name: "NoSuchFormat")) {
            try Dataset.create("/tmp/x.nsf", driver: "NoSuchFormat")
        }
    }
}
