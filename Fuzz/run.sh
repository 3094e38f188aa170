#!/usr/bin/env bash
# Runs each libFuzzer target for a bounded time (`make fuzz`; CI runs it with FUZZ_SECONDS=60).
# Usage: Fuzz/run.sh SECONDS BUILD_FOLDER [TARGET...]
# Each target starts from its committed seeds (Fuzz/Corpus/<target>) plus what earlier runs here found
# (Fuzz/work/corpus/<target>, git-ignored, where new entries go); a crash, a hang (-timeout) or an OOM
# (-rss_limit_mb) is saved in Fuzz/work/artifacts/ and makes this script fail after the other targets have run.
set -uo pipefail
cd "$(dirname "$0")"
seconds=$1
build=$2
shift 2
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(FuzzSpec FuzzExpression FuzzEncoding FuzzTable FuzzGeoJSON FuzzCoverage)

# GDAL is not instrumented and keeps caches for the process's life: leaks are not checked. Swift's own crash
# backtracer is off so that the sanitizer's report is the one printed. GDAL's messages about each mutated file
# would drown the log: they go to /dev/null (geoplan reads them through its own handler anyway).
export ASAN_OPTIONS="detect_leaks=0:${ASAN_OPTIONS:-}"
export SWIFT_BACKTRACE=enable=no
export CPL_LOG=/dev/null

failed=()
mkdir -p work/artifacts
for target in "${targets[@]}"; do
    binary="$build/debug/$target"
    corpus="work/corpus/$target"
    mkdir -p "$corpus"
    dictionary=()
    case $target in
        FuzzSpec) dictionary=(-dict=Dictionaries/spec.dict) ;;
        FuzzExpression) dictionary=(-dict=Dictionaries/expression.dict) ;;
        FuzzTable) dictionary=(-dict=Dictionaries/table.dict) ;;
        FuzzGeoJSON) dictionary=(-dict=Dictionaries/geojson.dict) ;;
    esac
    echo "== $target: ${seconds}s"
    start=$(date +%s)
    if "$binary" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 \
        -artifact_prefix="work/artifacts/$target-" "${dictionary[@]}" "$corpus" "Corpus/$target" \
        > "work/$target.log" 2>&1; then
        grep -E "^(Done|stat::number_of_executed_units|stat::peak_rss_mb)" "work/$target.log"
    else
        failed+=("$target")
        grep -v "^#\|^INFO\|^\s*NEW_FUNC" "work/$target.log" | tail -40
    fi
    echo "   $(( $(date +%s) - start ))s; log: Fuzz/work/$target.log"
done
if [ ${#failed[@]} -gt 0 ]; then
    echo "fuzzing found a crash, hang or OOM in: ${failed[*]} (reproducers in Fuzz/work/artifacts/;" \
         "replay one with: $build/debug/<target> <file>)" >&2
    exit 1
fi
