import Foundation

/// How an indicator's columns are named. Names within one indicator are made distinct here; `ColumnPlan`
/// then checks every output column against every other (boundary fields, other indicators, maps, formats).
///
/// Names are compared ignoring case everywhere, as GeoPackage (SQLite) and shapefiles compare them.
enum ColumnName {
    /// What features without a class (null or empty text) are counted as.
    static let missingClass = "unclassified"

    /// `<id>_thai`: an area in rai written as rai-ngan-square wa.
    static func thai(_ id: String) -> String { "\(id)_thai" }

    /// How names are compared.
    static func key(_ name: String) -> String { name.lowercased() }

    /// A class as it appears in a name: letters of any script and digits kept, everything else `_`, lower case.
    static func safe(_ className: String) -> String {
        className.lowercased().unicodeScalars.map { scalar in
            CharacterSet.alphanumerics.contains(scalar) ? String(scalar) : "_"
        }.joined()
    }

    /// `<id>_<class>` for each class, in the order given (nil or "" are the missing classes: `<id>_unclassified`).
    ///
    /// Classes whose safe forms are equal (`A-B`, `A B`, `A.B`, `a_b`) are told apart by a suffix: the missing
    /// classes keep the plain name first, then the classes in the order given (sorted, for grouped indicators),
    /// so `A B` → `<id>_a_b`, `A-B` → `<id>_a_b_2`, `A.B` → `<id>_a_b_3`, and a real class `unclassified` →
    /// `<id>_unclassified_2`. A suffix never takes a name another class has as its own. The names depend only
    /// on the set of classes, so every partition of a run names them alike.
    static func grouped(_ id: String, _ classes: [String?]) -> [String] {
        let plain = classes.map { className in
            guard let className, !className.isEmpty else { return "\(id)_\(missingClass)" }
            return "\(id)_\(safe(className))"
        }
        var taken = Set(plain.map(key))
        var claimed = Set<String>()
        var names = plain
        let missingFirst = classes.indices.sorted { left, right in
            (isMissing(classes[left]) ? 0 : 1, left) < (isMissing(classes[right]) ? 0 : 1, right)
        }
        for index in missingFirst where !claimed.insert(key(plain[index])).inserted {
            var suffix = 2
            while taken.contains(key("\(plain[index])_\(suffix)")) { suffix += 1 }
            names[index] = "\(plain[index])_\(suffix)"
            taken.insert(key(names[index]))
        }
        return names
    }

    static func isMissing(_ className: String?) -> Bool {
        className?.isEmpty ?? true
    }
}
