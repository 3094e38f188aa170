#!/usr/bin/env python3
"""Checks and reports bench/everyday.sh: python bench/report_everyday.py RESULTS SIZE RUNS AREAS.

Agreement, per area (geoplan's GeoJSON against the peer's): area and perimeter within 1e-6 relative; facility
counts equal except for points exactly on a border (geoplan counts each once, sjoin "within" never: the
differences must add up to the border points geoplan reports); zonal sum and mean within 1e-6 relative, an area
without data without data on both sides (geoplan null; exactextract a sum of 0 and a NaN mean); facilities per km²
within 1e-6 where the counts agree. Exits 1 on a disagreement.

Also: geoplan's peak memory per million vertices of AREAS (the boundaries), and each stage's wall seconds with
--jobs 2 against --jobs 1 (medians of the runs' `stageSeconds`), with the target of 0.55 for the stages on threads.
"""
import json
import math
import os
import statistics
import sys


def timing(path):
    wall, kib = open(path).read().split()[:2]
    return float(wall), int(kib) / 1024


def properties(path):
    with open(path) as f:
        features = json.load(f)["features"]
    return {str(f["properties"]["code"]): f["properties"] for f in features}


def vertices(path):
    import pyogrio
    import shapely
    return int(shapely.get_num_coordinates(pyogrio.read_dataframe(path, columns=[]).geometry.values).sum())


def stage_medians(res, name, runs):
    stages = [json.load(open(os.path.join(res, f"{name}.{i}.json")))["boundarySets"][0]["stageSeconds"]
              for i in range(1, runs + 1)]
    return {key: statistics.median(s[key] for s in stages) for key in stages[0]}


def close(a, b, rel=1e-6):
    return a is not None and b is not None and abs(a - b) <= rel * max(abs(a), abs(b), 1e-12)


def main():
    res, size, runs, areas = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
    g = [timing(os.path.join(res, f"geoplan.{i}.time")) for i in range(1, runs + 1)]
    p = [timing(os.path.join(res, f"peer.{i}.time")) for i in range(1, runs + 1)]
    g_wall, g_mem = statistics.median(x[0] for x in g), statistics.median(x[1] for x in g)
    p_wall, p_mem = statistics.median(x[0] for x in p), statistics.median(x[1] for x in p)
    report = json.load(open(os.path.join(res, "geoplan.1.json")))
    on_border = int(report["boundarySets"][0]["counters"].get("facilities: points on a border", 0))

    ours, theirs = properties(os.path.join(res, "geoplan", "areas.geojson")), properties(
        os.path.join(res, "peer.geojson"))
    problems = []
    if set(ours) != set(theirs):
        problems.append(f"different areas: {len(ours)} against {len(theirs)}")
    count_difference = 0
    for code in sorted(set(ours) & set(theirs)):
        a, b = ours[code], theirs[code]
        for key in ("area_km2", "perimeter_km"):
            if not close(a[key], b[key]):
                problems.append(f"{code} {key}: {a[key]} against {b[key]}")
        difference = a["facilities"] - b["facilities"]
        count_difference += difference
        if difference < 0:
            problems.append(f"{code} facilities: {a['facilities']} against {b['facilities']}")
        elif difference == 0 and not close(a["facilities_per_km2"], b["facilities_per_km2"]):
            problems.append(f"{code} facilities_per_km2: {a['facilities_per_km2']} against {b['facilities_per_km2']}")
        peer_mean = b["popgrid_mean"]
        if a["popgrid_sum"] is None:
            if not (b["popgrid_sum"] in (0, None) and (peer_mean is None or math.isnan(peer_mean))):
                problems.append(f"{code} popgrid: no data for geoplan, {b['popgrid_sum']} for the peer")
        elif not (close(a["popgrid_sum"], b["popgrid_sum"]) and close(a["popgrid_mean"], peer_mean)):
            problems.append(f"{code} popgrid sum/mean: {a['popgrid_sum']}/{a['popgrid_mean']} against "
                            f"{b['popgrid_sum']}/{peer_mean}")
    if count_difference != on_border:
        problems.append(f"counts differ by {count_difference} in all, not by the {on_border} border points")

    print(f"\nthe everyday job, size {size}, median of {runs} runs (wall seconds; memory = peak RSS)\n")
    print(f"| | wall s | memory MB |\n|---|---:|---:|")
    print(f"| GeoPandas + pyogrio + pyproj + exactextract | {p_wall:.2f} | {p_mem:.0f} |")
    print(f"| geoplan | {g_wall:.2f} | {g_mem:.0f} |")
    speed, memory = p_wall / g_wall, g_mem / p_mem
    print(f"\nspeed-up {speed:.2f}× (target ≥ 5×: {'met' if speed >= 5 else 'not met'}); "
          f"memory {memory:.2f} of the peer's (target ≤ 0.5: {'met' if memory <= 0.5 else 'not met'})")
    millions = vertices(areas) / 1e6
    print(f"geoplan's peak memory per million boundary vertices: {g_mem / millions:.0f} MB "
          f"({millions:.2f} M vertices)")
    two, one = stage_medians(res, "geoplan", runs), stage_medians(res, "geoplan-jobs1", runs)
    print("\ngeoplan's stages, wall seconds (median): --jobs 2 against --jobs 1")
    print("| stage | jobs 2 | jobs 1 | ratio | target |\n|---|---:|---:|---:|---|")
    threaded = {"compute", "write"}
    for key in ("load", "read_inputs", "plan", "compute", "finish", "write"):
        if key in two and key in one:
            ratio = two[key] / one[key] if one[key] > 0.05 else float("nan")
            target = ("≤ 0.55: " + ("met" if ratio <= 0.55 else "not met")) if key in threaded else "one thread"
            print(f"| {key} | {two[key]:.2f} | {one[key]:.2f} | {ratio:.2f} | {target} |")
    one_report = json.load(open(os.path.join(res, "geoplan-jobs1.1.json")))
    print("indicator thread-seconds, --jobs 2 / --jobs 1: " + ", ".join(
        f"{k} {v:.2f}/{one_report['boundarySets'][0]['seconds'].get(k, 0):.2f}"
        for k, v in report["boundarySets"][0]["seconds"].items() if v >= 0.01))
    stages = json.load(open(os.path.join(res, "peer.1.json")))
    print("peer stages (s): " + ", ".join(f"{k} {v:.2f}" for k, v in stages.items()))
    seconds = report["boundarySets"][0]["seconds"]
    print("geoplan indicator seconds (summed over threads): "
          + ", ".join(f"{k} {v:.2f}" for k, v in seconds.items()))
    print(f"agreement on {len(set(ours) & set(theirs))} areas ({on_border} points on a border): "
          + ("yes" if not problems else "NO"))
    for problem in problems[:20]:
        print("  " + problem)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
