import GEOS

/// An input's features bucketed by the cells of a regular lon/lat grid their boxes meet, so that a worker finds
/// the features near its chunk of areas without testing every feature of the input: without it, a run of
/// n features in c chunks tested n × c boxes (a million points in 60 chunks, 60 million).
///
/// A feature whose box spans many cells (a long road, a province-wide polygon) is kept in a short list every
/// query tests instead, so the grid never holds more than a few entries per feature.
struct FeatureGrid: Sendable {
    private let extent: Envelope?
    private let columns: Int
    private let rows: Int
    /// Cell `c`'s features are `members[starts[c]..<starts[c + 1]]`, ascending; cells row by row.
    private let starts: [Int]
    private let members: [Int32]
    /// Features spanning more than `maximumCellsPerFeature` cells, ascending.
    private let spanning: [Int]
    private let count: Int

    static let maximumCellsPerFeature = 16

    /// - Parameter box: feature `i`'s box, for `i` in `0..<count` (the store keeps the boxes, or makes them).
    init(count: Int, box: (Int) -> Envelope) {
        self.count = count
        var extent: Envelope?
        for feature in 0..<count { extent = extent?.union(box(feature)) ?? box(feature) }
        self.extent = extent
        // About 16 features per cell, at most 512 × 512 cells.
        let side = count > Int(Int32.max) ? 1 : max(1, min(512, Int((Double(count) / 16).squareRoot())))
        columns = side
        rows = side
        var counts = [Int](repeating: 0, count: side * side + 1)
        var spanning: [Int] = []
        var cellRanges: [(ClosedRange<Int>, ClosedRange<Int>)?] = []
        cellRanges.reserveCapacity(count)
        for feature in 0..<count {
            guard side > 1, let extent else {
                cellRanges.append(nil)
                spanning.append(feature)
                continue
            }
            let range = Self.cells(of: box(feature), in: extent, columns: side, rows: side)
            if range.0.count * range.1.count > Self.maximumCellsPerFeature {
                cellRanges.append(nil)
                spanning.append(feature)
                continue
            }
            cellRanges.append(range)
            for row in range.1 { for column in range.0 { counts[row * side + column + 1] += 1 } }
        }
        for cell in 1..<counts.count { counts[cell] += counts[cell - 1] }
        var next = counts
        var members = [Int32](repeating: 0, count: counts[counts.count - 1])
        for (feature, range) in cellRanges.enumerated() {
            guard let range else { continue }
            for row in range.1 {
                for column in range.0 {
                    members[next[row * side + column]] = Int32(truncatingIfNeeded: feature)
                    next[row * side + column] += 1
                }
            }
        }
        starts = counts
        self.members = members
        self.spanning = spanning
    }

    /// The features whose boxes meet `window` (every feature when nil), ascending, each once; `box` as given to
    /// `init`.
    func features(meeting window: Envelope?, box: (Int) -> Envelope) -> [Int] {
        guard let window else { return Array(0..<count) }
        var found = spanning.filter { box($0).intersects(window) }
        if let extent, columns > 1, window.intersects(extent) {
            let (columnRange, rowRange) = Self.cells(of: window, in: extent, columns: columns, rows: rows)
            for row in rowRange {
                for column in columnRange {
                    let cell = row * columns + column
                    for member in members[starts[cell]..<starts[cell + 1]] {
                        let feature = Int(member)
                        let featureBox = box(feature)
                        guard featureBox.intersects(window) else { continue }
                        // A feature in several cells is reported from the first of them inside the window only.
                        let own = Self.cells(of: featureBox, in: extent, columns: columns, rows: rows)
                        if max(own.0.lowerBound, columnRange.lowerBound) == column
                            && max(own.1.lowerBound, rowRange.lowerBound) == row
                        {
                            found.append(feature)
                        }
                    }
                }
            }
        }
        found.sort()
        return found
    }

    /// The columns and rows of the cells `box` meets, clamped to the grid.
    private static func cells(of box: Envelope, in extent: Envelope, columns: Int, rows: Int)
        -> (ClosedRange<Int>, ClosedRange<Int>)
    {
        func cell(_ value: Double, _ low: Double, _ high: Double, _ count: Int) -> Int {
            guard high > low, value.isFinite else { return 0 }
            let position = (value - low) / (high - low) * Double(count)
            return position <= 0 ? 0 : position >= Double(count - 1) ? count - 1 : Int(position)
        }
        let column0 = cell(box.minX, extent.minX, extent.maxX, columns)
        let column1 = cell(box.maxX, extent.minX, extent.maxX, columns)
        let row0 = cell(box.minY, extent.minY, extent.maxY, rows)
        let row1 = cell(box.maxY, extent.minY, extent.maxY, rows)
        return (column0...max(column0, column1), row0...max(row0, row1))
    }
}
