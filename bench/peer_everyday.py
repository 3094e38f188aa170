#!/usr/bin/env python3
"""The peer of `geoplan run bench/spec-everyday.yaml`: a planner's everyday job the way a GeoPandas user does it.

    python bench/peer_everyday.py bench/work/<size> RASTER.tif OUT.geojson [--stages STAGES.json]

Reads the areas and facilities with geopandas (pyogrio); geodesic area and perimeter with
pyproj.Geod(ellps="WGS84").geometry_area_perimeter (as geoplan measures); facilities per area with
sjoin(predicate="within") (a point exactly on a border counts in no area; geoplan counts it once, in the area
with the smallest code); zonal sum and mean with exactextract (each pixel weighed by the covered fraction, as
geoplan's `zonal`); facilities per km²; then RFC 7946 GeoJSON through pyogrio (GDAL's driver, RFC7946=YES).
"""
import argparse
import json
import os
import time

import geopandas as gpd
import numpy as np
from exactextract import exact_extract
from pyogrio import write_dataframe
from pyproj import Geod

GEOD = Geod(ellps="WGS84")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("data")
    ap.add_argument("raster")
    ap.add_argument("out")
    ap.add_argument("--stages", help="write per-stage wall times (s) as JSON here")
    args = ap.parse_args()
    stages = {}
    t = time.perf_counter()

    def lap(name):
        nonlocal t
        now = time.perf_counter()
        stages[name] = stages.get(name, 0.0) + now - t
        t = now

    areas = gpd.read_file(os.path.join(args.data, "areas.gpkg"), engine="pyogrio")
    facilities = gpd.read_file(os.path.join(args.data, "facilities.gpkg"), engine="pyogrio")
    lap("read")

    measured = [GEOD.geometry_area_perimeter(g) for g in areas.geometry]
    areas["area_km2"] = np.array([abs(a) for a, _ in measured]) / 1e6
    areas["perimeter_km"] = np.array([p for _, p in measured]) / 1e3
    lap("area_perimeter")

    joined = gpd.sjoin(facilities[["geometry"]], areas[["code", "geometry"]], predicate="within", how="inner")
    counts = joined.groupby("code").size()
    areas["facilities"] = areas["code"].map(counts).fillna(0).astype("int64")
    lap("count")

    zonal = exact_extract(args.raster, areas, ["sum", "mean"], include_cols=["code"], output="pandas")
    zonal = zonal.set_index("code")
    areas["popgrid_sum"] = areas["code"].map(zonal["sum"])
    areas["popgrid_mean"] = areas["code"].map(zonal["mean"])
    lap("zonal")

    areas["facilities_per_km2"] = areas["facilities"] / areas["area_km2"]
    lap("ratio")

    if os.path.exists(args.out):
        os.remove(args.out)
    write_dataframe(areas, args.out, driver="GeoJSON", layer_options={"RFC7946": "YES"})
    lap("write")
    if args.stages:
        with open(args.stages, "w") as f:
            json.dump(stages, f)


if __name__ == "__main__":
    main()
