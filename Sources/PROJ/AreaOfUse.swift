import CPROJ

/// Where a CRS or a coordinate operation applies, as PROJ's database describes it: a lon/lat box in degrees and
/// a name ("Thailand - onshore").
public struct AreaOfUse: Hashable, Sendable {
    public var west: Double
    public var south: Double
    public var east: Double
    public var north: Double
    public var name: String?

    public init(west: Double, south: Double, east: Double, north: Double, name: String? = nil) {
        self.west = west
        self.south = south
        self.east = east
        self.north = north
        self.name = name
    }

    /// The box alone.
    public var box: LonLatBox { LonLatBox(west: west, south: south, east: east, north: north) }

    /// The area of use of a CRS or operation, nil when PROJ has none. See `proj_get_area_of_use`.
    init?(_ pj: OpaquePointer, context: ProjContext) {
        var west = 0.0
        var south = 0.0
        var east = 0.0
        var north = 0.0
        var name: UnsafePointer<CChar>?
        context.beginCall()
        // returns 1 when the object has an area of use (bounds of -1000 when unknown), 0 otherwise
        guard proj_get_area_of_use(context.handle, pj, &west, &south, &east, &north, &name) != 0,
            west > -1000, south > -1000, east > -1000, north > -1000
        else {
            context.beginCall()  // a missing area is an answer, not an error to keep
            return nil
        }
        self.init(west: west, south: south, east: east, north: north, name: name.map { String(cString: $0) })
    }
}
