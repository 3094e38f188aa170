import Foundation
import GeoplanTestSupport
import Testing

@testable import GDAL

@Suite struct FeatureTests {
    @Test func thaiNamesAreReadIntactFromTheShippedShapefile() throws {
        // Reference: `ogrinfo -q shapes/tambons/phuket/phuket.shp phuket -fid 0` (GDAL 3.6.2).
        let layer = try Dataset.open(Fixtures.phuket).layer(at: 0)
        let first = try #require(try layer.feature(id: 0))
        #expect(try first.value("ADM3_TH") == .string("ตลาดใหญ่"))
        #expect(try first.value("ADM2_TH") == .string("เมืองภูเก็ต"))
        #expect(try first.value("ADM3_PCODE") == .string("TH830101"))
        #expect(try first.value("Shape_Area") == .real(0.000664511913805))
        // Case-insensitive field lookup, as OGR does.
        #expect(try first.value("adm3_en") == .string("Talat Yai"))
        // Every Thai name of every shipped province reads as valid Thai script.
        for path in [Fixtures.phuket, Fixtures.nonthaburi] {
            try Dataset.open(path).layer(at: 0).forEachFeature { feature in
                let name = try feature.value("ADM3_TH").text ?? ""
                #expect(name.unicodeScalars.allSatisfy { (0x0E00...0x0E7F).contains($0.value) || $0 == " " })
            }
        }
    }

    @Test func unknownFieldSuggestsTheClosestName() throws {
        let feature = try #require(try Dataset.open(Fixtures.phuket).layer(at: 0).feature(id: 0))
        #expect {
            try feature.value("ADM3_PCOD")
        } throws: { error in
            "\(error)".contains("did you mean \"ADM3_PCODE\"")
        }
    }

    @Test func geoJSONValuesKeepTheirTypesAndNullIsNotUnset() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write(
            """
            {"type": "FeatureCollection", "features": [
              {"type": "Feature", "properties": {"name": "ก", "n": 3, "x": 2.5, "d": "2024-02-29", "z": null},
               "geometry": {"type": "Point", "coordinates": [100.5, 13.7]}},
              {"type": "Feature", "properties": {"name": "ข"}, "geometry": null}
            ]}
            """, to: "values.geojson")
        let layer = try Dataset.open(path).layer(at: 0)
        let features = Array(layer.features)
        #expect(features.count == 2)
        #expect(try features[0].value("name") == .string("ก"))
        #expect(try features[0].value("n") == .integer(3))
        #expect(try features[0].value("x") == .real(2.5))
        #expect(try features[0].value("d") == .date(DateTimeValue(year: 2024, month: 2, day: 29)))
        #expect(try features[0].value("z") == .null)
        #expect(try features[1].value("n") == .unset)
        #expect(features[1].geometry == nil)
        #expect(features[0].geometry?.type.kind == .point)
    }

    @Test func bytesThatAreNotUTF8AreAnErrorNamingTheFeatureAndField() throws {
        let folder = try TemporaryFolder()
        // "กรุงเทพ" in TIS-620 (iconv -f UTF-8 -t TIS-620), in a CSV that declares nothing.
        let tis620: [UInt8] = [0xA1, 0xC3, 0xD8, 0xA7, 0xE0, 0xB7, 0xBE]
        let path = try folder.write(Array("id,name\n1,".utf8) + tis620 + Array("\n".utf8), to: "names.csv")
        let layer = try Dataset.open(path).layer(at: 0)
        let feature = try #require(try layer.feature(id: 1))  // the CSV driver numbers rows from 1
        #expect {
            try feature.value("name")
        } throws: { error in
            let text = "\(error)"
            return text.contains("names.csv") && text.contains("feature 1") && text.contains("\"name\"")
                && text.contains("0xA1") && text.contains("⟦encoding=CP874⟧")
        }
        // Named explicitly, the same bytes decode.
        let recoded = try Dataset.open(path, options: OpenOptions(textDecoding: .recode(from: "CP874"))).layer(at: 0)
        #expect(try recoded.feature(id: 1)?.value("name") == .string("กรุงเทพ"))
    }
}
