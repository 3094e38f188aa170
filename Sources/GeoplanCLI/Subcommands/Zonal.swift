import ArgumentParser
import Foundation
import GeoPlan

/// `geoplan zonal`: statistics of a raster under each boundary.
struct ZonalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "zonal",
        abstract: "Statistics of a raster's pixels under each boundary, each pixel counted by the fraction covered.",
        discussion: """
            Statistics: \(ZonalStatistic.names).
            Columns are <raster>_<statistic> plus <raster>_covered_fraction (the share of the area with data).

            Examples:
              geoplan zonal shapes/tambons/phuket/phuket.shp worldpop.tif --stats sum,mean
              geoplan zonal tambons.shp landcover.tif --stats fraction,majority --classes 10,20,30,40 --out lc.csv
              geoplan zonal tambons.shp nightlights.tif --stats weighted_mean --weights worldpop.tif
            """)

    @Argument(help: ArgumentHelp("The boundaries.", valueName: "boundaries"))
    var boundaries: String

    @Argument(help: ArgumentHelp("The raster (any GDAL-readable raster, any CRS).", valueName: "raster"))
    var raster: String

    @Option(name: .long, help: ArgumentHelp("Statistics, comma-separated.", valueName: "list"))
    var stats: String

    @Option(name: .long, help: ArgumentHelp("Band number (default 1).", valueName: "n"))
    var band: Int = 1

    @Option(name: .long, help: ArgumentHelp("Pixel values for fraction and area, comma-separated.", valueName: "list"))
    var classes: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "exact (covered fraction, default) or centre (pixel centre inside).",
            valueName: "rule"))
    var coverage: String = "exact"

    @Option(
        name: .long,
        help: ArgumentHelp(
            "A raster on the same grid weighting the weighted_* statistics.",
            valueName: "raster"))
    var weights: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Unit of the area statistic: km2, ha, m2 or rai (default km2).",
            valueName: "unit"))
    var unit: String = "km2"

    @OptionGroup var common: OneOffArguments
    @OptionGroup var report: ReportArguments

    private var statistics: [ZonalStatistic] {
        stats.split(separator: ",").compactMap { ZonalStatistic(name: $0.trimmingCharacters(in: .whitespaces)) }
    }

    private var classValues: [Double] {
        (classes ?? "").split(separator: ",").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
    }

    func validate() throws {
        let names = stats.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        if let unknown = names.first(where: { ZonalStatistic(name: $0) == nil }) {
            throw ValidationError("unknown statistic \"\(unknown)\"; statistics: \(ZonalStatistic.names)")
        }
        guard band >= 1 else { throw ValidationError("--band counts from 1") }
        guard CoverageRule(rawValue: coverage == "center" ? "centre" : coverage) != nil else {
            throw ValidationError("--coverage must be exact or centre")
        }
        guard AreaUnit(parsing: unit) != nil else { throw ValidationError("--unit must be km2, ha, m2 or rai") }
        if let classes, classValues.count != classes.split(separator: ",").count {
            throw ValidationError("--classes takes numbers, comma-separated, such as 10,20,30")
        }
        if statistics.contains(where: \.isPerClass), classValues.isEmpty {
            throw ValidationError("fraction and area need --classes, the pixel values to report on")
        }
        let weighted = statistics.contains(where: \.isWeighted)
        if weighted != (weights != nil) {
            throw ValidationError(
                weighted
                    ? "weighted statistics need --weights RASTER"
                    : "--weights is only used by weighted_sum, weighted_mean and weighted_stdev")
        }
    }

    func run() throws {
        let request = ZonalRequest(
            input: "input", bands: [band], statistics: statistics, classes: classValues,
            coverage: CoverageRule(rawValue: coverage == "center" ? "centre" : coverage) ?? .exact,
            weights: weights == nil ? nil : "weights", areaUnit: AreaUnit(parsing: unit) ?? .squareKilometres)
        let stem = URL(fileURLWithPath: raster).deletingPathExtension().lastPathComponent
        let safe = String(stem.lowercased().map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "_" })
        let id = safe.first?.isLetter == true ? safe : "raster_\(safe)"
        try common.run(
            boundaries: boundaries, input: (.raster, raster),
            moreInputs: weights.map { [InputSpec(name: "weights", kind: .raster, path: $0)] } ?? [],
            indicator: .zonal(request), indicatorID: id, report: report)
    }
}
