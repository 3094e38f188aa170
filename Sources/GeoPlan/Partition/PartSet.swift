import Foundation

/// The parts of one partitioned run, read from their provenance sidecars and checked before anything is written:
/// every part has a `partition` record, all come from the same run (spec text, input checksums, output options,
/// N and the number of areas), each K = 1…N is there once, and their positions cover the boundary layer exactly.
struct PartSet {
    struct Part {
        /// The part's output file, as given.
        let path: String
        /// Its provenance sidecar, `<stem>.meta.json`.
        let sidecar: String
        /// The sidecar as a whole, to copy into the merged one.
        let record: JSONValue
        let partition: PartitionRecord

        /// Refuses a part file whose number of rows is not its record's number of positions.
        func checkRows(_ rows: Int) throws {
            guard rows != partition.positions.count else { return }
            throw GeoPlanError.input(
                path: path,
                reason: "it has \(rows) rows but its provenance record "
                    + "\"\(sidecar)\" lists \(partition.positions.count); the two do not belong "
                    + "together: rerun that partition")
        }
    }

    /// In partition order, K = 1…N.
    let parts: [Part]
    /// The number of areas of the full boundary set.
    let areas: Int
    /// For each position in the full layer, the part holding that area (an index into `parts`) and its row there.
    let order: [(part: Int, row: Int)]

    /// The sidecar of an output file: its path with the extension replaced by `.meta.json`.
    static func sidecarPath(of path: String) -> String {
        (path as NSString).deletingPathExtension + ".meta.json"
    }

    /// - Parameter output: the merged file, named when partitions are missing.
    static func load(_ paths: [String], output: String) throws -> PartSet {
        let given = try paths.map(readPart)
        guard let first = given.first else {
            throw GeoPlanError.output(path: output, reason: "no parts were given; pass the outputs of every partition")
        }
        for part in given.dropFirst() { try checkSameRun(part, as: first) }
        let parts = try inPartitionOrder(given, output: output)
        let order = try positions(of: parts, areas: first.partition.areas, output: output)
        return PartSet(parts: parts, areas: first.partition.areas, order: order)
    }

    // MARK: - Checks

    private static func readPart(_ path: String) throws -> Part {
        let sidecar = sidecarPath(of: path)
        guard let data = FileManager.default.contents(atPath: sidecar) else {
            throw GeoPlanError.input(
                path: path,
                reason: "its provenance record \"\(sidecar)\" is missing; geoplan "
                    + "merge needs the .meta.json that geoplan run --partition wrote beside each part")
        }
        let record: JSONValue
        do {
            record = try JSONDecoder().decode(JSONValue.self, from: data)
        } catch {
            throw GeoPlanError.input(
                path: sidecar,
                reason: "it is not valid JSON (\(error.localizedDescription)); "
                    + "rerun that partition")
        }
        guard let member = record["partition"] else {
            throw GeoPlanError.input(
                path: sidecar,
                reason: "it has no \"partition\" member, so \"\(path)\" is not the "
                    + "output of geoplan run --partition K/N (a single run's output needs no merge)")
        }
        do {
            let partition = try JSONDecoder().decode(PartitionRecord.self, from: JSONEncoder().encode(member))
            try checkUnchanged(path, against: record, sidecar: sidecar)
            return Part(path: path, sidecar: sidecar, record: record, partition: partition)
        } catch let error as GeoPlanError {
            throw error
        } catch {
            throw GeoPlanError.input(
                path: sidecar,
                reason: "its \"partition\" member is not as geoplan writes it "
                    + "(index, count, areas, groupedBy, positions); rerun that partition")
        }
    }

    /// The part is the file its run wrote: the record's checksum of it (written since records list their outputs)
    /// still matches. A part whose rows or codes were edited afterwards would put values under the wrong areas.
    private static func checkUnchanged(_ path: String, against record: JSONValue, sidecar: String) throws {
        let name = (path as NSString).lastPathComponent
        guard case let .array(outputs)? = record["outputs"],
            let entry = outputs.first(where: { $0["file"]?.string == name }),
            let expected = entry["fnv1a64"]?.string
        else { return }
        let (actual, bytes) = FileChecksum.of(path, alone: true)
        guard actual != expected else { return }
        let now = bytes.map { "\($0) bytes, checksum \(actual ?? "none")" } ?? "unreadable"
        var recorded = "checksum \(expected)"
        if case let .integer(count)? = entry["bytes"] { recorded = "\(count) bytes, " + recorded }
        throw GeoPlanError.input(
            path: path,
            reason: "it is not the file its run wrote (now \(now); \"\(sidecar)\" "
                + "records \(recorded)): it was changed after geoplan wrote it; rerun that partition")
    }

    /// Same spec text, input checksums, output options, N and number of areas. Input paths may differ: parts
    /// may have run on different machines.
    private static func checkSameRun(_ part: Part, as first: Part) throws {
        let differing = [
            ("spec text", part.record["specText"] != first.record["specText"]),
            ("input checksums", inputChecksums(part.record) != inputChecksums(first.record)),
            ("output options", part.record["options"] != first.record["options"]),
            ("number of areas", part.partition.areas != first.partition.areas),
        ].filter(\.1).map(\.0)
        if part.partition.count != first.partition.count {
            throw GeoPlanError.input(
                path: part.path,
                reason: "it is partition \(part.partition.index)/"
                    + "\(part.partition.count) but \"\(first.path)\" is \(first.partition.index)/"
                    + "\(first.partition.count); merge the parts of one geoplan run --partition K/N")
        }
        if !differing.isEmpty {
            throw GeoPlanError.input(
                path: part.path,
                reason: "it comes from a different run than \"\(first.path)\": "
                    + "their provenance records differ in \(differing.joined(separator: ", ")); "
                    + "merge only parts run with one spec, the same inputs and the same options")
        }
    }

    /// Each input's name, checksum and size, without its path.
    static func inputChecksums(_ record: JSONValue) -> [JSONValue] {
        guard case let .array(inputs)? = record["inputs"] else { return [] }
        return inputs.map { input in
            guard case var .object(members) = input else { return input }
            members["path"] = nil
            return .object(members)
        }
    }

    /// The parts sorted by K, each K once and none missing.
    private static func inPartitionOrder(_ parts: [Part], output: String) throws -> [Part] {
        let count = parts[0].partition.count
        var byIndex: [Int: Part] = [:]
        for part in parts {
            let index = part.partition.index
            guard count >= 1, (1...count).contains(index) else {
                throw GeoPlanError.input(
                    path: part.sidecar,
                    reason: "its partition \(index)/\(count) is not between "
                        + "1/\(count) and \(count)/\(count); rerun that partition")
            }
            if let earlier = byIndex[index] {
                throw GeoPlanError.input(
                    path: part.path,
                    reason: "it is partition \(index)/\(count), as is "
                        + "\"\(earlier.path)\"; pass each partition once")
            }
            byIndex[index] = part
        }
        let missing = (1...count).filter { byIndex[$0] == nil }
        guard missing.isEmpty else {
            let list = missing.map(String.init).joined(separator: ", ")
            let verb = missing.count == 1 ? "is" : "are"
            throw GeoPlanError.output(
                path: output,
                reason: "partition\(missing.count == 1 ? "" : "s") \(list) of "
                    + "\(count) \(verb) missing; pass the outputs of all \(count) partitions "
                    + "(geoplan run --partition K/\(count) writes partition K)")
        }
        return (1...count).compactMap { byIndex[$0] }
    }

    /// Where each area comes from: positions ascending in each part, within the layer, never in two parts, and
    /// together covering every area.
    private static func positions(of parts: [Part], areas: Int, output: String) throws -> [(part: Int, row: Int)] {
        var order = [(part: Int, row: Int)?](repeating: nil, count: max(areas, 0))
        for (slot, part) in parts.enumerated() {
            var previous = -1
            for (row, position) in part.partition.positions.enumerated() {
                guard (0..<areas).contains(position) else {
                    throw GeoPlanError.input(
                        path: part.sidecar,
                        reason: "position \(position) is outside the "
                            + "boundary set's \(areas) areas; rerun that partition")
                }
                guard position > previous else {
                    throw GeoPlanError.input(
                        path: part.sidecar,
                        reason: "its positions are not strictly "
                            + "ascending (\(previous) then \(position)), but geoplan writes rows in "
                            + "layer order; rerun that partition")
                }
                previous = position
                if let other = order[position] {
                    throw GeoPlanError.input(
                        path: part.path,
                        reason: "the area at position \(position) is also in "
                            + "\"\(parts[other.part].path)\"; the parts overlap, so they were not "
                            + "split by one plan: rerun them with the same spec and --partition N")
                }
                order[position] = (slot, row)
            }
        }
        let uncovered = order.indices.filter { order[$0] == nil }
        guard uncovered.isEmpty else {
            let more = uncovered.count > 5 ? ", …" : ""
            let shown = uncovered.prefix(5).map(String.init).joined(separator: ", ") + more
            throw GeoPlanError.output(
                path: output,
                reason: "the parts hold \(areas - uncovered.count) of the "
                    + "\(areas) areas (none has position \(shown)); they were not split by one "
                    + "plan: rerun them with the same spec and --partition N")
        }
        return order.compactMap { $0 }
    }
}
