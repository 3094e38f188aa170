import Foundation
import GeoPlan

/// `geoplan measure` as a table or CSV.
enum MeasureText {
    static func table(_ report: MeasureReport, unit: AreaUnit) -> String {
        let keyTitle = report.keyField ?? "key"
        var lines: [String] = []
        if report.kind == .area {
            lines.append(pad(["fid", keyTitle, "area (\(unit.symbol))", "perimeter (km)", "rai-ngan-wa"]))
            for row in report.features {
                lines.append(
                    pad([
                        row.featureID.map(String.init) ?? "", row.key ?? "",
                        row.areaSquareMetres.map { format(unit.value(ofSquareMetres: $0), unit) } ?? "",
                        row.perimeterMetres.map { format($0 / 1000, 3) } ?? "",
                        row.areaSquareMetres.flatMap { RaiNganWa(squareMetres: $0)?.description } ?? "",
                    ]))
            }
            if let total = report.totalAreaSquareMetres {
                lines.append(
                    "total area: \(format(unit.value(ofSquareMetres: total), unit)) \(unit.symbol) "
                        + "(\(report.features.count) features)")
            }
        } else {
            lines.append(pad(["fid", keyTitle, "length (km)"]))
            for row in report.features {
                lines.append(
                    pad([
                        row.featureID.map(String.init) ?? "", row.key ?? "",
                        row.lengthMetres.map { format($0 / 1000, 3) } ?? "",
                    ]))
            }
            if let total = report.totalLengthMetres {
                lines.append("total length: \(format(total / 1000, 3)) km (\(report.features.count) features)")
            }
        }
        lines.append("method: \(report.method)")
        return lines.joined(separator: "\n")
    }

    static func csv(_ report: MeasureReport, unit: AreaUnit) -> String {
        let keyTitle = report.keyField ?? "key"
        var lines: [String] = []
        if report.kind == .area {
            lines.append("fid,\(keyTitle),area_\(unit.rawValue),perimeter_km")
            for row in report.features {
                lines.append(
                    [
                        row.featureID.map(String.init) ?? "", quoted(row.key ?? ""),
                        row.areaSquareMetres.map { String(unit.value(ofSquareMetres: $0)) } ?? "",
                        row.perimeterMetres.map { String($0 / 1000) } ?? "",
                    ].joined(separator: ","))
            }
        } else {
            lines.append("fid,\(keyTitle),length_km")
            for row in report.features {
                lines.append(
                    [
                        row.featureID.map(String.init) ?? "", quoted(row.key ?? ""),
                        row.lengthMetres.map { String($0 / 1000) } ?? "",
                    ].joined(separator: ","))
            }
        }
        return lines.joined(separator: "\n")
    }

    private static func format(_ value: Double, _ unit: AreaUnit) -> String {
        format(value, unit == .squareMetres ? 0 : unit == .squareKilometres ? 4 : 2)
    }

    private static func format(_ value: Double, _ decimals: Int) -> String {
        value.formatted(.number.precision(.fractionLength(decimals)).grouping(.never))
    }

    private static func pad(_ cells: [String]) -> String {
        let widths = [6, 12, 16, 16, 14]
        return zip(cells, widths).map { $0.padding(toLength: max($1, $0.count), withPad: " ", startingAt: 0) }
            .joined(separator: " ").trimmingCharacters(in: .whitespaces)
    }

    private static func quoted(_ text: String) -> String {
        text.contains(",") || text.contains("\"")
            ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            : text
    }
}
