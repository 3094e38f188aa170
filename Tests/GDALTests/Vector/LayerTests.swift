import Foundation
import GeoplanTestSupport
import Testing

@testable import GDAL

@Suite struct LayerTests {
    @Test func describesTheShippedTambonLayer() throws {
        let layer = try Dataset.open(Fixtures.phuket).layer(at: 0)
        #expect(layer.name == "phuket")
        #expect(layer.geometryType.kind == .polygon)
        #expect(layer.featureCount() == 17)
        #expect(layer.schema.names.contains("ADM3_PCODE"))
        let thai = try #require(layer.schema.fields.first { $0.name == "ADM3_TH" })
        #expect(thai.type == .string && thai.width == 80)
        #expect(layer.spatialReference?.code == "EPSG:4326")
    }

    @Test func extentIsLongitudeFirst() throws {
        // Reference: `ogrinfo -so shapes/tambons/phuket/phuket.shp phuket` (GDAL 3.6.2) prints
        // Extent: (98.257910, 7.478502) - (98.483325, 8.200333).
        let extent = try #require(try Dataset.open(Fixtures.phuket).layer(at: 0).extent())
        #expect(abs(extent.minX - 98.257910) < 1e-6 && abs(extent.maxX - 98.483325) < 1e-6)
        #expect(abs(extent.minY - 7.478502) < 1e-6 && abs(extent.maxY - 8.200333) < 1e-6)
    }

    @Test func featuresAreReadLazilyAndTheSequenceCanRestart() throws {
        let layer = try Dataset.open(Fixtures.nonthaburi).layer(at: 0)
        var iterator = layer.features.makeIterator()
        let first = iterator.next()
        #expect(first?.id == 0)
        #expect(Array(layer.features).count == 52)
        #expect(layer.lastReadError == nil)
    }

    @Test func attributeFilterSelectsFeatures() throws {
        let layer = try Dataset.open(Fixtures.phuket).layer(at: 0)
        try layer.setAttributeFilter("ADM2_EN = 'Kathu'")
        let codes = try Array(layer.features).map { try $0.value("ADM3_PCODE").text ?? "" }
        #expect(codes == ["TH830201", "TH830202", "TH830203"])
    }

    @Test func badAttributeFilterSaysWhy() throws {
        let layer = try Dataset.open(Fixtures.phuket).layer(at: 0)
        #expect {
            try layer.setAttributeFilter("ADM2_EN = = 'Kathu'")
        } throws: { error in
            "\(error)".contains("(⟦where⟧)") && "\(error)".contains("phuket")
        }
    }

    @Test func corruptShapefileRecordIsAReadErrorNotACrash() throws {
        let folder = try TemporaryFolder()
        let shp = try folder.copyShapefile(Fixtures.phuket)
        // Keep the header and the first records of the .shp, cut the rest: the .shx still points past the end.
        let bytes = try Data(contentsOf: URL(fileURLWithPath: shp))
        try bytes.prefix(bytes.count / 3).write(to: URL(fileURLWithPath: shp))
        let layer = try Dataset.open(shp).layer(at: 0)
        #expect(throws: GDALError.self) {
            try layer.forEachFeature { _ = $0.geometry?.wkb() }
        }
    }
}
