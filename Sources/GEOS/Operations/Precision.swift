import CGEOS

// Precision reduction: moving every coordinate onto a grid without breaking the geometry, for outputs that
// write a fixed number of decimals.
extension Geometry {
    /// What to do with parts that shrink below the grid when their coordinates are rounded.
    public enum CollapsedParts: Hashable, Sendable {
        /// Dropped: a polygon narrower than a grid step disappears (the result may be empty).
        case drop
        /// Kept in a lower dimension: a collapsed polygon becomes a line or a point.
        case keep
    }

    /// This geometry with every coordinate on a grid of `gridSize` (e.g. 1e-7 for 7 decimals), and still valid:
    /// GEOS snap-rounds the linework, so rings that rounding alone would make cross or touch are noded instead.
    /// See `GEOSGeom_setPrecision_r` (`GEOS_PREC_VALID_OUTPUT`, optionally `GEOS_PREC_KEEP_COLLAPSED`).
    ///
    /// The input should be valid: GEOS may throw on an invalid one unless its defects are below the grid.
    /// A grid size of 0 keeps full (floating) precision.
    public func withPrecision(gridSize: Double, collapsed: CollapsedParts = .drop) throws -> Geometry {
        guard gridSize.isFinite, gridSize >= 0 else {
            throw GEOSError.library(
                function: "GEOSGeom_setPrecision_r",
                message: "grid size \(gridSize) is not a finite, non-negative number")
        }
        let rule = collapsed == .keep ? GEOS_PREC_KEEP_COLLAPSED : GEOS_PREC_VALID_OUTPUT
        let flags = Int32(rule.rawValue)
        return try context.makeGeometry("GEOSGeom_setPrecision_r") {
            // returns a new geometry, NULL on exception
            GEOSGeom_setPrecision_r($0, handle, gridSize, flags)
        }
    }
}
