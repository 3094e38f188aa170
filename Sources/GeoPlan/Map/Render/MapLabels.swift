import GEOS

/// Chooses which areas get a name on the map and where: the largest areas first, each label at a point inside the
/// area's largest polygon, kept only if its box lies inside that polygon and overlaps no label placed before it.
/// Small areas go unlabelled rather than cluttered; their names are in the tooltip.
struct MapLabels {
    struct Label {
        let feature: Int
        let anchor: XY
        let lines: [String]
        let box: MapRect
    }

    let fontSize: Double
    /// The second line (English, under the Thai) is this much smaller.
    static let secondLineScale = 0.82
    static let lineHeight = 1.25

    /// `shapes[i]` holds feature i's projected polygons (outer ring first) and its label point if one was given.
    func place(
        _ shapes: [(polygons: [[[XY]]], labelPoint: XY?, lines: [String])], frame: MapRect,
        limit: Int
    ) -> [Label] {
        var candidates: [(feature: Int, area: Double, ring: [XY])] = []
        for (index, shape) in shapes.enumerated() where !shape.lines.isEmpty {
            let outers = shape.polygons.compactMap(\.first)
            guard let largest = outers.max(by: { Self.area($0) < Self.area($1) }) else { continue }
            candidates.append((index, Self.area(largest), largest))
        }
        candidates.sort { $0.area != $1.area ? $0.area > $1.area : $0.feature < $1.feature }
        var placed: [Label] = []
        for candidate in candidates where placed.count < limit {
            let shape = shapes[candidate.feature]
            let anchor = shape.labelPoint ?? Self.pointInside(candidate.ring)
            let box = self.box(for: shape.lines, at: anchor)
            let ringBox = Self.bounds(candidate.ring)
            let fits =
                shape.labelPoint != nil
                || (box.width <= ringBox.width && box.height <= ringBox.height && Self.inside(box, candidate.ring))
            guard fits, frame.contains(box), !placed.contains(where: { $0.box.intersects(box) }) else { continue }
            placed.append(Label(feature: candidate.feature, anchor: anchor, lines: shape.lines, box: box))
        }
        return placed
    }

    /// Whether the box sits in the ring: its middle row of points (left, centre, right edge) inside, and at most two
    /// of its six other probe points (corners, top and bottom middles) outside, so a corner may touch a border but the
    /// text does not spill over it.
    static func inside(_ box: MapRect, _ ring: [XY]) -> Bool {
        let xs = [box.x, box.x + box.width / 2, box.maxX]
        let middle = box.y + box.height / 2
        guard xs.allSatisfy({ contains(ring, XY($0, middle)) }) else { return false }
        let outside = xs.flatMap { x in [box.y, box.maxY].map { XY(x, $0) } }.filter { !contains(ring, $0) }.count
        return outside <= 2
    }

    /// The box the label's lines take, centred on the anchor, with a little air around it.
    func box(for lines: [String], at anchor: XY) -> MapRect {
        let sizes = lines.indices.map { $0 == 0 ? fontSize : fontSize * Self.secondLineScale }
        let width = zip(lines, sizes).map { Self.textWidth($0, fontSize: $1) }.max() ?? 0
        let height = sizes.reduce(0) { $0 + $1 * Self.lineHeight }
        let air = fontSize * 0.2
        return MapRect(
            x: anchor.x - width / 2 - air, y: anchor.y - height / 2 - air,
            width: width + 2 * air, height: height + 2 * air)
    }

    /// An estimate of rendered width: about 0.56 em per spacing character; Thai vowel and tone marks written above or
    /// below a consonant (combining marks) take no width.
    static func textWidth(_ text: String, fontSize: Double) -> Double {
        let spacing = text.unicodeScalars.filter {
            $0.properties.generalCategory != .nonspacingMark && $0.properties.generalCategory != .enclosingMark
        }.count
        return Double(spacing) * 0.56 * fontSize
    }

    /// The ring's centroid if it falls inside; otherwise the middle of the widest stretch of the horizontal line
    /// through it that lies inside (a concave or crescent-shaped area).
    static func pointInside(_ ring: [XY]) -> XY {
        let c = centroid(ring)
        if contains(ring, c) { return c }
        var crossings: [Double] = []
        for (a, b) in zip(ring, ring.dropFirst() + ring.prefix(1)) where (a.y > c.y) != (b.y > c.y) {
            crossings.append(a.x + (c.y - a.y) / (b.y - a.y) * (b.x - a.x))
        }
        crossings.sort()
        var best: (width: Double, x: Double)?
        for pair in stride(from: 0, to: crossings.count - 1, by: 2) {
            let width = crossings[pair + 1] - crossings[pair]
            if width > (best?.width ?? -1) { best = (width, (crossings[pair] + crossings[pair + 1]) / 2) }
        }
        return best.map { XY($0.x, c.y) } ?? c
    }

    static func area(_ ring: [XY]) -> Double {
        abs(signedArea(ring))
    }

    private static func signedArea(_ ring: [XY]) -> Double {
        guard ring.count >= 3 else { return 0 }
        var sum = 0.0
        for (a, b) in zip(ring, ring.dropFirst() + ring.prefix(1)) { sum += a.x * b.y - b.x * a.y }
        return sum / 2
    }

    static func centroid(_ ring: [XY]) -> XY {
        let area = signedArea(ring)
        guard abs(area) > 1e-12 else {
            let n = Double(max(ring.count, 1))
            return XY(ring.reduce(0) { $0 + $1.x } / n, ring.reduce(0) { $0 + $1.y } / n)
        }
        var cx = 0.0
        var cy = 0.0
        for (a, b) in zip(ring, ring.dropFirst() + ring.prefix(1)) {
            let cross = a.x * b.y - b.x * a.y
            cx += (a.x + b.x) * cross
            cy += (a.y + b.y) * cross
        }
        return XY(cx / (6 * area), cy / (6 * area))
    }

    /// Even-odd point in ring.
    static func contains(_ ring: [XY], _ point: XY) -> Bool {
        var inside = false
        for (a, b) in zip(ring, ring.dropFirst() + ring.prefix(1)) where (a.y > point.y) != (b.y > point.y) {
            if point.x < a.x + (point.y - a.y) / (b.y - a.y) * (b.x - a.x) { inside.toggle() }
        }
        return inside
    }

    static func bounds(_ ring: [XY]) -> MapRect {
        let xs = ring.map(\.x)
        let ys = ring.map(\.y)
        let minX = xs.min() ?? 0
        let minY = ys.min() ?? 0
        return MapRect(x: minX, y: minY, width: (xs.max() ?? 0) - minX, height: (ys.max() ?? 0) - minY)
    }
}
