import ArgumentParser
import GeoPlan

/// `geoplan simplify`: a polygon layer simplified for the web with neighbours' shared borders kept shared.
struct Simplify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Simplify polygons for web maps, keeping shared borders shared (GeoJSON or TopoJSON).",
        discussion: """
            Builds the borders neighbours share (arcs, as TopoJSON and mapshaper do), simplifies each once, so no \
            gap or overlap opens between tambons, keeps every ring at least a triangle (small tambons and islands \
            survive), puts back vertices where a simplified border would cross another or a polygon turn invalid, \
            and reports vertices before and after and the largest change of any feature's geodesic area.

            Borders are shared where neighbours share the same vertices (as the shipped tambons do); where they \
            were digitised separately, each side is simplified on its own and small gaps or overlaps can appear.

            --tolerance is in metres (20m, 0.5km): Douglas–Peucker drops vertices closer than that to the line \
            kept; Visvalingam (default, plain effective area) drops those whose triangle is smaller than \
            tolerance². --keep 10% keeps that share of the removable vertices over all borders instead. Default: \
            --tolerance 30m (under a pixel at zoom 12: 37 m at 13° N).

            The output is GeoJSON (RFC 7946, 6 decimals: about 11 cm) with every field kept, or TopoJSON for a \
            .topojson file or with --topojson (arcs quantised on a 100000-step grid by default). It is written \
            beside its final place and renamed in when complete.

            Examples:
              geoplan simplify shapes/tambons/phuket/phuket.shp phuket-web.geojson
              geoplan simplify tambons.shp tambons.topojson --keep 10%
              geoplan simplify tambons.gpkg web.geojson --tolerance 50m \\
                  --method douglas-peucker --json
            """)

    @Argument(help: ArgumentHelp("The polygon layer to read.", valueName: "input"))
    var inputPath: String

    @Argument(help: ArgumentHelp("The file to write: .geojson, or .topojson.", valueName: "output"))
    var outputPath: String

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Remove detail within this distance, e.g. 20m or 0.5km.",
            valueName: "distance"))
    var tolerance: String?

    @Option(name: .long, help: ArgumentHelp("Keep this share of removable vertices, e.g. 10%.", valueName: "share"))
    var keep: String?

    @Option(name: .long, help: ArgumentHelp("visvalingam (default) or douglas-peucker.", valueName: "method"))
    var method: SimplificationMethod = .visvalingam

    @Flag(name: .long, help: "Write TopoJSON whatever the extension.")
    var topojson = false

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Field giving each feature's id (default: ADM3_PCODE or another code "
                + "field, else the feature id).", valueName: "field"))
    var idField: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Decimals of GeoJSON coordinates (default 6, about 11 cm).",
            valueName: "n"))
    var precision: Int = 6

    @Option(
        name: .long,
        help: ArgumentHelp(
            "TopoJSON grid steps across the data, at least (default 100000; finer "
                + "where a polygon would otherwise become invalid or vanish).",
            valueName: "steps"))
    var quantization: Int = 100_000

    @Flag(name: .long, help: "Replace the output if it exists.")
    var overwrite = false

    @Flag(name: .long, help: "When another geoplan is writing in the output folder, wait for it instead of failing.")
    var wait = false

    @OptionGroup var input: InputArguments
    @OptionGroup var report: ReportArguments

    func validate() throws {
        _ = try amount()
        guard (0...15).contains(precision) else {
            throw ValidationError("--precision must be between 0 and 15 decimals, not \(precision)")
        }
        guard quantization >= 2 else { throw ValidationError("--quantization must be at least 2, not \(quantization)") }
    }

    func run() throws {
        let request = SimplifyRequest(
            input: inputPath, inputOptions: input.inputOptions, output: outputPath,
            simplification: SimplificationOptions(method: method, amount: try amount()),
            topoJSON: topojson, idField: idField, precision: precision,
            quantization: quantization, overwrite: overwrite, wait: wait)
        let result = try FileSimplifier.simplify(request)
        if report.json {
            try Console.printJSON(result)
        } else {
            Console.print(SimplifyText.render(result))
        }
        if !report.quiet {
            for warning in result.warnings { Console.warn(warning) }
        }
    }

    /// The amount from --tolerance or --keep (one of them; 20 m when neither).
    private func amount() throws -> SimplificationAmount {
        switch (tolerance, keep) {
        case (.some, .some):
            throw ValidationError("give --tolerance or --keep, not both")
        case let (.some(text), nil):
            guard let metres = Self.metres(text), metres >= 0 else {
                throw ValidationError("--tolerance must be a distance such as 20m or 0.5km, not \"\(text)\"")
            }
            return .tolerance(metres: metres)
        case let (nil, .some(text)):
            guard let share = Self.share(text) else {
                throw ValidationError("--keep must be a share between 0% and 100% (e.g. 10%), not \"\(text)\"")
            }
            return .keep(share: share)
        case (nil, nil):
            return .tolerance(metres: 30)
        }
    }

    /// `20m`, `20`, `0.5km` in metres.
    static func metres(_ text: String) -> Double? {
        let lower = text.lowercased().trimmingCharacters(in: .whitespaces)
        if lower.hasSuffix("km") { return Double(lower.dropLast(2)).map { $0 * 1000 } }
        if lower.hasSuffix("m") { return Double(lower.dropLast()) }
        return Double(lower)
    }

    /// `10%` or `0.1` as 0.1; nil outside 0…1.
    static func share(_ text: String) -> Double? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let value = trimmed.hasSuffix("%") ? Double(trimmed.dropLast()).map { $0 / 100 } : Double(trimmed)
        guard let value, (0...1).contains(value) else { return nil }
        return value
    }
}

extension SimplificationMethod: ExpressibleByArgument {}
