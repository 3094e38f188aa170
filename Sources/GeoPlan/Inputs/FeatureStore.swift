import GDAL
import GEOS

/// An input's features read once, in WGS 84 lon/lat, as compact WKB with a box and class per feature.
///
/// `Sendable` (everything in it is immutable values): the workers of a parallel run each turn the features
/// near their areas into geometries of their own GEOS context (`FeatureSet.init(store:window:context:)`),
/// since GEOS geometries never cross threads. Invalid lines and polygons are repaired (GEOS MakeValid) here,
/// once, so the repair count is exact however the work is split.
public final class FeatureStore: Sendable {
    public let input: InputSpec
    /// Every feature's WKB, back to back; feature `i` is `bytes[offsets[i]..<offsets[i + 1]]`.
    private let bytes: [UInt8]
    /// Where each feature's WKB and box are: `.points` when every feature is one point (a million points hold
    /// 21 MB, not 61), `.offsets` otherwise.
    private let layout: Layout
    /// The features by grid cell, for `features(meeting:)`.
    private let grid: FeatureGrid
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

    public let count: Int

    /// Feature `index`'s WKB (lon/lat, x/y only).
    public func wkb(_ index: Int) -> ArraySlice<UInt8> {
        switch layout {
        case .points: bytes[index * PointWKB.size..<(index + 1) * PointWKB.size]
        case let .offsets(offsets, _): bytes[offsets[index]..<offsets[index + 1]]
        }
    }

    /// Feature `index`'s lon/lat when every feature is one point (nil otherwise): a point made from it skips
    /// reading WKB.
    public func point(_ index: Int) -> XY? {
        guard case .points = layout else { return nil }
        let (x, y) = PointWKB.coordinates(bytes, at: index * PointWKB.size)
        return XY(x, y)
    }

    /// The features whose boxes meet `window` (all when nil), ascending.
    public func features(meeting window: GEOS.Envelope?) -> [Int] {
        grid.features(meeting: window, box: box)
    }

    /// Feature `index`'s box in lon/lat.
    public func box(_ index: Int) -> GEOS.Envelope {
        layout.box(index, in: bytes)
    }

    private enum Layout {
        case points
        case offsets([Int], boxes: [GEOS.Envelope])

        func box(_ index: Int, in bytes: [UInt8]) -> GEOS.Envelope {
            switch self {
            case .points: PointWKB.box(bytes, at: index * PointWKB.size)
            case let .offsets(_, boxes): boxes[index]
            }
        }
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
            reading.append(wkb, box: box)
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
        /// Nil while every feature so far is one point (see `Layout`).
        var offsets: [Int]?
        var boxes: [GEOS.Envelope] = []
        var count = 0
        var classes: [String?] = []
        /// Every class met, kept or not: "=" + the class, or "" for none.
        var allClasses: Set<String> = []
        var pointCount = 0
        var skipped = 0
        var repaired = 0

        mutating func append(_ wkb: [UInt8], box: GEOS.Envelope) {
            if offsets == nil, !PointWKB.isPoint(wkb) {
                // The first feature that is not one point: the points so far get offsets and boxes too.
                offsets = (0...count).map { $0 * PointWKB.size }
                boxes = (0..<count).map { PointWKB.box(bytes, at: $0 * PointWKB.size) }
            }
            bytes += wkb
            if offsets != nil {
                offsets?.append(bytes.count)
                boxes.append(box)
            }
            count += 1
        }
    }

    private init(input: InputSpec, reading: Reading, operation: OperationReport?, warnings: [String]) {
        self.input = input
        bytes = reading.bytes
        layout = reading.offsets.map { .offsets($0, boxes: reading.boxes) } ?? .points
        count = reading.count
        grid = FeatureGrid(count: reading.count) { [layout, bytes] in layout.box($0, in: bytes) }
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

/// A single 2D point in WKB: byte order, type 1, x, y.
enum PointWKB {
    static let size = 21

    static func isPoint(_ wkb: [UInt8]) -> Bool {
        guard wkb.count == size, let order = wkb.first, order <= 1 else { return false }
        let type = wkb[1...4]
        return order == 1 ? Array(type) == [1, 0, 0, 0] : Array(type) == [0, 0, 0, 1]
    }

    /// The box (the point itself) of the point whose WKB starts at `start` of `bytes`.
    static func box(_ bytes: [UInt8], at start: Int) -> GEOS.Envelope {
        let (x, y) = coordinates(bytes, at: start)
        return GEOS.Envelope(minX: x, minY: y, maxX: x, maxY: y)
    }

    /// The x and y of the point whose WKB starts at `start` of `bytes`.
    static func coordinates(_ bytes: [UInt8], at start: Int) -> (Double, Double) {
        bytes.withUnsafeBytes { raw in
            let x = raw.loadUnaligned(fromByteOffset: start + 5, as: UInt64.self)
            let y = raw.loadUnaligned(fromByteOffset: start + 13, as: UInt64.self)
            let little = raw[start] == 1
            return (
                Double(bitPattern: little ? UInt64(littleEndian: x) : UInt64(bigEndian: x)),
                Double(bitPattern: little ? UInt64(littleEndian: y) : UInt64(bigEndian: y))
            )
        }
    }
}
