import GEOS

/// The units that govern, a crosswalk row for each, and the report of what was adjusted and checked.
///
/// Not `Sendable`: the units' geometries belong to the inputs' GEOS context.
public struct GovernancePartitionResult {
    /// In tambon input order; within a tambon, municipal pieces by code, then the remainder.
    public let units: [GovernanceUnit]
    public let crosswalk: [CrosswalkRow]
    public let report: GovernanceReport
}

/// The complete partition of tambons into the local governments that govern them: every municipal piece
/// (tambon ∩ municipality) and every remainder (tambon minus all municipalities, the SAO's area), each with both
/// the tambon code and the local-government code.
///
/// The steps, in order:
/// 1. inputs are checked: codes present and unique (municipality codes also unlike the derived SAO codes), no SAO
///    among the municipalities, every geometry has area (invalid ones are repaired and reported), no two tambons
///    and no two municipalities overlap by more than the overlap tolerance, every municipality meets a tambon;
/// 2. each municipality's border is snapped onto the tambon borders it follows within the snapping tolerance
///    (``BorderSnapper``), and the overlaps left within tolerance or made by snapping go to the code that sorts
///    first;
/// 3. each tambon, noded at the municipal vertices now on its border, is cut into pieces (``TambonSplitter``);
/// 4. pieces thinner than the tolerance or smaller than the minimum area are merged into the neighbouring unit
///    of the same tambon (``SliverMerger``);
/// 5. units are measured (geodesic); a municipality left with no unit is an error; what of the municipalities lies
///    outside every tambon is reported (``OutsideParts``); the guarantees are measured (``PartitionGuarantees``)
///    and must hold.
///
/// Unit areas are geodesic (the house measure, and the crosswalk's); overlaps, slivers, crumbs and the coverage
/// difference are judged by their area as cut, edges straight in lon/lat (``LocalFrame/squareMetres(of:)``).
///
/// Everything runs on the inputs' GEOS context, on the calling thread: all inputs must share one context.
public struct GovernancePartition {
    public let options: GovernanceOptions

    public init(options: GovernanceOptions = GovernanceOptions()) {
        self.options = options
    }

    /// Partitions `tambons` among `municipalities`; `progress` is told each step ("cutting tambons 120/7497").
    /// - Throws: ``GeoPlanError/governance(_:)`` for bad input (naming the codes) or a broken guarantee.
    public func build(
        tambons: [TambonInput], municipalities: [MunicipalityInput],
        progress: (GovernanceStep) -> Void = { _ in }
    ) throws -> GovernancePartitionResult {
        try options.validate()
        guard let context = tambons.first?.geometry.context else { throw GeoPlanError.governance(.noTambons) }
        let method = try MeasureMethod(.geodesic)
        let area = { (geometry: Geometry) throws -> Double in try method.measure(geometry).areaSquareMetres ?? 0 }

        // 1. Inputs.
        progress(.checkingInputs)
        let tambonCodes = tambons.map(\.code)
        try InputChecks.checkCodes(tambonCodes, layer: "tambons")
        try InputChecks.checkCodes(municipalities.map(\.code), layer: "municipalities")
        try InputChecks.checkDerivedCodes(tambons: tambonCodes, municipalities: municipalities.map(\.code))
        if let sao = municipalities.first(where: { $0.type == .sao }) {
            throw GeoPlanError.governance(.saoInMunicipalityLayer(code: sao.code))
        }
        var repaired: [String] = []
        let tambonShapes = try tambons.map {
            try InputChecks.polygonal($0.geometry, layer: "tambons", code: $0.code, repaired: &repaired)
        }
        let municipalShapes = try municipalities.map {
            MunicipalShape(
                code: $0.code, type: $0.type,
                geometry: try InputChecks.polygonal(
                    $0.geometry, layer: "municipalities", code: $0.code, repaired: &repaired))
        }
        let checks = InputChecks(options: options, measure: area)
        let tambonOverlaps = try checks.rejectOverlaps(
            among: zip(tambonCodes, tambonShapes).map { ($0, $1) }, layer: "tambons", context: context)
        _ = try checks.rejectOverlaps(
            among: municipalShapes.map { ($0.code, $0.geometry) }, layer: "municipalities",
            context: context)
        let tambonIndex = try STRtree<Int>(context: context)
        for (index, shape) in tambonShapes.enumerated() { try tambonIndex.insert(shape, index) }
        try tambonIndex.build()
        try InputChecks.rejectOutside(
            municipalShapes.map { ($0.code, $0.geometry) }, tambons: tambonShapes,
            codes: tambonCodes, index: tambonIndex)

        // 2. Snapping, then the overlaps that are left.
        progress(.snappingBorders)
        let snapping = try snap(municipalShapes, tambons: tambonShapes, index: tambonIndex)
        let (cutters, resolved) = try resolveOverlaps(snapping.shapes, measure: area, context: context)

        // 3 and 4. Cutting each tambon, settling small pieces.
        let snapper = BorderSnapper(toleranceMetres: options.snapToleranceMetres)
        let merger = SliverMerger(options: options, method: method)
        let municipalIndex = try STRtree<Int>(context: context)
        for (index, shape) in cutters.enumerated() { try municipalIndex.insert(shape.geometry, index) }
        try municipalIndex.build()
        var pieces: [(tambon: Int, piece: RawPiece)] = []
        var small: [GovernanceReport.SmallPiece] = []
        for (index, tambon) in tambonShapes.enumerated() {
            if index % 50 == 0 { progress(.cuttingTambons(done: index, of: tambonShapes.count)) }
            let prepared = try tambon.prepared()
            let near = try municipalIndex.query(tambon).map { cutters[$0] }
                .filter { try prepared.intersects($0.geometry) }.sorted { $0.code < $1.code }
            let noded = try snapper.node(tambon, at: near.map(\.geometry))
            let raw = try TambonSplitter.split(noded, tambonCode: tambonCodes[index], among: near)
            let settled = try merger.merge(raw, tambonCode: tambonCodes[index], context: context)
            pieces += settled.pieces.map { (index, $0) }
            small += settled.small
        }

        // 5. Units, checks, crosswalk.
        var repairedUnits = 0
        let units = try pieces.map { tambon, piece in
            var geometry = piece.geometry
            if try !geometry.isValid {
                geometry = try geometry.makeValid(method: .structure(keepCollapsed: false)).polygonalPart()
                repairedUnits += 1
            }
            return GovernanceUnit(
                tambonCode: tambonCodes[tambon], localGovernmentCode: piece.localGovernmentCode,
                type: piece.type, kind: piece.kind, geometry: geometry,
                areaSquareMetres: try area(geometry))
        }
        try rejectMissing(cutters, units: units, codes: tambonCodes, index: tambonIndex)
        progress(.checkingGuarantees)
        let outside = OutsideParts(options: options)
        let outsideParts = try cutters.compactMap { try outside.find($0, tambons: tambonShapes, index: tambonIndex) }
        let guarantees = try PartitionGuarantees(options: options, method: method)
            .measure(
                units: units, tambons: tambonShapes, tambonCodes: tambonCodes, repairedUnits: repairedUnits,
                context: context)
        try PartitionGuarantees.check(guarantees)
        let report = GovernanceReport(
            options: options, tambons: tambons.count, municipalities: municipalities.count, units: units.count,
            repairedInputs: repaired, snappedMunicipalities: snapping.moved, unsnappedMunicipalities: snapping.kept,
            resolvedOverlaps: resolved, toleratedTambonOverlaps: tambonOverlaps, outsideParts: outsideParts,
            smallPieces: small, guarantees: guarantees)
        return GovernancePartitionResult(units: units, crosswalk: Crosswalk.rows(for: units), report: report)
    }

    // MARK: - Steps

    /// Each municipality snapped to the tambons near it; which moved, and which snapping would have erased.
    private func snap(_ shapes: [MunicipalShape], tambons: [Geometry], index: STRtree<Int>) throws
        -> (shapes: [MunicipalShape], moved: [String], kept: [String])
    {
        let snapper = BorderSnapper(toleranceMetres: options.snapToleranceMetres)
        var result: [MunicipalShape] = []
        var moved: [String] = []
        var kept: [String] = []
        for shape in shapes {
            guard let box = shape.geometry.bounds else {  // not reached: inputs are checked non-empty
                result.append(shape)
                continue
            }
            let reach = LocalFrame(around: box).reachDegrees(forMetres: 2 * options.snapToleranceMetres)
            let near = try index.query(
                envelope: Envelope(
                    minX: box.minX - reach, minY: box.minY - reach,
                    maxX: box.maxX + reach, maxY: box.maxY + reach))
            guard let snapped = try snapper.snap(shape.geometry, to: near.map { tambons[$0] }) else {
                kept.append(shape.code)
                result.append(shape)
                continue
            }
            if snapped !== shape.geometry, try !snapped.equalsExact(shape.geometry) { moved.append(shape.code) }
            result.append(MunicipalShape(code: shape.code, type: shape.type, geometry: snapped))
        }
        return (result, moved, kept)
    }

    /// The municipalities with every remaining overlap (within tolerance on input, or made by snapping) taken
    /// from the one whose code sorts later; the overlaps, as given away.
    private func resolveOverlaps(
        _ shapes: [MunicipalShape], measure: @escaping (Geometry) throws -> Double,
        context: GEOSContext
    ) throws
        -> (shapes: [MunicipalShape], resolved: [GovernanceError.Overlap])
    {
        let overlaps = try OverlapFinder(geodesicArea: measure)
            .overlaps(among: shapes.map { ($0.code, $0.geometry) }, context: context).map(\.overlap)
        guard !overlaps.isEmpty else { return (shapes, []) }
        var geometries = Dictionary(uniqueKeysWithValues: shapes.map { ($0.code, $0.geometry) })
        var resolved: [GovernanceError.Overlap] = []
        for overlap in overlaps {
            let (winner, loser) =
                overlap.first < overlap.second
                ? (overlap.first, overlap.second)
                : (overlap.second, overlap.first)
            guard let keep = geometries[winner], let cut = geometries[loser] else { continue }
            geometries[loser] = try PieceGeometry.repairing(cut, keep) { try $0.difference($1) }
            resolved.append(
                GovernanceError.Overlap(
                    first: winner, second: loser,
                    areaSquareMetres: overlap.areaSquareMetres, point: overlap.point))
        }
        let result = shapes.map {
            MunicipalShape(code: $0.code, type: $0.type, geometry: geometries[$0.code] ?? $0.geometry)
        }
        return (result, resolved)
    }

    /// Throws ``GovernanceError/outsideEveryTambon(municipalities:)`` for municipalities left with no unit: they
    /// only touched the tambons, or lay in them only by slivers thinner than the tolerance.
    private func rejectMissing(
        _ shapes: [MunicipalShape], units: [GovernanceUnit], codes: [String],
        index: STRtree<Int>
    ) throws {
        let present = Set(units.map(\.localGovernmentCode))
        let missing = try shapes.filter { !present.contains($0.code) }
            .map { try InputChecks.outside($0.code, $0.geometry, codes: codes, index: index) }
        if !missing.isEmpty { throw GeoPlanError.governance(.outsideEveryTambon(municipalities: missing)) }
    }
}
