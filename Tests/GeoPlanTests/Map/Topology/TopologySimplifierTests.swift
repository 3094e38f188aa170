import Foundation
import GEOS
import GeoplanTestSupport
import Testing

@testable import GeoPlan

extension MapTopologyTests {
    @Suite struct TopologySimplifierTests {
        let context: GEOSContext

        init() throws {
            context = try GEOSContext()
        }

        @Test(arguments: ["phuket", "nonthaburi", "nakhon-pathom", "samut-songkhram"])
        func probe(province: String) throws {
            let (_, topology) = try MapTopologyTests.tambons(province, context: context)
            for method in SimplificationMethod.allCases {
                let start = Date()
                let result = try TopologySimplifier.simplify(topology, SimplificationOptions(method: method, amount: .tolerance(metres: 20)), context: context)
                print(province, method, Date().timeIntervalSince(start), result.report)
            }
        }
    }
}
