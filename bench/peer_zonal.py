#!/usr/bin/env python3
"""The peer of the zonal stage of bench/run.sh: exactextract's sum and mean of a raster under every area.

    python bench/peer_zonal.py AREAS.gpkg RASTER.tif OUT.csv [--stages STAGES.json]

Reads the areas with geopandas (pyogrio), calls
`exactextract.exact_extract(raster, areas, ["sum", "mean"], include_cols=["code"], output="pandas")` (with a
path, exactextract opens the raster itself: through rasterio here, since the venv has no GDAL Python bindings)
and writes `code,sum,mean` to OUT.csv. exactextract weighs each pixel by the exact fraction of it the area
covers and skips nodata pixels, as geoplan's `zonal` indicator does.
"""
import argparse

import geopandas as gpd
from exactextract import exact_extract
from stage_clock import StageClock


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("areas")
    ap.add_argument("raster")
    ap.add_argument("out")
    ap.add_argument("--stages", help="write per-stage wall times (s) as JSON here")
    args = ap.parse_args()
    clock = StageClock()

    areas = gpd.read_file(args.areas, engine="pyogrio")
    clock.lap("read")
    table = exact_extract(args.raster, areas, ["sum", "mean"], include_cols=["code"], output="pandas")
    clock.lap("zonal")
    table.to_csv(args.out, index=False, float_format="%.17g")
    clock.lap("write")
    clock.save(args.stages)


if __name__ == "__main__":
    main()
