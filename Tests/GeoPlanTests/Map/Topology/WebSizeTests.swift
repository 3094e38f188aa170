import Foundation
import GDAL
import GEOS
import GeoplanTestSupport
import Testing

@testable import GeoPlan

extension MapTopologyTests {
    /// Issue 7's size target: GeoJSON of the shipped tambons at web precision (6 decimals), simplified, at least 5×
    /// smaller than the full-resolution GeoJSON, with borders still shared in the file.
    ///
    /// Measured (all four provinces, 6 decimals): full resolution 4,659,843 bytes (5,004,589 at geoplan convert's
    /// 7 decimals); Visvalingam 20 m 1,009,288 (4.6×), 30 m 791,966 (5.9×), 50 m 590,990 (7.9×); Douglas–Peucker
    /// 10 m 741,857 (6.3×), 20 m 555,845 (8.4×). The 14 attribute fields of each tambon (Thai and English names)
    /// are in both files, so the ratio of coordinates alone is higher.
    @Suite struct WebSizeTests {
        let context: GEOSContext
        let folder: TemporaryFolder

        init() throws {
            context = try GEOSContext()
            folder = try TemporaryFolder()
        }

        @Test func simplifiedTambonsAreFiveTimesSmallerWithBordersStillShared() throws {
            var full = 0
            var simplified = 0
            for province in MapTopologyTests.provinces.keys.sorted() {
                let input = try #require(MapTopologyTests.provinces[province])
                let fullPath = folder.path("\(province)-full.geojson")
                _ = try Converter.convert(
                    ConvertRequest(
                        input: input, inputOptions: InputOptions(), output: fullPath,
                        targetCRS: nil, operation: nil, precision: 6,
                        overwrite: false))
                let webPath = folder.path("\(province)-web.geojson")
                let report = try FileSimplifier.simplify(
                    SimplifyRequest(
                        input: input, output: webPath,
                        simplification: SimplificationOptions(method: .visvalingam, amount: .tolerance(metres: 30))))
                full += try size(fullPath)
                simplified += try size(webPath)
                #expect(report.bytesWritten == (try size(webPath)))

                // Read back: every polygon valid, and the file's borders are still shared arcs: rounding to 6
                // decimals moved both sides of a border alike.
                var inputs: [TopologyInput] = []
                try Dataset.open(webPath).layer(at: 0).forEachFeature { feature in
                    let geometry = try #require(feature.geometry).geosGeometry(context: context)
                    #expect(try geometry.isValid, "\(province) \(inputs.count)")
                    inputs.append(TopologyInput(id: String(inputs.count), geometry: geometry))
                }
                let readBack = try Topology(inputs)
                #expect(readBack.arcUse.filter { $0 == 2 }.count == report.simplification.sharedArcs, "\(province)")
                let areas = inputs.map { try? $0.geometry.area }.compactMap { $0 }
                let union = try Geometry.collection(inputs.map(\.geometry), context: context).unaryUnion().area
                #expect(abs(areas.reduce(0, +) - union) <= 1e-9 * union, "\(province): overlaps in the file")
            }
            #expect(simplified * 5 <= full, "full \(full) bytes, simplified \(simplified) bytes")
        }

        private func size(_ path: String) throws -> Int {
            try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        }
    }
}
