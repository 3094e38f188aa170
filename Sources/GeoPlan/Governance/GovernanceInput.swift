import GDAL
import GEOS

/// A tambon (ตำบล) for the governance partition: its code (`ADM3_PCODE`, e.g. `TH120101`) and its polygon in
/// WGS 84 lon/lat. Not `Sendable`: the geometry belongs to one GEOS context, shared by every input of a run.
public struct TambonInput {
    public let code: String
    public let geometry: Geometry

    public init(code: String, geometry: Geometry) {
        self.code = code
        self.geometry = geometry
    }

    /// The areas of a loaded boundary set, in its order (codes are its id field).
    public static func from(_ set: BoundarySet) -> [TambonInput] {
        set.areas.map { TambonInput(code: $0.id, geometry: $0.geometry) }
    }
}

/// A municipality (เทศบาล): its local-government code, its class and its polygon in WGS 84 lon/lat.
public struct MunicipalityInput {
    public let code: String
    public let type: LocalGovernmentType
    public let geometry: Geometry

    public init(code: String, type: LocalGovernmentType, geometry: Geometry) {
        self.code = code
        self.type = type
        self.geometry = geometry
    }

    /// The areas of a boundary set loaded with the type field as its first name field
    /// (`BoundarySpec(…, idField: "code", nameFields: ["type", …])`), types read leniently
    /// (``LocalGovernmentType/init(parsing:)``).
    /// - Throws: ``GovernanceError/unknownType(feature:value:)`` naming the file, the feature and the type field.
    public static func from(_ set: BoundarySet) throws -> [MunicipalityInput] {
        let field = set.spec.nameFields.first.map { ", field \($0)" } ?? ""
        return try set.areas.map { area in
            let feature =
                "\"\(set.spec.path)\": municipality \(area.id)"
                + (area.featureID.map { " (feature \($0))" } ?? "") + field
            let type = try LocalGovernmentType.parse(area.names.first?.text, feature: feature)
            return MunicipalityInput(code: area.id, type: type, geometry: area.geometry)
        }
    }
}
