import Foundation
import GeoplanTestSupport
import Testing

/// A console that cannot be written (stdout or stderr closed, full, or a pipe whose reader has gone) never
/// crashes geoplan: the command does its work to the end (outputs committed as usual), then exits 4 — unless the
/// command failed, whose own status wins.
@Suite struct ConsoleTests {
    /// geoplan's exit status for "the console could not be written" (documented in `geoplan --help`, README).
    let consoleUnwritable: Int32 = 4

    @Test func infoWithStdoutClosedFullOrBrokenExitsFour() throws {
        for stream in [CommandRunner.Stream.closed, .full, .brokenPipe] {
            for json in [false, true] {
                let result = try CommandRunner.run(
                    ["info", Fixtures.phuket] + (json ? ["--json"] : []), stdout: stream)
                #expect(result.status == consoleUnwritable, "\(stream) json=\(json): \(result.status) \(result.stderr)")
                // Told on stderr, except for a reader that left on purpose (`| head -c 1`).
                #expect(
                    result.stderr.contains("could not be written to stdout") == (stream != .brokenPipe),
                    "\(stream): \(result.stderr)")
            }
        }
    }

    /// The real thing: `geoplan measure … --csv | head -c 1`, with more output than a pipe holds, so head leaves
    /// while geoplan is still writing.
    @Test func aPipeIntoHeadEndsCleanly() throws {
        let folder = try TemporaryFolder()
        let squares = (0..<8_000).map { index in
            (
                NonFiniteCase.square(100 + 0.001 * Double(index % 100), 13 + 0.001 * Double(index / 100), 0.001),
                #"{"code": "C\#(index)"}"#
            )
        }
        let layer = try folder.write(SyntheticData.featureCollection(squares), to: "squares.geojson")
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/sh")
        shell.arguments = [
            "-c", #"{ "$0" measure "$1" --key code --csv; echo $? > "$2"; } | head -c 1 > /dev/null"#,
            CommandRunner.executable.path, layer, folder.path("status"),
        ]
        try shell.run()
        shell.waitUntilExit()
        let status = try String(contentsOfFile: folder.path("status"), encoding: .utf8)
        #expect(status.trimmingCharacters(in: .whitespacesAndNewlines) == String(consoleUnwritable), "\(status)")
    }

    @Test func aClosedStdoutIsNotReusedForAFile() throws {
        // With fd 1 closed, the next file opened would get it: results must not land in an output.
        let folder = try TemporaryFolder()
        let out = folder.path("phuket.gpkg")
        let result = try CommandRunner.run(["convert", Fixtures.phuket, out], stdout: .closed)
        #expect(result.status == consoleUnwritable, "\(result.stderr)")
        let check = try CommandRunner.run(["info", out, "--json"])
        #expect(check.status == 0 && check.stdout.contains(#""featureCount" : 17"#), "\(check.stdout)")
    }

    @Test func helpToAFullStdoutExitsFour() throws {
        #expect(try CommandRunner.run(["--help"], stdout: .full).status == consoleUnwritable)
        #expect(try CommandRunner.run(["info", "--help"], stdout: .closed).status == consoleUnwritable)
    }

    @Test func aFailedCommandKeepsItsOwnStatus() throws {
        let missing = try CommandRunner.run(["info", "/nonexistent/x.shp"], stdout: .full, stderr: .closed)
        #expect(missing.status == 1)
        let usage = try CommandRunner.run(["info", "--no-such-option"], stdout: .closed, stderr: .full)
        #expect(usage.status == 2)
    }

    @Test func nothingToSayOnAClosedStreamIsNotAnError() throws {
        let result = try CommandRunner.run(["info", Fixtures.phuket, "--quiet"], stdout: .captured, stderr: .closed)
        #expect(result.status == 0 && result.stdout.contains("features: 17"), "\(result.stdout)")
    }

    @Test func runWithStderrClosedCommitsEveryOutput() throws {
        let folder = try TemporaryFolder()
        let spec = try NonFiniteCase.spec(in: folder)  // warns on stderr
        for (stream, progress) in [(CommandRunner.Stream.closed, "auto"), (.full, "json"), (.brokenPipe, "json")] {
            let result = try CommandRunner.run(
                ["run", spec, "--overwrite", "--progress", progress], stdout: .captured,
                stderr: stream)
            #expect(result.status == consoleUnwritable, "\(stream): \(result.status)")
            #expect(result.stdout.contains("cells: 3 areas"), "\(result.stdout)")
            try NonFiniteCase.expectCompleteOutputs(in: folder)
        }
    }

    @Test func runJSONToAFullStdoutStillCommits() throws {
        let folder = try TemporaryFolder()
        let spec = try NonFiniteCase.spec(in: folder)
        let result = try CommandRunner.run(["run", spec, "--json"], stdout: .full)
        #expect(result.status == consoleUnwritable, "\(result.stderr)")
        try NonFiniteCase.expectCompleteOutputs(in: folder)
    }
}
