import Foundation
import GEOS

/// The map's projection: equirectangular with its standard parallel at the centre latitude of the features,
/// on the WGS 84 ellipsoid (x = N(φ₀)·cos φ₀·Δλ, y = M(φ₀)·Δφ), scaled and shifted to fit a frame in SVG units.
///
/// Why not Web Mercator: a choropleth is read by area, and Mercator inflates areas by 1/cos²φ, about 9 % more at
/// Chiang Rai (20.5° N) than at Narathiwat (5.6° N); this projection's area error is 1/cos φ relative to φ₀, half of
/// that across the whole country and under 0.3 % across any one province, with shapes true near φ₀. Meridians stay
/// vertical, so north is up everywhere, and the scale is exact in both directions along φ₀, which is what the scale
/// bar measures. It is also linear, so the HTML page's pan and zoom need no reprojection.
public struct MapProjection: Sendable {
    /// Longitude and latitude of the projection's origin (the centre of the features' extent).
    public let centre: XY
    /// Metres per degree of longitude and of latitude at the centre latitude.
    public let metresPerDegree: (lon: Double, lat: Double)
    /// SVG units per metre.
    public let unitsPerMetre: Double
    /// Where the centre lands, in SVG units.
    public let origin: XY

    /// Fits `extent` (lon/lat) into `frame` (SVG units), leaving `padding` (a share of the frame) on every side.
    public init(fitting extent: Envelope, into frame: MapRect, padding: Double = 0.04) {
        centre = XY((extent.minX + extent.maxX) / 2, (extent.minY + extent.maxY) / 2)
        metresPerDegree = Self.metresPerDegree(atLatitude: centre.y)
        let widthMetres = max((extent.maxX - extent.minX) * metresPerDegree.lon, 1)
        let heightMetres = max((extent.maxY - extent.minY) * metresPerDegree.lat, 1)
        let usable = (width: frame.width * (1 - 2 * padding), height: frame.height * (1 - 2 * padding))
        unitsPerMetre = min(usable.width / widthMetres, usable.height / heightMetres)
        origin = XY(frame.x + frame.width / 2, frame.y + frame.height / 2)
    }

    /// Metres per degree along a parallel and along a meridian at `latitude` (WGS 84: prime-vertical and meridional
    /// radii of curvature).
    public static func metresPerDegree(atLatitude latitude: Double) -> (lon: Double, lat: Double) {
        let a = 6_378_137.0
        let e2 = 0.006_694_379_990_14
        let phi = latitude * .pi / 180
        let w = 1 - e2 * sin(phi) * sin(phi)
        let primeVertical = a / w.squareRoot()
        let meridional = a * (1 - e2) / (w * w.squareRoot())
        return (primeVertical * cos(phi) * .pi / 180, meridional * .pi / 180)
    }

    /// A lon/lat point in SVG units (y down).
    public func project(_ point: XY) -> XY {
        XY(
            origin.x + (point.x - centre.x) * metresPerDegree.lon * unitsPerMetre,
            origin.y - (point.y - centre.y) * metresPerDegree.lat * unitsPerMetre)
    }

    /// An SVG point back to lon/lat.
    public func unproject(_ point: XY) -> XY {
        XY(
            centre.x + (point.x - origin.x) / (metresPerDegree.lon * unitsPerMetre),
            centre.y - (point.y - origin.y) / (metresPerDegree.lat * unitsPerMetre))
    }
}

/// A rectangle in SVG units.
public struct MapRect: Hashable, Sendable {
    public var x: Double
    public var y: Double
    public var width: Double
    public var height: Double

    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    public var maxX: Double { x + width }
    public var maxY: Double { y + height }

    func intersects(_ other: MapRect) -> Bool {
        x < other.maxX && other.x < maxX && y < other.maxY && other.y < maxY
    }

    func contains(_ other: MapRect) -> Bool {
        other.x >= x && other.maxX <= maxX && other.y >= y && other.maxY <= maxY
    }
}
