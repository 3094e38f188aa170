#!/usr/bin/env bash
# The national map (issue 16, point 5): bash bench/map.sh [small|medium|large] (default large). See bench/README.md.
# Writes the size's synthetic areas (bench/work/<size>/areas.gpkg, generate.py --areas-only) if missing, gives them a
# numeric property (area_km2, planar, with ogr2ogr's SQLite dialect; not timed), builds geoplan (release), then times
# `geoplan map` RUNS times (default 3): SVG, HTML, classified GeoJSON, TopoJSON and legend, default options. Prints
# the median wall time, peak memory and the HTML page's size against issue 16's targets (≤ 5 s, ≤ 2 MB), then opens
# the page in headless Chromium (when installed) and measures pan and zoom frame times (bench/map_pan_zoom.js).
# GEOPLAN=path uses that binary instead of building one; CHROMIUM=path another browser; PAGE=path measures the pan
# and zoom of that page as well (for a before/after).
set -euo pipefail

SIZE="${1:-large}"
RUNS="${RUNS:-3}"
case "$SIZE" in small|medium|large) ;; *) echo "usage: bash bench/map.sh [small|medium|large]" >&2; exit 2;; esac

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH="$ROOT/bench"
WORK="$BENCH/work"
DATA="$WORK/$SIZE"
RES="$WORK/results-map-$SIZE"
VENV="$BENCH/.venv"
PY="$VENV/bin/python"
TARGET_SECONDS=5
TARGET_BYTES=$((2 * 1024 * 1024))

command -v ogr2ogr >/dev/null || { echo "ogr2ogr not found: apt-get install gdal-bin" >&2; exit 1; }

# --- data (the same venv and generator as geojson.sh) ------------------------------------------------------
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
rm -rf "$RES"; mkdir -p "$RES"
INPUT="$RES/areas-valued.gpkg"
# A value to classify: the planar area in degrees² scaled to about km² (what is mapped does not change the work).
ogr2ogr -f GPKG "$INPUT" "$DATA/areas.gpkg" -nln areas -dialect SQLite \
    -sql "SELECT geom, code, name, ST_Area(geom) * 12300 AS area_km2 FROM areas" </dev/null

# shellcheck source=bench/timed.sh
source "$BENCH/timed.sh"
if [ -z "${GEOPLAN:-}" ]; then
    echo "== building geoplan (release)" >&2
    (cd "$ROOT" && swift build -c release --product geoplan </dev/null 2>&1 | tail -1) >&2
    GEOPLAN="$ROOT/.build/release/geoplan"
fi

for i in $(seq 1 "$RUNS"); do
    echo "== run $i/$RUNS: geoplan map" >&2
    timed "$RES/map.$i.time" "$GEOPLAN" map "$INPUT" --indicator area_km2 --out "$RES/map" --overwrite --quiet \
        > "$RES/map.$i.out"
done

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
seconds="$(cat "$RES"/map.*.time | awk '{ print $1 }' | median)"
megabytes="$(cat "$RES"/map.*.time | awk '{ print $2 / 1024 }' | median)"
bytes() { stat -c %s "$1"; }
html_bytes="$(bytes "$RES/map.html")"
features="$(ogrinfo -ro -so "$INPUT" areas 2>/dev/null | sed -n 's/^Feature Count: //p')"
verdict() { if awk -v a="$1" -v b="$2" 'BEGIN { exit !(a <= b) }'; then echo "meets ≤ $3"; else echo "MISSES ≤ $3"; fi; }

# --- pan and zoom in headless Chromium --------------------------------------------------------------------
CHROMIUM="${CHROMIUM:-$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)}"
pan_zoom() {  # pan_zoom PAGE NAME: prints the page's GEOPLAN-PAN-ZOOM json, or nothing
    local page="$1" name="$2" copy="$RES/$2-measured.html" log="$RES/$2-chromium.log"
    python3 - "$page" "$BENCH/map_pan_zoom.js" "$copy" <<'EOF'
import sys
page, script, out = sys.argv[1:4]
html = open(page, encoding="utf-8").read()
measure = "<script>\n" + open(script, encoding="utf-8").read() + "</script>\n</body>"
open(out, "w", encoding="utf-8").write(html.replace("</body>", measure, 1))
EOF
    # A debugging port keeps the headless browser open after the load, so the page can keep drawing frames;
    # the console line arrives in the log, then the browser (its own process group) is stopped.
    setsid "$CHROMIUM" --headless --no-sandbox --disable-gpu --no-first-run --no-default-browser-check \
        --disable-background-networking --disable-component-update --disable-sync --disable-extensions \
        --host-resolver-rules="MAP * ~NOTFOUND" --user-data-dir="$RES/$name-profile" --window-size=1200,900 \
        --enable-logging=stderr --v=0 --remote-debugging-port=0 "file://$copy" </dev/null >/dev/null 2>"$log" &
    local pid=$!
    for _ in $(seq 1 1200); do grep -q "GEOPLAN-PAN-ZOOM" "$log" && break; sleep 0.1; done
    kill -- "-$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    rm -rf "$RES/$name-profile"
    sed -n 's/.*"GEOPLAN-PAN-ZOOM \(.*\)", source:.*/\1/p' "$log" | head -1
}
pan_zoom_line() {  # pan_zoom_line JSON: one readable line
    python3 -c '
import json, sys
r = json.loads(sys.argv[1])
part = lambda k: "%s median %.1f ms, p95 %.1f ms, max %.1f ms (%.0f fps, %d frames)" % (
    k, r[k]["median_ms"], r[k]["p95_ms"], r[k]["max_ms"], r[k]["fps"], r[k]["frames"])
print("load %s ms; %s; %s" % (r["load_ms"], part("zoom"), part("drag")))' "$1"
}

echo
echo "geoplan map, $features areas ($SIZE), median of $RUNS runs:"
printf '  wall %s s (%s), peak memory %.0f MB\n' "$seconds" "$(verdict "$seconds" "$TARGET_SECONDS" "$TARGET_SECONDS s")" \
    "$megabytes"
printf '  HTML %s bytes (%s), SVG %s, TopoJSON %s, GeoJSON %s bytes\n' "$html_bytes" \
    "$(verdict "$html_bytes" "$TARGET_BYTES" "2 MB")" "$(bytes "$RES/map.svg")" "$(bytes "$RES/map.topojson")" \
    "$(bytes "$RES/map.geojson")"
echo "  all runs (s): $(awk '{ printf "%s ", $1 }' "$RES"/map.*.time)"
if [ -n "$CHROMIUM" ]; then
    result="$(pan_zoom "$RES/map.html" map)"
    if [ -n "$result" ]; then
        echo "$result" > "$RES/pan-zoom.json"
        echo "  pan/zoom in headless Chromium: $(pan_zoom_line "$result")"
    else
        echo "  pan/zoom: no measurement from Chromium (see $RES/map-chromium.log)"
    fi
    if [ -n "${PAGE:-}" ]; then
        other="$(pan_zoom "$PAGE" page)"
        [ -n "$other" ] && echo "  pan/zoom of $PAGE: $(pan_zoom_line "$other")"
    fi
else
    echo "  pan/zoom: Chromium not found (apt-get install chromium), not measured"
fi
