import GDAL
import GEOS

/// An input's features read once, in WGS 84 lon/lat, as compact WKB with a bounding box and class per feature.
///
/// `Sendable` (everything in it is immutable values): the workers of a parallel run each turn the features
/// near their areas into geometries of their own GEOS context (`FeatureSet.init(store:window:context:)`),
/// since GEOS geometries never cross threads. Invalid lines and polygons are repaired (GEOS MakeValid) here,
/// once, so the repair count is exact however the work is split.
public final class FeatureStore: Sendable {
    public let input: InputSpec
    /// Every feature's WKB, back to back; feature `i` is `bytes[offsets[i]..<offsets[i + 1]]`.
    private let bytes: [UInt8]
    private let offsets: [Int]
    /// Per feature, its box in lon/lat.
    public let boxes: [GEOS.Envelope]
    /// The `by` field's value per feature, as text (nil when null or empty); empty when no `by` was asked.
    public let classes: [String?]
    /// The distinct classes, sorted, without nil; and whether some feature has none (of the whole input, even
    /// when a window kept only some features).
    public let classNames: [String]
    public let hasUnclassified: Bool
    /// Points in the input (multi-points count each of theirs).
    public let pointCount: Int
    public let operation: OperationReport?
    /// Features without geometry, skipped.
    public let skipped: Int
    /// Invalid lines and polygons repaired with MakeValid.
    public let repaired: Int
    public let warnings: [String]

    public var count: Int { boxes.count }

    /// Feature `index`'s WKB (lon/lat, x/y only).
    public func wkb(_ index: Int) -> ArraySlice<UInt8> {
        bytes[offsets[index]..<offsets[index + 1]]
    }

    /// Reads an input through GDAL. `window` (lon/lat) keeps only features whose box meets it: what a partition
    /// of the areas needs.
    static func load(
        _ input: InputSpec, whereClause: String?, by field: String?, folder: String?,
        window: GEOS.Envelope? = nil, context: GEOSContext
    ) throws -> FeatureStore {
        let path = BoundarySet.resolve(input.path, in: folder)
        let clauses = [input.whereClause, whereClause].compactMap { $0 }.map { "(\($0))" }
        let options = InputOptions(
            layer: input.layer, encoding: input.encoding, assumeCRS: input.assumeCRS,
            whereClause: clauses.isEmpty ? nil : clauses.joined(separator: " AND "),
            wrapLongitudes: input.wrapLongitudes)
        let source = try VectorSource.open(path, options: options)
        let layer = source.layer
        if let field, layer.schema.index(of: field) == nil {
            throw GDALError.noSuchField(layer: layer.name, name: field, available: layer.schema.names)
        }
        let crs = try LayerCRS.require(layer, assume: input.assumeCRS, purpose: "place its features in the areas")
        let converter = try LonLatConverter(
            from: crs.spatialReference, near: layer.extent(force: false),
            domain: options.lonLatDomain)
        var reading = Reading()
        try layer.forEachFeature { feature in
            guard let ogr = feature.geometry, !ogr.isEmpty else {
                reading.skipped += 1
                return
            }
            let type = ogr.type
            let fits =
                switch input.kind {
                case .points: type.isPuntal
                case .lines: type.isLinear
                case .polygons: type.isPolygonal
                case .table, .raster: false
                }
            guard fits else {
                throw GeoPlanError.wrongGeometryType(
                    location: feature.location,
                    expected: "\(input.kind.rawValue) for input \"\(input.name)\"",
                    found: "\(type)")
            }
            var (wkb, box) = try converter.lonLatWKB(ogr, location: feature.location)
            if input.kind != .points {
                let geometry = try Geometry(wkb: wkb, context: context)
                if try !geometry.isValid {
                    var fixed = try geometry.makeValid(method: .structure(keepCollapsed: false))
                    if input.kind == .polygons { fixed = try fixed.polygonalPart() }
                    wkb = try fixed.wkb(includeZ: false)
                    box = fixed.bounds
                    reading.repaired += 1
                }
            }
            guard let box else {
                reading.skipped += 1
                return
            }
            // Classes of features far away too: every partition of a run must have the same columns.
            // Empty text is no class, as null is: both are counted as missing (`<id>_unclassified`).
            let className: String? = try field.flatMap { try feature.value($0).text }.flatMap { $0.isEmpty ? nil : $0 }
            if field != nil { reading.allClasses.insert(className.map { "=" + $0 } ?? "") }
            if let window, !box.intersects(window) { return }
            reading.pointCount += input.kind == .points ? max(ogr.partCount, 1) : 0
            reading.bytes += wkb
            reading.offsets.append(reading.bytes.count)
            reading.boxes.append(box)
            if field != nil { reading.classes.append(className) }
        }
        var warnings = source.encoding.warnings
        if reading.repaired > 0 {
            warnings.append("\(path): \(reading.repaired) invalid geometries were repaired with GEOS MakeValid")
        }
        if reading.skipped > 0 {
            warnings.append("\(path): \(reading.skipped) features without geometry were skipped")
        }
        if let shifted = converter.shifts.warning(path: path) { warnings.append(shifted) }
        return FeatureStore(input: input, reading: reading, operation: converter.operation, warnings: warnings)
    }

    /// What a read accumulates.
    private struct Reading {
        var bytes: [UInt8] = []
        var offsets: [Int] = [0]
        var boxes: [GEOS.Envelope] = []
        var classes: [String?] = []
        /// Every class met, kept or not: "=" + the class, or "" for none.
        var allClasses: Set<String> = []
        var pointCount = 0
        var skipped = 0
        var repaired = 0
    }

    private init(input: InputSpec, reading: Reading, operation: OperationReport?, warnings: [String]) {
        self.input = input
        bytes = reading.bytes
        offsets = reading.offsets
        boxes = reading.boxes
        classes = reading.classes
        classNames = reading.allClasses.filter { !$0.isEmpty }.map { String($0.dropFirst()) }.sorted()
        hasUnclassified = reading.allClasses.contains("")
        pointCount = reading.pointCount
        skipped = reading.skipped
        repaired = reading.repaired
        self.operation = operation
        self.warnings = warnings
    }
}
