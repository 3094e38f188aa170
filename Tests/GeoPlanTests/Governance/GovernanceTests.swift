import Testing

/// Groups the suites of `Sources/GeoPlan/Governance` under one name, so `swift test --filter Governance` runs exactly
/// them (Swift Testing filters by test identifiers, which hold type names, not folders).
@Suite enum GovernanceTests {}
