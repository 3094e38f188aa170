import Testing

@testable import EncodingDetection

@Suite struct EncodingDetectionErrorTests {
    @Test func messagesNameTheFileAndSayWhatToDo() {
        let cut = EncodingDetectionError.truncatedHeader(path: "/in/a.dbf", reason: "it holds 20 bytes")
        #expect(
            cut.description == "\"/in/a.dbf\" is cut short: it holds 20 bytes; copy the Shapefile's .dbf again "
                + "from its source")
        let bad = EncodingDetectionError.corruptHeader(path: "/in/b.dbf", reason: "its record length is 0")
        #expect(
            bad.description == "\"/in/b.dbf\" is not a valid dBASE table (a Shapefile's attributes): its record "
                + "length is 0")
        let gone = EncodingDetectionError.unreadable(path: "/in/c.dbf", reason: "no such file")
        #expect(gone.description == "cannot read \"/in/c.dbf\": no such file")
        #expect([cut, bad, gone].map(\.path) == ["/in/a.dbf", "/in/b.dbf", "/in/c.dbf"])
        #expect(Set([cut, cut, bad]).count == 2)
    }
}
