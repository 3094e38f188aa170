// swift-tools-version: 6.0
// The folder-graph checker (issue 15): which folder of Sources/GeoPlan uses which, whether they form a cycle, and
// whether every edge points down the layers of layers.txt. A package of its own so that swift-syntax never slows
// the main package's build; `make check-folders` builds, tests and runs it.
import PackageDescription

let package = Package(
    name: "folder-graph",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(url: "https://github.com/swiftlang/swift-syntax", exact: "603.0.1"),
    ],
    targets: [
        // The analysis: declarations and references per file, the folder graph, cycles and layers.
        .target(
            name: "FolderGraphCore",
            dependencies: [
                .product(name: "SwiftSyntax", package: "swift-syntax"),
                .product(name: "SwiftParser", package: "swift-syntax"),
            ]),
        // The command: arguments, printing and the exit status only.
        .executableTarget(name: "folder-graph", dependencies: ["FolderGraphCore"]),
        .testTarget(name: "FolderGraphTests", dependencies: ["FolderGraphCore"], exclude: ["Fixtures"]),
    ]
)
