import Foundation
import GDAL
import GeoplanTestSupport
import Testing

/// A run's GeoJSON and CSV hold the same values: every cell of the CSV equals the GeoJSON property of the same
/// name, read back through GDAL (exact numbers) and through Foundation's strict JSON parser (types and nulls).
@Suite struct GeoJSONAgreesWithCSVTests {
    @Test func everyValueOfTheNonthaburiSampleAgrees() throws {
        let folder = try TemporaryFolder()
        let samples = Fixtures.root.appendingPathComponent("samples").path
        var spec = try String(contentsOfFile: "\(samples)/nonthaburi.yaml", encoding: .utf8)
        spec = spec.replacingOccurrences(of: "path: ../", with: "path: \(samples)/../")
            .replacingOccurrences(of: "path: nonthaburi/", with: "path: \(samples)/nonthaburi/")
            .replacingOccurrences(of: "formats: [geojson, csv, gpkg]", with: "formats: [geojson, csv]")
        let specPath = try folder.write(spec, to: "nonthaburi.yaml")
        let result = try CommandRunner.run(["run", specPath, "--out", folder.path("out"), "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")

        let csv = try Self.csvRows(
            try String(
                contentsOfFile: folder.path("out/nonthaburi-tambons.csv"),
                encoding: .utf8))
        let header = try #require(csv.first)
        let rows = Array(csv.dropFirst())
        let geoJSONPath = folder.path("out/nonthaburi-tambons.geojson")
        let layer = try Dataset.open(geoJSONPath).layer(at: 0)
        var features: [[String: FieldValue]] = []
        let names = layer.schema.names
        try layer.forEachFeature { feature in
            features.append(Dictionary(uniqueKeysWithValues: zip(names, try feature.values())))
        }
        #expect(rows.count == 52 && features.count == rows.count)
        #expect(Set(header).isSubset(of: Set(names)), "\(Set(header).subtracting(names))")

        let text = try String(contentsOfFile: geoJSONPath, encoding: .utf8)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let strict = try #require(root["features"] as? [[String: Any]])

        var compared = 0
        for ((row, feature), parsed) in zip(zip(rows, features), strict) {
            let properties = try #require(parsed["properties"] as? [String: Any])
            #expect(parsed["id"] as? String == row.first)  // the area code is the feature's id
            for (name, cell) in zip(header, row) {
                let value = feature[name] ?? .null
                let strictValue = properties[name]
                if cell.isEmpty {
                    #expect(value.isMissing || value == .string(""), "\(name): \(value) where the CSV is empty")
                    #expect(strictValue is NSNull || strictValue as? String == "", "\(name)")
                } else if let number = Double(cell), value.number != nil {
                    #expect(value.number == number, "\(name): \(value) against \(cell)")
                    let strictNumber = (strictValue as? NSNumber)?.doubleValue ?? .nan
                    #expect(abs(strictNumber - number) <= abs(number) * 1e-14, "\(name)")
                } else {
                    // CSV neutralises text a spreadsheet would run (a leading '); GeoJSON keeps it as it is.
                    let written = value.text ?? ""
                    #expect(cell == written || cell == "'" + written, "\(name): \(written) against \(cell)")
                    #expect(strictValue as? String == written, "\(name)")
                }
                compared += 1
            }
        }
        #expect(compared == rows.count * header.count && compared > 52 * 20)
    }

    /// RFC 4180: quoted cells with doubled quotes, commas and line breaks; a byte-order mark dropped.
    static func csvRows(_ text: String) throws -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var cell = ""
        var quoted = false
        var wasQuoted = false
        var characters = Array(text.unicodeScalars)
        if characters.first == "\u{FEFF}" { characters.removeFirst() }
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if quoted {
                if character == "\"" {
                    if index + 1 < characters.count, characters[index + 1] == "\"" {
                        cell.unicodeScalars.append("\"")
                        index += 1
                    } else {
                        quoted = false
                    }
                } else {
                    cell.unicodeScalars.append(character)
                }
            } else if character == "\"", cell.isEmpty, !wasQuoted {
                quoted = true
                wasQuoted = true
            } else if character == "," {
                row.append(cell)
                cell = ""
                wasQuoted = false
            } else if character == "\r" || character == "\n" {
                if character == "\r", index + 1 < characters.count, characters[index + 1] == "\n" { index += 1 }
                row.append(cell)
                rows.append(row)
                row = []
                cell = ""
                wasQuoted = false
            } else {
                cell.unicodeScalars.append(character)
            }
            index += 1
        }
        if !cell.isEmpty || !row.isEmpty { rows.append(row + [cell]) }
        return rows
    }
}
