import ArgumentParser
import GeoPlan

/// `geoplan area`: each area's size.
struct AreaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "area",
        abstract: "Geodesic area of each boundary, as a table or a file.",
        discussion: """
            Examples:
              geoplan area shapes/tambons/phuket/phuket.shp --unit rai
              geoplan area shapes/tambons/phuket/phuket.shp --out /tmp/phuket-area.csv
            """)

    @Argument(help: ArgumentHelp("The boundaries.", valueName: "boundaries"))
    var boundaries: String

    @Option(name: .long, help: ArgumentHelp("km2, ha, m2 or rai (default km2).", valueName: "unit"))
    var unit: String = "km2"

    @OptionGroup var common: OneOffArguments
    @OptionGroup var report: ReportArguments

    func validate() throws {
        guard AreaUnit(parsing: unit) != nil else { throw ValidationError("--unit must be km2, ha, m2 or rai") }
    }

    func run() throws {
        try common.run(
            boundaries: boundaries, input: nil, indicator: .area(unit: AreaUnit(parsing: unit) ?? .squareKilometres),
            report: report)
    }
}

/// `geoplan count`: points in each boundary.
struct CountCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "count",
        abstract: "Number of points in each boundary (points on a shared border count once), optionally by class.",
        discussion: """
            Examples:
              geoplan count shapes/tambons/nonthaburi/nonthaburi.shp samples/nonthaburi/facilities.geojson --by kind
              geoplan count tambons.shp schools.gpkg --where "level = 'primary'" --out schools.csv
            """)

    @Argument(help: ArgumentHelp("The boundaries.", valueName: "boundaries"))
    var boundaries: String

    @Argument(help: ArgumentHelp("The points.", valueName: "points"))
    var points: String

    @Option(name: .long, help: ArgumentHelp("Only points matching this OGR SQL condition.", valueName: "condition"))
    var `where`: String?

    @Option(name: .long, help: ArgumentHelp("Count per value of this field too.", valueName: "field"))
    var by: String?

    @OptionGroup var common: OneOffArguments
    @OptionGroup var report: ReportArguments

    func run() throws {
        try common.run(
            boundaries: boundaries, input: (.points, points),
            indicator: .count(input: "input", whereClause: `where`, by: by), report: report)
    }
}

/// `geoplan length`: km of lines in each boundary.
struct LengthCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "length",
        abstract: "Geodesic km of lines inside each boundary (clipped at its border), optionally by class.",
        discussion: """
            Examples:
              geoplan length shapes/tambons/nonthaburi/nonthaburi.shp samples/nonthaburi/roads.geojson --by class
            """)

    @Argument(help: ArgumentHelp("The boundaries.", valueName: "boundaries"))
    var boundaries: String

    @Argument(help: ArgumentHelp("The lines.", valueName: "lines"))
    var lines: String

    @Option(name: .long, help: ArgumentHelp("Only lines matching this OGR SQL condition.", valueName: "condition"))
    var `where`: String?

    @Option(name: .long, help: ArgumentHelp("Length per value of this field too.", valueName: "field"))
    var by: String?

    @OptionGroup var common: OneOffArguments
    @OptionGroup var report: ReportArguments

    func run() throws {
        try common.run(
            boundaries: boundaries, input: (.lines, lines),
            indicator: .length(input: "input", whereClause: `where`, by: by), report: report)
    }
}

/// `geoplan share`: the fraction of each boundary covered by polygons, per class.
struct ShareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "share",
        abstract: "Fraction of each boundary covered by polygons, per class (overlaps counted once).",
        discussion: """
            Examples:
              geoplan share shapes/tambons/nonthaburi/nonthaburi.shp samples/nonthaburi/landuse.geojson --by class
            """)

    @Argument(help: ArgumentHelp("The boundaries.", valueName: "boundaries"))
    var boundaries: String

    @Argument(help: ArgumentHelp("The polygons.", valueName: "polygons"))
    var polygons: String

    @Option(name: .long, help: ArgumentHelp("The class field.", valueName: "field"))
    var by: String

    @Option(name: .long, help: ArgumentHelp("Only polygons matching this OGR SQL condition.", valueName: "condition"))
    var `where`: String?

    @OptionGroup var common: OneOffArguments
    @OptionGroup var report: ReportArguments

    func run() throws {
        try common.run(
            boundaries: boundaries, input: (.polygons, polygons),
            indicator: .share(input: "input", by: by, whereClause: `where`), report: report)
    }
}
