#!/usr/bin/env bash
# The partition benchmark: bash bench/partition.sh [small|medium|large] (default large). See bench/README.md.
# Writes the size's synthetic tambons (bench/work/<size>/areas.gpkg, generate.py --areas-only) and synthetic
# municipalities over them (municipalities.gpkg, make_municipalities_national.py, seeded) if missing, builds
# geoplan (release), then times `geoplan partition` and its geopandas peer (peer_partition.py: overlay
# intersection plus overlay difference, geodesic areas, the same crosswalk) RUNS times each (default 3), one after
# the other, and prints medians, the ratio and how far the two crosswalks are apart (report_partition.py).
# Run it with nothing else building: both sides run on one thread each, and a 2-core machine has no core spare.
set -euo pipefail

SIZE="${1:-large}"
RUNS="${RUNS:-3}"
case "$SIZE" in small|medium|large) ;; *) echo "usage: bash bench/partition.sh [small|medium|large]" >&2; exit 2;; esac

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH="$ROOT/bench"
WORK="$BENCH/work"
DATA="$WORK/$SIZE"
RES="$WORK/results-partition-$SIZE"
VENV="$BENCH/.venv"
PY="$VENV/bin/python"
GEOPLAN="$ROOT/.build/release/geoplan"

# --- Python environment (the same venv as run.sh; this needs only part of it) ----------------------------
if ! [ -x "$PY" ] || ! "$PY" -c "import numpy, shapely, pyproj, pyogrio, geopandas" 2>/dev/null; then
    echo "== creating $VENV (numpy shapely pyproj pyogrio geopandas)" >&2
    python3 -m venv "$VENV"
    "$PY" -m pip install -q --upgrade pip </dev/null
    "$PY" -m pip install -q numpy shapely pyproj pyogrio geopandas </dev/null
fi

# --- a timer (bench/timed.sh) ----------------------------------------------------------------------------
# shellcheck source=bench/timed.sh
source "$ROOT/bench/timed.sh"

# --- data -----------------------------------------------------------------------------------------------
if ! [ -f "$DATA/areas.gpkg" ]; then
    echo "== generating the $SIZE areas (the tambons) in $DATA" >&2
    "$PY" "$BENCH/generate.py" "$SIZE" --out "$WORK" --areas-only </dev/null
fi
if ! [ -f "$DATA/municipalities.gpkg" ] || [ "$DATA/areas.gpkg" -nt "$DATA/municipalities.gpkg" ]; then
    echo "== generating synthetic municipalities over them" >&2
    "$PY" "$BENCH/make_municipalities_national.py" "$DATA" </dev/null
fi

# --- geoplan --------------------------------------------------------------------------------------------
echo "== building geoplan (release)" >&2
(cd "$ROOT" && swift build -c release --product geoplan </dev/null 2>&1 | tail -1) >&2

rm -rf "$RES"; mkdir -p "$RES"
cd "$ROOT"
for i in $(seq 1 "$RUNS"); do
    echo "== run $i/$RUNS: geoplan partition" >&2
    timed "$RES/geoplan.$i.time" "$GEOPLAN" partition "$DATA/areas.gpkg" "$DATA/municipalities.gpkg" \
        --tambon-id code --out "$RES/units.gpkg" --overwrite --json --quiet > "$RES/geoplan.$i.json"
    echo "== run $i/$RUNS: peer (geopandas overlay)" >&2
    timed "$RES/peer.$i.time" "$PY" "$BENCH/peer_partition.py" "$DATA/areas.gpkg" "$DATA/municipalities.gpkg" \
        "$RES/peer.csv" --stages "$RES/peer.$i.json"
done

"$PY" "$BENCH/report_partition.py" "$RES" "$SIZE" "$RUNS"
