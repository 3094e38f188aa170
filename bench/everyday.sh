#!/usr/bin/env bash
# A planner's everyday job, geoplan against GeoPandas (issue 16): bash bench/everyday.sh [small|medium|large].
# Geodesic area and perimeter, a point count, zonal sum and mean of the generated raster, a derived ratio and
# RFC 7946 GeoJSON out: `geoplan run bench/spec-everyday.yaml` against bench/peer_everyday.py (geopandas +
# pyogrio + pyproj + exactextract), RUNS times each (default 3) on the data bench/run.sh generates, then
# report_everyday.py checks that they agree and prints medians, ratios and the targets (≥ 5× the peer's wall
# time, ≤ 0.5 of its peak memory), geoplan's peak memory per million boundary vertices, and each stage's wall
# time on 2 threads against 1 (target ≤ 0.55 for the stages computed on threads).
set -euo pipefail

SIZE="${1:-small}"
RUNS="${RUNS:-3}"
case "$SIZE" in small|medium|large) ;; *) echo "usage: bash bench/everyday.sh [small|medium|large]" >&2; exit 2;; esac

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH="$ROOT/bench"
WORK="$BENCH/work"
DATA="$WORK/$SIZE"
RES="$WORK/results-everyday-$SIZE"
RASTER="$WORK/raster/popgrid.tif"
PY="$BENCH/.venv/bin/python"
GEOPLAN="$ROOT/.build/release/geoplan"

if ! [ -x "$PY" ] || ! [ -f "$DATA/facilities.gpkg" ] || ! [ -f "$RASTER" ]; then
    echo "== the venv, the $SIZE data or the raster is missing: bench/run.sh makes them" >&2
    ONLY=zonal RUNS=1 bash "$BENCH/run.sh" "$SIZE" >/dev/null
fi
# shellcheck source=bench/timed.sh
source "$BENCH/timed.sh"
ln -sfn "$SIZE" "$WORK/current"
echo "== building geoplan (release)" >&2
(cd "$ROOT" && swift build -c release --product geoplan </dev/null 2>&1 | tail -1) >&2

rm -rf "$RES"; mkdir -p "$RES"
cd "$ROOT"
for i in $(seq 1 "$RUNS"); do
    echo "== everyday $i/$RUNS: geoplan" >&2
    timed "$RES/geoplan.$i.time" "$GEOPLAN" run bench/spec-everyday.yaml --out "$RES/geoplan" --overwrite --json \
        --quiet > "$RES/geoplan.$i.json"
    echo "== everyday $i/$RUNS: geoplan --jobs 1" >&2
    timed "$RES/geoplan-jobs1.$i.time" "$GEOPLAN" run bench/spec-everyday.yaml --out "$RES/geoplan-jobs1" \
        --overwrite --json --quiet --jobs 1 > "$RES/geoplan-jobs1.$i.json"
    echo "== everyday $i/$RUNS: peer (geopandas + exactextract)" >&2
    timed "$RES/peer.$i.time" "$PY" "$BENCH/peer_everyday.py" "$DATA" "$RASTER" "$RES/peer.geojson" \
        --stages "$RES/peer.$i.json"
done
"$PY" "$BENCH/report_everyday.py" "$RES" "$SIZE" "$RUNS" "$DATA/areas.gpkg"
