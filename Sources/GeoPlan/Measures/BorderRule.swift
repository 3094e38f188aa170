import GEOS

/// Which zone a point belongs to: the one whose interior holds it, else, on a border, the first of those
/// whose closure holds it (the smaller id for areas). Counts, placements and interpolation weights share it.
enum BorderRule {
    /// The rule for any zones: among `candidates` (those whose box holds the point), the one whose interior holds
    /// it, else the first by `before` of those whose closure holds it; with whether the point is on its border.
    /// `eligible` leaves zones out of the border step (interpolation's weights: only targets sharing ground with
    /// the point's source).
    static func zone(
        of point: Geometry, among candidates: [Int], shape: (Int) throws -> PreparedGeometry,
        before: (Int, Int) -> Bool, eligible: (Int) throws -> Bool = { _ in true }
    ) throws
        -> (Int, Bool)?
    {
        for index in candidates where try shape(index).contains(point) {
            return (index, false)
        }
        let covering = try candidates.filter { try shape($0).covers(point) && (try eligible($0)) }
        return covering.min(by: before).map { ($0, true) }
    }
}
