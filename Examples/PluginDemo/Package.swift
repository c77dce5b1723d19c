// swift-tools-version: 6.1
import PackageDescription

/// An example package that gets its API bindings from api-bindgen's build-tool plugin: the
/// `TodoAPI` target holds `api-bindgen.yaml` and `openapi.yaml`, and the bindings are generated
/// at build time into the plugin work directory (nothing generated is committed).
let package = Package(
    name: "PluginDemo",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "api-bindgen", path: "../.."),
    ],
    targets: [
        .target(
            name: "TodoAPI",
            dependencies: [.product(name: "BindingRuntime", package: "api-bindgen")],
            exclude: ["api-bindgen.yaml", "openapi.yaml"],
            plugins: [.plugin(name: "APIBindgenPlugin", package: "api-bindgen")]
        ),
        .testTarget(name: "TodoAPITests", dependencies: ["TodoAPI"]),
    ],
    swiftLanguageModes: [.v6]
)
