/// The `partition` member of a partition run's provenance sidecar: which share of the boundary set its outputs
/// hold, and where each of their rows sits in the full layer. `geoplan merge` needs nothing else to put the
/// parts back together.
public struct PartitionRecord: Codable, Hashable, Sendable {
    /// K of K/N, from 1.
    public var index: Int
    /// N of K/N.
    public var count: Int
    /// The number of areas in the full boundary set.
    public var areas: Int
    /// How areas were kept together ("province: first 2 digits after TH", "field ADM1_PCODE", …).
    public var groupedBy: String
    /// The 0-based position in the full boundary layer of each output row, in output order.
    public var positions: [Int]

    public init(index: Int, count: Int, areas: Int, groupedBy: String, positions: [Int]) {
        self.index = index
        self.count = count
        self.areas = areas
        self.groupedBy = groupedBy
        self.positions = positions
    }
}
