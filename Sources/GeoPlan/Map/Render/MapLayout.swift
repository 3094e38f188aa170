import Foundation

/// Where each part of the map sits on the page: the title band on top, the map frame on the left, the legend panel
/// on the right, the source note along the bottom.
struct MapLayout {
    static let margin = 16.0
    static let titleSizes = (thai: 26.0, english: 18.0, subtitle: 13.0)

    let width: Double
    let height: Double
    /// Baselines of the title lines present (Thai, English, subtitle), in order.
    let titleLines: [(text: String, size: Double, baseline: Double, role: String)]
    let frame: MapRect
    let legend: MapRect
    /// Baseline of the source note, if any.
    let sourceBaseline: Double?

    init(document: MapDocument, options: MapRenderOptions) throws {
        guard options.width >= 400, options.height >= 300 else {
            throw MapRenderError.badSize(width: options.width, height: options.height)
        }
        width = Double(options.width)
        height = Double(options.height)
        let margin = Self.margin
        var lines: [(String, Double, Double, String)] = []
        var y = margin
        let title = [
            (document.title.thai, Self.titleSizes.thai, "title-th"),
            (document.title.english, Self.titleSizes.english, "title-en"),
            (document.subtitle, Self.titleSizes.subtitle, "subtitle"),
        ]
        for (text, size, role) in title {
            guard let text = text?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { continue }
            y += size * 1.25
            lines.append((text, size, y, role))
        }
        titleLines = lines
        let top = y + margin * (lines.isEmpty ? 0 : 0.75)
        let hasSource = !(document.sourceNote ?? "").isEmpty
        let bottom = height - margin - (hasSource ? 18 : 0)
        let panel = min(max(width * 0.25, 220), 320)
        frame = MapRect(x: margin, y: top, width: width - 3 * margin - panel, height: bottom - top)
        legend = MapRect(x: frame.maxX + margin, y: top, width: panel, height: bottom - top)
        sourceBaseline = hasSource ? height - margin : nil
    }
}
