import Foundation

/// Every column of one output table — a boundary set's, or one of its levels' — named once, here, before
/// anything is computed (so `geoplan run --check` finds what a run would trip on):
/// - names are unique ignoring case, as GeoPackage (SQLite) and shapefiles compare them: a name two sources
///   would write is an error naming both, at the spec line of the later one;
/// - the formats' own columns are left free (a GeoPackage's `fid` and `geom`) and their limits kept (2,000
///   columns in a GeoPackage table, 255 fields in a shapefile);
/// - a shapefile gets explicit short names (`ShapefileFieldNames`), which the run records in its `meta.json`.
///
/// Class columns are named by `ColumnName.grouped`; the plan only reports the classes it had to tell apart.
struct ColumnPlan {
    /// Where a column comes from, for messages.
    enum Source {
        case field(String, location: SourceLocation?)
        case indicator(IndicatorSpec, role: String?)
        case format(OutputFormat, role: String)

        var location: SourceLocation? {
            switch self {
            case let .field(_, location): location
            case let .indicator(indicator, _): indicator.location
            case .format: nil
            }
        }

        var isIndicator: Bool {
            if case .indicator = self { true } else { false }
        }
    }

    struct Column {
        let name: String
        let source: Source
    }

    /// The table's stem (`cells`, `cells-district`): outputs are `<table>.<ext>`.
    let table: String
    /// The columns in the order written: the id and name fields, then every indicator's in the spec's order.
    let columns: [Column]
    /// Per indicator id, its column names (a run confirms that the computed ones are the same).
    private let namesByIndicator: [String: [String]]
    /// For a shapefile output: long name → short name of every field.
    let shapefileNames: [String: String]
    /// Classes told apart by a suffix, one line per indicator.
    let notes: [String]

    /// - Parameters:
    ///   - idField, nameFields: the table's own fields, described as `fields` ("boundary set "cells"") at
    ///     `location`; `idRole` says what the id field is to it ("id field", "code column").
    ///   - classes: the classes of each grouped indicator, by id.
    init(
        table: String, idField: String, nameFields: [String], fields: String, idRole: String = "id field",
        location: SourceLocation?, spec: Spec, classes: [String: ClassColumns]
    ) throws {
        self.table = table
        var columns = [Column(name: idField, source: .field("\(fields)'s \(idRole)", location: location))]
        columns += nameFields.map { Column(name: $0, source: .field("\(fields)'s name field", location: location)) }
        var namesByIndicator: [String: [String]] = [:]
        var notes: [String] = []
        var mapColumns: [Column] = []
        for indicator in spec.indicators {
            let planned = indicator.plannedColumns(classes: classes[indicator.id])
            columns += planned.map { Column(name: $0.name, source: .indicator(indicator, role: $0.role)) }
            namesByIndicator[indicator.id] = planned.map(\.name)
            notes += Self.suffixedClasses(of: indicator, planned).map { "\(table): \($0)" }
            // A map's GeoJSON has every column and the class and colour of its indicator's first one.
            if indicator.map != nil, let first = planned.first {
                mapColumns += ["class", "colour"].map { what in
                    Column(name: "\(first.name)_\(what)", source: .indicator(indicator, role: "the map \(what)"))
                }
            }
        }
        let formats = spec.output.formats
        let reserved = Self.reservedColumns(formats, geometry: spec.output.includeGeometry)
        try Self.requireUnique(columns + mapColumns + reserved, specPath: spec.path)
        for format in formats {
            try Self.requireWithinLimit(
                columns, of: format, table: table, geometry: spec.output.includeGeometry,
                specPath: spec.path)
        }
        self.columns = columns
        self.namesByIndicator = namesByIndicator
        self.notes = notes
        shapefileNames = formats.contains(.shapefile) ? ShapefileFieldNames.shortNames(columns.map(\.name)) : [:]
    }

    /// What each field is called in `format`: the short names in a shapefile, the names themselves elsewhere.
    func fieldNames(for format: OutputFormat) -> [String: String] {
        format == .shapefile ? shapefileNames : [:]
    }

    /// After computing: the indicator gave its results the names planned (they come from the same functions;
    /// this keeps them from drifting apart).
    func confirm(_ computed: [IndicatorColumn], of indicator: IndicatorSpec) throws {
        let planned = namesByIndicator[indicator.id] ?? []
        guard computed.map(\.name) == planned else {
            throw GeoPlanError.input(
                path: indicator.id,
                reason: "internal error: the columns computed ("
                    + computed.map(\.name).joined(separator: ", ") + ") are not those planned ("
                    + planned.joined(separator: ", ") + "); please report it")
        }
    }

    // MARK: - Checks

    /// The columns a format adds itself: a GeoPackage's `fid` and `geom`, the GeoJSON writer's feature id field.
    private static func reservedColumns(_ formats: [OutputFormat], geometry: Bool) -> [Column] {
        var reserved: [Column] = []
        if formats.contains(.geoPackage) {
            reserved.append(Column(name: "fid", source: .format(.geoPackage, role: "the GeoPackage's own fid column")))
            if geometry {
                reserved.append(
                    Column(
                        name: "geom",
                        source: .format(
                            .geoPackage,
                            role: "the GeoPackage's geometry column geom")))
            }
        }
        if formats.contains(.geoJSON) {
            reserved.append(
                Column(
                    name: OutputTable.featureIDField,
                    source: .format(.geoJSON, role: "the GeoJSON feature id field")))
        }
        return reserved
    }

    private static func requireUnique(_ columns: [Column], specPath: String?) throws {
        var first: [String: Column] = [:]
        for column in columns {
            let key = ColumnName.key(column.name)
            guard let earlier = first[key] else {
                first[key] = column
                continue
            }
            // At the line of the indicator (or field) that would overwrite the other.
            let location = column.source.location ?? earlier.source.location
            let remedy =
                column.source.isIndicator || earlier.source.isIndicator
                ? "rename the indicator (its id names its columns)" : "rename one of the fields"
            let same = earlier.name == column.name ? "" : " and \"\(earlier.name)\""
            throw SpecError(
                path: location == nil ? nil : specPath, location: location,
                message:
                    "column \"\(column.name)\"\(same) would be written twice (names are compared ignoring case, as "
                    + "GeoPackage and shapefiles do): by \(describe(earlier.source)) and by \(describe(column.source)); "
                    + remedy)
        }
    }

    /// GeoPackage: SQLite's 2,000 columns per table, `fid` and `geom` included. Shapefile: 255 fields; GDAL
    /// writes up to 2,046 (and warns from the 256th) but dBASE III readers, ArcGIS among them, stop at 255.
    private static func requireWithinLimit(
        _ columns: [Column], of format: OutputFormat, table: String,
        geometry: Bool, specPath: String?
    ) throws {
        let (limit, own, what): (Int, Int, String)
        switch format {
        case .geoPackage:
            (limit, own, what) = (
                2_000, geometry ? 2 : 1,
                "a GeoPackage table holds at most 2,000 columns "
                    + "(SQLite's limit), its fid\(geometry ? " and geometry" : "") included"
            )
        case .shapefile:
            (limit, own, what) = (
                255, 0,
                "a shapefile holds at most 255 fields (the dBASE limit most "
                    + "readers keep)"
            )
        case .geoJSON, .csv, .flatGeobuf: return
        }
        guard columns.count + own > limit else { return }
        let crossing = columns[limit - own]
        throw SpecError(
            path: crossing.source.location == nil ? nil : specPath, location: crossing.source.location,
            message: "\(table).\(format.extensions[0]) would have \(grouped(columns.count + own)) columns, from "
                + "\(describe(crossing.source)) on: \(what); split the indicators over several specs, or write "
                + "\(format == .geoPackage ? "csv or fgb" : "gpkg or csv") instead")
    }

    /// `indicator "a" (line 11)`, `the rai-ngan-wa text of indicator "a" (line 11)`, `boundary set "cells"'s
    /// id field (line 2)`.
    private static func describe(_ source: Source) -> String {
        let line = source.location.map { " (line \($0.line))" } ?? ""
        switch source {
        case let .field(what, _): return what + line
        case let .indicator(indicator, role):
            return (role.map { $0 + " of " } ?? "") + "indicator \"\(indicator.id)\"" + line
        case let .format(_, role): return role
        }
    }

    /// The classes of a grouped indicator that needed a suffix to stay apart, in a sentence.
    private static func suffixedClasses(of indicator: IndicatorSpec, _ planned: [PlannedColumn]) -> [String] {
        let classColumns = planned.compactMap { column in column.className.map { (column.name, $0) } }
        let plain = Dictionary(grouping: classColumns) { name, className in
            ColumnName.key(ColumnName.grouped(indicator.id, [className])[0])
        }
        return plain.values.filter { $0.count > 1 }.sorted { $0[0].0 < $1[0].0 }.map { group in
            let name = ColumnName.grouped(indicator.id, [group[0].1])[0]
            return "\(indicator.id): " + group.map { IndicatorSpec.describe($0.1) }.joined(separator: ", ")
                + " would all be named \(name); written as "
                + group.map { "\($0.0) (\(IndicatorSpec.describe($0.1)))" }.joined(separator: ", ")
                + " — the classes sorted, missing ones first; meta.json records each column's class"
        }
    }

    /// 2001 → "2,001".
    private static func grouped(_ number: Int) -> String {
        let digits = Array(String(number))
        return digits.enumerated().map { offset, digit in
            offset > 0 && (digits.count - offset) % 3 == 0 ? ",\(digit)" : String(digit)
        }.joined()
    }
}
