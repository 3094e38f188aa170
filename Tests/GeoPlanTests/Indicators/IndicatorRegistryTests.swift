import Foundation
import GeoplanTestSupport
import Testing

@testable import GeoPlan

/// A type written outside the engine, as the next indicator will be: one definition, no switch anywhere. Each
/// area's value is how many characters its code has (hand-computed: "A" 1, "BB" 2, "CCC" 3).
private struct CodeLengthIndicator: IndicatorDefinition {
    var typeName: String { "code_length" }
    var defaultUnit: String? { "characters" }
    func defaultRollUp(weight: String?) -> RollUpRule? { .sum }
    static var spellings: [IndicatorSpelling] { [] }

    func compute(_ indicator: IndicatorSpec, _ run: RunContext) throws -> IndicatorResult {
        let rows: [[IndicatorValue]] = run.boundaries.areas.map { area in
            run.isCore(area.index) ? [.integer(Int64(area.id.count))] : [.null]
        }
        return IndicatorResult(
            columns: [IndicatorColumn(name: indicator.id, type: .integer64, indicator: indicator.id)],
            rows: rows, counters: ["\(indicator.id): areas": rows.filter { $0 != [.null] }.count])
    }

    func finish(_ indicator: IndicatorSpec, _ result: inout IndicatorResult, _ run: RunContext) throws {
        result.warnings.append("\(indicator.id): finished once, after the merge")
    }
}

/// A type that only says its name: geoplan cannot compute it, and says so.
private struct ForeignIndicator: IndicatorType {
    var typeName: String { "foreign" }
}

@Suite struct IndicatorRegistryTests {
    @Test func everySpellingIsListedOnceInTheDocumentedOrder() {
        let names = IndicatorRegistry.spellings.map(\.name)
        #expect(
            names == [
                "area", "perimeter", "compactness", "count", "length", "share", "mix", "join", "ratio",
                "expression", "nearest", "zonal", "interpolate",
            ])
        for name in names { #expect(IndicatorRegistry.spelling(name)?.name == name) }
        #expect(IndicatorRegistry.spelling("nope") == nil)
    }

    @Test func parametersCompareAndHashAsValues() {
        let count = IndicatorSpec(id: "n", kind: .count(input: "schools", by: "kind"))
        #expect(count.kind == .count(input: "schools", whereClause: nil, by: "kind"))
        #expect(!(count.kind == .count(input: "schools")))
        #expect(!(count.kind == .length(input: "schools", by: "kind")))
        #expect(count == IndicatorSpec(id: "n", kind: .count(input: "schools", by: "kind")))
        #expect(count != IndicatorSpec(id: "n", kind: .length(input: "schools", by: "kind")))
        #expect(Set([count, IndicatorSpec(id: "n", kind: .count(input: "schools", by: "kind"))]).count == 1)
        #expect(IndicatorSpec(id: "m", kind: .mix(input: "lu", by: "c")).kind.typeName == "mix")
    }

    @Test func aNewTypeRunsOnThreadsAndIsFinishedRolledUpAndRecordedWithoutEngineChanges() throws {
        let folder = try TemporaryFolder()
        let square = { (x: Double) in
            "{\"type\": \"Polygon\", \"coordinates\": [[[\(x), 13.0], [\(x + 0.1), 13.0], [\(x + 0.1), 13.1], "
                + "[\(x), 13.1], [\(x), 13.0]]]}"
        }
        try folder.write(
            SyntheticData.featureCollection([
                (square(100.0), #"{"code": "A"}"#), (square(100.1), #"{"code": "BB"}"#),
                (square(100.2), #"{"code": "CCC"}"#),
            ]), to: "cells.geojson")
        let indicator = IndicatorSpec(id: "code_chars", kind: CodeLengthIndicator())
        let spec = Spec(
            boundaries: [BoundarySpec(name: "cells", path: "cells.geojson", idField: "code")],
            indicators: [indicator], output: OutputSpec(folder: "out", formats: [.csv]),
            path: folder.path("spec.yaml"))
        // One area per chunk on two threads: the per-area path, merged, then finished once.
        let report = try Runner.run(spec, options: RunOptions(includeRows: true, jobs: 2, chunkSize: 1))
        let set = try #require(report.boundarySets.first)
        #expect(set.rows?.map { $0.values } == [["1"], ["2"], ["3"]])
        #expect(set.counters["code_chars: areas"] == 3)
        #expect(report.warnings.filter { $0.contains("finished once") }.count == 1)
        #expect(
            try String(contentsOfFile: folder.path("out/cells.csv"), encoding: .utf8)
                .contains("code_chars"))
        #expect(Provenance.unit(of: indicator) == "characters")
        #expect(indicator.rollUpRule == .sum)
    }

    @Test func aTypeGeoplanDoesNotKnowIsAnErrorNotATrap() throws {
        let folder = try TemporaryFolder()
        try folder.write(
            SyntheticData.featureCollection([
                (
                    #"{"type": "Polygon", "coordinates": [[[100.0, 13.0], [100.1, 13.0], [100.1, 13.1], [100.0, 13.0]]]}"#,
                    #"{"code": "A"}"#
                )
            ]), to: "cells.geojson")
        let spec = Spec(
            boundaries: [BoundarySpec(name: "cells", path: "cells.geojson", idField: "code")],
            indicators: [IndicatorSpec(id: "x", kind: ForeignIndicator())],
            output: OutputSpec(folder: "out", formats: []), path: folder.path("spec.yaml"))
        #expect(throws: (any Error).self) { try Runner.run(spec) }
        do {
            _ = try Runner.run(spec)
        } catch {
            #expect("\(error)".contains("cannot compute indicators of type foreign"), "\(error)")
        }
    }
}
