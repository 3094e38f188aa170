extension IndicatorSpec {
    /// The rule for this indicator; nil when the type cannot tell and the spec does not say (a `join`'s column
    /// may be people or a rate).
    var rollUpRule: RollUpRule? {
        switch valueKind {
        case .extensive: .sum
        case .intensive: definition.intensiveRollUp(weight: weight)
        case .ratio: .reevaluate
        case nil: definition.defaultRollUp(weight: weight)
        }
    }
}
