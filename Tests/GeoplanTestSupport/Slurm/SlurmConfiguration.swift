import Foundation

/// The `slurm.conf` of a one-node cluster on loopback whose every file (state, spool, logs, pid files, munge's
/// socket) lies in one folder, so the machine's own `/etc/slurm` is never read or changed.
struct SlurmConfiguration {
    /// The folder holding everything; `path(_:)` names a file in it.
    let folder: String
    let controllerPort: Int
    let nodePort: Int
    /// What the node offers: the jobs ask for less (`--cpus-per-task`, `--mem`).
    let cpus: Int
    let memoryMegabytes: Int

    func path(_ name: String) -> String { (folder as NSString).appendingPathComponent(name) }

    var file: String { path("slurm.conf") }
    var mungeSocket: String { path("munge/socket") }

    /// The node's name; `slurmd -N` takes it, and slurmctld accepts `localhost` as its own host whatever the
    /// machine is called.
    static let nodeName = "localhost"

    var text: String {
        // Munge, as on a real cluster: with auth/none slurmctld would trust whatever user a request claims, and
        // while it listens anyone on this machine could run jobs as root. The key and the socket are the test's.
        // No cgroups (proctrack/linuxproc, task/none) and no accounting daemon: scontrol reports the jobs' states.
        // kill_invalid_depend: a merge whose array failed is cancelled rather than left pending for ever.
        """
        ClusterName=geoplan-test
        SlurmctldHost=\(Self.nodeName)(127.0.0.1)
        SlurmctldPort=\(controllerPort)
        SlurmdPort=\(nodePort)
        SlurmUser=root
        SlurmdUser=root
        AuthType=auth/munge
        CredType=cred/munge
        AuthInfo=socket=\(mungeSocket)
        StateSaveLocation=\(path("state"))
        SlurmdSpoolDir=\(path("spool"))
        SlurmctldPidFile=\(path("slurmctld.pid"))
        SlurmdPidFile=\(path("slurmd.pid"))
        SlurmctldLogFile=\(path("log/slurmctld.log"))
        SlurmdLogFile=\(path("log/slurmd.log"))
        MailProg=/bin/true
        ProctrackType=proctrack/linuxproc
        TaskPlugin=task/none
        JobAcctGatherType=jobacct_gather/none
        AccountingStorageType=accounting_storage/none
        JobCompType=jobcomp/none
        MpiDefault=none
        SwitchType=switch/none
        SelectType=select/cons_tres
        SelectTypeParameters=CR_Core_Memory
        DefMemPerCPU=\(memoryMegabytes / max(cpus, 1) / 2)
        DependencyParameters=kill_invalid_depend
        ReturnToService=2
        NodeName=\(Self.nodeName) NodeAddr=127.0.0.1 CPUs=\(cpus) RealMemory=\(memoryMegabytes) State=UNKNOWN
        PartitionName=test Nodes=\(Self.nodeName) Default=YES MaxTime=30 State=UP

        """
    }

    /// Creates the folders and writes the file. The folders are 0755: munged refuses a socket in a folder others
    /// cannot enter, and a log or seed folder others can write to.
    func write() throws {
        for name in ["", "munge", "state", "spool", "log"] {
            try FileManager.default.createDirectory(
                atPath: path(name), withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path(name))
        }
        try text.write(toFile: file, atomically: true, encoding: .utf8)
    }
}
