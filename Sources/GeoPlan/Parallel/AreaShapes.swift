import GEOS

/// A boundary set's areas as values any thread may read (code, shared geometry, box), so each worker of a
/// parallel run can copy the areas it needs into its own GEOS context. The geometries are the set's own, not a
/// copy: a whole serialised copy of the boundaries was the largest block of a run's memory.
struct AreaShapes: Sendable {
    let ids: [String]
    let featureIDs: [Int64?]
    let geometries: [SharedGeometry]
    let boxes: [Envelope]
    /// Per area, its vertex count: what a worker's memory grows with.
    let vertices: [Int]

    init(_ boundaries: BoundarySet) throws {
        ids = boundaries.areas.map(\.id)
        featureIDs = boundaries.areas.map(\.featureID)
        geometries = boundaries.areas.map { SharedGeometry($0.geometry) }
        vertices = boundaries.areas.map(\.geometry.numberOfCoordinates)
        boxes = try boundaries.areas.map { area in
            guard let box = area.geometry.bounds else {
                throw GeoPlanError.input(path: boundaries.spec.path, reason: "area \(area.id) has an empty geometry")
            }
            return box
        }
    }

    var count: Int { ids.count }

    /// Areas `indices` (positions in the whole set, ascending) copied into `context`, numbered from 0 in that order.
    func areas(_ indices: [Int], context: GEOSContext) throws -> [Area] {
        try indices.enumerated().map { local, global in
            try Area(
                index: local, id: ids[global], names: [], geometry: geometries[global].copy(in: context),
                featureID: featureIDs[global])
        }
    }
}
