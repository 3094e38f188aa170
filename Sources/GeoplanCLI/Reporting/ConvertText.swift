import GeoPlan

/// `geoplan convert` as text.
enum ConvertText {
    static func render(_ report: ConvertReport) -> String {
        var lines = [
            "wrote \(report.output) (\(report.format)): \(report.featuresWritten.formatted()) features from "
                + "\(report.input), layer \"\(report.layer)\""
        ]
        if let source = report.sourceCRS, let target = report.targetCRS, source != target {
            lines.append("  crs: \(source) → \(target)")
        } else if let target = report.targetCRS {
            lines.append("  crs: \(target)")
        }
        if let operation = report.operation {
            lines.append("  operation: \(operation.summary)")
        }
        lines.append("  encoding: \(report.encoding)")
        return lines.joined(separator: "\n")
    }
}
