import Foundation

/// An independent, strict reader of RFC 7946 GeoJSON for tests: it uses no GDAL code, only the RFC's rules.
///
/// Checks: the object types and members (§3), no `crs` member (§4), positions of 2–3 numbers with longitude and
/// latitude in range (§3.1.1, §4), LineStrings of ≥ 2 positions, closed linear rings of ≥ 4 positions with the
/// exterior counter-clockwise and holes clockwise (§3.1.6), `bbox` of 2n numbers (§5), `id` a string or number
/// (§3.2), and optionally the number of decimals of every coordinate.
public struct RFC7946Checker {
    public var maximumDecimals: Int?

    public init(maximumDecimals: Int? = nil) {
        self.maximumDecimals = maximumDecimals
    }

    /// Every violation found, empty when the text is valid RFC 7946 GeoJSON.
    public func violations(in text: String) -> [String] {
        var problems: [String] = []
        guard let data = text.data(using: .utf8),
            let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else {
            return ["not a JSON object"]
        }
        checkObject(root, path: "$", problems: &problems)
        if let maximumDecimals {
            problems += decimalViolations(in: text, limit: maximumDecimals)
        }
        return problems
    }

    private func checkObject(_ object: [String: Any], path: String, problems: inout [String]) {
        if object["crs"] != nil { problems.append("\(path): has a \"crs\" member (RFC 7946 §4 removed it)") }
        guard let type = object["type"] as? String else {
            problems.append("\(path): no \"type\" string")
            return
        }
        if let bbox = object["bbox"] {
            guard let numbers = bbox as? [NSNumber], numbers.count % 2 == 0, numbers.count >= 4 else {
                problems.append("\(path): bbox is not an array of 2n numbers")
                return
            }
        }
        switch type {
        case "FeatureCollection":
            guard let features = object["features"] as? [Any] else {
                problems.append("\(path): FeatureCollection without a \"features\" array")
                return
            }
            for (index, feature) in features.enumerated() {
                guard let feature = feature as? [String: Any] else {
                    problems.append("\(path).features[\(index)]: not an object")
                    continue
                }
                if feature["type"] as? String != "Feature" {
                    problems.append("\(path).features[\(index)]: type is not \"Feature\"")
                }
                checkObject(feature, path: "\(path).features[\(index)]", problems: &problems)
            }
        case "Feature":
            if let id = object["id"], !(id is String || id is NSNumber) {
                problems.append("\(path): id is neither a string nor a number")
            }
            guard object.keys.contains("geometry"), object.keys.contains("properties") else {
                problems.append("\(path): Feature without \"geometry\" or \"properties\" member")
                return
            }
            if let properties = object["properties"], !(properties is [String: Any] || properties is NSNull) {
                problems.append("\(path): properties is neither an object nor null")
            }
            if let geometry = object["geometry"] as? [String: Any] {
                checkObject(geometry, path: "\(path).geometry", problems: &problems)
            } else if !(object["geometry"] is NSNull) {
                problems.append("\(path): geometry is neither an object nor null")
            }
        case "GeometryCollection":
            guard let geometries = object["geometries"] as? [[String: Any]] else {
                problems.append("\(path): GeometryCollection without \"geometries\"")
                return
            }
            for (index, geometry) in geometries.enumerated() {
                checkObject(geometry, path: "\(path).geometries[\(index)]", problems: &problems)
            }
        case "Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon":
            guard let coordinates = object["coordinates"] as? [Any] else {
                problems.append("\(path): \(type) without a \"coordinates\" array")
                return
            }
            checkCoordinates(coordinates, type: type, path: path, problems: &problems)
        default:
            problems.append("\(path): unknown type \"\(type)\"")
        }
    }

    private func checkCoordinates(_ value: [Any], type: String, path: String, problems: inout [String]) {
        switch type {
        case "Point":
            checkPosition(value, path: path, problems: &problems)
        case "MultiPoint":
            for position in value { checkPosition(position as? [Any] ?? [], path: path, problems: &problems) }
        case "LineString":
            checkLine(value, path: path, problems: &problems)
        case "MultiLineString":
            for line in value { checkLine(line as? [Any] ?? [], path: path, problems: &problems) }
        case "Polygon":
            checkPolygon(value, path: path, problems: &problems)
        case "MultiPolygon":
            for polygon in value { checkPolygon(polygon as? [Any] ?? [], path: path, problems: &problems) }
        default:
            break
        }
    }

    @discardableResult
    private func checkPosition(_ value: [Any], path: String, problems: inout [String]) -> (Double, Double)? {
        let numbers = value.compactMap { ($0 as? NSNumber)?.doubleValue }
        guard numbers.count == value.count, (2...3).contains(numbers.count) else {
            problems.append("\(path): a position is not 2 or 3 numbers")
            return nil
        }
        if !(-180...180).contains(numbers[0]) || !(-90...90).contains(numbers[1]) {
            problems.append("\(path): position (\(numbers[0]), \(numbers[1])) is not lon/lat in range")
        }
        return (numbers[0], numbers[1])
    }

    private func checkLine(_ value: [Any], path: String, problems: inout [String]) {
        if value.count < 2 { problems.append("\(path): LineString with fewer than 2 positions") }
        for position in value { checkPosition(position as? [Any] ?? [], path: path, problems: &problems) }
    }

    private func checkPolygon(_ rings: [Any], path: String, problems: inout [String]) {
        for (index, ring) in rings.enumerated() {
            let positions = (ring as? [Any] ?? []).compactMap {
                checkPosition(
                    $0 as? [Any] ?? [], path: path,
                    problems: &problems)
            }
            guard positions.count >= 4 else {
                problems.append("\(path): ring \(index) has fewer than 4 positions")
                continue
            }
            if let first = positions.first, let last = positions.last, first != last {
                problems.append("\(path): ring \(index) is not closed")
            }
            let area = Self.signedArea(positions)
            if index == 0, area < 0 {
                problems.append("\(path): exterior ring is clockwise (§3.1.6: counter-clockwise)")
            }
            if index > 0, area > 0 {
                problems.append("\(path): hole \(index) is counter-clockwise (§3.1.6: clockwise)")
            }
        }
    }

    /// Shoelace area in degrees², positive for counter-clockwise rings; only its sign is used.
    static func signedArea(_ ring: [(Double, Double)]) -> Double {
        var sum = 0.0
        for index in 0..<(ring.count - 1) {
            sum += ring[index].0 * ring[index + 1].1 - ring[index + 1].0 * ring[index].1
        }
        return sum / 2
    }

    /// Numbers inside `"coordinates": [...]` arrays with more decimals than allowed.
    private func decimalViolations(in text: String, limit: Int) -> [String] {
        var problems: [String] = []
        let scalars = Array(text.utf8)
        let key = Array("\"coordinates\"".utf8)
        var index = 0
        while index + key.count < scalars.count {
            guard scalars[index..<(index + key.count)].elementsEqual(key) else {
                index += 1
                continue
            }
            var cursor = index + key.count
            while cursor < scalars.count, scalars[cursor] != UInt8(ascii: "[") { cursor += 1 }
            var depth = 0
            var decimals = -1
            repeat {
                let byte = scalars[cursor]
                if byte == UInt8(ascii: "[") { depth += 1 }
                if byte == UInt8(ascii: "]") { depth -= 1 }
                if byte == UInt8(ascii: ".") {
                    decimals = 0
                } else if decimals >= 0, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
                    decimals += 1
                    if decimals == limit + 1 { problems.append("a coordinate has more than \(limit) decimals") }
                } else {
                    decimals = -1
                }
                cursor += 1
            } while depth > 0 && cursor < scalars.count
            index = cursor
            if problems.count > 5 { break }
        }
        return problems
    }
}
