import Foundation
import GDAL
import GeoplanTestSupport
import Testing

@testable import GeoPlan

@Suite struct ConverterTests {
    @Test func convertsAsALibraryAndReportsProgress() throws {
        let folder = try TemporaryFolder()
        var calls = 0
        let report = try Converter.convert(
            ConvertRequest(
                input: Fixtures.nakhonPathom,
                output: folder.path("np.gpkg"))
        ) { _, _ in calls += 1 }
        #expect(report.featuresWritten == 106)
        #expect(report.format == "GPKG")
        #expect(report.operation == nil)  // same CRS: nothing to transform
        #expect(try Dataset.open(folder.path("np.gpkg")).layer(at: 0).featureCount() == 106)
        _ = calls
    }

    @Test func whereSelectsFeatures() throws {
        let folder = try TemporaryFolder()
        let options = InputOptions(whereClause: "ADM2_EN = 'Kathu'")
        let report = try Converter.convert(
            ConvertRequest(
                input: Fixtures.phuket, inputOptions: options,
                output: folder.path("kathu.fgb")))
        #expect(report.featuresWritten == 3)
    }

    @Test func shapefileOutputLaundersLongNamesAndSaysSo() throws {
        let folder = try TemporaryFolder()
        let source = try folder.write(
            SyntheticData.featureCollection([
                (#"{"type": "Point", "coordinates": [100.5, 13.7]}"#, #"{"population_2024": 5, "ชื่อตำบลภาษาไทย": "ก"}"#)
            ]), to: "long.geojson")
        let report = try Converter.convert(ConvertRequest(input: source, output: folder.path("long.shp")))
        #expect(report.warnings.contains { $0.contains("population_2024") || $0.contains("aundered") })
        let layer = try Dataset.open(folder.path("long.shp")).layer(at: 0)
        #expect(layer.schema.names.count == 2)
        #expect(try layer.feature(id: 0)?.value(at: 1) == .string("ก"))
    }
}
