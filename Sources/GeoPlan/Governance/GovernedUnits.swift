import Foundation
import GDAL
import GEOS

/// A run's tambons split by its `municipalities:` into the units that govern (see `GovernancePartition`): the
/// boundary set every indicator is then computed over, with what each unit belongs to.
struct GovernedUnits {
    /// One area per unit, id `<lg_code>:<tambon_code>`, named by its codes, its tambon's names and its
    /// municipality's names (`lg_NAME_TH`…).
    let set: BoundarySet
    /// The municipality layer's name fields, for the local-government level's outputs.
    let municipalityNameFields: [String]
    let report: GovernanceReport
    /// What the run says about the split: its counts, small pieces, parts outside every tambon, CRSs.
    let notes: [String]

    /// The columns every unit carries before the tambon's and the municipality's names.
    static let codeFields = ["tambon_code", "lg_code", "lg_type", "unit_kind"]

    static func build(
        tambons: BoundarySet, municipalities spec: MunicipalitySpec, folder: String?,
        context: GEOSContext, progress: (GovernanceStep) -> Void = { _ in }
    ) throws -> GovernedUnits {
        let layer = BoundarySpec(
            name: "municipalities", path: spec.path, layer: spec.layer, idField: spec.idField,
            nameFields: [spec.typeField] + spec.nameFields, assumeCRS: spec.assumeCRS,
            encoding: spec.encoding)
        let loaded = try BoundarySet.load(layer, folder: folder, context: context)
        let options = GovernanceOptions(
            snapToleranceMetres: spec.snapMetres,
            minimumPieceSquareMetres: spec.minimumPieceSquareMetres)
        let partition = try GovernancePartition(options: options)
            .build(
                tambons: TambonInput.from(tambons), municipalities: try MunicipalityInput.from(loaded),
                progress: progress)
        let tambonOfCode = Dictionary(tambons.areas.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let municipalityOfCode = Dictionary(loaded.areas.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var areas: [Area] = []
        var memberships: [AreaMembership] = []
        for unit in partition.units {
            let tambonNames = tambonOfCode[unit.tambonCode]?.names ?? tambons.spec.nameFields.map { _ in .null }
            let municipalityNames = municipalityOfCode[unit.localGovernmentCode].map { Array($0.names.dropFirst()) }
            let codes: [FieldValue] = [
                .string(unit.tambonCode), .string(unit.localGovernmentCode),
                .string(unit.type.rawValue), .string(unit.kind.rawValue),
            ]
            let names = codes + tambonNames + (municipalityNames ?? spec.nameFields.map { _ in .null })
            areas.append(
                try Area(
                    index: areas.count, id: "\(unit.localGovernmentCode):\(unit.tambonCode)",
                    names: names, geometry: unit.geometry, featureID: nil))
            // An SAO is named after its tambon.
            let governmentNames =
                municipalityNames
                ?? spec.nameFields.indices.map { position in
                    position < tambonNames.count ? tambonNames[position] : .null
                }
            memberships.append(
                AreaMembership(
                    tambonCode: unit.tambonCode,
                    localGovernment: .init(code: unit.localGovernmentCode, type: unit.type, names: governmentNames)))
        }
        var unitsSpec = tambons.spec
        unitsSpec.idField = "unit_id"
        unitsSpec.nameFields = codeFields + tambons.spec.nameFields + spec.nameFields.map { "lg_" + $0 }
        let notes = Self.notes(partition.report, tambons: tambons, municipalities: loaded)
        let set = try BoundarySet.derived(
            unitsSpec, areas: areas, from: tambons, context: context,
            warnings: loaded.warnings, memberships: memberships)
        return GovernedUnits(
            set: set, municipalityNameFields: spec.nameFields,
            report: partition.report, notes: notes)
    }

    private static func notes(_ report: GovernanceReport, tambons: BoundarySet, municipalities: BoundarySet)
        -> [String]
    {
        let name = tambons.spec.name
        var notes = [
            "\(name): \(report.tambons) tambons split by \(report.municipalities) municipalities into "
                + "\(report.units) units (municipal pieces and SAO remainders)"
        ]
        if GovernanceCRS(tambons: tambons, municipalities: municipalities).differ {
            notes.append(
                "\(name): the municipalities (\(municipalities.sourceCRS)) and the tambons "
                    + "(\(tambons.sourceCRS)) are in different CRSs; both were transformed to WGS 84 lon/lat"
                    + (municipalities.operation.map { " (municipalities with \($0.name))" } ?? ""))
        }
        notes += report.findings.map { "\(name): \($0)" }
        if !report.guarantees.allHold {
            notes.append("\(name): the units' guarantees do not all hold: " + report.guaranteesLine)
        }
        return notes
    }
}
