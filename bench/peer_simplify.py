#!/usr/bin/env python3
"""The peer of `geoplan simplify`: topology-kept simplification the way PostGIS and shapely users do it.

    python bench/peer_simplify.py AREAS.gpkg OUT.geojson [--metres 30 | --degrees D] [--stages STAGES.json]

Reads the polygons with geopandas (pyogrio), simplifies them as one coverage with shapely.coverage_simplify (GEOS's
CoverageSimplifier, the anchor PostGIS's ST_CoverageSimplify uses: Visvalingam–Whyatt on the shared edges, the
outer boundary included), then writes RFC 7946 GeoJSON with 6 decimals through pyogrio (GDAL's driver), as geoplan
does. The tolerance is in the data's units (degrees for EPSG:4326) and, as geoplan's, is the square root of the
Visvalingam area: --metres converts it at the data's middle latitude (one degree² there is m_lat × m_lon square
metres), --degrees gives it as is.
"""
import argparse
import math

import geopandas as gpd
import shapely
from pyogrio import write_dataframe
from stage_clock import StageClock


def degrees_for(metres, latitude):
    """The degree tolerance whose square, as an area at this latitude, is metres² (WGS 84 degree lengths)."""
    phi = math.radians(latitude)
    m_lat = 111132.92 - 559.82 * math.cos(2 * phi) + 1.175 * math.cos(4 * phi)
    m_lon = 111412.84 * math.cos(phi) - 93.5 * math.cos(3 * phi)
    return metres / math.sqrt(m_lat * m_lon)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("areas")
    ap.add_argument("out")
    ap.add_argument("--metres", type=float, default=30.0)
    ap.add_argument("--degrees", type=float, help="the tolerance in degrees (overrides --metres)")
    ap.add_argument("--stages", help="write per-stage wall times (s) and the tolerance as JSON here")
    args = ap.parse_args()
    clock = StageClock()

    areas = gpd.read_file(args.areas, engine="pyogrio")
    clock.lap("read")
    if args.degrees is not None:
        tolerance = args.degrees
    else:
        south, north = areas.total_bounds[1], areas.total_bounds[3]
        tolerance = degrees_for(args.metres, (south + north) / 2)
    areas["geometry"] = shapely.coverage_simplify(areas.geometry.values, tolerance)
    clock.lap("simplify")
    write_dataframe(areas, args.out, driver="GeoJSON", layer_options={"RFC7946": "YES", "COORDINATE_PRECISION": 6})
    clock.lap("write")
    clock.save(args.stages, tolerance_degrees=tolerance)


if __name__ == "__main__":
    main()
