import GDAL

/// The classes of a grouped indicator (`by`): the input's values sorted, then `nil` for features without one
/// (null or empty) when there are any, each with its output column (`<id>_<class>`, see `ColumnName.grouped`).
struct ClassColumns {
    let classes: [String?]
    private let positions: [String: Int]

    /// The classes of a `by` field, from the whole input so that every part of a split run has the same columns.
    init(_ store: FeatureStore) {
        self.init(classes: store.classNames.map(Optional.some) + (store.hasUnclassified ? [nil] : []))
    }

    /// No classes when `by` is nil.
    init(_ features: FeatureSet, by: String?) {
        self.init(features.store, by: by)
    }

    /// No classes when `by` is nil.
    init(_ store: FeatureStore, by: String?) {
        guard by != nil else {
            self.init(classes: [])
            return
        }
        self.init(store)
    }

    private init(classes: [String?]) {
        self.classes = classes
        positions = Dictionary(uniqueKeysWithValues: classes.enumerated().map { (Self.key($1), $0) })
    }

    /// The column position of a feature's class.
    func position(of className: String?) -> Int? {
        positions[Self.key(className)]
    }

    func names(for id: String) -> [String] {
        ColumnName.grouped(id, classes)
    }

    func columns(for id: String, type: FieldType) -> [IndicatorColumn] {
        zip(classes, names(for: id)).map { className, name in
            IndicatorColumn(name: name, type: type, indicator: id, className: className)
        }
    }

    /// Missing classes need a key no real class can have.
    private static func key(_ className: String?) -> String {
        className.map { "=" + $0 } ?? "∅"
    }
}
