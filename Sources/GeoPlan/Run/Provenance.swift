import Foundation
import GDAL
import GEOS
import PROJ

/// The versions of geoplan and the libraries it runs on.
public enum GeoPlanVersion {
    public static let text = "0.1.0"
}

/// The provenance sidecar (`<name>.meta.json`) written next to a run's outputs: the spec, a checksum of every
/// input file, the versions of geoplan, GDAL, PROJ and GEOS, the coordinate operations used, the encodings
/// decided, seconds per indicator, repaired geometries, border-rule counters and join mismatches.
enum Provenance {
    struct Record: Encodable {
        var geoplan: String
        var gdal: String
        var proj: String
        var geos: String
        var spec: String?
        var specText: String?
        var inputs: [InputRecord]
        /// The output options: a rerun with other options is not up to date.
        var options: OptionsRecord
        /// What each output column holds: indicator, type, unit and labels.
        var columns: [ColumnRecord]
        var boundarySet: BoundaryRunReport
        /// Everything the run warned about (unmatched codes, repairs, encodings).
        var warnings: [String]
        var startedAt: String
        /// With `--partition`: the share of the areas written, for `geoplan merge`.
        var partition: PartitionRecord?
        /// Per shapefile output, each column's name → its short field name there (see `ShapefileFieldNames`).
        var shapefileFields: [String: [String: String]]?
        /// Every file the run wrote for this boundary set (its formats, levels and maps), with its size and
        /// checksum: a reader can tell the set on disk is the one this record describes, whole.
        var outputs: [OutputRecord]?
    }

    struct OutputRecord: Codable, Equatable {
        /// The file's name, in the record's folder.
        var file: String
        var bytes: Int?
        var fnv1a64: String?
    }

    struct OptionsRecord: Codable, Equatable {
        var formats: [String]
        var precision: Int
        var includeGeometry: Bool
        var csvBOM: Bool
        /// Only when true, so records written before the option existed still compare equal.
        var csvRaw: Bool?

        init(_ output: OutputSpec) {
            formats = output.formats.map(\.rawValue)
            precision = output.precision
            includeGeometry = output.includeGeometry
            csvBOM = output.csvBOM
            csvRaw = output.csvRaw ? true : nil
        }
    }

    struct ColumnRecord: Encodable {
        var name: String
        var indicator: String
        var type: String
        var className: String?
        var unit: String?
        var labelThai: String?
        var labelEnglish: String?
    }

    struct InputRecord: Codable, Equatable {
        var name: String
        var path: String
        /// FNV-1a 64-bit over the file's bytes, hexadecimal: enough to notice a changed input.
        var fnv1a64: String?
        var bytes: Int?
    }

    static func record(
        spec: Spec, boundaries: BoundarySet, run: RunContext, plans: ColumnPlans,
        report: BoundaryRunReport, columns: [IndicatorColumn], warnings: [String], started: Date,
        outputs: [(final: String, staged: String)] = [],
        fingerprint: (String) -> (fnv1a64: String?, bytes: Int?) = InputFingerprint.of
    ) throws -> Data {
        let indicators = Dictionary(spec.indicators.map { ($0.id, $0) }) { first, _ in first }
        let documented = columns.map { column in
            let indicator = indicators[column.indicator]
            return ColumnRecord(
                name: column.name, indicator: column.indicator, type: column.type.rawValue,
                className: column.className, unit: indicator.flatMap(Self.unit),
                labelThai: indicator?.label?.thai, labelEnglish: indicator?.label?.english)
        }
        let inputs = inputRecords(spec: spec, boundary: boundaries.spec, folder: run.folder, fingerprint: fingerprint)
        let record = Record(
            geoplan: GeoPlanVersion.text, gdal: GDALLibrary.version, proj: PROJLibrary.version,
            geos: GEOSContext.libraryVersion, spec: spec.path,
            specText: spec.path.flatMap { try? String(contentsOfFile: $0, encoding: .utf8) }, inputs: inputs,
            options: OptionsRecord(spec.output), columns: documented, boundarySet: report, warnings: warnings,
            startedAt: ISO8601DateFormatter().string(from: started),
            partition: run.partition, shapefileFields: shapefileFields(plans),
            outputs: outputs.isEmpty
                ? nil
                : outputs.map { file in
                    let (fnv, bytes) = FileChecksum.of(file.staged, alone: true)
                    return OutputRecord(file: (file.final as NSString).lastPathComponent, bytes: bytes, fnv1a64: fnv)
                })
        return try ReportJSON.encode(record, pretty: true)
    }

    /// The short names of the run's shapefile outputs (the boundary set's and its levels'), nil when none.
    private static func shapefileFields(_ plans: ColumnPlans) -> [String: [String: String]]? {
        let fields = ColumnPlans.shapefileFields(of: [plans.areas] + plans.levels)
        return fields.isEmpty ? nil : fields
    }

    /// The boundary file and every input, with their checksums as they are now.
    static func inputRecords(
        spec: Spec, boundary: BoundarySpec, folder: String?,
        fingerprint: (String) -> (fnv1a64: String?, bytes: Int?) = InputFingerprint.of
    ) -> [InputRecord] {
        var inputs = [InputRecord(name: boundary.name, path: BoundarySet.resolve(boundary.path, in: folder))]
        if let municipalities = boundary.municipalities {
            inputs.append(
                InputRecord(
                    name: "\(boundary.name) municipalities",
                    path: BoundarySet.resolve(municipalities.path, in: folder)))
        }
        inputs += spec.inputs.map { InputRecord(name: $0.name, path: BoundarySet.resolve($0.path, in: folder)) }
        for index in inputs.indices {
            (inputs[index].fnv1a64, inputs[index].bytes) = fingerprint(inputs[index].path)
        }
        return inputs
    }

    /// What `--resume` reads back from an earlier record.
    private struct Earlier: Decodable {
        var specText: String?
        var inputs: [InputRecord]
        var options: OptionsRecord?
        var partition: PartitionRecord?
        var outputs: [OutputRecord]?
    }

    /// Whether a boundary set's outputs exist and its record says they were made from this very spec text,
    /// these output options and inputs with these checksums: then `--resume` can skip it.
    static func isUpToDate(
        sidecar: String, outputs: [String], spec: Spec, boundary: BoundarySpec,
        folder: String?, partition: PartitionRequest?
    ) -> Bool {
        guard (outputs + [sidecar]).allSatisfy({ FileManager.default.fileExists(atPath: $0) }),
            let data = FileManager.default.contents(atPath: sidecar),
            let earlier = try? JSONDecoder().decode(Earlier.self, from: data)
        else { return false }
        let specText = spec.path.flatMap { try? String(contentsOfFile: $0, encoding: .utf8) }
        let samePartition = earlier.partition?.index == partition?.index && earlier.partition?.count == partition?.count
        let inputs = inputRecords(spec: spec, boundary: boundary, folder: folder)
        // An input whose fingerprint cannot be known (unreadable, a server that does not answer) may have changed.
        let inputsKnown = inputs.allSatisfy { $0.fnv1a64 != nil }
        return samePartition && inputsKnown && earlier.specText == specText
            && earlier.options == OptionsRecord(spec.output) && earlier.inputs == inputs
            && outputsUnchanged(earlier.outputs, folder: (sidecar as NSString).deletingLastPathComponent)
    }

    /// Whether every output the record lists is on disk as it was written (a record without the list, from an
    /// earlier geoplan, is taken at its word).
    static func outputsUnchanged(_ outputs: [OutputRecord]?, folder: String) -> Bool {
        (outputs ?? []).allSatisfy { output in
            let (fnv, bytes) = FileChecksum.of((folder as NSString).appendingPathComponent(output.file), alone: true)
            return fnv == output.fnv1a64 && bytes == output.bytes
        }
    }

    /// The unit of an indicator's values: the spec's own words, else the type's unit.
    static func unit(of indicator: IndicatorSpec) -> String? {
        indicator.unit ?? indicator.definition.defaultUnit
    }
}
