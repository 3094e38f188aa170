import GDAL
import GEOS

/// The features of one input as an indicator needs them: geometries in WGS 84 lon/lat, the class of each
/// (the `by` field's value), and an STRtree, built once and shared by every indicator that asks the same.
///
/// Not `Sendable`: its geometries belong to one GEOS context.
public final class FeatureSet {
    public let input: InputSpec
    public let geometries: [Geometry]
    /// The `by` field's value per feature, as text (nil when missing); empty when no `by` was asked.
    public let classes: [String?]
    public let index: STRtree<Int>
    public let operation: OperationReport?
    /// Features without geometry, skipped.
    public let skipped: Int
    /// Invalid polygons repaired with MakeValid.
    public let repaired: Int
    public let warnings: [String]

    static func load(_ input: InputSpec, whereClause: String?, by field: String?, folder: String?,
                     context: GEOSContext) throws -> FeatureSet {
        let path = BoundarySet.resolve(input.path, in: folder)
        let clauses = [input.whereClause, whereClause].compactMap { $0 }.map { "(\($0))" }
        let options = InputOptions(layer: input.layer, encoding: input.encoding, assumeCRS: input.assumeCRS,
                                   whereClause: clauses.isEmpty ? nil : clauses.joined(separator: " AND "))
        let source = try VectorSource.open(path, options: options)
        let layer = source.layer
        if let field, layer.schema.index(of: field) == nil {
            throw GDALError.noSuchField(layer: layer.name, name: field, available: layer.schema.names)
        }
        let crs = try LayerCRS.require(layer, assume: input.assumeCRS, purpose: "place its features in the areas")
        let converter = try LonLatConverter(from: crs.spatialReference, near: layer.extent(force: false))
        var geometries: [Geometry] = []
        var classes: [String?] = []
        var skipped = 0
        var repaired = 0
        try layer.forEachFeature { feature in
            guard let ogr = feature.geometry, !ogr.isEmpty else {
                skipped += 1
                return
            }
            let type = ogr.type
            let fits = switch input.kind {
            case .points: type.isPuntal
            case .lines: type.isLinear
            case .polygons: type.isPolygonal
            case .table: false
            }
            guard fits else {
                throw GeoPlanError.wrongGeometryType(location: feature.location,
                                                     expected: "\(input.kind.rawValue) for input \"\(input.name)\"",
                                                     found: "\(type)")
            }
            var geometry = try converter.convert(ogr, context: context, location: feature.location)
            if input.kind != .points, try !geometry.isValid {
                geometry = try geometry.makeValid(method: .structure(keepCollapsed: false))
                if input.kind == .polygons { geometry = try geometry.polygonalPart() }
                repaired += 1
            }
            geometries.append(geometry)
            if let field { classes.append(try feature.value(field).text) }
        }
        let tree = try STRtree<Int>(context: context)
        for (position, geometry) in geometries.enumerated() where !geometry.isEmpty {
            try tree.insert(geometry, position)
        }
        try tree.build()
        var warnings = source.encoding.warnings
        if repaired > 0 {
            warnings.append("\(path): \(repaired) invalid geometries were repaired with GEOS MakeValid")
        }
        if skipped > 0 { warnings.append("\(path): \(skipped) features without geometry were skipped") }
        return FeatureSet(input: input, geometries: geometries, classes: classes, index: tree,
                          operation: converter.operation, skipped: skipped, repaired: repaired, warnings: warnings)
    }

    private init(input: InputSpec, geometries: [Geometry], classes: [String?], index: STRtree<Int>,
                 operation: OperationReport?, skipped: Int, repaired: Int, warnings: [String]) {
        self.input = input
        self.geometries = geometries
        self.classes = classes
        self.index = index
        self.operation = operation
        self.skipped = skipped
        self.repaired = repaired
        self.warnings = warnings
    }

    /// The distinct classes, sorted, without nil.
    public var classNames: [String] {
        Array(Set(classes.compactMap { $0 })).sorted()
    }
}
