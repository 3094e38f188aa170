import Foundation
import GEOS
import GeoplanTestSupport
import Testing

@testable import GeoPlan

extension GovernanceTests {
    /// The partition of each shipped province's real tambons (COD-AB, `shapes/tambons/`) by its synthetic
    /// municipalities (`shapes/municipalities/`, made by `samples/make_municipalities.py`: borders that follow
    /// tambon borders moved 0.5-5 m on half of them), checked here on its result, independently of the engine's own
    /// guarantees (which are checked too):
    /// - every unit is a valid, non-empty polygon or multi-polygon;
    /// - no two units share more than 1 m² (the overlap tolerance), measured as cut (``LocalFrame``);
    /// - the union of the units equals the union of the tambons within 1e-9 of its area (the coverage tolerance:
    ///   0.1 m² per 100 km²; overlays round to 1e-14 and less);
    /// - every tambon's shares add up to 1, and so do every local government's (1e-12: sums of a few doubles);
    /// - every tambon's units add up to its geodesic area within 1e-5: the pieces' edges are the tambon's, split
    ///   at new vertices, and the geodesics through a split point bow less than the one over the whole edge (it
    ///   leaves the straight lon/lat line by L²·tan φ / 8R, 4.5 mm for a 1 km edge at 13° N: a lens of about 3 m²),
    ///   which on a small tambon with long straight edges is a few 1e-6 of its area (seen: 1.7e-6 at worst, in
    ///   Nakhon Pathom; 3e-7 at most elsewhere); a piece lost or doubled would be 100 m² or more;
    /// - every municipality governs at least one unit.
    @Suite struct ShippedProvincesGovernanceTests {
        static let provinces = ["phuket", "nonthaburi", "samut-songkhram", "nakhon-pathom"]

        @Test(arguments: provinces)
        func partitionsAShippedProvinceCompletely(_ province: String) throws {
            let context = try GEOSContext()
            let tambonSet = try BoundarySet.load(
                BoundarySpec(
                    name: "tambons", path: Fixtures.shape("tambons/\(province)/\(province).shp"),
                    idField: "ADM3_PCODE"), folder: nil, context: context)
            let municipalitySet = try BoundarySet.load(
                BoundarySpec(
                    name: "municipalities", path: Fixtures.shape("municipalities/\(province).gpkg"),
                    idField: "LG_CODE", nameFields: ["LG_TYPE"]), folder: nil, context: context)
            let tambons = TambonInput.from(tambonSet)
            let municipalities = try MunicipalityInput.from(municipalitySet)
            let options = GovernanceOptions()
            let start = Date()
            let result = try GovernancePartition(options: options).build(
                tambons: tambons,
                municipalities: municipalities)
            let seconds = Date().timeIntervalSince(start)
            #expect(result.report.guarantees.allHold, "\(province): \(result.report.guarantees)")

            // Valid pieces.
            for unit in result.units {
                let valid = try unit.geometry.isValid
                #expect(
                    unit.geometry.type.isPolygonal && !unit.geometry.isEmpty && valid,
                    "\(province): \(unit.tambonCode)/\(unit.localGovernmentCode) is not a valid polygon")
            }

            // No overlaps: every pair of units whose boxes meet.
            let index = try STRtree<Int>(context: context)
            for (position, unit) in result.units.enumerated() { try index.insert(unit.geometry, position) }
            try index.build()
            var largestOverlap = 0.0
            for (position, unit) in result.units.enumerated() {
                for other in try index.query(unit.geometry) where other > position {
                    let shared = try unit.geometry.intersection(result.units[other].geometry)
                    largestOverlap = max(largestOverlap, try LocalFrame.squareMetres(of: shared))
                }
            }
            #expect(largestOverlap <= options.overlapToleranceSquareMetres, "\(province): \(largestOverlap) m²")

            // The units cover the tambons, no more and no less.
            let tambonUnion = try PieceGeometry.union(tambons.map(\.geometry), context: context)
            let unitUnion = try PieceGeometry.union(result.units.map(\.geometry), context: context)
            let difference = try LocalFrame.squareMetres(of: try tambonUnion.symmetricDifference(unitUnion))
            let method = try MeasureMethod(.geodesic)
            let tambonArea = try method.measure(tambonUnion).areaSquareMetres ?? 0
            #expect(
                difference <= options.coverageRelativeTolerance * tambonArea,
                "\(province): \(difference) m² of \(tambonArea) m²")

            // Shares and areas add up.
            let rowsByTambon = Dictionary(grouping: result.crosswalk, by: \.tambonCode)
            #expect(rowsByTambon.count == tambons.count)
            for (code, rows) in rowsByTambon {
                #expect(abs(rows.map(\.shareOfTambon).reduce(0, +) - 1) <= 1e-12, "\(province): \(code)")
            }
            for (code, rows) in Dictionary(grouping: result.crosswalk, by: \.localGovernmentCode) {
                #expect(abs(rows.map(\.shareOfLocalGovernment).reduce(0, +) - 1) <= 1e-12, "\(province): \(code)")
            }
            let unitArea = Dictionary(grouping: result.units, by: \.tambonCode)
                .mapValues { $0.map(\.areaSquareMetres).reduce(0, +) }
            var worstArea = 0.0
            for tambon in tambons {
                let area = try method.measure(tambon.geometry).areaSquareMetres ?? 0
                let relative = abs((unitArea[tambon.code] ?? 0) - area) / area
                worstArea = max(worstArea, relative)
                #expect(relative <= 1e-5, "\(province): \(tambon.code)'s units differ from its area by \(relative)")
            }

            let governing = Set(result.units.map(\.localGovernmentCode))
            #expect(municipalities.allSatisfy { governing.contains($0.code) }, "\(province)")
            print(
                "\(province): \(tambons.count) tambons, \(municipalities.count) municipalities → "
                    + "\(result.units.count) units in \(String(format: "%.2f", seconds)) s; largest overlap "
                    + "\(largestOverlap) m², coverage difference \(difference) m², worst tambon area \(worstArea)")
        }
    }
}
