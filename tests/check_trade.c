/*
 * check_trade.c - the trade indices on the hand-written fixtures: shares
 * (with the mirror fallback and partner sums), discrepancies, rankings
 * and concentration, and sums out of range.
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

static Suite *suite(void)
{
    Suite *s = suite_create("trade");
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
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return run_suite(suite());
}
