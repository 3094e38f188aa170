import Foundation

/// The Slurm and munge programs the cluster test runs, found on `PATH` or in `/usr/sbin` (where Debian puts the
/// daemons, and which a user's `PATH` leaves out).
public enum SlurmTools {
    /// What to run where they are missing.
    public static let installCommand =
        "sudo apt-get install -y slurm-wlm munge (or: bash scripts/install-system-packages.sh)"

    static let names = [
        "munged", "slurmctld", "slurmd", "sbatch", "sinfo", "squeue", "scontrol", "scancel",
    ]

    /// Every program's path by name, nil when any is missing.
    public static let paths: [String: String]? = {
        var found: [String: String] = [:]
        for name in names {
            guard let path = find(name) else { return nil }
            found[name] = path
        }
        return found
    }()

    /// The programs that could not be found.
    public static var missing: [String] { names.filter { find($0) == nil } }

    static func find(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        let folders = path.split(separator: ":").map(String.init) + ["/usr/sbin", "/sbin"]
        return folders.map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Why a cluster cannot be started here (Slurm missing, or not root: slurmd must be root to start jobs), or
    /// nil when it can.
    public static var unavailableReason: String? {
        if paths == nil {
            return "Slurm or munge not installed (missing \(missing.joined(separator: ", "))): \(installCommand)"
        }
        if geteuid() != 0 { return "a Slurm cluster needs root (slurmd starts the jobs); run the suite as root" }
        return nil
    }
}
