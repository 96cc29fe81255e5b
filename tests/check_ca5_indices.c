/*
 * check_ca5_indices.c - the indices on the embedded default dataset,
 * against the source analysis's claims where its data speaks to them.
 *
 * Every expected figure was computed from the cited CSV files of the
 * default dataset by the Python 3 program below, run in their directory.
 * It picks the rows by hand (indicator, reporter, partner, year, basis,
 * source) rather than by the library's rules; sens() is the transcription
 * of the weight generator recorded in tests/check_composite.c.
 *
 *   import csv, math
 *   rows = list(csv.DictReader(open('observations.csv')))
 *   def v(ind, rep, par, year, basis, src):
 *       r = [x for x in rows if (x['indicator'], x['reporter'], x['partner'],
 *            x['year'], x['basis'], x['source_id']) == (ind, rep, par, str(year), basis, src)]
 *       assert len(r) == 1; return float(r[0]['value'])
 *   M, X, TIV = 'trade.import', 'trade.export', 'arms.import_tiv'
 *   # F1 UZB 2023 imports, Uzbek statistics
 *   c = v(M,'UZB','CHN',2023,'national_stats','gazeta_uz_20240209')
 *   r = v(M,'UZB','RUS',2023,'national_stats','gazeta_uz_20240209')
 *   w = v(M,'UZB','WLD',2023,'national_stats','intellinews_308876')
 *   print('F1 UZB 2023 import share CHN %.10f RUS %.10f ratio %.10f' % (c/w, r/w, c/r))
 *   # F2 UZB import shares: 2019-2021 (2021 has no total) against 2022-2023
 *   d = {}
 *   for y in (2019, 2020):
 *       W = v(M,'UZB','WLD',y,'reporter','imf_dots_2022_UZB')
 *       for p in ('CHN', 'RUS'):
 *           d[p, y] = v(M,'UZB',p,y,'reporter','imf_dots_2022_UZB') / W
 *   W = v(M,'UZB','WLD',2022,'national_stats','intellinews_308876')
 *   d['CHN', 2022] = v(M,'UZB','CHN',2022,'partner_mirror','comtradeplus_chn_2022') / W
 *   d['RUS', 2022] = v(M,'UZB','RUS',2022,'national_stats','kursiv_uz_20230425') / W
 *   d['CHN', 2023], d['RUS', 2023] = c/w, r/w
 *   P = {(p, k): (d[p, y0] + d[p, y1]) / 2 for p in ('CHN', 'RUS')
 *        for k, (y0, y1) in ((1, (2019, 2020)), (2, (2022, 2023)))}
 *   for p in ('CHN', 'RUS'):
 *       print('F2 %s P1 %.10f P2 %.10f change_pp %.10f' % (p, P[p,1], P[p,2], (P[p,2]-P[p,1])*100))
 *   print('F2 gap P1 %.10f P2 %.10f' % ((P['CHN',1]-P['RUS',1])*100, (P['CHN',2]-P['RUS',2])*100))
 *   # F3 TJK remittances as % of GDP: US dollars (asiaplus_20240711) over WDI GDP
 *   for y in (2021, 2022, 2023):
 *       print('F3 TJK %d computed %.10f' % (y, 100 * v('remittance.inflow_usd','TJK','WLD',y,'other','asiaplus_20240711')
 *                                          / v('gdp.current_usd','TJK','WLD',y,'other','wdi_gdp_errorsymon')))
 *   print('F3 TJK 2024 reported', v('remittance.inflow_pct_gdp','TJK','WLD',2024,'other','thecentralasia_tj_8475'))
 *   # F4 TKM arms: TIV summed by supplier over the window, one source
 *   def arms(rep, src, a, b):
 *       s = {}
 *       for x in rows:
 *           if x['indicator'] == TIV and x['reporter'] == rep and x['source_id'] == src \
 *              and a <= int(x['year']) <= b and x['partner'] != 'WLD':
 *               s[x['partner']] = s.get(x['partner'], 0) + float(x['value'])
 *       return s
 *   for src, a, b in (('sipri_register_2026', 2013, 2024), ('sipri_tiv_imp_TKM_2022', 2013, 2021)):
 *       s = arms('TKM', src, a, b); T = sum(s.values())
 *       top = sorted(s.items(), key=lambda kv: (-kv[1], kv[0]))
 *       print('F4 %s %d-%d total %.4f CHN %.10f RUS %.10f TUR %.10f top %s' % (src, a, b, T,
 *             s['CHN']/T, s['RUS']/T, s['TUR']/T, [k for k, _ in top[:3]]))
 *   # F5 KAZ-CHN 2021 imports: China's figure against Kazakhstan's, one source
 *   m = v(M,'KAZ','CHN',2021,'partner_mirror','desht_mirror_china')
 *   k = v(M,'KAZ','CHN',2021,'reporter','desht_mirror_china')
 *   print('F5 KAZ-CHN 2021 import discrepancy %.10f' % ((m - k) / k))
 *   # F6 Kazakh figure for Russia over the World Bank's total
 *   print('F6 KAZ 2021 RUS import share %.10f' % (v(M,'KAZ','RUS',2021,'national_stats','ckhq_kazinform_imports')
 *                                                 / v(M,'KAZ','WLD',2021,'other','wdi_kaz_2026')))
 *   # F7 KGZ 2019 turnover HHI, IMF DOTS: partners with both flows, no aggregates
 *   def dots(ind, rep, y):
 *       return {x['partner']: float(x['value']) for x in rows if x['indicator'] == ind
 *               and x['reporter'] == rep and x['year'] == str(y) and x['basis'] == 'reporter'}
 *   Mk, Xk = dots(M,'KGZ',2019), dots(X,'KGZ',2019)
 *   T = Mk['WLD'] + Xk['WLD']
 *   sh = [(Mk[p] + Xk[p]) / T for p in Mk if p in Xk and p not in ('WLD', 'EUU')]
 *   lo, cov = sum(s*s for s in sh), sum(sh)
 *   print('F7 KGZ 2019 turnover HHI lower %.10f coverage %.10f upper %.10f partners %d' % (lo, cov, lo + (1-cov)**2, len(sh)))
 *   # F8 UZB 2023: turnover, arms 2019-2023 (register), institutions (CHN: SCO,
 *   # C+C5; RUS: EAEU observer; USA: C5+1) for CHN and RUS, then the sensitivity
 *   tw = w + v(X,'UZB','WLD',2023,'national_stats','intellinews_308876')
 *   tc = (c + v(X,'UZB','CHN',2023,'national_stats','gazeta_uz_20240209')) / tw
 *   tr = (r + v(X,'UZB','RUS',2023,'national_stats','gazeta_uz_20240209')) / tw
 *   s = arms('UZB', 'sipri_register_2026', 2019, 2023); T = sum(s.values())
 *   print('F8 UZB 2023 dims CHN', tc, s.get('CHN', 0)/T, 2/4, 'RUS', tr, s['RUS']/T, 1/4)
 *   # sens(): the transcription of the generator in tests/check_composite.c
 *   print('F8 UZB 2023 sensitivity', sens([tc, s.get('CHN', 0)/T, 2/4], [tr, s['RUS']/T, 1/4]))
 *
 * Its output:
 *
 *   F1 UZB 2023 import share CHN 0.2955380577 RUS 0.1727034121 ratio
 *       1.7112462006
 *   F2 CHN P1 0.2264725529 P2 0.2699868914 change_pp 4.3514338485
 *   F2 RUS P1 0.1931576490 P2 0.1873289047 change_pp -0.5828744260
 *   F2 gap P1 3.3314903917 P2 8.2657986662
 *   F3 TJK 2021 computed 32.4464439240
 *   F3 TJK 2022 computed 49.4701781240
 *   F3 TJK 2023 computed 47.2613224101
 *   F3 TJK 2024 reported 45.3
 *   F4 sipri_register_2026 2013-2024 total 1233.7500 CHN 0.1990678825 RUS
 *       0.0954812563 TUR 0.4329078014 top ['TUR', 'CHN', 'ITA']
 *   F4 sipri_tiv_imp_TKM_2022 2013-2021 total 1205.0000 CHN 0.1941908714
 *       RUS 0.0995850622 TUR 0.4149377593 top ['TUR', 'CHN', 'ITA']
 *   F5 KAZ-CHN 2021 import discrepancy 0.7073170732
 *   F6 KAZ 2021 RUS import share 0.4274853659
 *   F7 KGZ 2019 turnover HHI lower 0.1657672747 coverage 0.9173019532
 *       upper 0.1726062416 partners 17
 *   F8 UZB 2023 dims CHN 0.21952 0.0 0.5 RUS 0.15808 0.6633574007220217
 *       0.25
 *   F8 UZB 2023 sensitivity (3322, 0)
 */
#include "testutil.h"

#include <math.h>

#define TOL 5e-10   /* the figures above have 10 decimals */

static casia_dataset *ds;

static void setup(void)
{
    ck_assert_status(casia_dataset_open_default(&ds, NULL), CASIA_OK);
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

/* "Imports from China rose significantly after 2021, reaching
 * approximately $12 billion in 2023. In contrast, imports from Russia ...
 * remaining below $7 billion in 2023." */
START_TEST(test_uzb_imports_2023)
{
    casia_result c, r;
    ck_assert_status(casia_trade_share(&c, ds, "UZB", "CHN", 2023,
                                       CASIA_FLOW_IMPORT, NULL), CASIA_OK);
    ck_assert_status(casia_trade_share(&r, ds, "UZB", "RUS", 2023,
                                       CASIA_FLOW_IMPORT, NULL), CASIA_OK);
    ck_near(c.value, 0.2955380577);
    ck_near(r.value, 0.1727034121);
    ck_near(c.value / r.value, 1.7112462006);
    ck_assert_double_eq(c.numerator, 11.26e9);   /* "approximately $12 bn" */
    ck_assert_double_eq(r.numerator, 6.58e9);    /* "below $7 bn" */
    ck_assert_int_eq(c.basis, CASIA_BASIS_NATIONAL_STATS);
    ck_assert_uint_eq(c.flags, CASIA_RESULT_TOTAL_WORLD);
    ck_assert(has_source(&c, "gazeta_uz_20240209"));
    ck_assert(has_source(&c, "intellinews_308876"));
}
END_TEST

/* "Looking at the import volume from China and Russia, there was an
 * increase from 2019 to 2023": as shares of Uzbek imports, China's grew,
 * Russia's did not. */
START_TEST(test_uzb_import_periods)
{
    casia_period_comparison cmp;
    ck_assert_status(casia_compare_periods(&cmp, ds, CASIA_INDEX_IMPORT_SHARE,
                                           "UZB", "CHN", "RUS", NULL), CASIA_OK);
    ck_near(cmp.mean[0][0].value, 0.2264725529);
    ck_near(cmp.mean[0][1].value, 0.2699868914);
    ck_near(cmp.mean[1][0].value, 0.1931576490);
    ck_near(cmp.mean[1][1].value, 0.1873289047);
    ck_near(cmp.change[0], 4.3514338485);
    ck_near(cmp.change[1], -0.5828744260);
    ck_near(cmp.gap[0], 3.3314903917);
    ck_near(cmp.gap[1], 8.2657986662);
    /* 2021 has no Uzbek total */
    ck_assert_uint_eq(cmp.mean[0][0].count, 2);
    ck_assert(cmp.mean[0][0].flags & CASIA_RESULT_WINDOW_PARTIAL);
    /* 2022's figure for China is China's own (Comtrade), over an Uzbek total */
    ck_assert(cmp.mean[0][1].flags & CASIA_RESULT_MIRROR);
    ck_assert_int_eq(cmp.mean[0][1].basis, CASIA_BASIS_MIXED);
}
END_TEST

/* "remittance payments comprising over 30% of the Tajik economy" */
START_TEST(test_tjk_remittances)
{
    casia_result r;
    ck_assert_status(casia_remittance_gdp(&r, ds, "TJK", 2021, NULL), CASIA_OK);
    ck_near(r.value, 32.4464439240);
    ck_assert(!(r.flags & (CASIA_RESULT_DISAGREE | CASIA_RESULT_REPORTED)));
    ck_assert_status(casia_remittance_gdp(&r, ds, "TJK", 2022, NULL), CASIA_OK);
    ck_near(r.value, 49.4701781240);
    ck_assert(!(r.flags & CASIA_RESULT_DISAGREE));
    /* $5.7 bn against the ADB's "48.2% of GDP": beyond rounding */
    ck_assert_status(casia_remittance_gdp(&r, ds, "TJK", 2023, NULL), CASIA_OK);
    ck_near(r.value, 47.2613224101);
    ck_assert(r.flags & CASIA_RESULT_DISAGREE);
    ck_assert_double_eq(r.other, 48.2);
    ck_assert_status(casia_remittance_gdp(&r, ds, "TJK", 2024, NULL), CASIA_OK);
    ck_assert_double_eq(r.value, 45.3);
    ck_assert(r.flags & CASIA_RESULT_REPORTED);
}
END_TEST

/* "Turkmenistan has received over 20% of its arms from Beijing since 2013
 * already surpassing those of Russia"; "Turkey has consistently ranked as
 * the largest military supplier". SIPRI's data gives China just under 20%
 * (19.9% in the 2026 register, 19.4% in the 2022 tables), twice Russia's
 * share, with Turkey first. */
START_TEST(test_tkm_arms_since_2013)
{
    casia_result r;
    casia_rank_entry e[3];
    size_t n;
    casia_options opt = CASIA_OPTIONS_INIT;
    ck_assert_status(casia_arms_share(&r, ds, "TKM", "CHN", 2013, 2024, NULL),
                     CASIA_OK);
    ck_near(r.value, 0.1990678825);
    ck_assert_str_eq(r.sources[0], "sipri_register_2026");
    ck_assert_double_eq(r.denominator, 1233.75);
    ck_assert_status(casia_arms_share(&r, ds, "TKM", "RUS", 2013, 2024, NULL),
                     CASIA_OK);
    ck_near(r.value, 0.0954812563);
    ck_assert_status(casia_arms_suppliers(e, 3, &n, NULL, ds, "TKM", 2013, 2024,
                                          NULL), CASIA_OK);
    ck_assert_str_eq(e[0].partner, "TUR");
    ck_near(e[0].share, 0.4329078014);
    ck_assert_str_eq(e[1].partner, "CHN");
    ck_assert_str_eq(e[2].partner, "ITA");
    /* the 2022 vintage, which ends in 2021 */
    opt.source = "sipri_tiv_imp_TKM_2022";
    ck_assert_status(casia_arms_share(&r, ds, "TKM", "CHN", 2013, 2021, &opt),
                     CASIA_OK);
    ck_near(r.value, 0.1941908714);
    ck_assert_double_eq(r.denominator, 1205);
}
END_TEST

/* Kazakhstan's and China's customs differ by billions. */
START_TEST(test_kaz_chn_discrepancy)
{
    casia_result r;
    ck_assert_status(casia_trade_discrepancy(&r, ds, "KAZ", "CHN", 2021,
                                             CASIA_FLOW_IMPORT, NULL), CASIA_OK);
    ck_near(r.value, 0.7073170732);
    ck_assert_double_eq(r.numerator, 14e9);
    ck_assert_double_eq(r.denominator, 8.2e9);
    /* 14.0 bn (desht_mirror_china, which also gives the reported side)
     * rather than 13.98 bn (silkroad_kz_2021) */
    ck_assert(r.flags & CASIA_RESULT_SOURCE_CHOSEN);
    ck_assert(!has_source(&r, "silkroad_kz_2021"));
}
END_TEST

START_TEST(test_kaz_trade)
{
    casia_result r;
    casia_rank_entry e[4];
    size_t n;
    /* "Russia's exports to Kazakhstan 17.6 billion USD in 2021 (43% of
     * Kazakh imports)", over the World Bank's total */
    ck_assert_status(casia_trade_share(&r, ds, "KAZ", "RUS", 2021,
                                       CASIA_FLOW_IMPORT, NULL), CASIA_OK);
    ck_near(r.value, 0.4274853659);
    ck_assert_int_eq(r.basis, CASIA_BASIS_MIXED);
    /* "China has taken over as Kazakhstan's largest trading partner": in
     * 2023 China (24.7 bn by Chinese data + 14.7 bn by Kazakh data) leads
     * the partners the data lists. Russia has no import or export row for
     * 2023; its turnover share comes from published turnovers */
    ck_assert_status(casia_top_partners(e, 4, &n, NULL, ds, "KAZ", 2023,
                                        CASIA_FLOW_TURNOVER, NULL), CASIA_OK);
    ck_assert_uint_eq(n, 4);
    ck_assert_str_eq(e[0].partner, "CHN");
    ck_assert_double_eq(e[0].value, 39.4e9);
    ck_assert_str_eq(e[1].partner, "UZB");
    ck_assert_double_eq(e[1].value, 4.4e9);   /* Uzbek data: 3.03 + 1.37 */
    /* ... published turnovers (docs/indices.md, "The order of inputs"):
     * Kazakh national figures of 26e9 from two sources (astanatimes_202402
     * _digest and newsfront_ria_2023: the smaller id is taken,
     * SOURCE_CHOSEN), over the World Bank's world exports plus imports,
     * 78.533e9 + 60.655e9 = 139.188e9 (wdi_kaz_2026):
     * 26 / 139.188 = 0.18679771 (mixed: national_stats and other) */
    ck_assert_status(casia_trade_share(&r, ds, "KAZ", "RUS", 2023,
                                       CASIA_FLOW_TURNOVER, NULL), CASIA_OK);
    ck_assert_double_eq(r.numerator, 26e9);
    ck_assert_double_eq(r.denominator, 139188e6);
    ck_near(r.value, 0.1867977124);
    ck_assert_uint_eq(r.flags, CASIA_RESULT_TOTAL_WORLD | CASIA_RESULT_MIXED_BASIS |
                                   CASIA_RESULT_SOURCE_CHOSEN |
                                   CASIA_RESULT_PUBLISHED_TURNOVER);
    /* and China's, from the rows: (24.7e9 + 14.7e9) / 139.188e9 = 0.28307 */
    ck_assert_status(casia_trade_share(&r, ds, "KAZ", "CHN", 2023,
                                       CASIA_FLOW_TURNOVER, NULL), CASIA_OK);
    ck_near(r.value, 39.4 / 139.188);
}
END_TEST

START_TEST(test_kgz_hhi)
{
    casia_result r;
    ck_assert_status(casia_hhi(&r, ds, "KGZ", 2019, CASIA_FLOW_TURNOVER, NULL),
                     CASIA_OK);
    ck_near(r.lower, 0.1657672747);
    ck_near(r.coverage, 0.9173019532);
    ck_near(r.upper, 0.1726062416);
    ck_assert_uint_eq(r.count, 17);
    ck_assert_int_eq(r.basis, CASIA_BASIS_REPORTER);
}
END_TEST

START_TEST(test_uzb_sensitivity)
{
    casia_result r;
    casia_composite_result c;
    /* trade, arms (2019-2023), institutions and the UN votes of 2023
     * (ES-11/6: UZB and China abstained, Russia voted no) are known for
     * both; the remittance share only for Russia, so it is left out.
     * 6207 of 10000 draws: the generator's transcription above (see
     * tests/check_composite.c), sens([0.21952, 0, 0.5, 1],
     * [0.15808, 147 / 221.6, 0.25, 0.5]) -> (6207, 0) */
    ck_assert_status(casia_composite_sensitivity(&r, ds, "UZB", "CHN", "RUS",
                                                 2023, NULL), CASIA_OK);
    ck_assert_double_eq(r.value, 0.6207);
    ck_assert_uint_eq(r.dims, (1u << CASIA_DIM_TRADE) | (1u << CASIA_DIM_ARMS) |
                                  (1u << CASIA_DIM_INSTITUTIONS) |
                                  (1u << CASIA_DIM_UN_VOTES));
    ck_assert_status(casia_composite(&c, ds, "UZB", "CHN", 2023, NULL), CASIA_OK);
    ck_near(c.dim_value[CASIA_DIM_TRADE], 0.21952);
    ck_assert_double_eq(c.dim_value[CASIA_DIM_ARMS], 0);
    ck_assert_double_eq(c.dim_value[CASIA_DIM_INSTITUTIONS], 0.5);
    ck_assert_double_eq(c.dim_value[CASIA_DIM_UN_VOTES], 1);
    ck_near(c.result.value, (0.21952 + 0 + 0.5 + 1) / 4);
    ck_assert_status(casia_composite(&c, ds, "UZB", "RUS", 2023, NULL), CASIA_OK);
    ck_assert_double_eq(c.dim_value[CASIA_DIM_UN_VOTES], 0.5);
    ck_near(c.dim_value[CASIA_DIM_ARMS], 0.6633574007220217);
    ck_assert_int_eq(c.dim_status[CASIA_DIM_REMITTANCE], CASIA_OK);
}
END_TEST

/* Every row of the bulk table is the per-call value, bit for bit. */
START_TEST(test_table)
{
    casia_table *t;
    size_t i, n;
    ck_assert_status(casia_table_build(&t, ds, NULL), CASIA_OK);
    n = casia_table_row_count(t);
    ck_assert_uint_gt(n, 1000);
    for (i = 0; i < n; i++) {
        casia_table_row w;
        casia_result r;
        ck_assert_status(casia_table_get_row(&w, t, i), CASIA_OK);
        ck_assert_status(casia_index(&r, ds, w.index, w.reporter, w.partner,
                                     w.year, NULL), CASIA_OK);
        /* table rows keep no sources, so a composite row cannot know that
         * its dimensions' sources would overflow a casia_result's list:
         * SOURCES_TRUNCATED is the one flag a table row may lack */
        ck_assert_msg(r.value == w.value && r.basis == w.basis &&
                          (r.flags & ~CASIA_RESULT_SOURCES_TRUNCATED) == w.flags,
                      "%s %s %d %s: table %.17g, call %.17g", w.reporter,
                      w.partner, w.year, casia_index_name(w.index), w.value,
                      r.value);
    }
    casia_table_free(t);
}
END_TEST

static Suite *ca5_suite(void)
{
    Suite *s = suite_create("ca5_indices");
    TCase *tc = tcase_create("findings");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_uzb_imports_2023);
    tcase_add_test(tc, test_uzb_import_periods);
    tcase_add_test(tc, test_tjk_remittances);
    tcase_add_test(tc, test_tkm_arms_since_2013);
    tcase_add_test(tc, test_kaz_chn_discrepancy);
    tcase_add_test(tc, test_kaz_trade);
    tcase_add_test(tc, test_kgz_hhi);
    tcase_add_test(tc, test_uzb_sensitivity);
    suite_add_tcase(s, tc);
    tc = tcase_create("table");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_table);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return run_suite(ca5_suite());
}
