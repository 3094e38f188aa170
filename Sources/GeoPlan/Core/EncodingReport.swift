/// The text encoding of a layer's attributes and how it was decided. In Core: reading a layer (Inputs) decides
/// it, inspecting one (Inspection) and runs report it.
public struct EncodingReport: Codable, Hashable, Sendable {
    /// "UTF-8", "TIS-620/CP874 (Thai)"…
    public var name: String
    /// How it was decided: "declared in .cpg", "detected from the bytes", "--encoding", "format is UTF-8".
    public var source: String
    /// One line for people.
    public var summary: String
}
