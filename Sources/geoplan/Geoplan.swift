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
            (unknown option, missing argument); 3 `validate` found invalid or empty geometries.

            Example:
              geoplan info shapes/tambons/phuket/phuket.shp
            """,
        version: GeoplanVersion.text,
        subcommands: [Run.self, Info.self, Validate.self, Measure.self, Convert.self, AreaCommand.self, CountCommand.self,
                      LengthCommand.self, ShareCommand.self, ZonalCommand.self, InterpolateCommand.self,
                      PartitionCommand.self, Simplify.self, MapCommand.self, TilesCommand.self, Merge.self]
    )

    /// Runs the command and maps errors to the documented exit codes and one-line messages.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch {
            let exitCode = Self.exitCode(for: error)
            if exitCode == .success || error is CleanExit {
                Self.exit(withError: error)  // --help and --version print and exit 0
            }
            if exitCode == .validationFailure {
                FileHandle.standardError.write(Data((Self.fullMessage(for: error) + "\n").utf8))
                Foundation.exit(ExitStatus.usage)
            }
            Console.error(error)
            Foundation.exit(ExitStatus.failure)
        }
    }
}

/// The documented exit statuses.
enum ExitStatus {
    static let failure: Int32 = 1
    static let usage: Int32 = 2
    static let invalidGeometries: Int32 = 3
}

enum GeoplanVersion {
    static let text = "geoplan \(GeoPlanVersion.text)"
}
