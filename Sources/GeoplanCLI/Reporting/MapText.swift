import Foundation
import GeoPlan

/// `geoplan map`'s report for a person: the classes, the simplification, the files.
enum MapText {
    static func render(_ result: MapReport, tiles: VectorTiles.Report?) -> String {
        let legend = result.legend
        var lines = [
            "\(result.features) areas, \(result.indicator) by \(legend.method): \(legend.classesMade) classes"
                + (legend.classesMade != legend.classesAsked ? " (\(legend.classesAsked) asked)" : "")
                + ", palette \(legend.palette)"
        ]
        for entry in legend.classes {
            lines.append("  \(entry.label): \(entry.count) (\(entry.color))")
        }
        if legend.nullCount > 0 { lines.append("  \(legend.nullLabel): \(legend.nullCount) (\(legend.nullColor))") }
        if let simplified = result.simplification {
            var line =
                "borders simplified (\(simplified.method.rawValue), \(Int(simplified.thresholdMetres)) m): "
                + "\(simplified.featureVerticesBefore) → \(simplified.featureVerticesAfter) vertices, "
                + "\(simplified.sharedArcs) shared borders kept shared"
            if let change = simplified.largestAreaChange {
                line += String(format: ", largest area change %.3f %% (%@)", change.relative * 100, change.id)
            }
            lines.append(line)
        }
        lines.append("wrote:")
        lines += result.outputs.map { "  \($0)" }
        if let tiles {
            lines.append(
                "tiles: \(tiles.features) areas, zoom \(tiles.minZoom)–\(tiles.maxZoom)"
                    + (tiles.tiles.map { ", \($0) tiles" } ?? ""))
        }
        return lines.joined(separator: "\n")
    }
}
