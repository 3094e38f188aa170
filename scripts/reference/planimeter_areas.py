#!/usr/bin/env python3
# Reference geodesic areas for the tests, from GeographicLib's own Planimeter (Debian geographiclib-tools 2.1.2),
# independent of PROJ. Usage:
#   ogr2ogr -f GeoJSON /tmp/phuket.geojson shapes/tambons/phuket/phuket.shp -lco COORDINATE_PRECISION=15
#   python3 scripts/reference/planimeter_areas.py /tmp/phuket.geojson
# Prints code, type, parts, holes, area (m², |exterior| − Σ|holes|) and perimeter (m, holes included) per feature.
import json, subprocess, sys
def ring_area(ring):
    inp = "\n".join(f"{lat:.15f} {lon:.15f}" for lon, lat in ring[:-1])
    out = subprocess.run(["Planimeter", "-p", "12"], input=inp, capture_output=True, text=True).stdout.split()
    return abs(float(out[2])), float(out[1])
fc = json.load(open(sys.argv[1]))
total = 0.0
for f in fc["features"]:
    g = f["geometry"]
    polys = [g["coordinates"]] if g["type"] == "Polygon" else g["coordinates"]
    area = 0.0; perim = 0.0; nh = 0
    for poly in polys:
        a, p = ring_area(poly[0]); area += a; perim += p
        for hole in poly[1:]:
            a, p = ring_area(hole); area -= a; perim += p; nh += 1
    total += area
    print(f["properties"]["ADM3_PCODE"], g["type"], len(polys), nh, f"{area:.6f}", f"{perim:.9f}")
print("TOTAL", f"{total:.3f}")
