#!/usr/bin/env bash
# Builds BindingRuntime's DocC documentation (Sources/BindingRuntime/BindingRuntime.docc and the
# module's doc comments) into .build/docs/BindingRuntime.doccarchive, with the toolchain's own
# `docc` (no swift-docc-plugin dependency, so the package's users pay nothing for it).
#
#   Scripts/docs.sh                      # build the archive
#   Scripts/docs.sh --static             # also transform it for static hosting (open index.html via a web server)
#
# Symbol graphs come from a separate scratch build (.build/docs-build), so the normal build's
# flags are untouched. Prints DocC's warnings (unresolved links, ...); exits non-zero on errors.
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO"
DOCC="$(command -v docc || true)"
[[ -n "$DOCC" ]] || DOCC="$(dirname "$(readlink -f "$(command -v swift)")")/docc"
[[ -x "$DOCC" ]] || { echo "docs.sh: docc not found (it ships with the Swift toolchain: usr/bin/docc)" >&2; exit 2; }
STATIC=()
[[ "${1:-}" == "--static" ]] && STATIC=(--transform-for-static-hosting)

GRAPHS="$REPO/.build/docs-symbol-graphs"
rm -rf "$GRAPHS" && mkdir -p "$GRAPHS/all" "$GRAPHS/BindingRuntime"
swift build --target BindingRuntime --scratch-path "$REPO/.build/docs-build" \
    -Xswiftc -emit-symbol-graph -Xswiftc -emit-symbol-graph-dir -Xswiftc "$GRAPHS/all" \
    -Xswiftc -symbol-graph-minimum-access-level -Xswiftc public >&2
# Only BindingRuntime's own graphs (and its extensions of other modules' types).
cp "$GRAPHS"/all/BindingRuntime*.symbols.json "$GRAPHS/BindingRuntime/"
OUT="$REPO/.build/docs/BindingRuntime.doccarchive"
rm -rf "$OUT" && mkdir -p "$(dirname "$OUT")"
"$DOCC" convert Sources/BindingRuntime/BindingRuntime.docc \
    --additional-symbol-graph-dir "$GRAPHS/BindingRuntime" \
    --fallback-display-name BindingRuntime --fallback-bundle-identifier api-bindgen.BindingRuntime \
    --output-path "$OUT" "${STATIC[@]}"
echo "docs.sh: wrote $OUT" >&2
