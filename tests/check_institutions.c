/*
 * check_institutions.c - memberships, institutional shares and UN vote
 * agreement on the hand-written fixture.
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
/* Institutions and votes                                              */

START_TEST(test_memberships)
{
    casia_result r;
    /* KAZ 2020: CSTO, EAEU (RUS), SCO (CHN), C5P1 (USA); CIS has no
     * leader */
    ck_assert_status(casia_memberships(&r, ds, "KAZ", "RUS", 2020, NULL), CASIA_OK);
    ck_assert_double_eq(r.value, 2);
    ck_assert_str_eq(r.unit, "count");
    ck_assert(has_source(&r, "cls"));
    ck_assert_status(casia_institutional_share(&r, ds, "KAZ", "RUS", 2020, NULL),
                     CASIA_OK);
    ck_assert_double_eq(r.value, 0.5);
    ck_assert_double_eq(r.numerator, 2);
    ck_assert_double_eq(r.denominator, 4);
    ck_assert_status(casia_institutional_share(&r, ds, "KAZ", "CHN", 2020, NULL),
                     CASIA_OK);
    ck_assert_double_eq(r.value, 0.25);
    /* KAZ 2010: CSTO and SCO */
    ck_assert_status(casia_institutional_share(&r, ds, "KAZ", "RUS", 2010, NULL),
                     CASIA_OK);
    ck_assert_double_eq(r.value, 0.5);
    /* UZB left and rejoined the CSTO: 1995 in, 2003 out (SCO only), 2008
     * in again */
    ck_assert_status(casia_institutional_share(&r, ds, "UZB", "RUS", 1995, NULL),
                     CASIA_OK);
    ck_assert_double_eq(r.value, 1);
    ck_assert_status(casia_memberships(&r, ds, "UZB", "RUS", 2003, NULL), CASIA_OK);
    ck_assert_double_eq(r.value, 0);
    ck_assert_status(casia_institutional_share(&r, ds, "UZB", "RUS", 2003, NULL),
                     CASIA_OK);
    ck_assert_double_eq(r.value, 0);
    ck_assert_status(casia_institutional_share(&r, ds, "UZB", "RUS", 2008, NULL),
                     CASIA_OK);
    ck_assert_double_eq(r.value, 0.5);
    /* before any membership: a count of 0, a share of nothing */
    ck_assert_status(casia_memberships(&r, ds, "UZB", "RUS", 1990, NULL), CASIA_OK);
    ck_assert_double_eq(r.value, 0);
    ck_assert_status(casia_institutional_share(&r, ds, "UZB", "RUS", 1990, NULL),
                     CASIA_EDOMAIN);
    /* no membership known; a state leading nothing */
    ck_assert_status(casia_memberships(&r, ds, "TJK", "RUS", 2020, NULL),
                     CASIA_ENOTFOUND);
    ck_assert_status(casia_memberships(&r, ds, "KAZ", "DEU", 2020, NULL),
                     CASIA_ENOTFOUND);
}
END_TEST

START_TEST(test_un_agreement)
{
    casia_result r;
    static const char *const r3[] = {"R3"};
    static const char *const r34[] = {"R3", "R4"};
    /* KAZ: abstain, abstain, yes, absent; RUS no x4: 0.5, 0.5, 0, (left
     * out) = 1/3 over 3 resolutions, all of 2022 */
    ck_assert_status(casia_un_agreement(&r, ds, "KAZ", "RUS", NULL, 0, 0, NULL),
                     CASIA_OK);
    ck_near(r.value, 1.0 / 3.0);
    ck_assert_uint_eq(r.count, 3);
    ck_assert_uint_eq(r.year_count, 1);
    ck_assert(casia_result_has_year(&r, 2022));
    ck_assert(has_source(&r, "votes"));
    /* CHN abstains x4: 1, 1, 0.5 */
    ck_assert_status(casia_un_agreement(&r, ds, "KAZ", "CHN", NULL, 0, 0, NULL),
                     CASIA_OK);
    ck_near(r.value, 2.5 / 3.0);
    /* USA yes x4: 0.5, 0.5, 1 */
    ck_assert_status(casia_un_agreement(&r, ds, "KAZ", "USA", NULL, 0, 2022, NULL),
                     CASIA_OK);
    ck_near(r.value, 2.0 / 3.0);
    /* 2023: KAZ absent on R4 */
    ck_assert_status(casia_un_agreement(&r, ds, "KAZ", "RUS", NULL, 0, 2023, NULL),
                     CASIA_ENOTFOUND);
    /* a set of resolutions */
    ck_assert_status(casia_un_agreement(&r, ds, "KAZ", "RUS", r3, 1, 0, NULL),
                     CASIA_OK);
    ck_assert_double_eq(r.value, 0);
    ck_assert_status(casia_un_agreement(&r, ds, "KAZ", "CHN", r34, 2, 0, NULL),
                     CASIA_OK);
    ck_assert_double_eq(r.value, 0.5);
    ck_assert_uint_eq(r.count, 1);
    /* no votes; a country with itself; a count without a list */
    ck_assert_status(casia_un_agreement(&r, ds, "TKM", "RUS", NULL, 0, 0, NULL),
                     CASIA_ENOTFOUND);
    ck_assert_status(casia_un_agreement(&r, ds, "KAZ", "KZ", NULL, 0, 0, NULL),
                     CASIA_EINVAL);
    ck_assert_status(casia_un_agreement(&r, ds, "KAZ", "RUS", NULL, 2, 0, NULL),
                     CASIA_EINVAL);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("institutions");
    TCase *tc;

    tc = tcase_create("institutions");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_memberships);
    tcase_add_test(tc, test_un_agreement);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return run_suite(suite());
}
