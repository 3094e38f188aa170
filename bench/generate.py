#!/usr/bin/env python3
"""Seeded synthetic national-scale data for the geoplan benchmark.

    python bench/generate.py small|medium|large [--out bench/work] [--seed 42]
    python bench/generate.py raster [--out bench/work] [--seed 42]      # only the raster, rewritten
    python bench/generate.py SIZE --areas-only                          # only areas.gpkg (bench/partition.sh)

Writes bench/work/<size>/{areas,facilities,roads,landuse}.gpkg and population.csv, all in EPSG:4326 over a
box around Thailand (97.5-105.5 E, 5.6-20.5 N):

- areas: a jittered-grid Voronoi tessellation clipped to the box. Every Voronoi edge is densified ONCE (with a
  smooth perpendicular wiggle that is zero at its ends) and the polygons are assembled from those shared edges
  by polygonize, so neighbours share identical borders vertex for vertex and the areas tile the box exactly.
- facilities: points with `kind`; a small fraction sit exactly on a border vertex (to exercise border rules).
- roads: random-walk LineStrings with `class`.
- landuse: simple star-shaped polygons with `class`, some overlapping.
- population.csv: `code,population`.

and, once for every size, bench/work/raster/popgrid.tif (written by any size when missing; `raster` rewrites
it): a Float32 population-density-like grid over the same box for the zonal stage, 4,000 columns x 7,450 rows
of 0.002 degrees, EPSG:4326, tiled 256x256, DEFLATE, nodata -9999 on a seeded ~5 % of the pixels.
"""
import argparse
import os
import sys
import time

import numpy as np
import shapely
from shapely import LineString, Point, box

BOX = (97.5, 5.6, 105.5, 20.5)
SIZES = {
    #          areas, vertices/area, points,    roads,   landuse
    "small": (300, 200, 20_000, 10_000, 3_000),
    "medium": (2_000, 1_000, 200_000, 100_000, 20_000),
    "large": (7_500, 1_000, 1_000_000, 500_000, 100_000),
}
KINDS = ["school", "hospital", "health_centre", "market", "temple"]
KIND_P = [0.35, 0.05, 0.15, 0.15, 0.30]
ROAD_CLASSES = ["primary", "secondary", "local"]
ROAD_P = [0.1, 0.25, 0.65]
LANDUSE_CLASSES = ["residential", "agriculture", "industrial", "green", "water"]
LANDUSE_P = [0.3, 0.35, 0.1, 0.15, 0.1]
BORDER_POINT_FRACTION = 0.005


def seeds(n_areas, rng):
    x0, y0, x1, y1 = BOX
    w, h = x1 - x0, y1 - y0
    nx = max(1, round(np.sqrt(n_areas * w / h)))
    ny = max(1, round(n_areas / nx))
    cw, ch = w / nx, h / ny
    ix, iy = np.meshgrid(np.arange(nx), np.arange(ny))
    # row-major from the north-west so codes read like a map
    iy = ny - 1 - iy
    cx = x0 + (ix.ravel() + 0.5 + rng.uniform(-0.35, 0.35, nx * ny)) * cw
    cy = y0 + (iy.ravel() + 0.5 + rng.uniform(-0.35, 0.35, nx * ny)) * ch
    return np.column_stack([cx, cy]), min(cw, ch)


def densify_edge(a, b, n, phase, amplitude=1.0):
    """n+1 vertices from a to b with a smooth perpendicular wiggle, zero at both ends; deterministic."""
    t = np.linspace(0.0, 1.0, n + 1)
    d = b - a
    length = np.hypot(*d)
    normal = np.array([-d[1], d[0]]) / length
    wiggle = amplitude * 0.02 * length * np.sin(np.pi * t) * np.sin(2 * np.pi * t + phase) * 0.7
    pts = a + np.outer(t, d) + np.outer(wiggle, normal)
    pts[0], pts[-1] = a, b
    return pts


def make_areas(n_areas, verts_per_area, rng):
    pts, cell = seeds(n_areas, rng)
    frame = box(*BOX)
    edges = shapely.voronoi_polygons(shapely.multipoints(pts), extend_to=frame.buffer(5 * cell), only_edges=True)
    edges = shapely.get_parts(shapely.intersection(shapely.get_parts(edges), frame))
    edges = [e for e in edges if e.geom_type == "LineString" and e.length > 0]
    lengths = np.array([e.length for e in edges])
    mean_len = lengths.mean()
    per_edge = verts_per_area / 6.0  # a Voronoi cell has ~6 edges
    lines = []
    for i, e in enumerate(edges):
        c = np.asarray(e.coords)
        a, b = c[0], c[-1]
        n = max(1, int(round(per_edge * lengths[i] / mean_len)))
        # an edge ending on the frame stays straight, so its wiggle cannot poke outside the box
        on_frame = any(np.isclose(p[0], BOX[0]) or np.isclose(p[0], BOX[2]) or np.isclose(p[1], BOX[1])
                       or np.isclose(p[1], BOX[3]) for p in (a, b))
        phase = (i * 0.618034) % 1.0 * 2 * np.pi
        lines.append(LineString(densify_edge(a, b, n, phase, 0.0 if on_frame else 1.0)))
    # the frame, densified too (straight, so it cannot cross anything)
    fx = shapely.segmentize(frame.exterior, cell / (per_edge / 1.5))
    noded = shapely.unary_union(lines + [fx])
    faces = shapely.get_parts(shapely.polygonize(shapely.get_parts(noded)))
    tree = shapely.STRtree(faces)
    seed_pts = shapely.points(pts)
    pi, fi = tree.query(seed_pts, predicate="within")
    owner = {}
    for p, f in zip(pi, fi):
        owner[p] = f
    if len(owner) != len(pts) or len(faces) != len(pts):
        sys.exit(f"tessellation failed: {len(pts)} seeds, {len(faces)} faces, {len(owner)} matched")
    polys = [faces[owner[i]] for i in range(len(pts))]
    invalid = int((~shapely.is_valid(polys)).sum())
    if invalid:
        sys.exit(f"tessellation produced {invalid} invalid polygons")
    return polys


def make_facilities(n, polys, rng):
    x0, y0, x1, y1 = BOX
    nb = int(n * BORDER_POINT_FRACTION)
    xs = rng.uniform(x0, x1, n - nb)
    ys = rng.uniform(y0, y1, n - nb)
    # a few exactly on a shared border vertex (interior vertices of a boundary ring lie on two areas' borders)
    picks = rng.integers(0, len(polys), nb)
    bx, by = [], []
    for p in picks:
        ring = np.asarray(polys[p].exterior.coords)
        v = ring[rng.integers(1, len(ring) - 1)]
        bx.append(v[0])
        by.append(v[1])
    xs = np.concatenate([xs, bx])
    ys = np.concatenate([ys, by])
    order = rng.permutation(n)
    kinds = rng.choice(KINDS, n, p=KIND_P)
    return shapely.points(xs[order], ys[order]), kinds


def make_roads(n, rng):
    x0, y0, x1, y1 = BOX
    steps = rng.integers(5, 31, n)
    total = int(steps.sum()) + n
    starts = np.column_stack([rng.uniform(x0, x1, n), rng.uniform(y0, y1, n)])
    heading0 = rng.uniform(0, 2 * np.pi, n)
    turn = rng.normal(0, 0.35, total)
    step_len = rng.uniform(0.004, 0.03, total)
    roads = []
    k = 0
    for i in range(n):
        m = steps[i] + 1
        h = heading0[i] + np.cumsum(turn[k:k + m - 1])
        d = np.column_stack([np.cos(h), np.sin(h)]) * step_len[k:k + m - 1, None]
        xy = np.vstack([starts[i], starts[i] + np.cumsum(d, axis=0)])
        xy[:, 0] = np.clip(xy[:, 0], x0, x1)
        xy[:, 1] = np.clip(xy[:, 1], y0, y1)
        k += m
        roads.append(xy)
    geoms = shapely.linestrings(np.vstack(roads), indices=np.repeat(np.arange(n), steps + 1))
    classes = rng.choice(ROAD_CLASSES, n, p=ROAD_P)
    return geoms, classes


def make_landuse(n, rng):
    x0, y0, x1, y1 = BOX
    cx = rng.uniform(x0 + 0.1, x1 - 0.1, n)
    cy = rng.uniform(y0 + 0.1, y1 - 0.1, n)
    nv = rng.integers(8, 25, n)
    polys = []
    for i in range(n):
        ang = (np.arange(nv[i]) + rng.uniform(0.1, 0.9, nv[i])) * (2 * np.pi / nv[i])  # every gap < pi
        r = rng.uniform(0.005, 0.06) * rng.uniform(0.6, 1.0, nv[i])
        ring = np.column_stack([cx[i] + r * np.cos(ang), cy[i] + r * np.sin(ang)])
        polys.append(np.vstack([ring, ring[:1]]))
    geoms = shapely.polygons(shapely.linearrings(np.vstack(polys), indices=np.repeat(np.arange(n), nv + 1)))
    assert shapely.is_valid(geoms).all()  # star-shaped with sorted angles: simple by construction
    classes = rng.choice(LANDUSE_CLASSES, n, p=LANDUSE_P)
    return geoms, classes


# The zonal stage's raster: the box at 0.002 degrees (8.0 / 0.002 = 4,000 columns, 14.9 / 0.002 = 7,450 rows).
RASTER_PIXEL = 0.002
RASTER_COLUMNS, RASTER_ROWS = 4_000, 7_450
RASTER_NODATA = -9999.0
RASTER_NODATA_FRACTION = 0.05
RASTER_TOWNS = 400


def write_raster(path, seed):
    """A population-density-like Float32 field (people per pixel, >= 0): a smooth rural background (a few
    long-wave sinusoids), 400 towns as Gaussian bumps of seeded size and spread, times seeded lognormal
    pixel noise; -9999 (nodata) on a seeded ~5 % of the pixels. Written in blocks of 256 rows (the tile
    height), so memory stays at a few strips; the same seed gives the same pixels."""
    import rasterio
    from rasterio.transform import from_origin

    rng = np.random.default_rng([seed, 2])  # its own stream: the vector data do not depend on it
    x0, y0, x1, y1 = BOX
    assert round((x1 - x0) / RASTER_PIXEL) == RASTER_COLUMNS and round((y1 - y0) / RASTER_PIXEL) == RASTER_ROWS
    # towns: centre, peak density, spread (degrees)
    tx = rng.uniform(x0, x1, RASTER_TOWNS)
    ty = rng.uniform(y0, y1, RASTER_TOWNS)
    peak = rng.lognormal(4.0, 0.9, RASTER_TOWNS)
    spread = rng.uniform(0.01, 0.12, RASTER_TOWNS)
    # background: sinusoids of 1-4 degrees wavelength
    waves = [(rng.uniform(1, 4), rng.uniform(0, 2 * np.pi), rng.uniform(0, 2 * np.pi)) for _ in range(6)]
    xs = x0 + (np.arange(RASTER_COLUMNS) + 0.5) * RASTER_PIXEL
    tmp = path + ".tmp"
    profile = dict(driver="GTiff", width=RASTER_COLUMNS, height=RASTER_ROWS, count=1, dtype="float32",
                   crs="EPSG:4326", transform=from_origin(x0, y1, RASTER_PIXEL, RASTER_PIXEL), nodata=RASTER_NODATA,
                   tiled=True, blockxsize=256, blockysize=256, compress="deflate", BIGTIFF="NO")
    with rasterio.open(tmp, "w", **profile) as out:
        for r0 in range(0, RASTER_ROWS, 256):
            r1 = min(r0 + 256, RASTER_ROWS)
            ys = y1 - (np.arange(r0, r1) + 0.5) * RASTER_PIXEL
            gx, gy = np.meshgrid(xs, ys)
            field = np.full(gx.shape, 1.0)
            for wave, px, py in waves:
                field += 0.25 * np.sin(2 * np.pi * gx / wave + px) * np.cos(2 * np.pi * gy / wave + py)
            field = 5 * np.clip(field, 0.05, None)
            # only towns within 5 spreads of these rows matter
            near = np.abs(ty - ys.mean()) < 5 * spread + (r1 - r0) * RASTER_PIXEL
            for cx, cy, p, s in zip(tx[near], ty[near], peak[near], spread[near]):
                cols = np.abs(xs - cx) < 5 * s
                if cols.any():
                    d2 = (gx[:, cols] - cx) ** 2 + (gy[:, cols] - cy) ** 2
                    field[:, cols] += p * np.exp(-d2 / (2 * s * s))
            noise = rng.lognormal(0.0, 0.5, gx.shape)
            block = (field * noise).astype(np.float32)
            block[rng.random(gx.shape) < RASTER_NODATA_FRACTION] = RASTER_NODATA
            out.write(block, 1, window=rasterio.windows.Window(0, r0, RASTER_COLUMNS, r1 - r0))
    os.replace(tmp, path)


def ensure_raster(out, seed, force=False):
    """Writes <out>/raster/popgrid.tif when it is missing (or always with force); returns its path."""
    folder = os.path.join(out, "raster")
    os.makedirs(folder, exist_ok=True)
    path = os.path.join(folder, "popgrid.tif")
    if force or not os.path.exists(path):
        t = time.time()
        write_raster(path, seed)
        print(f"raster: {RASTER_COLUMNS} x {RASTER_ROWS} Float32 pixels of {RASTER_PIXEL} degrees in {path} "
              f"in {time.time() - t:.1f} s", file=sys.stderr)
    return path


def write(path, geoms, **columns):
    import pyogrio
    import geopandas as gpd

    gdf = gpd.GeoDataFrame(columns, geometry=list(geoms), crs="EPSG:4326")
    if os.path.exists(path):
        os.remove(path)
    pyogrio.write_dataframe(gdf, path, driver="GPKG", layer=os.path.splitext(os.path.basename(path))[0],
                            promote_to_multi=False, dataset_options={"VERSION": "1.2"})


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("size", choices=sorted(SIZES) + ["raster"], nargs="?", default="small")
    ap.add_argument("--out", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "work"))
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--areas-only", action="store_true",
                    help="write only areas.gpkg (the same areas as a full run: they come first from the seed)")
    args = ap.parse_args()
    if args.size == "raster":
        ensure_raster(args.out, args.seed, force=True)
        return
    n_areas, verts, n_pts, n_roads, n_lu = SIZES[args.size]
    out = os.path.join(args.out, args.size)
    os.makedirs(out, exist_ok=True)
    rng = np.random.default_rng(args.seed)
    t = time.time()
    polys = make_areas(n_areas, verts, rng)
    codes = [f"A{i + 1:05d}" for i in range(len(polys))]
    names = [f"Area {i + 1}" for i in range(len(polys))]
    write(os.path.join(out, "areas.gpkg"), polys, code=codes, name=names)
    nv = int(shapely.get_num_coordinates(polys).sum())
    print(f"areas: {len(polys)} polygons, {nv / len(polys):.0f} vertices each on average", file=sys.stderr)
    if args.areas_only:
        return
    pts, kinds = make_facilities(n_pts, polys, rng)
    write(os.path.join(out, "facilities.gpkg"), pts, kind=kinds)
    roads, rclass = make_roads(n_roads, rng)
    write(os.path.join(out, "roads.gpkg"), roads, **{"class": rclass})
    lu, lclass = make_landuse(n_lu, rng)
    write(os.path.join(out, "landuse.gpkg"), lu, **{"class": lclass})
    pop = rng.integers(500, 40_000, len(codes))
    with open(os.path.join(out, "population.csv"), "w") as f:
        f.write("code,population\n")
        for c, p in zip(codes, pop):
            f.write(f"{c},{p}\n")
    print(f"generated {args.size} in {out} in {time.time() - t:.1f} s "
          f"({n_pts} points, {n_roads} roads, {n_lu} land-use polygons)", file=sys.stderr)
    ensure_raster(args.out, args.seed)


if __name__ == "__main__":
    main()
