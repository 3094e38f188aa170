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
import os

import geopandas as gpd
import numpy as np
from exactextract import exact_extract
from pyogrio import write_dataframe
from pyproj import Geod
from stage_clock import StageClock

GEOD = Geod(ellps="WGS84")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("data")
    ap.add_argument("raster")
    ap.add_argument("out")
    ap.add_argument("--stages", help="write per-stage wall times (s) as JSON here")
    args = ap.parse_args()
    clock = StageClock()

    areas = gpd.read_file(os.path.join(args.data, "areas.gpkg"), engine="pyogrio")
    facilities = gpd.read_file(os.path.join(args.data, "facilities.gpkg"), engine="pyogrio")
    clock.lap("read")

    measured = [GEOD.geometry_area_perimeter(g) for g in areas.geometry]
    areas["area_km2"] = np.array([abs(a) for a, _ in measured]) / 1e6
    areas["perimeter_km"] = np.array([p for _, p in measured]) / 1e3
    clock.lap("area_perimeter")

    joined = gpd.sjoin(facilities[["geometry"]], areas[["code", "geometry"]], predicate="within", how="inner")
    counts = joined.groupby("code").size()
    areas["facilities"] = areas["code"].map(counts).fillna(0).astype("int64")
    clock.lap("count")

    zonal = exact_extract(args.raster, areas, ["sum", "mean"], include_cols=["code"], output="pandas")
    zonal = zonal.set_index("code")
    areas["popgrid_sum"] = areas["code"].map(zonal["sum"])
    areas["popgrid_mean"] = areas["code"].map(zonal["mean"])
    clock.lap("zonal")

    areas["facilities_per_km2"] = areas["facilities"] / areas["area_km2"]
    clock.lap("ratio")

    if os.path.exists(args.out):
        os.remove(args.out)
    write_dataframe(areas, args.out, driver="GeoJSON", layer_options={"RFC7946": "YES"})
    clock.lap("write")
    clock.save(args.stages)


if __name__ == "__main__":
    main()
