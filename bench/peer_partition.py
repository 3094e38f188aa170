#!/usr/bin/env python3
"""The peer of `geoplan partition`: the same split done the idiomatic geopandas way.

    bench/.venv/bin/python bench/peer_partition.py TAMBONS MUNICIPALITIES OUT.csv [--stages STAGES.json]

Municipal pieces are `overlay(tambons, municipalities, how="intersection")`; SAO remainders are
`overlay(tambons, municipalities, how="difference")` (geopandas unions the municipalities meeting each tambon,
found through its spatial index, and subtracts them). Every piece gets its geodesic area
(`Geod(ellps="WGS84").geometry_area_perimeter`) and its share of its tambon and of its local government, and the
crosswalk is written as CSV with geoplan's columns (tambon_code, lg_code, lg_type, kind, area_km2, area_rai,
share_of_tambon, share_of_lg). It does what geoplan's partition must do at the least; it does not snap borders,
merge slivers or check the result, which geoplan does on every run.
"""
import argparse
import json
import sys
import time

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from pyproj import Geod

GEOD = Geod(ellps="WGS84")


def geodesic_m2(geoms):
    return np.array([abs(GEOD.geometry_area_perimeter(shapely.orient_polygons(g))[0]) for g in geoms])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("tambons")
    ap.add_argument("municipalities")
    ap.add_argument("out")
    ap.add_argument("--tambon-id", default="code")
    ap.add_argument("--stages")
    args = ap.parse_args()
    stages = {}
    t = time.perf_counter()

    tambons = gpd.read_file(args.tambons, engine="pyogrio")[[args.tambon_id, "geometry"]]
    tambons = tambons.rename(columns={args.tambon_id: "tambon_code"})
    municipalities = gpd.read_file(args.municipalities, engine="pyogrio")[["LG_CODE", "LG_TYPE", "geometry"]]
    stages["read"] = time.perf_counter() - t
    t = time.perf_counter()

    pieces = gpd.overlay(tambons, municipalities, how="intersection", keep_geom_type=True)
    pieces = pieces.rename(columns={"LG_CODE": "lg_code", "LG_TYPE": "lg_type"})
    pieces["kind"] = "municipal-piece"
    stages["intersection"] = time.perf_counter() - t
    t = time.perf_counter()

    remainders = gpd.overlay(tambons, municipalities[["geometry"]], how="difference", keep_geom_type=True)
    remainders = remainders[~remainders.geometry.is_empty]
    remainders["lg_code"] = "SAO-" + remainders["tambon_code"]
    remainders["lg_type"] = "sao"
    remainders["kind"] = "remainder"
    stages["difference"] = time.perf_counter() - t
    t = time.perf_counter()

    units = pd.concat([pieces, remainders], ignore_index=True)
    units["area_m2"] = geodesic_m2(units.geometry.values)
    units = units[units["area_m2"] > 0]
    units["area_km2"] = units["area_m2"] / 1e6
    units["area_rai"] = units["area_m2"] / 1600
    units["share_of_tambon"] = units["area_m2"] / units.groupby("tambon_code")["area_m2"].transform("sum")
    units["share_of_lg"] = units["area_m2"] / units.groupby("lg_code")["area_m2"].transform("sum")
    stages["areas"] = time.perf_counter() - t
    t = time.perf_counter()

    columns = ["tambon_code", "lg_code", "lg_type", "kind", "area_km2", "area_rai", "share_of_tambon", "share_of_lg"]
    units.sort_values(["tambon_code", "kind", "lg_code"])[columns].to_csv(args.out, index=False)
    stages["write"] = time.perf_counter() - t
    print(f"peer: {len(units)} units ({len(pieces)} municipal pieces, {len(remainders)} remainders)", file=sys.stderr)
    if args.stages:
        with open(args.stages, "w") as f:
            json.dump(stages, f)


if __name__ == "__main__":
    main()
