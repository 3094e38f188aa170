/// What `geoplan run` did: per boundary set, the outputs, indicator summaries, counters and warnings.
public struct RunReport: Codable, Hashable, Sendable {
    public var spec: String?
    public var boundarySets: [BoundaryRunReport]
    /// Every file written (outputs and provenance sidecars), or, with `--check`, none.
    public var outputs: [String]
    public var warnings: [String]
    /// True for `--check`: everything was validated, nothing computed or written.
    public var checkedOnly: Bool
}

public struct BoundaryRunReport: Codable, Hashable, Sendable {
    public var name: String
    public var path: String
    public var areas: Int
    public var crs: String
    public var operations: [String: OperationReport]
    public var encoding: EncodingReport
    public var repairedBoundaries: Int
    public var columns: [ColumnSummary]
    public var counters: [String: Int]
    /// Seconds per indicator id (summed over threads for the indicators computed on threads).
    public var seconds: [String: Double]
    /// Wall-clock seconds per stage of the run: `load`, `plan`, `read_inputs` (the inputs of the indicators
    /// computed on threads, read once), `compute`, `finish`, `write`; nil for a set skipped or only checked.
    public var stageSeconds: [String: Double]?
    /// Every area's values, when asked for (the one-off commands print them).
    public var rows: [ResultRow]?
    /// True when `--resume` found its outputs up to date and skipped it.
    public var upToDate: Bool = false
}

/// One area's results: its code, names, and every column's value (numbers, text, or nil for null).
public struct ResultRow: Codable, Hashable, Sendable {
    public var id: String
    public var names: [String?]
    public var values: [String?]
}

/// A column's spread over the areas, for the summary a planner reads first.
public struct ColumnSummary: Codable, Hashable, Sendable {
    public var name: String
    public var minimum: Double?
    public var mean: Double?
    public var maximum: Double?
    public var nulls: Int

    init(name: String, values: [IndicatorValue]) {
        self.name = name
        let numbers = values.compactMap(\.number)
        minimum = numbers.min()
        maximum = numbers.max()
        mean = Self.mean(numbers)
        nulls = values.filter { $0 == .null }.count
    }

    /// The mean of finite numbers, without overflow: when the sum of values near the largest double overflows,
    /// each value is divided by the count first (the mean lies between the least and the greatest, so it fits).
    static func mean(_ numbers: [Double]) -> Double? {
        guard !numbers.isEmpty else { return nil }
        let count = Double(numbers.count)
        let sum = numbers.reduce(0, +)
        if sum.isFinite { return sum / count }
        let scaled = numbers.reduce(0) { $0 + $1 / count }
        return scaled.isFinite ? scaled : nil
    }
}
