import CPROJ
import Testing

@testable import PROJ

@Suite struct PROJLibraryTests {
    @Test func theLibraryIsTheOneTheHeadersDescribe() {
        // `pkg-config --modversion proj` → 9.1.1 on the development machine; the library loaded at run time must
        // match the proj.h it was compiled against.
        #expect(PROJLibrary.version == "\(PROJ_VERSION_MAJOR).\(PROJ_VERSION_MINOR).\(PROJ_VERSION_PATCH)")
    }
}
