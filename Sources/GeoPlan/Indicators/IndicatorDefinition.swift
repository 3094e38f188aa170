/// The engine's side of an indicator type: everything the parser, runner, provenance and roll-ups ask of it.
///
/// Only `spellings` and `compute` are required; every other member has the answer most types give.
protocol IndicatorDefinition: IndicatorType {
    /// How a spec writes this type (most types one way; `expression` also as `ratio`), for the registry.
    static var spellings: [IndicatorSpelling] { get }

    /// Its values for every area of `run` (one row per area, in the boundary set's order).
    func compute(_ indicator: IndicatorSpec, _ run: RunContext) throws -> IndicatorResult

    /// Whether each area's value depends only on that area, its neighbours and the features near it, so that
    /// the areas can be computed in chunks on several threads (`ParallelCompute`).
    var isPerArea: Bool { get }
    /// The feature input it reads, filtered and classed: read once per run before the areas are computed.
    var featureInput: FeatureInputUse? { get }
    /// The `by` field whose classes make columns, with the input and filter it is read with.
    var classSource: (input: String, whereClause: String?, by: String)? { get }
    /// Whether its values are computed from other indicators' values (an expression): after them, and again
    /// from their rolled-up values (`kind: ratio`).
    var isDerived: Bool { get }
    /// Indicator ids whose values it reads (a derived indicator's operands).
    func readsIndicators() throws -> Set<String>
    /// Its id in a one-off command when none is given (`area_km2`).
    var defaultID: String { get }
    /// The unit of its values when the spec gives none (provenance, map legends).
    var defaultUnit: String? { get }
    /// How its values roll up when the spec does not say (`kind:`); nil when the type cannot tell.
    func defaultRollUp(weight: String?) -> RollUpRule?
    /// How its values roll up when declared intensive.
    func intensiveRollUp(weight: String?) -> RollUpRule
    /// The value kind the type's own keys imply (an interpolation's `kind:`), which `kind:` then cannot change.
    var impliedValueKind: ValueKind? { get }
    /// Whether a governed unit takes its tambon's whole value (a join by tambon code).
    var copiesTambonValues: Bool { get }

    /// The columns it writes, in order, named before anything is computed; `classes` are `classSource`'s.
    func plannedColumns(_ indicator: IndicatorSpec, classes: ClassColumns?) -> [PlannedColumn]
    /// `--check`: the inputs it reads open, have the fields it names, and a CRS.
    func checkInputs(_ indicator: IndicatorSpec, _ run: RunContext) throws
    /// Before a per-area computation, on the main thread: open and check what every worker will share.
    func prepare(_ indicator: IndicatorSpec, _ run: RunContext) throws
    /// After the chunks are merged: what only the whole run knows (totals, warnings, counters).
    func finish(_ indicator: IndicatorSpec, _ result: inout IndicatorResult, _ run: RunContext) throws
}

/// A feature input as an indicator reads it: which input, filtered by `where`, classed by `by`.
struct FeatureInputUse: Hashable, Sendable {
    var input: String
    var whereClause: String?
    var by: String?
}

extension IndicatorDefinition {
    var isPerArea: Bool { true }
    var featureInput: FeatureInputUse? { nil }
    var classSource: (input: String, whereClause: String?, by: String)? { nil }
    var isDerived: Bool { false }
    func readsIndicators() throws -> Set<String> { [] }
    var defaultID: String { typeName }
    var defaultUnit: String? { nil }
    func defaultRollUp(weight: String?) -> RollUpRule? { .recompute }
    func intensiveRollUp(weight: String?) -> RollUpRule { .weightedMean(weight: weight) }
    var impliedValueKind: ValueKind? { nil }
    var copiesTambonValues: Bool { false }

    func plannedColumns(_ indicator: IndicatorSpec, classes: ClassColumns?) -> [PlannedColumn] {
        [PlannedColumn(name: indicator.id, role: nil, className: nil)]
    }

    func checkInputs(_ indicator: IndicatorSpec, _ run: RunContext) throws {
        guard let use = featureInput else { return }
        _ = try run.features(use.input, whereClause: use.whereClause, by: use.by)
    }

    func prepare(_ indicator: IndicatorSpec, _ run: RunContext) throws {}

    func finish(_ indicator: IndicatorSpec, _ result: inout IndicatorResult, _ run: RunContext) throws {}
}

extension IndicatorSpec {
    /// The engine's side of this indicator's type; a type defined outside geoplan cannot be computed.
    var definition: any IndicatorDefinition {
        kind as? any IndicatorDefinition ?? UnregisteredIndicator(typeName: kind.typeName)
    }
}

/// An indicator type geoplan does not know (made outside it): every use is an error, never a trap.
private struct UnregisteredIndicator: IndicatorDefinition {
    let typeName: String
    static var spellings: [IndicatorSpelling] { [] }
    var isPerArea: Bool { false }

    func compute(_ indicator: IndicatorSpec, _ run: RunContext) throws -> IndicatorResult {
        throw GeoPlanError.input(path: indicator.id, reason: "geoplan cannot compute indicators of type \(typeName)")
    }

    func checkInputs(_ indicator: IndicatorSpec, _ run: RunContext) throws {
        _ = try compute(indicator, run)
    }
}
