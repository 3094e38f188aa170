/// A run described by a planner: boundary sets, input layers and tables, and the indicators to compute.
///
/// Parsed from YAML by `SpecParser`; every element keeps where it was written (`SourceLocation`) so that
/// errors found later (a missing file, a field that does not exist) can point at the spec's line.
public struct Spec: Hashable, Sendable {
    public var boundaries: [BoundarySpec]
    public var inputs: [InputSpec]
    public var indicators: [IndicatorSpec]
    public var output: OutputSpec
    /// The spec file; relative paths inside it are resolved against its folder.
    public var path: String?

    public init(boundaries: [BoundarySpec], inputs: [InputSpec] = [], indicators: [IndicatorSpec],
                output: OutputSpec = OutputSpec(), path: String? = nil) {
        self.boundaries = boundaries
        self.inputs = inputs
        self.indicators = indicators
        self.output = output
        self.path = path
    }

    public func input(named name: String) -> InputSpec? {
        inputs.first { $0.name == name }
    }
}

/// A line and column in the spec file, both counted from 1.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public var description: String { "line \(line), column \(column)" }
}

/// One set of areas (tambons, municipalities…) for which every indicator is computed.
public struct BoundarySpec: Hashable, Sendable {
    /// A short name used in output file names: `tambons`.
    public var name: String
    public var path: String
    public var layer: String?
    /// The field holding each area's unique code: `ADM3_PCODE`.
    public var idField: String
    /// Fields copied to every output row: `[ADM3_TH, ADM3_EN]`.
    public var nameFields: [String]
    public var whereClause: String?
    public var assumeCRS: String?
    public var encoding: String?
    /// Shift features lying wholly beyond ±180° by 360° instead of refusing them (`wrap_longitudes: true`).
    public var wrapLongitudes = false
    /// Municipalities splitting these tambons into the units that govern; every indicator is then computed per
    /// unit (a municipal piece or an SAO remainder).
    public var municipalities: MunicipalitySpec?
    /// Levels to roll the values up to, each written with dissolved boundaries as `<name>-<level>.<ext>`.
    public var levels: [LevelSpec]
    public var location: SourceLocation?

    public init(name: String, path: String, layer: String? = nil, idField: String, nameFields: [String] = [],
                whereClause: String? = nil, assumeCRS: String? = nil, encoding: String? = nil,
                municipalities: MunicipalitySpec? = nil, levels: [LevelSpec] = [], location: SourceLocation? = nil) {
        self.name = name
        self.path = path
        self.layer = layer
        self.idField = idField
        self.nameFields = nameFields
        self.whereClause = whereClause
        self.assumeCRS = assumeCRS
        self.encoding = encoding
        self.municipalities = municipalities
        self.levels = levels
        self.location = location
    }
}

/// What an input holds.
public enum InputKind: String, Hashable, Sendable, CaseIterable {
    case points, lines, polygons, table, raster
}

/// A named input: a layer of points, lines or polygons, or a table keyed by an area code.
public struct InputSpec: Hashable, Sendable {
    public var name: String
    public var kind: InputKind
    public var path: String
    public var layer: String?
    public var whereClause: String?
    public var assumeCRS: String?
    public var encoding: String?
    /// Shift features lying wholly beyond ±180° by 360° instead of refusing them (`wrap_longitudes: true`).
    public var wrapLongitudes = false
    /// For tables: the column holding the area code (`tambon_code`).
    public var codeField: String?
    public var location: SourceLocation?

    public init(name: String, kind: InputKind, path: String, layer: String? = nil, whereClause: String? = nil,
                assumeCRS: String? = nil, encoding: String? = nil, codeField: String? = nil,
                location: SourceLocation? = nil) {
        self.name = name
        self.kind = kind
        self.path = path
        self.layer = layer
        self.whereClause = whereClause
        self.assumeCRS = assumeCRS
        self.encoding = encoding
        self.codeField = codeField
        self.location = location
    }
}

/// How area codes are compared between a table and the boundaries.
public enum CodeNormalization: String, Hashable, Sendable, CaseIterable {
    /// Exactly as written.
    case exact
    /// Thai administrative codes: `TH830101`, `830101` and `0830101` are the same tambon (prefix `TH` and
    /// leading zeros dropped, case and surrounding spaces ignored).
    case thai
}

/// What an indicator computes, with its parameters: one of the types in `Indicators/` (`.count(input: "schools")`).
public typealias IndicatorKind = any IndicatorType

/// Labels for people, in Thai and English.
public struct Label: Hashable, Sendable {
    public var thai: String?
    public var english: String?

    public init(thai: String? = nil, english: String? = nil) {
        self.thai = thai
        self.english = english
    }
}

/// One indicator of the spec.
public struct IndicatorSpec: Hashable, Sendable {
    /// The property name in outputs: letters, digits and `_`, starting with a letter.
    public var id: String
    /// Its type and the type's parameters.
    public var kind: IndicatorKind {
        get { anyKind.value }
        set { anyKind = AnyIndicatorType(value: newValue) }
    }
    private var anyKind: AnyIndicatorType
    public var label: Label?
    /// A unit to document next to the value (`km2`, `per 10,000 people`).
    public var unit: String?
    public var measure: MeasureMode
    /// How the values roll up (`kind:`), when the spec says; see `RollUpRule` for each type's own.
    public var valueKind: ValueKind?
    /// For intensive values: the indicator whose values weight the average (`weight: population`); nil: area.
    public var weight: String?
    /// Draw it as a choropleth with the outputs (`map: true`).
    public var map: MapSpec?
    public var location: SourceLocation?

    public init(id: String, kind: IndicatorKind, label: Label? = nil, unit: String? = nil,
                measure: MeasureMode = .geodesic, valueKind: ValueKind? = nil, weight: String? = nil,
                map: MapSpec? = nil, location: SourceLocation? = nil) {
        self.id = id
        anyKind = AnyIndicatorType(value: kind)
        self.label = label
        self.unit = unit
        self.measure = measure
        self.valueKind = valueKind
        self.weight = weight
        self.map = map
        self.location = location
    }
}

/// Where outputs go.
public struct OutputSpec: Hashable, Sendable {
    /// Folder for outputs (relative to the spec); each boundary set writes `<folder>/<name>.<ext>`.
    public var folder: String
    public var formats: [OutputFormat]
    /// Decimals of GeoJSON coordinates.
    public var precision: Int
    /// Write a byte-order mark in CSV files, for Excel.
    public var csvBOM: Bool
    /// Write CSV text cells as they are, even those a spreadsheet would run as formulas (`SpreadsheetText`).
    public var csvRaw = false
    /// Write each area's geometry (GeoJSON features then have `"geometry": null` without it; CSV never has one).
    public var includeGeometry: Bool

    public init(folder: String = "out", formats: [OutputFormat] = [.geoJSON, .csv, .geoPackage], precision: Int = 7,
                csvBOM: Bool = false, includeGeometry: Bool = true) {
        self.folder = folder
        self.formats = formats
        self.precision = precision
        self.csvBOM = csvBOM
        self.includeGeometry = includeGeometry
    }
}
