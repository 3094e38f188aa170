import Foundation
import GDAL

/// The GeoJSON side of `LayerWriter`: GDAL geometries and values in, geoplan's own `GeoJSONWriter` out, and the
/// warnings a caller shows (non-finite values written as null, polygons snap-rounded or kept at full precision).
final class GeoJSONLayerOutput {
    private let writer: GeoJSONWriter
    private let displayPath: String
    private let decimals: Int?

    /// - Parameters:
    ///   - precision: decimals of coordinates; more than 15 writes the shortest form that reads back exactly.
    ///   - idField: the field written as each feature's `id` member instead of a property.
    init(
        stagingPath: String, displayPath: String, layerName: String, schema: LayerSchema, precision: Int?,
        idField: String?, threads: Int = ProcessInfo.processInfo.activeProcessorCount,
        fileSystem: any FileSystem = SystemFileSystem()
    ) throws {
        guard precision.map({ $0 >= 0 }) ?? true else {
            throw GeoPlanError.output(
                path: displayPath,
                reason: "a precision of \(precision ?? 0) decimals is not "
                    + "possible: give 0 or more")
        }
        self.displayPath = displayPath
        decimals = precision.flatMap { $0 <= CoordinateGrid.maximumDecimals ? $0 : nil }
        let file = try CheckedFile(creating: stagingPath, displayPath: displayPath, fileSystem: fileSystem)
        writer = try GeoJSONWriter(
            file: file, schema: schema,
            options: GeoJSONWriter.Options(
                layerName: layerName, decimals: decimals,
                idField: idField, threads: threads))
    }

    var written: Int { writer.written }

    func write(values: [FieldValue], geometry: OGRGeometry?, source: FeatureLocation) throws {
        var wkb: [UInt8]?
        if let geometry {
            wkb = geometry.hasCurves ? try geometry.linearized().wkb() : geometry.wkb()
        }
        try writer.write(values: values, wkb: wkb, source: source)
    }

    /// Writes the rest and the tail, fsyncs and closes.
    func finish() throws {
        try writer.finish()
    }

    /// What changed on the way out, one line each, naming the output.
    var warnings: [String] {
        let counts = writer.counts
        var lines: [String] = []
        for (name, count) in zip(writer.propertyNames, counts.nonFiniteByProperty) where count > 0 {
            lines.append(
                "\(displayPath): \(name): \(count) non-finite \(count == 1 ? "value" : "values") "
                    + "(NaN or infinite) written as null")
        }
        if let decimals, counts.snapRounded > 0 {
            lines.append(
                "\(displayPath): \(counts.snapRounded) of the features were snap-rounded (GEOS) onto the "
                    + "\(decimals)-decimal grid: rounding each vertex would have made a polygon invalid")
        }
        if let decimals, counts.keptFullPrecision > 0 {
            lines.append(
                "\(displayPath): \(counts.keptFullPrecision) of the polygons keep full precision: rounded to "
                    + "\(decimals) decimals, they would have vanished")
        }
        return lines
    }
}
