#!/usr/bin/env python3
# Prints the reference breaks recorded in Tests/GeoPlanTests/Map/Classification/ClassifierReferenceTests.swift,
# from mapclassify (FisherJenks: the exact one; Quantiles; EqualInterval) and jenkspy, for
# (a) mapclassify's bundled California employment-density example (58 counties, read offline from the package) and
# (b) values.csv beside this script (made by make_values.py; empty rows are nulls and left out).
#   python3 -m venv /tmp/mc && /tmp/mc/bin/pip install mapclassify jenkspy numba
#   /tmp/mc/bin/python Tests/Fixtures/classification/record.py
# numba only makes FisherJenks fast enough for 10,000 values; it does not change the breaks.
import csv, os, sys, time
import jenkspy, mapclassify, numpy

def show(label, values):
    print(f"{label}: [" + ", ".join(repr(float(v)) for v in values) + "]")

def record(name, y, ks):
    print(f"## {name}: n={len(y)}, distinct={len(numpy.unique(y))}, min={y.min()!r}, max={y.max()!r}")
    for k in ks:
        started = time.perf_counter()
        fj = mapclassify.FisherJenks(y, k=k)
        took = time.perf_counter() - started
        show(f"FisherJenks k={k} ({took:.2f} s) bins", fj.bins)
        show(f"FisherJenks k={k} counts", fj.counts)
        show(f"jenkspy k={k} breaks (lower bound first)", jenkspy.jenks_breaks(y.tolist(), n_classes=k))
        q = mapclassify.Quantiles(y, k=k)
        show(f"Quantiles k={k} bins", q.bins)
        show(f"Quantiles k={k} counts", q.counts)
        e = mapclassify.EqualInterval(y, k=k)
        show(f"EqualInterval k={k} bins", e.bins)
        show(f"EqualInterval k={k} counts", e.counts)

print(f"# python {sys.version.split()[0]}, mapclassify {mapclassify.__version__}, jenkspy {jenkspy.__version__}, "
      f"numpy {numpy.__version__}")
record("California employment density (mapclassify.load_example())",
       numpy.asarray(mapclassify.load_example(), dtype="f8"), [5, 7])
here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "values.csv")) as file:
    rows = [row["value"] for row in csv.DictReader(file)]
record("values.csv", numpy.asarray([float(v) for v in rows if v != ""]), [5, 7])
