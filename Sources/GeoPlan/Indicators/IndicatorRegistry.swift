import Yams

/// One way a spec writes an indicator type: its `type:` word, its own keys, the input kinds its `input:` may
/// name, and how its keys are read (problems reported at their lines through the reader).
struct IndicatorSpelling: Sendable {
    typealias Read =
        @Sendable (
            _ reader: SpecReader, _ fields: Fields, _ owner: String,
            _ draft: inout SpecReader.Draft
        ) -> (any IndicatorType)?

    let name: String
    /// Keys this type reads besides those every indicator has (`id`, `type`, `label`…).
    let keys: [String]
    /// Input kinds its `input:` (or `raster:`, `from:`) may name.
    let inputKinds: [InputKind]
    let read: Read
}

/// Every indicator type geoplan computes, in the order `--help` and "types:" lists give them. Adding a type is
/// one file that declares it (`IndicatorDefinition`) and one line here.
enum IndicatorRegistry {
    static let spellings: [IndicatorSpelling] = [
        AreaIndicator.spellings, PerimeterIndicator.spellings, CompactnessIndicator.spellings,
        CountIndicator.spellings, LengthIndicator.spellings, ShareIndicator.spellings, JoinIndicator.spellings,
        ExpressionIndicator.spellings, NearestIndicator.spellings, ZonalIndicator.spellings,
        InterpolateIndicator.spellings,
    ].flatMap { $0 }

    private static let byName = Dictionary(spellings.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })

    static func spelling(_ name: String) -> IndicatorSpelling? {
        byName[name]
    }
}
