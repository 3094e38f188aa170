import Foundation
import GEOS

/// What one area's zonal statistics may cost, whatever the raster or the area: beyond these an area is refused
/// with an error naming the indicator, the area, the raster and the limit, never a crash or a wait without end.
/// Memory does not depend on them: tiles are swept and read one at a time (see `TiledCoverage`).
enum ZonalLimits {
    /// Cell steps one area may take (`TiledCoverage.workEstimate`): about 100 billion, on the order of half an
    /// hour for one area here. A whole country over a 10 m grid is within it (Thailand: ~2e10); a large part of
    /// a 2e9 × 2e9 grid is not.
    static let maximumCellSteps = 100_000_000_000.0

    /// Distinct values one area may hold for the statistics that need them (quantiles keep a (value, weight)
    /// pair per distinct value, majority, minority, variety, fraction and area a histogram entry): 4,194,304,
    /// about 130 MB for an area. Rasters of classes or integers rarely come near it; a float raster reaches it
    /// under 2,048 × 2,048 pixels.
    static let maximumDistinctValues = 4_194_304
}

extension ZonalExtractor {
    /// Throws when summarising `polygons` on `grid` (the area's window) would take more than
    /// `ZonalLimits.maximumCellSteps`.
    func checkWork(of polygons: [[[XY]]], on grid: PixelGrid, area: String?) throws {
        let outline = polygons.flatMap { $0 }.map { $0.map { grid.pixelCoordinates(of: $0) } }
        var inside = 0.0
        for rings in polygons {
            for (position, ring) in rings.enumerated() {
                let cells = abs(PixelEdges.shoelace(ring.map { grid.pixelCoordinates(of: $0) })) / 2
                inside += position == 0 ? cells : -cells
            }
        }
        let steps = TiledCoverage.workEstimate(
            outline: outline, insideCells: inside, columns: grid.columns,
            rows: grid.rows, tileRows: stripRows, tileColumns: tileColumns)
        guard !(steps <= ZonalLimits.maximumCellSteps) else { return }
        throw limitError(
            area: area,
            "it spans about \(Self.rounded(steps)) pixel steps of this raster "
                + "(\(values.grid.columns) × \(values.grid.rows) pixels of \(values.grid.pixelWidth) × "
                + "\(values.grid.pixelHeight)), more than the limit of "
                + "\(Self.rounded(ZonalLimits.maximumCellSteps)) an area may take")
    }

    /// The error for an area over `ZonalLimits.maximumDistinctValues`.
    func distinctValuesError(area: String?) -> GeoPlanError {
        let needing = request.statistics.filter { $0.needsValues || $0.needsHistogram }.map(\.description)
        return GeoPlanError.input(
            path: values.path,
            reason: "\(subject(area)): \(needing.joined(separator: ", ")) "
                + "need every distinct pixel value under the area, and it has more than "
                + "\(ZonalLimits.maximumDistinctValues.formatted()) (the limit); ask for statistics "
                + "kept as running sums (sum, mean, min, max, stdev), or round or classify the "
                + "raster's values (gdal_calc.py), or resample it coarser (gdalwarp -tr)")
    }

    /// An error naming the indicator, the area and the raster, saying why the area cannot be summarised.
    func limitError(area: String?, _ why: String) -> GeoPlanError {
        GeoPlanError.input(
            path: values.path,
            reason: "\(subject(area)) cannot be summarised: \(why); resample "
                + "the raster to coarser pixels (gdalwarp -tr) or split the area")
    }

    /// `zonal indicator "pop", area "A01"` (each part when known).
    private func subject(_ area: String?) -> String {
        let indicator = indicator.map { "zonal indicator \"\($0)\"" } ?? "zonal statistics of \"\(request.input)\""
        return area.map { "\(indicator), area \"\($0)\"" } ?? indicator
    }

    /// `120 billion`, `3.4e+18` for a planner: no trap on huge or non-finite values (no conversion to `Int`).
    private static func rounded(_ value: Double) -> String {
        guard value.isFinite else { return "unboundedly many" }
        if value >= 1e12 { return String(format: "%.1e", value) }
        if value >= 1e9 { return String(format: "%.0f billion", value / 1e9) }
        return String(format: "%.0f", value)
    }
}
