import GEOS
import Testing

@testable import GeoPlan

/// The grid finds exactly the features whose boxes meet a window (the same as testing every box), each once and
/// in ascending order, whatever their sizes: points, boxes over several cells, boxes over most of the extent.
@Suite struct FeatureGridTests {
    /// A seeded mix: 3,000 points, 500 small boxes that straddle cells, 20 boxes spanning most of the extent,
    /// and features on the extent's edges.
    static func boxes() -> [Envelope] {
        var random = SeededGenerator(seed: 42)
        var boxes: [Envelope] = []
        for _ in 0..<3_000 {
            let (x, y) = (Double.random(in: 98...106, using: &random), Double.random(in: 6...20, using: &random))
            boxes.append(Envelope(minX: x, minY: y, maxX: x, maxY: y))
        }
        for _ in 0..<500 {
            let (x, y) = (Double.random(in: 98...105, using: &random), Double.random(in: 6...19, using: &random))
            boxes.append(Envelope(minX: x, minY: y, maxX: x + 0.4, maxY: y + 0.7))
        }
        for _ in 0..<20 {
            let x = Double.random(in: 98...99, using: &random)
            boxes.append(Envelope(minX: x, minY: 6, maxX: x + 6, maxY: 19))
        }
        boxes += [Envelope(minX: 98, minY: 6, maxX: 98, maxY: 6), Envelope(minX: 106, minY: 20, maxX: 106, maxY: 20)]
        return boxes
    }

    @Test func aWindowFindsWhatTestingEveryBoxFinds() {
        let boxes = Self.boxes()
        let grid = FeatureGrid(count: boxes.count) { boxes[$0] }
        var random = SeededGenerator(seed: 7)
        var windows = [
            Envelope(minX: 98, minY: 6, maxX: 106, maxY: 20),  // the whole extent
            Envelope(minX: 90, minY: 0, maxX: 97, maxY: 5),  // outside it
            Envelope(minX: 106, minY: 20, maxX: 110, maxY: 25),  // its corner only
            Envelope(minX: 101.5, minY: 12, maxX: 101.5, maxY: 12),  // a point
        ]
        for _ in 0..<200 {
            let (x, y) = (Double.random(in: 97...106, using: &random), Double.random(in: 5...20, using: &random))
            let (width, height) = (Double.random(in: 0...3, using: &random), Double.random(in: 0...4, using: &random))
            windows.append(Envelope(minX: x, minY: y, maxX: x + width, maxY: y + height))
        }
        for window in windows {
            let expected = boxes.indices.filter { boxes[$0].intersects(window) }
            #expect(grid.features(meeting: window) { boxes[$0] } == expected, "\(window)")
        }
        #expect(grid.features(meeting: nil) { boxes[$0] } == Array(boxes.indices))
    }

    @Test func degenerateSetsAreFoundToo() {
        let empty = FeatureGrid(count: 0) { _ in Envelope(minX: 0, minY: 0, maxX: 0, maxY: 0) }
        #expect(
            empty.features(meeting: Envelope(minX: 0, minY: 0, maxX: 1, maxY: 1)) { _ in
                Envelope(minX: 0, minY: 0, maxX: 0, maxY: 0)
            }.isEmpty)
        // Every feature at one point: an extent of no size.
        let same = Array(repeating: Envelope(minX: 100, minY: 13, maxX: 100, maxY: 13), count: 1_000)
        let grid = FeatureGrid(count: same.count) { same[$0] }
        #expect(grid.features(meeting: Envelope(minX: 99, minY: 12, maxX: 100, maxY: 13)) { same[$0] }.count == 1_000)
        #expect(grid.features(meeting: Envelope(minX: 101, minY: 12, maxX: 102, maxY: 13)) { same[$0] }.isEmpty)
    }
}
