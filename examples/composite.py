#!/usr/bin/env python3
"""composite.py - the composite verdict per country, and how much it
depends on the weights.

For each state, in the latest year in which both composites include
trade: the composite dependence on China and on Russia (equal weights over
the dimensions with data), the dimensions used, and the share of 10 000
Dirichlet weightings in which China's composite exceeds Russia's.
"""
import casia

ds = casia.Dataset.default()
print("%-13s %4s  %6s  %6s  %-9s  %s" % ("country", "year", "China", "Russia",
                                          "P(CN>RU)", "dimensions"))
for code in ("KAZ", "KGZ", "TJK", "TKM", "UZB"):
    for year in range(2025, 2014, -1):
        try:
            cn = ds.composite(code, "CHN", year)
            ru = ds.composite(code, "RUS", year)
            p = ds.sensitivity(code, year)
        except casia.NotFoundError:
            continue
        if cn.dimensions["trade"][2] != "OK" or ru.dimensions["trade"][2] != "OK":
            continue
        used = sorted(d for d, (v, w, st) in ru.dimensions.items() if st == "OK")
        print("%-13s %4d  %6.3f  %6.3f  %8.1f%%  %s" % (
            casia.country(code).name, year, cn.result.value, ru.result.value,
            100 * p.value, ", ".join(used)))
        break
