import Foundation

extension InterpolateIndicator {
    /// Before interpolating: every source zone has a code, found once (a tambon in two rows would be counted
    /// twice), and the weights (a raster, or points read once for every worker) open.
    func prepare(_ indicator: IndicatorSpec, _ run: RunContext) throws {
        let store = try run.store(request.from, whereClause: nil, by: request.code)
        var seen = Set<String>()
        for code in store.classes {
            guard let code, !code.isEmpty else {
                throw GeoPlanError.input(
                    path: store.input.path,
                    reason: "a source zone has no \(request.code); "
                        + "every zone needs its code to find its value")
            }
            guard seen.insert(AreaCode.normalize(code, thai: request.normalization == .thai) ?? code).inserted else {
                throw GeoPlanError.input(
                    path: store.input.path,
                    reason: "\(request.code) \"\(code)\" is on two "
                        + "features; merge them (ogr2ogr -dialect sqlite … GROUP BY) so each zone is one")
            }
        }
        try Self.checkWeights(request, run: run)
    }

    /// After interpolating: the sources split by area for want of weight, and (extensive values, whole runs) how
    /// much of the sources' total falls outside every area — reported, never re-allocated.
    func finish(_ indicator: IndicatorSpec, _ result: inout IndicatorResult, _ run: RunContext) throws {
        let id = indicator.id
        let prefix = id + Self.fallBackPrefix
        let fellBack = result.counters.keys.filter { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }
        for key in result.counters.keys where key.hasPrefix(prefix) { result.counters[key] = nil }
        result.counters[Self.splitByAreaCounter(id)] = fellBack.count
        if !fellBack.isEmpty {
            result.warnings.append(
                "\(id): \(fellBack.count) source zones have no weight and were split by area: "
                    + Self.firstTen(fellBack))
        }
        let store = try run.store(request.from, whereClause: nil, by: request.code)
        let values = try Self.values(request, run: run)
        result.warnings += try Self.tableNotes(request, run: run)
        let sourceValues = Self.sourceValues(store.classes, values, request)
        let withoutValue = zip(store.classes, sourceValues).filter { $0.1 == nil }.map { $0.0 ?? "?" }
        if !withoutValue.isEmpty {
            result.warnings.append(
                "\(id): \(withoutValue.count) source zones have no value in \(request.table) "
                    + "(extensive: the areas taking part of them get null; intensive: averaged "
                    + "without them): " + Self.firstTen(withoutValue))
        }
        guard request.kind == .extensive, run.partition == nil else { return }
        let total = sourceValues.compactMap { $0 }.reduce(0, +)
        let carried = result.rows.compactMap { $0.first?.number }.reduce(0, +)
        let outside = total - carried
        guard total != 0, abs(outside) > 1e-9 * abs(total) else { return }
        result.warnings.append(
            "\(id): \(Self.amount(outside)) of the sources' \(Self.amount(total)) "
                + "(\(Self.amount(outside / total * 100)) %) fall outside every area and are not "
                + "carried (not re-allocated to the areas)")
    }

    /// The first ten codes in order, and an ellipsis when there are more.
    private static func firstTen(_ codes: [String]) -> String {
        codes.sorted().prefix(10).joined(separator: ", ") + (codes.count > 10 ? ", …" : "")
    }

    private static func amount(_ value: Double) -> String {
        value.formatted(.number.precision(.significantDigits(1...6)))
    }
}
