import ArgumentParser
import Foundation
import GeoPlan

/// The `geoplan` command: a thin front over the GeoPlan engine. Each subcommand lives in `Subcommands/`.
@main
struct Geoplan: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "geoplan",
        abstract: "Geospatial planning indicators for local governments, over GDAL, PROJ and GEOS.",
        discussion: """
            Reads boundaries from any format GDAL reads (Shapefile with Thai text, GeoPackage, GeoJSON, \
            FlatGeobuf, KML, CSV…) in any CRS, checks and repairs them, measures them geodesically on the WGS 84 \
            ellipsoid, and converts them to RFC 7946 GeoJSON, GeoPackage, FlatGeobuf, CSV or Shapefile.

            Exit codes: 0 success; 1 bad input or a failed run (the message says what and where); 2 bad usage \
            (unknown option, missing argument); 3 `validate` found invalid or empty geometries; 4 the work was done \
            (outputs committed as usual) but stdout or stderr could not be written (closed, full or a broken \
            pipe), when nothing else failed; 130 interrupted (Ctrl-C) and 143 stopped (SIGTERM), with nothing \
            staged left and the earlier outputs standing.

            Outputs appear all together, whole, or not at all; each output folder is locked while geoplan writes \
            there (--wait waits for another geoplan); inputs and their sidecars are never written over.

            Example:
              geoplan info shapes/tambons/phuket/phuket.shp
            """,
        version: GeoplanVersion.text,
        subcommands: [
            Run.self, Info.self, Validate.self, Measure.self, Convert.self, AreaCommand.self, CountCommand.self,
            LengthCommand.self, ShareCommand.self, ZonalCommand.self, InterpolateCommand.self,
            PartitionCommand.self, Simplify.self, MapCommand.self, TilesCommand.self, Merge.self,
        ]
    )

    /// Runs the command and maps errors to the documented exit codes and one-line messages.
    static func main() {
        Console.prepare()
        Interruption.install()
        do {
            var command = try parseAsRoot()
            try command.run()
            Foundation.exit(Console.exitStatus(after: ExitStatus.success))
        } catch let code as ExitCode {
            Foundation.exit(Console.exitStatus(after: code.rawValue))
        } catch {
            let exitCode = Self.exitCode(for: error)
            if exitCode == .success || error is CleanExit {
                // --help and --version: printed here, not by ArgumentParser, so a closed stdout is reported too.
                let text = Self.fullMessage(for: error)
                if !text.isEmpty { Console.print(text) }
                Foundation.exit(Console.exitStatus(after: exitCode.rawValue))
            }
            if exitCode == .validationFailure {
                Console.printToStandardError(Self.fullMessage(for: error) + "\n")
                Foundation.exit(ExitStatus.usage)
            }
            Console.error(error)
            Foundation.exit(ExitStatus.failure)
        }
    }
}

/// The documented exit statuses.
enum ExitStatus {
    static let success: Int32 = 0
    static let failure: Int32 = 1
    static let usage: Int32 = 2
    static let invalidGeometries: Int32 = 3
    /// The command succeeded but stdout or stderr could not be written: closed, full, or a pipe whose reader left.
    static let consoleUnwritable: Int32 = 4
}

enum GeoplanVersion {
    static let text = "geoplan \(GeoPlanVersion.text)"
}
