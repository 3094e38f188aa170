import Foundation

extension OutputSet {
    /// Stages a small file written whole by geoplan (a provenance record, an SVG map, a legend), every byte
    /// checked, to appear when the set commits.
    /// - Parameter replacing: replace an existing file even without `overwrite` (a record geoplan keeps up to date,
    ///   such as a merge's provenance, which it read and carries over).
    public func stage(_ data: Data, at path: String, inputs: InputFiles = InputFiles(), replacing: Bool = false) throws
    {
        // One file with no sidecars, checked as a JSON file is.
        let target = try OutputTarget(
            path: path, format: .geoJSON, overwrite: overwrite || replacing,
            inputFiles: inputs, writesSidecars: false)
        let staged = try stage(target)
        let file = try CheckedFile(creating: staged.stagingPath, displayPath: path)
        try file.write(data)
        try file.finish()
    }

    /// Writes one small file alone, committed at once: the file is whole or the earlier one is untouched.
    public static func write(
        _ data: Data, to path: String, overwrite: Bool = true,
        inputs: InputFiles = InputFiles()
    ) throws {
        let set = OutputSet(inputs: inputs, overwrite: overwrite)
        try set.stage(data, at: path, inputs: inputs)
        try set.commit()
    }
}
