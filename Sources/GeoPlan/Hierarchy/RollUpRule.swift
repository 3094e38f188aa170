/// How an indicator's values reach a larger unit (a district from its tambons, a local government from its
/// pieces): what its kind demands, declared (`kind:`) or the type's own.
enum RollUpRule: Hashable, Sendable {
    /// Extensive values add up: people, counts, km², km of road. A group with a member without a value has none.
    case sum
    /// Intensive values are averaged, weighted by another indicator's values (`weight: population`) or, when
    /// nil, by the members' geodesic areas.
    case weightedMean(weight: String?)
    /// Ratios and expressions are evaluated again on the rolled-up values they read: a density is the rolled-up
    /// people over the rolled-up km², never a mean of densities.
    case reevaluate
    /// Values that depend on the shape (perimeter, compactness, land-use mix, distances, raster statistics,
    /// intensive interpolation) are computed again on the group's dissolved boundary.
    case recompute
}

extension IndicatorSpec {
    /// The rule for this indicator; nil when the type cannot tell and the spec does not say (a `join`'s column
    /// may be people or a rate).
    var rollUpRule: RollUpRule? {
        switch valueKind {
        case .extensive: return .sum
        case .intensive:
            if case let .interpolate(request) = kind, request.kind == .intensive, weight == nil { return .recompute }
            return .weightedMean(weight: weight)
        case .ratio: return .reevaluate
        case nil: break
        }
        switch kind {
        // Areas add, but computing them again on the dissolved boundary gives the same sum and the Thai
        // rai-ngan-wah text with it.
        case .area: return .recompute
        case .count, .length: return .sum
        case .share: return .weightedMean(weight: weight)
        case .expression: return .reevaluate
        case .perimeter, .compactness, .mix, .nearest, .zonal, .interpolate: return .recompute
        case .join: return nil
        }
    }
}
