import GeoPlan

/// `geoplan merge` as text.
enum MergeText {
    static func render(_ report: MergeReport) -> String {
        let parts = report.parts.count
        var lines = [
            "wrote \(report.output) (\(report.format)): \(report.rows.formatted()) rows from \(parts) "
                + (parts == 1 ? "part" : "parts")
        ]
        for part in report.parts {
            lines.append("  \(part.index)/\(parts): \(part.path) (\(part.rows.formatted()) rows)")
        }
        lines.append("  provenance: \(report.sidecar)")
        return lines.joined(separator: "\n")
    }
}
