/// A column an indicator will write, named before anything is computed.
struct PlannedColumn {
    let name: String
    /// What it holds, when not the indicator's own value ("the rai-ngan-wa text"), for messages.
    let role: String?
    /// For a grouped indicator's class column, the class (nil for the missing classes).
    let className: String??
}

extension IndicatorSpec {
    /// The `by` field whose classes make columns (`count`, `length`, `share`), with the input and filter it is
    /// read with; nil for the other indicators.
    var classSource: (input: String, whereClause: String?, by: String)? {
        switch kind {
        case let .count(input, whereClause, by?), let .length(input, whereClause, by?): (input, whereClause, by)
        case let .share(input, by, whereClause): (input, whereClause, by)
        default: nil
        }
    }

    /// The columns this indicator writes, in order — the names its computer gives its results (a run checks
    /// that they agree). `classes` are those of `classSource`.
    func plannedColumns(classes: ClassColumns?) -> [PlannedColumn] {
        let own = PlannedColumn(name: id, role: nil, className: nil)
        switch kind {
        case let .area(unit):
            return [own] + (unit == .rai ? [PlannedColumn(name: ColumnName.thai(id), role: "the rai-ngan-wa text",
                                                          className: nil)] : [])
        case .count, .length, .share:
            guard let classes else { return [own] }
            return [own] + zip(classes.classes, classes.names(for: id)).map { className, name in
                PlannedColumn(name: name, role: "the column of " + Self.describe(className), className: .some(className))
            }
        case let .zonal(request):
            return ZonalIndicator.columns(id, request).map { column in
                PlannedColumn(name: column.name, role: "the statistic \(column.name)", className: nil)
            }
        case .perimeter, .compactness, .mix, .join, .expression, .nearest, .interpolate:
            return [own]
        }
    }

    /// `class "A-B"`, or the missing classes.
    static func describe(_ className: String?) -> String {
        guard let className else { return "the features without a class (null or empty)" }
        return "class \"\(className)\""
    }
}
