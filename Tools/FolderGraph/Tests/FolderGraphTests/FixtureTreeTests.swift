import FolderGraphCore
import Foundation
import Testing

/// The two fixture trees on disk: one whose Outputs takes the runner's context (a cycle), one that does not.
struct FixtureTreeTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func verdict(_ tree: String) throws -> Verdict {
        let root = fixtures.appendingPathComponent(tree).path
        let text = try String(contentsOf: fixtures.appendingPathComponent("layers.txt"), encoding: .utf8)
        return Verdict(graph: FolderGraph(files: try SourceFile.load(root: root)), layers: try Layers(text: text))
    }

    @Test func aCycleIsReportedWithAnExamplePerEdge() throws {
        let verdict = try Self.verdict("Cyclic")
        #expect(!verdict.passed)
        #expect(verdict.cycles == [["Outputs", "Run"]])
        #expect(verdict.graph.edge("Outputs", "Run")?.exampleText == "Outputs/Table.swift:3 RunContext")
        #expect(verdict.graph.edge("Run", "Outputs")?.exampleText == "Run/Runner.swift:4 Table")
        #expect(verdict.upward.map(\.exampleText) == ["Outputs/Table.swift:3 RunContext"])
        let summary = verdict.summary(root: "Cyclic")
        #expect(summary.contains("cycle 1: Outputs → Run → Outputs"))
        #expect(summary.contains("Outputs → Run: Outputs/Table.swift:3 RunContext (1 reference)"))
    }

    @Test func theTreeWithoutACycleIsClean() throws {
        let verdict = try Self.verdict("Clean")
        #expect(verdict.passed)
        #expect(verdict.graph.folders == ["Outputs", "Run", "Values"])
        #expect(verdict.graph.edges.map { "\($0.from)>\($0.to)" } == ["Outputs>Values", "Run>Outputs", "Run>Values"])
        #expect(verdict.summary(root: "Clean").contains("no cycle, every edge points down the layers"))
    }

    @Test func theDotGraphNamesEveryEdgeAndMarksTheCycle() throws {
        let dot = try Self.verdict("Cyclic").dot()
        #expect(dot.contains("\"Outputs\" -> \"Run\" [label=\"1\", color=red, fontcolor=red];"))
        #expect(dot.contains("\"Run\" -> \"Values\" [label=\"1\"];"))
    }
}
