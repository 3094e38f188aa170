import GDAL
import GEOS

/// Repairs invalid geometries with GEOS MakeValid, keeping a polygon layer's features polygons.
///
/// Not `Sendable`: it holds a GEOS context for the calling thread.
final class GeometryRepairer {
    let context: GEOSContext
    /// Whether the layer holds areas: then a repair keeps only the polygonal part (MakeValid of a bow-tie may
    /// add a line where the two triangles touch; an area layer has no use for it).
    let polygonal: Bool

    init(polygonal: Bool) throws {
        context = try GEOSContext()
        self.polygonal = polygonal
    }

    struct Outcome {
        /// The repaired geometry, or nil when nothing polygonal was left of it.
        var geometry: OGRGeometry?
        var droppedParts: Bool
    }

    func repair(_ geometry: Geometry?, location: FeatureLocation) throws -> Outcome {
        guard let geometry else { return Outcome(geometry: nil, droppedParts: false) }
        do {
            return try repairing(geometry)
        } catch {
            throw GeoPlanError.input(path: location.path, reason: "\(location): cannot repair the geometry: \(error)")
        }
    }

    private func repairing(_ geometry: Geometry) throws -> Outcome {
        // "structure" rebuilds areas from the rings (what users mean by fixing a boundary); collapsed parts go.
        let valid = try geometry.makeValid(method: .structure(keepCollapsed: false))
        var kept = valid
        var dropped = false
        if polygonal {
            kept = try valid.polygonalPart()
            dropped = kept.numberOfGeometries < valid.numberOfGeometries && valid.type == .geometryCollection
        }
        guard !kept.isEmpty else { return Outcome(geometry: nil, droppedParts: dropped) }
        return Outcome(geometry: try kept.ogrGeometry(), droppedParts: dropped)
    }
}
