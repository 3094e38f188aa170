import CGDAL
import Foundation
import GeoplanTestSupport
import Testing

@testable import GDAL

/// A vector dataset after `close()`: every call that would reach GDAL throws, properties read at open stay.
@Suite struct ClosedDatasetTests {
    /// Whether `error` says the dataset was closed (not some other failure).
    func saysClosed(_ error: any Error) -> Bool {
        "\(error)".contains("the dataset was closed")
    }

    @Test func aClosedDatasetGivesNoLayers() throws {
        let dataset = try Dataset.open(Fixtures.phuket)
        try dataset.close()
        try dataset.close()  // a second close is a no-op
        #expect(dataset.layerCount == 0)
        #expect(dataset.layers.isEmpty && dataset.layerNames.isEmpty)
        #expect(!dataset.beginTransaction())
        #expect(performing: { try dataset.layer(at: 0) }, throws: saysClosed)
        #expect(performing: { try dataset.layer(named: "phuket") }, throws: saysClosed)
        #expect(performing: { try dataset.commitTransaction() }, throws: saysClosed)
        #expect(
            performing: {
                try dataset.createLayer(named: "more", spatialReference: nil, geometryType: GeometryType(kind: .point))
            }, throws: saysClosed)
    }

    @Test func aLayerOfAClosedDatasetThrowsInsteadOfReading() throws {
        let dataset = try Dataset.open(Fixtures.phuket)
        let layer = try dataset.layer(at: 0)
        let kept = try #require(try layer.feature(id: 0))
        try dataset.close()
        // Read at open: still there.
        #expect(layer.name == "phuket" && layer.schema.names.contains("ADM3_PCODE"))
        #expect(layer.geometryType.kind == .polygon)
        #expect(layer.spatialReference?.code == "EPSG:4326")
        // Needing GDAL: documented answers or errors, never the freed layer.
        #expect(layer.featureCount() == nil && layer.extent() == nil)
        #expect(performing: { try layer.feature(id: 1) }, throws: saysClosed)
        #expect(performing: { try layer.setAttributeFilter("ADM2_EN = 'Kathu'") }, throws: saysClosed)
        #expect(performing: { try layer.forEachFeature { _ in } }, throws: saysClosed)
        var cursor = layer.makeCursor()
        #expect(performing: { try cursor.next() }, throws: saysClosed)
        #expect(Array(layer.features).isEmpty)
        #expect(layer.lastReadError.map(saysClosed) == true)
        // A feature read before the close owns its copy.
        #expect(try kept.value("ADM3_PCODE").text?.hasPrefix("TH83") == true)
        #expect(kept.geometry?.isEmpty == false)
    }

    @Test func aLayerBeingWrittenThrowsOnceItsDatasetIsClosed() throws {
        let folder = try TemporaryFolder()
        let dataset = try Dataset.create(folder.path("out.gpkg"), driver: "GPKG")
        let layer = try dataset.createLayer(
            named: "out", spatialReference: try SpatialReference.wgs84(),
            geometryType: GeometryType(kind: .point))
        try layer.createField(FieldDefinition(name: "name", type: .string))
        let feature = try layer.makeFeature()
        try dataset.close()
        #expect(
            performing: { try layer.createField(FieldDefinition(name: "late", type: .string)) },
            throws: saysClosed)
        #expect(performing: { try layer.makeFeature() }, throws: saysClosed)
        #expect(performing: { try layer.write(feature) }, throws: saysClosed)
        #expect(layer.schema.names == ["name"])
    }

    @Test func readingALayersCRSLeavesTheLayersOwnAlone() throws {
        // GDAL says the SRS OGR_L_GetSpatialRef returns must not be modified. The Shapefile driver already sets
        // lon/lat order on it, so give it another order first and see that reading the layer leaves that alone.
        let dataset = try Dataset.open(Fixtures.phuket)
        let own = try #require(OGR_L_GetSpatialRef(try dataset.layer(at: 0).openHandle("test", doing: "test")))
        OSRSetAxisMappingStrategy(own, OAMS_AUTHORITY_COMPLIANT)
        let copy = try #require(try dataset.layer(named: "phuket").spatialReference)
        #expect(OSRGetAxisMappingStrategy(own) == OAMS_AUTHORITY_COMPLIANT)
        #expect(OSRGetAxisMappingStrategy(copy.handle) == OAMS_TRADITIONAL_GIS_ORDER)
        #expect(copy.handle != own)
        #expect(copy.code == "EPSG:4326")
    }
}
