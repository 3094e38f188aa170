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
