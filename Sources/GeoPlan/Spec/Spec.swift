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

    public init(
        boundaries: [BoundarySpec], inputs: [InputSpec] = [], indicators: [IndicatorSpec],
        output: OutputSpec = OutputSpec(), path: String? = nil
    ) {
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

    public init(
        folder: String = "out", formats: [OutputFormat] = [.geoJSON, .csv, .geoPackage], precision: Int = 7,
        csvBOM: Bool = false, includeGeometry: Bool = true
    ) {
        self.folder = folder
        self.formats = formats
        self.precision = precision
        self.csvBOM = csvBOM
        self.includeGeometry = includeGeometry
    }
}
