#!/usr/bin/env bash
# The geoplan benchmark: bash bench/run.sh [small|medium|large] (default small). See bench/README.md.
# Generates seeded data in bench/work/<size>/ (and the zonal stage's raster, bench/work/raster/popgrid.tif) if
# missing, builds geoplan (release), runs geoplan and the geopandas peer 3 times each on the same data, times
# the floor (ogr2ogr of every input to FlatGeobuf), then the zonal stage (geoplan's zonal indicator against
# exactextract, 3 times each), checks that both sides agree and prints medians and ratios.
# RUNS=n: runs per measurement (default 3). ONLY=zonal: only the zonal stage (skips the main suite, the
# --jobs 1 run and the count scaling).
set -euo pipefail

SIZE="${1:-small}"
RUNS="${RUNS:-3}"
ONLY="${ONLY:-}"
case "$SIZE" in small|medium|large) ;; *) echo "usage: bash bench/run.sh [small|medium|large]" >&2; exit 2;; esac
case "$ONLY" in ""|zonal) ;; *) echo "ONLY must be empty (everything) or zonal" >&2; exit 2;; esac

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH="$ROOT/bench"
WORK="$BENCH/work"
DATA="$WORK/$SIZE"
RES="$WORK/results-$SIZE"
RASTER="$WORK/raster/popgrid.tif"
VENV="$BENCH/.venv"
PY="$VENV/bin/python"
GEOPLAN="$ROOT/.build/release/geoplan"

# --- Python environment -------------------------------------------------------------------------------
if ! [ -x "$PY" ] || ! "$PY" -c "import numpy, shapely, pyproj, pyogrio, geopandas, rasterio, exactextract" 2>/dev/null
then
    echo "== creating $VENV (numpy shapely pyproj pyogrio geopandas rasterio exactextract)" >&2
    python3 -m venv "$VENV"
    "$PY" -m pip install -q --upgrade pip </dev/null
    "$PY" -m pip install -q numpy shapely pyproj pyogrio geopandas rasterio exactextract </dev/null
fi

# --- a timer (bench/timed.sh) ----------------------------------------------------------------------------
# shellcheck source=bench/timed.sh
source "$ROOT/bench/timed.sh"

# --- data -----------------------------------------------------------------------------------------------
if ! [ -f "$DATA/population.csv" ] || ! [ -f "$DATA/landuse.gpkg" ]; then
    echo "== generating $SIZE data in $DATA" >&2
    "$PY" "$BENCH/generate.py" "$SIZE" --out "$WORK" </dev/null
fi
# the zonal stage's raster: one for every size (generate.py SIZE writes it too when it is missing)
if ! [ -f "$RASTER" ]; then
    echo "== generating the zonal stage's raster $RASTER (once for every size)" >&2
    "$PY" "$BENCH/generate.py" raster --out "$WORK" </dev/null
fi
ln -sfn "$SIZE" "$WORK/current"

# --- geoplan --------------------------------------------------------------------------------------------
echo "== building geoplan (release)" >&2
(cd "$ROOT" && swift build -c release --product geoplan </dev/null 2>&1 | tail -1) >&2

rm -rf "$RES"; mkdir -p "$RES"
cd "$ROOT"
if [ -z "$ONLY" ]; then
for i in $(seq 1 "$RUNS"); do
    echo "== run $i/$RUNS: geoplan" >&2
    timed "$RES/geoplan.$i.time" "$GEOPLAN" run bench/spec.yaml --out "$RES/geoplan" --overwrite --json --quiet \
        > "$RES/geoplan.$i.json"
    echo "== run $i/$RUNS: peer (geopandas)" >&2
    timed "$RES/peer.$i.time" "$PY" "$BENCH/peer.py" "$DATA" "$RES/peer.csv" --stages "$RES/peer.$i.json"
    if command -v ogr2ogr >/dev/null; then
        echo "== run $i/$RUNS: floor (ogr2ogr -f FlatGeobuf)" >&2
        rm -rf "$RES/floor"; mkdir -p "$RES/floor"
        timed "$RES/floor.$i.time" bash -c '
            for f in areas facilities roads landuse; do
                ogr2ogr -f FlatGeobuf "$2/$f.fgb" "$1/$f.gpkg" 2>/dev/null || exit 1
            done
            ogr2ogr -f FlatGeobuf "$2/population.fgb" "$1/population.csv" 2>/dev/null' _ "$DATA" "$RES/floor"
    fi
done
command -v ogr2ogr >/dev/null || echo "note: ogr2ogr not found, the floor is not timed" >&2

# --- scaling: one thread against all, and the count stage on twice the facilities ---------------------
for i in $(seq 1 "$RUNS"); do
    echo "== run $i/$RUNS: geoplan --jobs 1" >&2
    timed "$RES/jobs1.$i.time" "$GEOPLAN" run bench/spec.yaml --out "$RES/jobs1" --overwrite --json --quiet \
        --jobs 1 > "$RES/jobs1.$i.json"
done
if command -v ogr2ogr >/dev/null; then
    if ! [ -f "$DATA/facilities-2x.gpkg" ]; then
        echo "== doubling the facilities (the same points twice)" >&2
        ogr2ogr -f GPKG "$DATA/facilities-2x.gpkg" "$DATA/facilities.gpkg" -nln facilities
        ogr2ogr -append "$DATA/facilities-2x.gpkg" "$DATA/facilities.gpkg" -nln facilities
    fi
    for n in 1x 2x; do
        file=facilities.gpkg; [ "$n" = 2x ] && file=facilities-2x.gpkg
        sed -e "s|work/current/facilities.gpkg|work/current/$file|" bench/spec.yaml > "$RES/count-$n.yaml"
        # only the count indicator, so the stage is timed alone
        "$PY" - "$RES/count-$n.yaml" <<'EOF2'
import sys, re
path = sys.argv[1]
text = open(path).read()
head, indicators = text.split("indicators:", 1)
keep = [b for b in re.split(r"\n(?=  - id: )", indicators) if "type: count" in b or b.strip() == ""]
body = "\n".join(keep).split("output:")[0]
text = head.replace("path: work/", "path: ../../work/") + "indicators:" + body + "\noutput:\n  folder: count-out\n  formats: [csv]\n"
open(path, "w").write(text)
EOF2
        for i in $(seq 1 "$RUNS"); do
            "$GEOPLAN" run "$RES/count-$n.yaml" --overwrite --json --quiet > "$RES/count-$n.$i.json"
        done
    done
fi
fi  # ONLY

# --- the zonal stage: sum and mean of the raster under every area, geoplan against exactextract ---------
# Each side in its own process, so its time and peak memory are the stage's own (bench/spec-zonal.yaml holds
# only the boundaries and the zonal indicator). geoplan also once more with --jobs 1: exactextract runs on one
# thread.
for i in $(seq 1 "$RUNS"); do
    echo "== run $i/$RUNS: zonal, geoplan" >&2
    timed "$RES/zonal-geoplan.$i.time" "$GEOPLAN" run bench/spec-zonal.yaml --out "$RES/zonal-geoplan" \
        --overwrite --json --quiet > "$RES/zonal-geoplan.$i.json"
    echo "== run $i/$RUNS: zonal, exactextract" >&2
    timed "$RES/zonal-peer.$i.time" "$PY" "$BENCH/peer_zonal.py" "$DATA/areas.gpkg" "$RASTER" \
        "$RES/zonal-peer.csv" --stages "$RES/zonal-peer.$i.json"
    echo "== run $i/$RUNS: zonal, geoplan --jobs 1" >&2
    timed "$RES/zonal-jobs1.$i.time" "$GEOPLAN" run bench/spec-zonal.yaml --out "$RES/zonal-jobs1" \
        --overwrite --json --quiet --jobs 1 > "$RES/zonal-jobs1.$i.json"
done

"$PY" "$BENCH/report.py" "$RES" "$SIZE" "$RUNS"
