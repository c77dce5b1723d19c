#!/usr/bin/env bash
# Builds the libFuzzer targets of Tests/Fuzz (a separate package; see its Package.swift) with
# -sanitize=fuzzer,address and runs each for a fixed time, with leak detection. Exits non-zero
# on any crash, leak, timeout or out-of-memory (libFuzzer's own exit status), after listing the
# reproducer libFuzzer wrote under .build-fuzz/artifacts/.
#
#   Scripts/fuzz.sh [seconds per target, default 60] [target …]
#
# Environment: FUZZ_BUILD_WRAPPER (a command prefix for the build, e.g. "flock /tmp/lock"),
# FUZZ_NICE (nice level for the runs, default 15), FUZZ_SKIP_BUILD=1 (run what was built last),
# FUZZ_PATTERN_DIFFERENTIAL=1 (FuzzPattern also compares the runtime engine with ICU).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"

SECONDS_PER_TARGET="${1:-60}"
shift || true
TARGETS=("$@")
if [ "${#TARGETS[@]}" -eq 0 ]; then TARGETS=(FuzzJSON FuzzPattern FuzzGenerator); fi
SCRATCH="$ROOT/.build-fuzz"
WORK="$SCRATCH/work"
mkdir -p "$WORK" "$SCRATCH/artifacts"

if [ "${FUZZ_SKIP_BUILD:-0}" = "1" ]; then
    BIN="$SCRATCH/release"
else
    echo "== building the fuzz targets (release, -sanitize=fuzzer,address)"
    FLAGS=(--package-path Tests/Fuzz --scratch-path "$SCRATCH" -c release
        -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xswiftc -enable-testing)
    ${FUZZ_BUILD_WRAPPER:-} swift build "${FLAGS[@]}"
    BIN="$(${FUZZ_BUILD_WRAPPER:-} swift build "${FLAGS[@]}" --show-bin-path)"
fi

# Seeds, from the repository's test data (regenerated each run; libFuzzer adds what it finds).
seeds() {
    local target="$1" dir="$WORK/seeds-$1"
    rm -rf "$dir"; mkdir -p "$dir"
    case "$target" in
    FuzzGenerator)
        # Specs and fixtures under 64 KB (the large corpus specs only slow every mutation down;
        # libFuzzer reads the first 16 KB of each).
        find Tests/Corpus/openapi Tests/Fixtures Tests/ValidationCorpus Specs Examples/PluginDemo/Sources \
            \( -name '*.yaml' -o -name '*.yml' -o -name '*.json' \) -size -64k -print0 |
            while IFS= read -r -d '' file; do cp "$file" "$dir/$(printf '%s' "$file" | tr '/' '_')"; done
        ;;
    FuzzJSON)
        find Tests/Corpus/yaml-test-suite Tests/ValidationCorpus -name '*.json' -size -4k -print0 |
            while IFS= read -r -d '' file; do cp "$file" "$dir/$(printf '%s' "$file" | tr '/' '_')"; done
        ;;
    FuzzPattern)
        # Every `pattern:` in the test specs, each with a few subjects after a NUL byte.
        grep -rhoE "pattern: *'[^']*'" Tests/Corpus/openapi Tests/Fixtures Tests/ValidationCorpus Specs 2>/dev/null |
            sed -E "s/^pattern: *'(.*)'$/\1/" | sort -u | head -500 > "$WORK/patterns.txt" || true
        printf '%s\n' '(a+)+$' '^(?=.*\d)(?<![a-z])\b\p{Lu}[^\s]{2,8}?$' '^[\u00e9\x41-\x5A]|(?:ab){1,3}(?!c)' >> "$WORK/patterns.txt"
        local i=0
        while IFS= read -r pattern; do
            for subject in "" "abc123" "2024-01-01T00:00:00Z" "ÉMILE é 😀"; do
                i=$((i + 1)); printf '%s\0%s' "$pattern" "$subject" > "$dir/seed-$i"
            done
        done < "$WORK/patterns.txt"
        ;;
    esac
}

status=0
for target in "${TARGETS[@]}"; do
    seeds "$target"
    case "$target" in
    FuzzJSON) max_len=4096 ;;
    FuzzPattern) max_len=1024 ;;
    *) max_len=16384 ;;
    esac
    corpus="$WORK/corpus-$target"
    mkdir -p "$corpus"
    log="$WORK/$target.log"
    echo "== $target for ${SECONDS_PER_TARGET}s ($(ls "$WORK/seeds-$target" | wc -l) seeds)"
    set +e
    (cd "$WORK" && LSAN_OPTIONS="suppressions=$ROOT/Tests/Fuzz/lsan.supp:print_suppressions=0" \
        nice -n "${FUZZ_NICE:-15}" "$BIN/$target" "$corpus" "$WORK/seeds-$target" \
        -max_total_time="$SECONDS_PER_TARGET" -detect_leaks=1 -timeout=20 -rss_limit_mb=3072 -max_len=$max_len \
        -print_final_stats=1 -artifact_prefix="$SCRATCH/artifacts/$target-" > "$log" 2>&1)
    code=$?
    set -e
    executions="$(grep -E '^stat::number_of_executed_units' "$log" | awk '{s += $2} END {print s + 0}')"
    if [ "$code" -ne 0 ]; then
        echo "!! $target failed (exit $code) after $executions executions:"
        grep -E 'ERROR|SUMMARY|Test unit written|Fatal error|precondition' "$log" | head -20
        status=1
    else
        echo "   $target: $executions executions, no crash or leak"
    fi
done
exit $status
