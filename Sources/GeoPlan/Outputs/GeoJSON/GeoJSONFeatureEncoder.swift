import Foundation
import GDAL

/// One feature as a line of GeoJSON text: `{"type":"Feature","id":…,"properties":{…},"bbox":[…],"geometry":…}`.
///
/// Properties keep their types: strings, integers (booleans as `true`/`false`), reals in the shortest form that
/// reads back exactly, dates and times as ISO 8601 strings, lists as arrays, binary as base64, missing as `null`.
/// A NaN or infinite real is written as `null` and counted against its property.
struct GeoJSONFeatureEncoder: Sendable {
    /// The fields written as properties, in order.
    let properties: [FieldDefinition]
    /// For each property, its position in the values a feature comes with.
    private let valuePositions: [Int]
    /// The position of the value written as the feature's `id` (and not as a property), if any.
    private let idPosition: Int?
    /// `"name":` of each property, escaped once.
    private let keys: [[UInt8]]

    /// - Parameter idField: the field whose value becomes each feature's `id` member instead of a property
    ///   (GDAL's `ID_FIELD`).
    init(schema: LayerSchema, idField: String?) {
        let idPosition = idField.flatMap { name in schema.fields.firstIndex { $0.name == name } }
        self.idPosition = idPosition
        let positions = schema.fields.indices.filter { $0 != idPosition }
        valuePositions = positions
        properties = positions.map { schema.fields[$0] }
        keys = properties.map { field in
            var key = JSONByteBuffer()
            key.appendString(field.name)
            key.append(UInt8(ascii: ":"))
            return key.bytes
        }
    }

    func encode(
        values: [FieldValue], geometry: GeoJSONGeometryPreparation.Prepared?, into out: inout JSONByteBuffer,
        collectionBox: inout GeoJSONBox, counts: inout GeoJSONWriteCounts
    ) throws {
        out.append(raw: "{\"type\":\"Feature\"")
        if let idPosition, idPosition < values.count {
            switch values[idPosition] {
            case let .string(text):
                out.append(raw: ",\"id\":")
                out.appendString(text)
            case let .integer(number):
                out.append(raw: ",\"id\":")
                out.appendInteger(number)
            default:
                break  // RFC 7946 §3.2: a string or a number, else no id
            }
        }
        out.append(raw: ",\"properties\":{")
        for (index, position) in valuePositions.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            out.append(contentsOf: keys[index])
            let value = position < values.count ? values[position] : .null
            if !append(value, field: properties[index], into: &out) {
                counts.nonFiniteByProperty[index] += 1
            }
        }
        out.append(UInt8(ascii: "}"))
        guard let geometry else {
            out.append(raw: ",\"geometry\":null}")
            return
        }
        let encoder = GeoJSONGeometryEncoder(grid: geometry.grid, fullPrecisionPolygons: geometry.fullPrecisionPolygons)
        var geometryText = JSONByteBuffer(capacity: 64)
        var box = GeoJSONBox()
        box.crossesAntimeridian = geometry.crossesAntimeridian
        try encoder.encode(geometry.geometry, into: &geometryText, box: &box)
        if let numbers = box.numbers {
            out.append(raw: ",\"bbox\":")
            try encoder.encodeBox(numbers, into: &out)
            collectionBox.formUnion(box)
        }
        out.append(raw: ",\"geometry\":")
        out.append(contentsOf: geometryText.bytes)
        out.append(UInt8(ascii: "}"))
        switch geometry.rounding {
        case .snapRounded: counts.snapRounded += 1
        case let .keptFullPrecision(polygons): counts.keptFullPrecision += polygons.count
        case .rounded, nil: break
        }
        if geometry.crossesAntimeridian { counts.cutAtAntimeridian += 1 }
    }

    /// Appends one value; false when it was a non-finite real (or held one), written as null.
    private func append(_ value: FieldValue, field: FieldDefinition, into out: inout JSONByteBuffer) -> Bool {
        switch value {
        case .unset, .null:
            out.append(raw: "null")
        case let .string(text):
            out.appendString(text)
        case let .integer(number):
            if field.subtype == .boolean {
                out.append(raw: number == 0 ? "false" : "true")
            } else {
                out.appendInteger(number)
            }
        case let .real(number):
            guard out.appendShortest(number) else {
                out.append(raw: "null")
                return false
            }
        case let .date(date), let .dateTime(date):
            out.appendString(date.description)
        case let .time(time):
            out.appendString(Self.timeText(time))
        case let .binary(bytes):
            out.appendString(Data(bytes).base64EncodedString())
        case let .integerList(numbers):
            out.append(UInt8(ascii: "["))
            for (index, number) in numbers.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                out.appendInteger(number)
            }
            out.append(UInt8(ascii: "]"))
        case let .realList(numbers):
            var allFinite = true
            out.append(UInt8(ascii: "["))
            for (index, number) in numbers.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                if !out.appendShortest(number) {
                    out.append(raw: "null")
                    allFinite = false
                }
            }
            out.append(UInt8(ascii: "]"))
            return allFinite
        case let .stringList(texts):
            out.append(UInt8(ascii: "["))
            for (index, text) in texts.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                out.appendString(text)
            }
            out.append(UInt8(ascii: "]"))
        }
        return true
    }

    /// `10:30:00` or `10:30:05.250`: the time part of ISO 8601.
    private static func timeText(_ time: DateTimeValue) -> String {
        let full = DateTimeValue(
            year: 2000, month: 1, day: 1, hour: time.hour, minute: time.minute,
            second: time.second, timeZone: time.timeZone
        ).description
        guard let separator = full.firstIndex(of: "T") else { return "00:00:00" }
        return String(full[full.index(after: separator)...])
    }
}
