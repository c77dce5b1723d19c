// swift-tools-version: 6.1
import PackageDescription

/// api-bindgen: OpenAPI (YAML) → Swift bindings.
///
/// Stage modules, lowest first: CYAML (system libyaml) → YAMLParsing (node tree with marks)
/// → OpenAPIModel (document model) → BindgenCore (translator, binding model, renderer, writer)
/// → BindgenDiff (`api-bindgen diff`) → `api-bindgen` (CLI). `BindingRuntime` is what generated
/// code links against; `EnergyCAP` is the committed, generated module.
/// The optional transports' package traits (see `traits:` below), each named once here.
let asyncHTTPClientTransport = "AsyncHTTPClientTransport"
let openAPIRuntimeTransports = "OpenAPIRuntimeTransports"

let package = Package(
    name: "api-bindgen",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "api-bindgen", targets: ["api-bindgen"]),
        .library(name: "BindingRuntime", targets: ["BindingRuntime"]),
        .library(name: "EnergyCAP", targets: ["EnergyCAP"]),
        // Runs generated clients over swift-openapi-runtime transports and middlewares; its own
        // product, so users of the URLSession default compile no OpenAPIRuntime. Empty unless the
        // OpenAPIRuntimeTransports trait is enabled.
        .library(name: "BindingRuntimeOpenAPI", targets: ["BindingRuntimeOpenAPI"]),
        // Runs generated clients over AsyncHTTPClient (SwiftNIO); its own product, so users of the
        // URLSession default compile no SwiftNIO. Empty unless the AsyncHTTPClientTransport trait
        // is enabled.
        .library(name: "BindingRuntimeAsyncHTTPClient", targets: ["BindingRuntimeAsyncHTTPClient"]),
        .library(name: "BindgenCore", targets: ["BindgenCore", "BindgenDiff"]),
        .plugin(name: "APIBindgenPlugin", targets: ["APIBindgenPlugin"]),
        .plugin(name: "GenerateBindings", targets: ["GenerateBindings"]),
    ],
    // The optional transports' dependencies are behind traits (SE-0450), off by default, so a
    // package that uses the runtime or the build plugin resolves and checks out 3 packages, not
    // 24 (Benchmarks/README.md, "the build plugin's first build"). Enable one with
    // `.package(url: …, from: …, traits: ["AsyncHTTPClientTransport"])`; Scripts/test enables both.
    traits: [
        .trait(name: asyncHTTPClientTransport, description: "BindingRuntimeAsyncHTTPClient: generated clients over AsyncHTTPClient (SwiftNIO)."),
        .trait(name: openAPIRuntimeTransports, description: "BindingRuntimeOpenAPI: generated clients over swift-openapi-runtime transports and middlewares."),
        .default(enabledTraits: []),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-openapi-runtime", from: "1.13.4"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        // Test-only dependencies.
        .package(url: "https://github.com/apple/swift-openapi-urlsession", from: "1.4.0"),
        .package(url: "https://github.com/swift-server/swift-openapi-async-http-client", from: "1.5.0"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
        .package(url: "https://github.com/mattpolzin/OpenAPIKit", exact: "6.4.0", traits: []),
    ],
    targets: [
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        .target(name: "YAMLParsing", dependencies: ["CYAML"]),
        .target(name: "OpenAPIModel", dependencies: ["YAMLParsing"]),
        .target(name: "BindgenCore", dependencies: ["OpenAPIModel", "YAMLParsing"]),
        // `api-bindgen diff` (wire and Swift-source rules), a module of its own so the build
        // plugin's tool, which only generates, does not compile it.
        .target(name: "BindgenDiff", dependencies: ["BindgenCore", "OpenAPIModel", "YAMLParsing"]),
        .executableTarget(
            name: "api-bindgen",
            dependencies: [
                "BindgenCore", "BindgenDiff", "OpenAPIModel", "YAMLParsing",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // What APIBindgenPlugin runs: generation into one file, without the argument parser, so
        // every plugin user's first build compiles less (Benchmarks/README.md).
        .executableTarget(name: "api-bindgen-plugin-tool", dependencies: ["BindgenCore"]),
        .target(
            name: "BindingRuntime",
            dependencies: [
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "HTTPTypesFoundation", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "BindingRuntimeOpenAPI",
            dependencies: [
                "BindingRuntime",
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime", condition: .when(traits: [openAPIRuntimeTransports])),
            ]
        ),
        .target(
            name: "BindingRuntimeAsyncHTTPClient",
            dependencies: [
                "BindingRuntime",
                .product(name: "AsyncHTTPClient", package: "async-http-client", condition: .when(traits: [asyncHTTPClientTransport])),
                .product(name: "NIOCore", package: "swift-nio", condition: .when(traits: [asyncHTTPClientTransport])),
                .product(name: "NIOHTTP1", package: "swift-nio", condition: .when(traits: [asyncHTTPClientTransport])),
                .product(name: "NIOPosix", package: "swift-nio", condition: .when(traits: [asyncHTTPClientTransport])),
            ]
        ),
        .target(name: "EnergyCAP", dependencies: ["BindingRuntime"], path: "Generated/EnergyCAP"),
        // The streamed-upload memory benchmark (Benchmarks/streaming.sh); not a product. In this
        // package, not a separate one, so it reuses the build of EnergyCAP and SwiftNIO.
        .executableTarget(
            name: "stream-bench",
            dependencies: ["EnergyCAP", "BindingRuntime", "BindingRuntimeAsyncHTTPClient"],
            path: "Benchmarks/StreamBench/Sources/stream-bench"
        ),
        .plugin(name: "APIBindgenPlugin", capability: .buildTool(), dependencies: ["api-bindgen-plugin-tool"]),
        .plugin(
            name: "GenerateBindings",
            capability: .command(
                intent: .custom(verb: "generate-bindings", description: "Regenerate the committed bindings of every Specs/* folder"),
                permissions: [.writeToPackageDirectory(reason: "writes the generated bindings (e.g. Generated/EnergyCAP)")]),
            dependencies: ["api-bindgen"]),

        // Paths and file helpers shared by the test targets (Tests/TestSupport).
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "YAMLParsingTests", dependencies: ["YAMLParsing", "TestSupport"]),
        .testTarget(
            name: "OpenAPIModelTests",
            dependencies: [
                "OpenAPIModel", "YAMLParsing", "TestSupport",
                .product(name: "OpenAPIKit", package: "OpenAPIKit"),
                .product(name: "OpenAPIKit30", package: "OpenAPIKit"),
            ]
        ),
        .testTarget(name: "BindgenCoreTests", dependencies: ["BindgenCore", "BindgenDiff", "OpenAPIModel", "YAMLParsing", "TestSupport"]),
        .testTarget(name: "BindingRuntimeTests", dependencies: ["BindingRuntime", .product(name: "Logging", package: "swift-log")]),
        .testTarget(
            name: "EnergyCAPTests",
            dependencies: [
                "EnergyCAP", "BindingRuntime", "ResponsesFixture", "RequestsFixture",
                "BindingRuntimeOpenAPI", "BindingRuntimeAsyncHTTPClient",
                .product(name: "AsyncHTTPClient", package: "async-http-client", condition: .when(traits: [asyncHTTPClientTransport])),
                .product(name: "OpenAPIAsyncHTTPClient", package: "swift-openapi-async-http-client", condition: .when(traits: [asyncHTTPClientTransport])),
                .product(name: "FlyingFox", package: "FlyingFox"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime", condition: .when(traits: [openAPIRuntimeTransports])),
                .product(name: "OpenAPIURLSession", package: "swift-openapi-urlsession", condition: .when(traits: [openAPIRuntimeTransports])),
            ]
        ),
        .testTarget(name: "CLITests", dependencies: ["api-bindgen", "api-bindgen-plugin-tool", "TestSupport"]),
        // Whole responses (Tests/Fixtures/Responses): typed headers, per-status bodies, paging, media types; exercised over loopback by EnergyCAPTests.
        .target(name: "ResponsesFixture", dependencies: ["BindingRuntime"], path: "Tests/Fixtures/Responses/Generated"),

        // Generated from Tests/ValidationCorpus/openapi-3.x.yaml; exercised by ValidationCorpusTests.
        .target(name: "ValidationCorpus30", dependencies: ["BindingRuntime"], path: "Tests/ValidationCorpus/Generated/ValidationCorpus30"),
        .target(name: "ValidationCorpus31", dependencies: ["BindingRuntime"], path: "Tests/ValidationCorpus/Generated/ValidationCorpus31"),
        // The OpenAPI Initiative's examples (Tests/Corpus/openapi/oai-examples), generated: each must compile.
        .target(name: "OAI30ApiWithExamples", dependencies: ["BindingRuntime"], path: "Tests/Fixtures/OAIExamples/OAI30ApiWithExamples"),
        .target(name: "OAI30CallbackExample", dependencies: ["BindingRuntime"], path: "Tests/Fixtures/OAIExamples/OAI30CallbackExample"),
        .target(name: "OAI30LinkExample", dependencies: ["BindingRuntime"], path: "Tests/Fixtures/OAIExamples/OAI30LinkExample"),
        .target(name: "OAI30PetstoreExpanded", dependencies: ["BindingRuntime"], path: "Tests/Fixtures/OAIExamples/OAI30PetstoreExpanded"),
        .target(name: "OAI30Petstore", dependencies: ["BindingRuntime"], path: "Tests/Fixtures/OAIExamples/OAI30Petstore"),
        .target(name: "OAI30Uspto", dependencies: ["BindingRuntime"], path: "Tests/Fixtures/OAIExamples/OAI30Uspto"),
        .target(name: "OAI31NonOauthScopes", dependencies: ["BindingRuntime"], path: "Tests/Fixtures/OAIExamples/OAI31NonOauthScopes"),
        .target(name: "OAI31WebhookExample", dependencies: ["BindingRuntime"], path: "Tests/Fixtures/OAIExamples/OAI31WebhookExample"),
        // Version-bump fixtures (Tests/Fixtures/Bumps): each recorded output must compile.
        .target(name: "BumpBase", dependencies: ["BindingRuntime"], path: "Tests/Fixtures/Bumps/base/Generated"),
        .target(name: "BumpNewVersion", dependencies: ["BindingRuntime"], path: "Tests/Fixtures/Bumps/new-version/Generated"),
        .target(name: "BumpNewOptionalProperty", dependencies: ["BindingRuntime"], path: "Tests/Fixtures/Bumps/new-optional-property/Generated"),
        .target(name: "BumpNewRequiredProperty", dependencies: ["BindingRuntime"], path: "Tests/Fixtures/Bumps/new-required-property/Generated"),
        .target(name: "BumpAddedEnumValue", dependencies: ["BindingRuntime"], path: "Tests/Fixtures/Bumps/added-enum-value/Generated"),
        .target(name: "BumpRemovedOperation", dependencies: ["BindingRuntime"], path: "Tests/Fixtures/Bumps/removed-operation/Generated"),
        // Recursive schemas (Tests/Fixtures/Recursive): boxed properties must compile and round-trip.
        .target(name: "RecursiveFixture", dependencies: ["BindingRuntime"], path: "Tests/Fixtures/Recursive/Generated"),
        // Competing names (Tests/Fixtures/Names): collision suffixes, transliterations, keywords must compile.
        .target(name: "NamesFixture", dependencies: ["BindingRuntime"], path: "Tests/Fixtures/Names/Generated"),
        // Hostile text and names in every position (Tests/Fixtures/Hostile): must compile, warning-free, declaring nothing injected.
        .target(name: "HostileFixture", dependencies: ["BindingRuntime"], path: "Tests/Fixtures/Hostile/Generated"),
        // Unions and nulls in every position (Tests/Fixtures/Unions): must compile and round-trip.
        .target(name: "UnionsFixture", dependencies: ["BindingRuntime"], path: "Tests/Fixtures/Unions/Generated"),
        // A spec in several files, with open objects, readOnly/writeOnly and defaults (Tests/Fixtures/MultiFile).
        .target(name: "MultiFileFixture", dependencies: ["BindingRuntime"], path: "Tests/Fixtures/MultiFile/Generated"),
        // Form, multipart and text bodies and every parameter style (Tests/Fixtures/Requests), exercised over loopback HTTP.
        .target(name: "RequestsFixture", dependencies: ["BindingRuntime"], path: "Tests/Fixtures/Requests/Generated"),
        .testTarget(name: "ValidationCorpusTests", dependencies: [
            "RecursiveFixture", "NamesFixture", "HostileFixture", "UnionsFixture", "MultiFileFixture",
            "ValidationCorpus30", "ValidationCorpus31", "BindingRuntime", "BindgenCore", "TestSupport",
            "BumpBase", "BumpNewVersion", "BumpNewOptionalProperty", "BumpNewRequiredProperty", "BumpAddedEnumValue", "BumpRemovedOperation",
            "OAI30ApiWithExamples", "OAI30CallbackExample", "OAI30LinkExample", "OAI30PetstoreExpanded", "OAI30Petstore", "OAI30Uspto", "OAI31NonOauthScopes", "OAI31WebhookExample",
        ]),
    ],
    swiftLanguageModes: [.v6]
)
