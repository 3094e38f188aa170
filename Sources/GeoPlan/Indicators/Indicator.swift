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
