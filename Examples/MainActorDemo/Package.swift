// swift-tools-version: 6.2
import PackageDescription

/// The generated EnergyCAP module compiled in a target whose default isolation is MainActor
/// (Swift 6.2's `defaultIsolation`, the default of new Xcode projects), with warnings as errors.
/// `Sources/EnergyCAPMainActor/Generated` is a symbolic link to the committed
/// `Generated/EnergyCAP`, so this builds exactly what users get; `Scripts/test` runs
/// `swift test --package-path Examples/MainActorDemo`.
let package = Package(
    name: "MainActorDemo",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "api-bindgen", path: "../.."),
    ],
    targets: [
        .target(
            name: "EnergyCAPMainActor",
            dependencies: [.product(name: "BindingRuntime", package: "api-bindgen")],
            swiftSettings: [.defaultIsolation(MainActor.self), .unsafeFlags(["-warnings-as-errors"])]
        ),
        // The recursive-schema fixture (Indirect boxes) and the 3.1 validation corpus (every
        // validation keyword), linked the same way from Tests/.
        .target(
            name: "RecursiveMainActor",
            dependencies: [.product(name: "BindingRuntime", package: "api-bindgen")],
            swiftSettings: [.defaultIsolation(MainActor.self), .unsafeFlags(["-warnings-as-errors"])]
        ),
        .target(
            name: "ValidationCorpusMainActor",
            dependencies: [.product(name: "BindingRuntime", package: "api-bindgen")],
            swiftSettings: [.defaultIsolation(MainActor.self), .unsafeFlags(["-warnings-as-errors"])]
        ),
        .testTarget(
            name: "MainActorDemoTests",
            dependencies: ["EnergyCAPMainActor", "RecursiveMainActor", "ValidationCorpusMainActor"],
            swiftSettings: [.defaultIsolation(MainActor.self), .unsafeFlags(["-warnings-as-errors"])]
        ),
    ],
    swiftLanguageModes: [.v6]
)
