import Foundation
import GDAL
import GeoplanTestSupport
import Testing

@testable import GeoPlan

@Suite struct MergerTests {
    /// The parts in a shuffled order: merge must not depend on the order they are given in.
    func shuffled(_ parts: [String]) -> [String] {
        parts.enumerated().sorted { ($0.offset * 7) % 5 < ($1.offset * 7) % 5 }.map(\.element)
    }

    func bytes(_ path: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: path))
    }

    // MARK: - Byte identity

    @Test(arguments: [(1, false), (2, true), (3, false), (5, true), (12, false)])
    func csvIsByteForByteASingleRuns(count: Int, byteOrderMark: Bool) throws {
        let fixture = try PartitionFixture()
        let run = try fixture.makeRun(.csv, count: count, byteOrderMark: byteOrderMark)
        let output = fixture.path("out/tambons.csv")
        try FileManager.default.createDirectory(atPath: fixture.path("out"), withIntermediateDirectories: true)
        let report = try Merger.merge(MergeRequest(output: output, parts: shuffled(run.parts)))
        #expect(try bytes(output) == bytes(run.single))
        #expect(report.rows == fixture.rows.count && report.format == "CSV")
        #expect(report.parts.map(\.index) == Array(1...count))
        #expect(report.parts.map(\.rows).reduce(0, +) == fixture.rows.count)
        #expect(fixture.contents(of: "out") == ["tambons.csv", "tambons.meta.json"])
    }

    @Test(arguments: [1, 2, 3, 5, 12])
    func geoJSONIsByteForByteASingleRuns(count: Int) throws {
        let fixture = try PartitionFixture()
        let run = try fixture.makeRun(.geoJSON, count: count)
        let output = fixture.path("out/tambons.geojson")
        try FileManager.default.createDirectory(atPath: fixture.path("out"), withIntermediateDirectories: true)
        try Merger.merge(MergeRequest(output: output, parts: shuffled(run.parts)))
        #expect(try bytes(output) == bytes(run.single))
        let text = try String(contentsOfFile: output, encoding: .utf8)
        #expect(RFC7946Checker(maximumDecimals: 7).violations(in: text) == [])
    }

    @Test func theBboxIsTheUnionOfThePartsBoxes() throws {
        // Two partitions whose boxes differ on every side: the merged box takes each side from another part.
        let fixture = try PartitionFixture()
        let run = try fixture.makeRun(.geoJSON, count: 2)
        let boxes = try run.parts.map { try #require(try GeoJSONPart.read($0).bbox) }
        #expect(boxes[0] != boxes[1])
        let merged = fixture.path("merged.geojson")
        try Merger.merge(MergeRequest(output: merged, parts: run.parts))
        let single = try #require(try GeoJSONPart.read(run.single).bbox)
        #expect(try GeoJSONPart.read(merged).bbox == single)
        // Independent check: GDAL's extent of the single file, as the numbers of the bbox read back.
        let extent = try #require(try Dataset.open(run.single).layer(at: 0).extent())
        #expect(single.compactMap(Double.init) == [extent.minX, extent.minY, extent.maxX, extent.maxY])
    }

    @Test func geoJSONWithoutGeometriesHasNoBbox() throws {
        let fixture = try PartitionFixture()
        let run = try fixture.makeRun(.geoJSON, count: 3, geometry: false)
        let output = fixture.path("merged.geojson")
        try Merger.merge(MergeRequest(output: output, parts: run.parts))
        #expect(try bytes(output) == bytes(run.single))
        #expect(try GeoJSONPart.read(output).bbox == nil)
    }

    // MARK: - GeoPackage

    /// What a GeoPackage holds, for comparing two files: the layer definition and every feature.
    struct GeoPackageContent: Equatable {
        var name: String
        var fields: [FieldDefinition]
        var geometryType: GeometryType
        var crs: String?
        var features: [[String]]

        init(_ path: String) throws {
            let layer = try Dataset.open(path).layer(at: 0)
            name = layer.name
            fields = layer.schema.fields
            geometryType = layer.geometryType
            crs = layer.spatialReference?.wkt
            var features: [[String]] = []
            try layer.forEachFeature { feature in
                let wkb = feature.geometry.map { $0.wkb().map { String(format: "%02x", $0) }.joined() } ?? "none"
                features.append(["\(feature.id ?? -1)"] + (try feature.values()).map { "\($0)" } + [wkb])
            }
            self.features = features
        }
    }

    @Test(arguments: [1, 3, 12])
    func geoPackageHoldsWhatASingleRunsHolds(count: Int) throws {
        let fixture = try PartitionFixture()
        let run = try fixture.makeRun(.geoPackage, count: count)
        let output = fixture.path("merged.gpkg")
        let report = try Merger.merge(MergeRequest(output: output, parts: shuffled(run.parts)))
        #expect(report.format == "GPKG" && report.rows == fixture.rows.count)
        let merged = try GeoPackageContent(output)
        #expect(merged == (try GeoPackageContent(run.single)))
        #expect(merged.features.count == fixture.rows.count && merged.name == "tambons")
        #expect(merged.features.first?.first == "1")  // feature ids 1…n in layer order, as in a single run
    }

    // MARK: - Provenance

    @Test func theMergedRecordIsPartitionOnesWithoutPartitionAndWithItsSources() throws {
        let fixture = try PartitionFixture()
        let run = try fixture.makeRun(.csv, count: 3)
        let output = fixture.path("merged.csv")
        try Merger.merge(MergeRequest(output: output, parts: shuffled(run.parts)))
        let record = try JSONDecoder().decode(JSONValue.self, from: bytes(fixture.path("merged.meta.json")))
        let first = try JSONDecoder().decode(JSONValue.self, from: bytes(PartSet.sidecarPath(of: run.parts[0])))
        guard case var .object(expected) = first, case var .object(members) = record else {
            Issue.record("records are not objects")
            return
        }
        let sources = members.removeValue(forKey: "mergedFrom")
        expected["partition"] = nil
        #expect(members == expected)
        #expect(record["startedAt"] == .string("2025-01-02T03:04:05Z"))
        let expectedSources = run.parts.enumerated().map { index, part in
            JSONValue.object([
                "path": .string(part), "index": .integer(Int64(index + 1)),
                "fnv1a64": .string(FileChecksum.of(part).0 ?? ""),
            ])
        }
        #expect(sources == .array(expectedSources))
    }

    @Test func mergingTheOtherFormatsOfTheRunAddsToTheRecord() throws {
        let fixture = try PartitionFixture()
        let csv = try fixture.makeRun(.csv, count: 2)
        let geoJSON = try fixture.makeRun(.geoJSON, count: 2)
        try FileManager.default.createDirectory(atPath: fixture.path("out"), withIntermediateDirectories: true)
        try Merger.merge(MergeRequest(output: fixture.path("out/tambons.csv"), parts: csv.parts))
        try Merger.merge(MergeRequest(output: fixture.path("out/tambons.geojson"), parts: geoJSON.parts))
        let record = try JSONDecoder().decode(JSONValue.self, from: bytes(fixture.path("out/tambons.meta.json")))
        guard case let .array(sources)? = record["mergedFrom"] else {
            Issue.record("no mergedFrom")
            return
        }
        #expect(sources.compactMap { $0["path"]?.string } == csv.parts + geoJSON.parts)
        // Merging the CSV again replaces its own entries only (and needs --overwrite for the CSV itself).
        try Merger.merge(MergeRequest(output: fixture.path("out/tambons.csv"), parts: csv.parts, overwrite: true))
        let again = try JSONDecoder().decode(JSONValue.self, from: bytes(fixture.path("out/tambons.meta.json")))
        #expect(again["mergedFrom"].map { if case let .array(list) = $0 { list.count } else { 0 } } == 4)
    }

    @Test func aMissingOutputFolderIsCreatedOnlyForAMergeThatSucceeds() throws {
        let fixture = try PartitionFixture()
        let run = try fixture.makeRun(.csv, count: 3)
        #expect(throws: GeoPlanError.self) {
            try Merger.merge(
                MergeRequest(
                    output: fixture.path("refused/tambons.csv"),
                    parts: Array(run.parts.dropLast())))
        }
        #expect(!FileManager.default.fileExists(atPath: fixture.path("refused")))
        try Merger.merge(MergeRequest(output: fixture.path("new/tambons.csv"), parts: run.parts))
        #expect(fixture.contents(of: "new") == ["tambons.csv", "tambons.meta.json"])
    }

    @Test func partsMadeByDifferentLibraryVersionsAreMergedWithAWarning() throws {
        let fixture = try PartitionFixture()
        let run = try fixture.makeRun(.csv, count: 2)
        let record = try PartitionPlan.record(
            keys: fixture.keys, groupedBy: "x",
            request: PartitionRequest(index: 2, count: 2))
        try fixture.writeSidecar(for: run.parts[1], partition: record, gdal: "3.8.4")
        let report = try Merger.merge(MergeRequest(output: fixture.path("merged.csv"), parts: run.parts))
        #expect(
            report.warnings == [
                "the parts were made with different gdal versions (3.6.2, 3.8.4); the merged file "
                    + "may differ from what a single run writes"
            ])
    }

    // MARK: - Refusals: nothing is written

    /// Runs a merge into `out/` that must fail; returns its message after checking `out/` is as it was.
    func refusal(
        _ fixture: PartitionFixture, _ parts: [String], format: OutputFormat = .csv,
        overwrite: Bool = false
    ) throws -> String {
        try FileManager.default.createDirectory(atPath: fixture.path("out"), withIntermediateDirectories: true)
        let before = fixture.contents(of: "out")
        let output = fixture.path("out/tambons.\(format.extensions[0])")
        var message = ""
        #expect(throws: (any Error).self) {
            do {
                try Merger.merge(MergeRequest(output: output, parts: parts, overwrite: overwrite))
            } catch {
                message = "\(error)"
                throw error
            }
        }
        #expect(fixture.contents(of: "out") == before, "\(message)")
        return message
    }

    @Test func aMissingPartitionIsNamed() throws {
        let fixture = try PartitionFixture()
        let run = try fixture.makeRun(.csv, count: 5)
        let message = try refusal(fixture, [run.parts[0], run.parts[2], run.parts[4]])
        #expect(message.contains("partitions 2, 4 of 5 are missing"), "\(message)")
        #expect(message.contains("out/tambons.csv"))
    }

    @Test func aRepeatedPartitionIsNamed() throws {
        let fixture = try PartitionFixture()
        let run = try fixture.makeRun(.csv, count: 3)
        let copy = fixture.path("copy/tambons.csv")
        try FileManager.default.createDirectory(atPath: fixture.path("copy"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: run.parts[1], toPath: copy)
        try FileManager.default.copyItem(
            atPath: PartSet.sidecarPath(of: run.parts[1]),
            toPath: PartSet.sidecarPath(of: copy))
        let message = try refusal(fixture, run.parts + [copy])
        #expect(message.contains("\"\(copy)\": it is partition 2/3, as is \"\(run.parts[1])\""), "\(message)")
    }

    @Test func partsOfAnotherRunAreRefused() throws {
        let fixture = try PartitionFixture()
        let run = try fixture.makeRun(.csv, count: 3)
        let record = try PartitionPlan.record(
            keys: fixture.keys, groupedBy: "x",
            request: PartitionRequest(index: 2, count: 3))
        try fixture.writeSidecar(for: run.parts[1], partition: record, specText: "boundaries: v2\n")
        let message = try refusal(fixture, run.parts)
        #expect(message.contains("\"\(run.parts[1])\": it comes from a different run than \"\(run.parts[0])\""))
        #expect(message.contains("spec text"), "\(message)")
        // Input paths may differ (another machine); checksums may not.
        try fixture.writeSidecar(for: run.parts[1], partition: record, inputPath: "/elsewhere/tambons.shp")
        #expect(throws: Never.self) { try Merger.merge(MergeRequest(output: fixture.path("ok.csv"), parts: run.parts)) }
    }

    @Test func partsOfAnotherPartitionCountAreRefused() throws {
        let fixture = try PartitionFixture()
        let three = try fixture.makeRun(.csv, count: 3)
        let record = try PartitionPlan.record(
            keys: fixture.keys, groupedBy: "x",
            request: PartitionRequest(index: 2, count: 4))
        try fixture.writeSidecar(for: three.parts[1], partition: record)
        let message = try refusal(fixture, three.parts)
        #expect(message.contains("it is partition 2/4 but"), "\(message)")
    }

    @Test func overlappingPositionsAreRefused() throws {
        let fixture = try PartitionFixture()
        let run = try fixture.makeRun(.csv, count: 2)
        // Partition 2 claims partition 1's first area as well.
        let first = PartitionPlan.positions(keys: fixture.keys, request: try PartitionRequest(index: 1, count: 2))
        var second = PartitionPlan.record(
            keys: fixture.keys, groupedBy: "x",
            request: try PartitionRequest(index: 2, count: 2))
        second.positions = ([first[0]] + second.positions).sorted()
        try fixture.writeSidecar(for: run.parts[1], partition: second)
        let message = try refusal(fixture, run.parts)
        #expect(message.contains("the area at position \(first[0]) is also in"), "\(message)")
    }

    @Test func positionsThatLeaveAreasOutAreRefused() throws {
        let fixture = try PartitionFixture()
        let run = try fixture.makeRun(.csv, count: 2)
        var second = PartitionPlan.record(
            keys: fixture.keys, groupedBy: "x",
            request: try PartitionRequest(index: 2, count: 2))
        let dropped = second.positions.removeLast()
        try fixture.writeSidecar(for: run.parts[1], partition: second)
        let message = try refusal(fixture, run.parts)
        #expect(message.contains("none has position \(dropped)"), "\(message)")
    }

    @Test(arguments: [OutputFormat.csv, .geoJSON, .geoPackage])
    func aPartWhoseRowsDoNotMatchItsRecordIsRefused(format: OutputFormat) throws {
        let fixture = try PartitionFixture()
        let run = try fixture.makeRun(format, count: 2)
        // Part 2's file replaced by one row fewer than its record lists.
        let positions = PartitionPlan.positions(keys: fixture.keys, request: try PartitionRequest(index: 2, count: 2))
        try FileManager.default.removeItem(atPath: run.parts[1])
        try fixture.write(run.parts[1], format: format, positions: Array(positions.dropLast()))
        let message = try refusal(fixture, run.parts, format: format)
        #expect(message.contains("\"\(run.parts[1])\": it has \(positions.count - 1) rows but"), "\(message)")
    }

    @Test func aPartWithoutARecordOrWithoutAPartitionIsRefused() throws {
        let fixture = try PartitionFixture()
        let run = try fixture.makeRun(.csv, count: 2)
        try fixture.writeSidecar(for: run.parts[0], partition: nil)
        var message = try refusal(fixture, run.parts)
        #expect(message.contains("has no \"partition\" member"), "\(message)")
        #expect(message.contains(PartSet.sidecarPath(of: run.parts[0])))
        try FileManager.default.removeItem(atPath: PartSet.sidecarPath(of: run.parts[0]))
        message = try refusal(fixture, run.parts)
        #expect(message.contains("\"\(run.parts[0])\": its provenance record"), "\(message)")
        #expect(message.contains("is missing"))
    }

    @Test func anExistingOutputNeedsOverwrite() throws {
        let fixture = try PartitionFixture()
        let run = try fixture.makeRun(.csv, count: 2)
        try FileManager.default.createDirectory(atPath: fixture.path("out"), withIntermediateDirectories: true)
        try "old".write(toFile: fixture.path("out/tambons.csv"), atomically: true, encoding: .utf8)
        let message = try refusal(fixture, run.parts)
        #expect(message.contains("--overwrite"), "\(message)")
        #expect(try String(contentsOfFile: fixture.path("out/tambons.csv"), encoding: .utf8) == "old")
        try Merger.merge(MergeRequest(output: fixture.path("out/tambons.csv"), parts: run.parts, overwrite: true))
        #expect(try bytes(fixture.path("out/tambons.csv")) == bytes(run.single))
    }

    @Test func anotherRunsRecordBesideTheOutputNeedsOverwrite() throws {
        let fixture = try PartitionFixture()
        let run = try fixture.makeRun(.csv, count: 2)
        try FileManager.default.createDirectory(atPath: fixture.path("out"), withIntermediateDirectories: true)
        try fixture.writeSidecar(for: fixture.path("out/tambons.csv"), partition: nil)  // a single run's record
        let message = try refusal(fixture, run.parts)
        #expect(message.contains("tambons.meta.json\": it already exists"), "\(message)")
    }

    @Test func partsOfAnotherFormatAreRefused() throws {
        let fixture = try PartitionFixture()
        let run = try fixture.makeRun(.csv, count: 2)
        let message = try refusal(fixture, run.parts, format: .geoJSON)
        #expect(message.contains("it is not a .geojson file like the output"), "\(message)")
        let fgb = try refusal(fixture, run.parts, format: .flatGeobuf)
        #expect(fgb.contains(".geojson, .csv or .gpkg"), "\(fgb)")
    }

    @Test func aCutShortPartIsRefused() throws {
        let fixture = try PartitionFixture()
        let run = try fixture.makeRun(.geoJSON, count: 2)
        let data = try bytes(run.parts[1])
        try data.prefix(data.count - 3).write(to: URL(fileURLWithPath: run.parts[1]))
        let message = try refusal(fixture, run.parts, format: .geoJSON)
        #expect(message.contains("\"\(run.parts[1])\": it is not laid out as geoplan's GeoJSON writer"), "\(message)")
    }
}
