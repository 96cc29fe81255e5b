#!/usr/bin/env python3
"""data_notes.py - every figure of the topic files (data/ca5/obs_*.csv, the
rows added after the first five files) equals the number its note quotes.

Each note quotes the sentence or table cell a figure comes from, with the
number as the source writes it and its unit word. This reads the numbers
of the note ("$11.26 billion", "1,234.5 million", "35%", "31.2 bcm",
"13136.6") and requires one of them, times its unit word, to equal the
row's value exactly (decimal arithmetic, no rounding). A year written in
the note ("in 2023") is not a candidate for a value that is not a year.

Usage: data_notes.py DIR [--sample N --seed S]
With --sample, N rows drawn with a fixed seed are checked and printed (the
check every run of `make check` makes on all rows, shown row by row).
Exit status 0 when every checked row matches, 1 otherwise.
"""
import csv
import glob
import os
import random
import re
import sys
from decimal import Decimal

MULT = {
    "trillion": Decimal(10) ** 12,
    "billion": Decimal(10) ** 9, "bln": Decimal(10) ** 9,
    "bn": Decimal(10) ** 9,
    "million": Decimal(10) ** 6, "mln": Decimal(10) ** 6,
    "mn": Decimal(10) ** 6,
    "thousand": Decimal(10) ** 3,
}
NUMBER = re.compile(
    r"(?<![\w.])(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*"
    r"(trillion|billion|bln|bn|million|mln|mn|thousand|bcm|%)?(?![\w])",
    re.I)


def candidates(note, value):
    for m in NUMBER.finditer(note):
        text, unit = m.group(1), (m.group(2) or "").lower()
        number = Decimal(text.replace(",", ""))
        if not unit and re.fullmatch(r"(19|20)\d\d", text) and number != value:
            continue   # a year
        yield text + (" " + unit if unit else ""), number * MULT.get(unit, 1)


def check(row):
    value = Decimal(row["value"])
    for text, number in candidates(row["note"], value):
        if number == value:
            return text
    return None


def main(argv):
    if not argv:
        print(__doc__)
        return 2
    directory = argv[0]
    sample, seed = None, 20261202
    if "--sample" in argv:
        sample = int(argv[argv.index("--sample") + 1])
    if "--seed" in argv:
        seed = int(argv[argv.index("--seed") + 1])
    rows = []
    for path in sorted(glob.glob(os.path.join(directory, "obs_*.csv"))):
        with open(path, encoding="utf-8", newline="") as f:
            for line, row in enumerate(csv.DictReader(f), start=2):
                rows.append(("%s:%d" % (os.path.basename(path), line), row))
    if not rows:
        print("SKIP: no topic files (obs_*.csv) in %s" % directory)
        return 77
    if sample:
        rows = random.Random(seed).sample(rows, min(sample, len(rows)))
    bad = 0
    for where, row in rows:
        found = check(row)
        if found is None:
            bad += 1
            print("FAIL: %s: %s %s-%s %s = %s, but the note quotes no such "
                  "number: %s" % (where, row["indicator"], row["reporter"],
                                  row["partner"], row["year"], row["value"],
                                  row["note"]))
        elif sample:
            print("ok: %s: %s %s-%s %s = %s, quoted as \"%s\"" % (
                where, row["indicator"], row["reporter"], row["partner"],
                row["year"], row["value"], found))
    print("%d of %d rows equal the number their note quotes"
          % (len(rows) - bad, len(rows)))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
