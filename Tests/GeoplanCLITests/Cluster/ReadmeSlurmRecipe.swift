import Foundation
import GeoplanTestSupport
import Testing

/// The Slurm recipe as the README writes it: the job script, which must be `samples/slurm/partitioned-run.sbatch`
/// quoted whole, and the merge command, whose `<array job id>` the test fills in. Read from the files, so the
/// README cannot drift from what the cluster test runs.
struct ReadmeSlurmRecipe {
    let script: String
    let mergeCommand: String

    static let placeholder = "<array job id>"

    init() throws {
        let readme = try String(
            contentsOf: Fixtures.root.appendingPathComponent("README.md"), encoding: .utf8)
        script = try String(
            contentsOf: Fixtures.root.appendingPathComponent(SlurmClusterTests.scriptPath), encoding: .utf8)
        #expect(
            readme.contains("```sh\n\(script)```\n"),
            "README.md does not quote \(SlurmClusterTests.scriptPath) whole in a sh block")
        #expect(readme.contains("sbatch partitioned-run.sbatch"), "README.md does not say how to submit the script")
        let line = readme.split(separator: "\n").first {
            $0.hasPrefix("sbatch --dependency=afterok:\(Self.placeholder) ")
        }
        mergeCommand = try #require(line.map(String.init), "README.md has no line of sbatch --dependency=afterok:")
    }

    /// The merge command with the array's job id in place of the placeholder.
    func merge(after arrayID: String) -> String {
        mergeCommand.replacingOccurrences(of: Self.placeholder, with: arrayID)
    }
}
