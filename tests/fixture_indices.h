/*
 * fixture_indices.h - the dataset of the running test of the index
 * programs (check_trade.c ... check_table.c), loaded by tests/fixture.c.
 */
#ifndef CASIA_FIXTURE_INDICES_H
#define CASIA_FIXTURE_INDICES_H

#include "fixture.h"

/* The fixture of the running test: tests/data/indices.json (setup),
 * indices_sums.json (setup_sums: totals summed over partners, sums out of
 * range), indices_years.json (setup_years: memberships and votes outside
 * the observation years); teardown frees it. */
extern casia_dataset *ds;
void setup(void);
void setup_sums(void);
void setup_years(void);
void teardown(void);

/* Whether r cites source id. */
int has_source(const casia_result *r, const char *id);

#define TOL 1e-12
#define ck_near(x, y) ck_assert_double_eq_tol((x), (y), TOL)

#endif /* CASIA_FIXTURE_INDICES_H */
