import Foundation

/// A named ColorBrewer colour scheme for a choropleth's classes (Cynthia Brewer's, Apache-2.0; see
/// `ColorBrewer.swift` and the NOTICE file).
///
/// Sequential schemes (`YlOrRd`, `Blues`…) run from light to dark for values that go from low to high; diverging
/// schemes (`RdBu`, `Spectral`…) have two dark ends and a light middle, for values on either side of a midpoint
/// (pair them with the standard-deviation method). Each has hand-chosen lists of 3 to 9 colours (diverging: 3 to
/// 11); fewer classes take colours from the 3-colour list (1: its middle, 2: its ends).
public struct Palette: Hashable, Sendable {
    public enum Kind: String, Codable, Hashable, Sendable {
        case sequential, diverging
    }

    /// ColorBrewer's spelling of the scheme's name, e.g. `YlOrRd`.
    public let name: String
    public let kind: Kind
    /// Whether the colours run the other way (dark to light for a sequential scheme).
    public let isReversed: Bool

    /// The colour given to features whose value is null: a neutral grey that no scheme uses.
    public static let nullColor = "#cccccc"

    /// Every scheme's name, sequential first, each group in alphabetical order.
    public static let names: [String] = {
        let sorted = ColorBrewer.schemes.keys.sorted { $0.lowercased() < $1.lowercased() }
        return [Kind.sequential, .diverging].flatMap { kind in
            sorted.filter { ColorBrewer.schemes[$0]?.kind == kind }
        }
    }()

    /// The scheme called `name`, case ignored (`ylorrd` is `YlOrRd`); a `-r` or `_r` suffix reverses it.
    /// - Throws: ``ClassificationError/unknownPalette(name:known:)`` listing the names, with a did-you-mean.
    public static func named(_ name: String) throws -> Palette {
        var base = name.trimmingCharacters(in: .whitespaces)
        var reversed = false
        for suffix in ["-r", "_r"] where base.lowercased().hasSuffix(suffix) {
            base = String(base.dropLast(suffix.count))
            reversed = true
        }
        guard let key = ColorBrewer.schemes.keys.first(where: { $0.lowercased() == base.lowercased() }),
            let scheme = ColorBrewer.schemes[key]
        else {
            throw ClassificationError.unknownPalette(name: name, known: names)
        }
        return Palette(name: key, kind: scheme.kind, isReversed: reversed)
    }

    /// The same scheme running the other way.
    public var reversed: Palette {
        Palette(name: name, kind: kind, isReversed: !isReversed)
    }

    /// How many classes the scheme can colour: 1 to 9 for sequential schemes, 1 to 11 for diverging ones.
    public var classRange: ClosedRange<Int> {
        1...(ColorBrewer.schemes[name]?.colours.keys.max() ?? 3)
    }

    /// The name as a spec writes it: `YlOrRd`, or `YlOrRd-r` when reversed.
    public var spelledName: String { isReversed ? "\(name)-r" : name }

    /// `count` colours as `#rrggbb`, for classes 0 to `count − 1`.
    /// - Throws: ``ClassificationError/paletteTooSmall(name:asked:available:)`` outside ``classRange``.
    public func colors(count: Int) throws -> [String] {
        guard classRange.contains(count), let lists = ColorBrewer.schemes[name]?.colours else {
            throw ClassificationError.paletteTooSmall(name: spelledName, asked: count, available: classRange)
        }
        let list: [String]
        switch count {
        case 1: list = Self.split(lists[3]).dropFirst().prefix(1).map { $0 }
        case 2: list = Self.split(lists[3]).enumerated().filter { $0.offset != 1 }.map(\.element)
        default: list = Self.split(lists[count])
        }
        let colours = list.map { "#\($0)" }
        return isReversed ? colours.reversed() : colours
    }

    private static func split(_ colours: String?) -> [String] {
        (colours ?? "").split(separator: " ").map(String.init)
    }
}
