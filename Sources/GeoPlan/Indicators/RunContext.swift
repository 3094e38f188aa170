import GDAL
import GEOS
import PROJ

/// What indicators share during a run over one boundary set: the areas, inputs loaded once, geodesic measures
/// of the areas computed once, and earlier indicators' values (for expressions).
///
/// The main thread's context holds every area; each worker of a parallel run has one of its own for its share
/// of the areas (`core`) and their neighbours, which the border rules need but whose values it leaves to
/// the worker that owns them.
///
/// Not `Sendable`: it holds one GEOS context and the geometries made with it.
final class RunContext {
    /// The spec's path, for messages (nil for a spec built by a command).
    let specPath: String?
    /// The spec's inputs.
    let inputs: [InputSpec]
    private let inputsByName: [String: InputSpec]
    let boundaries: BoundarySet
    let context: GEOSContext
    let folder: String?
    /// Per area, whether this context computes its values (nil: all of them).
    private let core: [Bool]?
    /// Features whose box misses this lon/lat box cannot touch a core area (nil: keep all).
    private let window: GEOS.Envelope?
    /// Inputs read once (by the main thread) and shared with the workers.
    private(set) var stores: [String: FeatureStore]
    /// With `--partition`, which share of the areas this run writes.
    let partition: PartitionRecord?
    private var measureMethods: [MeasureMode: MeasureMethod] = [:]
    private var areaMeasuresByMode: [MeasureMode: [Measures]] = [:]
    /// Values computed so far, by column name, per area.
    var values: [String: [IndicatorValue]] = [:]
    private var featureSets: [String: FeatureSet] = [:]
    private var tables: [String: CodeTable] = [:]
    private var placements: [String: PointPlacement] = [:]
    private var smallerNeighbourBorders: [PreparedGeometry?]?
    private var coverages: [String: [[Double]]] = [:]
    private var rasters: [String: RasterSource] = [:]
    /// Every operation used to bring an input to WGS 84, for the provenance record.
    private(set) var operations: [String: OperationReport] = [:]
    private(set) var inputWarnings: [String] = []

    init(
        inputs: [InputSpec], specPath: String?, boundaries: BoundarySet, context: GEOSContext, folder: String?,
        core: [Bool]? = nil, window: GEOS.Envelope? = nil, stores: [String: FeatureStore] = [:],
        partition: PartitionRecord? = nil
    ) {
        self.specPath = specPath
        self.inputs = inputs
        inputsByName = Dictionary(inputs.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        self.boundaries = boundaries
        self.context = context
        self.folder = folder
        self.core = core
        self.window = window
        self.stores = stores
        self.partition = partition
    }

    /// A context over other areas (a level's dissolved groups) sharing this one's inputs read so far.
    func sharing(boundaries: BoundarySet) -> RunContext {
        RunContext(
            inputs: inputs, specPath: specPath, boundaries: boundaries, context: context, folder: folder,
            stores: stores)
    }

    /// The spec's input of that name.
    func input(named name: String) -> InputSpec? {
        inputsByName[name]
    }

    /// Positions of the areas this run writes, ascending: all of them, or a partition's.
    var selected: [Int] {
        partition?.positions ?? Array(boundaries.areas.indices)
    }

    /// Whether this context computes area `index`'s values (rather than only using it as a neighbour).
    func isCore(_ index: Int) -> Bool {
        core?[index] ?? true
    }

    /// How to measure in `mode`, made once.
    func method(_ mode: MeasureMode) throws -> MeasureMethod {
        if let made = measureMethods[mode] { return made }
        let made = try MeasureMethod(mode)
        measureMethods[mode] = made
        return made
    }

    /// The area (m²) and perimeter (m) of every area in `mode`, computed once.
    func areaMeasures(_ mode: MeasureMode) throws -> [Measures] {
        if let computed = areaMeasuresByMode[mode] { return computed }
        let method = try method(mode)
        let computed = try boundaries.areas.map { area in
            isCore(area.index) ? try method.measure(area.geometry) : Measures()
        }
        areaMeasuresByMode[mode] = computed
        return computed
    }

    /// An input's features, filtered and classed, read once per (input, where, by) for the whole run.
    /// With `everywhere`, features far from the areas are kept too (for `nearest`).
    func store(_ name: String, whereClause: String?, by: String?, everywhere: Bool = false) throws -> FeatureStore {
        let key = Self.inputKey(name, whereClause: whereClause, by: by, everywhere: everywhere)
        if let loaded = stores[key] { return loaded }
        guard let input = input(named: name) else {
            throw GeoPlanError.input(path: specPath ?? "spec", reason: "no input named \"\(name)\"")
        }
        let loaded = try FeatureStore.load(
            input, whereClause: whereClause, by: by, folder: folder,
            window: everywhere ? nil : window, context: context)
        stores[key] = loaded
        if let operation = loaded.operation { operations[input.name] = operation }
        inputWarnings += loaded.warnings
        return loaded
    }

    /// How stores and feature sets are filed: one per (input, where, by, near the areas or everywhere).
    static func inputKey(_ name: String, whereClause: String?, by: String?, everywhere: Bool = false) -> String {
        [name, whereClause ?? "", by ?? "", everywhere ? "*" : ""].joined(separator: "\u{1F}")
    }

    /// The same features as geometries of this context (those near the core areas), indexed, made once.
    func features(_ name: String, whereClause: String?, by: String?, everywhere: Bool = false) throws
        -> FeatureSet
    {
        let key = Self.inputKey(name, whereClause: whereClause, by: by, everywhere: everywhere)
        if let made = featureSets[key] { return made }
        let made = try FeatureSet(
            store: store(name, whereClause: whereClause, by: by, everywhere: everywhere),
            window: everywhere ? nil : window, context: context)
        featureSets[key] = made
        return made
    }

    /// Where each point of an input (near the core areas) falls, computed once per (input, where, by).
    func placement(_ name: String, whereClause: String?, by: String?) throws -> PointPlacement {
        let key = Self.inputKey(name, whereClause: whereClause, by: by)
        if let placed = placements[key] { return placed }
        let placed = try PointPlacement(
            store(name, whereClause: whereClause, by: by), window: window, in: self)
        placements[key] = placed
        return placed
    }

    /// For each area, the rings of its neighbours with a smaller id (nil when none touches it): the stretches of
    /// its border that line lengths leave to those neighbours.
    func bordersWithSmallerNeighbours() throws -> [PreparedGeometry?] {
        if let computed = smallerNeighbourBorders { return computed }
        let areas = boundaries.areas
        let computed: [PreparedGeometry?] = try areas.map { area in
            guard isCore(area.index) else { return nil }
            let neighbours = try boundaries.index.query(area.geometry).filter { index in
                try area.prepared.intersects(areas[index].geometry) && areas[index].id < area.id
            }
            guard !neighbours.isEmpty else { return nil }
            let rings = try neighbours.flatMap { try Self.rings(of: areas[$0].geometry) }
            return try Geometry.multiLineString(rings, context: context).prepared()
        }
        smallerNeighbourBorders = computed
        return computed
    }

    /// A polygon's or multi-polygon's rings as line strings.
    private static func rings(of geometry: Geometry) throws -> [Geometry] {
        let polygons = geometry.type == .polygon ? [geometry] : try geometry.geometries
        return try polygons.flatMap { polygon -> [Geometry] in
            guard !polygon.isEmpty else { return [] }
            let rings = [try polygon.exteriorRing] + (try polygon.interiorRings)
            return try rings.map { try Geometry.lineString($0.coordinates, context: geometry.context) }
        }
    }

    /// Per area and class, the area each class of a polygon input covers (see `ShareIndicator`), computed once
    /// for `share` and `mix` alike.
    func classCoverage(of features: FeatureSet, classes: [String?], measure: MeasureMode) throws -> [[Double]] {
        let key = "\(ObjectIdentifier(features).hashValue)|\(measure)"
        if let computed = coverages[key] { return computed }
        let computed = try ClassCoverage(features: features, classes: classes, method: method(measure)).compute(
            in: self)
        coverages[key] = computed
        return computed
    }

    /// A band of a raster input, opened once per context (so once per thread).
    func raster(_ name: String, band: Int) throws -> RasterSource {
        let key = "\(name)|\(band)"
        if let opened = rasters[key] { return opened }
        guard let input = input(named: name) else {
            throw GeoPlanError.input(path: specPath ?? "spec", reason: "no input named \"\(name)\"")
        }
        let opened = try RasterSource(input, band: band, folder: folder)
        rasters[key] = opened
        return opened
    }

    /// Before a zonal indicator runs: its rasters open, the weights share the values' grid, and the raster
    /// overlaps the areas (a raster elsewhere, or in a wrong CRS, would give every area "no data").
    func checkRasters(of request: ZonalRequest) throws {
        for band in request.bands.dropFirst() { _ = try raster(request.input, band: band) }
        let values = try raster(request.input, band: request.bands.first ?? 1)
        if let name = request.weights {
            let weights = try raster(name, band: request.weightsBand)
            guard weights.sharesGrid(with: values) else {
                let reason =
                    "the weights raster's grid (\(weights.grid)) differs from \"\(values.path)\"'s "
                    + "(\(values.grid)); resample it onto that grid first, e.g. gdalwarp -te … -tr … -r sum"
                throw GeoPlanError.input(path: weights.path, reason: reason)
            }
        }
        let boxes = selected.compactMap { boundaries.areas[$0].geometry.bounds }
        guard let first = boxes.first else { return }
        let box = boxes.reduce(first) { $0.union($1) }
        // The areas' box, densified, in the raster's CRS.
        let steps = (0...20).map { Double($0) / 20 }
        let (w, e, south, north) = (box.minX, box.maxX, box.minY, box.maxY)
        let outline =
            steps.map { GEOS.XY(x: w + $0 * (e - w), y: south) }
            + steps.map { GEOS.XY(x: e, y: south + $0 * (north - south)) }
            + steps.map { GEOS.XY(x: e - $0 * (e - w), y: north) }
            + steps.map { GEOS.XY(x: w, y: north - $0 * (north - south)) }
        let projected = try values.polygons(of: try Geometry.polygon(exterior: outline, context: context))
            .joined().joined()
        let xs = projected.map(\.x)
        let ys = projected.map(\.y)
        let extent = values.extent
        guard let minX = xs.min(), let maxX = xs.max(), let minY = ys.min(), let maxY = ys.max(),
            minX < extent.maxX, maxX > extent.minX, minY < extent.maxY, maxY > extent.minY
        else {
            throw GeoPlanError.input(
                path: values.path,
                reason: "the raster (\(extent) in its CRS) does not overlap the areas of \"\(boundaries.spec.name)\" "
                    + "(\(box) in lon/lat); check that it covers them and that its CRS is right (gdalinfo)")
        }
    }

    /// A table input, read once.
    func table(_ name: String) throws -> CodeTable {
        if let loaded = tables[name] { return loaded }
        guard let input = input(named: name) else {
            throw GeoPlanError.input(path: specPath ?? "spec", reason: "no input named \"\(name)\"")
        }
        let loaded = try CodeTable.load(input, folder: folder)
        tables[name] = loaded
        inputWarnings += loaded.warnings
        return loaded
    }
}
