import Foundation
import GeoplanTestSupport
import Testing

/// The README's Slurm recipe on a real cluster: `samples/slurm/partitioned-run.sbatch` (which the README quotes
/// whole) submitted as a job array of four, then the README's merge command with `--dependency=afterok:` on the
/// array, to a one-node cluster of Debian's slurm-wlm started on loopback; the merged outputs are byte for byte a
/// single run's. Skipped where Slurm is missing or the suite is not root, except on CI (`CI=true`), where that fails.
@Suite(
    .enabled(
        if: SlurmTools.unavailableReason == nil || Privileges.inCI,
        "Slurm not installed or not root: \(SlurmTools.installCommand)"))
struct SlurmClusterTests {
    static let scriptPath = "samples/slurm/partitioned-run.sbatch"
    /// Four partitions of one CPU each: the script's own #SBATCH line (16 tasks of 8 CPUs and 8 GB) is for a real
    /// cluster, and sbatch's options override it, as the script's comment says.
    static let arrayOptions = "--array=1-4 --cpus-per-task=1 --mem=200M"
    static let partitions = 4

    @Test func theREADMEsJobArrayAndMergeEqualASingleRun() throws {
        // Reached without Slurm or root only on CI, where that fails.
        try #require(SlurmTools.unavailableReason == nil, "\(SlurmTools.unavailableReason ?? "")")
        let recipe = try ReadmeSlurmRecipe()
        let folder = try TemporaryFolder("geoplan-slurm")
        try folder.write(Self.spec, to: "national.yaml")
        try folder.write(recipe.script, to: "partitioned-run.sbatch")
        let single = try CommandRunner.run(["run", "national.yaml", "--quiet"], in: folder.url)
        try #require(single.status == 0, "\(single.stderr)")

        let cluster = try SlurmCluster(
            in: folder.path("cluster"), cpus: min(ProcessInfo.processInfo.activeProcessorCount, 4))
        defer { cluster.stop() }
        let geoplanFolder = CommandRunner.executable.deletingLastPathComponent().path
        let array = try cluster.run(
            "sbatch \(Self.arrayOptions) partitioned-run.sbatch", in: folder.url.path, extraPath: [geoplanFolder])
        let arrayID = try #require(SlurmCluster.jobID(fromSbatchOutput: array.output), "sbatch: \(array.output)")
        let merge = try cluster.run(recipe.merge(after: arrayID), in: folder.url.path, extraPath: [geoplanFolder])
        let mergeID = try #require(SlurmCluster.jobID(fromSbatchOutput: merge.output), "sbatch: \(merge.output)")
        // A bound, not an estimate: alone this takes about 8 s; beside the rest of the suite on 2 cores, 3 minutes.
        let states = try cluster.waitForJobs([arrayID, mergeID], within: 600)
        let jobOutput = Self.jobOutputs(in: folder)
        #expect(states.count == Self.partitions + 1, "\(states)")
        try #require(states.allSatisfy { $0.state == "COMPLETED" }, "\(states)\n\(jobOutput)\n\(cluster.logs)")
        cluster.stop()
        #expect(cluster.processesLeftBehind().isEmpty, "the cluster's processes outlived stop()")

        // Every partition computed a share; merged, they are the single run.
        for part in 1...Self.partitions {
            let csv = try String(contentsOfFile: folder.path("results/part-\(part)/tambons.csv"), encoding: .utf8)
            #expect(csv.components(separatedBy: "\r\n").count > 2, "partition \(part) holds no tambon")
        }
        let merged = try Data(contentsOf: folder.url.appendingPathComponent("results/tambons.csv"))
        #expect(merged == (try Data(contentsOf: folder.url.appendingPathComponent("single/tambons.csv"))))
        // GeoJSON too, merged here from the same parts.
        let parts = (1...Self.partitions).map { "results/part-\($0)/tambons.geojson" }
        let geojson = try CommandRunner.run(["merge", "merged/tambons.geojson"] + parts, in: folder.url)
        try #require(geojson.status == 0, "\(geojson.stderr)")
        #expect(
            try Data(contentsOf: folder.url.appendingPathComponent("merged/tambons.geojson"))
                == Data(contentsOf: folder.url.appendingPathComponent("single/tambons.geojson")))
    }

    /// A small "national" spec whose boundary set is `tambons`, as the README's merge command expects: Samut
    /// Songkhram's 36 tambons with their English names as ids. Names have no P-code hierarchy, so each tambon is a
    /// group of its own and every partition gets nine (by P-code all would be one province, kept in one partition).
    static var spec: String {
        let samples = Fixtures.root.appendingPathComponent("samples/samut-songkhram").path
        return """
            boundaries:
              - name: tambons
                path: \(Fixtures.shape("tambons/samut-songkhram/samut-songkhram.shp"))
                id: ADM3_EN
                names: [ADM3_TH, ADM2_EN]
            inputs:
              - {name: facilities, type: points, path: \(samples)/facilities.geojson}
              - {name: roads, type: lines, path: \(samples)/roads.geojson}
              - {name: landuse, type: polygons, path: \(samples)/landuse.geojson}
            indicators:
              - {id: area_km2, type: area}
              - {id: perimeter_km, type: perimeter}
              - {id: facilities, type: count, input: facilities, by: kind}
              - {id: road_km, type: length, input: roads, by: class}
              - {id: landuse, type: share, input: landuse, by: class}
              - {id: landuse_mix, type: mix, input: landuse, by: class}
              - {id: nearest_hospital_m, type: nearest, input: facilities, where: "kind = 'hospital'"}
            output:
              folder: single
              formats: [csv, geojson]
            """
    }

    /// What the jobs printed (slurm-*.out beside the spec), for failure messages.
    static func jobOutputs(in folder: TemporaryFolder) -> String {
        folder.contents().filter { $0.hasPrefix("slurm-") }.map { name in
            "--- \(name)\n" + ((try? String(contentsOfFile: folder.path(name), encoding: .utf8)) ?? "")
        }.joined(separator: "\n")
    }
}
