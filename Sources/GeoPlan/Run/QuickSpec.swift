import Foundation
import GDAL

/// Specs for the one-off commands (`geoplan area`, `count`, `length`, `share`): one boundary set, at most one
/// input, one indicator, and an output file named on the command line (or none: a table on the terminal).
public enum QuickSpec {
    /// - Parameters:
    ///   - idField: the area code field; nil picks ADM3_PCODE or another code field.
    ///   - nameFields: nil picks the Thai and English names of the id's level when present (ADM3_TH, ADM3_EN).
    ///   - output: a `.geojson`, `.csv`, `.gpkg`… path, or nil for no file.
    public static func make(
        boundaries path: String, options: InputOptions, idField: String?, nameFields: [String]?,
        input: (kind: InputKind, path: String)?, moreInputs: [InputSpec] = [],
        indicator: IndicatorKind, indicatorID: String? = nil, output: String?
    ) throws -> Spec {
        let layer = try VectorSource.open(path, options: InputOptions(layer: options.layer, encoding: options.encoding))
            .layer
        guard let id = try KeyField.resolve(idField, in: layer) else {
            throw GeoPlanError.input(
                path: path,
                reason: "no code field found (ADM3_PCODE, CODE, ID…); name one with "
                    + Remedy.idField().token)
        }
        let names = try nameFields ?? defaultNames(for: id, in: layer)
        for name in names where layer.schema.index(of: name) == nil {
            throw GDALError.noSuchField(layer: layer.name, name: name, available: layer.schema.names)
        }
        var formats = OutputSpec().formats
        var folder = "."
        var stem = layer.name
        if let output {
            guard let format = OutputFormat(path: output) else {
                throw GeoPlanError.output(path: output, reason: "use " + OutputFormat.supportedExtensionsText)
            }
            formats = [format]
            let url = URL(fileURLWithPath: output)
            folder = url.deletingLastPathComponent().path
            // A file named on the command line goes into a folder that exists, as `convert` and ogr2ogr want:
            // a mistyped folder is not created.
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) else {
                throw GeoPlanError.output(
                    path: output,
                    reason: "its folder \"\(folder)\" does not exist; create it "
                        + "first")
            }
            guard isFolder.boolValue else {
                throw GeoPlanError.output(path: output, reason: "\"\(folder)\" is a file, not a folder")
            }
            stem = url.deletingPathExtension().lastPathComponent
        }
        var boundary = BoundarySpec(
            name: stem, path: path, layer: options.layer, idField: id, nameFields: names,
            assumeCRS: options.assumeCRS, encoding: options.encoding)
        boundary.wrapLongitudes = options.wrapLongitudes
        let inputs = (input.map { [InputSpec(name: "input", kind: $0.kind, path: $0.path)] } ?? []) + moreInputs
        let indicatorID = indicatorID ?? IndicatorSpec(id: "", kind: indicator).definition.defaultID
        return Spec(
            boundaries: [boundary], inputs: inputs, indicators: [IndicatorSpec(id: indicatorID, kind: indicator)],
            output: OutputSpec(folder: folder, formats: output == nil ? [] : formats))
    }

    private static func defaultNames(for id: String, in layer: Layer) throws -> [String] {
        guard id.uppercased().hasSuffix("_PCODE") else { return [] }
        let level = id.dropLast("_PCODE".count)
        return ["\(level)_TH", "\(level)_EN"].compactMap { name in
            layer.schema.index(of: name).map { layer.schema.fields[$0].name }
        }
    }
}
