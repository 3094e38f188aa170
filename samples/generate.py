#!/usr/bin/env python3
"""Writes the small sample inputs in this folder. Deterministic: run it again and nothing changes.

    python3 samples/generate.py

- defects.geojson: polygons near Bangkok with the classic geometry defects (for `geoplan validate`).
- indian1975-points.csv: a few Bangkok landmarks in Indian 1975 lon/lat, EPSG:4240 (for datum changes).
"""
import json
import pathlib

HERE = pathlib.Path(__file__).resolve().parent


def square(x, y, size=0.01):
    return [[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]


def defects():
    features = [
        ("OK", "valid square", {"type": "Polygon", "coordinates": [square(100.50, 13.70)]}),
        ("BOWTIE", "ring crosses itself", {"type": "Polygon", "coordinates": [
            [[100.52, 13.70], [100.53, 13.71], [100.53, 13.70], [100.52, 13.71], [100.52, 13.70]]]}),
        ("TOUCH", "ring touches itself", {"type": "Polygon", "coordinates": [
            [[100.54, 13.70], [100.55, 13.70], [100.56, 13.70], [100.56, 13.72], [100.55, 13.70],
             [100.54, 13.72], [100.54, 13.70]]]}),
        ("OPEN", "ring not closed", {"type": "Polygon", "coordinates": [square(100.57, 13.70)[:-1]]}),
        ("HOLE", "square with a hole", {"type": "Polygon", "coordinates": [
            square(100.60, 13.70), list(reversed(square(100.6025, 13.7025, 0.005)))]}),
        ("EMPTY", "empty geometry", {"type": "MultiPolygon", "coordinates": []}),
        ("NONE", "no geometry", None),
    ]
    collection = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"code": code, "what": what}, "geometry": geometry}
        for code, what, geometry in features]}
    (HERE / "defects.geojson").write_text(json.dumps(collection, indent=1, ensure_ascii=False) + "\n")


def indian1975():
    rows = [("Democracy Monument", 100.5018, 13.7567), ("Grand Palace", 100.4913, 13.7500),
            ("Chatuchak Park", 100.5535, 13.8036)]
    lines = ["WKT,name"] + [f'"POINT ({lon} {lat})",{name}' for name, lon, lat in rows]
    (HERE / "indian1975-points.csv").write_text("\n".join(lines) + "\n")


if __name__ == "__main__":
    defects()
    indian1975()
