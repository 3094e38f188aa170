#!/usr/bin/env python3
# Writes values.csv: 10,000 rows of a skewed, population-density-like property for the classification tests
# (Tests/GeoPlanTests/Map/Classification). Seeded, so the file is the same on every run; standard library only.
#   python3 Tests/Fixtures/classification/make_values.py > Tests/Fixtures/classification/values.csv
# Rows: 70 % log-normal "rural" densities, 25 % a denser "town" cluster, 5 % "city" outliers, rounded to
# 2 decimals (so some values tie), and every 200th row empty (a null the classifier must keep apart).
import random

rng = random.Random(20240607)
print("value")
for row in range(10_000):
    if row % 200 == 199:
        print("")
        continue
    draw = rng.random()
    if draw < 0.70:
        value = rng.lognormvariate(4.0, 0.8)
    elif draw < 0.95:
        value = rng.gauss(1500.0, 400.0)
    else:
        value = rng.uniform(5000.0, 25000.0)
    print(f"{max(value, 0.0):.2f}")
