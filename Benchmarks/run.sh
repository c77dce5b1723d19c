#!/usr/bin/env bash
# api-bindgen benchmarks: generation vs apple/swift-openapi-generator (and OpenAPI Generator's
# swift6, when it installs), YAML load vs libyaml, validate() cost, and (with --compile) the
# debug compile of the generated module. See Benchmarks/README.md for the method.
#
#   Benchmarks/run.sh              # generation, YAML load, validate
#   Benchmarks/run.sh --compile    # the above plus the compile benchmarks: EnergyCAP, OpenAI, Stripe, the build plugin (slow: ~45 min more with the peer)
#   Benchmarks/run.sh --compile-only
#   Benchmarks/run.sh --plugin-only # only the build plugin's first build (part of --compile)
#   Benchmarks/run.sh --streaming  # the default set plus the streamed-upload memory benchmark (Benchmarks/streaming.sh)
#   Benchmarks/run.sh --streaming-only
#
# Options: --runs N (timed runs per generator, default 5, after 1 warm-up), --no-oag (skip
# OpenAPI Generator), --no-peer (skip swift-openapi-generator, whose release build takes ~7 min;
# with --compile-only or --plugin-only only), --keep-tmp. Environment: BENCH_ROOT (default /work/bench) holds the peer's
# clone and the builds; SPEC (default Tests/Corpus/energycap/energycap-sdk-8.2309.openapi.yaml).
# The Markdown table is printed at the end and written to Benchmarks/results/latest.md.
set -euo pipefail
export LC_ALL=C

# ---------------------------------------------------------------- settings (pinned versions)
PEER_REPO_URL="https://github.com/apple/swift-openapi-generator"
PEER_TAG="1.14.3"
PEER_RUNTIME_URL="https://github.com/apple/swift-openapi-runtime"
PEER_RUNTIME_VERSION="1.13.4"
PEER_URLSESSION_VERSION="1.4.0"
OAG_VERSION="7.26.0"           # PyPI openapi-generator-cli (bundles the OpenAPI Generator jar)
MODULE="EnergyCAPFull"
PEER_MODULE="EnergyCAPPeer"

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# swift-openapi-generator's config for every run of it here: types and client, public (ours is public too).
PEER_CONFIG="$REPO/Benchmarks/compile/peer-openapi-generator-config.yaml"
BENCH_ROOT="${BENCH_ROOT:-/work/bench}"
SPEC="${SPEC:-$REPO/Tests/Corpus/energycap/energycap-sdk-8.2309.openapi.yaml}"
RUNS="${RUNS:-5}"
LOAD_ITERATIONS="${LOAD_ITERATIONS:-20}"
VALIDATE_CALLS="${VALIDATE_CALLS:-20000}"
NICE=(nice -n 10)

DO_DEFAULT=1
DO_COMPILE=0
DO_PLUGIN=0
DO_STREAMING=0
STREAMING_ONLY=0
DO_OAG=1
DO_PEER=1
KEEP_TMP=0
while [[ $# -gt 0 ]]; do
    case "$1" in
        --compile) DO_COMPILE=1; DO_PLUGIN=1 ;;
        --compile-only) DO_COMPILE=1; DO_PLUGIN=1; DO_DEFAULT=0 ;;
        --plugin-only) DO_PLUGIN=1; DO_DEFAULT=0 ;;
        --streaming) DO_STREAMING=1 ;;
        --streaming-only) DO_STREAMING=1; DO_DEFAULT=0; STREAMING_ONLY=1 ;;
        --no-oag) DO_OAG=0 ;;
        --no-peer) DO_PEER=0 ;;
        --runs) RUNS="$2"; shift ;;
        --keep-tmp) KEEP_TMP=1 ;;
        -h|--help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "run.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
    shift
done
if [[ $STREAMING_ONLY == 1 ]]; then
    exec "$(dirname "${BASH_SOURCE[0]}")/streaming.sh"
fi
if [[ $DO_PEER == 0 && $DO_DEFAULT == 1 ]]; then echo "run.sh: --no-peer goes with --compile-only or --plugin-only" >&2; exit 2; fi
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || { echo "run.sh: --runs needs a positive integer" >&2; exit 2; }
[[ -f "$SPEC" ]] || { echo "run.sh: spec not found: $SPEC (set SPEC=...)" >&2; exit 2; }
SPEC="$(cd "$(dirname "$SPEC")" && pwd)/$(basename "$SPEC")"
[[ -x /usr/bin/time ]] || { echo "run.sh: /usr/bin/time (GNU time) is required" >&2; exit 2; }

mkdir -p "$BENCH_ROOT"
TMP="$(mktemp -d /tmp/api-bindgen-bench.XXXXXX)"
# Generated output goes to tmpfs when there is one, so the numbers are the generators' and not the
# disk's: creating ~1,700 files on this VM's ext4 costs 0.1-1.6 s of kernel time that grows from
# run to run (see README). One extra row measures ours writing to $BENCH_ROOT on disk.
if [[ -z "${GEN_OUT_ROOT:-}" ]]; then
    if [[ -d /dev/shm && -w /dev/shm ]] && [[ "$(stat -f -c %T /dev/shm 2>/dev/null)" == tmpfs ]]; then
        GEN_OUT_ROOT="$(mktemp -d /dev/shm/api-bindgen-bench.XXXXXX)"
    else
        GEN_OUT_ROOT="$TMP"
    fi
fi
fstype() { df --output=fstype "$1" 2>/dev/null | tail -n 1 || echo unknown; }
GEN_OUT_FS="$(fstype "$GEN_OUT_ROOT")"
cleanup() {
    if [[ $KEEP_TMP == 1 ]]; then echo "temp dirs kept: $TMP $GEN_OUT_ROOT" >&2; return; fi
    rm -rf "$TMP" "$BENCH_ROOT/gen-disk"
    [[ "$GEN_OUT_ROOT" == /dev/shm/api-bindgen-bench.* ]] && rm -rf "$GEN_OUT_ROOT"
    return 0
}
trap cleanup EXIT

log() { printf '\n==> %s\n' "$*" >&2; }
now() { echo "$EPOCHREALTIME"; }                          # seconds, microsecond resolution
median() { sort -g | awk '{ a[NR] = $1 } END { if (NR == 0) print "nan"; else if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || a == "n/a" || b == "n/a" || b + 0 == 0) print "n/a"; else printf "%.2f×", a / b }'; }
fmt() { awk -v x="$1" -v d="${2:-2}" 'BEGIN { if (x == "" || x == "n/a" || x == "nan") print "n/a"; else printf "%.*f", d, x }'; }
# Fields of a `/usr/bin/time -v` report.
time_field() { awk -F': ' -v k="$2" 'index($0, k) { v = $NF } END { print v }' "$1"; }
rss_mib() { awk -v k="$(time_field "$1" 'Maximum resident set size (kbytes)')" 'BEGIN { printf "%.1f", k / 1024 }'; }
cpu_s() { awk -v u="$(time_field "$1" 'User time (seconds)')" -v s="$(time_field "$1" 'System time (seconds)')" 'BEGIN { printf "%.2f", u + s }'; }
# Field `key=value` of a benchmark output line.
kv() { sed -n "s/.*[[:space:]]$1=\\([^[:space:]]*\\).*/\\1/p" | head -n 1; }

# ---------------------------------------------------------------- builds
OURS_BIN=""
build_ours() {
    log "building api-bindgen (release, scratch $REPO/.build-bench)"
    "${NICE[@]}" swift build -c release --product api-bindgen --package-path "$REPO" --scratch-path "$REPO/.build-bench" >&2
    OURS_BIN="$(swift build -c release --package-path "$REPO" --scratch-path "$REPO/.build-bench" --show-bin-path)/api-bindgen"
}

PEER_DIR="$BENCH_ROOT/swift-openapi-generator"
PEER_BIN=""
build_peer() {
    if [[ ! -d "$PEER_DIR/.git" ]]; then
        log "cloning $PEER_REPO_URL into $PEER_DIR"
        git clone -q "$PEER_REPO_URL" "$PEER_DIR"
    fi
    if [[ "$(git -C "$PEER_DIR" rev-parse HEAD)" != "$(git -C "$PEER_DIR" rev-parse "$PEER_TAG^{commit}" 2>/dev/null || echo none)" ]]; then
        git -C "$PEER_DIR" fetch -q --tags origin || true
        git -C "$PEER_DIR" checkout -q "$PEER_TAG"
    fi
    log "building swift-openapi-generator $PEER_TAG (release)"
    "${NICE[@]}" swift build -c release --product swift-openapi-generator --package-path "$PEER_DIR" >&2
    PEER_BIN="$(swift build -c release --package-path "$PEER_DIR" --show-bin-path)/swift-openapi-generator"
}

OAG_BIN=""
OAG_NOTE=""
setup_oag() {
    local venv="$BENCH_ROOT/oag-venv-$OAG_VERSION"
    if [[ ! -x "$venv/bin/openapi-generator-cli" ]]; then
        log "installing openapi-generator-cli==$OAG_VERSION into $venv"
        if ! { python3 -m venv "$venv" && timeout 300 "$venv/bin/pip" install -q "openapi-generator-cli==$OAG_VERSION"; } >&2; then
            OAG_NOTE="skipped: pip install openapi-generator-cli==$OAG_VERSION failed"
            return 0
        fi
    fi
    if ! command -v java >/dev/null; then OAG_NOTE="skipped: no java on PATH"; return 0; fi
    if ! timeout 120 "$venv/bin/openapi-generator-cli" version >/dev/null 2>&1; then
        OAG_NOTE="skipped: openapi-generator-cli does not run on $(java -version 2>&1 | head -n 1)"
        return 0
    fi
    OAG_BIN="$venv/bin/openapi-generator-cli"
}

# ---------------------------------------------------------------- generation
# measure_generation NAME OUTDIR COMMAND...: one warm-up, then $RUNS timed runs, each into an
# empty OUTDIR. Sets GEN_<NAME>_{status,wall,rss,cpu,files,lines,bytes,warnings}.
measure_generation() {
    local name="$1" out="$2"; shift 2
    local i rc t0 t1 status="ok" samples="$TMP/gen-$name.samples"
    : >"$samples"
    log "generation: $name (1 warm-up + $RUNS runs)"
    for ((i = 0; i <= RUNS; i++)); do
        rm -rf "$out"; mkdir -p "$out"
        rc=0
        t0="$(now)"
        /usr/bin/time -v -o "$TMP/gen-$name.time" "$@" >"$TMP/gen-$name.stdout" 2>"$TMP/gen-$name.stderr" || rc=$?
        t1="$(now)"
        if [[ $rc != 0 ]]; then
            status="failed (exit $rc)"
            echo "  $name failed (exit $rc); last lines of stderr:" >&2
            tail -n 15 "$TMP/gen-$name.stderr" | sed 's/^/    /' >&2
            break
        fi
        if ((i > 0)); then
            echo "$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }') $(rss_mib "$TMP/gen-$name.time") $(cpu_s "$TMP/gen-$name.time")" >>"$samples"
            echo "  run $i: $(tail -n 1 "$samples")  (wall s, max RSS MiB, CPU s)" >&2
        fi
    done
    printf -v "GEN_${name}_status" '%s' "$status"
    if [[ $status == ok ]]; then
        printf -v "GEN_${name}_wall" '%s' "$(awk '{ print $1 }' "$samples" | median)"
        printf -v "GEN_${name}_range" '%s' "$(sort -g "$samples" | awk 'NR == 1 { lo = $1 } { hi = $1 } END { printf "%.2f–%.2f", lo, hi }')"
        printf -v "GEN_${name}_rss" '%s' "$(awk '{ print $2 }' "$samples" | median)"
        printf -v "GEN_${name}_cpu" '%s' "$(awk '{ print $3 }' "$samples" | median)"
        printf -v "GEN_${name}_files" '%s' "$(find "$out" -name '*.swift' -type f | wc -l | tr -d ' ')"
        printf -v "GEN_${name}_lines" '%s' "$(find "$out" -name '*.swift' -type f -print0 | xargs -0 cat | wc -l | tr -d ' ')"
        printf -v "GEN_${name}_bytes" '%s' "$(find "$out" -name '*.swift' -type f -print0 | xargs -0 cat | wc -c | tr -d ' ')"
    fi
    printf -v "GEN_${name}_warnings" '%s' "$(grep -ci 'warning' "$TMP/gen-$name.stderr" || true)"
    cp "$TMP/gen-$name.stderr" "$TMP/gen-$name.last-stderr"
}
gen() { local v="GEN_$1_$2"; echo "${!v:-n/a}"; }

run_generation() {
    local o="$GEN_OUT_ROOT"
    measure_generation ours "$o/gen-ours" \
        "$OURS_BIN" generate "$SPEC" --output "$o/gen-ours" --module "$MODULE"

    measure_generation peer "$o/gen-peer" \
        "$PEER_BIN" generate "$SPEC" --config "$PEER_CONFIG" \
        --mode types --mode client --output-directory "$o/gen-peer"

    if [[ -n "$OAG_BIN" ]]; then
        measure_generation oag "$o/gen-oag" \
            "$OAG_BIN" generate -g swift6 -i "$SPEC" -o "$o/gen-oag" \
            --global-property apiDocs=false,modelDocs=false,apiTests=false,modelTests=false
    fi

    if [[ "$(fstype "$BENCH_ROOT")" != "$GEN_OUT_FS" ]]; then
        measure_generation oursdisk "$BENCH_ROOT/gen-disk" \
            "$OURS_BIN" generate "$SPEC" --output "$BENCH_ROOT/gen-disk" --module "$MODULE"
    fi
}

# ---------------------------------------------------------------- YAML load and validate()
LOADBENCH_BIN=""
build_loadbench() {
    log "building Benchmarks/LoadBench (release, scratch $BENCH_ROOT/loadbench-build)"
    "${NICE[@]}" swift build -c release --package-path "$REPO/Benchmarks/LoadBench" --scratch-path "$BENCH_ROOT/loadbench-build" >&2
    LOADBENCH_BIN="$(swift build -c release --package-path "$REPO/Benchmarks/LoadBench" --scratch-path "$BENCH_ROOT/loadbench-build" --show-bin-path)"
}

run_load() {
    log "YAML load: libyaml events vs YAMLParser / OpenAPIDocument.load ($LOAD_ITERATIONS iterations each)"
    # shellcheck disable=SC2046
    cc -O2 -o "$TMP/libyaml-events" "$REPO/Benchmarks/libyaml-events.c" $(pkg-config --cflags --libs yaml-0.1 2>/dev/null || echo -lyaml)
    "$TMP/libyaml-events" "$SPEC" "$LOAD_ITERATIONS" 2 | tee "$TMP/libyaml.out" >&2
    "$LOADBENCH_BIN/yaml-load-bench" "$SPEC" --iterations "$LOAD_ITERATIONS" --warmup 2 | tee "$TMP/yaml-load.out" >&2
    LOAD_libyaml="$(kv median_ms <"$TMP/libyaml.out")"
    LOAD_events="$(kv events <"$TMP/libyaml.out")"
    LOAD_parse="$(grep 'what=parse ' "$TMP/yaml-load.out" | kv median_ms)"
    LOAD_model="$(grep 'what=model ' "$TMP/yaml-load.out" | kv median_ms)"
    LOAD_load="$(grep 'what=load ' "$TMP/yaml-load.out" | kv median_ms)"
}

run_validate() {
    log "validate(): $VALIDATE_CALLS calls per round"
    "$LOADBENCH_BIN/validate-bench" --calls "$VALIDATE_CALLS" --rounds 7 | tee "$TMP/validate.out" >&2
    log "decoding DataAccessReleaseState: generated vs hand-written Codable, $VALIDATE_CALLS calls per round"
    "$LOADBENCH_BIN/decode-bench" --calls "$VALIDATE_CALLS" --rounds 7 | tee "$TMP/decode.out" >&2
}
val() { grep "case=$1 " "$TMP/validate.out" | kv "$2"; }
dec() { grep "case=$1 " "$TMP/decode.out" | kv "$2"; }

# ---------------------------------------------------------------- compile (debug)
# compile_module NAME PKGDIR DEPTARGET MODULE: builds DEPTARGET untimed, then times the build of
# MODULE and a no-op rebuild of it. Sets COMP_<NAME>_{status,wall,rss,cpu,null}.
compile_module() {
    local name="$1" dir="$2" dep="$3" module="$4" rc=0 t0 t1
    # DEPTARGET "-": no dependency to build first (SwiftPM still resolves and plans, untimed).
    log "compile ($name): building dependency target $dep (untimed)"
    if [[ $dep == "-" ]]; then
        "${NICE[@]}" swift package --package-path "$dir" resolve >"$dir/build-deps.log" 2>&1 || true
    elif ! "${NICE[@]}" swift build --package-path "$dir" --target "$dep" >"$dir/build-deps.log" 2>&1; then
        tail -n 20 "$dir/build-deps.log" >&2
        printf -v "COMP_${name}_status" '%s' "dependency build failed"
        return 0
    fi
    log "compile ($name): timing swift build --target $module"
    t0="$(now)"
    # COMPILE_TIMEOUT (seconds, default 0: none) stops a build that would not end (a peer's output).
    "${NICE[@]}" timeout "${COMPILE_TIMEOUT:-0}" /usr/bin/time -v -o "$TMP/comp-$name.time" swift build --package-path "$dir" --target "$module" >"$dir/build-timed.log" 2>&1 || rc=$?
    t1="$(now)"
    if [[ $rc != 0 ]]; then
        grep -m 20 'error:' "$dir/build-timed.log" >&2 || tail -n 20 "$dir/build-timed.log" >&2
        if [[ $rc == 124 ]]; then
            printf -v "COMP_${name}_status" '%s' "did not finish in ${COMPILE_TIMEOUT} s (stopped)"
        else
            printf -v "COMP_${name}_status" '%s' "failed (exit $rc, $(grep -c 'error:' "$dir/build-timed.log" || true) error lines)"
        fi
        return 0
    fi
    record_build COMP "$name" "$TMP/comp-$name.time" "$dir/build-timed.log" "$t0" "$t1"
    t0="$(now)"
    "${NICE[@]}" swift build --package-path "$dir" --target "$module" >/dev/null 2>&1 || true
    t1="$(now)"
    printf -v "COMP_${name}_null" '%s' "$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }')"
    echo "  $name: wall $(comp "$name" wall) s, max RSS $(comp "$name" rss) MiB, CPU $(comp "$name" cpu) s, no-op rebuild $(comp "$name" null) s" >&2
}
comp() { local v="COMP_$1_$2"; echo "${!v:-n/a}"; }

# record_build PREFIX NAME TIMEFILE LOG T0 T1: a successful timed build's figures as
# <PREFIX>_<NAME>_{status,wall,rss,cpu,warnings} (wall from the two $EPOCHREALTIME stamps; max RSS
# and CPU from /usr/bin/time -v; the warning lines in its log).
record_build() {
    local prefix="$1" name="$2" timefile="$3" logfile="$4" t0="$5" t1="$6"
    printf -v "${prefix}_${name}_status" '%s' "ok"
    printf -v "${prefix}_${name}_wall" '%s' "$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }')"
    printf -v "${prefix}_${name}_rss" '%s' "$(rss_mib "$timefile")"
    printf -v "${prefix}_${name}_cpu" '%s' "$(cpu_s "$timefile")"
    printf -v "${prefix}_${name}_warnings" '%s' "$(grep -c 'warning:' "$logfile" || true)"
}

# incremental_ours PKGDIR: after the full build, one schema of the spec changes (INCREMENTAL_SCHEMA,
# default MeterResponse, gains an optional string property), the module is regenerated and the
# rebuild is timed, as a user's build after an API bump that touches one schema. Sets
# COMP_incr_{status,wall,cpu,rss,files} (files: the generated files the regeneration rewrote).
incremental_ours() {
    # The edited spec keeps the spec's file name: every generated file's header names it.
    local dir="$1" schema="${INCREMENTAL_SCHEMA:-MeterResponse}" edited="$TMP/incremental/$(basename "$SPEC")" rc=0 t0 t1
    mkdir -p "$TMP/incremental"
    awk -v schema="    $schema:" '
        $0 == schema { inside = 1 }
        inside && $0 == "      properties:" { print; print "        benchmarkNote:"; print "          type: string"; inside = 0; done = 1; next }
        { print }
        END { if (!done) exit 3 }' "$SPEC" >"$edited" || { COMP_incr_status="schema $schema not found"; return 0; }
    COMP_incr_files="$("$OURS_BIN" generate "$edited" --output "$dir/Sources/$MODULE" --module "$MODULE" 2>&1 | sed -n 's/.*: \([0-9]*\) written.*/\1/p' | tail -1)"
    log "compile (ours): timing the rebuild after $schema changed ($COMP_incr_files files rewritten)"
    t0="$(now)"
    "${NICE[@]}" /usr/bin/time -v -o "$TMP/comp-incr.time" swift build --package-path "$dir" --target "$MODULE" >"$dir/build-incremental.log" 2>&1 || rc=$?
    t1="$(now)"
    if [[ $rc != 0 ]]; then COMP_incr_status="failed (exit $rc)"; return 0; fi
    record_build COMP incr "$TMP/comp-incr.time" "$dir/build-incremental.log" "$t0" "$t1"
    echo "  ours, incremental ($schema changed): wall $COMP_incr_wall s, CPU $COMP_incr_cpu s" >&2
}

# generated_size NAME DIR: the .swift files and lines under DIR, as LARGE_<NAME>_{files,lines}.
generated_size() {
    printf -v "LARGE_$1_files" '%s' "$(find "$2" -name '*.swift' | wc -l | tr -d ' ')"
    printf -v "LARGE_$1_lines" '%s' "$(find "$2" -name '*.swift' -exec cat {} + | wc -l | tr -d ' ')"
}
large() { local v="LARGE_$1_$2"; echo "${!v:-n/a}"; }
per_second() { awk -v n="$1" -v s="$2" 'BEGIN { if (n == "n/a" || s == "n/a" || s + 0 == 0) print "n/a"; else printf "%.0f", n / s }'; }

# ours_compile NAME DIR SPEC MODULE: DIR becomes a package (compile/ours.Package.swift.template)
# whose target MODULE is ours generated from SPEC; its size and build are recorded under NAME.
ours_compile() {
    local name="$1" dir="$2" spec="$3" module="$4"
    rm -rf "$dir"
    mkdir -p "$dir/Sources"
    sed -e "s|@REPO@|$REPO|g" -e "s|@MODULE@|$module|g" "$REPO/Benchmarks/compile/ours.Package.swift.template" >"$dir/Package.swift"
    "$OURS_BIN" generate "$spec" --output "$dir/Sources/$module" --module "$module" >"$TMP/gen-$name.log" 2>&1
    generated_size "$name" "$dir/Sources/$module"
    compile_module "$name" "$dir" BindingRuntime "$module"
}

# peer_compile NAME DIR SPEC MODULE: the same with swift-openapi-generator's types and client
# (compile/peer.Package.swift.template, on swift-openapi-runtime), unless --no-peer.
peer_compile() {
    local name="$1" dir="$2" spec="$3" module="$4"
    rm -rf "$dir"
    mkdir -p "$dir/Sources/$module"
    sed -e "s|@RUNTIME_VERSION@|$PEER_RUNTIME_VERSION|g" -e "s|@MODULE@|$module|g" "$REPO/Benchmarks/compile/peer.Package.swift.template" >"$dir/Package.swift"
    if [[ $DO_PEER == 0 ]]; then
        printf -v "COMP_${name}_status" '%s' "skipped (--no-peer)"
    elif "$PEER_BIN" generate "$spec" --config "$PEER_CONFIG" --mode types --mode client \
        --output-directory "$dir/Sources/$module" >/dev/null 2>"$TMP/gen-$name.log"; then
        generated_size "$name" "$dir/Sources/$module"
        compile_module "$name" "$dir" OpenAPIRuntime "$module"
    else
        printf -v "COMP_${name}_status" '%s' "generation failed ($(grep -m 1 -i 'error' "$TMP/gen-$name.log" | cut -c1-120))"
    fi
}

# run_compile_large: the corpus's large specs (Tests/Corpus/openapi/large): OpenAI 3.1, ours
# alone (neither peer's output compiles, see Benchmarks/README.md), and Stripe 3.0, ours and
# swift-openapi-generator's (COMPILE_TIMEOUT bounds the peer's build, default 1,200 s).
run_compile_large() {
    local corpus="$REPO/Tests/Corpus/openapi/large"
    ours_compile openai "$BENCH_ROOT/compile-openai" "$corpus/openai-openapi.yaml" OpenAIFull
    ours_compile stripe "$BENCH_ROOT/compile-stripe" "$corpus/stripe-spec3-2023-08-16.yaml" StripeFull
    COMPILE_TIMEOUT="${COMPILE_TIMEOUT:-1200}" peer_compile stripepeer "$BENCH_ROOT/compile-stripe-peer" "$corpus/stripe-spec3-2023-08-16.yaml" StripePeer
}

# plugin_first_build NAME DIR: the first `swift build` of a user's package whose bindings come from
# a build plugin, from an empty .build. An untimed resolve first fills SwiftPM's shared repository
# cache, so the timed build clones nothing from the network, as on a user's second project; it then
# starts from no .build at all: resolution from that cache, the plugin and its generator tool, the
# runtime, the generation and the generated module. Sets PLUG_<NAME>_{status,wall,rss,cpu,modules}.
plugin_first_build() {
    local name="$1" dir="$2" rc=0 t0 t1
    log "plugin ($name): resolving once (untimed), then timing swift build from an empty .build"
    "${NICE[@]}" swift package --package-path "$dir" resolve >"$dir/resolve.log" 2>&1 || true
    rm -rf "$dir/.build"
    t0="$(now)"
    "${NICE[@]}" /usr/bin/time -v -o "$TMP/plug-$name.time" swift build --package-path "$dir" >"$dir/build-timed.log" 2>&1 || rc=$?
    t1="$(now)"
    if [[ $rc != 0 ]]; then
        grep -m 20 'error:' "$dir/build-timed.log" >&2 || tail -n 20 "$dir/build-timed.log" >&2
        printf -v "PLUG_${name}_status" '%s' "failed (exit $rc)"
        return 0
    fi
    record_build PLUG "$name" "$TMP/plug-$name.time" "$dir/build-timed.log" "$t0" "$t1"
    # The Swift modules the build compiled, from its "Compiling <Module> <file>" lines.
    printf -v "PLUG_${name}_modules" '%s' "$(sed -n 's/^\[[0-9]*\/[0-9]*\] Compiling \([A-Za-z0-9_]*\) .*/\1/p' "$dir/build-timed.log" | sort -u | tr '\n' ' ' | sed 's/ $//')"
    echo "  plugin $name: wall $(plug "$name" wall) s, CPU $(plug "$name" cpu) s, modules: $(plug "$name" modules)" >&2
}
plug() { local v="PLUG_$1_$2"; echo "${!v:-n/a}"; }

# run_plugin: the same small package (the seed's EnergyCAP spec, Specs/EnergyCAP) on our build
# plugin and on swift-openapi-generator's (Benchmarks/plugin/).
run_plugin() {
    local seed="$REPO/Specs/EnergyCAP/energycap.openapi.yaml" ours_dir="$BENCH_ROOT/plugin-ours" peer_dir="$BENCH_ROOT/plugin-peer"
    rm -rf "$ours_dir" "$peer_dir"
    mkdir -p "$ours_dir/Sources/EnergyCAPClient" "$peer_dir/Sources/EnergyCAPClient"
    sed -e "s|@REPO@|$REPO|g" "$REPO/Benchmarks/plugin/ours.Package.swift.template" >"$ours_dir/Package.swift"
    cp "$REPO/Benchmarks/plugin/ours-api-bindgen.yaml" "$ours_dir/Sources/EnergyCAPClient/api-bindgen.yaml"
    sed -e "s|@PEER_VERSION@|$PEER_TAG|g" -e "s|@RUNTIME_VERSION@|$PEER_RUNTIME_VERSION|g" -e "s|@URLSESSION_VERSION@|$PEER_URLSESSION_VERSION|g" \
        "$REPO/Benchmarks/plugin/peer.Package.swift.template" >"$peer_dir/Package.swift"
    cp "$PEER_CONFIG" "$peer_dir/Sources/EnergyCAPClient/openapi-generator-config.yaml"
    for d in "$ours_dir" "$peer_dir"; do
        cp "$seed" "$d/Sources/EnergyCAPClient/openapi.yaml"
        cp "$REPO/Benchmarks/plugin/EnergyCAPClient.swift" "$d/Sources/EnergyCAPClient/EnergyCAPClient.swift"
    done
    plugin_first_build ours "$ours_dir"
    if [[ $DO_PEER == 1 ]]; then plugin_first_build peer "$peer_dir"; else PLUG_peer_status="skipped (--no-peer)"; fi
}

run_compile() {
    ours_compile ours "$BENCH_ROOT/compile-ours" "$SPEC" "$MODULE"
    [[ $(comp ours status) == ok ]] && incremental_ours "$BENCH_ROOT/compile-ours"
    peer_compile peer "$BENCH_ROOT/compile-peer" "$SPEC" "$PEER_MODULE"

    # OpenAPI Generator's swift6 output is a whole package (OpenAPIClient, no dependencies).
    if [[ $DO_OAG == 1 && -z "${OAG_BIN:-}" ]]; then setup_oag; fi
    if [[ -n "${OAG_BIN:-}" ]]; then
        local oag_dir="$BENCH_ROOT/compile-oag"
        rm -rf "$oag_dir"
        if "$OAG_BIN" generate -g swift6 -i "$SPEC" -o "$oag_dir" >"$TMP/oag-compile-gen.log" 2>&1; then
            # No dependency to build first: the timed build is the module alone (plus SwiftPM's planning).
            compile_module oag "$oag_dir" - OpenAPIClient
        else
            COMP_oag_status="generation failed"
        fi
    fi
    run_compile_large
}

# ---------------------------------------------------------------- main
START="$(date -u '+%Y-%m-%d %H:%M UTC')"
LOADAVG="$(cut -d' ' -f1-3 /proc/loadavg)"
if [[ $DO_DEFAULT == 1 || $DO_COMPILE == 1 ]]; then
    build_ours
    if [[ $DO_PEER == 1 ]]; then build_peer; fi
fi
if [[ $DO_DEFAULT == 1 ]]; then
    if [[ $DO_OAG == 1 ]]; then setup_oag; else OAG_NOTE="skipped (--no-oag)"; fi
    build_loadbench
    run_generation
    run_load
    run_validate
fi
if [[ $DO_COMPILE == 1 ]]; then run_compile; fi
if [[ $DO_PLUGIN == 1 ]]; then run_plugin; fi

# ---------------------------------------------------------------- report
REPORT="$TMP/report.md"
{
    echo "# api-bindgen benchmarks"
    echo
    echo "- Date: $START; load average at start: $LOADAVG"
    echo "- Machine: $(nproc) cores ($(grep -m 1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')), $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)"
    echo "- Toolchain: $(swift --version 2>&1 | head -n 1)"
    echo "- api-bindgen: $(git -C "$REPO" rev-parse --short HEAD)$(git -C "$REPO" diff --quiet HEAD -- Sources Package.swift 2>/dev/null || echo " + uncommitted changes to Sources/Package.swift (diff sha256 $(git -C "$REPO" diff HEAD -- Sources Package.swift | sha256sum | cut -c1-12))"), release build"
    echo "- Peer: apple/swift-openapi-generator $PEER_TAG (release build; modes types + client, accessModifier public)"
    echo "- Spec: \`$(basename "$SPEC")\` ($(wc -c <"$SPEC" | tr -d ' ') bytes)"
    echo "- Command: \`Benchmarks/run.sh$([[ $DO_COMPILE == 1 ]] && { [[ $DO_DEFAULT == 1 ]] && echo ' --compile' || echo ' --compile-only'; })$([[ $DO_PLUGIN == 1 && $DO_COMPILE == 0 ]] && echo ' --plugin-only')\` (runs per generator: $RUNS after 1 warm-up)"
    if [[ $DO_DEFAULT == 1 ]]; then
        echo
        echo "## 1. Generation of the whole spec (median of $RUNS runs; output on $GEN_OUT_FS)"
        echo
        echo "| tool | status | wall s | wall min–max | max RSS MiB | CPU s | .swift files | lines | warnings on stderr |"
        echo "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
        for t in ours peer oag oursdisk; do
            case $t in
                ours) label="api-bindgen (ours)" ;;
                peer) label="swift-openapi-generator $PEER_TAG" ;;
                oag) label="OpenAPI Generator $OAG_VERSION swift6 (JVM)" ;;
                oursdisk) label="api-bindgen (ours), output on disk ($(fstype "$BENCH_ROOT")), for reference" ;;
            esac
            if [[ $t == oag && -z "$OAG_BIN" ]]; then
                echo "| $label | ${OAG_NOTE:-skipped} | | | | | | | |"
                continue
            fi
            [[ $t == oursdisk && "$(gen oursdisk status)" == n/a ]] && continue
            echo "| $label | $(gen $t status) | $(fmt "$(gen $t wall)" 2) | $(gen $t range) | $(fmt "$(gen $t rss)" 1) | $(fmt "$(gen $t cpu)" 2) | $(gen $t files) | $(gen $t lines) | $(gen $t warnings) |"
        done
        echo
        echo "| ratio | wall | max RSS | CPU | lines |"
        echo "| --- | ---: | ---: | ---: | ---: |"
        echo "| swift-openapi-generator / ours | $(ratio "$(gen peer wall)" "$(gen ours wall)") | $(ratio "$(gen peer rss)" "$(gen ours rss)") | $(ratio "$(gen peer cpu)" "$(gen ours cpu)") | $(ratio "$(gen peer lines)" "$(gen ours lines)") |"
        if [[ -n "$OAG_BIN" ]]; then
            echo "| OpenAPI Generator swift6 / ours | $(ratio "$(gen oag wall)" "$(gen ours wall)") | $(ratio "$(gen oag rss)" "$(gen ours rss)") | $(ratio "$(gen oag cpu)" "$(gen ours cpu)") | $(ratio "$(gen oag lines)" "$(gen ours lines)") |"
        fi
        echo
        echo "## 2. Loading the YAML (median ms per iteration, $LOAD_ITERATIONS iterations after 2 warm-ups)"
        echo
        echo "| what | ms | ratio to libyaml events |"
        echo "| --- | ---: | ---: |"
        echo "| libyaml \`yaml_parser_parse\` event loop, no tree ($LOAD_events events; C, -O2) | $(fmt "$LOAD_libyaml" 2) | 1.00× |"
        echo "| ours: \`YAMLParser.parseDocument\` (node tree with marks) | $(fmt "$LOAD_parse" 2) | $(ratio "$LOAD_parse" "$LOAD_libyaml") |"
        echo "| ours: \`OpenAPIDocument.load(root:)\` (tree → model + \$ref check) | $(fmt "$LOAD_model" 2) | $(ratio "$LOAD_model" "$LOAD_libyaml") |"
        echo "| ours: \`OpenAPIDocument.load(bytes)\` (both) | $(fmt "$LOAD_load" 2) | $(ratio "$LOAD_load" "$LOAD_libyaml") |"
        echo
        echo "Target: node tree within 3× of libyaml's event parse: $(awk -v a="$LOAD_parse" -v b="$LOAD_libyaml" 'BEGIN { if (b + 0 > 0 && a / b <= 3) print "**met**"; else print "**not met**" }')."
        echo
        echo "## 3. \`validate()\` (median ns per call over 7 rounds)"
        echo
        echo "| case | ns/call |"
        echo "| --- | ---: |"
        echo "| \`DataAccessReleaseRequest.validate()\`, valid (checked while encoding, \`FastValidation\`) | $(val single-valid median_ns) |"
        echo "| \`DataAccessReleaseRequest.validate()\`, pattern violation (error path: fast path, then the tree) | $(val single-invalid median_ns) |"
        echo "| the full check alone: \`JSONValue(encoding:)\` + \`ValidationSchema.validate\` (the route before \`FastValidation\`) | $(val single-valid-tree median_ns) |"
        echo "| the same check after the earlier route: \`JSONEncoder\` text parsed back | $(val single-valid-text median_ns) |"
        echo "| \`JSONValue(encoding:)\` of the request alone / the text route alone | $(val encode median_ns) / $(val encode-text median_ns) |"
        echo "| 100-element \`[DataAccessReleaseRequest]\`: \`JSONValue(encoding:)\` + \`ValidationSchema.validate\` | $(val array100 median_ns) |"
        echo "| 100-element array, \`ValidationSchema.validate\` only (pre-encoded \`JSONValue\`) | $(val array100-check median_ns) |"
        echo
        echo "Target: \`validate()\` ≤ 1000 ns: $(awk -v a="$(val single-valid median_ns)" 'BEGIN { if (a + 0 > 0 && a <= 1000) print "**met**"; else print "**not met**" }')."
        echo
        echo "Decoding \`DataAccessReleaseState\` (\`JSONCoding.decoder\`, median ns per decode over 7 rounds; in each round the two are timed one after the other, the order alternating, and the ratio is the median of the rounds' ratios):"
        echo
        echo "| decoded as | ns/decode |"
        echo "| --- | ---: |"
        echo "| the generated \`DataAccessReleaseState\` | $(dec generated median_ns) |"
        echo "| a hand-written \`Codable\` struct of the same shape | $(dec handwritten median_ns) |"
        echo "| ratio | $(grep 'ratio=' "$TMP/decode.out" | kv median)× |"
        echo
        echo "Target: within 1.2× of the hand-written struct: $(awk -v a="$(grep 'ratio=' "$TMP/decode.out" | kv median)" 'BEGIN { if (a + 0 > 0 && a <= 1.2) print "**met**"; else print "**not met**" }')."
    fi
    echo
    echo "## 4. Debug compile of the generated module"
    echo
    if [[ $DO_COMPILE == 1 ]]; then
        echo "Dependencies built first, untimed; then \`swift build --target <module>\` (debug) is timed. Max RSS is that of the largest single process (a \`swift-frontend\`), not the sum."
        echo
        echo "| module | status | wall s | max RSS MiB | CPU s | no-op rebuild s | compiler warnings |"
        echo "| --- | --- | ---: | ---: | ---: | ---: | ---: |"
        echo "| $MODULE (ours, on BindingRuntime) | $(comp ours status) | $(comp ours wall) | $(comp ours rss) | $(comp ours cpu) | $(comp ours null) | $(comp ours warnings) |"
        echo "| $PEER_MODULE (swift-openapi-generator $PEER_TAG, on swift-openapi-runtime $PEER_RUNTIME_VERSION) | $(comp peer status) | $(comp peer wall) | $(comp peer rss) | $(comp peer cpu) | $(comp peer null) | $(comp peer warnings) |"
        echo "| OpenAPIClient (OpenAPI Generator $OAG_VERSION swift6) | $(comp oag status) | $(comp oag wall) | $(comp oag rss) | $(comp oag cpu) | $(comp oag null) | $(comp oag warnings) |"
        echo
        echo "The corpus's large specs (\`Tests/Corpus/openapi/large\`), built the same way:"
        echo
        echo "| module | status | .swift files | lines | wall s | max RSS MiB | CPU s | lines per wall second | compiler warnings |"
        echo "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
        echo "| $MODULE (ours), for the per-line comparison | $(comp ours status) | $(large ours files) | $(large ours lines) | $(comp ours wall) | $(comp ours rss) | $(comp ours cpu) | $(per_second "$(large ours lines)" "$(comp ours wall)") | $(comp ours warnings) |"
        echo "| OpenAIFull (ours, OpenAI 3.1) | $(comp openai status) | $(large openai files) | $(large openai lines) | $(comp openai wall) | $(comp openai rss) | $(comp openai cpu) | $(per_second "$(large openai lines)" "$(comp openai wall)") | $(comp openai warnings) |"
        echo "| StripeFull (ours, Stripe 3.0) | $(comp stripe status) | $(large stripe files) | $(large stripe lines) | $(comp stripe wall) | $(comp stripe rss) | $(comp stripe cpu) | $(per_second "$(large stripe lines)" "$(comp stripe wall)") | $(comp stripe warnings) |"
        echo "| StripePeer (swift-openapi-generator $PEER_TAG, Stripe 3.0) | $(comp stripepeer status) | $(large stripepeer files) | $(large stripepeer lines) | $(comp stripepeer wall) | $(comp stripepeer rss) | $(comp stripepeer cpu) | $(per_second "$(large stripepeer lines)" "$(comp stripepeer wall)") | $(comp stripepeer warnings) |"
        echo
        echo "Stripe, swift-openapi-generator / ours: wall $(ratio "$(comp stripepeer wall)" "$(comp stripe wall)"), max RSS $(ratio "$(comp stripepeer rss)" "$(comp stripe rss)"), CPU $(ratio "$(comp stripepeer cpu)" "$(comp stripe cpu)"). OpenAI per line against $MODULE per line (wall s per line): $(awk -v a="$(comp openai wall)" -v la="$(large openai lines)" -v b="$(comp ours wall)" -v lb="$(large ours lines)" 'BEGIN { if (a + 0 > 0 && la + 0 > 0 && b + 0 > 0 && lb + 0 > 0) printf "%.2f×", (a / la) / (b / lb); else print "n/a" }')."
        echo
        echo "Incremental rebuild of ours after one schema changes (\`${INCREMENTAL_SCHEMA:-MeterResponse}\` gains an optional property; regenerated, $(comp incr files) files rewritten): $(comp incr status), wall $(comp incr wall) s, CPU $(comp incr cpu) s, max RSS $(comp incr rss) MiB ($(ratio "$(comp incr wall)" "$(comp ours wall)") of the full build's wall time)."
        echo
        echo "| ratio | wall | max RSS | CPU |"
        echo "| --- | ---: | ---: | ---: |"
        echo "| swift-openapi-generator / ours | $(ratio "$(comp peer wall)" "$(comp ours wall)") | $(ratio "$(comp peer rss)" "$(comp ours rss)") | $(ratio "$(comp peer cpu)" "$(comp ours cpu)") |"
        echo "| OpenAPI Generator swift6 / ours | $(ratio "$(comp oag wall)" "$(comp ours wall)") | $(ratio "$(comp oag rss)" "$(comp ours rss)") | $(ratio "$(comp oag cpu)" "$(comp ours cpu)") |"
    else
        echo "Not run (use \`Benchmarks/run.sh --compile\`)."
    fi
    if [[ $DO_PLUGIN == 1 ]]; then
        echo
        echo "## 6. First build of a package that gets its bindings from a build plugin"
        echo
        echo "The seed's EnergyCAP spec (\`Specs/EnergyCAP\`) in a one-target package (\`Benchmarks/plugin/\`): \`swift build\` (debug) from an empty \`.build\`, after one untimed resolve that fills SwiftPM's shared repository cache. It builds the plugin, the generator tool, the runtime, runs the generation and compiles the bindings: what every user of the plugin pays on a clean build and in CI."
        echo
        echo "| package | status | wall s | max RSS MiB | CPU s | compiler warnings | Swift modules compiled |"
        echo "| --- | --- | ---: | ---: | ---: | ---: | --- |"
        echo "| api-bindgen's APIBindgenPlugin, on BindingRuntime | $(plug ours status) | $(plug ours wall) | $(plug ours rss) | $(plug ours cpu) | $(plug ours warnings) | $(plug ours modules) |"
        echo "| swift-openapi-generator $PEER_TAG's OpenAPIGenerator, on swift-openapi-runtime $PEER_RUNTIME_VERSION + swift-openapi-urlsession $PEER_URLSESSION_VERSION | $(plug peer status) | $(plug peer wall) | $(plug peer rss) | $(plug peer cpu) | $(plug peer warnings) | $(plug peer modules) |"
        echo
        echo "Ours / swift-openapi-generator's: wall $(ratio "$(plug ours wall)" "$(plug peer wall)"), CPU $(ratio "$(plug ours cpu)" "$(plug peer cpu)"). Target: ≤ 1/3 of the peer's wall time: $(awk -v a="$(plug ours wall)" -v b="$(plug peer wall)" 'BEGIN { if (a + 0 > 0 && b + 0 > 0 && a / b <= 1 / 3) print "**met**"; else if (a + 0 > 0 && b + 0 > 0) print "**not met**"; else print "n/a" }')."
    fi
} >"$REPORT"

mkdir -p "$REPO/Benchmarks/results"
# The streamed-upload section (Benchmarks/streaming.sh) is kept from the previous results unless re-run.
if [[ $DO_STREAMING == 0 && -f "$REPO/Benchmarks/results/latest.md" ]] && grep -q '<!-- streaming -->' "$REPO/Benchmarks/results/latest.md"; then
    { echo; sed -n '/<!-- streaming -->/,/<!-- \/streaming -->/p' "$REPO/Benchmarks/results/latest.md"; } >>"$REPORT"
fi
cp "$REPORT" "$REPO/Benchmarks/results/latest.md"
if [[ $DO_STREAMING == 1 ]]; then
    "$REPO/Benchmarks/streaming.sh"
fi
echo
cat "$REPORT"
echo
echo "(written to Benchmarks/results/latest.md)" >&2
