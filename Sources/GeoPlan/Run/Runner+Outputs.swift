import Foundation

extension Runner {
    /// Every file a spec reads: the spec itself, every boundary layer, the municipalities, every input (and, through
    /// `InputFiles`, the files beside each that belong to it).
    static func inputFiles(of spec: Spec, folder: String?) -> InputFiles {
        InputFiles((spec.path.map { [$0] } ?? []) + inputPaths(of: spec, folder: folder))
    }

    /// The paths of what a run of `spec` reads: the boundaries, their municipalities, the inputs.
    static func inputPaths(of spec: Spec, folder: String?) -> [String] {
        var paths: [String] = []
        for boundary in spec.boundaries {
            paths.append(BoundarySet.resolve(boundary.path, in: folder))
            if let municipalities = boundary.municipalities {
                paths.append(BoundarySet.resolve(municipalities.path, in: folder))
            }
        }
        paths += spec.inputs.map { BoundarySet.resolve($0.path, in: folder) }
        return paths
    }

    /// Every file a run of `spec` writes in `outputs`: per boundary set and level, each format, the maps, and the
    /// provenance record.
    static func plannedOutputs(of spec: Spec, in outputs: String) -> [(path: String, format: OutputFormat)] {
        let folder = URL(fileURLWithPath: outputs)
        var planned: [(path: String, format: OutputFormat)] = []
        let mapped = spec.indicators.filter { $0.map != nil }.map(\.id)
        for boundary in spec.boundaries where !spec.output.formats.isEmpty {
            let stems = [boundary.name] + boundary.levels.map { "\(boundary.name)-\($0.level.fileStem)" }
            for stem in stems {
                for format in spec.output.formats {
                    planned.append((folder.appendingPathComponent("\(stem).\(format.extensions[0])").path, format))
                }
                for id in mapped {
                    for ext in ["svg", "html", "legend.json", "geojson", "topojson"] {
                        planned.append((folder.appendingPathComponent("\(stem)-\(id).\(ext)").path, .geoJSON))
                    }
                }
            }
            planned.append((folder.appendingPathComponent("\(boundary.name).meta.json").path, .geoJSON))
        }
        return planned
    }

    /// Refuses, before anything is computed (and under the folder's lock), a run whose outputs exist already when
    /// it may not replace them.
    static func checkNoOutputExists(_ spec: Spec, outputs: String) throws {
        for (path, _) in plannedOutputs(of: spec, in: outputs) where FileManager.default.fileExists(atPath: path) {
            throw GeoPlanError.output(path: path, reason: "it already exists; pass --overwrite to replace it")
        }
    }

    /// Refuses, before anything is computed, a run that would write over any of its inputs or their sidecars,
    /// `--overwrite` or not.
    static func checkOutputsSpareInputs(_ spec: Spec, outputs: String, inputs: InputFiles) throws {
        for (path, format) in plannedOutputs(of: spec, in: outputs) {
            // geoplan's own CSV writer leaves no sidecar; GDAL's writers may.
            let files = OutputTarget.possibleFiles(of: path, format: format, writesSidecars: format != .csv)
            if let clash = OutputTarget.inputClash(path, files: files, inputs: [inputs]) {
                throw GeoPlanError.output(
                    path: path, reason: clash + "; set `output.folder` (or --out) to another folder")
            }
        }
    }
}
