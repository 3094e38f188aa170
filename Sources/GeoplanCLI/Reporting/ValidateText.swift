import Foundation
import GeoPlan

/// `geoplan validate` as text: one line per problem, then the counts.
enum ValidateText {
    static func render(_ report: ValidationReport) -> String {
        var lines: [String] = []
        for finding in report.findings {
            var line = "feature \(finding.featureID.map(String.init) ?? "?")"
            if let key = finding.key, let field = report.keyField { line += " (\(field) \(key))" }
            line += ": \(finding.problem)"
            if let location = finding.location { line += " at \(location)" }
            lines.append(line)
        }
        let summary: String
        if report.findings.isEmpty {
            summary =
                "\(report.path): all \(report.featureCount.formatted()) geometries of layer \"\(report.layer)\" "
                + "are valid"
        } else {
            let counts = report.problemCounts.sorted { $0.value > $1.value }.map { "\($0.value) \($0.key)" }
            summary =
                "\(report.path): \(report.findings.count) of \(report.featureCount.formatted()) geometries of "
                + "layer \"\(report.layer)\" have problems (\(counts.joined(separator: ", ")))"
        }
        lines.append(summary)
        if let repair = report.repair {
            lines.append(
                "wrote \(repair.output): \(repair.featuresWritten.formatted()) features, \(repair.repaired) "
                    + "repaired with MakeValid, \(repair.partsDropped) of them lost non-polygon parts, "
                    + "\(repair.collapsed) collapsed to nothing (written without geometry), "
                    + "\(repair.copiedEmpty) empty or missing copied as they were, "
                    + "\(repair.unrepairable) unreadable copied unchanged")
        }
        return lines.joined(separator: "\n")
    }
}
