import Foundation
import GeoPlan

/// A one-off command's results as a table: code, names, then every column.
enum OneOffText {
    static func table(_ set: BoundaryRunReport, spec: Spec) -> String {
        let boundary = spec.boundaries[0]
        let header = [boundary.idField] + boundary.nameFields + set.columns.map(\.name)
        let body = (set.rows ?? []).map { row in [row.id] + row.names.map { $0 ?? "" } + row.values.map(format) }
        let widths = header.indices.map { column in
            ([header[column]] + body.map { $0[column] }).map(\.count).max() ?? 0
        }
        let render = { (cells: [String]) in
            zip(cells, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }.joined(separator: "  ")
        }
        return ([render(header)] + body.map(render)).joined(separator: "\n")
    }

    private static func format(_ value: String?) -> String {
        guard let value else { return "null" }
        guard let number = Double(value) else { return value }
        if number == number.rounded(), abs(number) < 1e15 { return String(Int64(number)) }
        return number.formatted(.number.precision(.significantDigits(1...6)).grouping(.never))
    }
}
