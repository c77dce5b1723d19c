// swift-tools-version: 6.1
import PackageDescription

/// Peak memory of a 100 MB upload through the generated EnergyCAP client (issue 11), from a file
/// (`RequestBody.file`) and, side by side, from `Data`, over each transport. Driven by
/// Benchmarks/streaming.sh (and `Benchmarks/run.sh --streaming`); see Benchmarks/README.md.
let package = Package(
    name: "StreamBench",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "api-bindgen", path: "../.."),
    ],
    targets: [
        .executableTarget(
            name: "stream-bench",
            dependencies: [
                .product(name: "EnergyCAP", package: "api-bindgen"),
                .product(name: "BindingRuntime", package: "api-bindgen"),
                .product(name: "BindingRuntimeAsyncHTTPClient", package: "api-bindgen"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
