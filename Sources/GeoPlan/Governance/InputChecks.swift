import Foundation
import GEOS

/// The checks tambons and municipalities must pass before anything is cut, each failing with an error that names
/// the codes: empty or repeated codes, geometries without area, an SAO in the municipality layer, overlaps
/// beyond the tolerance, and municipalities outside every tambon.
struct InputChecks {
    let options: GovernanceOptions
    let measure: (Geometry) throws -> Double

    /// Throws ``GovernanceError/missingCodes(layer:features:)`` or
    /// ``GovernanceError/duplicatedCodes(layer:duplicates:)``.
    static func checkCodes(_ codes: [String], layer: String) throws {
        let missing = codes.indices.filter { codes[$0].trimmingCharacters(in: .whitespaces).isEmpty }
        if !missing.isEmpty { throw GeoPlanError.governance(.missingCodes(layer: layer, features: missing)) }
        var positions: [String: [Int]] = [:]
        for (index, code) in codes.enumerated() { positions[code, default: []].append(index) }
        let duplicates = positions.filter { $0.value.count > 1 }
            .map { GovernanceError.DuplicatedCode(code: $0.key, features: $0.value) }
            .sorted { $0.features[0] < $1.features[0] }
        if !duplicates.isEmpty { throw GeoPlanError.governance(.duplicatedCodes(layer: layer, duplicates: duplicates)) }
    }

    /// Municipality codes must differ from the SAO codes derived for tambons, or two local governments would share
    /// a code in the crosswalk.
    static func checkDerivedCodes(tambons: [String], municipalities: [String]) throws {
        let derived = Set(tambons.map(GovernanceUnit.saoCode(forTambon:)))
        let clashes = municipalities.enumerated().filter { derived.contains($0.element) }
            .map { GovernanceError.DuplicatedCode(code: $0.element, features: [$0.offset]) }
        if !clashes.isEmpty {
            throw GeoPlanError.governance(
                .duplicatedCodes(
                    layer: "municipalities (against the derived SAO codes)",
                    duplicates: clashes))
        }
    }

    /// The geometry as a valid polygon or multi-polygon; invalid ones are repaired with MakeValid and named in
    /// `repaired`. Throws ``GovernanceError/notPolygonal(layer:code:found:)`` when no area is left.
    static func polygonal(_ geometry: Geometry, layer: String, code: String, repaired: inout [String]) throws
        -> Geometry
    {
        guard geometry.type.isPolygonal || geometry.type == .geometryCollection, !geometry.isEmpty else {
            throw GeoPlanError.governance(
                .notPolygonal(
                    layer: layer, code: code,
                    found: geometry.isEmpty ? "empty" : "\(geometry.type)"))
        }
        var result = try geometry.polygonalPart()
        if try !result.isValid {
            result = try result.makeValid(method: .structure(keepCollapsed: false)).polygonalPart()
            repaired.append("\(layer): \(code)")
        }
        guard !result.isEmpty else {
            throw GeoPlanError.governance(.notPolygonal(layer: layer, code: code, found: "no polygon"))
        }
        return result
    }

    /// The overlaps within the tolerance (to be resolved and reported), judged by their area as cut
    /// (``LocalFrame/squareMetres(of:)``) and reported with their geodesic area; throws
    /// ``GovernanceError/overlaps(layer:overlaps:toleranceSquareMetres:)`` listing every larger one.
    func rejectOverlaps(among items: [(code: String, geometry: Geometry)], layer: String, context: GEOSContext)
        throws -> [GovernanceError.Overlap]
    {
        let overlaps = try OverlapFinder(geodesicArea: measure).overlaps(among: items, context: context)
        let tolerance = options.overlapToleranceSquareMetres
        let beyond = overlaps.filter { $0.cutSquareMetres > tolerance }.map(\.overlap)
        if !beyond.isEmpty {
            throw GeoPlanError.governance(.overlaps(layer: layer, overlaps: beyond, toleranceSquareMetres: tolerance))
        }
        return overlaps.map(\.overlap)
    }

    /// Throws ``GovernanceError/outsideEveryTambon(municipalities:)`` for municipalities that meet no tambon.
    static func rejectOutside(
        _ municipalities: [(code: String, geometry: Geometry)], tambons: [Geometry],
        codes: [String], index: STRtree<Int>
    ) throws {
        var outside: [GovernanceError.OutsideMunicipality] = []
        for municipality in municipalities {
            let prepared = try municipality.geometry.prepared()
            let meets = try index.query(municipality.geometry).contains { try prepared.intersects(tambons[$0]) }
            guard !meets else { continue }
            outside.append(try Self.outside(municipality.code, municipality.geometry, codes: codes, index: index))
        }
        if !outside.isEmpty { throw GeoPlanError.governance(.outsideEveryTambon(municipalities: outside)) }
    }

    /// The description of a municipality outside the tambons: where it is and the nearest tambon.
    static func outside(_ code: String, _ geometry: Geometry, codes: [String], index: STRtree<Int>) throws
        -> GovernanceError.OutsideMunicipality
    {
        GovernanceError.OutsideMunicipality(
            code: code, point: try PieceGeometry.point(in: geometry),
            nearestTambon: try index.nearest(to: geometry).map { codes[$0] })
    }
}
