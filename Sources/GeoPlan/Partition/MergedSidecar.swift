import Foundation

/// The merged output's provenance record, `<output stem>.meta.json`: partition 1's record without its
/// `partition` member (spec, inputs, options, columns and `startedAt` are the same in every part), plus
/// `mergedFrom`, the parts it was made of with their checksums.
///
/// Merging the three formats of one run (`.geojson`, `.csv`, `.gpkg`) into one folder gives one record, as a
/// single run does: a record left by merging another format of the same run keeps that format's entries and is
/// updated without `--overwrite`.
enum MergedSidecar {
    /// One part the output was made of.
    struct Source: Codable {
        var path: String
        var index: Int
        var fnv1a64: String?
    }

    static func path(of output: String) -> String {
        PartSet.sidecarPath(of: output)
    }

    /// The `mergedFrom` entries of the record already at `sidecar` to keep: those of other formats when it records
    /// merging this same run; none when there is no record or `overwrite` allows replacing another.
    static func keptSources(
        at sidecar: String, for set: PartSet, format: OutputFormat,
        overwrite: Bool
    ) throws -> [JSONValue] {
        guard FileManager.default.fileExists(atPath: sidecar) else { return [] }
        let first = set.parts[0].record
        if let data = FileManager.default.contents(atPath: sidecar),
            let earlier = try? JSONDecoder().decode(JSONValue.self, from: data),
            case let .array(sources)? = earlier["mergedFrom"],
            earlier["specText"] == first["specText"], earlier["options"] == first["options"],
            PartSet.inputChecksums(earlier) == PartSet.inputChecksums(first)
        {
            return sources.filter { source in
                source["path"]?.string.flatMap { OutputFormat(path: $0) } != format
            }
        }
        guard overwrite else {
            throw GeoPlanError.output(
                path: sidecar,
                reason: "it already exists and does not record a merge of this "
                    + "run; pass --overwrite to replace it")
        }
        return []
    }

    /// The record's JSON, formatted as `geoplan run` formats its records.
    static func make(for set: PartSet, keeping kept: [JSONValue]) throws -> Data {
        guard case var .object(members) = set.parts[0].record else {
            throw GeoPlanError.input(
                path: set.parts[0].sidecar,
                reason: "it is not a JSON object; rerun that "
                    + "partition")
        }
        members["partition"] = nil
        let sources = set.parts.map { part in
            Source(path: part.path, index: part.partition.index, fnv1a64: FileChecksum.of(part.path).0)
        }
        let fresh = try JSONDecoder().decode([JSONValue].self, from: ReportJSON.encode(sources, pretty: true))
        members["mergedFrom"] = .array(kept + fresh)
        return try ReportJSON.encode(JSONValue.object(members), pretty: true)
    }
}
