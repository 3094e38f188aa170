/// How big a map is drawn and how much detail it keeps.
public struct MapRenderOptions: Hashable, Sendable {
    /// The SVG's size in user units (pixels when shown at 100 %); the HTML page scales it to the window.
    public var width: Int
    public var height: Int
    /// Decimals kept in path coordinates (SVG units): 1 is a tenth of a pixel, plenty at 1× and still sharp at 10×
    /// zoom; each extra decimal adds about 15 % to the file.
    public var coordinateDecimals: Int
    /// At most this many areas are named on the map (the largest that fit); every area is named in its tooltip.
    public var maxLabels: Int
    /// Size of the Thai label line; the English line is a little smaller.
    public var labelFontSize: Double
    /// Thai-capable fonts first: Loma, Garuda, Norasi and TLWG Typist come with Debian's `fonts-thai-tlwg`.
    public var fontFamily: String

    public static let thaiFontFamily = "Loma, Garuda, Norasi, 'TLWG Typist', sans-serif"

    public init(
        width: Int = 1200, height: Int = 900, coordinateDecimals: Int = 1, maxLabels: Int = 40,
        labelFontSize: Double = 11, fontFamily: String = MapRenderOptions.thaiFontFamily
    ) {
        self.width = width
        self.height = height
        self.coordinateDecimals = coordinateDecimals
        self.maxLabels = maxLabels
        self.labelFontSize = labelFontSize
        self.fontFamily = fontFamily
    }
}
