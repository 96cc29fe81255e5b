#!/usr/bin/env python3
"""Compares casia-bench's output with bench/reference.py's.

    compare.py CASIA.csv REFERENCE.csv

The same (reporter, year) pairs in the same order, the same top partner,
and turnover, hhi and top_share within a relative 1e-12 (casia-bench sums
the doubles the file's decimals round to, exactly; the reference sums the
decimals themselves, exactly: the two differ by about 1e-16). Exit 0 when
they agree, 1 otherwise.
"""
import csv
import sys


def close(a, b):
    if a == "" or b == "":
        return a == b
    x, y = float(a), float(b)
    return abs(x - y) <= 1e-12 * max(abs(x), abs(y), 1e-300)


def main(ours, ref):
    with open(ours, newline="") as f:
        a = list(csv.reader(f))
    with open(ref, newline="") as f:
        b = list(csv.reader(f))
    if a[0] != b[0]:
        print("headers differ: %s vs %s" % (a[0], b[0]))
        return 1
    if len(a) != len(b):
        print("%d rows vs %d" % (len(a) - 1, len(b) - 1))
        return 1
    worst = 0.0
    for i, (x, y) in enumerate(zip(a[1:], b[1:]), start=2):
        if x[0] != y[0] or x[1] != y[1] or x[4] != y[4]:
            print("line %d: %s vs %s" % (i, x, y))
            return 1
        for k in (2, 3, 5):
            if not close(x[k], y[k]):
                print("line %d, %s: %s vs %s" % (i, a[0][k], x[k], y[k]))
                return 1
            if x[k] and float(y[k]):
                worst = max(worst, abs(float(x[k]) - float(y[k])) / abs(float(y[k])))
    print("agree: %d (reporter, year) pairs, same top partners, largest "
          "relative difference %.1e" % (len(a) - 1, worst))
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.stderr.write("usage: compare.py CASIA.csv REFERENCE.csv\n")
        sys.exit(2)
    sys.exit(main(sys.argv[1], sys.argv[2]))
