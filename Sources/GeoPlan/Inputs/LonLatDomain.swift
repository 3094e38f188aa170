import GDAL

/// The rule every coordinate geoplan reads meets once in WGS 84 lon/lat: finite, |latitude| ≤ 90 and
/// |longitude| ≤ 180 — or, when the user asks (`--wrap-longitudes`, `wrap_longitudes: true`), a feature lying
/// wholly beyond ±180° shifted by whole turns into range.
///
/// Values past a limit by no more than `tolerance` are rounding (a reprojected pole, 180.0000000001) and are
/// clamped to the limit: GeographicLib gives NaN for a latitude even 1e-12° beyond 90.
public struct LonLatDomain: Hashable, Sendable {
    /// Whether a feature whose longitudes all lie beyond ±180° on one side is shifted by a multiple of 360°.
    public var wrapsLongitudes: Bool

    /// 1e-9° is about 0.1 mm on the ground: far below any survey, far above double rounding near 180.
    public static let tolerance = 1e-9
    /// Longitudes beyond this are not wrapped: no data set runs more than a turn and a half from Greenwich, so such
    /// numbers are another CRS's (metres declared as degrees), and wrapping them would invent a place.
    public static let wrapLimit = 540.0

    public init(wrapsLongitudes: Bool = false) {
        self.wrapsLongitudes = wrapsLongitudes
    }
}

/// One feature's lon/lat coordinates looked at together, since a shift applies to the whole feature or not at all.
struct LonLatSurvey {
    let domain: LonLatDomain
    let location: FeatureLocation
    private var west = Double.infinity
    private var east = -Double.infinity
    private var south = Double.infinity
    private var north = -Double.infinity
    /// The first longitude outside ±180°, for the message.
    private var outside: (lon: Double, lat: Double)?

    init(domain: LonLatDomain, location: FeatureLocation) {
        self.domain = domain
        self.location = location
    }

    /// Takes one position; throws at the first that is not finite or lies beyond a pole.
    mutating func add(lon: Double, lat: Double) throws {
        guard lon.isFinite, lat.isFinite else {
            throw CoordinateError(location: location, problem: .notFinite(x: lon, y: lat))
        }
        guard abs(lat) <= 90 + LonLatDomain.tolerance else {
            throw CoordinateError(location: location, problem: .beyondPole(longitude: lon, latitude: lat))
        }
        west = min(west, lon)
        east = max(east, lon)
        south = min(south, lat)
        north = max(north, lat)
        if outside == nil, abs(lon) > 180 + LonLatDomain.tolerance { outside = (lon, lat) }
    }

    /// The multiple of 360° to add to every longitude of the feature (0 when all are within ±180°).
    func shift() throws -> Double {
        guard let outside else { return 0 }
        guard domain.wrapsLongitudes else {
            throw CoordinateError(
                location: location,
                problem: .longitudeOutOfRange(longitude: outside.lon, latitude: outside.lat))
        }
        guard max(abs(west), abs(east)) <= LonLatDomain.wrapLimit else {
            let far = abs(west) > abs(east) ? west : east
            throw CoordinateError(location: location, problem: .beyondWrapLimit(longitude: far))
        }
        // Whole turns that bring the westernmost longitude into [-180, 180); the feature fits or it straddles.
        let shift = -360 * ((west + 180) / 360).rounded(.down)
        guard east + shift <= 180 + LonLatDomain.tolerance else {
            throw CoordinateError(location: location, problem: .crossesAntimeridian(west: west, east: east))
        }
        return shift
    }

    /// Takes the positions of an interleaved `lon0, lat0, lon1, lat1…` array.
    mutating func add(interleaved coordinates: [Double]) throws {
        for index in stride(from: 0, to: coordinates.count - 1, by: 2) {
            try add(lon: coordinates[index], lat: coordinates[index + 1])
        }
    }

    /// Whether some position must move: a shift, or a value within the tolerance beyond a limit.
    var needsPlacing: Bool {
        outside != nil || west < -180 || east > 180 || south < -90 || north > 90
    }

    /// The feature's box once placed, or nil when it had no position.
    func box(shift: Double) -> (minX: Double, minY: Double, maxX: Double, maxY: Double)? {
        guard west <= east else { return nil }
        let (minX, minY) = Self.placed(lon: west, lat: south, shift: shift)
        let (maxX, maxY) = Self.placed(lon: east, lat: north, shift: shift)
        return (minX, minY, maxX, maxY)
    }

    /// An interleaved lon/lat array with every position `placed`.
    static func placed(_ coordinates: [Double], shift: Double) -> [Double] {
        var result = coordinates
        for index in stride(from: 0, to: result.count - 1, by: 2) {
            (result[index], result[index + 1]) = placed(lon: result[index], lat: result[index + 1], shift: shift)
        }
        return result
    }

    /// A position of the surveyed feature moved by `shift` and clamped within the tolerance at the limits.
    static func placed(lon: Double, lat: Double, shift: Double) -> (lon: Double, lat: Double) {
        (min(max(lon + shift, -180), 180), min(max(lat, -90), 90))
    }
}

/// Counts the features whose longitudes were shifted, for the line a command prints about it.
public struct LongitudeShifts: Codable, Hashable, Sendable {
    public private(set) var count = 0
    /// The distinct shifts, in degrees (360, -360, 720…).
    public private(set) var amounts: Set<Double> = []

    public init() {}

    mutating func record(_ shift: Double) {
        guard shift != 0 else { return }
        count += 1
        amounts.insert(shift)
    }

    mutating func add(_ other: LongitudeShifts) {
        count += other.count
        amounts.formUnion(other.amounts)
    }

    /// "3 features' longitudes shifted by 360° (--wrap-longitudes)", or nil when none was.
    public func warning(path: String) -> String? {
        guard count > 0 else { return nil }
        let turns = Set(amounts.map { abs($0) }).sorted().map { "\(Int(exactly: $0).map(String.init) ?? "\($0)")°" }
        let features = count == 1 ? "1 feature's longitudes" : "\(count) features' longitudes"
        return "\(path): \(features) shifted by \(turns.joined(separator: " or ")) into ±180° "
            + "(\(Remedy.wrapLongitudes.token))"
    }
}
