import GDAL

/// What an area of a run belongs to: its tambon and, when the run's areas are units of the governance
/// partition, the local government that governs it.
struct AreaMembership {
    struct LocalGovernment {
        let code: String
        let type: LocalGovernmentType
        /// The municipality's names, or for an SAO its tambon's (an SAO is named after its tambon).
        let names: [FieldValue]
    }

    let tambonCode: String
    let localGovernment: LocalGovernment?

    /// What each area of a set belongs to: the governance units' own, or for tambons, each area itself.
    static func of(_ set: BoundarySet) -> [AreaMembership] {
        set.memberships ?? set.areas.map { AreaMembership(tambonCode: $0.id, localGovernment: nil) }
    }
}
