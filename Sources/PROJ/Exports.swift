// `Envelope` and `XY` have one definition for the whole package (GeoCoordinates), shared with GDAL, GEOS and
// the engine. Transforms take and give `XY`s: callers get the type with this module.
@_exported import GeoCoordinates
