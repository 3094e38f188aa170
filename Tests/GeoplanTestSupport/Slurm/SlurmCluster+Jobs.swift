import Foundation

/// Submitting to the cluster and waiting for jobs, by `scontrol show job` (there is no accounting database, so no
/// sacct; a finished job stays listed for MinJobAge, 300 s).
extension SlurmCluster {
    /// One job, or one task of an array, as `scontrol -o show job` lists it.
    public struct JobState: Equatable, CustomStringConvertible {
        /// `1234` or, for a task of an array, `1234_2`.
        public let job: String
        /// `COMPLETED`, `FAILED`, `CANCELLED`, `PENDING`, ….
        public let state: String
        /// `status:signal`, as Slurm writes it.
        public let exitCode: String

        public var description: String { "\(job) \(state) (exit \(exitCode))" }

        /// Still to run or running.
        public var isActive: Bool {
            ["PENDING", "CONFIGURING", "RUNNING", "COMPLETING", "REQUEUED", "RESIZING", "SUSPENDED", "STAGE_OUT"]
                .contains(state)
        }

        /// The jobs of `scontrol -o show job` output, one a line.
        static func parse(_ output: String) -> [JobState] {
            output.split(separator: "\n").compactMap { line in
                var fields: [String: String] = [:]
                for field in line.split(separator: " ") {
                    let pair = field.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                    if pair.count == 2 { fields[String(pair[0])] = String(pair[1]) }
                }
                guard let id = fields["JobId"], let state = fields["JobState"] else { return nil }
                let job = fields["ArrayJobId"].flatMap { array in fields["ArrayTaskId"].map { "\(array)_\($0)" } }
                return JobState(job: job ?? id, state: state, exitCode: fields["ExitCode"] ?? "?")
            }
        }
    }

    /// The job id sbatch printed: `Submitted batch job 1234`, or with `--parsable` `1234` (`1234;cluster` with a
    /// cluster name).
    public static func jobID(fromSbatchOutput output: String) -> String? {
        let line = output.split(separator: "\n").last.map(String.init) ?? ""
        let word = line.split(separator: " ").last.map(String.init) ?? ""
        let id = String(word.prefix { $0 != ";" })
        return !id.isEmpty && id.allSatisfy(\.isNumber) ? id : nil
    }

    /// The states of `jobs` (every task of an array job) once none is pending or running; throws with the
    /// daemons' logs after `seconds`.
    public func waitForJobs(_ jobs: [String], within seconds: Double) throws -> [JobState] {
        var states: [JobState] = []
        try waitFor("jobs \(jobs.joined(separator: ", ")) to finish", within: seconds) {
            states = []
            for job in jobs {
                let shown = try run("\(tool("scontrol")) -o show job \(job)")
                guard shown.status == 0 else {
                    throw Failure(description: "scontrol show job \(job) failed: \(shown.output)\n\(logs)")
                }
                states += JobState.parse(shown.output)
            }
            return !states.isEmpty && !states.contains(where: \.isActive)
        }
        return states
    }
}
