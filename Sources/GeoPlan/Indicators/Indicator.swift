import Foundation
import GDAL

/// An output column an indicator fills: its property name and type.
public struct IndicatorColumn: Hashable, Sendable {
    public var name: String
    public var type: FieldType
    /// The indicator it belongs to.
    public var indicator: String
    /// For grouped indicators (`by`), the class this column counts.
    public var className: String?
}

/// An indicator's columns and, per area (in the boundary set's order), one value per column.
public struct IndicatorResult: Sendable {
    public var columns: [IndicatorColumn]
    public var rows: [[IndicatorValue]]
    /// Counters for the provenance record ("points on a border": 3…), summed over the areas' chunks.
    public var counters: [String: Int] = [:]
    /// Counters about the whole input ("input polygons repaired"), the same in every chunk.
    public var inputCounters: [String: Int] = [:]
    public var warnings: [String] = []
}

/// Computes one indicator for every area of a boundary set. One type per file in this folder.
protocol IndicatorComputer {
    func compute(_ run: RunContext) throws -> IndicatorResult
}

extension IndicatorSpec {
    /// The computer for this spec's type.
    func computer() throws -> any IndicatorComputer {
        switch kind {
        case let .area(unit): AreaIndicator(spec: self, unit: unit)
        case .perimeter: PerimeterIndicator(spec: self)
        case .compactness: CompactnessIndicator(spec: self)
        case let .count(input, whereClause, by): CountIndicator(spec: self, input: input, whereClause: whereClause, by: by)
        case let .length(input, whereClause, by):
            LengthIndicator(spec: self, input: input, whereClause: whereClause, by: by)
        case let .share(input, by, whereClause):
            ShareIndicator(spec: self, input: input, by: by, whereClause: whereClause, mix: false)
        case let .mix(input, by, whereClause):
            ShareIndicator(spec: self, input: input, by: by, whereClause: whereClause, mix: true)
        case let .join(input, column, normalization, reading):
            JoinIndicator(spec: self, input: input, column: column, normalization: normalization, reading: reading)
        case let .expression(text): try ExpressionIndicator(spec: self, text: text)
        case let .nearest(input, whereClause): NearestIndicator(spec: self, input: input, whereClause: whereClause)
        case let .zonal(request): ZonalIndicator(spec: self, request: request)
        case let .interpolate(request): InterpolateIndicator(spec: self, request: request)
        }
    }
}
