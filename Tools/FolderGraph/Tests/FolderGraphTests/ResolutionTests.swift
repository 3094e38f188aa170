import Testing

@testable import FolderGraphCore

/// How names resolve to folders, on trees written in the test.
struct ResolutionTests {
    static func graph(_ files: [String: String]) -> FolderGraph {
        FolderGraph(files: files.keys.sorted().map { SourceFile(path: $0, text: files[$0] ?? "") })
    }

    static func pairs(_ graph: FolderGraph) -> [String] { graph.edges.map { "\($0.from)>\($0.to)" } }

    @Test func aStaticMemberFromAnotherFoldersExtensionIsAnEdgeToThatFolder() {
        let graph = Self.graph([
            "Run/Runner.swift": "enum Runner {}",
            "Run/Runner+Files.swift": "extension Runner { static func report() {} }",
            "Outputs/Runner+Write.swift": "extension Runner {\n    static func atomicWrite() {}\n}",
            "Map/Maker.swift": "func make() {\n    Runner.atomicWrite()\n    Runner.report()\n}",
        ])
        #expect(Self.pairs(graph) == ["Map>Outputs", "Map>Run", "Outputs>Run"])
        #expect(graph.edge("Map", "Outputs")?.exampleText == "Map/Maker.swift:2 Runner.atomicWrite")
        #expect(graph.edge("Outputs", "Run")?.exampleText == "Outputs/Runner+Write.swift:1 Runner")
    }

    @Test func aMemberOfAWrapperTypeFromAnExtensionIsAnEdge() {
        let graph = Self.graph([
            "Bridges/SpatialReference+PROJ.swift": "extension SpatialReference { static func wgs84() {} }",
            "Outputs/Table.swift": "func write() { SpatialReference.wgs84() }",
        ])
        #expect(Self.pairs(graph) == ["Outputs>Bridges"])
    }

    @Test func unqualifiedMembersOfTheEnclosingTypeResolveToTheirExtensionsFolder() {
        let graph = Self.graph([
            "Run/Runner.swift": "enum Runner { static func run() { stage() } }",
            "Outputs/Runner+Stage.swift": "extension Runner { static func stage() {} }",
        ])
        #expect(Self.pairs(graph) == ["Outputs>Run", "Run>Outputs"])
    }

    @Test func freeFunctionsAndConstantsAreReferences() {
        let graph = Self.graph([
            "Core/Helpers.swift": "func helper() {}\nlet limit = 3",
            "Map/Maker.swift": "func make() -> Int { helper(); return limit }",
        ])
        #expect(graph.edge("Map", "Core")?.count == 2)
    }

    @Test func nestedTypesGenericsAndMethodsShadowTopLevelNames() {
        let graph = Self.graph([
            "Spec/Column.swift": "struct Column {}\nfunc helper() {}",
            "Run/Plan.swift": """
            struct Plan {
                struct Column {}
                func helper() {}
                func columns() -> [Column] { helper(); return [] }
            }
            func first<Column>(_ value: Column) -> Column { value }
            """,
        ])
        #expect(graph.edges.isEmpty)
    }

    @Test func localsShadowMembersFromOtherFoldersAndFreeFunctions() {
        let graph = Self.graph([
            "Outputs/OutputTarget.swift": """
            struct OutputTarget {
                var sidecars: [String] { let stem = "a"; return [stem] }
                func names(limit: Int) -> [Int] { [limit].map { helper in helper } }
            }
            """,
            "Validation/OutputTarget+Stem.swift": "extension OutputTarget { var stem: String { \"\" } }",
            "Core/Helpers.swift": "func helper() {}\nlet limit = 3",
        ])
        #expect(Self.pairs(graph) == ["Validation>Outputs"])
    }

    @Test func filesInTheRootAreTheirOwnNode() {
        let graph = Self.graph([
            "GeoPlanError.swift": "enum GeoPlanError: Error { case input }",
            "Inputs/Reader.swift": "func read() throws { throw GeoPlanError.input }",
        ])
        #expect(Self.pairs(graph) == ["Inputs>(root)"])
    }

    @Test func aTypeAtTheTopOfAnotherFoldersExtensionIsAReference() {
        let graph = Self.graph([
            "Partition/JSONValue.swift": "enum JSONValue {}",
            "Map/JSONValue+Field.swift": "extension JSONValue { init(_ text: String) { self = .init() } }",
        ])
        #expect(Self.pairs(graph) == ["Map>Partition"])
    }

    @Test func layersPointDownAndNameUnplacedFolders() throws {
        let graph = Self.graph([
            "Outputs/Table.swift": "enum Table { static func write(_ run: RunContext) {} }",
            "Run/RunContext.swift": "struct RunContext {}",
            "Extra/Extra.swift": "struct Extra {}",
        ])
        let layers = try Layers(text: "# bottom first\nOutputs, Partition\nRun\n")
        let violations = layers.violations(in: graph)
        #expect(violations.unplaced == ["Extra"])
        #expect(violations.upward.map(\.exampleText) == ["Outputs/Table.swift:1 RunContext"])
        #expect(layers.missing(from: graph) == ["Partition"])
        #expect(throws: FolderGraphError.badLayers(path: "layers.txt", line: 2, reason: "Run is listed twice")) {
            try Layers(text: "Run\nRun")
        }
    }
}
