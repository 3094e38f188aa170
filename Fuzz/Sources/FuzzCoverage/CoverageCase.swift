import FuzzSupport
import GEOS

@testable import GeoPlan

/// A grid, polygons and a window read from the fuzzer's bytes. Vertices lie on a fine lattice of pixel
/// coordinates (so they often fall on pixel edges and corners, and repeat) up to a few pixels beyond the grid,
/// in a grid of any origin and pixel size; rings of any orientation, holes included, valid or not.
struct CoverageCase: CustomStringConvertible {
    let grid: PixelGrid
    let polygons: [[[XY]]]
    let bandHeight: Int
    let window: PixelWindow

    init?(_ input: inout FuzzInput) {
        let columns = input.int(in: 1...40)
        let rows = input.int(in: 1...40)
        // Pixel sizes from metres to a fraction of a degree, and a few awkward ones.
        let sizes = [1.0, 0.5, 30, 1e-4, 8.333333333333e-4, 1e3, 0.1, 3]
        let pixelWidth = sizes[Int(input.byte()) % sizes.count]
        let pixelHeight = input.byte() < 128 ? pixelWidth : sizes[Int(input.byte()) % sizes.count]
        // Origins up to 2e5 pixels from 0, as real grids have them (UTM metres over 30 m pixels, degrees over
        // 30 arc-second ones): further out, doubles cannot place a vertex within a pixel's 1e-11.
        let originX = pixelWidth * Double(input.int(in: -200_000...200_000))
        let originY = pixelHeight * Double(input.int(in: -200_000...200_000))
        guard
            let grid = PixelGrid(
                originX: originX, originY: originY, pixelWidth: pixelWidth,
                pixelHeight: pixelHeight, columns: columns, rows: rows)
        else { return nil }
        self.grid = grid
        let margin = 3.0
        func vertex(_ input: inout FuzzInput) -> XY {
            // A lattice of quarter pixels most of the time, any point of it otherwise.
            let fine = input.byte() < 200
            var u = input.double(in: -margin...(Double(columns) + margin))
            var v = input.double(in: -margin...(Double(rows) + margin))
            if fine { (u, v) = ((u * 4).rounded() / 4, (v * 4).rounded() / 4) }
            return grid.world(column: u, row: v)
        }
        var polygons: [[[XY]]] = []
        for _ in 0..<(1 + Int(input.byte()) % 3) {
            var rings: [[XY]] = []
            for _ in 0..<(1 + Int(input.byte()) % 3) {
                let count = 3 + Int(input.byte()) % 14
                rings.append((0..<count).map { _ in vertex(&input) })
            }
            polygons.append(rings)
        }
        self.polygons = polygons
        bandHeight = 1 + Int(input.byte()) % 40
        let column = input.int(in: -5...(columns + 5))
        let row = input.int(in: -5...(rows + 5))
        window = PixelWindow(
            column: column, row: row, width: input.int(in: 0...(columns + 10)),
            height: input.int(in: 0...(rows + 10)))
    }

    /// The polygons' area inside the grid, in pixels, by GEOS; nil unless they form a valid (multi-)polygon, the
    /// case where coverage promises to add up to it.
    func areaInsideGrid() -> Double? {
        guard let context = try? GEOSContext() else { return nil }
        do {
            let parts = try polygons.map { rings in
                try Geometry.polygon(exterior: closed(rings[0]), holes: rings.dropFirst().map(closed), context: context)
            }
            let shape = try Geometry.multiPolygon(parts, context: context)
            guard try shape.isValid else { return nil }
            let box = Envelope(
                minX: grid.originX, minY: grid.originY - Double(grid.rows) * grid.pixelHeight,
                maxX: grid.originX + Double(grid.columns) * grid.pixelWidth, maxY: grid.originY)
            let inside = try shape.intersection(try Geometry.rectangle(box, context: context))
            return try inside.area / (grid.pixelWidth * grid.pixelHeight)
        } catch {
            return nil
        }
    }

    private func closed(_ ring: [XY]) -> [XY] {
        ring.first == ring.last ? ring : ring + [ring[0]]
    }

    /// How many pixels the origin lies from 0: world coordinates carry ~1e-16 of it in rounding, in pixels.
    var originInPixels: Double {
        max(abs(grid.originX) / grid.pixelWidth, abs(grid.originY) / grid.pixelHeight)
    }

    var description: String {
        "grid \(grid), window \(window), band height \(bandHeight), polygons \(polygons)"
    }
}
