// `Envelope` and `XY` have one definition for the whole package (GeoCoordinates), shared with GDAL, PROJ and
// the engine. Vertices are `XY`s, bounds and index queries `Envelope`s: callers get the types with this module.
@_exported import GeoCoordinates
