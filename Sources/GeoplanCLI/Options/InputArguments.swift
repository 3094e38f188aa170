import ArgumentParser
import GeoPlan

/// Options every command that reads a vector input shares.
struct InputArguments: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Layer to read (default: the only layer).", valueName: "name"))
    var layer: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Text encoding of the attributes, e.g. CP874 (Thai TIS-620), UTF-8, ISO-8859-1 (default: decided from the file).",
            valueName: "encoding"))
    var encoding: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "CRS to use when the layer declares none, e.g. EPSG:4326 or EPSG:32647.", valueName: "crs"))
    var assumeCRS: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Only features matching this OGR SQL condition, e.g. \"ADM2_EN = 'Kathu'\".", valueName: "condition"))
    var `where`: String?

    @Flag(
        name: .long,
        help: ArgumentHelp(
            "Shift a feature whose longitudes all lie beyond ±180° by 360° into range (said in a warning), instead of "
                + "refusing it. A feature that crosses ±180° is still refused."))
    var wrapLongitudes = false

    var inputOptions: InputOptions {
        InputOptions(
            layer: layer, encoding: encoding, assumeCRS: assumeCRS, whereClause: `where`,
            wrapLongitudes: wrapLongitudes)
    }
}

/// Options shared by commands that print reports.
struct ReportArguments: ParsableArguments {
    @Flag(name: .long, help: "Print machine-readable JSON on stdout.")
    var json = false

    @Flag(name: [.short, .long], help: "No progress or warnings on stderr (errors are still printed).")
    var quiet = false

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Progress on stderr: auto (a line when stderr is a terminal), json (one JSON object per line, for apps "
                + "that call geoplan), none.", valueName: "mode"))
    var progress: ProgressMode = .auto

    /// The progress reporter these options ask for.
    func progressLine(_ label: String) -> ProgressLine {
        ProgressLine(label: label, quiet: quiet, mode: progress)
    }
}

/// How progress is shown.
enum ProgressMode: String, ExpressibleByArgument, CaseIterable {
    case auto, json, none
}

/// The field that names features in reports.
struct KeyArguments: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Field that names features in the report (default: ADM3_PCODE or "
                + "another code or name field when present).", valueName: "field"))
    var key: String?
}
