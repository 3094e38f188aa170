import GEOS

/// A boundary set's areas as plain values (code, WKB, box) that any thread may read, so each worker of a
/// parallel run can rebuild the areas it needs in its own GEOS context.
struct AreaShapes: Sendable {
    let ids: [String]
    let featureIDs: [Int64?]
    let wkb: [[UInt8]]
    let boxes: [Envelope]

    init(_ boundaries: BoundarySet) throws {
        ids = boundaries.areas.map(\.id)
        featureIDs = boundaries.areas.map(\.featureID)
        wkb = try boundaries.areas.map { try $0.geometry.wkb(includeZ: false) }
        boxes = try boundaries.areas.map { area in
            guard let box = area.geometry.bounds else {
                throw GeoPlanError.input(path: boundaries.spec.path, reason: "area \(area.id) has an empty geometry")
            }
            return box
        }
    }

    var count: Int { ids.count }

    /// Areas `indices` (positions in the whole set, ascending) rebuilt in `context`, numbered from 0 in that order.
    func areas(_ indices: [Int], context: GEOSContext) throws -> [Area] {
        try indices.enumerated().map { local, global in
            try Area(
                index: local, id: ids[global], names: [], geometry: Geometry(wkb: wkb[global], context: context),
                featureID: featureIDs[global])
        }
    }
}
