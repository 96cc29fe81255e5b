/*
 * check_periods.c - any index by id and by name (the registry), period
 * means and the comparison of two periods, on the hand-written fixture.
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
/* Periods                                                             */

START_TEST(test_periods)
{
    casia_period_comparison cmp;
    casia_result m;
    casia_options opt = CASIA_OPTIONS_INIT;
    /* import shares: CHN 2019 200/800, 2020 0.3, 2021 none (no total),
     * 2022 0.35, 2023 0.45; RUS 0.3, 0.2, -, 0.15, 0.1.
     * P1 = 2019-2021: CHN 0.275, RUS 0.25; P2 = 2022-2023: 0.4, 0.125 */
    ck_assert_status(casia_period_mean(&m, ds, CASIA_INDEX_IMPORT_SHARE, "KAZ",
                                       "CHN", 2019, 2021, NULL), CASIA_OK);
    ck_near(m.value, 0.275);
    ck_assert_uint_eq(m.count, 2);
    ck_assert(m.flags & CASIA_RESULT_WINDOW_PARTIAL);
    ck_assert(casia_result_has_year(&m, 2019) && casia_result_has_year(&m, 2020));
    ck_assert(!casia_result_has_year(&m, 2021));
    ck_assert_status(casia_compare_periods(&cmp, ds, CASIA_INDEX_IMPORT_SHARE,
                                           "KAZ", "CHN", "RUS", NULL), CASIA_OK);
    ck_assert_str_eq(cmp.partner[0], "CHN");
    ck_assert_str_eq(cmp.partner[1], "RUS");
    ck_assert_int_eq(cmp.period[0][0], 2019);
    ck_assert_int_eq(cmp.period[1][1], 2023);
    ck_assert_uint_eq(cmp.valid, CASIA_CMP_CHANGE_A | CASIA_CMP_CHANGE_B |
                                     CASIA_CMP_GAP_P1 | CASIA_CMP_GAP_P2);
    ck_near(cmp.mean[0][1].value, 0.4);
    ck_near(cmp.mean[1][1].value, 0.125);
    ck_near(cmp.change[0], 12.5);    /* (0.4 - 0.275) * 100 */
    ck_near(cmp.change[1], -12.5);   /* (0.125 - 0.25) * 100 */
    ck_near(cmp.gap[0], 2.5);
    ck_near(cmp.gap[1], 27.5);
    ck_assert_str_eq(cmp.change_unit, "pp");
    /* with 2021's partner sum (4 partners): CHN (0.25 + 0.3 + 0.4) / 3 */
    opt.min_partners = 4;
    ck_assert_status(casia_compare_periods(&cmp, ds, CASIA_INDEX_IMPORT_SHARE,
                                           "KAZ", "CHN", NULL, &opt), CASIA_OK);
    ck_near(cmp.mean[0][0].value, 0.95 / 3);
    ck_assert_uint_eq(cmp.valid, CASIA_CMP_CHANGE_A);
    ck_assert_int_eq(cmp.status[1][0], CASIA_ENOTFOUND);
    /* counts compare in their unit: KAZ in RUS-led organisations, 2 and 2 */
    ck_assert_status(casia_compare_periods(&cmp, ds, CASIA_INDEX_MEMBERSHIPS,
                                           "KAZ", "RUS", "CHN", NULL), CASIA_OK);
    ck_assert_str_eq(cmp.change_unit, "count");
    ck_assert_double_eq(cmp.change[0], 0);
    ck_assert_double_eq(cmp.gap[0], 1);
    /* no data in either period */
    ck_assert_status(casia_compare_periods(&cmp, ds, CASIA_INDEX_IMPORT_SHARE,
                                           "TJK", "CHN", "RUS", NULL),
                     CASIA_ENOTFOUND);
    ck_assert_status(casia_compare_periods(&cmp, ds, (casia_index_id)0, "KAZ",
                                           "CHN", "RUS", NULL), CASIA_EINVAL);
}
END_TEST

START_TEST(test_index_names)
{
    casia_index_id id;
    int i;
    for (i = 1; i <= CASIA_INDEX_COUNT; i++) {
        const char *name = casia_index_name((casia_index_id)i);
        ck_assert_ptr_nonnull(name);
        ck_assert_status(casia_index_parse(&id, name), CASIA_OK);
        ck_assert_int_eq(id, i);
    }
    ck_assert_ptr_null(casia_index_name((casia_index_id)0));
    ck_assert_status(casia_index_parse(&id, "nope"), CASIA_EINVAL);
    ck_assert_str_eq(casia_flow_name(CASIA_FLOW_TURNOVER), "turnover");
    ck_assert_ptr_null(casia_flow_name((casia_flow)0));
    /* flag names: each macro's suffix in lower case; one bit only */
    ck_assert_str_eq(casia_result_flag_name(CASIA_RESULT_TOTAL_WORLD), "total_world");
    ck_assert_str_eq(casia_result_flag_name(0x0008u), "mirror_transposed");
    ck_assert_str_eq(casia_result_flag_name(CASIA_RESULT_DISAGREE), "disagree");
    ck_assert_str_eq(casia_result_flag_name(0x0800u), "partial_dims");
    ck_assert_ptr_null(casia_result_flag_name(0));
    ck_assert_ptr_null(casia_result_flag_name(CASIA_RESULT_TOTAL_WORLD |
                                              CASIA_RESULT_MIRROR));
    ck_assert_str_eq(casia_result_flag_name(0x1000u), "published_turnover");
    ck_assert_str_eq(casia_result_flag_name(0x2000u), "published_share");
    ck_assert_str_eq(casia_result_flag_name(0x4000u), "pipeline");
    ck_assert_ptr_null(casia_result_flag_name(0x8000u));
    ck_assert_str_eq(casia_dimension_name(CASIA_DIM_UN_VOTES), "un_votes");
    ck_assert_ptr_null(casia_dimension_name((casia_dimension)CASIA_DIM_COUNT));
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("periods");
    TCase *tc;

    tc = tcase_create("periods");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_periods);
    tcase_add_test(tc, test_index_names);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return run_suite(suite());
}
