/// What a run is doing, as it happens: a boundary set (or one of its levels) and the step it is at. The CLI
/// shows an event as a line of text (`description`) or, with `--progress json`, as an object (`fields`), so
/// that programs read typed values, not prose.
public struct RunEvent: Hashable, Sendable, CustomStringConvertible {
    /// The boundary set (`tambons`) or level (`tambons-district`) the step works on.
    public var boundarySet: String
    public var step: Step

    public enum Step: Hashable, Sendable {
        /// `--resume`: its outputs were made from the same spec, options and inputs; nothing to do.
        case upToDate
        case loadingBoundaries
        /// Splitting the tambons into the units that govern, at a step of the governance partition.
        case splittingByMunicipalities(GovernanceStep?)
        /// Reading a feature input once for the whole run.
        case readingInput(String)
        /// Opening (and checking) a raster or table input.
        case openingInput(String)
        /// The per-area indicators, computed in chunks on several threads.
        case computingAreas(done: Int, of: Int, secondsLeft: Int?)
        /// One indicator computed over every area on this thread (`join`, `expression`, `nearest`).
        case computingIndicator(type: String, id: String)
        /// A level's groups dissolved into its boundaries.
        case dissolving(groups: Int)
        /// Indicators computed again on a level's dissolved boundaries.
        case recomputing(ids: [String])
    }

    public init(_ boundarySet: String, _ step: Step) {
        self.boundarySet = boundarySet
        self.step = step
    }

    /// The step as people read it: `tambons: 120/200 areas computed, about 4 s left`.
    public var description: String {
        "\(boundarySet): " + stepText
    }

    private var stepText: String {
        switch step {
        case .upToDate: "up to date"
        case .loadingBoundaries: "loading boundaries"
        case .splittingByMunicipalities(nil): "splitting the tambons by the municipalities"
        case let .splittingByMunicipalities(step?): step.description
        case let .readingInput(input): "reading \(input)"
        case let .openingInput(input): "opening \(input)"
        case let .computingAreas(done, areas, secondsLeft):
            "\(done)/\(areas) areas computed" + (secondsLeft.map { ", about \($0) s left" } ?? "")
        case let .computingIndicator(type, id): "\(type) \(id)"
        case let .dissolving(groups): "dissolving \(groups) boundaries"
        case let .recomputing(ids): "computing \(ids.joined(separator: ", ")) on the dissolved boundaries"
        }
    }

    /// The event as named values for a program: `event` names the step, the rest are its values.
    public var fields: [String: RunEventValue] {
        var fields: [String: RunEventValue] = ["boundary_set": .text(boundarySet)]
        switch step {
        case .upToDate: fields["event"] = .text("up_to_date")
        case .loadingBoundaries: fields["event"] = .text("loading_boundaries")
        case let .splittingByMunicipalities(step):
            fields["event"] = .text("splitting")
            if let step { fields.merge(step.fields) { $1 } }
        case let .readingInput(input):
            fields["event"] = .text("reading_input")
            fields["input"] = .text(input)
        case let .openingInput(input):
            fields["event"] = .text("opening_input")
            fields["input"] = .text(input)
        case let .computingAreas(done, areas, secondsLeft):
            fields["event"] = .text("computing_areas")
            fields["done"] = .integer(done)
            fields["total"] = .integer(areas)
            if let secondsLeft { fields["seconds_left"] = .integer(secondsLeft) }
        case let .computingIndicator(type, id):
            fields["event"] = .text("computing_indicator")
            fields["type"] = .text(type)
            fields["indicator"] = .text(id)
        case let .dissolving(groups):
            fields["event"] = .text("dissolving")
            fields["groups"] = .integer(groups)
        case let .recomputing(ids):
            fields["event"] = .text("recomputing")
            fields["indicators"] = .text(ids.joined(separator: ","))
        }
        return fields
    }
}
