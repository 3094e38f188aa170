import Foundation
import Yams

/// `area`: each area's size in km², ha, m² or rai (geodesic unless `measure: planar`). In rai, a second column
/// `<id>_thai` writes it the way Thai land offices do, rai-ngan-square wa (`4-2-25`).
public struct AreaIndicator: IndicatorDefinition {
    public var unit: AreaUnit

    public var typeName: String { "area" }
    var defaultID: String { "area_\(unit.rawValue)" }
    var defaultUnit: String? { unit.symbol }
    // Areas add, but computing them again on the dissolved boundary gives the same sum and the Thai
    // rai-ngan-wah text with it.
    func defaultRollUp(weight: String?) -> RollUpRule? { .recompute }

    static let unitWords = ["km2", "ha", "m2", "rai"]

    static var spellings: [IndicatorSpelling] {
        [
            IndicatorSpelling(name: "area", keys: [], inputKinds: []) { reader, fields, _, _ in
                // `unit:` is every indicator's documentation key; for an area it is also the unit computed in.
                guard let node = fields["unit"] else { return AreaIndicator(unit: .squareKilometres) }
                guard let written = node.scalarText, node.shape == .text else { return nil }
                guard let unit = AreaUnit(parsing: written) else {
                    reader.fail(
                        at: node,
                        "unknown area unit \"\(written)\""
                            + Suggestion.didYouMean(written, among: unitWords)
                            + " (units: \(unitWords.joined(separator: ", ")), ไร่)")
                    return nil
                }
                return AreaIndicator(unit: unit)
            }
        ]
    }

    func plannedColumns(_ indicator: IndicatorSpec, classes: ClassColumns?) -> [PlannedColumn] {
        let own = PlannedColumn(name: indicator.id, role: nil, className: nil)
        guard unit == .rai else { return [own] }
        return [own, PlannedColumn(name: ColumnName.thai(indicator.id), role: "the rai-ngan-wa text", className: nil)]
    }

    func compute(_ indicator: IndicatorSpec, _ run: RunContext) throws -> IndicatorResult {
        let id = indicator.id
        let areas = try run.areaMeasures(indicator.measure)
        var columns = [IndicatorColumn(name: id, type: .real, indicator: id)]
        if unit == .rai { columns.append(IndicatorColumn(name: ColumnName.thai(id), type: .string, indicator: id)) }
        let rows: [[IndicatorValue]] = areas.map { measure in
            let value = IndicatorValue.finite(measure.areaSquareMetres.map(unit.value(ofSquareMetres:)))
            guard unit == .rai else { return [value] }
            let text = measure.areaSquareMetres.flatMap { RaiNganWa(squareMetres: $0) }.map {
                IndicatorValue.text($0.description)
            }
            return [value, text ?? .null]
        }
        return IndicatorResult(columns: columns, rows: rows)
    }
}

/// `perimeter`: the length of every ring, holes and islands included, in km.
public struct PerimeterIndicator: IndicatorDefinition {
    public var typeName: String { "perimeter" }
    var defaultUnit: String? { "km" }

    static var spellings: [IndicatorSpelling] {
        [IndicatorSpelling(name: "perimeter", keys: [], inputKinds: []) { _, _, _, _ in PerimeterIndicator() }]
    }

    func compute(_ indicator: IndicatorSpec, _ run: RunContext) throws -> IndicatorResult {
        let areas = try run.areaMeasures(indicator.measure)
        return IndicatorResult(
            columns: [IndicatorColumn(name: indicator.id, type: .real, indicator: indicator.id)],
            rows: areas.map { [.finite($0.perimeterMetres.map { $0 / 1000 })] })
    }
}

/// `compactness`: Polsby–Popper, 4πA / P² — 1 for a disc, near 0 for a long thin strip.
public struct CompactnessIndicator: IndicatorDefinition {
    public var typeName: String { "compactness" }
    var defaultUnit: String? { "fraction (0–1)" }

    static var spellings: [IndicatorSpelling] {
        [IndicatorSpelling(name: "compactness", keys: [], inputKinds: []) { _, _, _, _ in CompactnessIndicator() }]
    }

    func compute(_ indicator: IndicatorSpec, _ run: RunContext) throws -> IndicatorResult {
        let areas = try run.areaMeasures(indicator.measure)
        let rows: [[IndicatorValue]] = areas.map { measure in
            guard let area = measure.areaSquareMetres, let perimeter = measure.perimeterMetres, perimeter > 0 else {
                return [.null]
            }
            return [.finite(4 * Double.pi * area / (perimeter * perimeter))]
        }
        return IndicatorResult(
            columns: [IndicatorColumn(name: indicator.id, type: .real, indicator: indicator.id)],
            rows: rows)
    }
}

extension IndicatorType where Self == AreaIndicator {
    public static func area(unit: AreaUnit) -> AreaIndicator { AreaIndicator(unit: unit) }
}

extension IndicatorType where Self == PerimeterIndicator {
    public static var perimeter: PerimeterIndicator { PerimeterIndicator() }
}

extension IndicatorType where Self == CompactnessIndicator {
    public static var compactness: CompactnessIndicator { CompactnessIndicator() }
}
