#!/usr/bin/env python3
"""remittances.py - how dependent are Tajikistan and Kyrgyzstan on
remittances, and on Russia for them?

The source analysis: remittance payments "comprising over 30% of the
Tajik economy". Prints remittances as a share of GDP each year, saying
whether the figure is computed from US dollars or published, and where
the sources disagree; then the share sent from Russia where known.
"""
import casia

ds = casia.Dataset.default()
for country in ("Tajikistan", "Kyrgyzstan"):
    print(country)
    for year in range(2015, 2025):
        try:
            r = ds.remittance_gdp(country, year)
        except casia.NotFoundError:
            continue
        how = "published" if "reported" in r.flags else "computed"
        note = " (the other figure: %.1f%%)" % r.other if "disagree" in r.flags else ""
        print("  %d  %5.1f%% of GDP, %s%s" % (year, r.value, how, note))
    for year in range(2015, 2025):
        try:
            s = ds.remittance_share(country, "Russia", year)
        except casia.NotFoundError:
            continue
        print("  %d  %.1f%% of it from Russia (%s)" % (year, 100 * s.value,
                                                   ", ".join(s.sources)))
