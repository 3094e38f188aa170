#!/usr/bin/env python3
"""Check that geoplan and the peer agree, and print the timing table (called by bench/run.sh).

    python bench/report.py RESULTS_DIR SIZE RUNS

Reports the main suite (geoplan vs the geopandas peer) and the zonal stage (geoplan's zonal indicator vs
exactextract), each when its results are in RESULTS_DIR (run.sh's ONLY=zonal leaves out the main suite).
Exit status 1 when the two sides disagree beyond the stated tolerances.
"""
import csv
import glob
import json
import os
import statistics
import sys

AREA_REL = 1e-6      # area_km2, road_km*, density: relative
SHARE_ABS = 1e-6     # landuse*: absolute (they are fractions)
ZONAL_REL = 1e-6     # zonal sum and mean: relative
ZONAL_TARGET = 1.5   # exactextract's wall time / geoplan's, at least
# geoplan's per-indicator seconds, grouped into the peer's stages
STAGES = [("area", ["area_km2"]), ("count", ["facilities"]), ("length", ["road_km"]),
          ("share", ["landuse"]), ("join", ["population", "density"])]


def rows(path):
    with open(path, newline="", encoding="utf-8-sig") as f:
        return {r["code"]: r for r in csv.DictReader(f)}


def num(v):
    return None if v in ("", None) else float(v)


def compare(res):
    gp = rows(os.path.join(res, "geoplan", "areas.csv"))
    peer = rows(os.path.join(res, "peer.csv"))
    report = json.load(open(os.path.join(res, "geoplan.1.json")))
    counters = report["boundarySets"][0].get("counters", {})
    on_border = int(counters.get("facilities: points on a border", 0))
    problems = []
    if set(gp) != set(peer):
        problems.append(f"area codes differ: {len(set(gp) ^ set(peer))} codes on one side only")
    cols = [c for c in next(iter(gp.values())) if c not in ("code", "name")]
    missing = [c for c in cols if c not in next(iter(peer.values()))]
    extra = [c for c in next(iter(peer.values())) if c not in cols and c not in ("code", "name")]
    if missing or extra:
        problems.append(f"columns only in geoplan: {missing}, only in the peer: {extra}")
    worst = {}
    count_diff = {}
    for code in sorted(set(gp) & set(peer)):
        g, p = gp[code], peer[code]
        for c in cols:
            if c not in p:
                continue
            a, b = num(g[c]), num(p[c])
            if a is None or b is None:
                if a != b:
                    problems.append(f"{code} {c}: geoplan {g[c]!r}, peer {p[c]!r}")
                continue
            if c.startswith("facilities"):
                if a != b:
                    count_diff[c] = count_diff.get(c, 0) + int(a - b)
                continue
            if c == "population":
                err, tol = abs(a - b), 0.0
            elif c.startswith("landuse"):
                # geoplan caps a share at 1; the peer does not, and an area wholly covered can sum to 1 + 1e-6
                # there (pieces cut along a border gain vertices on its straight lon/lat edges, which changes
                # their geodesic area a little; geoplan's pieces sum the same way before the cap).
                b = min(b, 1.0)
                err, tol = abs(a - b), SHARE_ABS
            else:
                err, tol = abs(a - b) / max(abs(a), abs(b), 1e-300), AREA_REL
            if err > worst.get(c, (0, ""))[0]:
                worst[c] = (err, code)
            if err > tol:
                problems.append(f"{code} {c}: geoplan {a!r}, peer {b!r} (difference {err:.3g} > {tol:g})")
    lines = []
    for c in cols:
        if c.startswith("facilities"):
            continue
        e, code = worst.get(c, (0.0, "-"))
        kind = "abs" if c.startswith("landuse") or c == "population" else "rel"
        lines.append(f"  {c:<26} worst {kind} difference {e:.2e}" + (f" ({code})" if e else ""))
    total = count_diff.get("facilities", 0)
    lines.append(f"  facilities: geoplan counts {total} more points than sjoin(within) "
                 f"({on_border} points lie exactly on a border; geoplan counts each once, 'within' never)")
    if total != on_border or any(v < 0 for v in count_diff.values()):
        problems.append(f"count differences {count_diff} are not explained by the {on_border} border points")
    return lines, problems


def timing(res, tool, runs):
    walls, mems = [], []
    for i in range(1, runs + 1):
        path = os.path.join(res, f"{tool}.{i}.time")
        if not os.path.exists(path):
            return None
        # GNU time may print "Command exited with non-zero status" first; the numbers are on the last line
        wall, mem = open(path).read().split("\n")[-2 if open(path).read().endswith("\n") else -1].split()
        walls.append(float(wall))
        mems.append(int(mem))
    return statistics.median(walls), statistics.median(mems) / 1024


def stage_medians(res, tool, runs):
    per = {}
    for i in range(1, runs + 1):
        data = json.load(open(os.path.join(res, f"{tool}.{i}.json")))
        if tool == "geoplan":
            secs = data["boundarySets"][0]["seconds"]
            data = {s: sum(secs.get(k, 0.0) for k in keys) for s, keys in STAGES}
        for k, v in data.items():
            per.setdefault(k, []).append(v)
    return {k: statistics.median(v) for k, v in per.items()}


def main():
    res, size, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
    ok = True
    if os.path.exists(os.path.join(res, "geoplan.1.time")):
        ok = main_suite(res, size, runs) and ok
    if os.path.exists(os.path.join(res, "zonal-geoplan.1.time")):
        ok = zonal_stage(res, size, runs) and ok
    sys.exit(0 if ok else 1)


def main_suite(res, size, runs):
    """The main suite's table and agreement; False on disagreement."""
    lines, problems = compare(res)
    gst, pst = stage_medians(res, "geoplan", runs), stage_medians(res, "peer", runs)
    g, p, f = timing(res, "geoplan", runs), timing(res, "peer", runs), timing(res, "floor", runs)
    ratio = lambda a, b: f"{a / b:.2f}" if a and b else "-"
    print(f"\ngeoplan benchmark, size {size}, median of {runs} runs (wall seconds; memory = peak RSS)\n")
    print(f"| {'stage':<16} | {'geoplan':>9} | {'peer':>9} | {'geoplan/peer':>12} | {'geoplan/floor':>13} |")
    print(f"|{'-' * 18}|{'-' * 11}|{'-' * 11}|{'-' * 14}|{'-' * 15}|")
    for s in ["read"] + [s for s, _ in STAGES] + ["write"]:
        a, b = gst.get(s), pst.get(s)
        fa = f"{a:.3f}" if a is not None else "-"
        print(f"| {s:<16} | {fa:>9} | {b:>9.3f} | {ratio(a, b):>12} | {'':>13} |")
    print(f"| {'total wall (s)':<16} | {g[0]:>9.2f} | {p[0]:>9.2f} | {ratio(g[0], p[0]):>12} | "
          f"{ratio(g[0], f[0] if f else None):>13} |")
    print(f"| {'peak memory (MB)':<16} | {g[1]:>9.0f} | {p[1]:>9.0f} | {ratio(g[1], p[1]):>12} | "
          f"{ratio(g[1], f[1] if f else None):>13} |")
    if f:
        print(f"\nfloor (ogr2ogr -f FlatGeobuf of every input): {f[0]:.2f} s, {f[1]:.0f} MB")
    else:
        print("\nfloor: not timed (ogr2ogr not found)")
    print("geoplan's stage seconds are per indicator, summed over its threads (so about 2x the wall time they"
          " take on 2 cores), and include reading that indicator's input; its total includes process start,"
          " reading the boundaries and writing the CSV.")
    j1 = timing(res, "jobs1", runs)
    if j1:
        print(f"\nscaling: --jobs 1 {j1[0]:.2f} s, all cores ({os.cpu_count()}) {g[0]:.2f} s: "
              f"ratio {g[0] / j1[0]:.2f} (target at most 0.6 with 2 cores)")
    counts = {}
    for n in ("1x", "2x"):
        secs = [json.load(open(os.path.join(res, f"count-{n}.{i}.json")))["boundarySets"][0]["seconds"]["facilities"]
                for i in range(1, runs + 1) if os.path.exists(os.path.join(res, f"count-{n}.{i}.json"))]
        if secs:
            counts[n] = statistics.median(secs)
    if len(counts) == 2:
        print(f"count stage: {counts['1x']:.3f} s for the facilities, {counts['2x']:.3f} s for twice as many: "
              f"ratio {counts['2x'] / counts['1x']:.2f} (target at most 2)")
    print("\nagreement (geoplan vs peer):")
    print("\n".join(lines))
    if problems:
        print(f"\nDISAGREEMENT ({len(problems)}):")
        for x in problems[:20]:
            print("  " + x)
        return False
    print("  all indicators agree within tolerance (area, length, density 1e-6 relative; shares 1e-6)")
    return True


def nullable(v):
    """A CSV cell as a float, None for empty or NaN (no data)."""
    x = num(v)
    return None if x is None or x != x else x


def compare_zonal(res):
    """geoplan's popgrid_sum/popgrid_mean against exactextract's sum/mean, per area.

    An area without data (no pixel with data under it) must be so on both sides: geoplan writes null sum and
    mean; exactextract 0.3.0 writes a NaN mean and a sum of 0 (its convention, not a value), so its NaN mean is
    the marker and its sum there must be 0 or NaN."""
    gp = rows(os.path.join(res, "zonal-geoplan", "areas.csv"))
    peer = rows(os.path.join(res, "zonal-peer.csv"))
    problems = []
    if set(gp) != set(peer):
        problems.append(f"area codes differ: {len(set(gp) ^ set(peer))} codes on one side only")
    worst = {}
    compared = without_data = 0
    for code in sorted(set(gp) & set(peer)):
        compared += 1
        g = {stat: nullable(gp[code][f"popgrid_{stat}"]) for stat in ("sum", "mean")}
        p = {stat: nullable(peer[code][stat]) for stat in ("sum", "mean")}
        shown = f"geoplan sum {gp[code]['popgrid_sum']!r} mean {gp[code]['popgrid_mean']!r}, " \
                f"exactextract sum {peer[code]['sum']!r} mean {peer[code]['mean']!r}"
        g_empty, p_empty = g["mean"] is None, p["mean"] is None
        if g_empty or p_empty:
            if not (g_empty and p_empty):
                problems.append(f"{code}: no data on one side only ({shown})")
            elif g["sum"] is not None or p["sum"] not in (None, 0.0):
                problems.append(f"{code}: no data, but a sum ({shown})")
            else:
                without_data += 1
            continue
        for stat in ("sum", "mean"):
            a, b = g[stat], p[stat]
            if a is None or b is None:
                problems.append(f"{code} {stat}: null on one side only ({shown})")
                continue
            err = abs(a - b) / max(abs(a), abs(b), 1e-300)
            if err > worst.get(stat, (-1.0, ""))[0]:
                worst[stat] = (err, code)
            if err > ZONAL_REL:
                problems.append(f"{code} {stat}: geoplan {a!r}, exactextract {b!r} "
                                f"(difference {err:.3g} > {ZONAL_REL:g})")
    return compared, without_data, worst, problems


def zonal_stage(res, size, runs):
    """The zonal stage's table and agreement; False on disagreement."""
    g, p = timing(res, "zonal-geoplan", runs), timing(res, "zonal-peer", runs)
    j1 = timing(res, "zonal-jobs1", runs)
    try:
        import rasterio
        with rasterio.open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "work", "raster",
                                        "popgrid.tif")) as ds:
            what = f"a {ds.width:,} x {ds.height:,} {ds.dtypes[0].capitalize()} raster"
    except Exception:
        what = "the generated raster"
    print(f"\nzonal stage, size {size}: sum and mean of {what} (work/raster/popgrid.tif) under every area, "
          f"median of {runs} runs\n")
    print(f"| {'':<16} | {'geoplan':>9} | {'exactextract':>12} | {'geoplan/exactextract':>20} |")
    print(f"|{'-' * 18}|{'-' * 11}|{'-' * 14}|{'-' * 22}|")
    print(f"| {'wall (s)':<16} | {g[0]:>9.2f} | {p[0]:>12.2f} | {g[0] / p[0]:>20.2f} |")
    print(f"| {'peak memory (MB)':<16} | {g[1]:>9.0f} | {p[1]:>12.0f} | {g[1] / p[1]:>20.2f} |")
    speedup = p[0] / g[0]
    mark = "met" if speedup >= ZONAL_TARGET else "NOT met"
    print(f"\nspeed-up: exactextract {p[0]:.2f} s / geoplan {g[0]:.2f} s = {speedup:.2f}x "
          f"(target at least {ZONAL_TARGET}x: {mark})")
    if j1:
        print(f"geoplan --jobs 1 (one thread, as exactextract runs): {j1[0]:.2f} s, {j1[1]:.0f} MB: "
              f"speed-up {p[0] / j1[0]:.2f}x")
    gsec = [json.load(open(os.path.join(res, f"zonal-geoplan.{i}.json")))["boundarySets"][0]["seconds"].get("popgrid")
            for i in range(1, runs + 1)]
    pst = stage_medians(res, "zonal-peer", runs)
    if all(x is not None for x in gsec) and pst:
        print(f"inside the processes: geoplan's zonal indicator {statistics.median(gsec):.3f} thread-s (summed over "
              f"its threads); exactextract: reading the areas {pst.get('read', 0):.3f} s, exact_extract "
              f"{pst.get('zonal', 0):.3f} s, writing the CSV {pst.get('write', 0):.3f} s")
    compared, without_data, worst, problems = compare_zonal(res)
    print(f"\nzonal agreement (geoplan vs exactextract), {compared} areas compared "
          f"({without_data} without data on both sides: null in geoplan, NaN mean in exactextract):")
    for stat in ("sum", "mean"):
        e, code = worst.get(stat, (0.0, "-"))
        print(f"  popgrid_{stat:<18} worst rel difference {e:.2e}" + (f" ({code})" if e else ""))
    if problems:
        print(f"\nZONAL DISAGREEMENT ({len(problems)}):")
        for x in problems[:20]:
            print("  " + x)
        return False
    print(f"  sum and mean agree within {ZONAL_REL:g} relative for every area")
    return True


if __name__ == "__main__":
    main()
