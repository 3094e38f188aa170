import Foundation

/// Small synthetic inputs written by code (never by hand), each named after what is wrong with it.
public enum SyntheticData {
    /// A GeoJSON FeatureCollection of the given features (each a `"geometry": …, "properties": …` body).
    public static func featureCollection(_ features: [(geometry: String, properties: String)]) -> String {
        let body = features.map {
            #"{"type": "Feature", "properties": \#($0.properties), "geometry": \#($0.geometry)}"#
        }
        return #"{"type": "FeatureCollection", "features": [\#n"# + body.joined(separator: ",\n") + "\n]}\n"
    }

    /// Polygons with the classic defects, near Bangkok, in WGS 84 lon/lat.
    public static var invalidPolygons: String {
        featureCollection([
            // A valid square, 0.01° a side.
            (
                #"{"type": "Polygon", "coordinates": [[[100.50, 13.70], [100.51, 13.70], [100.51, 13.71], [100.50, 13.71], [100.50, 13.70]]]}"#,
                #"{"code": "OK1"}"#
            ),
            // A bow-tie: the ring crosses itself at (100.505, 13.705).
            (
                #"{"type": "Polygon", "coordinates": [[[100.50, 13.70], [100.51, 13.71], [100.51, 13.70], [100.50, 13.71], [100.50, 13.70]]]}"#,
                #"{"code": "BOWTIE"}"#
            ),
            // A ring touching itself at (100.51, 13.70): valid only as an inverted hole, which OGC forbids.
            (
                #"{"type": "Polygon", "coordinates": [[[100.50, 13.70], [100.51, 13.70], [100.52, 13.70], [100.52, 13.72], [100.51, 13.70], [100.50, 13.72], [100.50, 13.70]]]}"#,
                #"{"code": "TOUCH"}"#
            ),
            // An empty multi-polygon (GDAL reads `"Polygon", "coordinates": []` as no geometry at all).
            (#"{"type": "MultiPolygon", "coordinates": []}"#, #"{"code": "EMPTY"}"#),
            // No geometry at all.
            ("null", #"{"code": "NULL"}"#),
        ])
    }

    /// Points and a polygon in one layer.
    public static var mixedTypes: String {
        featureCollection([
            (#"{"type": "Point", "coordinates": [100.5, 13.7]}"#, #"{"code": "P"}"#),
            (
                #"{"type": "Polygon", "coordinates": [[[100.50, 13.70], [100.51, 13.70], [100.51, 13.71], [100.50, 13.70]]]}"#,
                #"{"code": "A"}"#
            ),
        ])
    }

    /// Two points: a layer that has no area.
    public static var points: String {
        featureCollection([
            (#"{"type": "Point", "coordinates": [100.5, 13.7]}"#, #"{"code": "P1"}"#),
            (#"{"type": "Point", "coordinates": [100.6, 13.8]}"#, #"{"code": "P2"}"#),
        ])
    }

    /// A CSV with a WKT polygon and no CRS.
    public static var csvWithoutCRS: String {
        "WKT,code\n\"POLYGON ((100.5 13.7,100.51 13.7,100.51 13.71,100.5 13.7))\",A\n"
    }

    /// A polygon with Z and M values (GeoJSON cannot hold M, so this is WKT for a CSV).
    public static var csvWithZM: String {
        "WKT,code\n\"POLYGON ZM ((100.5 13.7 5 1,100.51 13.7 6 2,100.51 13.71 7 3,100.5 13.7 5 1))\",ZM\n"
    }
}
