/// A rectangle of pixels: the first column and row (0-based, from the raster's top-left corner) and a size.
///
/// Windows are plain values and may lie anywhere, partly or wholly outside a raster; `RasterBand.read` accepts
/// only windows inside its raster, so cut one to the raster first with `clamped(to:)` or `intersection(with:)`
/// (rasterio's `Window` works the same way).
public struct RasterWindow: Hashable, Sendable, CustomStringConvertible {
    /// The first column (x offset, in pixels).
    public var column: Int
    /// The first row (y offset, in pixels).
    public var row: Int
    /// Number of columns.
    public var width: Int
    /// Number of rows.
    public var height: Int

    public init(column: Int, row: Int, width: Int, height: Int) {
        self.column = column
        self.row = row
        self.width = width
        self.height = height
    }

    /// The whole of a raster of that size.
    public init(width: Int, height: Int) {
        self.init(column: 0, row: 0, width: width, height: height)
    }

    /// True when the window holds no pixel.
    public var isEmpty: Bool { width <= 0 || height <= 0 }

    /// The column just after the last one (exclusive end), saturating instead of overflowing.
    public var endColumn: Int { saturatingSum(column, width) }
    /// The row just after the last one (exclusive end), saturating instead of overflowing.
    public var endRow: Int { saturatingSum(row, height) }

    /// The pixels both windows cover, or nil when they share none (touching edges share none).
    public func intersection(with other: RasterWindow) -> RasterWindow? {
        guard !isEmpty, !other.isEmpty else { return nil }
        let column = Swift.max(self.column, other.column)
        let row = Swift.max(self.row, other.row)
        let endColumn = Swift.min(self.endColumn, other.endColumn)
        let endRow = Swift.min(self.endRow, other.endRow)
        guard column < endColumn, row < endRow else { return nil }
        return RasterWindow(column: column, row: row, width: endColumn - column, height: endRow - row)
    }

    /// The part of the window inside a raster of `width` × `height` pixels, or nil when none of it is.
    public func clamped(width: Int, height: Int) -> RasterWindow? {
        intersection(with: RasterWindow(width: width, height: height))
    }

    /// The part of the window inside the dataset's raster, or nil when none of it is.
    public func clamped(to dataset: RasterDataset) -> RasterWindow? {
        clamped(width: dataset.width, height: dataset.height)
    }

    /// Whether the window lies wholly inside a raster of `width` × `height` pixels (an empty window at or
    /// within the raster's edge counts as inside).
    public func isInside(width: Int, height: Int) -> Bool {
        // Written so that no sum can overflow, whatever the window holds.
        column >= 0 && row >= 0 && self.width >= 0 && self.height >= 0
            && self.width <= width - column && self.height <= height - row
    }

    /// `rows 512–767, columns 0–99` (inclusive ranges, as a planner counts them).
    public var description: String {
        if isEmpty { return "empty window at row \(row), column \(column)" }
        return "rows \(row)–\(endRow - 1), columns \(column)–\(endColumn - 1)"
    }
}

private func saturatingSum(_ a: Int, _ b: Int) -> Int {
    let (sum, overflow) = a.addingReportingOverflow(b)
    guard overflow else { return sum }
    return b > 0 ? Int.max : Int.min
}
