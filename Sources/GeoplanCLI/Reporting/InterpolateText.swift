import Foundation
import GeoPlan

/// `geoplan interpolate`'s conservation account, for a planner to check before using the numbers.
enum InterpolateText {
    static func summary(_ summary: InterpolationSummary, column: String) -> String {
        var lines = [
            "\(column) (\(summary.kind)): \(summary.sources) source zones (\(summary.sourcesWithoutValue) "
                + "without a value in the table), \(summary.areas) areas (\(summary.areasWithoutValue) "
                + "overlapped by no source with a value)"
        ]
        if let total = summary.sourcesTotal, let carried = summary.carried, let outside = summary.outside {
            let share = { (part: Double) in total == 0 ? "" : "  (" + percent(part / total) + ")" }
            let rows = [
                ("sources' total", total, ""), ("carried to the areas", carried, share(carried)),
                ("outside every area", outside, share(outside) + "  reported, not re-allocated"),
            ]
            let width = rows.map { amount($0.1).count }.max() ?? 0
            for (label, value, note) in rows {
                let padded = String(repeating: " ", count: width - amount(value).count) + amount(value)
                lines.append("  " + label.padding(toLength: 22, withPad: " ", startingAt: 0) + padded + note)
            }
        }
        let named = summary.splitByArea > 0 ? " (named in the warnings)" : ""
        lines.append(
            "  split by area for want of weight: \(summary.splitByArea) source zone"
                + (summary.splitByArea == 1 ? "" : "s") + named)
        return lines.joined(separator: "\n")
    }

    private static func amount(_ value: Double) -> String {
        value.formatted(.number.precision(.fractionLength(0...2)))
    }

    private static func percent(_ fraction: Double) -> String {
        (fraction * 100).formatted(.number.precision(.fractionLength(0...2))) + " %"
    }
}
