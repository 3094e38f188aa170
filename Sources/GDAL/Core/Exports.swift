// `Envelope` and `XY` have one definition for the whole package (GeoCoordinates), shared with GEOS, PROJ and
// the engine. Layer extents and transformed bounds are `Envelope`s: callers get the type with this module.
@_exported import GeoCoordinates
// `Remedy`, the settings GDAL's messages name, is shared with the encoding detector and the engine.
@_exported import Remedies
