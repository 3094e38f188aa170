import GEOS
import GeoplanTestSupport
import Testing

@testable import GeoPlan

/// Groups the suites of `Sources/GeoPlan/Map/Topology`, so `swift test --filter MapTopologyTests` runs exactly them.
@Suite enum MapTopologyTests {
    /// The shipped tambon files, by province.
    static let provinces = [
        "phuket": Fixtures.phuket, "nonthaburi": Fixtures.nonthaburi, "nakhon-pathom": Fixtures.nakhonPathom,
        "samut-songkhram": Fixtures.shape("tambons/samut-songkhram/samut-songkhram.shp"),
    ]

    /// A province's tambons as a boundary set would load them, and their topology.
    static func tambons(_ province: String, context: GEOSContext) throws -> (BoundarySet, Topology) {
        let spec = BoundarySpec(name: "tambons", path: provinces[province] ?? "", idField: "ADM3_PCODE")
        let set = try BoundarySet.load(spec, folder: nil, context: context)
        let topology = try Topology(set.areas.map { TopologyInput(id: $0.id, geometry: $0.geometry) })
        return (set, topology)
    }
}
