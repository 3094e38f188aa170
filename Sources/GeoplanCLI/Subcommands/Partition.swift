import ArgumentParser
import Foundation
import GeoPlan

/// `geoplan partition`: the units that govern — municipal pieces and SAO remainders — from tambons and
/// municipalities, with a crosswalk.
struct PartitionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "partition",
        abstract: "Split tambons by municipalities into the units that govern: municipal pieces and SAO remainders.",
        discussion: """
            Every municipal piece (tambon ∩ municipality) and every remainder (tambon minus all municipalities, \
            the area its SAO governs) becomes a unit carrying both codes. Municipal borders within --snap-metres \
            of a tambon border are snapped to it, so files from different agencies make no slivers; pieces \
            smaller than --min-piece-m2 are merged into a neighbour of the same tambon or kept, and always \
            listed. Layers in another CRS are transformed to WGS 84 lon/lat first, and the report names each \
            layer's CRS and the operation used. The run checks that units do not overlap, cover the tambons and \
            are valid, and says so.
            Writes the units (a polygon layer "units") and <units>-crosswalk.csv (tambon code, local \
            government code, area in km² and rai, share of the tambon, share of the local government).

            With --compare, the two files are two versions of a municipality layer (OLD NEW): each code created, \
            removed or changed is listed with the ground it gained and lost, so indicator series stay comparable.

            Examples:
              geoplan partition shapes/tambons/nonthaburi/nonthaburi.shp shapes/municipalities/nonthaburi.gpkg \\
                  --out /tmp/nonthaburi-units.gpkg
              geoplan partition --compare shapes/municipalities/nonthaburi.gpkg \\
                  shapes/municipalities/nonthaburi-2025.gpkg
              geoplan partition tambons.shp municipalities.gpkg --municipality-id CODE --type-field TYPE \\
                  --snap-metres 2 --out units.gpkg --json
            """)

    @Argument(help: ArgumentHelp("The tambons (with --compare: the old municipalities).", valueName: "tambons"))
    var tambons: String

    @Argument(
        help: ArgumentHelp(
            "The municipalities (polygons with a code and a type: city, town, subdistrict); "
                + "with --compare: the new version.", valueName: "municipalities"))
    var municipalities: String

    @Option(name: .long, help: ArgumentHelp("Write the units here (.gpkg, .geojson, .fgb, .shp).", valueName: "file"))
    var out: String?

    @Flag(name: .long, help: "Compare two versions of a municipality layer instead (OLD NEW).")
    var compare = false

    @Option(name: .long, help: ArgumentHelp("Tambon code field (default ADM3_PCODE).", valueName: "field"))
    var tambonId = "ADM3_PCODE"

    @Option(name: .long, help: ArgumentHelp("Municipality code field (default LG_CODE).", valueName: "field"))
    var municipalityId = "LG_CODE"

    @Option(name: .long, help: ArgumentHelp("Municipality type field (default LG_TYPE).", valueName: "field"))
    var typeField = "LG_TYPE"

    @Option(name: .long, help: ArgumentHelp("Snapping tolerance in metres (default 5).", valueName: "metres"))
    var snapMetres: Double = 5

    @Option(name: .long, help: ArgumentHelp("Smallest piece kept as it is, m² (default 100).", valueName: "m2"))
    var minPieceM2: Double = 100

    @Flag(name: .long, help: "Replace the outputs if they exist.")
    var overwrite = false

    @Flag(
        name: .long,
        help: ArgumentHelp(
            "Write CSV text cells as they are, even those a spreadsheet would run as formulas (=, +, -, @ first)."))
    var csvRaw = false

    @Flag(name: .long, help: "When another geoplan is writing in the output folder, wait for it instead of failing.")
    var wait = false

    @OptionGroup var report: ReportArguments

    func validate() throws {
        guard compare || out != nil else { throw ValidationError("--out is required (where to write the units)") }
        guard snapMetres >= 0, snapMetres.isFinite else { throw ValidationError("--snap-metres must be 0 or more") }
        guard minPieceM2 >= 0, minPieceM2.isFinite else { throw ValidationError("--min-piece-m2 must be 0 or more") }
    }

    func run() throws {
        guard let out, !compare else { return try runComparison() }
        var request = GovernanceOutput.Request(
            tambons: BoundarySpec(name: "tambons", path: tambons, idField: tambonId),
            municipalities: BoundarySpec(
                name: "municipalities", path: municipalities, idField: municipalityId,
                nameFields: [typeField]),
            options: GovernanceOptions(snapToleranceMetres: snapMetres, minimumPieceSquareMetres: minPieceM2),
            units: out, overwrite: overwrite, wait: wait)
        request.csvRaw = csvRaw
        let progress = report.progressLine("partition")
        let outcome = try GovernanceOutput.run(request) { progress.update(governance: $0) }
        progress.finish()
        if !report.quiet { outcome.warnings.forEach(Console.warn) }
        if report.json {
            try Console.printJSON(outcome)
        } else {
            Console.print(Self.text(outcome))
        }
    }

    private func runComparison() throws {
        let comparison = try BoundaryComparison.compare(
            oldPath: tambons, newPath: municipalities,
            idField: municipalityId, toleranceSquareMetres: minPieceM2)
        if report.json {
            try Console.printJSON(comparison)
            return
        }
        let changed = comparison.changes.filter { $0.status != .unchanged }
        var lines = [
            "\(comparison.changes.count) codes: \(changed.count) created, removed or changed "
                + "(more than \(comparison.toleranceSquareMetres.formatted()) m² gained or lost)"
        ]
        for change in changed {
            let sizes = [change.oldSquareKilometres, change.newSquareKilometres]
                .map { $0.map { String(format: "%.4f", $0) } ?? "–" }.joined(separator: " → ")
            lines.append(
                "  \(change.code) \(change.status.rawValue): \(sizes) km², gained "
                    + String(format: "%.4f", change.gainedSquareKilometres) + " km², lost "
                    + String(format: "%.4f", change.lostSquareKilometres) + " km²")
        }
        Console.print(lines.joined(separator: "\n"))
    }

    static func text(_ outcome: GovernanceOutput.Outcome) -> String {
        let report = outcome.report
        var lines = ["\(report.tambons) tambons, \(report.municipalities) municipalities → \(report.units) units:"]
        for (kind, count) in outcome.unitsByKind.sorted(by: { $0.key < $1.key }) { lines.append("  \(kind): \(count)") }
        lines += outcome.crs.lines
        lines.append(
            "snapped to tambon borders within \(report.options.snapToleranceMetres) m: "
                + "\(report.snappedMunicipalities.count) municipalities")
        lines += report.findings
        lines.append("checked: " + report.guaranteesLine)
        lines.append("wrote:")
        lines += outcome.outputs.map { "  \($0)" }
        return lines.joined(separator: "\n")
    }
}
