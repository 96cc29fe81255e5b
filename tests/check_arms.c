/*
 * check_arms.c - the arms index on the hand-written fixture: shares over
 * a window, a window with missing years, suppliers.
 *
 * The fixture tests/data/indices.json (and its siblings) is loaded by
 * tests/fixture.c; every expected value is worked out by hand from its
 * figures, the arithmetic in the comments.
 */
#include "fixture_indices.h"

#include <locale.h>
#include <math.h>
#include <stdlib.h>

/* ------------------------------------------------------------------ */
/* Arms                                                                */

START_TEST(test_arms_share)
{
    casia_result r;
    casia_options opt = CASIA_OPTIONS_INIT;
    /* sipri_old covers 2010-2014, sipri_new 2011-2016 (their first and
     * last rows). [2012, 2016]: new covers 5 years, old 3 -> new:
     * RUS 22, CHN 28 + 50, TUR 40 + 10 = 150; CHN 78 / 150 */
    ck_assert_status(casia_arms_share(&r, ds, "TKM", "CHN", 2012, 2016, NULL),
                     CASIA_OK);
    ck_near(r.value, 78.0 / 150.0);
    ck_assert_double_eq(r.numerator, 78);
    ck_assert_double_eq(r.denominator, 150);
    ck_assert_uint_eq(r.source_count, 1);
    ck_assert_str_eq(r.sources[0], "sipri_new");
    ck_assert_uint_eq(r.year_count, 5);
    ck_assert(r.flags & CASIA_RESULT_SOURCE_CHOSEN);   /* old covered some */
    ck_assert(r.flags & CASIA_RESULT_TOTAL_PARTNERS);
    ck_assert(!(r.flags & CASIA_RESULT_WINDOW_PARTIAL));
    ck_assert_int_eq(r.basis, CASIA_BASIS_OTHER);
    /* SIPRI's 5-year period ending in 2016 is the same window */
    ck_assert_status(casia_arms_share_5y(&r, ds, "TKM", "CHN", 2016, NULL),
                     CASIA_OK);
    ck_near(r.value, 78.0 / 150.0);
    /* [2010, 2014]: old covers 5, new 4 -> old: 10 + 20 + 30 + 40 = 100 */
    ck_assert_status(casia_arms_share(&r, ds, "TKM", "CHN", 2010, 2014, NULL),
                     CASIA_OK);
    ck_assert_double_eq(r.value, 0.3);
    ck_assert_str_eq(r.sources[0], "sipri_old");
    /* ... with the world rows: 10 + 20 + 30 + 41 = 101 */
    opt.total = CASIA_TOTAL_WORLD;
    ck_assert_status(casia_arms_share(&r, ds, "TKM", "CHN", 2010, 2014, &opt),
                     CASIA_OK);
    ck_assert_double_eq(r.value, 30.0 / 101.0);
    ck_assert(r.flags & CASIA_RESULT_TOTAL_WORLD);
    /* new has no world rows */
    ck_assert_status(casia_arms_share(&r, ds, "TKM", "CHN", 2012, 2016, &opt),
                     CASIA_ENOTFOUND);
    /* the old vintage pinned */
    casia_options_init(&opt);
    opt.source = "sipri_old";
    ck_assert_status(casia_arms_share(&r, ds, "TKM", "CHN", 2012, 2016, &opt),
                     CASIA_OK);
    ck_assert_double_eq(r.value, 30.0 / 90.0);   /* 20 + 30 + 40 */
    ck_assert(r.flags & CASIA_RESULT_WINDOW_PARTIAL);
}
END_TEST

START_TEST(test_arms_partial_and_missing)
{
    casia_result r;
    /* [2008, 2012]: old covers 2010-2012 (3), new 2011-2012 (2) -> old;
     * RUS 10 + 20 = 30, all of it; CHN is a known supplier: 0 */
    ck_assert_status(casia_arms_share(&r, ds, "TKM", "RUS", 2008, 2012, NULL),
                     CASIA_OK);
    ck_assert_double_eq(r.value, 1);
    ck_assert(r.flags & CASIA_RESULT_WINDOW_PARTIAL);
    ck_assert_uint_eq(r.year_count, 3);
    ck_assert(!casia_result_has_year(&r, 2009));
    ck_assert(casia_result_has_year(&r, 2010));
    ck_assert(casia_result_has_year(&r, 2012));
    ck_assert_int_eq(r.year_from, 2008);
    ck_assert_status(casia_arms_share(&r, ds, "TKM", "CHN", 2008, 2012, NULL),
                     CASIA_OK);
    ck_assert_double_eq(r.value, 0);
    /* a supplier never listed, an aggregate, no coverage, no deliveries */
    ck_assert_status(casia_arms_share(&r, ds, "TKM", "USA", 2012, 2016, NULL),
                     CASIA_ENOTFOUND);
    ck_assert_status(casia_arms_share(&r, ds, "TKM", "WLD", 2010, 2014, NULL),
                     CASIA_ENOTFOUND);
    ck_assert_status(casia_arms_share(&r, ds, "TKM", "CHN", 2000, 2005, NULL),
                     CASIA_ENOTFOUND);
    /* 2011: both cover it; new (later) has no TKM row that year */
    ck_assert_status(casia_arms_share(&r, ds, "TKM", "CHN", 2011, 2011, NULL),
                     CASIA_EDOMAIN);
    ck_assert_status(casia_arms_share(&r, ds, "TKM", "CHN", 2016, 2012, NULL),
                     CASIA_EINVAL);
}
END_TEST

START_TEST(test_arms_suppliers)
{
    casia_rank_entry e[4];
    casia_result total;
    size_t n;
    ck_assert_status(casia_arms_suppliers(e, 4, &n, &total, ds, "TKM", 2012,
                                          2016, NULL), CASIA_OK);
    ck_assert_uint_eq(n, 3);
    ck_assert_str_eq(e[0].partner, "CHN");
    ck_assert_double_eq(e[0].value, 78);
    ck_assert_str_eq(e[1].partner, "TUR");
    ck_assert_double_eq(e[1].value, 50);
    ck_assert_str_eq(e[2].partner, "RUS");
    ck_near(e[2].share, 22.0 / 150.0);
    ck_assert_str_eq(e[2].source, "sipri_new");
    ck_assert_double_eq(total.value, 150);
    ck_assert_str_eq(total.unit, "TIV_million");
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("arms");
    TCase *tc;

    tc = tcase_create("arms");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_arms_share);
    tcase_add_test(tc, test_arms_partial_and_missing);
    tcase_add_test(tc, test_arms_suppliers);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return run_suite(suite());
}
