import Foundation
import FuzzSupport
import GDAL

@testable import GeoPlan

/// A joined table (CSV through GDAL's CSV driver, as `type: table` inputs are read) on any bytes: loading, codes
/// by area (Thai normalisation, duplicates) and columns by name. Promises: a table or an error, never a trap or a
/// hang; one code per row and one value per column in every row. (How a cell becomes a joined value, and what a
/// non-finite one becomes, is decided by the join and the runner, which report it: not checked here.)
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTable(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = FuzzInput(data, size)
    let file = MemoryFile(name: "table.csv", bytes: input.bytes)
    defer { file.remove() }
    // The code column is the header's first name, as a spec would name it (or `code` when there is none).
    let header = String(decoding: input.bytes.prefix { $0 != 10 && $0 != 13 }, as: UTF8.self)
    let firstName =
        header.split(separator: ",", omittingEmptySubsequences: false).first
        .map { $0.trimmingCharacters(in: .init(charactersIn: " \"")) } ?? ""
    let spec = InputSpec(
        name: "table", kind: .table, path: file.path, codeField: firstName.isEmpty ? "code" : firstName)
    guard let table = try? CodeTable.load(spec, folder: nil) else { return 0 }
    invariant(table.codes.count == table.rows.count, "codes and rows differ in number")
    for name in table.columns { invariant(table.column(name) != nil, "column \(name) not found by its name") }
    for thai in [true, false] {
        _ = try? table.rowsByCode(thai: thai, purpose: "fuzz")
    }
    for row in table.rows {
        invariant(row.count == table.columns.count, "a row of \(row.count) values for \(table.columns.count) columns")
    }
    return 0
}
