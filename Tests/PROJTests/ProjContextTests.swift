import CPROJ
import Testing

@testable import PROJ

@Suite struct ProjContextTests {
    @Test func proJsMessagesAreCapturedNotPrinted() throws {
        // PROJ logs through the context's log function, which replaced its stderr logger; a failing call's
        // message lands in `messages`.
        let context = try ProjContext()
        context.beginCall()
        #expect(proj_create(context.handle, "EPSG:99999") == nil)
        #expect(context.messages == ["proj_create: crs not found"])
        #expect(context.takeCreationFailure() == "crs not found")
    }

    @Test func aFailureIsTakenOnceThenNothingIsStale() throws {
        let context = try ProjContext()
        context.beginCall()
        #expect(proj_create(context.handle, "+proj=foo +type=crs") == nil)
        #expect(context.errorNumber != 0)
        #expect(context.takeCreationFailure().contains("Unknown projection"))
        // Taking the failure reset both the messages and the context's error number (through the resetter PJ:
        // PROJ 9.1 has no public way to reset a context's errno directly).
        #expect(context.messages.isEmpty)
        #expect(context.errorNumber == 0)
        #expect(context.takeCreationFailure() == "PROJ gave no reason")
    }

    @Test func functionPrefixesAreLeftOutOfMessages() {
        #expect(ProjContext.withoutPrefix("proj_create: crs not found") == "crs not found")
        #expect(ProjContext.withoutPrefix("utm: Invalid latitude") == "Invalid latitude")
        #expect(ProjContext.withoutPrefix("Error 1027 (Invalid value): x") == "Error 1027 (Invalid value): x")
    }

    @Test func errorNumbersHaveTexts() throws {
        let context = try ProjContext()
        #expect(context.errorText(PROJ_ERR_COORD_TRANSFM_INVALID_COORD) == "Invalid coordinate")
        #expect(context.errorText(PROJ_ERR_OTHER) == nil)  // "Unknown error (code 4096)" says nothing
        #expect(context.errorText(0) == nil)
    }

    @Test func objectsKeepTheirContextAlive() throws {
        // The context is released by its creator first; the CRS and Transformer keep it until they go, and their
        // PJ objects are destroyed before it (ASan in `make sanitize` checks the order).
        var transformer: Transformer?
        do {
            let context = try ProjContext()
            transformer = try Transformer(
                from: CRS("EPSG:4326", context: context),
                to: CRS("EPSG:32647", context: context), context: context)
        }
        #expect(try transformer?.transform(XY(x: 100.5018, y: 13.7567)) != nil)
        transformer = nil
    }
}
