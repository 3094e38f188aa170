import GEOS

/// The features of one input as an indicator needs them in one GEOS context: geometries in WGS 84 lon/lat,
/// the class of each (the `by` field's value) and an STRtree — all of a `FeatureStore`'s features, or those
/// near one group of areas (`window`) when a parallel run splits the work.
///
/// Not `Sendable`: its geometries belong to one GEOS context.
final class FeatureSet {
    let store: FeatureStore
    let geometries: [Geometry]
    /// The `by` field's value per feature, as text (nil when missing); empty when no `by` was asked.
    let classes: [String?]
    let index: STRtree<Int>

    /// Reads the store's features whose box meets `window` (all of them when nil) into `context`.
    init(store: FeatureStore, window: Envelope?, context: GEOSContext) throws {
        var geometries: [Geometry] = []
        var classes: [String?] = []
        let tree = try STRtree<Int>(context: context)
        let grouped = !store.classes.isEmpty
        for feature in store.features(meeting: window) {
            let geometry = try Geometry(wkb: store.wkb(feature), context: context)
            if !geometry.isEmpty { try tree.insert(geometry, geometries.count) }
            geometries.append(geometry)
            if grouped { classes.append(store.classes[feature]) }
        }
        try tree.build()
        self.store = store
        self.geometries = geometries
        self.classes = classes
        index = tree
    }
}
