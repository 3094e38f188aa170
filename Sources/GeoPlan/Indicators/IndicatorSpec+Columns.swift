/// A column an indicator will write, named before anything is computed.
struct PlannedColumn {
    let name: String
    /// What it holds, when not the indicator's own value ("the rai-ngan-wa text"), for messages.
    let role: String?
    /// For a grouped indicator's class column, the class (nil for the missing classes).
    let className: String??

    /// A grouped indicator's columns (`count`, `length`, `share` with `by`): its total, then one per class.
    static func grouped(_ id: String, classes: ClassColumns?) -> [PlannedColumn] {
        let own = PlannedColumn(name: id, role: nil, className: nil)
        guard let classes else { return [own] }
        return [own]
            + zip(classes.classes, classes.names(for: id)).map { className, name in
                PlannedColumn(
                    name: name, role: "the column of " + IndicatorSpec.describe(className),
                    className: .some(className))
            }
    }
}

extension IndicatorSpec {
    /// The `by` field whose classes make columns (`count`, `length`, `share`), with the input and filter it is
    /// read with; nil for the other indicators.
    var classSource: (input: String, whereClause: String?, by: String)? {
        definition.classSource
    }

    /// The columns this indicator writes, in order — the names its computation gives its results (a run checks
    /// that they agree). `classes` are those of `classSource`.
    func plannedColumns(classes: ClassColumns?) -> [PlannedColumn] {
        definition.plannedColumns(self, classes: classes)
    }

    /// `class "A-B"`, or the missing classes.
    static func describe(_ className: String?) -> String {
        guard let className else { return "the features without a class (null or empty)" }
        return "class \"\(className)\""
    }
}
