import GeoPlan

/// `geoplan simplify` as text.
enum SimplifyText {
    static func render(_ result: SimplifyFileReport) -> String {
        let report = result.simplification
        let amount =
            report.keepShare.map {
                "keeping \(percent($0)) of removable vertices (tolerance "
                    + "\(metres(report.thresholdMetres)))"
            }
            ?? "tolerance \(metres(report.thresholdMetres))"
        var lines = [
            "wrote \(result.output) (\(result.format), \(result.bytesWritten.formatted()) bytes): "
                + "\(report.features.formatted()) features from \(result.input), layer \"\(result.layer)\"",
            "  method: \(report.method.rawValue), \(amount)",
            "  vertices: \(report.featureVerticesBefore.formatted()) → \(report.featureVerticesAfter.formatted()) "
                + "(\(ratio(report.featureVerticesBefore, report.featureVerticesAfter)) fewer); arcs "
                + "\(report.arcVerticesBefore.formatted()) → \(report.arcVerticesAfter.formatted())",
            "  borders: \(report.arcs.formatted()) arcs, \(report.sharedArcs.formatted()) shared by two rings",
        ]
        if let change = report.largestAreaChange {
            lines.append(
                "  largest area change: \(change.id), \(percent(change.relative)) "
                    + "(\(hectares(change.beforeSquareMetres)) → \(hectares(change.afterSquareMetres)))")
        }
        var repairs: [String] = []
        if report.ringsHeldAtMinimum > 0 { repairs.append("\(report.ringsHeldAtMinimum) rings held at a triangle") }
        if report.verticesRestoredAtCrossings > 0 {
            repairs.append("\(report.verticesRestoredAtCrossings) vertices put back at crossings")
        }
        if report.verticesRestoredForValidity > 0 {
            repairs.append("\(report.verticesRestoredForValidity) vertices put back for validity")
        }
        if report.madeValid > 0 { repairs.append("\(report.madeValid) features repaired with MakeValid") }
        if result.repairedOnLoading > 0 { repairs.append("\(result.repairedOnLoading) invalid inputs repaired first") }
        lines.append("  repairs: " + (repairs.isEmpty ? "none needed" : repairs.joined(separator: "; ")))
        return lines.joined(separator: "\n")
    }

    private static func percent(_ share: Double) -> String {
        let value = share * 100
        return value >= 1
            ? "\(value.formatted(.number.precision(.fractionLength(1))))%"
            : "\(value.formatted(.number.precision(.significantDigits(2))))%"
    }

    private static func metres(_ value: Double) -> String {
        "\(value.formatted(.number.precision(.significantDigits(1...4)))) m"
    }

    private static func hectares(_ squareMetres: Double) -> String {
        "\((squareMetres / 10_000).formatted(.number.precision(.fractionLength(2)))) ha"
    }

    private static func ratio(_ before: Int, _ after: Int) -> String {
        guard after > 0 else { return "all" }
        return "\((Double(before) / Double(after)).formatted(.number.precision(.fractionLength(1))))×"
    }
}
