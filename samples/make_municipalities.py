#!/usr/bin/env python3
"""Writes SYNTHETIC municipality (เทศบาล) boundaries in shapes/municipalities/ over the shipped tambons.

    bench/.venv/bin/python samples/make_municipalities.py

NOT the standard library, unlike make_inputs.py: needs numpy, shapely 2, pyproj and pyogrio (the bench venv,
bench/.venv, has them). Deterministic: each province has a fixed seed (SEEDS below) and the GeoPackages are
written with a fixed timestamp, so running it again gives byte-identical files. The municipalities are made up:
real municipal boundaries are not published as open data. See shapes/municipalities/README.md for the rules, the
fields and how to use a real boundary file instead.

Per province, over the real COD-AB tambons in shapes/tambons/:
- the provincial seat gets a city (Phuket, Nonthaburi, Nakhon Pathom) or town (Samut Songkhram) municipality:
  a smooth noise-perturbed blob around the seat tambon spanning parts of 3-8 tambons; 1-3 other district seats
  get a town municipality spanning parts of 2-4 tambons; all clipped to the province (the union of its tambons);
- about a quarter of the remaining tambons get a subdistrict municipality inside that one tambon: the whole
  tambon or a blob clipped to it;
- half of the municipalities whose border follows a tambon border have those shared vertices moved by a smooth,
  seeded 0.5-5 m displacement (computed in metres in a local transverse Mercator), the rest stay exact;
- later municipalities are clipped by earlier ones, so none overlap.
A second Nonthaburi version (2025-01-01) grows one subdistrict municipality, adds one in an SAO-only tambon and
merges one into the nearest town. The script prints a summary and checks the files it wrote.
"""
import math
import os
import pathlib
import random

os.environ["OGR_CURRENT_DATE"] = "2024-01-01T00:00:00Z"  # GeoPackage timestamps, for byte-identical reruns

import numpy as np
import shapely
from pyogrio.raw import read as ogr_read, write as ogr_write
from pyproj import Geod, Transformer

HERE = pathlib.Path(__file__).resolve().parent
TAMBONS = HERE.parent / "shapes" / "tambons"
OUT = HERE.parent / "shapes" / "municipalities"

# One fixed seed per province (the two-digit province code times 1000, plus 2; make_inputs.py uses plus 1).
SEEDS = {"phuket": 83002, "nonthaburi": 12002, "samut-songkhram": 75002, "nakhon-pathom": 73002}
SEAT_TYPE = {"phuket": "city", "nonthaburi": "city", "samut-songkhram": "town", "nakhon-pathom": "city"}
SEED_2025 = 12_2025          # the second Nonthaburi version has its own generator
VERSION, VERSION_2025 = "2024-01-01", "2025-01-01"

BLOB_KM2 = {"city": (15.0, 40.0), "town": (5.0, 15.0)}   # before clipping to the province
SPAN = {"seat": (3, 8), "town": (2, 4)}                    # tambons spanned (> 1 % of the tambon's area)
TOWNS_PER_PROVINCE = (1, 3)
SUBDISTRICT_SHARE = 0.25     # of the tambons the city/towns cover less than 1 % of
WHOLE_TAMBON_SHARE = 0.4     # subdistrict municipalities that are a whole tambon (else a blob clipped to it)
PERTURBED_SHARE = 0.5        # of the municipalities that share vertices with a tambon border
OFFSET_M = (0.5, 5.0)        # displacement of those shared vertices, metres
SPAN_SHARE = 0.01            # "spans a tambon" = covers more than 1 % of its area
MIN_PART_M2 = 1.0            # parts smaller than this left by clipping are dropped

TYPE_TH = {"city": "เทศบาลนคร", "town": "เทศบาลเมือง", "subdistrict": "เทศบาลตำบล"}
TYPE_EN = {"city": "City Municipality", "town": "Town Municipality", "subdistrict": "Subdistrict Municipality"}
FIELDS = ["LG_CODE", "LG_TYPE", "NAME_TH", "NAME_EN", "ADM1_PCODE", "VERSION", "SYNTHETIC"]

GEOD = Geod(ellps="WGS84")


# --- data ------------------------------------------------------------------------------------------------

class Tambon:
    def __init__(self, geom, attrs):
        self.geom = geom
        self.code, self.name_th, self.name_en = attrs["ADM3_PCODE"], attrs["ADM3_TH"], attrs["ADM3_EN"]
        self.district, self.district_th = attrs["ADM2_PCODE"], attrs["ADM2_TH"]
        self.district_en, self.province = attrs["ADM2_EN"], attrs["ADM1_PCODE"]
        self.area = geom.area                       # degrees², for ratios only
        self.boundary = geom.boundary
        shapely.prepare(self.boundary)
        shapely.prepare(self.geom)


class Province:
    def __init__(self, name):
        meta, _, wkb, fields = ogr_read(TAMBONS / name / f"{name}.shp", encoding="UTF-8")
        columns = list(meta["fields"])
        order = np.argsort(fields[columns.index("ADM3_PCODE")], kind="stable")
        self.name = name
        self.tambons = [Tambon(shapely.from_wkb(wkb[i]), {c: fields[k][i] for k, c in enumerate(columns)})
                        for i in order]
        self.code = self.tambons[0].province                          # TH12
        self.digits = self.code[2:]
        self.union = shapely.union_all([t.geom for t in self.tambons])
        self.union_boundary = self.union.boundary
        shapely.prepare(self.union)
        shapely.prepare(self.union_boundary)
        lon, lat = shapely.centroid(self.union).coords[0]
        local = (f"+proj=tmerc +lat_0={lat:.4f} +lon_0={lon:.4f} +k=1 +x_0=0 +y_0=0 +ellps=WGS84 +units=m "
                 "+no_defs")
        self.fwd = Transformer.from_crs("EPSG:4326", local, always_xy=True)
        self.inv = Transformer.from_crs(local, "EPSG:4326", always_xy=True)

    def to_local(self, geom):
        return shapely.transform(geom, lambda xy: np.column_stack(self.fwd.transform(xy[:, 0], xy[:, 1])))

    def to_lonlat(self, geom):
        return shapely.transform(geom, lambda xy: np.column_stack(self.inv.transform(xy[:, 0], xy[:, 1])))

    def m2_per_deg2(self, geom):
        lat = math.radians(shapely.centroid(geom).y if not geom.is_empty else 14.0)
        return 111_320.0 ** 2 * math.cos(lat)

    def seat(self, district):
        """The district's first tambon (pcode ending 01), taken as the district seat."""
        return min((t for t in self.tambons if t.district == district), key=lambda t: t.code)


class Muni:
    def __init__(self, kind, tambon, raw, border, whole=False, blob=None):
        self.kind, self.tambon, self.raw, self.border = kind, tambon, raw, border
        self.whole, self.blob = whole, blob      # a whole tambon; (shape, centre, m²) of the blob it was cut from
        self.code = self.name_th = self.name_en = None
        self.field = None            # perturbation parameters, or None (exact)
        self.offsets = None          # (min, max, vertices) actually applied
        self.final = None
        self.source = None           # the 2024 municipality a 2025 one continues (same code and names)


# --- geometry helpers ------------------------------------------------------------------------------------

def geodesic_m2(geom):
    geom = shapely.orient_polygons(geom)
    return sum(abs(GEOD.geometry_area_perimeter(p)[0]) for p in shapely.get_parts(geom))


def polygons(geom):
    return [p for p in shapely.get_parts(geom) if p.geom_type == "Polygon" and not p.is_empty]


def largest(geom):
    parts = polygons(geom)
    return max(parts, key=lambda p: p.area) if parts else shapely.Polygon()


def clean(geom, prov):
    """Polygonal parts of at least MIN_PART_M2 as a (Multi)Polygon."""
    factor = prov.m2_per_deg2(geom)
    parts = [p for p in polygons(shapely.make_valid(geom) if not geom.is_valid else geom)
             if p.area * factor >= MIN_PART_M2]
    if not parts:
        return shapely.Polygon()
    return parts[0] if len(parts) == 1 else shapely.MultiPolygon(parts)


def blob_shape(rng, n):
    """A smooth star-shaped unit ring: radius 1 + low harmonics, stretched and turned."""
    harmonics = [(rng.uniform(0.0, 0.25 / k), rng.uniform(0.0, 2 * math.pi)) for k in range(2, 6)]
    return {"harmonics": harmonics, "stretch": rng.uniform(0.7, 1.0), "turn": rng.uniform(0.0, math.pi), "n": n}


def blob(prov, shape, centre, area_m2):
    """The shape scaled to area_m2 (metres²) around centre (local metres), as a lon/lat polygon."""
    theta = np.linspace(0.0, 2 * math.pi, shape["n"], endpoint=False)
    r = 1.0 + sum(a * np.cos(k * theta + ph) for k, (a, ph) in enumerate(shape["harmonics"], start=2))
    x, y = r * np.cos(theta), r * np.sin(theta) * shape["stretch"]
    c, s = math.cos(shape["turn"]), math.sin(shape["turn"])
    x, y = c * x - s * y, s * x + c * y
    unit = 0.5 * abs(np.dot(x, np.roll(y, -1)) - np.dot(y, np.roll(x, -1)))
    k = math.sqrt(area_m2 / unit)
    return prov.to_lonlat(shapely.Polygon(np.column_stack([centre[0] + k * x, centre[1] + k * y])))


def random_point(rng, prov, tambon, near=None, radius=None):
    """A uniformly random point (local metres) inside the tambon, optionally within radius of near."""
    local = prov.to_local(tambon.geom)
    shapely.prepare(local)
    x0, y0, x1, y1 = local.bounds
    if near is not None:
        x0, y0 = max(x0, near[0] - radius), max(y0, near[1] - radius)
        x1, y1 = min(x1, near[0] + radius), min(y1, near[1] + radius)
    for _ in range(10_000):
        x, y = rng.uniform(x0, x1), rng.uniform(y0, y1)
        if shapely.contains_xy(local, x, y) and (near is None or math.hypot(x - near[0], y - near[1]) <= radius):
            return x, y
    p = shapely.point_on_surface(local)
    return p.x, p.y


def spans(prov, geom):
    """Tambons of which geom covers more than SPAN_SHARE of the area: [(tambon, share)]."""
    out = []
    for t in prov.tambons:
        if shapely.intersects(t.geom, geom):
            share = shapely.intersection(t.geom, geom).area / t.area
            if share > SPAN_SHARE:
                out.append((t, share))
    return out


# --- misalignment ----------------------------------------------------------------------------------------

def random_field(rng):
    lo = rng.uniform(OFFSET_M[0], 2.5)
    hi = rng.uniform(max(lo + 0.5, 2.0), OFFSET_M[1])
    turn = 2 * math.pi
    return {"lo": lo, "hi": hi, "heading": rng.uniform(0, turn), "swing": rng.uniform(0.3, 1.2),
            "wave1": rng.uniform(300, 2500), "dir1": rng.uniform(0, turn), "ph1": rng.uniform(0, turn),
            "wave2": rng.uniform(300, 2500), "dir2": rng.uniform(0, turn), "ph2": rng.uniform(0, turn)}


def displacement(field, x, y):
    """A smooth vector field (metres): length between lo and hi, direction swinging around a heading."""
    u1 = (x * math.cos(field["dir1"]) + y * math.sin(field["dir1"])) / field["wave1"]
    u2 = (x * math.cos(field["dir2"]) + y * math.sin(field["dir2"])) / field["wave2"]
    angle = field["heading"] + field["swing"] * np.sin(2 * math.pi * u1 + field["ph1"])
    length = field["lo"] + (field["hi"] - field["lo"]) * (0.5 + 0.5 * np.sin(2 * math.pi * u2 + field["ph2"]))
    return length * np.cos(angle), length * np.sin(angle)


def on_border(geom, border):
    xy = shapely.get_coordinates(geom)
    return xy, shapely.dwithin(shapely.points(xy), border, 1e-9)


def perturb(prov, geom, border, field):
    """geom with its vertices on border moved by the field; the others untouched. (geom, (min, max, n))."""
    xy, mask = on_border(geom, border)
    lx, ly = prov.fwd.transform(xy[mask, 0], xy[mask, 1])
    dx, dy = displacement(field, np.asarray(lx), np.asarray(ly))
    moved = xy.copy()
    moved[mask] = np.column_stack(prov.inv.transform(lx + dx, ly + dy))
    length = np.hypot(dx, dy)
    out = shapely.transform(geom, lambda _: moved)
    return out, (float(length.min()), float(length.max()), int(mask.sum()))


# --- the generator ---------------------------------------------------------------------------------------

def urban(rng, prov, kind, role, seat, taken):
    """A city/town blob around the seat tambon, clipped to the province and by taken; None if none fits."""
    lo_km2, hi_km2 = BLOB_KM2[kind]
    span_lo, span_hi = SPAN[role]
    home = prov.to_local(shapely.point_on_surface(seat.geom)).coords[0]
    for attempt in range(400):
        area = rng.uniform(lo_km2, hi_km2) * 1e6
        shape = blob_shape(rng, 96 if kind == "city" else 72)
        radius = math.sqrt(area / math.pi) * (0.2 + 0.02 * attempt)
        centre = random_point(rng, prov, seat, home, radius)
        raw = blob(prov, shape, centre, area)
        clipped = shapely.intersection(raw, prov.union)
        part = largest(clipped)
        if part.is_empty or part.area < 0.7 * raw.area:        # mostly sea or outside the province
            continue
        if not shapely.intersects(part, seat.geom):
            continue
        if not taken.is_empty:
            if shapely.intersection(part, taken).area > 0.05 * part.area:
                continue
            part = largest(shapely.difference(part, taken))
        n = len(spans(prov, part))
        if span_lo <= n <= span_hi:
            return Muni(kind, seat, part, prov.union_boundary, blob=(shape, centre, area))
    return None


def subdistrict(rng, prov, tambon, taken):
    """The whole tambon or a blob clipped to it, minus taken."""
    if rng.random() < WHOLE_TAMBON_SHARE:
        geom = tambon.geom if taken.is_empty else clean(shapely.difference(tambon.geom, taken), prov)
        return Muni("subdistrict", tambon, geom, tambon.boundary, whole=True)
    a_m2 = geodesic_m2(tambon.geom)
    for _ in range(400):
        area = min(rng.uniform(0.25, 0.7) * a_m2, rng.uniform(12e6, 25e6))
        shape = blob_shape(rng, 64)
        centre = random_point(rng, prov, tambon)
        raw = blob(prov, shape, centre, area)
        clipped = shapely.intersection(raw, tambon.geom)
        part = largest(clipped)
        if part.is_empty or part.area < 0.92 * clipped.area:
            continue
        if not (0.15 * tambon.area <= part.area <= 0.9 * tambon.area):
            continue
        if not taken.is_empty:
            part = largest(shapely.difference(part, taken))
        return Muni("subdistrict", tambon, part, tambon.boundary, blob=(shape, centre, area))
    raise RuntimeError(f"no subdistrict blob fits {tambon.code}")


def name(m, duplicates):
    t = m.tambon
    th, en = TYPE_TH[m.kind] + t.name_th, f"{t.name_en} {TYPE_EN[m.kind]}"
    if t.name_th in duplicates:
        th, en = f"{th} ({t.district_th})", f"{en} ({t.district_en})"
    m.name_th, m.name_en = th, en


def finish(prov, munis, others=shapely.Polygon()):
    """Perturbed (or exact) geometry of each, clipped by others and by every earlier one."""
    taken = others
    for m in munis:
        geom = m.raw
        if m.field is not None:
            geom, m.offsets = perturb(prov, geom, m.border, m.field)
        if not taken.is_empty:
            geom = shapely.difference(geom, taken)
        m.final = clean(geom, prov)
        if not m.final.is_valid or m.final.is_empty:
            raise RuntimeError(f"{m.code}: invalid or empty after clipping")
        taken = shapely.union(taken, m.final) if not taken.is_empty else m.final


def choose_perturbed(rng, prov, munis):
    """Half (rounded up) of those with vertices on their tambon border get a displacement field."""
    candidates = [m for m in munis if on_border(m.raw, m.border)[1].sum() >= 3]
    picked = rng.sample(candidates, (len(candidates) + 1) // 2) if candidates else []
    for m in picked:
        for _ in range(10):              # a field that keeps the polygon valid
            m.field = random_field(rng)
            geom, _ = perturb(prov, m.raw, m.border, m.field)
            if geom.is_valid:
                break
        else:
            m.field = None
    return candidates


def province(name_):
    rng = random.Random(SEEDS[name_])
    prov = Province(name_)
    districts = sorted({t.district for t in prov.tambons})
    seat_district, other_districts = districts[0], districts[1:]

    munis = []
    taken = shapely.Polygon()
    seat_kind = SEAT_TYPE[name_]
    m = urban(rng, prov, seat_kind, "seat", prov.seat(seat_district), taken)
    if m is None:
        raise RuntimeError(f"{name_}: no {seat_kind} municipality fits")
    munis.append(m)
    taken = m.raw
    n_towns = rng.randint(TOWNS_PER_PROVINCE[0], min(TOWNS_PER_PROVINCE[1], len(other_districts)))
    for district in sorted(rng.sample(other_districts, n_towns)):
        m = urban(rng, prov, "town", "town", prov.seat(district), taken)
        if m is None:
            print(f"  (no town fits around {prov.seat(district).name_en}; skipped)")
            continue
        munis.append(m)
        taken = shapely.union(taken, m.raw)

    remaining = [t for t in prov.tambons if shapely.intersection(t.geom, taken).area < SPAN_SHARE * t.area]
    chosen = sorted(rng.sample(remaining, round(SUBDISTRICT_SHARE * len(remaining))), key=lambda t: t.code)
    for t in chosen:
        m = subdistrict(rng, prov, t, taken)
        munis.append(m)
        taken = shapely.union(taken, m.raw)

    for serial, m in enumerate(munis, start=1):
        m.code = f"S{prov.digits}{serial:04d}"
    candidates = choose_perturbed(rng, prov, munis)
    finish(prov, munis)
    return prov, munis, candidates


def version_2025(prov, munis):
    """Nonthaburi 2025: one subdistrict municipality grows, one SAO tambon gets one, one merges into a town."""
    rng = random.Random(SEED_2025)
    subs = [m for m in munis if m.kind == "subdistrict"]
    towns = [m for m in munis if m.kind == "town"] or [m for m in munis if m.kind == "city"]

    # merged: the subdistrict municipality nearest to a town, with the SAO land between them
    def gap(s, t):
        return shapely.distance(prov.to_local(s.final), prov.to_local(t.final))
    merged, town = min(((s, t) for s in subs for t in towns), key=lambda st: (gap(*st), st[0].code))
    gap_m = gap(merged, town)
    town_l, sub_l = prov.to_local(town.final), prov.to_local(merged.final)
    both = shapely.union(town_l, sub_l)
    d = gap_m / 2 + 150.0
    closed = shapely.buffer(shapely.buffer(both, d, quad_segs=8), -d, quad_segs=8)
    bridge = [p for p in polygons(shapely.difference(closed, both))
              if shapely.distance(p, town_l) < 1.0 and shapely.distance(p, sub_l) < 1.0]
    keep = [m for m in munis if m is not merged and m is not town]
    others = shapely.union_all([m.final for m in keep])
    bridge_ll = shapely.buffer(prov.to_lonlat(shapely.union_all(bridge)), 1e-7) if bridge else shapely.Polygon()
    bridge_ll = shapely.difference(shapely.intersection(bridge_ll, prov.union), others)
    new_town = Muni(town.kind, town.tambon, None, town.border)
    new_town.code, new_town.source = town.code, town
    new_town.final = clean(shapely.union_all([town.final, merged.final, bridge_ll]), prov)

    # grown: a partial subdistrict municipality takes more of its tambon (its blob scaled up about its centre)
    partial = [m for m in subs if m is not merged and not m.whole]
    grown = rng.choice(sorted(partial, key=lambda m: m.code))
    t = grown.tambon
    shape, centre, area = grown.blob
    rest = shapely.union_all([m.final for m in keep if m is not grown] + [new_town.final])
    rest_raw = shapely.union_all([m.raw for m in munis if m is not grown])
    for factor in (2.0, 1.8, 1.6, 1.4, 1.25):
        bigger = largest(shapely.intersection(blob(prov, shape, centre, area * factor), t.geom))
        raw = clean(shapely.difference(shapely.union(grown.raw, bigger), rest_raw), prov)
        if raw.area <= 0.95 * t.area:
            break
    new_grown = Muni("subdistrict", t, raw, grown.border, blob=(shape, centre, area * factor))
    new_grown.code, new_grown.source, new_grown.field = grown.code, grown, grown.field
    finish(prov, [new_grown], rest)

    # new: an SAO-only tambon (no municipality at all in 2024) gets a subdistrict municipality
    covered = shapely.union_all([m.final for m in munis])
    sao = [x for x in prov.tambons if shapely.intersection(x.geom, covered).area < 1e-6 * x.area]
    tambon = rng.choice(sao)
    rest = shapely.union_all([m.final for m in keep if m is not grown] + [new_town.final, new_grown.final])
    new = subdistrict(rng, prov, tambon, rest)
    serial = max(int(m.code[3:]) for m in munis) + 1
    new.code = f"S{prov.digits}{serial:04d}"
    if rng.random() < PERTURBED_SHARE and on_border(new.raw, new.border)[1].sum() >= 3:
        new.field = random_field(rng)
    finish(prov, [new], rest)

    out = [new_town if m is town else new_grown if m is grown else m for m in munis if m is not merged] + [new]
    changes = {"merged": (merged, town, new_town, gap_m), "grown": (grown, new_grown), "new": new}
    return out, changes


def write(path, prov, munis, version):
    munis = sorted(munis, key=lambda m: m.code)
    geoms = [shapely.MultiPolygon(polygons(m.final)) for m in munis]
    columns = {
        "LG_CODE": [m.code for m in munis], "LG_TYPE": [m.kind for m in munis],
        "NAME_TH": [m.name_th for m in munis], "NAME_EN": [m.name_en for m in munis],
        "ADM1_PCODE": [prov.code] * len(munis), "VERSION": [version] * len(munis),
        "SYNTHETIC": ["yes"] * len(munis)}
    if path.exists():
        path.unlink()
    ogr_write(path, geometry=shapely.to_wkb(np.array(geoms, dtype=object)),
              field_data=[np.array(columns[f], dtype=object) for f in FIELDS], fields=FIELDS,
              layer="municipalities", driver="GPKG", geometry_type="MultiPolygon", crs="EPSG:4326",
              encoding="UTF-8", dataset_options={"VERSION": "1.3"},
              layer_options={"DESCRIPTION": f"SYNTHETIC municipalities of {prov.name} ({version}), not real "
                                            "boundaries; derived from COD-AB tambons (RTSD/OCHA, CC BY-IGO 3.0)"})


# --- summary and checks, from the files as written -------------------------------------------------------

def check(path, prov):
    meta, _, wkb, fields = ogr_read(path, layer="municipalities")
    cols = list(meta["fields"])
    geoms = shapely.from_wkb(wkb)
    rec = [{c: fields[k][i] for k, c in enumerate(cols)} for i in range(len(geoms))]
    problems = []
    if meta["crs"] != "EPSG:4326":
        problems.append(f"CRS {meta['crs']}")
    if not shapely.is_valid(geoms).all():
        problems.append("invalid geometry")
    holes = sum(shapely.get_num_interior_rings(p) for g in geoms for p in shapely.get_parts(g))
    # pairwise overlaps
    tree = shapely.STRtree(geoms)
    worst = 0.0
    for i, j in zip(*tree.query(geoms, predicate="intersects")):
        if i < j:
            share = shapely.intersection(geoms[i], geoms[j]).area / min(geoms[i].area, geoms[j].area)
            worst = max(worst, share)
    if worst > 1e-9:
        problems.append(f"overlap {worst:.2e} of the smaller")
    # within the province (metres): the largest distance of a vertex outside the union of the tambons
    union_l = prov.to_local(prov.union)
    shapely.prepare(union_l)
    outside, outside_m2 = 0.0, 0.0
    for g in geoms:
        gl = prov.to_local(g)
        pts = shapely.points(shapely.get_coordinates(gl))
        out = pts[~shapely.covers(union_l, pts)]
        if len(out):
            outside = max(outside, float(shapely.distance(union_l, out).max()))
        outside_m2 += shapely.difference(gl, union_l).area
    if outside > OFFSET_M[1] + 1e-6:
        problems.append(f"{outside:.2f} m outside the province")
    by_type, km2, spans_of, whole_off = {}, {}, {}, []
    touched = set()
    for g, r in zip(geoms, rec):
        kind = r["LG_TYPE"]
        by_type[kind] = by_type.get(kind, 0) + 1
        km2.setdefault(kind, []).append(geodesic_m2(g) / 1e6)
        s = spans(prov, g)
        touched.update(t.code for t, _ in s)
        if kind in ("city", "town"):
            spans_of[r["LG_CODE"]] = len(s)
            if len(s) < 2:
                problems.append(f"{r['LG_CODE']} spans {len(s)} tambon(s)")
        else:
            inside = [t for t, share in s]
            home = max(prov.tambons, key=lambda t: shapely.intersection(t.geom, g).area)
            lg, lt = prov.to_local(g), prov.to_local(home.geom)
            pts = shapely.points(shapely.get_coordinates(lg))
            far = shapely.distance(lt, pts[~shapely.covers(lt, pts)])
            if len(far) and far.max() > OFFSET_M[1] + 1e-6:
                problems.append(f"{r['LG_CODE']} leaves its tambon by {far.max():.2f} m")
            if len(inside) > 1 and sorted(share for _, share in s)[-2] > 0.001:
                problems.append(f"{r['LG_CODE']} in {len(inside)} tambons")
            if abs(g.area - home.area) < 0.02 * home.area:      # a whole tambon: how far its border is off
                whole_off.append(shapely.hausdorff_distance(lg.boundary, lt.boundary))
    if not all(r["SYNTHETIC"] == "yes" for r in rec):
        problems.append("SYNTHETIC not yes")
    return {"n": len(geoms), "by_type": by_type, "km2": km2, "spans": spans_of, "touched": len(touched),
            "holes": holes, "overlap": worst, "outside": outside, "outside_m2": outside_m2, "whole_off": whole_off,
            "problems": problems, "vertices": int(shapely.get_num_coordinates(geoms).sum()),
            "size": path.stat().st_size, "records": rec, "geoms": geoms}


def report(label, prov, path, result, candidates=None, munis=None):
    r = result
    kinds = [k for k in ("city", "town", "subdistrict") if k in r["by_type"]]
    print(f"{label}: {path.relative_to(HERE.parent)}  {r['n']} municipalities "
          f"({', '.join(str(r['by_type'][k]) + ' ' + k for k in kinds)}), {r['vertices']} vertices, "
          f"{r['size'] / 1024:.0f} KB")
    print(f"  tambons touched (> 1 % of their area): {r['touched']} of {len(prov.tambons)}")
    for k in kinds:
        a = r["km2"][k]
        print(f"  {k:<11} km² (geodesic): total {sum(a):.2f}, min {min(a):.2f}, max {max(a):.2f}")
    print("  city/town spans (tambons > 1 %): " + ", ".join(f"{c} {n}" for c, n in r["spans"].items()))
    if munis is not None:
        moved = [m for m in munis if m.offsets]
        lo = min(m.offsets[0] for m in moved) if moved else 0
        hi = max(m.offsets[1] for m in moved) if moved else 0
        print(f"  misaligned: {len(moved)} of {len(candidates)} sharing a tambon border "
              f"({', '.join(m.code for m in moved)}): {sum(m.offsets[2] for m in moved)} vertices moved "
              f"{lo:.2f}-{hi:.2f} m; exact: {', '.join(m.code for m in candidates if not m.offsets)}")
    if r["whole_off"]:
        offs = sorted(r["whole_off"])
        print(f"  whole-tambon subdistricts, Hausdorff distance to their tambon's border (m): "
              + ", ".join(f"{x:.2f}" for x in offs))
    print(f"  checks: valid, worst overlap {r['overlap']:.1e} of the smaller, outside the tambons at most "
          f"{r['outside']:.2f} m ({r['outside_m2']:.0f} m² in all), {r['holes']} holes -> "
          + ("OK" if not r["problems"] else "; ".join(r["problems"])))
    return not r["problems"]


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    ok = True
    for name_ in SEEDS:
        prov, munis, candidates = province(name_)
        everyone = list(munis)
        if name_ == "nonthaburi":
            out25, changes = version_2025(prov, munis)
            everyone.append(changes["new"])          # names are unique across both versions
        names = [m.tambon.name_th for m in everyone]
        duplicates = {n for n in names if names.count(n) > 1}
        for m in everyone:
            name(m, duplicates)
        path = OUT / f"{name_}.gpkg"
        write(path, prov, munis, VERSION)
        print(f"{name_} (seed {SEEDS[name_]}, {len(prov.tambons)} tambons)")
        r24 = check(path, prov)
        ok &= report("  2024", prov, path, r24, candidates, munis)
        if name_ != "nonthaburi":
            continue
        for m in out25:
            if m.source is not None:
                m.name_th, m.name_en = m.source.name_th, m.source.name_en
        path25 = OUT / "nonthaburi-2025.gpkg"
        write(path25, prov, out25, VERSION_2025)
        r25 = check(path25, prov)
        ok &= report("  2025", prov, path25, r25)
        merged, town, new_town, gap_m = changes["merged"]
        grown, new_grown = changes["grown"]
        new = changes["new"]
        old = {r["LG_CODE"]: g for r, g in zip(r24["records"], r24["geoms"])}
        now = {r["LG_CODE"]: g for r, g in zip(r25["records"], r25["geoms"])}
        km2 = lambda g: geodesic_m2(g) / 1e6
        kept = 1 - shapely.difference(old[grown.code], now[grown.code]).area / old[grown.code].area
        print(f"  2024 -> 2025: {grown.code} {grown.name_en} grows {km2(old[grown.code]):.2f} -> "
              f"{km2(now[grown.code]):.2f} km² (covers {kept:.4%} of its 2024 area)")
        print(f"                {new.code} {new.name_en} is new in an SAO-only tambon ({new.tambon.code}): "
              f"{km2(now[new.code]):.2f} km², {'misaligned' if new.offsets else 'exact'}")
        print(f"                {merged.code} {merged.name_en} ({km2(old[merged.code]):.2f} km²) is merged into "
              f"{town.code} {town.name_en}: {km2(old[town.code]):.2f} -> {km2(now[town.code]):.2f} km², "
              f"{len(polygons(now[town.code]))} part(s), across a {gap_m:.0f} m gap of SAO land")
        same = [c for c in now if c in old and shapely.equals_exact(now[c], old[c], 0)]
        removed, added = sorted(set(old) - set(now)), sorted(set(now) - set(old))
        print(f"                {len(same)} of {len(now)} identical to 2024, vertex for vertex; "
              f"removed: {', '.join(removed)}; added: {', '.join(added)}")
    if not ok:
        raise SystemExit("checks failed")


if __name__ == "__main__":
    main()
