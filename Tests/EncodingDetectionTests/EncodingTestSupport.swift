import Foundation

@testable import EncodingDetection

// Helpers for the encoding tests only. Like the detector, nothing here imports a C module or GeoplanTestSupport:
// the target builds and runs without GDAL.

// MARK: - A DBF writer

/// Writes a dBASE III table byte by byte (header, 32-byte field descriptors, 0x0D, fixed-width records, 0x1A),
/// so a test controls exactly which bytes a DBF holds: GDAL would recode them.
struct DBFFixture {
    struct Field {
        var name: String
        var type: Character = "C"
        var length: Int = 40
        var decimals: Int = 0
        /// The name's bytes when they are not its UTF-8 (a TIS-620 field name).
        var nameBytes: [UInt8]?
    }

    var fields: [Field] = [Field(name: "NAME")]
    /// One array of values per record, one value per field (raw bytes, space-padded to the width).
    var records: [[[UInt8]]] = []
    /// Records whose deletion flag is "*".
    var deleted: Set<Int> = []
    var languageDriver: UInt8 = 0
    var version: UInt8 = 0x03
    /// Written in the header instead of the real count, to fake a file cut short.
    var claimedRecordCount: Int?

    /// A one-field table with one record per value.
    init(values: [[UInt8]], field: String = "NAME", width: Int = 40, languageDriver: UInt8 = 0) {
        fields = [Field(name: field, length: width)]
        records = values.map { [$0] }
        self.languageDriver = languageDriver
    }

    init(fields: [Field], records: [[[UInt8]]]) {
        self.fields = fields
        self.records = records
    }

    var recordLength: Int { 1 + fields.map(\.length).reduce(0, +) }
    var headerLength: Int { 32 + 32 * fields.count + 1 }

    var bytes: [UInt8] {
        var bytes: [UInt8] = [version, 124, 1, 15]  // last update 2024-01-15
        bytes += Self.littleEndian(claimedRecordCount ?? records.count, 4)
        bytes += Self.littleEndian(headerLength, 2) + Self.littleEndian(recordLength, 2)
        bytes += [UInt8](repeating: 0, count: 17) + [languageDriver, 0, 0]
        for field in fields {
            let name = Array((field.nameBytes ?? Array(field.name.utf8)).prefix(10))
            var descriptor = name + [UInt8](repeating: 0, count: 11 - name.count)
            descriptor += [UInt8(ascii: field.type.unicodeScalars.first ?? "C"), 0, 0, 0, 0]
            descriptor += [UInt8(field.length & 0xFF), UInt8(field.type == "C" ? field.length >> 8 : field.decimals)]
            bytes += descriptor + [UInt8](repeating: 0, count: 14)
        }
        bytes.append(0x0D)
        for (index, record) in records.enumerated() {
            bytes.append(deleted.contains(index) ? UInt8(ascii: "*") : 0x20)
            for (field, value) in zip(fields, record) {
                let cut = Array(value.prefix(field.length))
                bytes += cut + [UInt8](repeating: 0x20, count: field.length - cut.count)
            }
        }
        bytes.append(0x1A)
        return bytes
    }

    @discardableResult
    func write(to url: URL) throws -> URL {
        try Data(bytes).write(to: url)
        return url
    }

    static func littleEndian(_ value: Int, _ size: Int) -> [UInt8] {
        (0..<size).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
    }
}

// MARK: - Scratch folders and seeded randomness

/// A temporary folder, deleted when released.
final class EncodingScratch {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("geoplan-encoding-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    func file(_ name: String) -> URL { url.appendingPathComponent(name) }
}

/// SplitMix64 (Steele, Lea, Flood 2014): the same seed gives the same bytes on every machine.
struct SeededBytes {
    private var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func bytes(_ count: Int) -> [UInt8] { (0..<count).map { _ in UInt8(truncatingIfNeeded: next()) } }
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(max(1, bound))) }
}

// MARK: - References: the shipped data, glibc's iconv, GDAL's ogrinfo

enum EncodingReference {
    /// The repository root: three levels above this file, symbolic links resolved (the private build reaches the
    /// tests through a link).
    static let root = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let provinces = ["phuket", "nonthaburi", "samut-songkhram", "nakhon-pathom"]

    static func tambons(_ province: String, _ ext: String) -> URL {
        root.appendingPathComponent("shapes/tambons/\(province)/\(province).\(ext)")
    }

    /// The distinct Thai names (fields ending in `_TH`) of the shipped tambon tables, read from their bytes.
    static func shippedThaiNames() throws -> [String] {
        var names = Set<String>()
        for province in provinces {
            let url = tambons(province, "dbf")
            let header = try DBFHeader(contentsOf: url)
            let bytes = [UInt8](try Data(contentsOf: url))
            for record in 0..<header.recordCount {
                let start = header.headerLength + record * header.recordLength
                for field in header.textFields where field.name.hasSuffix("_TH") {
                    let value = bytes[(start + field.offset)..<(start + field.offset + field.length)]
                    guard let text = String(bytes: value, encoding: .utf8) else { continue }
                    names.insert(text.trimmingCharacters(in: .whitespaces))
                }
            }
        }
        return names.filter { !$0.isEmpty }.sorted()
    }

    static let iconvPath = "/usr/bin/iconv"
    static let ogrinfoPath = ["/usr/bin/ogrinfo", "/usr/local/bin/ogrinfo", "/opt/homebrew/bin/ogrinfo"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }
    static var hasIconv: Bool { FileManager.default.isExecutableFile(atPath: iconvPath) }
    static var hasOgrinfo: Bool { ogrinfoPath != nil }

    /// Encodes each text with glibc's iconv (`iconv -f UTF-8 -t <encoding>`, one process for all): the
    /// independent encoder the tests compare with.
    static func iconv(_ texts: [String], to encoding: String) throws -> [[UInt8]] {
        let input = Array(texts.joined(separator: "\n").utf8)
        let output = try run(iconvPath, ["-f", "UTF-8", "-t", encoding], input: input)
        return output.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
    }

    /// Decodes each byte alone with `iconv -c -f <encoding> -t UTF-8` (one process; -c drops undefined bytes,
    /// which then come out as ""). Index = byte; 0x0A is reported as "\n" without asking.
    static func iconvDecodeEachByte(from encoding: String) throws -> [String] {
        let bytes: [UInt8] = (0...255).filter { $0 != 0x0A }.flatMap { [UInt8($0), UInt8(0x0A)] }
        let output = try run(iconvPath, ["-c", "-f", encoding, "-t", "UTF-8"], input: bytes)
        var lines = output.split(separator: 0x0A, omittingEmptySubsequences: false).map {
            String(decoding: $0, as: UTF8.self)
        }
        lines.insert("\n", at: 0x0A)
        return Array(lines.prefix(256))
    }

    /// Whether iconv accepts a name (`iconv -f <name> -t UTF-8` of nothing succeeds).
    static func iconvAccepts(_ name: String) -> Bool {
        (try? run(iconvPath, ["-f", name, "-t", "UTF-8"], input: [])) != nil
    }

    /// `ogrinfo -so -al -mdd SHAPEFILE <folder>`: GDAL's SHAPEFILE metadata per layer (LDID_VALUE,
    /// ENCODING_FROM_LDID, CPG_VALUE, ENCODING_FROM_CPG, SOURCE_ENCODING).
    static func ogrShapefileMetadata(folder: URL) throws -> [String: [String: String]] {
        guard let ogrinfoPath else { return [:] }
        let output = try run(ogrinfoPath, ["-ro", "-so", "-al", "-mdd", "SHAPEFILE", folder.path], input: [])
        var layers: [String: [String: String]] = [:]
        var layer = ""
        for line in String(decoding: output, as: UTF8.self).split(separator: "\n") {
            if line.hasPrefix("Layer name: ") {
                layer = String(line.dropFirst("Layer name: ".count))
                layers[layer] = [:]
            } else if line.hasPrefix("  "), let equals = line.firstIndex(of: "=") {
                let key = line[..<equals].trimmingCharacters(in: .whitespaces)
                layers[layer]?[key] = String(line[line.index(after: equals)...])
            }
        }
        return layers
    }

    struct ProcessFailed: Error { let status: Int32 }

    static func run(_ tool: String, _ arguments: [String], input: [UInt8]) throws -> [UInt8] {
        // The input goes through a file, the output through a pipe read to its end: neither can stall the tool.
        let scratch = try EncodingScratch()
        let inputFile = scratch.file("stdin")
        try Data(input).write(to: inputFile)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let stdout = Pipe()
        process.standardInput = try FileHandle(forReadingFrom: inputFile)
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        try process.run()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw ProcessFailed(status: process.terminationStatus) }
        return [UInt8](output)
    }
}

// MARK: - Known bytes (when iconv is absent)

/// Thai place names in TIS-620, from `printf %s NAME | iconv -f UTF-8 -t TIS-620 | xxd -p` (glibc 2.36 iconv).
enum ThaiSamples {
    static let talatYai: [UInt8] = [0xB5, 0xC5, 0xD2, 0xB4, 0xE3, 0xCB, 0xAD, 0xE8]  // ตลาดใหญ่
    static let kathu: [UInt8] = [0xA1, 0xD0, 0xB7, 0xD9, 0xE9]  // กะทู้
    static let nonthaburi: [UInt8] = [0xB9, 0xB9, 0xB7, 0xBA, 0xD8, 0xC3, 0xD5]  // นนทบุรี
    static let tis620 = [talatYai, kathu, nonthaburi]
    static let utf8 = ["ตลาดใหญ่", "กะทู้", "นนทบุรี"].map { Array($0.utf8) }
    /// `iconv -f UTF-8 -t ISO-8859-1`: "Zürich" (ü = 0xFC, undefined in CP874) and "Café".
    static let latin1: [[UInt8]] = [[0x5A, 0xFC, 0x72, 0x69, 0x63, 0x68], [0x43, 0x61, 0x66, 0xE9]]
}

/// European place names with accented letters, for `iconv -t ISO-8859-1` (French, German, Spanish, Portuguese,
/// Nordic).
let europeanPlaceNames = [
    "Zürich", "Genève", "Neuchâtel", "Saint-Étienne", "Besançon", "Orléans", "Nîmes", "Châteauroux", "Île-de-France",
    "Évreux", "Köln", "München", "Düsseldorf", "Göttingen", "Würzburg", "Lübeck", "Schloßstraße", "Sankt Pölten",
    "Málaga", "Cádiz", "León", "Logroño", "Córdoba", "Almería", "Ávila", "Jaén", "A Coruña", "Peñíscola",
    "São Paulo", "Conceição", "Maricá", "Gävle", "Malmö", "Jönköping", "Ærøskøbing", "Århus", "Reykjavík",
    "Þingvellir", "Ísafjörður", "Hôtel de Ville", "Ñuñoa", "Valparaíso", "Concepción", "Düren Süd",
]
