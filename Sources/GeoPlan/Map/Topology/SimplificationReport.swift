/// What a simplification did: vertices before and after, what was put back to keep rings and borders sound, and the
/// largest change of any feature's geodesic area.
public struct SimplificationReport: Codable, Hashable, Sendable {
    public var method: SimplificationMethod
    /// The tolerance asked for (metres), or nil when a share of vertices was asked for.
    public var toleranceMetres: Double?
    /// The share of removable vertices asked to be kept (0…1), or nil when a tolerance was asked for.
    public var keepShare: Double?
    /// The tolerance applied (metres): the one asked for, or the one the share amounted to.
    public var thresholdMetres: Double
    public var features: Int
    public var arcs: Int
    /// Arcs used by two rings: borders stored once for both neighbours.
    public var sharedArcs: Int
    /// Points in the arcs, each shared border counted once.
    public var arcVerticesBefore: Int
    public var arcVerticesAfter: Int
    /// Coordinates of the features written one by one (as in GeoJSON), closing points included.
    public var featureVerticesBefore: Int
    public var featureVerticesAfter: Int
    /// Rings that would have fallen below a triangle and kept extra vertices.
    public var ringsHeldAtMinimum: Int
    /// Vertices put back where a simplified segment crossed or touched another (a ring or a neighbour).
    public var verticesRestoredAtCrossings: Int
    /// Vertices put back in features GEOS still found invalid.
    public var verticesRestoredForValidity: Int
    /// Features still invalid with every vertex back (their input was), repaired with GEOS MakeValid.
    public var madeValid: Int
    /// The feature whose shape changed its area the most (found by local planar areas), with its geodesic areas:
    /// the geodesic areas of every feature before and after took a third of a national map's time. A feature can
    /// change its geodesic area a little more with its lon/lat polygon unchanged (collinear points dropped along a
    /// parallel, which a geodesic does not follow); that is not what this reports.
    public var largestAreaChange: AreaChange?

    /// One feature's geodesic area (WGS 84) before and after.
    public struct AreaChange: Codable, Hashable, Sendable {
        public var id: String
        public var beforeSquareMetres: Double
        public var afterSquareMetres: Double
        /// |after − before| / before.
        public var relative: Double
    }
}
