import Foundation

/// One output being written: its writer writes at `stagingPath`, in a staging folder beside the final place, and
/// the output appears only when its `OutputSet` commits (see there for the guarantees).
///
/// `StagedOutput(target:)` makes an output that is a set of its own, for commands that write one file;
/// `commit()` commits it. An output staged through a larger set (`OutputSet.stage`) is committed by that set, and
/// its own `commit()` does nothing.
public final class StagedOutput {
    struct Member {
        let target: OutputTarget
        /// The output's folder, canonical.
        let folder: String
        /// The staging subfolder that holds this output's files (and only its).
        let entryFolder: String
    }

    public let target: OutputTarget
    /// Where the writer must write.
    public let stagingPath: String
    /// The set this output is the only member of, when made alone.
    private let owner: OutputSet?

    /// An output that is a set of its own: locked, checked and staged now, committed by `commit()`.
    public convenience init(target: OutputTarget, wait: Bool = false) throws {
        let set = OutputSet(inputs: target.inputFiles, overwrite: target.overwrite, wait: wait)
        let member = try set.stage(target)
        self.init(member: member.member, owner: set)
    }

    init(member: Member, owner: OutputSet?) {
        self.member = member
        target = member.target
        stagingPath = (member.entryFolder as NSString).appendingPathComponent(
            (member.target.path as NSString).lastPathComponent)
        self.owner = owner
    }

    let member: Member

    /// Commits an output made alone; a member of a larger set waits for that set's commit.
    public func commit() throws {
        try owner?.commit()
    }

    /// What the commit said (an earlier sidecar left alone, an interrupted commit undone), for an output made alone.
    public var warnings: [String] {
        owner?.warnings ?? []
    }
}
