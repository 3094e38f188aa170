import Foundation
import GDAL
import GEOS

/// The areas a map draws: each feature's polygon in WGS 84 lon/lat, its id and names, and every attribute — read
/// from any vector file (a run's GeoJSON output, a GeoPackage, a Shapefile with Thai text) in any CRS.
///
/// Not `Sendable`: the geometries belong to one GEOS context.
public final class MapLayer {
    public let path: String
    public let layerName: String
    public let fields: [String]
    /// The fields' types, for writing the classified layer with the same schema.
    public let schema: [FieldDefinition]
    public let ids: [String]
    /// A Thai and an English name per feature, when the layer has name fields (`ADM3_TH`, `NAME_TH`…).
    public let thaiNames: [String?]
    public let englishNames: [String?]
    public let geometries: [Geometry]
    /// Per feature, its attribute values in `fields` order.
    public let values: [[FieldValue]]
    public let warnings: [String]

    /// Name fields tried in order when none is named: COD-AB's from the finest level, then common ones.
    static let thaiNameFields = ["ADM3_TH", "ADM2_TH", "ADM1_TH", "NAME_TH", "lg_NAME_TH", "name_th"]
    static let englishNameFields = ["ADM3_EN", "ADM2_EN", "ADM1_EN", "NAME_EN", "lg_NAME_EN", "name_en", "NAME"]

    public static func load(
        _ path: String, options: InputOptions = InputOptions(), idField: String? = nil,
        thaiName: String? = nil, englishName: String? = nil,
        context: GEOSContext
    ) throws -> MapLayer {
        let source = try VectorSource.open(path, options: options)
        let layer = source.layer
        let fields = layer.schema.names
        let crs = try LayerCRS.require(layer, assume: options.assumeCRS, purpose: "draw it on a map")
        let toLonLat = try LonLatConverter(
            from: crs.spatialReference, near: layer.extent(force: false),
            domain: options.lonLatDomain)
        let id = try idField.map { try KeyField.resolve($0, in: layer) } ?? KeyField.resolve(nil, in: layer)
        func nameField(_ asked: String?, _ candidates: [String]) throws -> String? {
            if let asked {
                guard fields.contains(asked) else {
                    throw GDALError.noSuchField(layer: layer.name, name: asked, available: fields)
                }
                return asked
            }
            return candidates.first(where: fields.contains)
        }
        let thai = try nameField(thaiName, thaiNameFields)
        let english = try nameField(englishName, englishNameFields)
        var ids: [String] = []
        var thaiNames: [String?] = []
        var englishNames: [String?] = []
        var geometries: [Geometry] = []
        var values: [[FieldValue]] = []
        var skipped = 0
        try layer.forEachFeature { feature in
            guard let ogr = feature.geometry, !ogr.isEmpty, ogr.type.isPolygonal else {
                skipped += 1
                return
            }
            var geometry = try toLonLat.convert(ogr, context: context, location: feature.location)
            if try !geometry.isValid {
                geometry = try geometry.makeValid().polygonalPart()
            }
            let row = try feature.values()
            ids.append(
                id.flatMap { KeyField.value(of: $0, in: feature) } ?? feature.id.map(String.init) ?? "\(ids.count)")
            thaiNames.append(thai.flatMap { KeyField.value(of: $0, in: feature) })
            englishNames.append(english.flatMap { KeyField.value(of: $0, in: feature) })
            geometries.append(geometry)
            values.append(row)
        }
        guard !geometries.isEmpty else {
            throw GeoPlanError.input(path: path, reason: "layer \"\(layer.name)\" has no polygons to draw")
        }
        var warnings = source.encoding.warnings
        if skipped > 0 { warnings.append("\(path): \(skipped) features without a polygon are not drawn") }
        if let shifted = toLonLat.shifts.warning(path: path) { warnings.append(shifted) }
        return MapLayer(
            path: path, layerName: layer.name, fields: fields, schema: layer.schema.fields, ids: ids,
            thaiNames: thaiNames,
            englishNames: englishNames, geometries: geometries, values: values, warnings: warnings)
    }

    init(
        path: String, layerName: String, fields: [String], schema: [FieldDefinition], ids: [String],
        thaiNames: [String?],
        englishNames: [String?], geometries: [Geometry], values: [[FieldValue]], warnings: [String]
    ) {
        self.path = path
        self.layerName = layerName
        self.fields = fields
        self.schema = schema
        self.ids = ids
        self.thaiNames = thaiNames
        self.englishNames = englishNames
        self.geometries = geometries
        self.values = values
        self.warnings = warnings
    }

    /// A property's values as numbers (nil: null or missing). Text that reads as a number counts (CSV, GeoJSON
    /// written by other tools).
    /// - Throws: when the property does not exist (with the closest name), holds text that is not a number
    ///   (naming the feature and the value), or has no value at all.
    public func numbers(of property: String) throws -> [Double?] {
        guard let column = fields.firstIndex(of: property) else {
            throw GDALError.noSuchField(layer: layerName, name: property, available: fields)
        }
        let numbers = try values.enumerated().map { feature, row -> Double? in
            let value = row[column]
            if value.isMissing { return nil }
            if let number = value.number { return number.isFinite ? number : nil }
            guard let text = value.text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
            guard let number = Double(text.replacingOccurrences(of: ",", with: "")) else {
                throw GeoPlanError.input(
                    path: path,
                    reason: "\"\(property)\" is not numeric: feature \(ids[feature]) "
                        + "has \"\(text)\"; choose a numeric property to map")
            }
            return number.isFinite ? number : nil
        }
        guard numbers.contains(where: { $0 != nil }) else {
            throw GeoPlanError.input(
                path: path,
                reason: "\"\(property)\" has no value in any of the \(ids.count) "
                    + "features (all null); nothing to classify")
        }
        return numbers
    }
}
