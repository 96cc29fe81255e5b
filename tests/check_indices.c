/*
 * check_indices.c - every index on the hand-written fixture
 * tests/data/indices.json, one case per index and per edge case (mirror
 * fallback, partner sums, a window with missing years, zero denominators,
 * a composite with missing dimensions).
 *
 * Every expected value is worked out by hand from the fixture's figures
 * (the arithmetic is in the comments) or, for the weight sensitivity, by
 * an independent Python transcription of the generator documented in
 * docs/indices.md, run once and its output recorded here:
 *
 *   M = 2**64 - 1
 *   def splitmix(x):
 *       x = (x + 0x9e3779b97f4a7c15) & M; z = x
 *       z = ((z ^ (z >> 30)) * 0xbf58476d1ce4e5b9) & M
 *       z = ((z ^ (z >> 27)) * 0x94d049bb133111eb) & M
 *       return x, z ^ (z >> 31)
 *   def rotl(x, k): return ((x << k) | (x >> (64 - k))) & M
 *   class Rng:
 *       def __init__(s, seed):
 *           s.s = []; x = seed
 *           for _ in range(4): x, z = splitmix(x); s.s.append(z)
 *       def next(s):
 *           a = s.s; r = (rotl((a[1] * 5) & M, 7) * 9) & M; t = (a[1] << 17) & M
 *           a[2] ^= a[0]; a[3] ^= a[1]; a[1] ^= a[2]; a[0] ^= a[3]; a[2] ^= t
 *           a[3] = rotl(a[3], 45); return r
 *       def exp(s): return -math.log(((s.next() >> 11) + 1) * 2.0**-53)
 *   def comp(v, w):
 *       sw = 0.0
 *       for x in w: sw += x
 *       acc = 0.0
 *       for a, b in zip(w, v): acc += a * b
 *       return acc / sw
 *   def sens(a, b, seed=20240229, n=10000):
 *       g = Rng(seed); wins = ties = 0
 *       for _ in range(n):
 *           e = [g.exp() for _ in a]
 *           da, db = comp(a, e), comp(b, e)
 *           if da > db: wins += 1
 *           elif da == db: ties += 1
 *       return wins, ties
 *   sens([800/3000, 1/4], [600/3000, 2/4])          -> (2118, 0)
 *   sens([800/3000, 1/4], [600/3000, 2/4], seed=1)  -> (2069, 0)
 */
#include "testutil.h"

#include <locale.h>
#include <math.h>
#include <stdlib.h>

#define TOL 1e-12

static casia_dataset *ds;

static void setup(void)
{
    casia_error err;
    int rc = casia_dataset_load_file(&ds, test_data_path("indices.json"), &err);
    ck_assert_msg(rc == CASIA_OK, "indices.json: %s:%d:%d: %s", err.source,
                  err.line, err.column, err.text);
}

/* The second fixture: totals summed over partners, sums out of range. */
static void setup_sums(void)
{
    casia_error err;
    int rc = casia_dataset_load_file(&ds, test_data_path("indices_sums.json"),
                                     &err);
    ck_assert_msg(rc == CASIA_OK, "indices_sums.json: %s:%d:%d: %s", err.source,
                  err.line, err.column, err.text);
}

/* The third fixture: memberships and votes outside the observation
 * years. */
static void setup_years(void)
{
    casia_error err;
    int rc = casia_dataset_load_file(&ds, test_data_path("indices_years.json"),
                                     &err);
    ck_assert_msg(rc == CASIA_OK, "indices_years.json: %s:%d:%d: %s",
                  err.source, err.line, err.column, err.text);
}

static void teardown(void)
{
    casia_dataset_free(ds);
    ds = NULL;
}

static int has_source(const casia_result *r, const char *id)
{
    unsigned i;
    for (i = 0; i < r->source_count; i++)
        if (strcmp(r->sources[i], id) == 0)
            return 1;
    return 0;
}

#define ck_near(x, y) ck_assert_double_eq_tol((x), (y), TOL)

/* ------------------------------------------------------------------ */
/* Trade shares                                                        */

START_TEST(test_share_reporter_table)
{
    casia_result r;
    /* KAZ 2020, src_a: imports CHN 300 of WLD 1000 */
    ck_assert_status(casia_trade_share(&r, ds, "KAZ", "CHN", 2020,
                                       CASIA_FLOW_IMPORT, NULL), CASIA_OK);
    ck_assert_double_eq(r.value, 0.3);
    ck_assert_double_eq(r.numerator, 300);
    ck_assert_double_eq(r.denominator, 1000);
    ck_assert_str_eq(r.unit, "fraction");
    ck_assert_int_eq(r.basis, CASIA_BASIS_REPORTER);
    ck_assert_uint_eq(r.flags, CASIA_RESULT_TOTAL_WORLD);
    ck_assert_uint_eq(r.source_count, 1);
    ck_assert_str_eq(r.sources[0], "src_a");
    ck_assert_int_eq(r.year_from, 2020);
    ck_assert_int_eq(r.year_to, 2020);
    ck_assert_uint_eq(r.year_count, 1);
    ck_assert(casia_result_has_year(&r, 2020));
    ck_assert(!casia_result_has_year(&r, 2019));
    ck_assert(!casia_result_has_year(NULL, 2020));
    ck_assert(!casia_result_has_year(&r, 1899));
    /* exports CHN 500 of 2000 */
    ck_assert_status(casia_trade_share(&r, ds, "KAZ", "CHN", 2020,
                                       CASIA_FLOW_EXPORT, NULL), CASIA_OK);
    ck_assert_double_eq(r.value, 0.25);
    /* turnover (300 + 500) / (1000 + 2000) */
    ck_assert_status(casia_trade_share(&r, ds, "KAZ", "CHN", 2020,
                                       CASIA_FLOW_TURNOVER, NULL), CASIA_OK);
    ck_assert_double_eq(r.value, 800.0 / 3000.0);
    ck_assert_double_eq(r.numerator, 800);
    ck_assert_double_eq(r.denominator, 3000);
    /* countries in any registry form */
    ck_assert_status(casia_trade_share(&r, ds, "Kazakhstan", "CN", 2020,
                                       CASIA_FLOW_IMPORT, NULL), CASIA_OK);
    ck_assert_double_eq(r.value, 0.3);
    ck_assert_status(casia_trade_share(&r, ds, "398", "China", 2020,
                                       CASIA_FLOW_IMPORT, NULL), CASIA_OK);
    ck_assert_double_eq(r.value, 0.3);
    /* an aggregate may be the partner asked for: EUU 150 / 1000 */
    ck_assert_status(casia_trade_share(&r, ds, "KAZ", "EUU", 2020,
                                       CASIA_FLOW_IMPORT, NULL), CASIA_OK);
    ck_assert_double_eq(r.value, 0.15);
}
END_TEST

START_TEST(test_share_errors)
{
    casia_result r, keep;
    casia_options opt = CASIA_OPTIONS_INIT;
    memset(&keep, 0x5a, sizeof keep);
    r = keep;
    /* no figure for the pair, the year, an unknown country */
    ck_assert_status(casia_trade_share(&r, ds, "KAZ", "USA", 2020,
                                       CASIA_FLOW_IMPORT, NULL), CASIA_ENOTFOUND);
    ck_assert_status(casia_trade_share(&r, ds, "KAZ", "CHN", 2018,
                                       CASIA_FLOW_IMPORT, NULL), CASIA_ENOTFOUND);
    ck_assert_status(casia_trade_share(&r, ds, "XXX", "CHN", 2020,
                                       CASIA_FLOW_IMPORT, NULL), CASIA_ENOTFOUND);
    ck_assert_status(casia_trade_share(&r, ds, "KAZ", "Nowhere", 2020,
                                       CASIA_FLOW_IMPORT, NULL), CASIA_ENOTFOUND);
    /* turnover needs both flows: KAZ-JPN has imports only */
    ck_assert_status(casia_trade_share(&r, ds, "KAZ", "JPN", 2020,
                                       CASIA_FLOW_TURNOVER, NULL), CASIA_ENOTFOUND);
    /* invalid arguments */
    ck_assert_status(casia_trade_share(NULL, ds, "KAZ", "CHN", 2020,
                                       CASIA_FLOW_IMPORT, NULL), CASIA_EINVAL);
    ck_assert_status(casia_trade_share(&r, NULL, "KAZ", "CHN", 2020,
                                       CASIA_FLOW_IMPORT, NULL), CASIA_EINVAL);
    ck_assert_status(casia_trade_share(&r, ds, NULL, "CHN", 2020,
                                       CASIA_FLOW_IMPORT, NULL), CASIA_EINVAL);
    ck_assert_status(casia_trade_share(&r, ds, "KAZ", "CHN", 2020,
                                       (casia_flow)7, NULL), CASIA_EINVAL);
    ck_assert_status(casia_trade_share(&r, ds, "KAZ", "CHN", 1800,
                                       CASIA_FLOW_IMPORT, NULL), CASIA_EINVAL);
    opt.version = 99;
    ck_assert_status(casia_trade_share(&r, ds, "KAZ", "CHN", 2020,
                                       CASIA_FLOW_IMPORT, &opt), CASIA_EINVAL);
    casia_options_init(&opt);
    opt.basis = CASIA_BASIS_MIXED;
    ck_assert_status(casia_trade_share(&r, ds, "KAZ", "CHN", 2020,
                                       CASIA_FLOW_IMPORT, &opt), CASIA_EINVAL);
    casia_options_init(&opt);
    opt.basis = CASIA_BASIS_REPORTER;
    opt.mirror = CASIA_MIRROR_FORCE;   /* contradictory */
    ck_assert_status(casia_trade_share(&r, ds, "KAZ", "CHN", 2020,
                                       CASIA_FLOW_IMPORT, &opt), CASIA_EINVAL);
    /* on failure the result is untouched */
    ck_assert_mem_eq(&r, &keep, sizeof r);
    casia_options_init(NULL);   /* a no-op */
}
END_TEST

START_TEST(test_share_pinned_basis_and_source)
{
    casia_result r;
    casia_options opt = CASIA_OPTIONS_INIT;
    /* national_stats only: KAZ-CHN 310 exists, but no national total and
     * a one-partner list is no total: never mixed with src_a's world row */
    opt.basis = CASIA_BASIS_NATIONAL_STATS;
    ck_assert_status(casia_trade_share(&r, ds, "KAZ", "CHN", 2020,
                                       CASIA_FLOW_IMPORT, &opt), CASIA_ENOTFOUND);
    /* a pinned source filters everything: src_c has no total */
    casia_options_init(&opt);
    opt.source = "src_c";
    ck_assert_status(casia_trade_share(&r, ds, "KAZ", "CHN", 2020,
                                       CASIA_FLOW_IMPORT, &opt), CASIA_ENOTFOUND);
    opt.source = "no_such_source";
    ck_assert_status(casia_trade_share(&r, ds, "KAZ", "CHN", 2020,
                                       CASIA_FLOW_IMPORT, &opt), CASIA_ENOTFOUND);
    opt.source = "src_a";
    ck_assert_status(casia_trade_share(&r, ds, "KAZ", "CHN", 2020,
                                       CASIA_FLOW_IMPORT, &opt), CASIA_OK);
    ck_assert_double_eq(r.value, 0.3);
}
END_TEST

START_TEST(test_share_zero_total)
{
    casia_result r;
    size_t n;
    /* KGZ 2020 and 2021: only 2020 has figures, over a world row of 0 */
    ck_assert_status(casia_period_mean(&r, ds, CASIA_INDEX_IMPORT_SHARE, "KGZ",
                                       "CHN", 2020, 2021, NULL), CASIA_EDOMAIN);
    /* KGZ 2020: world row 0 */
    ck_assert_status(casia_trade_share(&r, ds, "KGZ", "CHN", 2020,
                                       CASIA_FLOW_IMPORT, NULL), CASIA_EDOMAIN);
    ck_assert_status(casia_hhi(&r, ds, "KGZ", 2020, CASIA_FLOW_IMPORT, NULL),
                     CASIA_EDOMAIN);
    ck_assert_status(casia_top_partners(NULL, 0, &n, NULL, ds, "KGZ", 2020,
                                        CASIA_FLOW_IMPORT, NULL), CASIA_EDOMAIN);
}
END_TEST

START_TEST(test_share_total_from_partners)
{
    casia_result r;
    casia_options opt = CASIA_OPTIONS_INIT;
    /* KAZ 2021 has no world row; src_a lists CHN 400, RUS 100, DEU 300,
     * JPN 200: four partners, fewer than the default 10 */
    ck_assert_status(casia_trade_share(&r, ds, "KAZ", "CHN", 2021,
                                       CASIA_FLOW_IMPORT, NULL), CASIA_ENOTFOUND);
    opt.min_partners = 5;
    ck_assert_status(casia_trade_share(&r, ds, "KAZ", "CHN", 2021,
                                       CASIA_FLOW_IMPORT, &opt), CASIA_ENOTFOUND);
    opt.min_partners = 4;
    ck_assert_status(casia_trade_share(&r, ds, "KAZ", "CHN", 2021,
                                       CASIA_FLOW_IMPORT, &opt), CASIA_OK);
    ck_assert_double_eq(r.value, 0.4);            /* 400 / 1000 */
    ck_assert_double_eq(r.denominator, 1000);
    ck_assert_uint_eq(r.flags, CASIA_RESULT_TOTAL_PARTNERS);
    ck_assert_int_eq(r.basis, CASIA_BASIS_REPORTER);
    /* the bounds of the HHI meet: 0.4^2 + 0.1^2 + 0.3^2 + 0.2^2 = 0.30 */
    ck_assert_status(casia_hhi(&r, ds, "KAZ", 2021, CASIA_FLOW_IMPORT, &opt),
                     CASIA_OK);
    ck_near(r.value, 0.30);
    ck_assert_double_eq(r.lower, r.value);
    ck_assert_double_eq(r.upper, r.value);
    ck_assert_double_eq(r.coverage, 1);
    /* total only from the world row */
    opt.total = CASIA_TOTAL_WORLD;
    ck_assert_status(casia_trade_share(&r, ds, "KAZ", "CHN", 2021,
                                       CASIA_FLOW_IMPORT, &opt), CASIA_ENOTFOUND);
    /* total only from partners, though 2020 has a world row: CHN 300,
     * RUS 200, DEU 100, JPN 100, S19 50 (an area counts); EUU, an
     * aggregate, is not added: 300 / 750 */
    opt.total = CASIA_TOTAL_PARTNERS;
    opt.min_partners = 2;
    ck_assert_status(casia_trade_share(&r, ds, "KAZ", "CHN", 2020,
                                       CASIA_FLOW_IMPORT, &opt), CASIA_OK);
    ck_assert_double_eq(r.value, 0.4);
    ck_assert_double_eq(r.denominator, 750);
}
END_TEST

START_TEST(test_share_mirror_fallback)
{
    casia_result r;
    casia_options opt = CASIA_OPTIONS_INIT;
    /* TKM reports nothing. src_b lists China's exports to TKM (600, a
     * stored mirror row) and Russia's (300) and Turkey's (100) own
     * reports of their exports to TKM: M_ij ~ X_ji */
    opt.min_partners = 3;
    ck_assert_status(casia_trade_share(&r, ds, "TKM", "CHN", 2020,
                                       CASIA_FLOW_IMPORT, &opt), CASIA_OK);
    ck_assert_double_eq(r.value, 0.6);           /* 600 / 1000 */
    ck_assert_int_eq(r.basis, CASIA_BASIS_PARTNER_MIRROR);
    ck_assert_uint_eq(r.flags, CASIA_RESULT_MIRROR | CASIA_RESULT_TOTAL_PARTNERS);
    ck_assert(has_source(&r, "src_b"));
    ck_assert_status(casia_trade_share(&r, ds, "TKM", "RUS", 2020,
                                       CASIA_FLOW_IMPORT, &opt), CASIA_OK);
    ck_assert_double_eq(r.value, 0.3);
    ck_assert_uint_eq(r.flags, CASIA_RESULT_MIRROR | CASIA_RESULT_MIRROR_TRANSPOSED |
                                   CASIA_RESULT_TOTAL_PARTNERS);
    /* forbidden */
    opt.mirror = CASIA_MIRROR_NEVER;
    ck_assert_status(casia_trade_share(&r, ds, "TKM", "CHN", 2020,
                                       CASIA_FLOW_IMPORT, &opt), CASIA_ENOTFOUND);
    /* default: three partners are too few for a total */
    ck_assert_status(casia_trade_share(&r, ds, "TKM", "CHN", 2020,
                                       CASIA_FLOW_IMPORT, NULL), CASIA_ENOTFOUND);
}
END_TEST

START_TEST(test_share_mirror_forced)
{
    casia_result r;
    casia_options opt = CASIA_OPTIONS_INIT;
    /* KAZ reports its own figures, but the mirror is forced: src_b lists
     * CHN 350 (stored) and RUS 250 (Russia's report): 350 / 600; src_d
     * lists only CHN */
    opt.mirror = CASIA_MIRROR_FORCE;
    opt.min_partners = 2;
    ck_assert_status(casia_trade_share(&r, ds, "KAZ", "CHN", 2020,
                                       CASIA_FLOW_IMPORT, &opt), CASIA_OK);
    ck_assert_double_eq(r.value, 350.0 / 600.0);
    ck_assert_int_eq(r.basis, CASIA_BASIS_PARTNER_MIRROR);
    ck_assert(r.flags & CASIA_RESULT_MIRROR);
    ck_assert(r.flags & CASIA_RESULT_TOTAL_PARTNERS);
    ck_assert(!(r.flags & CASIA_RESULT_MIXED_BASIS));
    /* the same by basis */
    casia_options_init(&opt);
    opt.basis = CASIA_BASIS_PARTNER_MIRROR;
    opt.min_partners = 2;
    ck_assert_status(casia_trade_share(&r, ds, "KAZ", "CHN", 2020,
                                       CASIA_FLOW_IMPORT, &opt), CASIA_OK);
    ck_assert_double_eq(r.value, 350.0 / 600.0);
}
END_TEST

/* ------------------------------------------------------------------ */
/* Discrepancy                                                         */

START_TEST(test_discrepancy)
{
    casia_result r;
    /* KAZ imports from CHN: reported 300 (src_a), mirror 350 (src_b) and
     * 340 (src_d): the smallest id, src_b: (350 - 300) / 300 */
    ck_assert_status(casia_trade_discrepancy(&r, ds, "KAZ", "CHN", 2020,
                                             CASIA_FLOW_IMPORT, NULL), CASIA_OK);
    ck_near(r.value, 50.0 / 300.0);
    ck_assert_double_eq(r.numerator, 350);
    ck_assert_double_eq(r.denominator, 300);
    ck_assert_int_eq(r.basis, CASIA_BASIS_MIXED);
    ck_assert(r.flags & CASIA_RESULT_SOURCE_CHOSEN);
    ck_assert(r.flags & CASIA_RESULT_MIRROR);
    ck_assert(has_source(&r, "src_a") && has_source(&r, "src_b"));
    ck_assert(!has_source(&r, "src_d"));
    /* KAZ imports from RUS: 200 against Russia's own 250: +25% */
    ck_assert_status(casia_trade_discrepancy(&r, ds, "KAZ", "RUS", 2020,
                                             CASIA_FLOW_IMPORT, NULL), CASIA_OK);
    ck_assert_double_eq(r.value, 0.25);
    ck_assert(r.flags & CASIA_RESULT_MIRROR_TRANSPOSED);
    /* no mirror for exports; a zero reported figure */
    ck_assert_status(casia_trade_discrepancy(&r, ds, "KAZ", "CHN", 2020,
                                             CASIA_FLOW_EXPORT, NULL),
                     CASIA_ENOTFOUND);
    ck_assert_status(casia_trade_discrepancy(&r, ds, "KGZ", "CHN", 2020,
                                             CASIA_FLOW_IMPORT, NULL),
                     CASIA_EDOMAIN);
}
END_TEST

/* ------------------------------------------------------------------ */
/* Rankings and concentration                                          */

START_TEST(test_top_partners)
{
    casia_rank_entry e[8];
    casia_result total;
    size_t n = 0;
    /* CHN 300, RUS 200, DEU 100 and JPN 100 (tie: by code), S19 50;
     * EUU is an aggregate and never ranked */
    ck_assert_status(casia_top_partners(e, 8, &n, &total, ds, "KAZ", 2020,
                                        CASIA_FLOW_IMPORT, NULL), CASIA_OK);
    ck_assert_uint_eq(n, 5);
    ck_assert_str_eq(e[0].partner, "CHN");
    ck_assert_str_eq(e[1].partner, "RUS");
    ck_assert_str_eq(e[2].partner, "DEU");
    ck_assert_str_eq(e[3].partner, "JPN");
    ck_assert_str_eq(e[4].partner, "S19");
    ck_assert_double_eq(e[0].value, 300);
    ck_assert_double_eq(e[0].share, 0.3);
    ck_assert_double_eq(e[4].share, 0.05);
    ck_assert_str_eq(e[0].source, "src_a");
    ck_assert_int_eq(e[0].basis, CASIA_BASIS_REPORTER);
    ck_assert_double_eq(total.value, 1000);
    ck_assert_str_eq(total.unit, "USD");
    ck_assert_uint_eq(total.count, 5);
    ck_near(total.coverage, 0.75);
    /* a short array: the count is still 5, e[2] untouched */
    memset(e, 0, sizeof e);
    ck_assert_status(casia_top_partners(e, 2, &n, NULL, ds, "KAZ", 2020,
                                        CASIA_FLOW_IMPORT, NULL), CASIA_OK);
    ck_assert_uint_eq(n, 5);
    ck_assert_str_eq(e[1].partner, "RUS");
    ck_assert_ptr_null(e[2].partner);
    ck_assert_status(casia_top_partners(NULL, 1, &n, NULL, ds, "KAZ", 2020,
                                        CASIA_FLOW_IMPORT, NULL), CASIA_EINVAL);
    /* turnover: partners with both flows, CHN 800, RUS 600, DEU 200 */
    ck_assert_status(casia_top_partners(e, 8, &n, NULL, ds, "KAZ", 2020,
                                        CASIA_FLOW_TURNOVER, NULL), CASIA_OK);
    ck_assert_uint_eq(n, 3);
    ck_assert_str_eq(e[2].partner, "DEU");
    ck_assert_double_eq(e[2].value, 200);
}
END_TEST

START_TEST(test_rank_index)
{
    casia_result r;
    ck_assert_status(casia_index(&r, ds, CASIA_INDEX_IMPORT_RANK, "KAZ", "DEU",
                                 2020, NULL), CASIA_OK);
    ck_assert_double_eq(r.value, 3);
    ck_assert_str_eq(r.unit, "rank");
    ck_assert_uint_eq(r.count, 5);
    ck_assert_status(casia_index(&r, ds, CASIA_INDEX_IMPORT_RANK, "KAZ", "JPN",
                                 2020, NULL), CASIA_OK);
    ck_assert_double_eq(r.value, 4);
    /* an aggregate has no rank */
    ck_assert_status(casia_index(&r, ds, CASIA_INDEX_IMPORT_RANK, "KAZ", "EUU",
                                 2020, NULL), CASIA_ENOTFOUND);
}
END_TEST

START_TEST(test_hhi_bounds)
{
    casia_result r;
    /* shares .3 .2 .1 .1 .05: sum of squares 0.1525, coverage 0.75,
     * upper 0.1525 + 0.25^2 = 0.215 */
    ck_assert_status(casia_hhi(&r, ds, "KAZ", 2020, CASIA_FLOW_IMPORT, NULL),
                     CASIA_OK);
    ck_near(r.value, 0.1525);
    ck_near(r.lower, 0.1525);
    ck_near(r.upper, 0.215);
    ck_near(r.coverage, 0.75);
    ck_assert_uint_eq(r.count, 5);
    ck_assert_double_eq(r.denominator, 1000);
    ck_assert(r.flags & CASIA_RESULT_TOTAL_WORLD);
    /* turnover: 800/3000, 600/3000, 200/3000; coverage 1600/3000:
     *   (64 + 36 + 4) / 900 = 0.11555..., upper + (14/30)^2 = 0.33333... */
    ck_assert_status(casia_hhi(&r, ds, "KAZ", 2020, CASIA_FLOW_TURNOVER, NULL),
                     CASIA_OK);
    ck_near(r.value, 104.0 / 900.0);
    ck_near(r.coverage, 16.0 / 30.0);
    ck_near(r.upper, 104.0 / 900.0 + (14.0 / 30.0) * (14.0 / 30.0));
    /* a reporter and year without a total */
    ck_assert_status(casia_hhi(&r, ds, "TJK", 2020, CASIA_FLOW_IMPORT, NULL),
                     CASIA_ENOTFOUND);
}
END_TEST

/*
 * indices_sums.json, KAZ 2020, no world row. The partner table "dots"
 * lists exports to nine partners (AUT ... HUN) at 100 each and to the USA
 * at 5000, imports from the same nine at 100 each and from Japan at 5000:
 * ten partners per list, so both totals are sums over the lists:
 *   exports 9 * 100 + 5000 = 5900, imports 5900, turnover 11800.
 * A turnover share needs both flows (the USA's imports and Japan's
 * exports are not known, and a missing figure is never 0): the nine rank,
 * each (100 + 100) / 11800 = 1/59, while the USA and Japan, 5000 / 11800 =
 * 0.42 each, are in the total and unranked. So
 *   coverage c = 9 * 200 / 11800 = 9/59 (0.1525)
 *   HHI lower  = 9 * (1/59)^2 = 9/3481 (0.0025855)
 *   HHI upper  = 9/3481 + (1 - 9/59)^2 = (9 + 2500)/3481 = 2509/3481
 * The true HHI with the two one-flow partners counted alone,
 * 9/3481 + 2 * (25/59)^2 = 1259/3481 (0.3617), lies within the bounds.
 */
START_TEST(test_turnover_partner_sum)
{
    casia_result r, total, s;
    casia_rank_entry e[12];
    size_t n = 0, i;
    ck_assert_status(casia_hhi(&r, ds, "KAZ", 2020, CASIA_FLOW_TURNOVER, NULL),
                     CASIA_OK);
    ck_near(r.value, 9.0 / 3481.0);
    ck_near(r.lower, 9.0 / 3481.0);
    ck_near(r.coverage, 9.0 / 59.0);
    ck_near(r.upper, 2509.0 / 3481.0);
    ck_assert_double_eq(r.denominator, 11800);
    ck_assert_uint_eq(r.count, 9);
    ck_assert_uint_eq(r.flags, CASIA_RESULT_TOTAL_PARTNERS);
    /* the ranking agrees: nine partners, their shares as the share index */
    ck_assert_status(casia_top_partners(e, 12, &n, &total, ds, "KAZ", 2020,
                                        CASIA_FLOW_TURNOVER, NULL), CASIA_OK);
    ck_assert_uint_eq(n, 9);
    ck_near(total.coverage, 9.0 / 59.0);
    ck_assert_double_eq(total.value, 11800);
    for (i = 0; i < n; i++) {
        ck_assert_double_eq(e[i].value, 200);
        ck_assert_status(casia_trade_share(&s, ds, "KAZ", e[i].partner, 2020,
                                           CASIA_FLOW_TURNOVER, NULL), CASIA_OK);
        ck_assert_double_eq(s.value, e[i].share);
        ck_near(s.value, 1.0 / 59.0);
    }
    ck_assert_str_eq(e[0].partner, "AUT");   /* ties by code */
    /* the one-flow partners have no turnover share and no rank ... */
    ck_assert_status(casia_trade_share(&s, ds, "KAZ", "USA", 2020,
                                       CASIA_FLOW_TURNOVER, NULL), CASIA_ENOTFOUND);
    ck_assert_status(casia_index(&s, ds, CASIA_INDEX_TURNOVER_RANK, "KAZ", "JPN",
                                 2020, NULL), CASIA_ENOTFOUND);
    /* ... but a share of the flow they have: 5000 / 5900 */
    ck_assert_status(casia_trade_share(&s, ds, "KAZ", "USA", 2020,
                                       CASIA_FLOW_EXPORT, NULL), CASIA_OK);
    ck_near(s.value, 50.0 / 59.0);
    /* one flow over its own partner sum: every partner ranked, c = 1
     * exactly and the bounds meet: (9 * 100^2 + 5000^2) / 5900^2 =
     * 25 090 000 / 34 810 000 = 2509/3481 */
    ck_assert_status(casia_hhi(&r, ds, "KAZ", 2020, CASIA_FLOW_IMPORT, NULL),
                     CASIA_OK);
    ck_near(r.value, 2509.0 / 3481.0);
    ck_assert_double_eq(r.coverage, 1);
    ck_assert_double_eq(r.upper, r.lower);
    ck_assert_uint_eq(r.flags & CASIA_RESULT_COVERAGE_OVER, 0);
    /* 2021: the USA also has imports (1000), so all ten partners have both
     * flows: turnover 9 * 200 + 6000 = 7800, c = 1 exactly, bounds meet:
     * 9 * (200/7800)^2 + (6000/7800)^2 = 9/1521 + 900/1521 = 909/1521 */
    ck_assert_status(casia_hhi(&r, ds, "KAZ", 2021, CASIA_FLOW_TURNOVER, NULL),
                     CASIA_OK);
    ck_near(r.value, 909.0 / 1521.0);
    ck_assert_double_eq(r.coverage, 1);
    ck_assert_double_eq(r.upper, r.lower);
    ck_assert_uint_eq(r.count, 10);
}
END_TEST

/*
 * docs/indices.md, rule 4: a total over partners comes from the
 * reporter's own lists first, from the mirror lists only when no own list
 * qualifies. indices_sums.json, KGZ 2020 imports, no world row: KGZ's own
 * list (source kgz) names CHN 100 and RUS 300; the partners' own export
 * tables (source mirror) name CHN 150, RUS 250, KAZ 100 and TUR 50.
 *   min_partners 2: the own list qualifies, though the mirror list names
 *     more partners: CHN 100 / (100 + 300) = 0.25; KAZ, only in the
 *     mirror list, has no share
 *   min_partners 3: no own list qualifies, the mirror list does:
 *     CHN 150 / (150 + 250 + 100 + 50) = 3/11, KAZ 100 / 550 = 2/11
 *   min_partners 5: no list qualifies; the mirror refused: none either
 */
START_TEST(test_partner_list_order)
{
    casia_result r;
    casia_options opt = CASIA_OPTIONS_INIT;
    opt.min_partners = 2;
    ck_assert_status(casia_trade_share(&r, ds, "KGZ", "CHN", 2020,
                                       CASIA_FLOW_IMPORT, &opt), CASIA_OK);
    ck_assert_double_eq(r.value, 0.25);
    ck_assert_double_eq(r.denominator, 400);
    ck_assert_int_eq(r.basis, CASIA_BASIS_REPORTER);
    ck_assert_uint_eq(r.flags, CASIA_RESULT_TOTAL_PARTNERS);
    ck_assert_status(casia_trade_share(&r, ds, "KGZ", "KAZ", 2020,
                                       CASIA_FLOW_IMPORT, &opt), CASIA_ENOTFOUND);
    opt.min_partners = 3;
    ck_assert_status(casia_trade_share(&r, ds, "KGZ", "CHN", 2020,
                                       CASIA_FLOW_IMPORT, &opt), CASIA_OK);
    ck_near(r.value, 3.0 / 11.0);
    ck_assert_double_eq(r.denominator, 550);
    ck_assert_int_eq(r.basis, CASIA_BASIS_PARTNER_MIRROR);
    ck_assert_uint_eq(r.flags, CASIA_RESULT_TOTAL_PARTNERS | CASIA_RESULT_MIRROR |
                                   CASIA_RESULT_MIRROR_TRANSPOSED);
    ck_assert_status(casia_trade_share(&r, ds, "KGZ", "KAZ", 2020,
                                       CASIA_FLOW_IMPORT, &opt), CASIA_OK);
    ck_near(r.value, 2.0 / 11.0);
    opt.mirror = CASIA_MIRROR_NEVER;
    ck_assert_status(casia_trade_share(&r, ds, "KGZ", "CHN", 2020,
                                       CASIA_FLOW_IMPORT, &opt), CASIA_ENOTFOUND);
    casia_options_init(&opt);
    opt.min_partners = 5;
    ck_assert_status(casia_trade_share(&r, ds, "KGZ", "CHN", 2020,
                                       CASIA_FLOW_IMPORT, &opt), CASIA_ENOTFOUND);
}
END_TEST

/*
 * Sums of money are exact for terms below 2^62 (4.6e18); a larger term
 * makes the index CASIA_ERANGE, never a sum without it. indices_sums.json,
 * UZB 2020: world imports 1e19, world exports 900, imports from and
 * exports to China 100 each; China reports its exports to UZB as 1e19.
 */
START_TEST(test_money_out_of_range)
{
    casia_result r;
    casia_rank_entry e[4];
    casia_options opt = CASIA_OPTIONS_INIT;
    size_t n = 0;
    /* turnover (100 + 100) / (900 + 1e19): the denominator is such a sum
     * (dropping the 1e19 would give 200 / 900) */
    ck_assert_status(casia_trade_share(&r, ds, "UZB", "CHN", 2020,
                                       CASIA_FLOW_TURNOVER, NULL), CASIA_ERANGE);
    ck_assert_status(casia_index(&r, ds, CASIA_INDEX_TURNOVER_SHARE, "UZB",
                                 "CHN", 2020, NULL), CASIA_ERANGE);
    ck_assert_status(casia_hhi(&r, ds, "UZB", 2020, CASIA_FLOW_TURNOVER, NULL),
                     CASIA_ERANGE);
    ck_assert_status(casia_top_partners(e, 4, &n, NULL, ds, "UZB", 2020,
                                        CASIA_FLOW_TURNOVER, NULL), CASIA_ERANGE);
    /* one flow takes no sum: 100 / 1e19 = 1e-17, and 100 / 900 */
    ck_assert_status(casia_trade_share(&r, ds, "UZB", "CHN", 2020,
                                       CASIA_FLOW_IMPORT, NULL), CASIA_OK);
    ck_assert_double_eq_tol(r.value, 1e-17, 1e-30);
    ck_assert_status(casia_trade_share(&r, ds, "UZB", "CHN", 2020,
                                       CASIA_FLOW_EXPORT, NULL), CASIA_OK);
    ck_near(r.value, 1.0 / 9.0);
    /* the discrepancy (1e19 - 100) / 100 sums the mirror side */
    ck_assert_status(casia_trade_discrepancy(&r, ds, "UZB", "CHN", 2020,
                                             CASIA_FLOW_IMPORT, NULL),
                     CASIA_ERANGE);
    /* TJK 2020, no world row: the total over its two partners would be
     * 1e19 + 100 */
    opt.min_partners = 2;
    ck_assert_status(casia_trade_share(&r, ds, "TJK", "RUS", 2020,
                                       CASIA_FLOW_IMPORT, &opt), CASIA_ERANGE);
    ck_assert_status(casia_hhi(&r, ds, "TJK", 2020, CASIA_FLOW_IMPORT, &opt),
                     CASIA_ERANGE);
    /* a period whose only year is out of range says why it has no mean;
     * 2019 has no figure at all */
    ck_assert_status(casia_period_mean(&r, ds, CASIA_INDEX_TURNOVER_SHARE, "UZB",
                                       "CHN", 2019, 2020, NULL), CASIA_ERANGE);
    ck_assert_status(casia_period_mean(&r, ds, CASIA_INDEX_TURNOVER_SHARE, "UZB",
                                       "CHN", 2019, 2019, NULL), CASIA_ENOTFOUND);
}
END_TEST

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

/* ------------------------------------------------------------------ */
/* Remittances and energy                                              */

START_TEST(test_remittance_gdp)
{
    casia_result r;
    casia_options opt = CASIA_OPTIONS_INIT;
    /* 2020: 2.5e9 / 1e10 = 25%, published 25: agree; all from wdi */
    ck_assert_status(casia_remittance_gdp(&r, ds, "TJK", 2020, NULL), CASIA_OK);
    ck_assert_double_eq(r.value, 25);
    ck_assert_str_eq(r.unit, "pct_gdp");
    ck_assert_double_eq(r.other, 25);
    ck_assert_uint_eq(r.flags, 0);
    ck_assert_uint_eq(r.source_count, 1);
    ck_assert_str_eq(r.sources[0], "wdi");
    ck_assert_double_eq(r.numerator, 2.5e9);
    ck_assert_double_eq(r.denominator, 1e10);
    /* 2021: 100 * 3.25e9 / 9876543210 = 32.90625 (python:
     * 32.906249999588674); published 27.5. The computed figure is exact
     * to +-0.05 (3.25e9 to half 1e7), the published to +-0.05: they
     * disagree */
    ck_assert_status(casia_remittance_gdp(&r, ds, "TJK", 2021, NULL), CASIA_OK);
    ck_near(r.value, 32.906249999588674);
    ck_assert_double_eq(r.other, 27.5);
    ck_assert_uint_eq(r.flags, CASIA_RESULT_DISAGREE);
    ck_assert(has_source(&r, "news") && has_source(&r, "wdi"));
    opt.prefer_reported = 1;
    ck_assert_status(casia_remittance_gdp(&r, ds, "TJK", 2021, &opt), CASIA_OK);
    ck_assert_double_eq(r.value, 27.5);
    ck_near(r.other, 32.906249999588674);
    ck_assert_uint_eq(r.flags, CASIA_RESULT_DISAGREE | CASIA_RESULT_REPORTED);
    /* 2022: only the published figure */
    ck_assert_status(casia_remittance_gdp(&r, ds, "TJK", 2022, NULL), CASIA_OK);
    ck_assert_double_eq(r.value, 30.1);
    ck_assert_uint_eq(r.flags, CASIA_RESULT_REPORTED);
    /* 2023: GDP 0 and nothing published; 2019: nothing */
    ck_assert_status(casia_remittance_gdp(&r, ds, "TJK", 2023, NULL),
                     CASIA_EDOMAIN);
    ck_assert_status(casia_remittance_gdp(&r, ds, "TJK", 2019, NULL),
                     CASIA_ENOTFOUND);
}
END_TEST

START_TEST(test_remittance_share)
{
    casia_result r;
    casia_options opt = CASIA_OPTIONS_INIT;
    /* from Russia: 2e9 (the Central Bank of Russia, a mirror) of 2.5e9;
     * published 78% agrees within the rounding of 2e9 and 2.5e9 */
    ck_assert_status(casia_remittance_share(&r, ds, "TJK", "RUS", 2020, NULL),
                     CASIA_OK);
    ck_assert_double_eq(r.value, 0.8);
    ck_assert_double_eq(r.other, 0.78);
    ck_assert_int_eq(r.basis, CASIA_BASIS_MIXED);
    ck_assert(r.flags & CASIA_RESULT_MIRROR);
    ck_assert(!(r.flags & CASIA_RESULT_DISAGREE));
    opt.prefer_reported = 1;
    ck_assert_status(casia_remittance_share(&r, ds, "TJK", "RUS", 2020, &opt),
                     CASIA_OK);
    ck_assert_double_eq(r.value, 0.78);
    ck_assert_status(casia_remittance_share(&r, ds, "TJK", "CHN", 2020, NULL),
                     CASIA_ENOTFOUND);
    /* inputs that do not measure the same thing: Russia's outflows to KAZ
     * (500) above KAZ's total inflows (400); the share says so, and the
     * composite leaves it out (test_composite) */
    ck_assert_status(casia_remittance_share(&r, ds, "KAZ", "RUS", 2020, NULL),
                     CASIA_OK);
    ck_assert_double_eq(r.value, 1.25);
    /* aggregates are no senders: "from the world" would be 2.5e9 / 2.5e9,
     * from the EU 1e8 / 2.5e9, yet neither is a share of one partner */
    ck_assert_status(casia_remittance_share(&r, ds, "TJK", "WLD", 2020, NULL),
                     CASIA_ENOTFOUND);
    ck_assert_status(casia_remittance_share(&r, ds, "TJK", "EUU", 2020, NULL),
                     CASIA_ENOTFOUND);
}
END_TEST

START_TEST(test_energy_share)
{
    casia_result r;
    /* UZB 2023 gas imports: RUS 6 of 8 bcm; TKM 2 from Turkmenistan's
     * own gas exports to UZB (the mirror) */
    ck_assert_status(casia_energy_share(&r, ds, "UZB", "RUS", 2023, NULL),
                     CASIA_OK);
    ck_assert_double_eq(r.value, 0.75);
    ck_assert_uint_eq(r.flags, CASIA_RESULT_TOTAL_WORLD);
    ck_assert_status(casia_energy_share(&r, ds, "UZB", "TKM", 2023, NULL),
                     CASIA_OK);
    ck_assert_double_eq(r.value, 0.25);
    ck_assert(r.flags & CASIA_RESULT_MIRROR_TRANSPOSED);
    ck_assert_int_eq(r.basis, CASIA_BASIS_MIXED);
    ck_assert_status(casia_energy_share(&r, ds, "UZB", "KAZ", 2023, NULL),
                     CASIA_ENOTFOUND);
}
END_TEST

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

/* ------------------------------------------------------------------ */
/* Composite and sensitivity                                           */

START_TEST(test_composite)
{
    casia_composite_result c;
    casia_options opt = CASIA_OPTIONS_INIT;
    double w[CASIA_DIM_COUNT] = {3, 1, 1, 1, 1, 1};
    /* KAZ-CHN 2020: trade 800/3000, institutions 1/4; arms: China never
     * supplied KAZ; no remittances, gas or votes. (800/3000 + 0.25) / 2 */
    ck_assert_status(casia_composite(&c, ds, "KAZ", "CHN", 2020, NULL), CASIA_OK);
    ck_near(c.result.value, (800.0 / 3000.0 + 0.25) / 2);
    ck_assert_uint_eq(c.result.dims,
                      (1u << CASIA_DIM_TRADE) | (1u << CASIA_DIM_INSTITUTIONS));
    ck_assert_uint_eq(c.result.count, 2);
    ck_assert(c.result.flags & CASIA_RESULT_PARTIAL_DIMS);
    ck_assert_int_eq(c.dim_status[CASIA_DIM_TRADE], CASIA_OK);
    ck_assert_int_eq(c.dim_status[CASIA_DIM_ARMS], CASIA_ENOTFOUND);
    ck_assert_int_eq(c.dim_status[CASIA_DIM_REMITTANCE], CASIA_ENOTFOUND);
    ck_assert_int_eq(c.dim_status[CASIA_DIM_UN_VOTES], CASIA_ENOTFOUND);
    ck_assert_double_eq(c.dim_value[CASIA_DIM_INSTITUTIONS], 0.25);
    ck_assert_double_eq(c.dim_weight[CASIA_DIM_TRADE], 0.5);
    ck_assert_double_eq(c.dim_weight[CASIA_DIM_INSTITUTIONS], 0.5);
    ck_assert(has_source(&c.result, "src_a") && has_source(&c.result, "cls"));
    /* RUS: (0.2 + 0.5) / 2; its arms window 2016-2020 is covered by
     * sipri_new (2016) without a delivery to KAZ: a zero denominator */
    ck_assert_status(casia_composite(&c, ds, "KAZ", "RUS", 2020, NULL), CASIA_OK);
    ck_near(c.result.value, 0.35);
    ck_assert_int_eq(c.dim_status[CASIA_DIM_ARMS], CASIA_EDOMAIN);
    /* the remittance share 1.25 is no fraction: left out */
    ck_assert_int_eq(c.dim_status[CASIA_DIM_REMITTANCE], CASIA_ERANGE);
    /* user weights 3 (trade) : 1 (institutions), the others unused */
    opt.weights = w;
    ck_assert_status(casia_composite(&c, ds, "KAZ", "CHN", 2020, &opt), CASIA_OK);
    ck_near(c.result.value, (3 * 800.0 / 3000.0 + 0.25) / 4);
    ck_near(c.dim_weight[CASIA_DIM_TRADE], 0.75);
    /* the available dimensions weigh nothing */
    w[CASIA_DIM_TRADE] = 0;
    w[CASIA_DIM_INSTITUTIONS] = 0;
    ck_assert_status(casia_composite(&c, ds, "KAZ", "CHN", 2020, &opt),
                     CASIA_EDOMAIN);
    w[CASIA_DIM_TRADE] = -1;
    ck_assert_status(casia_composite(&c, ds, "KAZ", "CHN", 2020, &opt),
                     CASIA_EINVAL);
    /* read through opt.weights (cppcheck 2.10 misses that: false positive) */
    /* cppcheck-suppress unreadVariable */
    w[CASIA_DIM_TRADE] = NAN;
    ck_assert_status(casia_composite(&c, ds, "KAZ", "CHN", 2020, &opt),
                     CASIA_EINVAL);
    /* KAZ 2022: no trade (turnover needs exports), institutions 1/4, UN
     * votes of 2022 5/6: (0.25 + 5/6) / 2 */
    ck_assert_status(casia_composite(&c, ds, "KAZ", "CHN", 2022, NULL), CASIA_OK);
    ck_near(c.result.value, (0.25 + 2.5 / 3.0) / 2);
    ck_assert_int_eq(c.dim_status[CASIA_DIM_TRADE], CASIA_ENOTFOUND);
    /* nothing at all */
    ck_assert_status(casia_composite(&c, ds, "TJK", "CHN", 2020, NULL),
                     CASIA_ENOTFOUND);
    ck_assert_status(casia_composite(&c, ds, "XXX", "CHN", 2020, NULL),
                     CASIA_ENOTFOUND);
}
END_TEST

START_TEST(test_sensitivity)
{
    casia_result r, again;
    casia_options opt = CASIA_OPTIONS_INIT;
    /* dimensions of both: trade (CHN 800/3000, RUS 600/3000) and
     * institutions (1/4, 2/4). CHN wins when w_trade > 0.25/0.31667 =
     * 0.78947, with w_trade ~ U(0, 1): probability 0.2105. The generator's
     * 10 000 draws, by the Python transcription above: 2118 wins, no tie */
    ck_assert_status(casia_composite_sensitivity(&r, ds, "KAZ", "CHN", "RUS",
                                                 2020, NULL), CASIA_OK);
    ck_assert_double_eq(r.value, 0.2118);
    ck_assert_double_eq(r.other, 0);
    ck_assert_uint_eq(r.count, 10000);
    ck_assert_uint_eq(r.dims,
                      (1u << CASIA_DIM_TRADE) | (1u << CASIA_DIM_INSTITUTIONS));
    ck_assert(fabs(r.value - (1 - 0.25 / (0.25 + 0.2 / 3))) < 0.02);
    /* same seed, same answer */
    ck_assert_status(casia_composite_sensitivity(&again, ds, "KAZ", "CHN", "RUS",
                                                 2020, NULL), CASIA_OK);
    ck_assert_double_eq(again.value, r.value);
    opt.seed = 1;
    ck_assert_status(casia_composite_sensitivity(&r, ds, "KAZ", "CHN", "RUS",
                                                 2020, &opt), CASIA_OK);
    ck_assert_double_eq(r.value, 0.2069);
    opt.draws = 0;
    ck_assert_status(casia_composite_sensitivity(&r, ds, "KAZ", "CHN", "RUS",
                                                 2020, &opt), CASIA_EINVAL);
    /* DEU leads nothing: only trade is shared, where CHN always leads */
    ck_assert_status(casia_composite_sensitivity(&r, ds, "KAZ", "CHN", "DEU",
                                                 2020, NULL), CASIA_OK);
    ck_assert_double_eq(r.value, 1);
    ck_assert_uint_eq(r.dims, 1u << CASIA_DIM_TRADE);
    ck_assert_status(casia_composite_sensitivity(&r, ds, "KAZ", "CHN", "CN",
                                                 2020, NULL), CASIA_EINVAL);
    ck_assert_status(casia_composite_sensitivity(&r, ds, "TJK", "CHN", "RUS",
                                                 2020, NULL), CASIA_ENOTFOUND);
}
END_TEST

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

static Suite *indices_suite(void)
{
    Suite *s = suite_create("indices");
    TCase *tc;

    tc = tcase_create("trade");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_share_reporter_table);
    tcase_add_test(tc, test_share_errors);
    tcase_add_test(tc, test_share_pinned_basis_and_source);
    tcase_add_test(tc, test_share_zero_total);
    tcase_add_test(tc, test_share_total_from_partners);
    tcase_add_test(tc, test_share_mirror_fallback);
    tcase_add_test(tc, test_share_mirror_forced);
    tcase_add_test(tc, test_discrepancy);
    tcase_add_test(tc, test_top_partners);
    tcase_add_test(tc, test_rank_index);
    tcase_add_test(tc, test_hhi_bounds);
    suite_add_tcase(s, tc);

    tc = tcase_create("trade_sums");
    tcase_add_checked_fixture(tc, setup_sums, teardown);
    tcase_add_test(tc, test_turnover_partner_sum);
    tcase_add_test(tc, test_money_out_of_range);
    tcase_add_test(tc, test_partner_list_order);
    tcase_add_test(tc, test_table_equals_calls_sums);
    suite_add_tcase(s, tc);

    tc = tcase_create("arms");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_arms_share);
    tcase_add_test(tc, test_arms_partial_and_missing);
    tcase_add_test(tc, test_arms_suppliers);
    suite_add_tcase(s, tc);

    tc = tcase_create("remittances_energy");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_remittance_gdp);
    tcase_add_test(tc, test_remittance_share);
    tcase_add_test(tc, test_energy_share);
    suite_add_tcase(s, tc);

    tc = tcase_create("institutions");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_memberships);
    tcase_add_test(tc, test_un_agreement);
    suite_add_tcase(s, tc);

    tc = tcase_create("composite");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_composite);
    tcase_add_test(tc, test_sensitivity);
    tcase_add_test(tc, test_periods);
    tcase_add_test(tc, test_index_names);
    suite_add_tcase(s, tc);

    tc = tcase_create("tables");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_table_equals_calls);
    tcase_add_test(tc, test_table_rows);
    tcase_add_test(tc, test_table_csv_locale);
    suite_add_tcase(s, tc);

    tc = tcase_create("table_years");
    tcase_add_checked_fixture(tc, setup_years, teardown);
    tcase_add_test(tc, test_table_years);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return run_suite(indices_suite());
}
