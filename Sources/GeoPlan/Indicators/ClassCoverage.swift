import GEOS

/// Per area, the area (m²) each class of an input's polygons covers exclusively: polygons of a class merged,
/// clipped to the area, minus what classes earlier in `classes` already took.
///
/// Overlays are kept to where they change the answer. The polygons near an area are sorted with its prepared
/// geometry into inside (measured as they are), crossing the border (clipped one by one) and outside
/// (dropped), then grouped into clusters of polygons that touch or overlap each other: only a cluster of
/// several polygons needs the union and difference that settle overlaps, and only one with a crossing member
/// needs clipping. A polygon that meets no other, the usual case, costs one measure or one intersection.
struct ClassCoverage {
    let features: FeatureSet
    /// Classes in the order overlaps are given away: an overlap goes to the earlier class.
    let classes: [String?]
    let method: MeasureMethod
    private let position: [String?: Int]

    init(features: FeatureSet, classes: [String?], method: MeasureMethod) {
        self.features = features
        self.classes = classes
        self.method = method
        var position: [String?: Int] = [:]
        for (index, name) in classes.enumerated() where position[name] == nil { position[name] = index }
        self.position = position
    }

    /// Every area's coverage, in the boundary set's order; zeros for areas outside this run's core.
    func compute(in run: RunContext) throws -> [[Double]] {
        try run.boundaries.areas.map { area in
            run.isCore(area.index) ? try coverage(of: area) : [Double](repeating: 0, count: classes.count)
        }
    }

    /// One area's coverage: m² per class, in the order of `classes`.
    func coverage(of area: Area) throws -> [Double] {
        var areas = [Double](repeating: 0, count: classes.count)
        let near = try polygons(near: area)
        for cluster in try Self.clusters(near, features: features) {
            try measure(cluster.map { near[$0] }, in: area, into: &areas)
        }
        return areas
    }

    /// A polygon near an area: its feature, its class's position, whether it lies wholly inside, its box.
    struct Near {
        let feature: Int
        let classPosition: Int
        let inside: Bool
        let box: Envelope
    }

    /// The input's polygons that meet the area's interior or border, sorted by feature (a stable order).
    private func polygons(near area: Area) throws -> [Near] {
        var near: [Near] = []
        for feature in try features.index.query(area.geometry).sorted() {
            let polygon = features.geometries[feature]
            guard let box = polygon.bounds,
                let classPosition = position[features.classes.isEmpty ? nil : features.classes[feature]]
            else { continue }
            if try area.prepared.containsProperly(polygon) {
                near.append(Near(feature: feature, classPosition: classPosition, inside: true, box: box))
            } else if try area.prepared.intersects(polygon) {
                near.append(Near(feature: feature, classPosition: classPosition, inside: false, box: box))
            }
        }
        return near
    }

    /// Groups of positions in `near` whose polygons are linked by touching or overlapping (a union-find over
    /// pairs with meeting boxes), each group in ascending order.
    static func clusters(_ near: [Near], features: FeatureSet) throws -> [[Int]] {
        var parent = Array(near.indices)
        func root(_ item: Int) -> Int {
            var item = item
            while parent[item] != item {
                parent[item] = parent[parent[item]]
                item = parent[item]
            }
            return item
        }
        for first in near.indices {
            for second in (first + 1)..<near.count where near[first].box.intersects(near[second].box) {
                let (a, b) = (root(first), root(second))
                guard a != b else { continue }
                let polygons = (features.geometries[near[first].feature], features.geometries[near[second].feature])
                if try polygons.0.intersects(polygons.1) { parent[max(a, b)] = min(a, b) }
            }
        }
        var groups: [Int: [Int]] = [:]
        for item in near.indices { groups[root(item), default: []].append(item) }
        return groups.keys.sorted().compactMap { groups[$0] }
    }

    /// Adds the exclusive area of each class in one cluster to `areas`.
    private func measure(_ cluster: [Near], in area: Area, into areas: inout [Double]) throws {
        let allInside = cluster.allSatisfy(\.inside)
        let clip = { (geometry: Geometry) throws -> Geometry in
            allInside ? geometry : try Overlay.repairing(geometry, area.geometry) { try $0.intersection($1) }
        }
        if cluster.count == 1, let only = cluster.first {
            areas[only.classPosition] += try squareMetres(clip(features.geometries[only.feature]))
            return
        }
        let byClass = Dictionary(grouping: cluster, by: \.classPosition).sorted { $0.key < $1.key }
        var taken: Geometry?
        for (number, (classPosition, members)) in byClass.enumerated() {
            let polygons = members.map { features.geometries[$0.feature] }
            let merged =
                polygons.count == 1
                ? polygons[0]
                : try Geometry.collection(polygons, context: area.geometry.context).unaryUnion()
            let own = try taken.map { try Overlay.repairing(merged, $0) { try $0.difference($1) } } ?? merged
            if number < byClass.count - 1 {
                taken = try taken.map { try Overlay.repairing($0, merged) { try $0.union($1) } } ?? merged
            }
            areas[classPosition] += try squareMetres(clip(own))
        }
    }

    private func squareMetres(_ geometry: Geometry) throws -> Double {
        guard !geometry.isEmpty else { return 0 }
        return try method.measure(geometry.polygonalPart()).areaSquareMetres ?? 0
    }
}
