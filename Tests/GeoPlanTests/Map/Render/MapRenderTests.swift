import Testing

/// Tests of `Sources/GeoPlan/Map/Render`: the SVG and HTML maps, and the HTML page in a real browser.
@Suite enum MapRenderTests {}
