import Foundation
import GDAL

/// A seeded pseudo-random generator (SplitMix64): the same seed gives the same data on every machine.
public struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Writes large, valid polygon layers for memory and streaming tests: star-shaped rings (always simple) on a
/// grid over Thailand, with a Thai name and a code per feature.
public enum SyntheticShapefile {
    /// Writes `count` polygons of `vertices` vertices each; returns the `.shp` path's size in bytes.
    @discardableResult
    public static func write(to path: String, count: Int, vertices: Int, seed: UInt64 = 42) throws -> Int {
        var random = SplitMix64(seed: seed)
        let dataset = try Dataset.create(path, driver: "ESRI Shapefile")
        let layer = try dataset.createLayer(
            named: "synthetic", spatialReference: try SpatialReference.wgs84(),
            geometryType: GeometryType(kind: .polygon), options: ["ENCODING": "UTF-8"])
        try layer.createField(FieldDefinition(name: "code", type: .string, width: 12))
        try layer.createField(FieldDefinition(name: "name_th", type: .string, width: 40))
        let columns = Int(Double(count).squareRoot().rounded(.up))
        for index in 0..<count {
            let centreX = 98.0 + Double(index % columns) * (8.0 / Double(columns))
            let centreY = 6.0 + Double(index / columns) * (14.0 / Double(columns))
            let radius = 2.0 / Double(columns)
            var ring: [Double] = []
            for step in 0..<vertices {
                // Angles strictly increase and radii stay positive: the ring is simple (star-shaped).
                let angle = Double(step) / Double(vertices) * 2 * Double.pi
                let r = radius * (0.6 + 0.4 * Double(random.next() % 1000) / 1000)
                ring += [centreX + r * cos(angle), centreY + r * sin(angle)]
            }
            ring += ring[0...1]
            let feature = try layer.makeFeature()
            feature.set(.string(String(format: "SYN%06d", index)), at: 0)
            feature.set(.string("ตำบลทดสอบ \(index)"), at: 1)
            try feature.setGeometry(try OGRGeometry(wkb: polygonWKB(ring)))
            try layer.write(feature)
        }
        try dataset.close()
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return (attributes[.size] as? Int) ?? 0
    }

    /// ISO WKB of a one-ring polygon from interleaved x/y.
    static func polygonWKB(_ ring: [Double]) -> [UInt8] {
        var bytes: [UInt8] = [1]  // little endian
        append(UInt32(3), to: &bytes)  // Polygon
        append(UInt32(1), to: &bytes)  // one ring
        append(UInt32(ring.count / 2), to: &bytes)
        for value in ring { append(value.bitPattern, to: &bytes) }
        return bytes
    }

    private static func append<T: FixedWidthInteger>(_ value: T, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }
}
