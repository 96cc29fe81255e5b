#!/usr/bin/env python3
"""uzbekistan_imports.py - China vs Russia in Uzbekistan's imports,
2019-2023, with pandas when it is installed (the C version is
uzbekistan-imports.c)."""
import casia

ds = casia.Dataset.default()
rows = []
for year in range(2019, 2024):
    for partner in ("China", "Russia"):
        try:
            r = ds.trade_share("Uzbekistan", partner, year, flow="import")
        except casia.NotFoundError:
            continue
        rows.append((year, partner, r.value, r.numerator / 1e9, r.basis))
try:
    import pandas
except ImportError:
    for row in rows:
        print("%d %-6s %5.1f%% %6.2f bn  %s" % (row[0], row[1], 100 * row[2], row[3], row[4]))
else:
    df = pandas.DataFrame(rows, columns=["year", "partner", "share", "usd_bn", "basis"])
    print(df.pivot(index="year", columns="partner", values="share").round(3))
