/// A step of the governance partition (`geoplan partition`, a spec's `municipalities:`), for progress.
public enum GovernanceStep: Hashable, Sendable, CustomStringConvertible {
    case readingInputs
    case checkingInputs
    case snappingBorders
    case cuttingTambons(done: Int, of: Int)
    case checkingGuarantees

    /// The step as people read it: `cutting tambons 120/7497`.
    public var description: String {
        switch self {
        case .readingInputs: "reading the tambons and municipalities"
        case .checkingInputs: "checking the inputs"
        case .snappingBorders: "snapping municipal borders to the tambons"
        case let .cuttingTambons(done, total): "cutting tambons \(done)/\(total)"
        case .checkingGuarantees: "checking the guarantees"
        }
    }

    /// The step as named values for a program (`--progress json`).
    public var fields: [String: RunEventValue] {
        switch self {
        case .readingInputs: ["step_name": .text("reading_inputs")]
        case .checkingInputs: ["step_name": .text("checking_inputs")]
        case .snappingBorders: ["step_name": .text("snapping_borders")]
        case let .cuttingTambons(done, total):
            ["step_name": .text("cutting_tambons"), "done": .integer(done), "total": .integer(total)]
        case .checkingGuarantees: ["step_name": .text("checking_guarantees")]
        }
    }
}
