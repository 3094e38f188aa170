import Yams

extension SpecReader {
    static let mapKeys = ["method", "classes", "palette", "breaks"]

    /// An indicator's `map:`: `true` (natural breaks, 5 classes, YlOrRd), `false`, or a mapping of `method`,
    /// `classes`, `palette` and `breaks` (for manual classes); method and palette names are checked here, at
    /// their line.
    func map(_ node: Node, owner: String) -> MapSpec? {
        if node.shape == .bool { return bool(node, key: "map") == true ? MapSpec() : nil }
        guard let fields = mapping(node, key: "map", expected: "true, or a mapping with method, classes and palette")
        else { return nil }
        checkKeys(fields, allowed: Self.mapKeys, owner: "map of \(owner)")
        var spec = MapSpec()
        var breaks: [Double]?
        if let node = fields["breaks"] {
            if case let .sequence(items) = node {
                breaks = items.compactMap { number($0, key: "breaks") }
            } else {
                fail(at: node, "breaks: expected a list of numbers, such as [100, 500, 1000]")
            }
        }
        let methodNode = fields["method"]
        let methodName = methodNode.flatMap { text($0, key: "method") } ?? (breaks != nil ? "manual" : "natural-breaks")
        do {
            spec.method = try ClassificationMethod.named(methodName, breaks: breaks)
        } catch {
            fail(at: methodNode ?? node, "map: \(error)")
        }
        if let node = fields["classes"], let classes = integer(node, key: "classes", range: Classifier.allowedClasses) {
            spec.classes = classes
        }
        if let node = fields["palette"], let palette = text(node, key: "palette") {
            do {
                _ = try Palette.named(palette)
                spec.palette = palette
            } catch {
                fail(at: node, "map: \(error)")
            }
        }
        return spec
    }
}
