import Foundation
import GDAL
import GEOS

/// `geoplan partition`: reads a tambon layer and a municipality layer, builds the governance partition and
/// writes its units (a polygon layer) and its crosswalk (a CSV beside them), all or nothing.
public enum GovernanceOutput {
    public struct Request: Sendable {
        public var tambons: BoundarySpec
        public var municipalities: BoundarySpec
        public var options: GovernanceOptions
        public var units: String
        public var overwrite: Bool
        /// The crosswalk's text cells written as they are, even those a spreadsheet would run as formulas.
        public var csvRaw = false
        /// Wait for another geoplan writing in the output folder instead of failing.
        public var wait: Bool

        /// The municipality spec must name the type field as its first name field.
        public init(
            tambons: BoundarySpec, municipalities: BoundarySpec, options: GovernanceOptions, units: String,
            overwrite: Bool, wait: Bool = false
        ) {
            self.tambons = tambons
            self.municipalities = municipalities
            self.options = options
            self.units = units
            self.overwrite = overwrite
            self.wait = wait
        }

        /// The crosswalk's path: the units' with `-crosswalk.csv` for their extension.
        public var crosswalk: String {
            let url = URL(fileURLWithPath: units)
            return url.deletingPathExtension().path + "-crosswalk.csv"
        }
    }

    public struct Outcome: Sendable, Codable {
        public var report: GovernanceReport
        /// The CRS each input came in and whether it was transformed to WGS 84 lon/lat.
        public var crs: GovernanceCRS
        public var unitsByKind: [String: Int]
        public var outputs: [String]
        /// What the inputs' loading repaired or guessed, and the municipalities reaching outside every tambon.
        public var warnings: [String]
    }

    public static func run(_ request: Request, progress: (GovernanceStep) -> Void = { _ in }) throws -> Outcome {
        let inputs = [request.tambons.path, request.municipalities.path]
        let inputFiles = InputFiles(inputs)
        let unitsTarget = try OutputTarget(path: request.units, overwrite: request.overwrite, inputFiles: inputFiles)
        let crosswalkTarget = try OutputTarget(
            path: request.crosswalk, overwrite: request.overwrite,
            inputFiles: inputFiles, writesSidecars: false)
        // Both appear together or neither: one set, its folders locked from now on.
        let outputs = OutputSet(inputs: inputFiles, overwrite: request.overwrite, wait: request.wait)
        try outputs.lock(folder: unitsTarget.folder)
        try outputs.lock(folder: crosswalkTarget.folder)
        let context = try GEOSContext()
        progress(.readingInputs)
        let tambons = try BoundarySet.load(request.tambons, folder: nil, context: context)
        let municipalities = try BoundarySet.load(request.municipalities, folder: nil, context: context)
        let result = try GovernancePartition(options: request.options)
            .build(
                tambons: TambonInput.from(tambons), municipalities: try MunicipalityInput.from(municipalities),
                progress: progress)

        let writer = try LayerWriter(
            target: unitsTarget, layerName: "units",
            schema: LayerSchema(fields: [
                FieldDefinition(name: "tambon_code", type: .string), FieldDefinition(name: "lg_code", type: .string),
                FieldDefinition(name: "lg_type", type: .string), FieldDefinition(name: "kind", type: .string),
                FieldDefinition(name: "area_km2", type: .real), FieldDefinition(name: "area_rai", type: .real),
            ]),
            spatialReference: try SpatialReference.wgs84(), geometryType: GeometryType(kind: .polygon), in: outputs)
        for (position, unit) in result.units.enumerated() {
            try writer.write(
                values: [
                    .string(unit.tambonCode), .string(unit.localGovernmentCode),
                    .string(unit.type.rawValue), .string(unit.kind.rawValue),
                    .real(unit.areaSquareMetres / 1_000_000), .real(unit.areaSquareMetres / 1_600),
                ],
                geometry: try OGRGeometry(wkb: unit.geometry.wkb()),
                source: FeatureLocation(path: request.units, layer: "units", featureID: Int64(position)))
        }
        try writer.close()
        var table = CSVTable(
            header: [
                "tambon_code", "lg_code", "lg_type", "kind", "area_km2", "area_rai",
                "share_of_tambon", "share_of_lg",
            ], rawText: request.csvRaw)
        for row in result.crosswalk {
            table.append([
                .text(row.tambonCode), .text(row.localGovernmentCode), .text(row.localGovernmentType.rawValue),
                .text(row.kind.rawValue), .number(row.areaSquareKilometres), .number(row.areaRai),
                .number(row.shareOfTambon), .number(row.shareOfLocalGovernment),
            ])
        }
        _ = try table.write(to: crosswalkTarget, byteOrderMark: false, in: outputs)
        try outputs.commit()
        var byKind: [String: Int] = [:]
        for unit in result.units { byKind["\(unit.kind.rawValue) (\(unit.type.rawValue))", default: 0] += 1 }
        return Outcome(
            report: result.report, crs: GovernanceCRS(tambons: tambons, municipalities: municipalities),
            unitsByKind: byKind, outputs: [request.units, request.crosswalk],
            warnings: tambons.warnings + municipalities.warnings + result.report.outsideParts.map(\.warning)
                + outputs.warnings)
    }
}
