#!/usr/bin/env python3
"""Writes the synthetic planning inputs in samples/<province>/ from the shipped tambon boundaries.

    python3 samples/make_inputs.py

Python 3 standard library only (reads the .shp/.dbf itself). Deterministic: each province has a fixed seed
(SEEDS below), so running it again gives byte-identical files. See samples/INPUTS.md for what each file holds
and which defects are deliberate.
"""
import json
import math
import pathlib
import random
import struct
from fractions import Fraction

HERE = pathlib.Path(__file__).resolve().parent
SHAPES = HERE.parent / "shapes" / "tambons"

# One fixed seed per province (the two-digit province code of the DOPA/COD-AB pcode, times 1000, plus 1).
SEEDS = {"phuket": 83001, "nonthaburi": 12001, "samut-songkhram": 75001, "nakhon-pathom": 73001}

FACILITIES_PER_TAMBON = 20
ROADS_PER_TAMBON = 15
MAX_ROADS = 1000             # keeps roads.geojson under ~400 KB for Nakhon Pathom (106 tambons)
LANDUSE_PER_TAMBON = 8
BORDER_SHARE = 0.02          # facilities placed exactly on a vertex shared by two tambons
OUTSIDE_SHARE = 0.01         # facilities placed just outside the province (at least 3)
ALONG_BORDER_ROADS = 3
ZERO_PADDED_SHARE = 0.10     # population.csv rows written with a leading zero

KINDS = [("school", 30), ("temple", 25), ("health_centre", 20), ("market", 14), ("police", 8), ("hospital", 3)]
KIND_LABEL = {"school": "โรงเรียน", "temple": "วัด", "health_centre": "รพ.สต.", "market": "ตลาด",
              "police": "สถานีตำรวจ", "hospital": "โรงพยาบาล"}
ROAD_CLASSES = [("primary", 10), ("secondary", 25), ("local", 65)]
LANDUSE_CLASSES = [("residential", 30), ("agriculture", 35), ("industrial", 10), ("green", 15), ("water", 10)]

M_PER_DEG = 111_320.0


# --- reading the shapefile -------------------------------------------------------------------------------

def read_shp(path):
    """Polygon records as lists of rings (each a list of (x, y) tuples, closed as stored)."""
    data = path.read_bytes()
    code, = struct.unpack(">i", data[0:4])
    if code != 9994:
        raise ValueError(f"{path}: not a shapefile")
    pos, shapes = 100, []
    while pos + 8 <= len(data):
        _, words = struct.unpack(">ii", data[pos:pos + 8])
        content = data[pos + 8:pos + 8 + 2 * words]
        pos += 8 + 2 * words
        shape_type, = struct.unpack("<i", content[0:4])
        if shape_type == 0:
            shapes.append([])
            continue
        if shape_type not in (5, 15, 25):
            raise ValueError(f"{path}: shape type {shape_type} is not a polygon")
        nparts, npoints = struct.unpack("<ii", content[36:44])
        parts = list(struct.unpack(f"<{nparts}i", content[44:44 + 4 * nparts]))
        base = 44 + 4 * nparts
        xy = struct.unpack(f"<{2 * npoints}d", content[base:base + 16 * npoints])
        points = [(xy[2 * k], xy[2 * k + 1]) for k in range(npoints)]
        parts.append(npoints)
        shapes.append([points[parts[k]:parts[k + 1]] for k in range(nparts)])
    return shapes


def read_dbf(path, encoding="utf-8"):
    data = path.read_bytes()
    nrecords, header_len, record_len = struct.unpack("<IHH", data[4:12])
    fields, pos = [], 32
    while data[pos] != 0x0D:
        name = data[pos:pos + 11].split(b"\0", 1)[0].decode("ascii")
        fields.append((name, data[pos + 11:pos + 12].decode("ascii"), data[pos + 16]))
        pos += 32
    records = []
    for r in range(nrecords):
        rec = data[header_len + r * record_len:header_len + (r + 1) * record_len]
        offset, row = 1, {}
        for name, _, length in fields:
            row[name] = rec[offset:offset + length].decode(encoding).strip()
            offset += length
        if rec[0:1] != b"*":
            records.append(row)
    return records


class Tambon:
    def __init__(self, rings, attrs):
        self.rings = rings
        self.code = attrs["ADM3_PCODE"]
        self.name_th = attrs["ADM3_TH"]
        self.name_en = attrs["ADM3_EN"]
        xs = [x for ring in rings for x, _ in ring]
        ys = [y for ring in rings for _, y in ring]
        self.bbox = (min(xs), min(ys), max(xs), max(ys))
        self.edges = [(ring[k], ring[k + 1]) for ring in rings for k in range(len(ring) - 1)]

    def in_bbox(self, p):
        return self.bbox[0] <= p[0] <= self.bbox[2] and self.bbox[1] <= p[1] <= self.bbox[3]


def load(province):
    folder = SHAPES / province
    shapes = read_shp(folder / f"{province}.shp")
    attrs = read_dbf(folder / f"{province}.dbf")
    if len(shapes) != len(attrs):
        raise ValueError(f"{province}: {len(shapes)} shapes but {len(attrs)} records")
    return [Tambon(rings, a) for rings, a in zip(shapes, attrs) if rings]


# --- geometry --------------------------------------------------------------------------------------------

def on_segment(p, a, b):
    """Exactly on the closed segment a-b (exact rational arithmetic on the binary doubles)."""
    if not (min(a[0], b[0]) <= p[0] <= max(a[0], b[0]) and min(a[1], b[1]) <= p[1] <= max(a[1], b[1])):
        return False
    cross = (b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0])
    if abs(cross) > 1e-12:
        return False
    fx, fy = Fraction(p[0]), Fraction(p[1])
    return (Fraction(b[0]) - Fraction(a[0])) * (fy - Fraction(a[1])) == \
        (Fraction(b[1]) - Fraction(a[1])) * (fx - Fraction(a[0]))


def on_boundary(p, tambon):
    return tambon.in_bbox(p) and any(on_segment(p, a, b) for a, b in tambon.edges)


def inside(p, tambon):
    """Even-odd ray casting over every ring: holes and multi-part tambons come out right. Boundary: undefined."""
    if not tambon.in_bbox(p):
        return False
    x, y = p
    c = False
    for (x1, y1), (x2, y2) in tambon.edges:
        if (y1 > y) != (y2 > y) and x < (x2 - x1) * (y - y1) / (y2 - y1) + x1:
            c = not c
    return c


def locate(p, tambons):
    """('border', [indices]) if on some tambon's boundary, else ('inside', [i]) or ('outside', [])."""
    touching = [i for i, t in enumerate(tambons) if on_boundary(p, t)]
    if touching:
        return "border", touching
    hits = [i for i, t in enumerate(tambons) if inside(p, t)]
    return ("inside", hits) if hits else ("outside", [])


def offset(p, metres, heading):
    lat = p[1]
    return (p[0] + metres * math.sin(heading) / (M_PER_DEG * math.cos(math.radians(lat))),
            p[1] + metres * math.cos(heading) / M_PER_DEG)


def r7(p):
    """The point as written with 7 decimals (and as any reader parses it back)."""
    return (float(f"{p[0]:.7f}"), float(f"{p[1]:.7f}"))


def segments_cross(a, b, c, d):
    def orient(p, q, r):
        v = (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])
        return (v > 0) - (v < 0)
    return orient(a, b, c) * orient(a, b, d) < 0 and orient(c, d, a) * orient(c, d, b) < 0


def ring_contains(ring, p):
    x, y = p
    c = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:]):
        if (y1 > y) != (y2 > y) and x < (x2 - x1) * (y - y1) / (y2 - y1) + x1:
            c = not c
    return c


def polygons_overlap(r1, r2):
    if any(segments_cross(a, b, c, d) for a, b in zip(r1, r1[1:]) for c, d in zip(r2, r2[1:])):
        return True
    return ring_contains(r2, r1[0]) or ring_contains(r1, r2[0])


# --- shared topology -------------------------------------------------------------------------------------

def topology(tambons):
    vertex_owners, edge_owners = {}, {}
    for i, t in enumerate(tambons):
        for ring in t.rings:
            for v in ring:
                vertex_owners.setdefault(v, set()).add(i)
        for a, b in t.edges:
            edge_owners.setdefault((a, b) if a <= b else (b, a), set()).add(i)
    shared_vertices = sorted(v for v, owners in vertex_owners.items() if len(owners) == 2)
    outer_vertices = sorted({v for (a, b), owners in edge_owners.items() if len(owners) == 1
                             for v in (a, b) if len(vertex_owners[v]) == 1})
    return vertex_owners, edge_owners, shared_vertices, outer_vertices


def shared_runs(tambons, edge_owners, min_vertices=4):
    """Runs of consecutive ring vertices of tambon i whose edges are all shared with one tambon j (i < j)."""
    runs = []
    for i, t in enumerate(tambons):
        for ring in t.rings:
            run, other = [], None
            for a, b in zip(ring, ring[1:]):
                owners = edge_owners[(a, b) if a <= b else (b, a)]
                j = next(iter(owners - {i})) if len(owners) == 2 else None
                if j is not None and j > i and j == other:
                    run.append(b)
                else:
                    if len(run) >= min_vertices:
                        runs.append((i, other, run))
                    run, other = ([a, b], j) if j is not None and j > i else ([], None)
            if len(run) >= min_vertices:
                runs.append((i, other, run))
    return runs


# --- writing ---------------------------------------------------------------------------------------------

def fmt_coord(p, exact=False):
    """7 decimals; exact=True writes the shortest round-trip repr so copied boundary vertices stay exact."""
    if exact:
        return f"[{p[0]!r},{p[1]!r}]"
    return f"[{p[0]:.7f},{p[1]:.7f}]"


def fmt_line(points):
    """points: list of (p, exact)."""
    return "[" + ",".join(fmt_coord(p, e) for p, e in points) + "]"


def feature(properties, geom_type, coords_text):
    props = json.dumps(properties, ensure_ascii=False, separators=(",", ":"))
    return (f'{{"type":"Feature","properties":{props},'
            f'"geometry":{{"type":"{geom_type}","coordinates":{coords_text}}}}}')


def write_collection(path, features):
    path.write_text('{"type":"FeatureCollection","features":[\n' + ",\n".join(features) + "\n]}\n",
                    encoding="utf-8")


def weighted(rng, table):
    return rng.choices([k for k, _ in table], weights=[w for _, w in table])[0]


def is_exact7(p):
    return r7(p) == p


def random_inside(rng, tambon, tambons=None):
    """A 7-decimal point strictly inside the tambon (tested after rounding, off its boundary)."""
    x0, y0, x1, y1 = tambon.bbox
    while True:
        p = r7((rng.uniform(x0, x1), rng.uniform(y0, y1)))
        if inside(p, tambon) and not on_boundary(p, tambon):
            return p


# --- the four inputs -------------------------------------------------------------------------------------

def facilities(rng, tambons, topo):
    vertex_owners, _, shared_vertices, outer_vertices = topo
    n = len(tambons)
    total = FACILITIES_PER_TAMBON * n
    n_border = max(2, round(total * BORDER_SHARE))
    n_outside = max(3, round(total * OUTSIDE_SHARE))
    n_inside = total - n_border - n_outside
    counters = {}
    points = []  # (p, exact, tambon index for the name)

    def name(kind, i):
        key = (i, kind)
        counters[key] = counters.get(key, 0) + 1
        return f"{KIND_LABEL[kind]}{tambons[i].name_th} {counters[key]}"

    for k in range(n_inside):
        i = k % n
        points.append((random_inside(rng, tambons[i]), False, i))
    for v in rng.sample(shared_vertices, n_border):
        points.append((v, not is_exact7(v), min(vertex_owners[v])))
    placed = 0
    while placed < n_outside:
        v = rng.choice(outer_vertices)
        p = r7(offset(v, rng.uniform(100, 600), rng.uniform(0, 2 * math.pi)))
        if locate(p, tambons)[0] == "outside":
            points.append((p, False, min(vertex_owners[v])))
            placed += 1
    rng.shuffle(points)
    feats = []
    for p, exact, i in points:
        kind = weighted(rng, KINDS)
        feats.append(feature({"kind": kind, "name": name(kind, i)}, "Point", fmt_coord(p, exact)))
    return feats, [(r7(p) if not exact else p) for p, exact, _ in points]


def walk(rng, start, steps, heading):
    pts = [start]
    for _ in range(steps):
        heading += rng.gauss(0, math.radians(25))
        pts.append(r7(offset(pts[-1], rng.uniform(50, 500), heading)))
    return pts


def roads(rng, tambons, topo):
    _, edge_owners, _, _ = topo
    n = len(tambons)
    feats, lines = [], []
    for k in range(min(ROADS_PER_TAMBON * n, MAX_ROADS) - ALONG_BORDER_ROADS):
        t = tambons[k % n]
        nverts = 5 + int(25 * rng.random() ** 2)  # 5..29, most roads short
        pts = walk(rng, random_inside(rng, t), nverts - 1, rng.uniform(0, 2 * math.pi))
        feats.append(feature({"class": weighted(rng, ROAD_CLASSES)}, "LineString",
                             fmt_line([(p, False) for p in pts])))
        lines.append(pts)
    runs = shared_runs(tambons, edge_owners)
    by_pair = {}
    for i, j, run in runs:
        by_pair.setdefault((i, j), []).append(run)
    pairs = rng.sample(sorted(by_pair), ALONG_BORDER_ROADS)
    along = []
    for pair in pairs:
        run = max(by_pair[pair], key=len)
        length = min(len(run), rng.randint(4, 12))
        s = rng.randint(0, len(run) - length)
        part = run[s:s + length]
        h_in = math.atan2(part[0][0] - part[1][0], part[0][1] - part[1][1])
        h_out = math.atan2(part[-1][0] - part[-2][0], part[-1][1] - part[-2][1])
        lead_in = walk(rng, part[0], rng.randint(2, 4), h_in + rng.uniform(-0.8, 0.8))[1:][::-1]
        lead_out = walk(rng, part[-1], rng.randint(2, 4), h_out + rng.uniform(-0.8, 0.8))[1:]
        pts = [(p, False) for p in lead_in] + [(p, not is_exact7(p)) for p in part] + \
              [(p, False) for p in lead_out]
        along.append((feature({"class": weighted(rng, ROAD_CLASSES[:2])}, "LineString", fmt_line(pts)),
                      [p for p, _ in pts], pair, length))
    # Put the along-border roads at seeded positions among the others.
    for f, pts, _, _ in along:
        pos = rng.randint(0, len(feats))
        feats.insert(pos, f)
        lines.insert(pos, pts)
    return feats, lines, [(tambons[i].code, tambons[j].code, length) for _, _, (i, j), length in along]


def star(rng, centre, radius):
    k = rng.randint(5, 11)
    gaps = [rng.uniform(0.6, 1.4) for _ in range(k)]
    total = sum(gaps)
    a0 = rng.uniform(0, 2 * math.pi)
    convex = rng.random() < 0.4
    ring, angle = [], a0
    for g in gaps:
        r = radius if convex else radius * rng.uniform(0.45, 1.0)  # convex: all on one circle
        ring.append(r7(offset(centre, r, angle)))
        angle += 2 * math.pi * g / total
    ring.append(ring[0])
    return ring  # increasing angles: counter-clockwise, as RFC 7946 asks


def landuse(rng, tambons, topo):
    vertex_owners, _, shared_vertices, _ = topo
    n = len(tambons)
    per_tambon_shared = {}
    for v in shared_vertices:
        for i in vertex_owners[v]:
            per_tambon_shared.setdefault(i, []).append(v)
    polys = []  # (class, centre, radius, ring)
    for k in range(LANDUSE_PER_TAMBON * n):
        i = k % n
        t = tambons[i]
        u = rng.random()
        if u < 0.25 and polys and polys[-1][4] == i:
            # Overlap the previous polygon of this tambon: same class half the time.
            prev_cls, prev_c, prev_r, _, _ = polys[-1]
            radius = rng.uniform(150, 600)
            centre = offset(prev_c, rng.uniform(0.2, 0.8) * (prev_r * 0.45 + radius * 0.45),
                            rng.uniform(0, 2 * math.pi))
            cls = prev_cls if rng.random() < 0.5 else weighted(rng, LANDUSE_CLASSES)
        elif u < 0.40 and per_tambon_shared.get(i):
            centre = rng.choice(per_tambon_shared[i])  # straddles the tambon border
            radius = rng.uniform(150, 600)
            cls = weighted(rng, LANDUSE_CLASSES)
        else:
            centre = random_inside(rng, t)
            radius = rng.uniform(100, 800)
            cls = weighted(rng, LANDUSE_CLASSES)
        polys.append((cls, centre, radius, star(rng, centre, radius), i))
    feats = [feature({"class": cls}, "Polygon", "[" + fmt_line([(p, False) for p in ring]) + "]")
             for cls, _, _, ring, _ in polys]
    rings = [ring for _, _, _, ring, _ in polys]
    # One bow-tie (self-intersecting ring), flagged.
    t = tambons[rng.randrange(n)]
    c = random_inside(rng, t)
    d = rng.uniform(150, 400)
    sw, ne = offset(offset(c, d, math.pi), d, 1.5 * math.pi), offset(offset(c, d, 0), d, 0.5 * math.pi)
    bow = [r7(sw), r7(ne), r7((ne[0], sw[1])), r7((sw[0], ne[1])), r7(sw)]
    pos = rng.randint(0, len(feats))
    feats.insert(pos, feature({"class": weighted(rng, LANDUSE_CLASSES), "note": "invalid on purpose"},
                              "Polygon", "[" + fmt_line([(p, False) for p in bow]) + "]"))
    return feats, rings, (pos, t.code)


def population(rng, tambons):
    codes = sorted(t.code for t in tambons)
    omitted = rng.choice(codes)
    kept = [c for c in codes if c != omitted]
    padded = set(rng.sample(kept, round(len(kept) * ZERO_PADDED_SHARE)))
    rows = ["tambon_code,population,households"]
    for code in kept:
        digits = code[2:] if code.startswith("TH") else code
        if code in padded:
            digits = "0" + digits
        pop = rng.randint(2000, 60000)
        rows.append(f"{digits},{pop},{round(pop / 2.8 * rng.uniform(0.92, 1.08))}")
    pop = rng.randint(2000, 60000)
    rows.append(f"999999,{pop},{round(pop / 2.8)}")  # matches no tambon
    return "\n".join(rows) + "\n", omitted, len(padded)


# --- main ------------------------------------------------------------------------------------------------

def province(name):
    rng = random.Random(SEEDS[name])
    tambons = load(name)
    topo = topology(tambons)
    out = HERE / name
    out.mkdir(exist_ok=True)

    fac_feats, fac_points = facilities(rng, tambons, topo)
    write_collection(out / "facilities.geojson", fac_feats)
    road_feats, road_lines, along = roads(rng, tambons, topo)
    write_collection(out / "roads.geojson", road_feats)
    lu_feats, lu_rings, bowtie = landuse(rng, tambons, topo)
    write_collection(out / "landuse.geojson", lu_feats)
    csv, omitted, npadded = population(rng, tambons)
    (out / "population.csv").write_text(csv, encoding="utf-8")

    # Summary, with our own point-in-polygon code on the coordinates as written.
    where = {"inside": 0, "border": 0, "outside": 0, "inside >1": 0}
    for p in fac_points:
        kind, hits = locate(p, tambons)
        where[kind] += 1
        if kind == "inside" and len(hits) > 1:
            where["inside >1"] += 1

    def tambon_of(p):
        kind, hits = locate(p, tambons)
        return hits[0] if kind == "inside" else None

    crossing = sum(1 for pts in road_lines if len({tambon_of(p) for p in pts}) > 1)
    lu_cross = sum(1 for ring in lu_rings if len({tambon_of(p) for p in ring[:-1]}) > 1)
    boxes = [(min(x for x, _ in r), min(y for _, y in r), max(x for x, _ in r), max(y for _, y in r))
             for r in lu_rings]
    overlaps = 0
    for a in range(len(lu_rings)):
        for b in range(a + 1, len(lu_rings)):
            ba, bb = boxes[a], boxes[b]
            if ba[0] <= bb[2] and bb[0] <= ba[2] and ba[1] <= bb[3] and bb[1] <= ba[3] and \
                    polygons_overlap(lu_rings[a], lu_rings[b]):
                overlaps += 1
    print(f"{name} (seed {SEEDS[name]}, {len(tambons)} tambons)")
    print(f"  facilities.geojson {len(fac_points)} points: {where['inside']} inside a tambon "
          f"({where['inside >1']} in more than one), {where['border']} exactly on a shared border vertex, "
          f"{where['outside']} in no tambon")
    print(f"  roads.geojson      {len(road_lines)} lines: {crossing} cross a tambon border or leave the "
          f"province; {len(along)} run along a shared border: "
          + ", ".join(f"{a}|{b} ({k} vertices)" for a, b, k in along))
    print(f"  landuse.geojson    {len(lu_feats)} polygons: {overlaps} overlapping pairs (among the valid ones), "
          f"{lu_cross} with vertices in more than one tambon or outside, 1 bow-tie "
          f"(feature #{bowtie[0]}, in {bowtie[1]})")
    print(f"  population.csv     {len(tambons)} tambons - 1 omitted ({omitted}) + 1 unmatched (999999) = "
          f"{len(csv.splitlines()) - 1} rows, {npadded} with a leading zero")


GRID_PIXEL = 0.002           # degrees: about 220 m, a WorldPop-like population grid
GRID_NODATA = -9999


def population_grid(name, seed):
    """A population-per-pixel grid over the province's box as an Esri ASCII grid (+ .prj): people clustered
    around a few seeded towns, nodata on a seeded 2 % of pixels. Its own RNG, so the other files do not change."""
    rng = random.Random(seed * 7 + 5)
    tambons = load(name)
    xs = [p[0] for t in tambons for ring in t.rings for p in ring]
    ys = [p[1] for t in tambons for ring in t.rings for p in ring]
    west = math.floor(min(xs) / GRID_PIXEL) * GRID_PIXEL - 2 * GRID_PIXEL
    south = math.floor(min(ys) / GRID_PIXEL) * GRID_PIXEL - 2 * GRID_PIXEL
    columns = int(math.ceil((max(xs) - west) / GRID_PIXEL)) + 2
    rows = int(math.ceil((max(ys) - south) / GRID_PIXEL)) + 2
    towns = [(rng.uniform(west, west + columns * GRID_PIXEL), rng.uniform(south, south + rows * GRID_PIXEL),
              rng.uniform(200, 900), rng.uniform(0.01, 0.04)) for _ in range(6)]
    lines = [f"ncols {columns}", f"nrows {rows}", f"xllcorner {west:.6f}", f"yllcorner {south:.6f}",
             f"cellsize {GRID_PIXEL}", f"NODATA_value {GRID_NODATA}"]
    for row in range(rows):
        y = south + (rows - row - 0.5) * GRID_PIXEL
        values = []
        for column in range(columns):
            x = west + (column + 0.5) * GRID_PIXEL
            if rng.random() < 0.02:
                values.append(str(GRID_NODATA))
                continue
            people = 5 + sum(peak * math.exp(-((x - cx) ** 2 + (y - cy) ** 2) / (2 * spread ** 2))
                             for cx, cy, peak, spread in towns)
            values.append(f"{people * rng.uniform(0.7, 1.3):.1f}")
        lines.append(" ".join(values))
    (HERE / name / "popgrid.asc").write_text("\n".join(lines) + "\n")
    (HERE / name / "popgrid.prj").write_text(
        'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563]],PRIMEM["Greenwich",0],'
        'UNIT["degree",0.0174532925199433],AUTHORITY["EPSG","4326"]]\n')


def villages(name, seed):
    """Villages (หมู่บ้าน, moo) as points with households: 4-14 per tambon, most clustered around one or two
    seeded centres inside the tambon, the rest scattered; one seeded tambon has none (a source with no weight,
    which interpolation splits by area and reports). Its own RNG, so the other files do not change."""
    rng = random.Random(seed * 11 + 7)
    tambons = load(name)
    empty = rng.randrange(len(tambons))
    features = []
    for index, tambon in enumerate(tambons):
        if index == empty:
            continue
        west, south, east, north = tambon.bbox

        def point_inside(near=None, spread=0.0):
            for _ in range(10_000):
                if near is None:
                    p = (rng.uniform(west, east), rng.uniform(south, north))
                else:
                    p = (rng.gauss(near[0], spread), rng.gauss(near[1], spread))
                p = r7(p)
                if inside(p, tambon) and not on_boundary(p, tambon):
                    return p
            raise ValueError(f"{tambon.code}: no point inside after 10,000 tries")

        centres = [point_inside() for _ in range(rng.randint(1, 2))]
        spread = 0.15 * min(east - west, north - south)
        for moo in range(1, rng.randint(4, 14) + 1):
            clustered = rng.random() < 0.7
            p = point_inside(rng.choice(centres), spread) if clustered else point_inside()
            households = int(rng.uniform(150, 900) if clustered else rng.uniform(30, 250))
            features.append(feature({"village_code": f"{tambon.code}{moo:02d}", "moo": moo,
                                     "name_th": f"หมู่ {moo} {tambon.name_th}", "households": households},
                                    "Point", f"[{p[0]:.7f},{p[1]:.7f}]"))
    write_collection(HERE / name / "villages.geojson", features)
    print(f"{name}: {len(features)} villages; tambon {tambons[empty].code} ({tambons[empty].name_en}) has none")


def main():
    for name in SEEDS:
        province(name)
    population_grid("nonthaburi", SEEDS["nonthaburi"])
    villages("nonthaburi", SEEDS["nonthaburi"])


if __name__ == "__main__":
    main()
