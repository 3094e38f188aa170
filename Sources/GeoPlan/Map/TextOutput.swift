import Foundation

/// Outputs that are one small file geoplan writes itself (an SVG, an HTML page, a legend): checked like any
/// output before work starts, written through a temporary sibling and a rename.
enum TextOutput {
    /// The folder exists, the file does not (unless overwriting), and it is none of the inputs.
    static func check(_ path: String, overwrite: Bool, inputs: [String]) throws {
        // One file with no sidecars, checked as GeoJSON is.
        _ = try OutputTarget(path: path, format: .geoJSON, overwrite: overwrite, inputs: inputs)
    }

    static func write(_ data: Data, to path: String) throws {
        try Runner.atomicWrite(data, to: path)
    }
}
