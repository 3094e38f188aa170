import Foundation
import GDAL
import GEOS

/// One area of a boundary set: its code, names, and geometry in WGS 84 lon/lat.
public final class Area {
    /// Position in its set (stable: the input's order).
    public let index: Int
    /// The id field's value, e.g. `TH120101`.
    public let id: String
    /// The name fields' values, in the spec's order.
    public let names: [FieldValue]
    /// Polygonal, valid, lon/lat (WGS 84).
    public let geometry: Geometry
    public let prepared: PreparedGeometry
    public let featureID: Int64?

    init(index: Int, id: String, names: [FieldValue], geometry: Geometry, featureID: Int64?) throws {
        self.index = index
        self.id = id
        self.names = names
        self.geometry = geometry
        prepared = try geometry.prepared()
        self.featureID = featureID
    }
}

/// A boundary set loaded for a run: every area valid, polygonal and in WGS 84 lon/lat, with unique, non-empty
/// codes, and an STRtree over them.
///
/// Not `Sendable`: its geometries belong to one GEOS context.
public final class BoundarySet {
    public let spec: BoundarySpec
    public let areas: [Area]
    public let index: STRtree<Int>
    /// The CRS the file was in and, when it was not WGS 84, the operation that brought it there.
    public let sourceCRS: String
    public let operation: OperationReport?
    public let encoding: EncodingReport
    /// Invalid geometries repaired with MakeValid on loading.
    public let repaired: Int
    public let warnings: [String]
    /// For governance units, what each area belongs to: its tambon (what a table by tambon code is matched on)
    /// and its local government. Nil: each area is its own tambon.
    let memberships: [AreaMembership]?

    /// Loads and checks a boundary set; `folder` resolves a relative path (the spec's folder).
    public static func load(_ spec: BoundarySpec, folder: String?, context: GEOSContext) throws -> BoundarySet {
        let path = resolve(spec.path, in: folder)
        let options = InputOptions(
            layer: spec.layer, encoding: spec.encoding, assumeCRS: spec.assumeCRS,
            whereClause: spec.whereClause, wrapLongitudes: spec.wrapLongitudes)
        let source = try VectorSource.open(path, options: options)
        let layer = source.layer
        if layer.featureCount() == 0 {
            throw GeoPlanError.emptyLayer(path: path, layer: layer.name, filter: spec.whereClause)
        }
        for field in [spec.idField] + spec.nameFields where layer.schema.index(of: field) == nil {
            throw GDALError.noSuchField(layer: layer.name, name: field, available: layer.schema.names)
        }
        let crs = try LayerCRS.require(layer, assume: spec.assumeCRS, purpose: "use it as boundaries")
        let toWGS84 = try LonLatConverter(
            from: crs.spatialReference, near: layer.extent(force: false),
            domain: options.lonLatDomain)
        var areas: [Area] = []
        var seen: [String: Int64?] = [:]
        var repaired = 0
        try layer.forEachFeature { feature in
            let idValue = try feature.value(spec.idField)
            guard let id = idValue.text?.trimmingCharacters(in: .whitespaces), !id.isEmpty else {
                throw GeoPlanError.input(
                    path: path,
                    reason: "\(feature.location): the id field \(spec.idField) is "
                        + "empty; every area needs a code: fill it in or remove the feature")
            }
            if let earlier = seen[id] {
                throw GeoPlanError.input(
                    path: path,
                    reason: "\(feature.location): the id \(spec.idField) = \"\(id)\" "
                        + "is used by feature \(earlier.map(String.init) ?? "?") too; ids must be unique: "
                        + "merge the features (dissolve by code) or correct the codes")
            }
            seen[id] = feature.id
            guard let ogr = feature.geometry, !ogr.isEmpty, ogr.type.isPolygonal else {
                let found = feature.geometry.map { "\($0.type)" } ?? "no geometry"
                throw GeoPlanError.wrongGeometryType(location: feature.location, expected: "a polygon", found: found)
            }
            var geometry = try toWGS84.convert(ogr, context: context, location: feature.location)
            if try !geometry.isValid {
                geometry = try geometry.makeValid(method: .structure(keepCollapsed: false)).polygonalPart()
                repaired += 1
            }
            let names = try spec.nameFields.map { try feature.value($0) }
            areas.append(
                try Area(
                    index: areas.count, id: id, names: names, geometry: geometry,
                    featureID: feature.id))
        }
        guard !areas.isEmpty else {
            throw GeoPlanError.emptyLayer(path: path, layer: layer.name, filter: spec.whereClause)
        }
        let tree = try STRtree<Int>(context: context)
        for area in areas { try tree.insert(area.geometry, area.index) }
        try tree.build()
        var warnings = source.encoding.warnings
        if repaired > 0 {
            warnings.append("\(path): \(repaired) invalid boundary geometries were repaired with GEOS MakeValid")
        }
        if let shifted = toWGS84.shifts.warning(path: path) { warnings.append(shifted) }
        return BoundarySet(
            spec: spec, areas: areas, index: tree, sourceCRS: "\(crs.spatialReference)",
            operation: toWGS84.operation, encoding: source.encoding.report, repaired: repaired,
            warnings: warnings)
    }

    /// Some areas of a loaded set, copied into another GEOS context (a worker's, see `AreaShapes`); what
    /// `load` reports about the file stays with the original.
    static func part(of spec: BoundarySpec, areas: [Area], context: GEOSContext) throws -> BoundarySet {
        let tree = try STRtree<Int>(context: context)
        for area in areas { try tree.insert(area.geometry, area.index) }
        try tree.build()
        return BoundarySet(
            spec: spec, areas: areas, index: tree, sourceCRS: "", operation: nil,
            encoding: EncodingReport(name: "", source: "", summary: ""), repaired: 0, warnings: [])
    }

    /// A set of areas made during a run (the units of a governance partition, a level's groups), reporting what
    /// `original` reported about its file.
    static func derived(
        _ spec: BoundarySpec, areas: [Area], from original: BoundarySet, context: GEOSContext,
        warnings: [String] = [], memberships: [AreaMembership]? = nil
    ) throws -> BoundarySet {
        let tree = try STRtree<Int>(context: context)
        for area in areas { try tree.insert(area.geometry, area.index) }
        try tree.build()
        return BoundarySet(
            spec: spec, areas: areas, index: tree, sourceCRS: original.sourceCRS,
            operation: original.operation, encoding: original.encoding, repaired: original.repaired,
            warnings: original.warnings + warnings, memberships: memberships)
    }

    private init(
        spec: BoundarySpec, areas: [Area], index: STRtree<Int>, sourceCRS: String,
        operation: OperationReport?, encoding: EncodingReport, repaired: Int, warnings: [String],
        memberships: [AreaMembership]? = nil
    ) {
        self.spec = spec
        self.areas = areas
        self.index = index
        self.sourceCRS = sourceCRS
        self.operation = operation
        self.encoding = encoding
        self.repaired = repaired
        self.warnings = warnings
        self.memberships = memberships
    }

    /// A path from a spec, relative to the spec's folder.
    static func resolve(_ path: String, in folder: String?) -> String {
        guard let folder, !path.hasPrefix("/"), !path.hasPrefix("/vsi") else { return path }
        return URL(fileURLWithPath: folder).appendingPathComponent(path).standardizedFileURL.path
    }
}
