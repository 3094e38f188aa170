// swift-tools-version: 6.0
// geoplan: a geospatial planning toolkit over GDAL, PROJ and GEOS.
import PackageDescription

let package = Package(
    name: "geoplan",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "GDAL", targets: ["GDAL"]),
        .library(name: "PROJ", targets: ["PROJ"]),
        .library(name: "GEOS", targets: ["GEOS"]),
        .library(name: "EncodingDetection", targets: ["EncodingDetection"]),  // also for Fuzz/'s FuzzEncoding
        .library(name: "GeoPlan", targets: ["GeoPlan"]),
        .executable(name: "geoplan", targets: ["geoplan"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        // System libraries: a module map and a shim header each, found through pkg-config.
        .systemLibrary(
            name: "CGDAL", pkgConfig: "gdal",
            providers: [.apt(["libgdal-dev"]), .brew(["gdal"])]),
        .systemLibrary(
            name: "CPROJ", pkgConfig: "proj",
            providers: [.apt(["libproj-dev"]), .brew(["proj"])]),
        .systemLibrary(
            name: "CGEOS", pkgConfig: "geos",
            providers: [.apt(["libgeos-dev"]), .brew(["geos"])]),
        // The C library's extended-attribute calls, which Glibc's Swift overlay does not export.
        .systemLibrary(name: "CSystem"),

        // Neutral types with no C library beneath: one `XY` and one `Envelope` for the wrappers and the engine.
        // The wrappers re-export it, since their APIs speak in these types.
        .target(name: "GeoCoordinates"),
        // A remedy: the setting a message tells the user to change, rendered by each front-end in its own words.
        .target(name: "Remedies"),
        // `LockedBox`: a value shared between threads behind a lock, for the engine, the CLI and the tests.
        .target(name: "Locking"),

        // Safe Swift wrappers: no planning words here.
        .target(name: "GEOS", dependencies: ["CGEOS", "GeoCoordinates"]),
        .target(name: "PROJ", dependencies: ["CPROJ", "GeoCoordinates"]),
        .target(name: "GDAL", dependencies: ["CGDAL", "GeoCoordinates", "Remedies"]),

        // The text encoding of a Shapefile's attributes, decided from the DBF's bytes: no C library, no GDAL.
        .target(name: "EncodingDetection", dependencies: ["Remedies"]),

        // The engine: planning words live here.
        .target(name: "GeoPlan", dependencies: ["GDAL", "PROJ", "GEOS", "EncodingDetection", "Locking",
                                                "CSystem", .product(name: "Yams", package: "Yams")]),

        // The command-line tool: parsing and printing only.
        // Its folder is not `Sources/geoplan`: beside `Sources/GeoPlan` that is one folder on a case-insensitive file
        // system (scripts/check-portable-names.sh keeps it so).
        .executableTarget(
            name: "geoplan",
            dependencies: [
                "GeoPlan",
                "Locking",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Sources/GeoplanCLI"),

        // Test support: fixtures, temporary folders, canonical geometries, an RFC 7946 checker.
        .target(name: "GeoplanTestSupport", dependencies: ["GDAL", "Locking"], path: "Tests/GeoplanTestSupport"),
        .testTarget(name: "GeoCoordinatesTests", dependencies: ["GeoCoordinates"]),
        .testTarget(name: "LockingTests", dependencies: ["Locking"]),
        .testTarget(name: "GEOSTests", dependencies: ["GEOS", "Locking"]),
        .testTarget(name: "PROJTests", dependencies: ["PROJ", "Locking"], exclude: ["Fixtures"]),
        .testTarget(name: "GDALTests", dependencies: ["GDAL", "GeoplanTestSupport", "Locking"]),
        .testTarget(name: "EncodingDetectionTests", dependencies: ["EncodingDetection", "Remedies"]),
        .testTarget(name: "GeoPlanTests", dependencies: ["GeoPlan", "GeoplanTestSupport", "Locking"]),
        .testTarget(name: "GeoplanCLITests", dependencies: ["geoplan", "GeoplanTestSupport", "Locking"],
                    path: "Tests/GeoplanCLITests"),
    ]
)
