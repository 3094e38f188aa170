import Foundation
import GDAL
import GEOS

extension Runner {
    /// The maps of the indicators a spec marks `map:`, for one boundary set or level, made and staged:
    /// `<folder>/<stem>-<id>.svg`, `.html`, `.geojson`, `.topojson`, `.legend.json`.
    /// A column without any value (a province whose total is unknown) gets no map, and a warning.
    static func maps(
        _ spec: Spec, run: RunContext, columns: [IndicatorColumn], folder: String, stem: String,
        overwrite: Bool, in outputs: OutputSet, warnings: inout [String]
    ) throws -> [MapReport] {
        let marked = spec.indicators.filter { $0.map != nil }
        guard !marked.isEmpty else { return [] }
        let layer = try MapLayer(run: run, columns: columns)
        var prepared: [MapReport] = []
        for indicator in marked {
            guard let map = indicator.map,
                let column = columns.first(where: {
                    $0.indicator == indicator.id && [.real, .integer].contains($0.type)
                })
            else { continue }
            guard run.selected.contains(where: { run.values[column.name]?[$0].number != nil }) else {
                warnings.append("\(stem): no map of \(indicator.id): it has no value in any area")
                continue
            }
            let title = MapName(thai: indicator.label?.thai, english: indicator.label?.english ?? indicator.id)
            let request = MapRequest(
                indicator: column.name, method: map.method, classes: map.classes, palette: map.palette, title: title,
                outputStem: URL(fileURLWithPath: folder).appendingPathComponent("\(stem)-\(indicator.id)").path,
                overwrite: overwrite)
            prepared.append(try MapMaker.prepare(layer, request, context: run.context, in: outputs))
        }
        return prepared
    }
}

extension MapLayer {
    /// A run's areas and values as a map draws them, without reading the outputs back.
    convenience init(run: RunContext, columns: [IndicatorColumn]) throws {
        let spec = run.boundaries.spec
        let areas = run.selected.map { run.boundaries.areas[$0] }
        let schema =
            [FieldDefinition(name: spec.idField, type: .string)]
            + spec.nameFields.map { FieldDefinition(name: $0, type: .string) }
            + columns.map { FieldDefinition(name: $0.name, type: $0.type) }
        func names(_ candidates: [String]) -> [String?] {
            guard let position = spec.nameFields.firstIndex(where: candidates.contains) else {
                return areas.map { _ in nil }
            }
            return areas.map { $0.names[position].text }
        }
        let values: [[FieldValue]] = areas.map { area in
            [.string(area.id)] + area.names + columns.map { (run.values[$0.name]?[area.index] ?? .null).fieldValue }
        }
        self.init(
            path: spec.path, layerName: spec.name, fields: schema.map(\.name), schema: schema,
            ids: areas.map(\.id), thaiNames: names(MapLayer.thaiNameFields),
            englishNames: names(MapLayer.englishNameFields), geometries: areas.map(\.geometry), values: values,
            warnings: [])
    }
}
