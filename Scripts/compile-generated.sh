#!/usr/bin/env bash
# Generates a spec into a throwaway package and compiles the generated module (debug), failing on
# any error or warning in it. Prints generation and compile wall time and peak memory.
#
#   Scripts/compile-generated.sh SPEC MODULE [WORK_DIR]
#   Scripts/compile-generated.sh Tests/Corpus/energycap/energycap-sdk-8.2309.openapi.yaml EnergyCAPFull
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
spec="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
module="$2"
work="${3:-$(mktemp -d /tmp/api-bindgen-compile.XXXXXX)}"
mkdir -p "$work"

swift build --package-path "$repo" --product api-bindgen >/dev/null
bin="$(swift build --package-path "$repo" --show-bin-path)/api-bindgen"

rm -rf "$work/Sources"
/usr/bin/time -f "generate: %e s wall, %M KB peak" "$bin" generate "$spec" --output "$work/Sources/$module" --module "$module" \
    2> >(grep -v "warning:" >&2) | tail -1
warnings=$("$bin" generate "$spec" --output "$work/Sources/$module" --module "$module" 2>&1 | grep -c "warning:" || true)
echo "generator warnings (located, for what it cannot express yet): $warnings"

cat > "$work/Package.swift" <<MANIFEST
// swift-tools-version: 6.1
import PackageDescription
let package = Package(
    name: "CompileCheck",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "api-bindgen", path: "$repo")],
    targets: [.target(name: "$module", dependencies: [.product(name: "BindingRuntime", package: "api-bindgen")])],
    swiftLanguageModes: [.v6]
)
MANIFEST
swift build --package-path "$work" --target BindingRuntime >/dev/null
log="$work/build.log"
if ! /usr/bin/time -f "compile $module (debug): %e s wall, %M KB peak" swift build --package-path "$work" --target "$module" >"$log" 2>&1; then
    grep -E "error:" "$log" | head -20
    echo "FAILED: $module does not compile (log: $log)"
    exit 1
fi
tail -1 "$log"
if grep -E "^$work/Sources/.*warning:" "$log" | head -5 | grep -q .; then
    echo "FAILED: warnings in the generated module (log: $log)"
    exit 1
fi
echo "OK: $module compiles with zero warnings ($(find "$work/Sources/$module" -name '*.swift' | wc -l) files)"
