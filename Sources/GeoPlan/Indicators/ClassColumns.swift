import GDAL

/// The classes of a grouped indicator (`by`): the input's values sorted, then `nil` for features without one
/// when there are any, each with its output column (`<id>_<class>`, see `ColumnName`).
struct ClassColumns {
    let classes: [String?]
    private let positions: [String: Int]

    /// No classes when `by` is nil.
    init(_ features: FeatureSet, by: String?) {
        guard by != nil else {
            classes = []
            positions = [:]
            return
        }
        // The whole input's classes, so that every part of a split run has the same columns.
        classes = features.store.classNames.map(Optional.some) + (features.store.hasUnclassified ? [nil] : [])
        positions = Dictionary(uniqueKeysWithValues: classes.enumerated().map { (Self.key($1), $0) })
    }

    /// The column position of a feature's class.
    func position(of className: String?) -> Int? {
        positions[Self.key(className)]
    }

    func columns(for id: String, type: FieldType) -> [IndicatorColumn] {
        classes.map { IndicatorColumn(name: ColumnName.grouped(id, $0), type: type, indicator: id, className: $0) }
    }

    /// Missing classes need a key no real class can have.
    private static func key(_ className: String?) -> String {
        className.map { "=" + $0 } ?? "∅"
    }
}
