import Foundation

/// `geoplan merge`'s engine: puts the outputs of `geoplan run --partition K/N` back together into the file a
/// single run writes, rows in the boundary layer's order.
///
/// Everything is checked before anything is written (see `PartSet`, and each part's rows against its record).
/// CSV and GeoJSON are merged as text, row by row, so the result is byte for byte a single run's (`TextMerge`,
/// `CSVPart`, `GeoJSONPart`); GeoPackage through GDAL, with the same layer and features (`GeoPackageMerge`).
/// The output and its provenance record appear only when complete; a failed merge leaves nothing.
public enum Merger {
    /// The formats `geoplan run` writes.
    static let formats: [OutputFormat] = [.geoJSON, .csv, .geoPackage]

    /// - Parameter progress: told (rows written, total) now and then.
    @discardableResult
    public static func merge(
        _ request: MergeRequest,
        progress: (Int, Int) -> Void = { _, _ in }
    ) throws -> MergeReport {
        let format = try checkFormats(request)
        let sidecars = request.parts.map(PartSet.sidecarPath)
        let folder = (request.output as NSString).deletingLastPathComponent
        // Fail fast on an existing output; a missing folder is created only once the parts have passed.
        if FileManager.default.fileExists(atPath: folder.isEmpty ? "." : folder) {
            _ = try OutputTarget(path: request.output, overwrite: request.overwrite, inputs: request.parts + sidecars)
        }
        let sidecar = MergedSidecar.path(of: request.output)
        let canonicalSidecar = OutputTarget.canonical(sidecar)
        if let clash = sidecars.first(where: { OutputTarget.canonical($0) == canonicalSidecar }) {
            throw GeoPlanError.output(
                path: request.output,
                reason: "its provenance record would replace the part's "
                    + "record \"\(clash)\"; write the merged file to another folder or name")
        }
        let set = try PartSet.load(request.parts, output: request.output)
        let kept = try MergedSidecar.keptSources(at: sidecar, for: set, format: format, overwrite: request.overwrite)
        let rows: [Int]
        // The merged file and its record appear together, or neither.
        let outputs = OutputSet(
            inputs: InputFiles(request.parts + sidecars), overwrite: request.overwrite,
            wait: request.wait)
        let target = try outputTarget(request, sidecars: sidecars)
        if format == .geoPackage {
            let layers = try GeoPackageMerge.layers(of: set)
            try GeoPackageMerge.write(set, layers: layers, to: target, in: outputs, progress: progress)
            rows = set.parts.map(\.partition.positions.count)
        } else {
            let (head, texts) = try readText(set, format: format)
            let staged = try outputs.stage(target)
            try TextMerge.write(
                head: head, parts: texts, order: set.order,
                separator: format == .csv ? Data() : GeoJSONPart.separator,
                tail: format == .csv ? Data() : try GeoJSONHead.mergedTail(texts),
                to: staged.stagingPath, output: request.output, progress: progress)
            rows = texts.map(\.rows.count)
        }
        // The record lists the formats merged so far: it is read above and carried over, so it may be replaced.
        try outputs.stage(
            try MergedSidecar.make(for: set, keeping: kept), at: sidecar,
            inputs: InputFiles(request.parts + sidecars), replacing: true)
        try outputs.commit()
        return MergeReport(
            output: request.output, sidecar: sidecar, format: format.driverName, rows: set.areas,
            parts: zip(set.parts, rows).map { MergeReport.Part(path: $0.path, index: $0.partition.index, rows: $1) },
            warnings: versionWarnings(set) + outputs.warnings)
    }

    /// The output's format, which every part shares.
    private static func checkFormats(_ request: MergeRequest) throws -> OutputFormat {
        guard let format = OutputFormat(path: request.output), formats.contains(format) else {
            throw GeoPlanError.output(
                path: request.output,
                reason: "geoplan merge writes what geoplan run writes: "
                    + "give the output a .geojson, .csv or .gpkg extension")
        }
        for part in request.parts where OutputFormat(path: part) != format {
            throw GeoPlanError.input(
                path: part,
                reason: "it is not a .\(format.extensions[0]) file like the output "
                    + "\"\(request.output)\"; merge each format's parts separately")
        }
        return format
    }

    /// The checked output, its folder created if missing (as `geoplan run` does).
    private static func outputTarget(_ request: MergeRequest, sidecars: [String]) throws -> OutputTarget {
        try OutputTarget(
            path: request.output, overwrite: request.overwrite,
            inputFiles: InputFiles(request.parts + sidecars), createFolder: true,
            writesSidecars: request.output.lowercased().hasSuffix(".gpkg"))
    }

    /// CSV or GeoJSON: every part's layout, checked against the others and its rows against its record; returns
    /// the merged head and the parts.
    private static func readText(_ set: PartSet, format: OutputFormat) throws -> (head: Data, texts: [TextPart]) {
        let head: Data
        let texts: [TextPart]
        if format == .csv {
            texts = try set.parts.map { try CSVPart.read($0.path) }
            for text in texts.dropFirst() where text.bytes(text.head) != texts[0].bytes(texts[0].head) {
                throw GeoPlanError.input(
                    path: text.path,
                    reason: "its header line (or byte-order mark) differs from "
                        + "that of \"\(texts[0].path)\"; merge only the parts of one run")
            }
            head = texts.first.map { $0.bytes($0.head) } ?? Data()
        } else {
            let parts = try set.parts.map { try GeoJSONPart.read($0.path) }
            texts = parts.map(\.text)
            head = try GeoJSONHead.merged(parts)
        }
        for (part, text) in zip(set.parts, texts) { try part.checkRows(text.rows.count) }
        return (head, texts)
    }

    /// Parts made by different versions of geoplan or its libraries may format numbers differently.
    private static func versionWarnings(_ set: PartSet) -> [String] {
        ["geoplan", "gdal", "proj", "geos"].compactMap { key in
            let versions = Set(set.parts.compactMap { $0.record[key]?.string })
            guard versions.count > 1 else { return nil }
            return "the parts were made with different \(key) versions (\(versions.sorted().joined(separator: ", "))); "
                + "the merged file may differ from what a single run writes"
        }
    }
}
