import Testing

@testable import PROJ

@Suite struct PROJErrorTests {
    @Test func descriptionsReadAsSentencesForAPlanner() {
        #expect(
            PROJError.invalidDefinition(definition: "EPSG:99999", message: "crs not found").description
                == #"cannot understand CRS "EPSG:99999": crs not found"#)
        #expect(
            PROJError.invalidOperation(definition: "EPSG:4326", message: "it is a CRS").description
                == #"cannot use coordinate operation "EPSG:4326": it is a CRS"#)
        #expect(
            PROJError.transformFailed(
                function: "proj_trans", message: "Invalid coordinate", index: 1,
                x: 100.6, y: 95
            ).description
                == "cannot transform position 1 (100.6, 95.0): Invalid coordinate")
        #expect(
            PROJError.library(function: "proj_clone", message: "out of memory").description
                == "PROJ's proj_clone failed: out of memory")
    }

    @Test func longDefinitionsAreCutToOneLine() {
        let wkt =
            "GEOGCRS[\"WGS 84\",\n    DATUM[\"World Geodetic System 1984\",\n"
            + String(repeating: "x", count: 200)
        let excerpt = PROJError.excerpt(wkt)
        #expect(!excerpt.contains("\n"))
        #expect(excerpt.count == 100 && excerpt.hasSuffix("…"))
        #expect(excerpt.hasPrefix(#"GEOGCRS["WGS 84", DATUM["#))
    }
}
