/// A level of government or administration that a run's areas roll up to.
public enum AdministrativeLevel: String, Hashable, Sendable, CaseIterable {
    case tambon, district, province
    /// The local government that governs each area (a municipality, or the SAO of a tambon's remainder);
    /// needs the boundary set's `municipalities`.
    case localGovernment = "local_government"

    /// The column holding a group's code in the level's outputs: `district_code`.
    public var codeColumn: String {
        self == .localGovernment ? "lg_code" : "\(rawValue)_code"
    }

    /// How the level's outputs are named: `<boundary>-<stem>.<ext>` (`nonthaburi-local-government.csv`).
    var fileStem: String {
        rawValue.replacingOccurrences(of: "_", with: "-")
    }

    /// The COD-AB prefix of this level's fields (`ADM2` for districts: `ADM2_PCODE`, `ADM2_TH`), if any.
    var codABPrefix: String? {
        switch self {
        case .tambon: "ADM3"
        case .district: "ADM2"
        case .province: "ADM1"
        case .localGovernment: nil
        }
    }

    var parentLevel: ParentCode.Level? {
        switch self {
        case .tambon: .tambon
        case .district: .district
        case .province: .province
        case .localGovernment: nil
        }
    }
}

/// One level a boundary set's values are rolled up to, written with dissolved boundaries as
/// `<name>-<level>.<ext>`.
public struct LevelSpec: Hashable, Sendable {
    public var level: AdministrativeLevel
    /// The field stating each area's group (`ADM2_PCODE`); nil: the code's own prefix (`TH120101` → `TH1201`),
    /// or the field named by COD-AB when the layer has it. When both exist they must agree.
    public var field: String?
    /// Fields naming each group (`[ADM2_TH, ADM2_EN]`); nil: COD-AB's when the layer has them.
    public var nameFields: [String]?
    public var location: SourceLocation?

    public init(
        level: AdministrativeLevel, field: String? = nil, nameFields: [String]? = nil,
        location: SourceLocation? = nil
    ) {
        self.level = level
        self.field = field
        self.nameFields = nameFields
        self.location = location
    }
}

/// A municipality layer that splits a boundary set of tambons into the units that govern (see
/// `GovernancePartition`): the run then computes every indicator per unit.
public struct MunicipalitySpec: Hashable, Sendable {
    public var path: String
    public var layer: String?
    /// The local-government code field (`LG_CODE`).
    public var idField: String
    /// The field with city / town / subdistrict (`LG_TYPE`).
    public var typeField: String
    /// Fields naming each municipality (`[NAME_TH, NAME_EN]`).
    public var nameFields: [String]
    public var assumeCRS: String?
    public var encoding: String?
    public var snapMetres: Double
    public var minimumPieceSquareMetres: Double

    public init(
        path: String, layer: String? = nil, idField: String = "LG_CODE", typeField: String = "LG_TYPE",
        nameFields: [String] = [], assumeCRS: String? = nil, encoding: String? = nil,
        snapMetres: Double = GovernanceOptions().snapToleranceMetres,
        minimumPieceSquareMetres: Double = GovernanceOptions().minimumPieceSquareMetres
    ) {
        self.path = path
        self.layer = layer
        self.idField = idField
        self.typeField = typeField
        self.nameFields = nameFields
        self.assumeCRS = assumeCRS
        self.encoding = encoding
        self.snapMetres = snapMetres
        self.minimumPieceSquareMetres = minimumPieceSquareMetres
    }
}

/// How an indicator's values behave when areas are merged into larger ones (roll-ups).
public enum ValueKind: String, Hashable, Sendable, CaseIterable {
    /// Adds up: people, counts, km², km of road.
    case extensive
    /// A property of every part, averaged weighted by area (or by another indicator): shares, rates, means.
    case intensive
    /// A ratio of other indicators (a density, a rate per 10,000 people): recomputed from the rolled-up
    /// numerator and denominator, never averaged.
    case ratio
}
