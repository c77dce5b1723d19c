// swift-tools-version: 6.1
import PackageDescription

/// Micro-benchmarks for api-bindgen (driven by Benchmarks/run.sh; see Benchmarks/README.md).
///
/// Depends on the main package by relative path. `YAMLParsing` and `OpenAPIModel` are not products
/// of the main package; they are imported here as transitive modules of the `BindgenCore`
/// product, whose targets SwiftPM builds and puts on the module search path.
let package = Package(
    name: "LoadBench",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "api-bindgen", path: "../.."),
    ],
    targets: [
        .target(name: "BenchSupport"),
        .executableTarget(
            name: "yaml-load-bench",
            dependencies: ["BenchSupport", .product(name: "BindgenCore", package: "api-bindgen")]
        ),
        .executableTarget(
            name: "decode-bench",
            dependencies: [
                "BenchSupport",
                .product(name: "EnergyCAP", package: "api-bindgen"),
                .product(name: "BindingRuntime", package: "api-bindgen"),
            ]
        ),
        .executableTarget(
            name: "validate-bench",
            dependencies: [
                "BenchSupport",
                .product(name: "EnergyCAP", package: "api-bindgen"),
                .product(name: "BindingRuntime", package: "api-bindgen"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
