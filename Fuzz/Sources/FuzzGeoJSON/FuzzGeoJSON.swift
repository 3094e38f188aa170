import FuzzSupport
import GDAL
import GEOS
import GeoPlan

/// GeoJSON bytes read through GDAL's GeoJSON driver into the boundary loader (ids, names, CRS, conversion to
/// lon/lat, MakeValid), then measured. Promises: a boundary set or an error, never a trap; every area loaded is
/// a valid polygonal geometry, and its geodesic area is a finite number ≥ 0 with a rai-ngan-wa form or none.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzGeoJSON(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = FuzzInput(data, size)
    let file = MemoryFile(name: "boundaries.geojson", bytes: input.bytes)
    defer { file.remove() }
    guard let context = try? GEOSContext() else { return 0 }
    let spec = BoundarySpec(name: "fuzz", path: file.path, idField: "code", nameFields: ["name"])
    guard let boundaries = try? BoundarySet.load(spec, folder: nil, context: context) else { return 0 }
    guard let wgs84 = try? SpatialReference.wgs84(), let measurer = try? GeodesicMeasurer(crs: wgs84) else {
        return 0
    }
    for area in boundaries.areas {
        invariant((try? area.geometry.isValid) == true, "area \(area.id) loaded invalid")
        let location = FeatureLocation(path: file.path, layer: "boundaries", featureID: area.featureID)
        guard let squareMetres = (try? measurer.measure(area.geometry, location: location))?.areaSquareMetres
        else { continue }
        invariant(squareMetres.isFinite && squareMetres >= 0, "area \(area.id) measures \(squareMetres) m²")
        _ = RaiNganWa(squareMetres: squareMetres, decimals: 2)
    }
    return 0
}
