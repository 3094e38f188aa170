import GEOS

/// The integer grid a TopoJSON's arcs are quantised on (its `transform`), chosen so that a reader decodes exactly
/// the points geoplan checked: each axis's step (`scale`) is a power of two and the origin (`translate`) a whole
/// number of steps, so `steps × scale + translate` — what topojson-client, GDAL and d3 compute — is exact in
/// Double arithmetic (a product by a power of two, then a sum of two multiples of it well below 2^53 steps).
struct QuantisationGrid: Hashable, Sendable {
    let scale: XY
    let translate: XY
    /// The box of the points to quantise.
    private let box: Envelope

    /// Grids finer than this many steps across an axis are pointless (Doubles have no more digits to give).
    private static let largestSteps = Double(1 << 52)

    /// The grid with at least `quantization` steps across `box` on each axis (between that and twice that), or nil
    /// when such a grid would be finer than the coordinates' own Double precision.
    init?(box: Envelope, quantization: Int) {
        guard quantization >= 2 else { return nil }
        let steps = Double(quantization - 1)
        guard let scaleX = Self.step(extent: box.maxX - box.minX, steps: steps),
            let scaleY = Self.step(extent: box.maxY - box.minY, steps: steps)
        else { return nil }
        self.init(box: box, scale: XY(scaleX, scaleY))
    }

    private init?(box: Envelope, scale: XY) {
        let translate = XY((box.minX / scale.x).rounded(.down) * scale.x, (box.minY / scale.y).rounded(.down) * scale.y)
        // A step below a Double's spacing at the box's edge adds nothing; steps beyond 2^52 lose exactness.
        let largest = XY(max(abs(box.minX), abs(box.maxX)), max(abs(box.minY), abs(box.maxY)))
        guard translate.x.isFinite, translate.y.isFinite, scale.x >= largest.x.ulp, scale.y >= largest.y.ulp,
            (box.maxX - translate.x) / scale.x < Self.largestSteps,
            (box.maxY - translate.y) / scale.y < Self.largestSteps
        else { return nil }
        self.scale = scale
        self.translate = translate
        self.box = box
    }

    /// The same box on a grid twice as fine on each axis, or nil beyond the coordinates' precision.
    var refined: QuantisationGrid? {
        QuantisationGrid(box: box, scale: XY(scale.x / 2, scale.y / 2))
    }

    /// Grid steps across the box on the wider-stepped axis, for reports.
    var quantization: Int {
        let across = max((box.maxX - translate.x) / scale.x, (box.maxY - translate.y) / scale.y).rounded(.up) + 1
        return Int(exactly: across) ?? Int.max
    }

    /// The nearest grid point, as whole steps from the origin; nil for a coordinate outside the box's grid (not
    /// finite, or not from the box this grid was made for).
    func steps(_ point: XY) -> GridPoint? {
        let x = ((point.x - translate.x) / scale.x).rounded()
        let y = ((point.y - translate.y) / scale.y).rounded()
        guard let column = Int64(exactly: x), let row = Int64(exactly: y),
            abs(x) <= Self.largestSteps, abs(y) <= Self.largestSteps
        else { return nil }
        return GridPoint(x: column, y: row)
    }

    /// The coordinates a reader decodes from a grid point (exactly: see the type's comment).
    func point(_ steps: GridPoint) -> XY {
        XY(Double(steps.x) * scale.x + translate.x, Double(steps.y) * scale.y + translate.y)
    }

    /// The largest power of two at most `extent / steps` (any power of two when the extent is nothing).
    private static func step(extent: Double, steps: Double) -> Double? {
        let wanted = extent > 0 ? extent / steps : 1
        guard wanted.isFinite, wanted > 0 else { return nil }
        return Double(sign: .plus, exponent: wanted.exponent, significand: 1)
    }
}

/// A point of a ``QuantisationGrid``: whole steps from its origin.
struct GridPoint: Hashable, Sendable {
    let x: Int64
    let y: Int64
}
