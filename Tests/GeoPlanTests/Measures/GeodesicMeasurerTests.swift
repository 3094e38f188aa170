import GDAL
import GEOS
import GeoplanTestSupport
import Testing

@testable import GeoPlan

@Suite struct GeodesicMeasurerTests {
    /// The 1° cell at 20° N with a 0.5° hole: GeographicLib Planimeter gives 11,548,563,398.9 m² for the cell;
    /// `printf "20.25 100.25\n20.25 100.75\n20.75 100.75\n20.75 100.25\n" | Planimeter` gives the hole.
    @Test func polygonWithAHoleInWGS84() throws {
        let context = try GEOSContext()
        let polygon = try Geometry(
            wkt: "POLYGON ((100 20, 101 20, 101 21, 100 21, 100 20), "
                + "(100.25 20.25, 100.25 20.75, 100.75 20.75, 100.75 20.25, 100.25 20.25))",
            context: context)
        let measurer = try GeodesicMeasurer(crs: SpatialReference.wgs84())
        let measures = try measurer.measure(polygon, location: FeatureLocation(path: "test"))
        // → 4 215022.270751 2887132929.7; perimeter 430038.392532 + 215022.270751.
        #expect(abs((measures.areaSquareMetres ?? 0) - (11_548_563_398.9 - 2_887_132_929.7)) < 0.5)
        #expect(abs((measures.perimeterMetres ?? 0) - (430_038.392532 + 215_022.270751)) < 1e-5)
        #expect(measurer.operation == nil)
    }

    @Test func projectedCoordinatesAreMeasuredOnTheEllipsoidNotThePlane() throws {
        // A 10 km square in UTM 47N near Bangkok: its planar area is exactly 100 km²; on the ellipsoid it is
        // larger, as UTM shrinks this zone's interior. Reference: the corners converted by GeographicLib and
        // measured by Planimeter, independent of PROJ:
        //   for p in "660000 1520000" "670000 1520000" "670000 1530000" "660000 1530000"; do
        //     echo "47n $p" | GeoConvert -p 12; done | Planimeter -p 6   → 4 40002.521057 100012646.9
        let context = try GEOSContext()
        let square = try Geometry(
            wkt: "POLYGON ((660000 1520000, 670000 1520000, 670000 1530000, 660000 1530000, "
                + "660000 1520000))", context: context)
        let measurer = try GeodesicMeasurer(crs: SpatialReference(definition: "EPSG:32647"))
        let area = try #require(try measurer.measure(square, location: FeatureLocation(path: "test")).areaSquareMetres)
        #expect(abs(area - 100_012_646.9) < 0.5)
        #expect(measurer.method.contains("UTM zone 47N"))
    }
}
