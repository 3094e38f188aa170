import Foundation

/// Writes a minimal dBASE III table byte by byte, so tests control exactly which bytes a DBF holds (GDAL would
/// recode them). One character field; records as raw bytes, space-padded.
public enum TinyDBF {
    @discardableResult
    public static func write(
        to path: String, field: String = "NAME", width: Int = 40, values: [[UInt8]],
        languageDriver: UInt8 = 0
    ) throws -> String {
        var bytes: [UInt8] = [0x03, 124, 1, 1]  // dBASE III, last update 2024-01-01
        append(UInt32(values.count), 4, to: &bytes)
        let headerLength = 32 + 32 + 1
        append(UInt32(headerLength), 2, to: &bytes)
        append(UInt32(1 + width), 2, to: &bytes)
        bytes += [UInt8](repeating: 0, count: 17)
        bytes += [languageDriver, 0, 0]
        var descriptor = Array(field.utf8.prefix(10))
        descriptor += [UInt8](repeating: 0, count: 11 - descriptor.count)
        descriptor += [UInt8(ascii: "C"), 0, 0, 0, 0, UInt8(width), 0]
        descriptor += [UInt8](repeating: 0, count: 32 - descriptor.count)
        bytes += descriptor + [0x0D]
        for value in values {
            let cut = Array(value.prefix(width))
            bytes += [0x20] + cut + [UInt8](repeating: 0x20, count: width - cut.count)
        }
        bytes.append(0x1A)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    private static func append(_ value: UInt32, _ size: Int, to bytes: inout [UInt8]) {
        for index in 0..<size { bytes.append(UInt8((value >> (8 * UInt32(index))) & 0xFF)) }
    }
}
