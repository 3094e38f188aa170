import Foundation
import GeoPlan

/// `geoplan run` as text: where the outputs are, then a short summary per boundary set.
enum RunText {
    static func render(_ report: RunReport) -> String {
        var lines: [String] = []
        for set in report.boundarySets {
            if set.upToDate {
                lines.append("\(set.name): up to date (same spec, options and inputs), skipped")
                continue
            }
            lines.append("\(set.name): \(set.areas.formatted()) areas from \(set.path) (\(set.crs))")
            for (input, operation) in set.operations.sorted(by: { $0.key < $1.key }) {
                lines.append("  \(input) → WGS 84: \(operation.summary)")
            }
            guard !report.checkedOnly else { continue }
            let width = max(12, set.columns.map(\.name.count).max() ?? 0)
            lines.append(
                "  " + "indicator".padding(toLength: width, withPad: " ", startingAt: 0)
                    + "        min       mean        max  nulls")
            for column in set.columns {
                let cells = [column.minimum, column.mean, column.maximum].map { value in
                    value.map { format($0) } ?? "–"
                }.map { $0.leftPadding(toLength: 10) }
                lines.append(
                    "  " + column.name.padding(toLength: width, withPad: " ", startingAt: 0) + " "
                        + cells.joined(separator: " ") + String(column.nulls).leftPadding(toLength: 7))
            }
            for (name, count) in set.counters.sorted(by: { $0.key < $1.key }) where count > 0 {
                lines.append("  \(name): \(count)")
            }
        }
        if report.checkedOnly {
            lines.append("check: the spec and every input are usable; nothing was computed or written")
        } else {
            lines.append("wrote:")
            lines += report.outputs.map { "  \($0)" }
        }
        return lines.joined(separator: "\n")
    }

    /// The last lines of a batch: specs, areas, indicators, time, warnings.
    static func batchSummary(_ reports: [RunReport], failures: Int, seconds: Double) -> String {
        let sets = reports.flatMap(\.boundarySets)
        let skipped = sets.filter(\.upToDate).count
        let areas = sets.map(\.areas).reduce(0, +)
        let columns = sets.map(\.columns.count).reduce(0, +)
        let warnings = reports.map(\.warnings.count).reduce(0, +)
        return "batch: \(reports.count + failures) specs (\(failures) failed), \(sets.count) boundary sets "
            + "(\(skipped) up to date), \(areas.formatted()) areas, \(columns) columns, "
            + "\(seconds.formatted(.number.precision(.fractionLength(1)))) s, \(warnings) warnings"
    }

    private static func format(_ value: Double) -> String {
        let magnitude = abs(value)
        let decimals = magnitude >= 1000 ? 0 : magnitude >= 10 ? 2 : 4
        return value.formatted(.number.precision(.fractionLength(decimals)).grouping(.never))
    }
}

extension String {
    func leftPadding(toLength length: Int) -> String {
        count >= length ? self : String(repeating: " ", count: length - count) + self
    }
}
