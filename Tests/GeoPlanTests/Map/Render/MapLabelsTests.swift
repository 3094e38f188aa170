import GEOS
import Testing

@testable import GeoPlan

extension MapRenderTests {
    @Suite struct MapLabelsTests {
        /// A U-shaped area's centroid falls in its notch; the label point moves into the widest arm of the line
        /// through it.
        @Test func labelPointIsInsideAConcaveArea() {
            let u = [XY(0, 0), XY(100, 0), XY(100, 100), XY(70, 100), XY(70, 20), XY(30, 20), XY(30, 100), XY(0, 100)]
            #expect(!MapLabels.contains(u, MapLabels.centroid(u)))
            let point = MapLabels.pointInside(u)
            #expect(MapLabels.contains(u, point))
        }

        /// Of two areas whose labels would overlap, the larger is named; Thai marks above and below take no width.
        @Test func largerAreaWinsAndMarksTakeNoWidth() {
            let big = [[[XY(0, 0), XY(300, 0), XY(300, 200), XY(0, 200)]]]
            let small = [[[XY(100, 90), XY(200, 90), XY(200, 110), XY(100, 110)]]]
            let placed = MapLabels(fontSize: 11).place(
                [(small, XY(150, 100), ["เล็ก"]), (big, nil, ["ใหญ่", "Big"])],
                frame: MapRect(x: 0, y: 0, width: 400, height: 400), limit: 10)
            #expect(placed.map(\.feature) == [1])
            #expect(MapLabels.textWidth("ที่", fontSize: 10) == MapLabels.textWidth("ท", fontSize: 10))
        }
    }
}
