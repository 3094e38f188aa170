import Foundation

/// Outputs that are one small file geoplan writes itself (an SVG, an HTML page, a legend): checked like any
/// output before work starts, then staged in the command's `OutputSet`.
enum TextOutput {
    /// The folder exists, the file does not (unless overwriting), and it is none of the inputs.
    static func check(_ path: String, overwrite: Bool, inputs: [String]) throws {
        // One file with no sidecars, checked as GeoJSON is.
        _ = try OutputTarget(path: path, format: .geoJSON, overwrite: overwrite, inputs: inputs)
    }
}
