#!/usr/bin/env python3
"""Checks and reports bench/simplify.sh: python bench/report_simplify.py RESULTS SIZE RUNS AREAS METRES.

Prints the medians of the runs (wall seconds, peak memory) of `geoplan simplify` and of the peer
(shapely.coverage_simplify + pyogrio), the speed-up against issue 16's target (≥ 2×), the vertices of the input and
of both outputs (coordinates as stored, closing ones included; the tolerances are equivalent when the counts are
within 10 %), and checks both outputs: every feature there, every polygon valid (GEOS), none empty, and no overlaps
between neighbours (shapely.coverage_is_valid: no two polygons' interiors overlap and shared edges match). Exits 1
when a check fails.
"""
import json
import os
import statistics
import sys

import pyogrio
import shapely


def timing(path):
    wall, kib = open(path).read().split()[:2]
    return float(wall), int(kib) / 1024


def geometries(path):
    return pyogrio.read_dataframe(path, columns=[]).geometry.values


def checks(geoms):
    valid = bool(shapely.is_valid(geoms).all())
    nonempty = not bool(shapely.is_empty(geoms).any()) and not any(g is None for g in geoms)
    polygonal = all(g is not None and g.geom_type in ("Polygon", "MultiPolygon") for g in geoms)
    coverage = bool(shapely.coverage_is_valid(geoms))
    return valid, nonempty and polygonal, coverage


def main():
    res, size, runs, areas, metres = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], float(sys.argv[5])
    g = [timing(os.path.join(res, f"geoplan.{i}.time")) for i in range(1, runs + 1)]
    p = [timing(os.path.join(res, f"peer.{i}.time")) for i in range(1, runs + 1)]
    g_wall, g_mem = statistics.median(x[0] for x in g), statistics.median(x[1] for x in g)
    p_wall, p_mem = statistics.median(x[0] for x in p), statistics.median(x[1] for x in p)
    peer_stages = json.load(open(os.path.join(res, "peer.1.json")))
    report = json.load(open(os.path.join(res, "geoplan.1.json")))["simplification"]

    source = geometries(areas)
    ours, theirs = geometries(os.path.join(res, "geoplan.geojson")), geometries(os.path.join(res, "peer.geojson"))
    count = lambda geoms: int(shapely.get_num_coordinates(geoms).sum())
    v_in, v_ours, v_theirs = count(source), count(ours), count(theirs)

    print(f"\ntopology-kept simplification, {len(source)} areas ({size}), {metres:g} m, read + simplify + write "
          f"GeoJSON; median of {runs} runs (wall seconds; memory = peak RSS)\n")
    print("| | wall s | memory MB | output vertices |\n|---|---:|---:|---:|")
    print(f"| shapely.coverage_simplify (GEOS {'.'.join(map(str, shapely.geos_version))}) + pyogrio, "
          f"{peer_stages['tolerance_degrees']:.4g}° | {p_wall:.2f} | {p_mem:.0f} | {v_theirs:,} |")
    print(f"| geoplan simplify --tolerance {metres:g}m | {g_wall:.2f} | {g_mem:.0f} | {v_ours:,} |")
    speed = p_wall / g_wall
    print(f"\nsimplify ratio (peer / geoplan wall time) {speed:.2f}× (target ≥ 2×: {'met' if speed >= 2 else 'not met'});"
          f" memory {g_mem / p_mem:.2f} of the peer's")
    difference = abs(v_ours - v_theirs) / v_theirs
    print(f"vertices: input {v_in:,}; geoplan {v_ours:,} ({v_ours / v_in:.1%}), peer {v_theirs:,} "
          f"({v_theirs / v_in:.1%}); differ by {difference:.1%} (same amount of simplification when ≤ 10 %: "
          f"{'yes' if difference <= 0.10 else 'NO'})")
    print("all runs (s): geoplan " + " ".join(f"{x[0]:.2f}" for x in g) + "; peer " + " ".join(f"{x[0]:.2f}" for x in p))
    print("peer stages (s, run 1): " + ", ".join(f"{k} {v:.2f}" for k, v in peer_stages.items() if k != "tolerance_degrees"))
    print(f"geoplan: {report['verticesRestoredAtCrossings']} vertices restored at crossings, "
          f"{report['verticesRestoredForValidity']} for validity, {report['madeValid']} made valid, "
          f"{report['ringsHeldAtMinimum']} rings held at a triangle")

    failed = False
    print("\n| output | features | all valid | none empty | no overlaps (coverage_is_valid) |\n|---|---:|---|---|---|")
    for name, geoms in (("geoplan", ours), ("peer", theirs)):
        valid, nonempty, coverage = checks(geoms)
        whole = len(geoms) == len(source)
        yes = lambda b: "yes" if b else "NO"
        print(f"| {name} | {len(geoms)}{'' if whole else ' (NOT all)'} | {yes(valid)} | {yes(nonempty)} | "
              f"{yes(coverage)} |")
        failed |= not (valid and nonempty and coverage and whole)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
