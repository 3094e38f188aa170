#!/usr/bin/env bash
# Topology-kept simplification (issue 16, point 4): bash bench/simplify.sh [small|medium|large] (default large).
# See bench/README.md. Writes the size's synthetic areas (generate.py --areas-only) if missing, builds geoplan
# (release), then times, RUNS times each (default 3), read + simplify + write GeoJSON (RFC 7946, 6 decimals):
#   geoplan simplify areas.gpkg out.geojson --tolerance ${METRES}m        (Visvalingam, geoplan's default)
#   bench/peer_simplify.py: geopandas/pyogrio read, shapely.coverage_simplify (GEOS's CoverageSimplifier), pyogrio
# at the same tolerance (the square root of the Visvalingam area on both sides; metres converted to degrees at the
# data's middle latitude for the peer; DEGREES=d overrides), then report_simplify.py prints medians, the ratio
# against the target (≥ 2×), both output vertex counts and checks both outputs (valid, none empty, no overlaps).
# GEOPLAN=path uses that binary instead of building one.
set -euo pipefail

SIZE="${1:-large}"
RUNS="${RUNS:-3}"
METRES="${METRES:-30}"
case "$SIZE" in small|medium|large) ;; *) echo "usage: bash bench/simplify.sh [small|medium|large]" >&2; exit 2;; esac

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH="$ROOT/bench"
WORK="$BENCH/work"
DATA="$WORK/$SIZE"
RES="$WORK/results-simplify-$SIZE"
VENV="$BENCH/.venv"
PY="$VENV/bin/python"

# --- data (the same venv and generator as geojson.sh and map.sh) ------------------------------------------
if ! [ -x "$PY" ] || ! "$PY" -c "import numpy, shapely, pyproj, pyogrio, geopandas" 2>/dev/null; then
    echo "== creating $VENV (numpy shapely pyproj pyogrio geopandas)" >&2
    python3 -m venv "$VENV"
    "$PY" -m pip install -q --upgrade pip </dev/null
    "$PY" -m pip install -q numpy shapely pyproj pyogrio geopandas </dev/null
fi
if ! [ -f "$DATA/areas.gpkg" ]; then
    echo "== generating the $SIZE areas in $DATA" >&2
    "$PY" "$BENCH/generate.py" "$SIZE" --out "$WORK" --areas-only </dev/null
fi

# shellcheck source=bench/timed.sh
source "$BENCH/timed.sh"
if [ -z "${GEOPLAN:-}" ]; then
    echo "== building geoplan (release)" >&2
    (cd "$ROOT" && swift build -c release --product geoplan </dev/null 2>&1 | tail -1) >&2
    GEOPLAN="$ROOT/.build/release/geoplan"
fi

PEER_TOLERANCE=(--metres "$METRES")
[ -n "${DEGREES:-}" ] && PEER_TOLERANCE=(--degrees "$DEGREES")
rm -rf "$RES"; mkdir -p "$RES"
for i in $(seq 1 "$RUNS"); do
    echo "== run $i/$RUNS: geoplan simplify --tolerance ${METRES}m" >&2
    timed "$RES/geoplan.$i.time" "$GEOPLAN" simplify "$DATA/areas.gpkg" "$RES/geoplan.geojson" \
        --tolerance "${METRES}m" --overwrite --json --quiet > "$RES/geoplan.$i.json"
    echo "== run $i/$RUNS: peer (shapely.coverage_simplify + pyogrio)" >&2
    rm -f "$RES/peer.geojson"
    timed "$RES/peer.$i.time" "$PY" "$BENCH/peer_simplify.py" "$DATA/areas.gpkg" "$RES/peer.geojson" \
        "${PEER_TOLERANCE[@]}" --stages "$RES/peer.$i.json"
done
"$PY" "$BENCH/report_simplify.py" "$RES" "$SIZE" "$RUNS" "$DATA/areas.gpkg" "$METRES"
