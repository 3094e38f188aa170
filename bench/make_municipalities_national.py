#!/usr/bin/env python3
"""SYNTHETIC municipalities over the benchmark's synthetic national tambons, for timing `geoplan partition`.

    bench/.venv/bin/python bench/make_municipalities_national.py bench/work/large [--seed 42]

Reads <dir>/areas.gpkg (written by generate.py: a tessellation of a box over Thailand, codes A00001...) and
writes <dir>/municipalities.gpkg (fields LG_CODE, LG_TYPE; EPSG:4326). Deterministic for a seed. The counts
follow Thailand's proportions (30 city, 195 town and 2,247 subdistrict municipalities for 7,255 tambons),
scaled to the number of areas; the shapes follow samples/make_municipalities.py, simplified for speed:

- city and town municipalities: a smooth star-shaped blob (96 vertices) around a point of a random host area,
  1.5-2.5 (city) or 1.0-1.6 (town) times the host's equivalent radius, so it spans several areas;
- subdistrict municipalities, in hosts a city or town does not already reach: 40 % the whole host area (its
  vertices exactly the area's, half of them then shifted by 0.5-3 m, as another agency's survey would be), 60 % a
  blob of 0.3-0.6 times the host's equivalent radius clipped to the host;
- all clipped to the box; later municipalities are clipped by earlier ones, so none overlap; parts under
  1,000 m^2 left by clipping are dropped.
"""
import argparse
import math
import os
import sys
import time

import numpy as np
import shapely
from pyogrio import read_dataframe, write_dataframe

# Thailand: 30 city, 195 town and 2,247 subdistrict municipalities; 7,255 tambons.
SHARE = {"city": 30 / 7255, "town": 195 / 7255, "subdistrict": 2247 / 7255}
SPAN = {"city": (1.5, 2.5), "town": (1.0, 1.6)}   # blob radius / host's equivalent radius
SUB_RADIUS = (0.3, 0.6)
WHOLE_SHARE = 0.4          # subdistrict municipalities that are a whole area
SHIFTED_SHARE = 0.5        # of those, shifted by SHIFT_M
SHIFT_M = (0.5, 3.0)
MIN_PART_M2 = 1_000.0
M_PER_DEG = 111_320.0


def blob(rng, centre, radius_deg, vertices=96):
    """A smooth star-shaped ring: radius times 1 + low harmonics; longitude stretched by 1 / cos(latitude)."""
    theta = np.linspace(0, 2 * np.pi, vertices, endpoint=False)
    r = np.ones(vertices)
    for k in (2, 3, 4):
        r += rng.uniform(0, 0.12) * np.cos(k * theta + rng.uniform(0, 2 * np.pi))
    x, y = centre
    ring = np.column_stack([x + radius_deg * r * np.cos(theta) / math.cos(math.radians(y)),
                            y + radius_deg * r * np.sin(theta)])
    return shapely.Polygon(ring)


def polygonal(geom, lat):
    """The polygons of at least MIN_PART_M2, as one (Multi)Polygon, or None."""
    if geom.is_empty:
        return None
    if not geom.is_valid:
        geom = shapely.make_valid(geom)
    m2_per_deg2 = M_PER_DEG ** 2 * math.cos(math.radians(lat))
    parts = [p for p in shapely.get_parts(geom) if p.geom_type == "Polygon" and p.area * m2_per_deg2 >= MIN_PART_M2]
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else shapely.MultiPolygon(parts)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("folder", help="a bench/work/<size> folder holding areas.gpkg")
    ap.add_argument("--seed", type=int, default=42)
    args = ap.parse_args()
    started = time.time()
    areas = read_dataframe(os.path.join(args.folder, "areas.gpkg"))
    geoms = np.asarray(areas.geometry.values)
    n = len(geoms)
    frame = shapely.box(*shapely.total_bounds(geoms))
    rng = np.random.default_rng(args.seed)
    centres = shapely.point_on_surface(geoms)
    lats = shapely.get_y(centres)
    # equivalent radius in degrees of latitude: sqrt(area / pi), area converted from square degrees
    radii = np.sqrt(shapely.area(geoms) * np.cos(np.radians(lats)) / np.pi)
    tree = shapely.STRtree(geoms)

    hosts = rng.permutation(n)
    counts = {kind: max(1, round(share * n)) for kind, share in SHARE.items()}
    made = []                                   # (kind, geometry) in order: cities, towns, subdistricts
    cursor = 0
    for kind in ("city", "town"):
        for host in hosts[cursor:cursor + counts[kind]]:
            low, high = SPAN[kind]
            shape = blob(rng, (shapely.get_x(centres[host]), lats[host]), radii[host] * rng.uniform(low, high))
            made.append((kind, shape.intersection(frame), lats[host]))
        cursor += counts[kind]
    reached = set()
    for _, shape, _ in made:
        for index in tree.query(shape, predicate="intersects"):
            if shapely.area(shapely.intersection(shape, geoms[index])) > 0.01 * shapely.area(geoms[index]):
                reached.add(int(index))
    subdistricts = [int(h) for h in hosts[cursor:] if int(h) not in reached][:counts["subdistrict"]]
    for host in subdistricts:
        lat = lats[host]
        if rng.uniform() < WHOLE_SHARE:
            shape = geoms[host]
            if rng.uniform() < SHIFTED_SHARE:
                metres = rng.uniform(*SHIFT_M)
                angle = rng.uniform(0, 2 * np.pi)
                dx = metres * math.cos(angle) / (M_PER_DEG * math.cos(math.radians(lat)))
                dy = metres * math.sin(angle) / M_PER_DEG
                shape = shapely.transform(shape, lambda xy: xy + np.array([dx, dy])).intersection(frame)
        else:
            low, high = SUB_RADIUS
            shape = blob(rng, (shapely.get_x(centres[host]), lat), radii[host] * rng.uniform(low, high))
            shape = shape.intersection(geoms[host])
        made.append(("subdistrict", shape, lat))

    # later ones clipped by earlier ones (as already clipped): no two overlap
    raw = [shape for _, shape, _ in made]
    raw_tree = shapely.STRtree(raw)
    clipped = [None] * len(made)
    for i, (kind, shape, lat) in enumerate(made):
        near = [clipped[j] for j in raw_tree.query(shape, predicate="intersects") if j < i and clipped[j] is not None]
        if near:
            shape = shape.difference(shapely.union_all(near))
        clipped[i] = polygonal(shape, lat)
    kept = [g for g in clipped if g is not None]
    kinds = [made[i][0] for i, g in enumerate(clipped) if g is not None]
    codes = [f"M{i + 1:05d}" for i in range(len(kept))]
    import geopandas as gpd
    out = os.path.join(args.folder, "municipalities.gpkg")
    if os.path.exists(out):
        os.remove(out)
    frame_out = gpd.GeoDataFrame({"LG_CODE": codes, "LG_TYPE": kinds}, geometry=kept, crs="EPSG:4326")
    write_dataframe(frame_out, out, driver="GPKG", layer="municipalities", promote_to_multi=False)
    by_kind = {k: kinds.count(k) for k in ("city", "town", "subdistrict")}
    vertices = int(shapely.get_num_coordinates(kept).sum())
    print(f"municipalities: {len(kept)} over {n} areas ({by_kind}), {vertices} vertices, "
          f"{time.time() - started:.1f} s -> {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
