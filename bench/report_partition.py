#!/usr/bin/env python3
"""Prints the partition benchmark's table: medians of wall time and peak memory, the ratio, and how far
geoplan's crosswalk is from the peer's.

    python bench/report_partition.py RESULTS_DIR SIZE RUNS

RESULTS_DIR holds geoplan.<run>.{time,json}, peer.<run>.{time,json}, units-crosswalk.csv and peer.csv (written
by bench/partition.sh). Each .time file is "<wall seconds> <peak RSS KiB>".

Agreement is reported, not enforced: geoplan snaps municipal borders within 5 m of a tambon border onto it and
merges pieces thinner than 5 m or under 100 m^2 into a neighbour, which the plain overlay does not, so the two
crosswalks differ by those slivers. The report gives the pieces both have, those only one has, and the largest
difference of a tambon's share between them.
"""
import csv
import json
import statistics
import sys


def times(res, name, runs):
    rows = [open(f"{res}/{name}.{i}.time").read().split() for i in range(1, runs + 1)]
    return [float(r[0]) for r in rows], [int(r[1]) / 1024 for r in rows]


def crosswalk(path):
    with open(path, newline="") as f:
        return {(r["tambon_code"], r["lg_code"]): r for r in csv.DictReader(f)}


def main():
    res, size, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
    g_wall, g_mem = times(res, "geoplan", runs)
    p_wall, p_mem = times(res, "peer", runs)
    gw, pw = statistics.median(g_wall), statistics.median(p_wall)
    gm, pm = statistics.median(g_mem), statistics.median(p_mem)
    report = json.load(open(f"{res}/geoplan.1.json"))["report"]
    peer_stages = json.load(open(f"{res}/peer.1.json"))

    print(f"\n## partition, {size}: {report['tambons']:,} tambons, {report['municipalities']:,} municipalities "
          f"({runs} runs, medians)\n")
    print("|                  |   geoplan |      peer | geoplan/peer |")
    print("|------------------|-----------|-----------|--------------|")
    print(f"| wall (s)         | {gw:9.2f} | {pw:9.2f} | {gw / pw:12.2f} |")
    print(f"| peak memory (MB) | {gm:9.0f} | {pm:9.0f} | {gm / pm:12.2f} |")
    print(f"\nall runs (s): geoplan {', '.join(f'{w:.2f}' for w in g_wall)}; "
          f"peer {', '.join(f'{w:.2f}' for w in p_wall)}")
    print("peer stages (run 1, s): " + ", ".join(f"{k} {v:.2f}" for k, v in peer_stages.items()))
    guarantees = report["guarantees"]
    print(f"geoplan: {report['units']:,} units, {len(report['snappedMunicipalities']):,} municipalities snapped, "
          f"{len(report['smallPieces']):,} small pieces, {len(report['outsideParts'])} outside parts; largest overlap "
          f"{guarantees['largestOverlapSquareMetres']:.3g} m², coverage difference "
          f"{guarantees['coverageDifferenceSquareMetres']:.3g} m², {guarantees['invalidUnits']} invalid")

    ours, theirs = crosswalk(f"{res}/units-crosswalk.csv"), crosswalk(f"{res}/peer.csv")
    both = ours.keys() & theirs.keys()
    worst_key, worst = None, 0.0
    for key in both:
        difference = abs(float(ours[key]["share_of_tambon"]) - float(theirs[key]["share_of_tambon"]))
        if difference > worst:
            worst_key, worst = key, difference
    only_ours, only_theirs = ours.keys() - theirs.keys(), theirs.keys() - ours.keys()
    largest_missing = max((float(theirs[k]["share_of_tambon"]) for k in only_theirs), default=0.0)
    print(f"agreement: {len(both):,} pieces in both crosswalks, {len(only_ours)} only in geoplan's, "
          f"{len(only_theirs)} only in the peer's (largest {largest_missing:.2e} of its tambon: slivers geoplan "
          f"merged); largest share difference {worst:.2e}" + (f" ({worst_key[0]}/{worst_key[1]})" if worst_key else ""))
    print(f"\ngeoplan {gw:.2f} s / peer {pw:.2f} s = {gw / pw:.2f} (geoplan is {pw / gw:.1f}x the peer's speed)")


if __name__ == "__main__":
    main()
