import EncodingDetection
import Foundation
import FuzzSupport

/// The Shapefile encoding detector on any bytes taken as a `.dbf` (header, field descriptors, records) and an
/// optional `.cpg`. Promises: a decision or an error, never a trap, a hang or a read beyond the file; the decision
/// always names an encoding GDAL can be given.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzEncoding(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    var input = FuzzInput(data, size)
    // First byte: bit 7 says whether there is a .cpg, the rest its length (up to 127 bytes, taken next).
    let cpgChoice = input.byte()
    let cpgLength = Int(cpgChoice & 0x7F)
    let cpgBytes = (0..<cpgLength).map { _ in input.byte() }
    let cpgText = cpgChoice & 0x80 != 0 ? String(decoding: cpgBytes, as: UTF8.self) : nil
    // A small sampling budget now and then, so the spread-out sampling of big files is reached by small inputs.
    let budget = input.byte() < 64 ? 1 + Int(input.byte()) * 16 : 8 << 20
    let dbf = input.rest()
    let url = ScratchFile.write(dbf, name: "input.dbf")
    if let decision = try? ShapefileEncodingDetector.decide(
        dbf: url, cpgText: cpgText, override: nil,
        sampleLimit: budget)
    {
        invariant(!decision.encoding.gdalName.isEmpty, "a decision naming no encoding")
        invariant(!decision.summary.isEmpty, "a decision without a summary")
    }
    if let header = try? DBFHeader(bytes: dbf, fileSize: dbf.count, path: "fuzz.dbf") {
        invariant(header.fields.allSatisfy { $0.length >= 0 && $0.offset >= 0 }, "a field with a negative size")
    }
    if let cpgText { _ = TextEncoding(cpgText: cpgText) }
    return 0
}
