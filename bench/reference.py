#!/usr/bin/env python3
"""Independent reference for `casia-bench comtrade FILE`.

Reads a UN Comtrade Plus CSV with nothing but the csv module and exact
rational arithmetic, and prints

    reporter,year,turnover,hhi,top_partner,top_share

sorted by reporter then year, where for each (reporter, year), over rows
with flowCode M or X and cmdCode TOTAL, the World row (partnerISO W00)
left out and monthly rows summed:
    turnover    = sum of primaryValue over partners
    share       = a partner's sum / turnover
    hhi         = sum of share^2
    top_partner = the partner with the largest sum (ties: the smaller code)

Values are summed as exact fractions of their decimal text, so the figures
are the exact answer rounded once; casia-bench sums the doubles the text
rounds to, so the two agree to about 1e-15 relative, not bit for bit.
bench/compare.py checks that.
"""
import csv
import sys
from fractions import Fraction


def main(path):
    sums = {}   # (reporter, year) -> {partner: Fraction}
    with open(path, newline="", encoding="utf-8", errors="replace") as f:
        rows = csv.reader(f)
        header = next(rows)
        col = {name: i for i, name in enumerate(header)}
        rep, year, flow = col["reporterISO"], col["refYear"], col["flowCode"]
        par, cmd, val = col["partnerISO"], col["cmdCode"], col["primaryValue"]
        for r in rows:
            if not r:
                continue
            if r[flow] not in ("M", "X") or r[cmd] != "TOTAL":
                continue
            p = r[par].strip()
            if p == "W00":
                continue
            key = (r[rep].strip(), int(r[year]))
            g = sums.setdefault(key, {})
            g[p] = g.get(p, Fraction(0)) + Fraction(r[val])
    out = sys.stdout
    out.write("reporter,year,turnover,hhi,top_partner,top_share\n")
    for (reporter, year) in sorted(sums):
        g = sums[(reporter, year)]
        total = sum(g.values(), Fraction(0))
        if total == 0:
            out.write("%s,%d,0,,,\n" % (reporter, year))
            continue
        hhi = sum(((v / total) ** 2 for v in g.values()), Fraction(0))
        top = min(g, key=lambda p: (-g[p], p))
        out.write("%s,%d,%r,%r,%s,%r\n" % (reporter, year, float(total),
                                          float(hhi), top,
                                          float(g[top] / total)))


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.stderr.write("usage: reference.py COMTRADE_PLUS.csv\n")
        sys.exit(2)
    main(sys.argv[1])
