import Foundation

/// Paths to shipped data and this target's fixtures, found from this file's place in the repository.
enum TestData {
    /// Tests/PROJTests (symbolic links resolved: a private package may link to the folder).
    static let folder = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent()
    /// The repository's root.
    static let root = folder.deletingLastPathComponent().deletingLastPathComponent()

    static func fixture(_ name: String) -> URL {
        folder.appendingPathComponent("Fixtures").appendingPathComponent(name)
    }

    static func shape(_ relative: String) -> URL {
        root.appendingPathComponent("shapes").appendingPathComponent(relative)
    }

    /// A fixture of "lon lat" lines ('#' starts a comment) as interleaved lon/lat.
    static func interleavedLonLat(_ name: String) throws -> [Double] {
        let text = try String(contentsOf: fixture(name), encoding: .utf8)
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.flatMap { line in
            line.split(separator: " ").compactMap { Double($0) }
        }
    }
}

/// A lon/lat box as an interleaved ring, closed, counter-clockwise unless `clockwise`.
func box(west: Double, south: Double, east: Double, north: Double, clockwise: Bool = false) -> [Double] {
    let ring = [west, south, east, south, east, north, west, north, west, south]
    return clockwise ? reversedPositions(ring) : ring
}

/// The positions of an interleaved lon/lat list in reverse order.
func reversedPositions(_ coordinates: [Double]) -> [Double] {
    stride(from: coordinates.count - 2, through: 0, by: -2).flatMap { [coordinates[$0], coordinates[$0 + 1]] }
}
