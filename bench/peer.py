#!/usr/bin/env python3
"""The peer of `geoplan run bench/spec.yaml`: the same indicators, written the way a GeoPandas user would.

    python bench/peer.py bench/work/<size> OUT.csv [--stages STAGES.json]

geopandas + shapely 2 + pyogrio + pyproj. Geodesic measures with pyproj.Geod(ellps="WGS84"), as geoplan's are.
The indicators and their definitions follow geoplan's (README, "Indicator specs"), except the border rule of
point counts: geopandas.sjoin(predicate="within") counts a point lying exactly on a border in no area at all
(geoplan counts it once, in the area with the smallest code).
"""
import argparse
import os

import geopandas as gpd
import numpy as np
import pandas as pd
from pyproj import Geod
from stage_clock import StageClock

GEOD = Geod(ellps="WGS84")


def geodesic_area_km2(geoms):
    return np.array([abs(GEOD.geometry_area_perimeter(g)[0]) for g in geoms]) / 1e6


def geodesic_length_km(geoms):
    return np.array([GEOD.geometry_length(g) for g in geoms]) / 1e3


def column_key(value):
    s = "".join(c if c.isalnum() else "_" for c in str(value).lower())
    return s or "unclassified"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("data")
    ap.add_argument("out")
    ap.add_argument("--stages", help="write per-stage wall times (s) as JSON here")
    args = ap.parse_args()
    clock = StageClock()

    path = lambda name: os.path.join(args.data, name)
    areas = gpd.read_file(path("areas.gpkg"))
    facilities = gpd.read_file(path("facilities.gpkg"))
    roads = gpd.read_file(path("roads.gpkg"))
    landuse = gpd.read_file(path("landuse.gpkg"))
    population = pd.read_csv(path("population.csv"), dtype={"code": str})
    clock.lap("read")

    out = areas[["code", "name"]].copy()
    zones = areas[["code", "geometry"]]

    # area
    out["area_km2"] = geodesic_area_km2(areas.geometry)
    clock.lap("area")

    # facilities: count by kind
    joined = gpd.sjoin(facilities, zones, how="inner", predicate="within")
    counts = joined.groupby(["code", "kind"]).size().unstack(fill_value=0)
    counts.columns = [f"facilities_{column_key(c)}" for c in counts.columns]
    counts = counts.reindex(sorted(counts.columns), axis=1)
    counts.insert(0, "facilities", counts.sum(axis=1))
    out = out.merge(counts, left_on="code", right_index=True, how="left")
    for c in counts.columns:
        out[c] = out[c].fillna(0).astype(int)
    clock.lap("count")

    # road km by class, clipped at the borders
    pieces = gpd.overlay(roads[["class", "geometry"]], zones, how="intersection", keep_geom_type=True)
    pieces["km"] = geodesic_length_km(pieces.geometry)
    km = pieces.groupby(["code", "class"])["km"].sum().unstack(fill_value=0.0)
    km.columns = [f"road_km_{column_key(c)}" for c in km.columns]
    km = km.reindex(sorted(km.columns), axis=1)
    km.insert(0, "road_km", km.sum(axis=1))
    out = out.merge(km, left_on="code", right_index=True, how="left")
    for c in km.columns:
        out[c] = out[c].fillna(0.0)
    clock.lap("length")

    # land-use shares by class: merge each class, give overlaps to the alphabetically first class,
    # intersect with the areas, geodesic area of the pieces over the area's
    merged = landuse[["class", "geometry"]].dissolve(by="class").sort_index()
    taken = None
    exclusive = []
    for cls, geom in zip(merged.index, merged.geometry):
        own = geom if taken is None else geom.difference(taken)
        taken = geom if taken is None else taken.union(geom)
        exclusive.append(own)
    classes = gpd.GeoDataFrame({"class": list(merged.index)}, geometry=exclusive, crs=landuse.crs)
    parts = gpd.overlay(classes, zones, how="intersection", keep_geom_type=True)
    parts["km2"] = geodesic_area_km2(parts.geometry)
    share = parts.groupby(["code", "class"])["km2"].sum().unstack(fill_value=0.0)
    share = share.div(out.set_index("code")["area_km2"], axis=0).dropna(how="all")
    share.columns = [f"landuse_{column_key(c)}" for c in share.columns]
    share = share.reindex(sorted(share.columns), axis=1)
    share.insert(0, "landuse", share.sum(axis=1))
    out = out.merge(share, left_on="code", right_index=True, how="left")
    for c in share.columns:
        out[c] = out[c].fillna(0.0)
    clock.lap("share")

    # population join on the exact code, density
    out = out.merge(population[["code", "population"]], on="code", how="left")
    out["density"] = out["population"] / out["area_km2"].where(out["area_km2"] != 0)
    clock.lap("join")

    out.to_csv(args.out, index=False)
    clock.lap("write")
    clock.save(args.stages)


if __name__ == "__main__":
    main()
