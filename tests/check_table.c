/*
 * check_table.c - the bulk tables on the hand-written fixtures: every row
 * equal to its per-call value, composites complete, the years of rows not
 * tied to an observation, CSV under any locale.
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
/* Bulk tables                                                         */

static void table_composites_complete(const casia_options *opt);

static void table_matches_calls(const casia_options *opt)
{
    casia_table *t;
    size_t i, n;
    ck_assert_status(casia_table_build(&t, ds, opt), CASIA_OK);
    n = casia_table_row_count(t);
    ck_assert_uint_gt(n, 0);
    for (i = 0; i < n; i++) {
        casia_table_row w;
        casia_result r;
        ck_assert_status(casia_table_get_row(&w, t, i), CASIA_OK);
        ck_assert_msg(casia_index(&r, ds, w.index, w.reporter, w.partner, w.year,
                                  opt) == CASIA_OK,
                      "row %lu (%s %s %d %s) has no per-call value",
                      (unsigned long)i, w.reporter, w.partner, w.year,
                      casia_index_name(w.index));
        ck_assert_msg(r.value == w.value && r.basis == w.basis &&
                          r.flags == w.flags && strcmp(r.unit, w.unit) == 0,
                      "row %lu (%s %s %d %s): table %.17g, call %.17g",
                      (unsigned long)i, w.reporter, w.partner, w.year,
                      casia_index_name(w.index), w.value, r.value);
    }
    casia_table_free(t);
}

START_TEST(test_table_equals_calls)
{
    casia_options opt = CASIA_OPTIONS_INIT;
    table_matches_calls(NULL);
    table_composites_complete(NULL);
    opt.min_partners = 2;
    table_matches_calls(&opt);
    casia_options_init(&opt);
    opt.mirror = CASIA_MIRROR_FORCE;
    opt.min_partners = 2;
    table_matches_calls(&opt);
    casia_options_init(&opt);
    opt.source = "src_a";
    table_matches_calls(&opt);
}
END_TEST

static int find_row(casia_table_row *out, const casia_table *t, const char *rep,
                    const char *par, int year, casia_index_id index)
{
    size_t i;
    for (i = 0; i < casia_table_row_count(t); i++) {
        casia_table_get_row(out, t, i);
        if (strcmp(out->reporter, rep) == 0 && strcmp(out->partner, par) == 0 &&
            out->year == year && out->index == index)
            return 1;
    }
    return 0;
}

static int dim_index(int d)
{
    static const casia_index_id ids[CASIA_DIM_COUNT] = {
        CASIA_INDEX_TURNOVER_SHARE, CASIA_INDEX_ARMS_SHARE,
        CASIA_INDEX_REMITTANCE_SHARE, CASIA_INDEX_ENERGY_SHARE,
        CASIA_INDEX_INSTITUTIONAL_SHARE, CASIA_INDEX_UN_AGREEMENT
    };
    return ids[d];
}

/*
 * Every composite row is casia_composite()'s, and the table holds each
 * dimension that casia_composite() used, with the same value; a
 * (reporter, partner, year) with dimension rows but no composite row has
 * no composite.
 */
static void table_composites_complete(const casia_options *opt)
{
    casia_table *t;
    size_t i, n;
    ck_assert_status(casia_table_build(&t, ds, opt), CASIA_OK);
    n = casia_table_row_count(t);
    for (i = 0; i < n; i++) {
        casia_table_row w, x;
        casia_composite_result cr;
        int d, rc, has_composite;
        ck_assert_status(casia_table_get_row(&w, t, i), CASIA_OK);
        for (d = 0; d < CASIA_DIM_COUNT; d++)
            if ((int)w.index == dim_index(d))
                break;
        if (d == CASIA_DIM_COUNT && w.index != CASIA_INDEX_COMPOSITE)
            continue;
        has_composite = find_row(&x, t, w.reporter, w.partner, w.year,
                                 CASIA_INDEX_COMPOSITE);
        rc = casia_composite(&cr, ds, w.reporter, w.partner, w.year, opt);
        ck_assert_msg((rc == CASIA_OK) == has_composite,
                      "%s %s %d: composite status %d, table row %d", w.reporter,
                      w.partner, w.year, rc, has_composite);
        if (rc != CASIA_OK)
            continue;
        ck_assert_msg(x.value == cr.result.value,
                      "%s %s %d: table %.17g, casia_composite %.17g", w.reporter,
                      w.partner, w.year, x.value, cr.result.value);
        for (d = 0; d < CASIA_DIM_COUNT; d++) {
            casia_table_row y;
            if (!(cr.result.dims & (1u << d)))
                continue;
            ck_assert_msg(find_row(&y, t, w.reporter, w.partner, w.year,
                                   (casia_index_id)dim_index(d)),
                          "%s %s %d: dimension %s used but not in the table",
                          w.reporter, w.partner, w.year,
                          casia_dimension_name((casia_dimension)d));
            ck_assert_double_eq(y.value, cr.dim_value[d]);
        }
    }
    casia_table_free(t);
}

/*
 * indices_years.json: trade observations in 2020 only (KAZ), arms
 * deliveries to UZB in 2020, memberships from 2016 (KAZ in the CSTO, led
 * by Russia, from 2016 and in the SCO, led by China, from 2023; UZB in
 * the SCO from 2018), UN votes in 2022 (R1: KAZ abstain, RUS no, UZB
 * abstain, CHN abstain) and 2024 (R2: KAZ yes, RUS no). The table's years
 * run from 2016 (the first membership) to 2024 (the last vote), and each
 * composite is the mean of the dimensions casia_composite() finds:
 *   KAZ-RUS 2022: institutions CSTO 1/1 = 1, votes abstain/no 0.5:
 *                 (1 + 0.5) / 2 = 0.75 (without the institutions row the
 *                 table had 0.5)
 *   KAZ-RUS 2024: institutions CSTO of CSTO+SCO 1/2, votes yes/no 0:
 *                 0.25
 *   KAZ-RUS 2020: turnover (400 + 100) / (1000 + 500) = 1/3, institutions
 *                 1: (1/3 + 1) / 2 = 2/3
 *   KAZ-RUS 2016: institutions only: 1
 *   UZB-RUS 2022: arms 2018-2022 (the source's years are 2020 only)
 *                 30 / (30 + 10) = 0.75, institutions 0/1 (SCO only) = 0,
 *                 votes abstain/no 0.5: (0.75 + 0 + 0.5) / 3 = 5/12
 *   UZB-CHN 2022: arms 10/40, institutions 1, votes 1: 2.25 / 3 = 0.75
 * TJK belongs from 2018 to an organisation it leads: its institutional
 * share of itself, 1/1, is a row, but no one depends on itself, so there
 * is no composite TJK-TJK (casia_composite() says CASIA_EINVAL).
 */
START_TEST(test_table_years)
{
    casia_options opt = CASIA_OPTIONS_INIT;
    casia_table *t;
    casia_table_row w;
    table_matches_calls(NULL);
    table_composites_complete(NULL);
    opt.arms_window = 3;
    table_matches_calls(&opt);
    table_composites_complete(&opt);
    casia_options_init(&opt);
    opt.source = "cls";
    table_matches_calls(&opt);
    table_composites_complete(&opt);
    ck_assert_status(casia_table_build(&t, ds, NULL), CASIA_OK);
    ck_assert(find_row(&w, t, "KAZ", "RUS", 2022, CASIA_INDEX_COMPOSITE));
    ck_near(w.value, 0.75);
    ck_assert(find_row(&w, t, "KAZ", "RUS", 2024, CASIA_INDEX_COMPOSITE));
    ck_near(w.value, 0.25);
    ck_assert(find_row(&w, t, "KAZ", "RUS", 2020, CASIA_INDEX_COMPOSITE));
    ck_near(w.value, 2.0 / 3.0);
    ck_assert(find_row(&w, t, "KAZ", "RUS", 2016, CASIA_INDEX_COMPOSITE));
    ck_near(w.value, 1);
    ck_assert(find_row(&w, t, "KAZ", "RUS", 2016,
                       CASIA_INDEX_INSTITUTIONAL_SHARE));
    ck_assert(!find_row(&w, t, "KAZ", "RUS", 2015,
                        CASIA_INDEX_INSTITUTIONAL_SHARE));
    ck_assert(find_row(&w, t, "UZB", "RUS", 2022, CASIA_INDEX_ARMS_SHARE));
    ck_near(w.value, 0.75);
    ck_assert(find_row(&w, t, "UZB", "RUS", 2022, CASIA_INDEX_COMPOSITE));
    ck_near(w.value, 5.0 / 12.0);
    ck_assert(find_row(&w, t, "UZB", "CHN", 2022, CASIA_INDEX_COMPOSITE));
    ck_near(w.value, 0.75);
    ck_assert(find_row(&w, t, "TJK", "TJK", 2020,
                       CASIA_INDEX_INSTITUTIONAL_SHARE));
    ck_assert_double_eq(w.value, 1);
    ck_assert(!find_row(&w, t, "TJK", "TJK", 2020, CASIA_INDEX_COMPOSITE));
    casia_table_free(t);
    {
        casia_composite_result cr;
        ck_assert_status(casia_composite(&cr, ds, "TJK", "TJ", 2020, NULL),
                         CASIA_EINVAL);
    }
}
END_TEST

/* indices_sums.json: the turnover rows of KAZ 2020 (nine partners, the
 * HHI with coverage 9/59, see test_turnover_partner_sum) and none for
 * UZB's out-of-range turnover (test_money_out_of_range). */
START_TEST(test_table_equals_calls_sums)
{
    casia_options opt = CASIA_OPTIONS_INIT;
    casia_table *t;
    casia_table_row w;
    table_matches_calls(NULL);
    opt.min_partners = 2;
    table_matches_calls(&opt);
    ck_assert_status(casia_table_build(&t, ds, NULL), CASIA_OK);
    ck_assert(find_row(&w, t, "KAZ", "WLD", 2020, CASIA_INDEX_TURNOVER_HHI));
    ck_near(w.value, 9.0 / 3481.0);
    ck_assert(find_row(&w, t, "KAZ", "AUT", 2020, CASIA_INDEX_TURNOVER_SHARE));
    ck_near(w.value, 1.0 / 59.0);
    ck_assert(!find_row(&w, t, "KAZ", "USA", 2020, CASIA_INDEX_TURNOVER_SHARE));
    ck_assert(find_row(&w, t, "KAZ", "USA", 2020, CASIA_INDEX_EXPORT_SHARE));
    ck_assert(!find_row(&w, t, "UZB", "CHN", 2020, CASIA_INDEX_TURNOVER_SHARE));
    ck_assert(!find_row(&w, t, "UZB", "WLD", 2020, CASIA_INDEX_TURNOVER_HHI));
    ck_assert(find_row(&w, t, "UZB", "CHN", 2020, CASIA_INDEX_EXPORT_SHARE));
    casia_table_free(t);
}
END_TEST

START_TEST(test_table_rows)
{
    casia_table *t;
    casia_table_row w;
    casia_options opt = CASIA_OPTIONS_INIT;
    char *csv;
    size_t size, i, n;
    ck_assert_status(casia_table_build(&t, ds, NULL), CASIA_OK);
    ck_assert(find_row(&w, t, "KAZ", "CHN", 2020, CASIA_INDEX_IMPORT_SHARE));
    ck_assert_double_eq(w.value, 0.3);
    ck_assert(find_row(&w, t, "KAZ", "WLD", 2020, CASIA_INDEX_IMPORT_HHI));
    ck_near(w.value, 0.1525);
    ck_assert(find_row(&w, t, "KAZ", "JPN", 2020, CASIA_INDEX_IMPORT_RANK));
    ck_assert_double_eq(w.value, 4);
    ck_assert(find_row(&w, t, "TKM", "CHN", 2016, CASIA_INDEX_ARMS_SHARE));
    ck_near(w.value, 78.0 / 150.0);   /* window 2012-2016 */
    ck_assert(find_row(&w, t, "KAZ", "CHN", 2020, CASIA_INDEX_COMPOSITE));
    ck_near(w.value, (800.0 / 3000.0 + 0.25) / 2);
    ck_assert(find_row(&w, t, "KAZ", "RUS", 2022, CASIA_INDEX_UN_AGREEMENT));
    ck_near(w.value, 1.0 / 3.0);
    ck_assert(find_row(&w, t, "TJK", "WLD", 2021, CASIA_INDEX_REMITTANCE_GDP));
    ck_assert_uint_eq(w.flags, CASIA_RESULT_DISAGREE);
    /* no row where the index has no value */
    ck_assert(!find_row(&w, t, "TKM", "CHN", 2020, CASIA_INDEX_IMPORT_SHARE));
    ck_assert(!find_row(&w, t, "KGZ", "CHN", 2020, CASIA_INDEX_IMPORT_SHARE));
    /* sorted by reporter, partner, year, index */
    n = casia_table_row_count(t);
    for (i = 1; i < n; i++) {
        casia_table_row a, b;
        int c;
        casia_table_get_row(&a, t, i - 1);
        casia_table_get_row(&b, t, i);
        c = strcmp(a.reporter, b.reporter);
        if (!c)
            c = strcmp(a.partner, b.partner);
        if (!c)
            c = a.year - b.year;
        if (!c)
            c = (int)a.index - (int)b.index;
        ck_assert_int_lt(c, 0);
    }
    ck_assert_status(casia_table_get_row(&w, t, n), CASIA_ENOTFOUND);
    ck_assert_status(casia_table_get_row(NULL, t, 0), CASIA_EINVAL);
    ck_assert_status(casia_table_to_csv(&csv, &size, t), CASIA_OK);
    ck_assert_uint_eq(size, strlen(csv));
    ck_assert_ptr_nonnull(strstr(csv, "reporter,partner,year,index,value,unit,"
                                      "basis,flags\n"));
    /* the shortest decimal that reads back (Python's repr() of the same
     * doubles): 300 / 1000 -> "0.3", 1/3 -> "0.3333333333333333"; flags
     * by name (TOTAL_WORLD here: the world row is the denominator) */
    ck_assert_ptr_nonnull(strstr(csv, "\nKAZ,CHN,2020,import_share,"
                                      "0.3,fraction,reporter,total_world\n"));
    ck_assert_ptr_nonnull(strstr(csv, "\nKAZ,RUS,2022,un_agreement,"
                                      "0.3333333333333333,fraction,"));
    casia_free(csv);
    casia_table_free(t);
    /* the mirror tables of TKM appear with three partners allowed */
    opt.min_partners = 3;
    ck_assert_status(casia_table_build(&t, ds, &opt), CASIA_OK);
    ck_assert(find_row(&w, t, "TKM", "CHN", 2020, CASIA_INDEX_IMPORT_SHARE));
    ck_assert_double_eq(w.value, 0.6);
    ck_assert_int_eq(w.basis, CASIA_BASIS_PARTNER_MIRROR);
    casia_table_free(t);
    ck_assert_uint_eq(casia_table_row_count(NULL), 0);
    casia_table_free(NULL);
    ck_assert_status(casia_table_build(NULL, ds, NULL), CASIA_EINVAL);
    ck_assert_status(casia_table_build(&t, NULL, NULL), CASIA_EINVAL);
}
END_TEST

/*
 * The CSV's numbers do not depend on the caller's LC_NUMERIC: under a
 * locale with a decimal comma (when one is installed) the text is the
 * C locale's byte for byte, and every value reads back, in the C locale,
 * as the row's double.
 */
START_TEST(test_table_csv_locale)
{
    static const char *const names[] = {
        "de_DE.UTF-8", "de_DE.utf8", "fr_FR.UTF-8", "fr_FR.utf8",
        "ru_RU.UTF-8", "ru_RU.utf8", "es_ES.UTF-8", "it_IT.UTF-8",
        "nl_NL.UTF-8", "pt_BR.UTF-8", "de_DE", "fr_FR"
    };
    casia_table *t;
    char *csv_c, *csv_l = NULL, *line;
    size_t i, row = 0;
    int comma = 0;
    ck_assert_status(casia_table_build(&t, ds, NULL), CASIA_OK);
    ck_assert_status(casia_table_to_csv(&csv_c, NULL, t), CASIA_OK);
    for (i = 0; i < sizeof names / sizeof names[0] && !comma; i++)
        comma = setlocale(LC_NUMERIC, names[i]) != NULL &&
                strcmp(localeconv()->decimal_point, ".") != 0;
    /* tests/locale.sh makes one and asks for it */
    if (getenv("CASIA_TEST_NEED_COMMA") && *getenv("CASIA_TEST_NEED_COMMA"))
        ck_assert_msg(comma, "no locale with a decimal comma could be set");
    if (comma) {
        char probe[16];
        snprintf(probe, sizeof probe, "%.1f", 0.5);   /* the locale's "0,5" */
        ck_assert_str_ne(probe, "0.5");
        ck_assert_status(casia_table_to_csv(&csv_l, NULL, t), CASIA_OK);
    }
    setlocale(LC_NUMERIC, "C");
    if (comma) {
        size_t at = 0;
        while (csv_l[at] && csv_l[at] == csv_c[at])
            at++;
        ck_assert_msg(csv_l[at] == csv_c[at],
                      "under a decimal comma, byte %lu: \"%.40s\" for \"%.40s\"",
                      (unsigned long)at, csv_l + at, csv_c + at);
        casia_free(csv_l);
    }
    /* every value of the C text reads back as its row's double */
    line = strchr(csv_c, '\n');
    while (line && line[1]) {
        casia_table_row w;
        const char *f = line + 1;
        int k;
        for (k = 0; k < 4; k++)
            f = strchr(f, ',') + 1;
        ck_assert_status(casia_table_get_row(&w, t, row), CASIA_OK);
        ck_assert_msg(strtod(f, NULL) == w.value, "row %lu: %.17g written as %.30s",
                      (unsigned long)row, w.value, f);
        row++;
        line = strchr(line + 1, '\n');
    }
    ck_assert_uint_eq(row, casia_table_row_count(t));
    casia_free(csv_c);
    casia_table_free(t);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("table");
    TCase *tc;

    tc = tcase_create("tables");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_table_equals_calls);
    tcase_add_test(tc, test_table_rows);
    tcase_add_test(tc, test_table_csv_locale);
    suite_add_tcase(s, tc);

    tc = tcase_create("table_sums");
    tcase_add_checked_fixture(tc, setup_sums, teardown);
    tcase_add_test(tc, test_table_equals_calls_sums);
    suite_add_tcase(s, tc);

    tc = tcase_create("table_years");
    tcase_add_checked_fixture(tc, setup_years, teardown);
    tcase_add_test(tc, test_table_years);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return run_suite(suite());
}
