// swift-tools-version: 6.0
// geoplan's libFuzzer targets, kept out of the main package so that its normal build and `swift test` never see
// them. Each target is an executable whose `main` is libFuzzer's; build them with `make fuzz-build` (Makefile).
import PackageDescription

/// A fuzz target: an executable over the engine, reaching internal APIs through `@testable import`.
func fuzzTarget(_ name: String, also: [Target.Dependency] = []) -> Target {
    .executableTarget(
        name: name,
        dependencies: [
            "FuzzSupport",
            .product(name: "GeoPlan", package: "geoplan"),
            .product(name: "GDAL", package: "geoplan"),
            .product(name: "GEOS", package: "geoplan"),
        ] + also)
}

let package = Package(
    name: "geoplan-fuzz",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "geoplan", path: "..")],
    targets: [
        // Reading the fuzzer's bytes as choices, and placing them in files GDAL can open.
        .target(name: "FuzzSupport", dependencies: [.product(name: "GDAL", package: "geoplan")]),
        fuzzTarget("FuzzSpec"),
        fuzzTarget("FuzzExpression"),
        fuzzTarget("FuzzEncoding", also: [.product(name: "EncodingDetection", package: "geoplan")]),
        fuzzTarget("FuzzTable"),
        fuzzTarget("FuzzGeoJSON"),
        fuzzTarget("FuzzCoverage"),
    ]
)
