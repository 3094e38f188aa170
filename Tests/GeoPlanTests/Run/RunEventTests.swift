import Testing

@testable import GeoPlan

/// Progress is typed: the CLI prints `description` and, for programs, `fields`.
@Suite struct RunEventTests {
    @Test func eventsReadAsTheRunsStepsAlwaysHave() {
        #expect(RunEvent("tambons", .loadingBoundaries).description == "tambons: loading boundaries")
        #expect(RunEvent("tambons", .readingInput("schools")).description == "tambons: reading schools")
        #expect(
            RunEvent("tambons", .computingAreas(done: 120, of: 200, secondsLeft: 4)).description
                == "tambons: 120/200 areas computed, about 4 s left")
        #expect(
            RunEvent("tambons", .computingAreas(done: 200, of: 200, secondsLeft: nil)).description
                == "tambons: 200/200 areas computed")
        #expect(
            RunEvent("tambons", .computingIndicator(type: "join", id: "population")).description
                == "tambons: join population")
        #expect(
            RunEvent("tambons-district", .recomputing(ids: ["mix", "perimeter"])).description
                == "tambons-district: computing mix, perimeter on the dissolved boundaries")
        #expect(
            RunEvent("units", .splittingByMunicipalities(.cuttingTambons(done: 50, of: 52))).description
                == "units: cutting tambons 50/52")
    }

    @Test func fieldsNameTheStepAndCarryItsNumbers() {
        let fields = RunEvent("tambons", .computingAreas(done: 120, of: 200, secondsLeft: 4)).fields
        #expect(
            fields == [
                "boundary_set": .text("tambons"), "event": .text("computing_areas"),
                "done": .integer(120), "total": .integer(200), "seconds_left": .integer(4),
            ])
        let split = RunEvent("units", .splittingByMunicipalities(.cuttingTambons(done: 50, of: 52))).fields
        #expect(split["event"] == .text("splitting") && split["step_name"] == .text("cutting_tambons"))
        #expect(split["done"] == .integer(50))
    }
}
