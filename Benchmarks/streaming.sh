#!/usr/bin/env bash
# Peak memory of a streamed 100 MB upload (issue 11): `stream-bench` (Benchmarks/StreamBench, a target of the main package)
# uploads a file with EnergyCAP's `uploadFile` to an in-process loopback server that discards the
# bytes (checking their count and hash), once per transport × body kind, each in a fresh process,
# and reads VmRSS/VmHWM from /proc/self/status. See Benchmarks/README.md.
#
#   Benchmarks/streaming.sh              # 100 MB, writes the section into Benchmarks/results/latest.md
#   MEGABYTES=20 Benchmarks/streaming.sh # a smaller body
#
# Environment: CONFIG (release by default; debug reuses the test build), RUNS (default 3) runs per
# case, the median peak reported. Also run by `Benchmarks/run.sh --streaming`.
set -euo pipefail
export LC_ALL=C
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MEGABYTES="${MEGABYTES:-100}"
RUNS="${RUNS:-3}"
GOAL_MIB=40
OUT_FILE="${STREAMING_OUT:-$REPO/Benchmarks/results/latest.md}"
TMP="$(mktemp -d /tmp/stream-bench.XXXXXX)"
trap 'rm -rf "$TMP"' EXIT

CONFIG="${CONFIG:-release}"
echo "streaming.sh: building stream-bench ($CONFIG)" >&2
# The AsyncHTTPClient transport is behind its package trait (Package.swift).
swift build -c "$CONFIG" --package-path "$REPO" --traits AsyncHTTPClientTransport --product stream-bench >&2
BIN="$(swift build -c "$CONFIG" --package-path "$REPO" --traits AsyncHTTPClientTransport --show-bin-path)/stream-bench"

# field NAME from a JSON line
field() { sed -E "s/.*\"$1\":\"?([^,\"}]*)\"?.*/\1/" <<<"$2"; }
median() { sort -n | awk '{ a[NR] = $1 } END { if (NR == 0) print "n/a"; else print a[int((NR + 1) / 2)] }'; }

declare -A PEAK BASE SECS
for transport in urlsession asynchttpclient; do
    for body in file stream data; do
        : >"$TMP/$transport-$body"
        for ((run = 1; run <= RUNS; run++)); do
            line="$("$BIN" --transport "$transport" --body "$body" --megabytes "$MEGABYTES" --dir "$TMP")"
            echo "$line" >&2
            echo "$(field peak_above_baseline_kib "$line") $(field baseline_kib "$line") $(field seconds "$line")" >>"$TMP/$transport-$body"
        done
        PEAK[$transport-$body]="$(cut -d' ' -f1 "$TMP/$transport-$body" | median)"
        BASE[$transport-$body]="$(cut -d' ' -f2 "$TMP/$transport-$body" | median)"
        SECS[$transport-$body]="$(cut -d' ' -f3 "$TMP/$transport-$body" | median)"
    done
done

mib() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b + 0 > 0) printf "%.2f×", a / b; else print "n/a" }'; }
met() { awk -v k="$1" -v g="$GOAL_MIB" 'BEGIN { if (k / 1024 < g) print "**met**"; else print "**not met**" }'; }
name() { case "$1" in urlsession) echo "URLSessionTransport";; asynchttpclient) echo "AsyncHTTPClientTransport";; esac; }

SECTION="$TMP/section.md"
{
    echo "<!-- streaming -->"
    echo "## 5. Streamed upload: peak memory of a $MEGABYTES MB \`uploadFile\` over loopback"
    echo
    echo "- Date: $(date -u '+%Y-%m-%d %H:%M UTC'); api-bindgen $(git -C "$REPO" rev-parse --short HEAD), $CONFIG build; median of $RUNS runs, each a fresh process"
    echo "- Command: \`Benchmarks/streaming.sh\` (or \`Benchmarks/run.sh --streaming\`)"
    echo "- Peak above baseline = VmHWM during the upload − VmRSS just before it (after a 1 KiB warm-up upload; VmHWM reset there through \`/proc/self/clear_refs\`). The in-process server reads 64 KiB at a time and keeps nothing but a count and a hash, which it checks."
    echo
    echo "| transport | body | baseline MiB | peak above baseline MiB | seconds | goal < $GOAL_MIB MiB |"
    echo "| --- | --- | ---: | ---: | ---: | --- |"
    for transport in urlsession asynchttpclient; do
        for body in file stream data; do
            case "$body" in file) what="\`.file(url)\`";; stream) what="\`.stream(chunks, length:)\`";; data) what="\`Data\` (whole body in memory)";; esac
            goal="$([[ $body == data ]] && echo "(for comparison)" || met "${PEAK[$transport-$body]}")"
            echo "| $(name $transport) | $what | $(mib "${BASE[$transport-$body]}") | $(mib "${PEAK[$transport-$body]}") | ${SECS[$transport-$body]} | $goal |"
        done
    done
    echo
    echo "| ratio of peaks above baseline | URLSessionTransport | AsyncHTTPClientTransport |"
    echo "| --- | ---: | ---: |"
    echo "| \`Data\` / \`.file\` | $(ratio "${PEAK[urlsession-data]}" "${PEAK[urlsession-file]}") | $(ratio "${PEAK[asynchttpclient-data]}" "${PEAK[asynchttpclient-file]}") |"
    echo "| \`Data\` / \`.stream\` | $(ratio "${PEAK[urlsession-data]}" "${PEAK[urlsession-stream]}") | $(ratio "${PEAK[asynchttpclient-data]}" "${PEAK[asynchttpclient-stream]}") |"
    echo "<!-- /streaming -->"
} >"$SECTION"

cat "$SECTION"
# Replace the section in the results file (or append it).
if [[ -f "$OUT_FILE" ]] && grep -q '<!-- streaming -->' "$OUT_FILE"; then
    awk -v section="$SECTION" '
        /<!-- streaming -->/ { while ((getline line < section) > 0) print line; skip = 1; next }
        /<!-- \/streaming -->/ { skip = 0; next }
        !skip { print }' "$OUT_FILE" >"$TMP/out.md"
    cp "$TMP/out.md" "$OUT_FILE"
else
    { [[ -f "$OUT_FILE" ]] && cat "$OUT_FILE" && echo; cat "$SECTION"; } >"$TMP/out.md"
    cp "$TMP/out.md" "$OUT_FILE"
fi
echo "(written to ${OUT_FILE#$REPO/})" >&2
