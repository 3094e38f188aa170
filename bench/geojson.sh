#!/usr/bin/env bash
# The GeoJSON writer benchmark: bash bench/geojson.sh [small|medium|large] (default large). See bench/README.md.
# Writes the size's synthetic areas (bench/work/<size>/areas.gpkg, generate.py --areas-only) if missing, builds
# geoplan (release), then times, RUNS times each (default 3), one after the other on the same input:
#   geoplan convert areas.gpkg out.geojson            (geoplan's own writer: RFC 7946, 7 decimals, bbox, valid rounding)
#   ogr2ogr -f GeoJSON -lco RFC7946=YES out.geojson areas.gpkg   (GDAL's driver, 7 decimals as well)
# checks that both outputs hold every feature, and prints the medians and the ratio (target: ogr2ogr / geoplan ≥ 5).
# GEOPLAN=path uses that binary instead of building one.
set -euo pipefail

SIZE="${1:-large}"
RUNS="${RUNS:-3}"
case "$SIZE" in small|medium|large) ;; *) echo "usage: bash bench/geojson.sh [small|medium|large]" >&2; exit 2;; esac

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH="$ROOT/bench"
WORK="$BENCH/work"
DATA="$WORK/$SIZE"
RES="$WORK/results-geojson-$SIZE"
VENV="$BENCH/.venv"
PY="$VENV/bin/python"

command -v ogr2ogr >/dev/null || { echo "ogr2ogr not found: apt-get install gdal-bin" >&2; exit 1; }

# --- data (the same venv as run.sh; this needs only part of it) -------------------------------------------
if ! [ -f "$DATA/areas.gpkg" ]; then
    if ! [ -x "$PY" ] || ! "$PY" -c "import numpy, shapely, pyproj, pyogrio, geopandas" 2>/dev/null; then
        echo "== creating $VENV (numpy shapely pyproj pyogrio geopandas)" >&2
        python3 -m venv "$VENV"
        "$PY" -m pip install -q --upgrade pip </dev/null
        "$PY" -m pip install -q numpy shapely pyproj pyogrio geopandas </dev/null
    fi
    echo "== generating the $SIZE areas in $DATA" >&2
    "$PY" "$BENCH/generate.py" "$SIZE" --out "$WORK" --areas-only </dev/null
fi

# --- a timer (bench/timed.sh) ----------------------------------------------------------------------------
# shellcheck source=bench/timed.sh
source "$ROOT/bench/timed.sh"

# --- geoplan --------------------------------------------------------------------------------------------
if [ -z "${GEOPLAN:-}" ]; then
    echo "== building geoplan (release)" >&2
    (cd "$ROOT" && swift build -c release --product geoplan </dev/null 2>&1 | tail -1) >&2
    GEOPLAN="$ROOT/.build/release/geoplan"
fi

rm -rf "$RES"; mkdir -p "$RES"
for i in $(seq 1 "$RUNS"); do
    echo "== run $i/$RUNS: geoplan convert" >&2
    rm -f "$RES/geoplan.geojson"
    timed "$RES/geoplan.$i.time" "$GEOPLAN" convert "$DATA/areas.gpkg" "$RES/geoplan.geojson" --quiet
    echo "== run $i/$RUNS: ogr2ogr -f GeoJSON -lco RFC7946=YES" >&2
    rm -f "$RES/gdal.geojson"
    timed "$RES/gdal.$i.time" ogr2ogr -f GeoJSON -lco RFC7946=YES "$RES/gdal.geojson" "$DATA/areas.gpkg"
done

# --- both outputs whole -----------------------------------------------------------------------------------
count() { ogrinfo -ro -so -al "$1" 2>/dev/null | sed -n 's/^Feature Count: //p'; }
expected="$(count "$DATA/areas.gpkg")"
for out in geoplan gdal; do
    got="$(count "$RES/$out.geojson")"
    [ "$got" = "$expected" ] || { echo "$out.geojson holds $got features, not $expected" >&2; exit 1; }
done

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
geoplan_s="$(cat "$RES"/geoplan.*.time | awk '{ print $1 }' | median)"
gdal_s="$(cat "$RES"/gdal.*.time | awk '{ print $1 }' | median)"
geoplan_mb="$(cat "$RES"/geoplan.*.time | awk '{ print $2 / 1024 }' | median)"
gdal_mb="$(cat "$RES"/gdal.*.time | awk '{ print $2 / 1024 }' | median)"
size_of() { stat -c %s "$1" | awk '{ printf "%.1f", $1 / 1e6 }'; }
printf '\nGeoJSON writer, %s areas (%s features), medians of %s runs\n' "$SIZE" "$expected" "$RUNS"
printf '%-44s %9s %9s %9s\n' "" "wall (s)" "peak MB" "file MB"
printf '%-44s %9.2f %9.0f %9s\n' "geoplan convert" "$geoplan_s" "$geoplan_mb" "$(size_of "$RES/geoplan.geojson")"
printf '%-44s %9.2f %9.0f %9s\n' "ogr2ogr -f GeoJSON -lco RFC7946=YES" "$gdal_s" "$gdal_mb" "$(size_of "$RES/gdal.geojson")"
printf 'all runs (s): geoplan %s; ogr2ogr %s\n' "$(awk '{ printf "%s ", $1 }' "$RES"/geoplan.*.time)" \
    "$(awk '{ printf "%s ", $1 }' "$RES"/gdal.*.time)"
awk -v g="$geoplan_s" -v o="$gdal_s" 'BEGIN { printf "speed-up (ogr2ogr / geoplan): %.1fx (target 5x)\n", o / g }'
