import GDAL

/// A PNG's pixels, read through GDAL's PNG driver (Foundation has no PNG decoder on Linux).
public struct Screenshot {
    public struct RGB: Hashable, CustomStringConvertible {
        public let r: Int, g: Int, b: Int

        public init(_ r: Int, _ g: Int, _ b: Int) {
            self.r = r
            self.g = g
            self.b = b
        }

        /// From `#rrggbb` or `#rgb`.
        public init?(hex: String) {
            var body = hex.hasPrefix("#") ? String(hex.dropFirst()) : hex
            if body.count == 3 { body = body.map { "\($0)\($0)" }.joined() }
            guard body.count == 6, let value = Int(body, radix: 16) else { return nil }
            self.init((value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff)
        }

        /// Largest difference in any channel.
        public func distance(to other: RGB) -> Int {
            max(abs(r - other.r), abs(g - other.g), abs(b - other.b))
        }

        public var description: String { "rgb(\(r), \(g), \(b))" }
    }

    public let width: Int
    public let height: Int
    private let red: [Double], green: [Double], blue: [Double]

    public init(png path: String) throws {
        let dataset = try RasterDataset.open(path)
        width = dataset.width
        height = dataset.height
        let window = dataset.window
        red = try dataset.band(1).read(window)
        // A grey PNG has one band: use it for all three.
        green = dataset.bandCount >= 3 ? try dataset.band(2).read(window) : red
        blue = dataset.bandCount >= 3 ? try dataset.band(3).read(window) : red
    }

    public func pixel(_ x: Int, _ y: Int) -> RGB {
        let index = y * width + x
        return RGB(Int(red[index]), Int(green[index]), Int(blue[index]))
    }

    /// How many pixels in the box (clipped to the image) satisfy `test`, and how many were looked at.
    public func count(x: Int, y: Int, width w: Int, height h: Int, where test: (RGB) -> Bool) -> (hits: Int, of: Int) {
        var hits = 0
        var total = 0
        for row in max(y, 0)..<min(y + h, height) {
            for column in max(x, 0)..<min(x + w, width) {
                total += 1
                if test(pixel(column, row)) { hits += 1 }
            }
        }
        return (hits, total)
    }
}
