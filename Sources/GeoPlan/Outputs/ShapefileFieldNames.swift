/// Explicit short names for a shapefile's fields: a dBASE field name holds at most 10 bytes, and GDAL would
/// otherwise cut long names on its own (`population_density` → `populati_1`) without telling which is which.
///
/// A name that fits is kept. A longer one is cut to 10 bytes (at a character boundary) if no other field has
/// that name; else to fewer bytes and numbered, `populati_1`, `populati_2`… in the order the fields are written.
/// Names are compared ignoring case, as dBASE does. The run records the mapping in its `meta.json`.
enum ShapefileFieldNames {
    static let maximumBytes = 10

    /// Long name → short name, for `names` (already unique ignoring case).
    static func shortNames(_ names: [String]) -> [String: String] {
        var taken = Set(names.filter(fits).map(ColumnName.key))
        var short: [String: String] = [:]
        for name in names {
            if fits(name) {
                short[name] = name
                continue
            }
            var candidate = prefix(of: name, bytes: maximumBytes)
            var number = 1
            while taken.contains(ColumnName.key(candidate)) {
                let suffix = "_\(number)"
                candidate = prefix(of: name, bytes: maximumBytes - suffix.utf8.count) + suffix
                number += 1
            }
            taken.insert(ColumnName.key(candidate))
            short[name] = candidate
        }
        return short
    }

    static func fits(_ name: String) -> Bool {
        name.utf8.count <= maximumBytes
    }

    /// The longest start of `name` of at most `bytes` UTF-8 bytes that ends on a whole character and not on `_`.
    private static func prefix(of name: String, bytes: Int) -> String {
        var kept = ""
        for character in name {
            guard kept.utf8.count + String(character).utf8.count <= bytes else { break }
            kept.append(character)
        }
        while kept.count > 1, kept.hasSuffix("_") { kept.removeLast() }
        return kept
    }
}
