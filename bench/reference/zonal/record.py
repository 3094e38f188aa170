"""Records exactextract's zonal statistics over Phuket's tambons, the reference for geoplan's agreement test.

    bench/.venv/bin/python bench/reference/zonal/record.py

Writes phuket-exactextract.csv next to this file. The raster is rebuilt from integer arithmetic only, so
Tests/GeoPlanTests/Zonal/ExactextractAgreementTests.swift writes the very same pixels (no libm in the values):

    grid: 270 columns x 760 rows of 0.0009 degrees from (98.25, 8.16), EPSG:4326, Float32
    value(c, r) = ((c * 7919 + r * 104729) % 1009) / 8          (exact in Float32)
    nodata -9999 where (c * 31 + r * 17) % 97 == 0

The grid stops short of Phuket's northern tip (8.2003 N) and east edge, so some tambons are partly outside it.
"""
import os
import sys

import numpy as np
import rasterio
from rasterio.transform import from_origin
import geopandas as gpd
from exactextract import exact_extract

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(HERE)))
COLUMNS, ROWS, SIZE, WEST, NORTH = 270, 760, 0.0009, 98.25, 8.16


def pixels():
    c = np.arange(COLUMNS, dtype=np.int64)[None, :]
    r = np.arange(ROWS, dtype=np.int64)[:, None]
    values = ((c * 7919 + r * 104729) % 1009).astype(np.float32) / np.float32(8)
    values[(c * 31 + r * 17) % 97 == 0] = -9999
    return values


def main():
    tif = os.path.join(HERE, "phuket-test.tif")
    with rasterio.open(tif, "w", driver="GTiff", width=COLUMNS, height=ROWS, count=1, dtype="float32",
                       crs="EPSG:4326", transform=from_origin(WEST, NORTH, SIZE, SIZE), nodata=-9999) as out:
        out.write(pixels(), 1)
    tambons = gpd.read_file(os.path.join(ROOT, "shapes/tambons/phuket/phuket.shp"))
    ops = ["count", "sum", "mean", "min", "max", "stdev", "median", "majority", "variety"]
    table = exact_extract(tif, tambons, ops, include_cols=["ADM3_PCODE"], output="pandas")
    table.sort_values("ADM3_PCODE").to_csv(os.path.join(HERE, "phuket-exactextract.csv"), index=False,
                                            float_format="%.17g")
    os.remove(tif)
    import exactextract, shapely, pyproj
    print("exactextract", exactextract.__version__, "rasterio", rasterio.__version__, "GDAL",
          rasterio.__gdal_version__, "geopandas", gpd.__version__, file=sys.stderr)


if __name__ == "__main__":
    main()
