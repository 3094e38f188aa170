import Foundation

/// How a spec is run: what `geoplan run`'s options (or an app calling the engine) ask for.
public struct RunOptions: Hashable, Sendable {
    /// Validate the spec and open every input (files, layers, fields, CRS) without computing or writing.
    public var check = false
    /// Replace outputs a run wrote before.
    public var overwrite = false
    /// Overrides the spec's output folder.
    public var outputFolder: String?
    /// Put every area's values in the report (for printing a table).
    public var includeRows = false
    /// Skip boundary sets whose outputs were made from the same spec, options and inputs (by the checksums of
    /// their provenance record); rewrite the others.
    public var resume = false
    /// Threads computing the per-area indicators (the results do not depend on it).
    public var jobs = ProcessInfo.processInfo.activeProcessorCount
    /// At most this many areas per chunk of work (tests make it small to split tiny sets).
    public var chunkSize = 400
    /// Compute and write only share K of N of each boundary set's areas (whole provinces when the codes say
    /// which), with a record `geoplan merge` uses to join the shares.
    public var partition: PartitionRequest?
    /// When another geoplan is writing in the output folder, wait for it instead of failing.
    public var wait = false

    public init(
        check: Bool = false, overwrite: Bool = false, outputFolder: String? = nil, includeRows: Bool = false,
        resume: Bool = false, jobs: Int = ProcessInfo.processInfo.activeProcessorCount,
        chunkSize: Int = 400, partition: PartitionRequest? = nil, wait: Bool = false
    ) {
        self.check = check
        self.overwrite = overwrite
        self.outputFolder = outputFolder
        self.includeRows = includeRows
        self.resume = resume
        self.jobs = jobs
        self.chunkSize = chunkSize
        self.partition = partition
        self.wait = wait
    }

    /// Whether outputs written before may be replaced (`--resume` rewrites those that are out of date).
    var replacesOutputs: Bool { overwrite || resume }
}
