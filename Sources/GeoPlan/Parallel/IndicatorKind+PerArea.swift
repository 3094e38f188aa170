extension IndicatorKind {
    /// Whether each area's value depends only on that area, its neighbours and the features near it, so the
    /// areas can be computed in chunks on several threads. (`nearest` looks anywhere; joins and expressions
    /// are cheap and read whole columns.)
    var isPerArea: Bool {
        switch self {
        case .area, .perimeter, .compactness, .count, .length, .share, .mix, .zonal, .interpolate: true
        case .join, .expression, .nearest: false
        }
    }

    /// The feature input a per-area indicator reads, with its filter and grouping.
    var featureInput: (input: String, whereClause: String?, by: String?)? {
        switch self {
        case let .count(input, whereClause, by), let .length(input, whereClause, by): (input, whereClause, by)
        case let .share(input, by, whereClause), let .mix(input, by, whereClause): (input, whereClause, by)
        case let .nearest(input, whereClause): (input, whereClause, nil)
        case let .interpolate(request): (request.from, nil, request.code)
        case .area, .perimeter, .compactness, .join, .expression, .zonal: nil
        }
    }
}
