import Foundation

/// Why a governance partition cannot be made from the given tambons and municipalities, in words a planner can
/// act on: every message names the codes, the area and the fix. Reached as ``GeoPlanError/governance(_:)``.
public enum GovernanceError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Features of `layer` (`tambons` or `municipalities`) whose code is empty; `features` are 0-based input
    /// positions.
    case missingCodes(layer: String, features: [Int])
    /// Codes used by more than one feature of `layer`.
    case duplicatedCodes(layer: String, duplicates: [DuplicatedCode])
    /// A type field value that names no municipality class.
    case unknownType(feature: String, value: String)
    /// An SAO in the municipality layer: SAO areas are derived, not drawn.
    case saoInMunicipalityLayer(code: String)
    /// A feature whose geometry has no area.
    case notPolygonal(layer: String, code: String, found: String)
    /// Features of `layer` that overlap each other by more than the tolerance.
    case overlaps(layer: String, overlaps: [Overlap], toleranceSquareMetres: Double)
    /// Municipalities that share no area with any tambon.
    case outsideEveryTambon(municipalities: [OutsideMunicipality])
    /// A tolerance that is negative or not a number.
    case invalidOption(name: String, value: Double)
    /// No tambons were given: the partition divides tambons.
    case noTambons
    /// A check of the result failed: a bug or an input this code did not foresee, never to be written out.
    case guaranteeFailed(guarantee: String, detail: String)

    /// A code used more than once, with the 0-based positions of the features that use it.
    public struct DuplicatedCode: Hashable, Sendable, Codable {
        public var code: String
        public var features: [Int]
    }

    /// Two features that overlap: their codes, the overlap's geodesic area and a point inside it.
    public struct Overlap: Hashable, Sendable, Codable {
        public var first: String
        public var second: String
        public var areaSquareMetres: Double
        public var point: LonLatPoint
    }

    /// A municipality with no area in any tambon, and where it is.
    public struct OutsideMunicipality: Hashable, Sendable, Codable {
        public var code: String
        public var point: LonLatPoint
        /// The code of the nearest tambon, when there is one (a hint at a shifted CRS or the wrong province).
        public var nearestTambon: String?
    }

    public var description: String {
        switch self {
        case let .missingCodes(layer, features):
            return "\(layer): \(features.count) feature(s) have an empty code (input positions "
                + "\(Self.list(features.map(String.init)))); every \(Self.singular(layer)) needs a code: fill the "
                + "code field or filter those features out"
        case let .duplicatedCodes(layer, duplicates):
            let items = duplicates.map {
                "\"\($0.code)\" (features \($0.features.map(String.init).joined(separator: ", ")))"
            }
            return "\(layer): codes used by more than one feature: \(Self.list(items)); each "
                + "\(Self.singular(layer)) needs its own code: merge the features (dissolve by code) or correct them"
        case let .unknownType(feature, value):
            return "\(feature): the type \"\(value)\" names no municipality class; use one of "
                + LocalGovernmentType.acceptedSpellings
        case let .saoInMunicipalityLayer(code):
            return "municipalities: \(code) is typed as an SAO (อบต.); SAO areas are derived as what of each tambon no "
                + "municipality covers, so leave SAOs out of the municipality layer"
        case let .notPolygonal(layer, code, found):
            return "\(layer): \(code) has no area (\(found)); give it its polygon or leave it out"
        case let .overlaps(layer, overlaps, tolerance):
            let items = overlaps.map {
                "\($0.first) and \($0.second) share \(Self.squareMetres($0.areaSquareMetres)) around \($0.point)"
            }
            return "\(layer) overlap (more than \(Self.squareMetres(tolerance)) each): \(Self.list(items)); a place "
                + "has one local government: correct the borders so they meet without overlapping"
        case let .outsideEveryTambon(municipalities):
            let items = municipalities.map { item in
                "\(item.code) (around \(item.point)" + (item.nearestTambon.map { ", nearest tambon \($0)" } ?? "") + ")"
            }
            return "municipalities with no area in any tambon (beyond slivers thinner than the snapping tolerance): "
                + "\(Self.list(items)); check that both layers cover the same province and are in the same coordinate "
                + "reference system, or leave these municipalities out"
        case let .invalidOption(name, value):
            return "the \(name) is \(value); it must be a finite number, 0 or more"
        case .noTambons:
            return "tambons: the layer has no tambons; the partition divides tambons, so give the tambon layer of the "
                + "area to partition"
        case let .guaranteeFailed(guarantee, detail):
            return "the governance partition failed its check \"\(guarantee)\": \(detail); nothing was written"
        }
    }

    private static func list(_ items: [String], limit: Int = 10) -> String {
        let shown = items.prefix(limit).joined(separator: "; ")
        return items.count > limit ? shown + "; and \(items.count - limit) more" : shown
    }

    private static func singular(_ layer: String) -> String {
        layer == "tambons" ? "tambon" : layer == "municipalities" ? "municipality" : "feature"
    }

    static func squareMetres(_ value: Double) -> String {
        String(format: "%.1f m²", value)
    }
}

/// A position in WGS 84 degrees, longitude first, for reports and messages.
public struct LonLatPoint: Hashable, Sendable, Codable, CustomStringConvertible {
    public var lon: Double
    public var lat: Double

    public init(lon: Double, lat: Double) {
        self.lon = lon
        self.lat = lat
    }

    /// `100.123456 13.123456` (6 decimals, about 0.1 m).
    public var description: String { String(format: "%.6f %.6f", lon, lat) }
}
