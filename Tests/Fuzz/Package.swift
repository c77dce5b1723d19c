// swift-tools-version: 6.1
import PackageDescription

/// libFuzzer targets for api-bindgen (issue 9, item 10). Not part of the root package, so no
/// `swift build`/`swift test` of the project (or of a plugin user) builds them. Built and run by
/// `Scripts/fuzz.sh`, with `-sanitize=fuzzer,address -parse-as-library -enable-testing`:
///
/// - `FuzzGenerator`: YAML bytes → node tree → OpenAPI document → binding model → rendered Swift
///   files, all in memory (nothing is written);
/// - `FuzzJSON`: the runtime's JSON parser (`JSONValue.parse`);
/// - `FuzzPattern`: the generator's ECMA-262 → ICU translation and the runtime pattern engine.
let package = Package(
    name: "APIBindgenFuzz",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "api-bindgen", path: "../.."),
    ],
    targets: [
        .target(name: "FuzzSupport"),
        .executableTarget(name: "FuzzGenerator", dependencies: ["FuzzSupport", .product(name: "BindgenCore", package: "api-bindgen")]),
        .executableTarget(name: "FuzzJSON", dependencies: ["FuzzSupport", .product(name: "BindingRuntime", package: "api-bindgen")]),
        .executableTarget(name: "FuzzPattern", dependencies: [
            "FuzzSupport",
            .product(name: "BindgenCore", package: "api-bindgen"),
            .product(name: "BindingRuntime", package: "api-bindgen"),
        ]),
    ],
    swiftLanguageModes: [.v6]
)
