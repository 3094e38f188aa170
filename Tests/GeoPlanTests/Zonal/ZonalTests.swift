import Testing

/// Groups the suites of `Sources/GeoPlan/Zonal` under one name, so `swift test --filter Zonal` runs exactly them
/// (Swift Testing filters by test identifiers, which hold type names, not folders).
@Suite enum ZonalTests {}
