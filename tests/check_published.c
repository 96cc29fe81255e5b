/*
 * check_published.c - published aggregates as inputs of the indices, and
 * the ledger of events and UN resolutions, on the hand-written fixture
 * tests/data/published.json.
 *
 * Every expected value is worked out by hand from the fixture's figures;
 * the arithmetic is in the comments. The order of inputs is the one
 * docs/indices.md ("The order of inputs") documents: the rows, then a
 * published turnover over a world total, then a published share.
 */
#include "testutil.h"

#include <stdlib.h>

static casia_dataset *ds;

static void setup(void)
{
    casia_error err;
    int rc = casia_dataset_load_file(&ds, test_data_path("published.json"), &err);
    ck_assert_msg(rc == CASIA_OK, "published.json: %s:%d:%d: %s", err.source,
                  err.line, err.column, err.text);
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

/* ------------------------------------------------------------------ */
/* Trade shares                                                        */

/* KGZ-CHN 2022: no import or export rows; the statistics office's
 * turnover 1500 over its world turnover 6000 = 0.25. */
START_TEST(test_turnover_over_world_turnover)
{
    casia_result r;
    ck_assert_status(casia_trade_share(&r, ds, "KGZ", "CHN", 2022,
                                       CASIA_FLOW_TURNOVER, NULL), CASIA_OK);
    ck_assert_double_eq(r.value, 0.25);
    ck_assert_double_eq(r.numerator, 1500);
    ck_assert_double_eq(r.denominator, 6000);
    ck_assert_int_eq(r.basis, CASIA_BASIS_NATIONAL_STATS);
    ck_assert_uint_eq(r.flags, CASIA_RESULT_TOTAL_WORLD | CASIA_RESULT_PUBLISHED_TURNOVER);
    ck_assert_uint_eq(r.source_count, 1);
    ck_assert_str_eq(r.sources[0], "nat");
    /* imports alone have no published figure */
    ck_assert_status(casia_trade_share(&r, ds, "KGZ", "CHN", 2022,
                                       CASIA_FLOW_IMPORT, NULL), CASIA_ENOTFOUND);
}
END_TEST

/* KGZ-RUS 2021: turnover 900 (national_stats) over the World Bank's
 * exports 1000 + imports 2000 = 3000: 0.3, two bases, so mixed. */
START_TEST(test_turnover_over_exports_plus_imports)
{
    casia_result r;
    ck_assert_status(casia_trade_share(&r, ds, "KGZ", "RUS", 2021,
                                       CASIA_FLOW_TURNOVER, NULL), CASIA_OK);
    ck_assert_double_eq(r.value, 0.3);
    ck_assert_double_eq(r.denominator, 3000);
    ck_assert_int_eq(r.basis, CASIA_BASIS_MIXED);
    ck_assert_uint_eq(r.flags, CASIA_RESULT_TOTAL_WORLD | CASIA_RESULT_PUBLISHED_TURNOVER |
                                   CASIA_RESULT_MIXED_BASIS);
    ck_assert(has_source(&r, "nat") && has_source(&r, "wdi"));
    /* one basis only: the national figure has no total of its basis */
    {
        casia_options o = CASIA_OPTIONS_INIT;
        o.basis = CASIA_BASIS_NATIONAL_STATS;
        ck_assert_status(casia_trade_share(&r, ds, "KGZ", "RUS", 2021,
                                           CASIA_FLOW_TURNOVER, &o), CASIA_ENOTFOUND);
    }
}
END_TEST

/* KGZ-CHN 2023: only the development bank's published share, 35% -> 0.35;
 * KGZ-RUS 2023 imports: the statistics office's 40% -> 0.4. */
START_TEST(test_published_share)
{
    casia_result r;
    ck_assert_status(casia_trade_share(&r, ds, "KGZ", "CHN", 2023,
                                       CASIA_FLOW_TURNOVER, NULL), CASIA_OK);
    ck_assert_double_eq(r.value, 0.35);
    ck_assert_uint_eq(r.flags, CASIA_RESULT_PUBLISHED_SHARE);
    ck_assert_int_eq(r.basis, CASIA_BASIS_OTHER);
    ck_assert_double_eq(r.numerator, 0);
    ck_assert_str_eq(r.sources[0], "edb");
    ck_assert_status(casia_trade_share(&r, ds, "KGZ", "RUS", 2023,
                                       CASIA_FLOW_IMPORT, NULL), CASIA_OK);
    ck_assert_double_eq(r.value, 0.4);
    ck_assert_int_eq(r.basis, CASIA_BASIS_NATIONAL_STATS);
    /* a published share of imports is not one of turnover or exports */
    ck_assert_status(casia_trade_share(&r, ds, "KGZ", "RUS", 2023,
                                       CASIA_FLOW_EXPORT, NULL), CASIA_ENOTFOUND);
}
END_TEST

/* KGZ-RUS 2023: a January-to-some-month turnover of 700 and a world
 * turnover of 7000 exist, but a partial year is never a year's value. */
START_TEST(test_partial_year_ignored)
{
    casia_result r;
    ck_assert_status(casia_trade_share(&r, ds, "KGZ", "RUS", 2023,
                                       CASIA_FLOW_TURNOVER, NULL), CASIA_ENOTFOUND);
}
END_TEST

/* TJK-CHN 2022: two national turnovers, 800 (nat) and 820 (nat2); the
 * only world total is nat2's 4100. The choice rule takes the numerator
 * from the total's source: 820 / 4100 = 0.2, SOURCE_CHOSEN. Pinned to
 * nat, 800 has no total of its source: not found; pinned to nat2: 0.2. */
START_TEST(test_choice_rule_and_pinned_source)
{
    casia_result r;
    casia_options o = CASIA_OPTIONS_INIT;
    ck_assert_status(casia_trade_share(&r, ds, "TJK", "CHN", 2022,
                                       CASIA_FLOW_TURNOVER, NULL), CASIA_OK);
    ck_assert_double_eq(r.value, 0.2);
    ck_assert_double_eq(r.numerator, 820);
    ck_assert_uint_eq(r.flags, CASIA_RESULT_TOTAL_WORLD | CASIA_RESULT_PUBLISHED_TURNOVER |
                                   CASIA_RESULT_SOURCE_CHOSEN);
    ck_assert_uint_eq(r.source_count, 1);
    ck_assert_str_eq(r.sources[0], "nat2");
    o.source = "nat";
    ck_assert_status(casia_trade_share(&r, ds, "TJK", "CHN", 2022,
                                       CASIA_FLOW_TURNOVER, &o), CASIA_ENOTFOUND);
    o.source = "nat2";
    ck_assert_status(casia_trade_share(&r, ds, "TJK", "CHN", 2022,
                                       CASIA_FLOW_TURNOVER, &o), CASIA_OK);
    ck_assert_double_eq(r.value, 0.2);
    ck_assert_uint_eq(r.flags, CASIA_RESULT_TOTAL_WORLD | CASIA_RESULT_PUBLISHED_TURNOVER);
}
END_TEST

/* TKM-CHN 2022: China reports its own turnover with Turkmenistan, 1000;
 * Turkmenistan's world total is the World Bank's 3000 + 1000 = 4000:
 * 0.25 from the mirror, flagged. Without the mirror: nothing. */
START_TEST(test_mirror_turnover)
{
    casia_result r;
    casia_options o = CASIA_OPTIONS_INIT;
    ck_assert_status(casia_trade_share(&r, ds, "TKM", "CHN", 2022,
                                       CASIA_FLOW_TURNOVER, NULL), CASIA_OK);
    ck_assert_double_eq(r.value, 0.25);
    ck_assert_int_eq(r.basis, CASIA_BASIS_MIXED);
    ck_assert_uint_eq(r.flags, CASIA_RESULT_TOTAL_WORLD | CASIA_RESULT_PUBLISHED_TURNOVER |
                                   CASIA_RESULT_MIRROR | CASIA_RESULT_MIRROR_TRANSPOSED |
                                   CASIA_RESULT_MIXED_BASIS);
    o.mirror = CASIA_MIRROR_NEVER;
    ck_assert_status(casia_trade_share(&r, ds, "TKM", "CHN", 2022,
                                       CASIA_FLOW_TURNOVER, &o), CASIA_ENOTFOUND);
}
END_TEST

/* UZB-CHN 2022: the rows answer first, (100 + 50) / (400 + 200) = 0.25;
 * the published 999 / 1000 is not used. */
START_TEST(test_rows_first)
{
    casia_result r;
    ck_assert_status(casia_trade_share(&r, ds, "UZB", "CHN", 2022,
                                       CASIA_FLOW_TURNOVER, NULL), CASIA_OK);
    ck_assert_double_eq(r.value, 0.25);
    ck_assert_int_eq(r.basis, CASIA_BASIS_REPORTER);
    ck_assert_uint_eq(r.flags & (CASIA_RESULT_PUBLISHED_TURNOVER |
                                 CASIA_RESULT_PUBLISHED_SHARE), 0);
}
END_TEST

/* KGZ-CHN 2022: Kyrgyz 1500 against China's 6000: (6000 - 1500) / 1500 = 3. */
START_TEST(test_published_gap)
{
    casia_result r;
    ck_assert_status(casia_trade_discrepancy(&r, ds, "KGZ", "CHN", 2022,
                                             CASIA_FLOW_TURNOVER, NULL), CASIA_OK);
    ck_assert_double_eq(r.value, 3);
    ck_assert_double_eq(r.numerator, 6000);
    ck_assert_double_eq(r.denominator, 1500);
    ck_assert(r.flags & CASIA_RESULT_PUBLISHED_TURNOVER);
    ck_assert(r.flags & CASIA_RESULT_MIRROR);
    ck_assert(has_source(&r, "nat") && has_source(&r, "gacc"));
    /* TJK-CHN 2022 has no partner's figure */
    ck_assert_status(casia_trade_discrepancy(&r, ds, "TJK", "CHN", 2022,
                                             CASIA_FLOW_TURNOVER, NULL),
                     CASIA_ENOTFOUND);
}
END_TEST

/* ------------------------------------------------------------------ */
/* Remittances: like by like                                           */

START_TEST(test_remittances_like_by_like)
{
    casia_result r;
    /* KAZ 2022: transfers from Russia 775 (money-transfer systems) and
     * personal remittances 480 (balance of payments): never 775 / 480 */
    ck_assert_status(casia_remittance_share(&r, ds, "KAZ", "RUS", 2022, NULL),
                     CASIA_ENOTFOUND);
    /* KGZ 2017: transfers over transfers, 2200 / 2400 */
    ck_assert_status(casia_remittance_share(&r, ds, "KGZ", "RUS", 2017, NULL),
                     CASIA_OK);
    ck_assert_double_eq(r.value, 2200.0 / 2400.0);
    /* TJK 2020: both concepts; personal remittances first, 2000 / 2500 */
    ck_assert_status(casia_remittance_share(&r, ds, "TJK", "RUS", 2020, NULL),
                     CASIA_OK);
    ck_assert_double_eq(r.value, 0.8);
    ck_assert_str_eq(r.sources[0], "wdi");
}
END_TEST

/* ------------------------------------------------------------------ */
/* Pipeline gas                                                        */

START_TEST(test_pipeline_gas)
{
    casia_result r;
    /* CHN 2023: 30 bcm from Turkmenistan of 60 bcm by pipeline = 0.5 */
    ck_assert_status(casia_energy_share(&r, ds, "CHN", "TKM", 2023, NULL), CASIA_OK);
    ck_assert_double_eq(r.value, 0.5);
    ck_assert_uint_eq(r.flags, CASIA_RESULT_TOTAL_WORLD | CASIA_RESULT_PIPELINE);
    /* 20 / 60 */
    ck_assert_status(casia_energy_share(&r, ds, "CHN", "RUS", 2023, NULL), CASIA_OK);
    ck_assert_double_eq(r.value, 20.0 / 60.0);
    /* 2024: only the published 45.37% */
    ck_assert_status(casia_energy_share(&r, ds, "CHN", "TKM", 2024, NULL), CASIA_OK);
    ck_assert_double_eq(r.value, 45.37 / 100);
    ck_assert_uint_eq(r.flags, CASIA_RESULT_PUBLISHED_SHARE | CASIA_RESULT_PIPELINE);
    ck_assert_status(casia_energy_share(&r, ds, "CHN", "RUS", 2024, NULL),
                     CASIA_ENOTFOUND);
}
END_TEST

/* ------------------------------------------------------------------ */
/* The bulk table holds the same values                                */

START_TEST(test_table_rows)
{
    casia_table *t;
    size_t i, n, found = 0;
    ck_assert_status(casia_table_build(&t, ds, NULL), CASIA_OK);
    n = casia_table_row_count(t);
    for (i = 0; i < n; i++) {
        casia_table_row w;
        casia_result r;
        ck_assert_status(casia_table_get_row(&w, t, i), CASIA_OK);
        ck_assert_status(casia_index(&r, ds, w.index, w.reporter, w.partner, w.year,
                                     NULL), CASIA_OK);
        ck_assert(r.value == w.value && r.flags == w.flags && r.basis == w.basis);
        if ((strcmp(w.reporter, "KGZ") == 0 && strcmp(w.partner, "CHN") == 0 &&
             w.year == 2022 && w.index == CASIA_INDEX_TURNOVER_SHARE &&
             w.value == 0.25) ||
            (strcmp(w.reporter, "KGZ") == 0 && strcmp(w.partner, "CHN") == 0 &&
             w.year == 2023 && w.index == CASIA_INDEX_TURNOVER_SHARE &&
             w.value == 0.35) ||
            (strcmp(w.reporter, "KGZ") == 0 && strcmp(w.partner, "CHN") == 0 &&
             w.year == 2022 && w.index == CASIA_INDEX_TURNOVER_DISCREPANCY &&
             w.value == 3) ||
            (strcmp(w.reporter, "TKM") == 0 && strcmp(w.partner, "CHN") == 0 &&
             w.year == 2022 && w.index == CASIA_INDEX_TURNOVER_SHARE &&
             w.value == 0.25) ||
            (strcmp(w.reporter, "CHN") == 0 && strcmp(w.partner, "TKM") == 0 &&
             w.year == 2024 && w.index == CASIA_INDEX_ENERGY_SHARE &&
             w.value == 45.37 / 100) ||
            (strcmp(w.reporter, "KGZ") == 0 && strcmp(w.partner, "RUS") == 0 &&
             w.year == 2017 && w.index == CASIA_INDEX_REMITTANCE_SHARE &&
             w.value == 2200.0 / 2400.0))
            found++;
    }
    ck_assert_uint_eq(found, 6);
    casia_table_free(t);
}
END_TEST

/* ------------------------------------------------------------------ */
/* The ledger                                                          */

START_TEST(test_events_listed)
{
    casia_event e;
    ck_assert_uint_eq(casia_dataset_event_count(ds), 6);
    /* sorted by date, then id: 2004, 2019-09, 2021-10-15, 2022-01-06, ... */
    ck_assert_status(casia_dataset_event(&e, ds, 0), CASIA_OK);
    ck_assert_str_eq(e.id, "base-201-tjk");
    ck_assert_int_eq(e.type, CASIA_EVENT_BASE);
    ck_assert_int_eq(e.year, 2004);
    ck_assert_int_eq(e.end_year, 0);
    ck_assert_ptr_null(e.note);
    ck_assert_status(casia_dataset_event(&e, ds, 3), CASIA_OK);
    ck_assert_str_eq(e.id, "csto-kaz-2022");
    ck_assert_str_eq(e.date, "2022-01-06");
    ck_assert_int_eq(e.end_year, 2022);
    ck_assert_str_eq(e.country, "KAZ");
    ck_assert_str_eq(e.partner, "CSTO");
    ck_assert_str_eq(e.source, "news");
    ck_assert_str_eq(e.note, "sent on 6 January");
    ck_assert_status(casia_dataset_event(&e, ds, 6), CASIA_ENOTFOUND);
    ck_assert_status(casia_dataset_event(NULL, ds, 0), CASIA_EINVAL);
    ck_assert_str_eq(casia_event_type_name(CASIA_EVENT_DEFENCE_AGREEMENT),
                     "defence_agreement");
    ck_assert_ptr_null(casia_event_type_name((casia_event_type)0));
    ck_assert_ptr_null(casia_event_type_name((casia_event_type)CASIA_EVENT_TYPE_END));
    {
        casia_event_type t;
        ck_assert_status(casia_event_type_parse(&t, "summit"), CASIA_OK);
        ck_assert_int_eq(t, CASIA_EVENT_SUMMIT);
        ck_assert_status(casia_event_type_parse(&t, "parade"), CASIA_EINVAL);
    }
}
END_TEST

START_TEST(test_events_query)
{
    casia_event e[8];
    size_t n;
    /* Kazakhstan: CIS 2021, CSTO 2022, C+C5 2023, China 2024 */
    ck_assert_status(casia_dataset_events(e, 8, &n, ds, "Kazakhstan", NULL, 0, 0, 0),
                     CASIA_OK);
    ck_assert_uint_eq(n, 4);
    ck_assert_str_eq(e[0].id, "cis-kaz-2021");
    ck_assert_str_eq(e[3].id, "visit-kaz-2024");
    /* with Russia: the CSTO, which Russia leads; the CIS is led by none */
    ck_assert_status(casia_dataset_events(e, 8, &n, ds, "KAZ", "RUS", 0, 0, 0),
                     CASIA_OK);
    ck_assert_uint_eq(n, 1);
    ck_assert_str_eq(e[0].id, "csto-kaz-2022");
    /* with China: the C+C5 summit and the visit */
    ck_assert_status(casia_dataset_events(e, 8, &n, ds, "KAZ", "CHN", 0, 0, 0),
                     CASIA_OK);
    ck_assert_uint_eq(n, 2);
    /* an organisation as the partner */
    ck_assert_status(casia_dataset_events(e, 8, &n, ds, NULL, "CIS", 0, 0, 0),
                     CASIA_OK);
    ck_assert_uint_eq(n, 1);
    /* a base stands every year from its date: 2020 finds the 2004 base */
    ck_assert_status(casia_dataset_events(e, 8, &n, ds, NULL, NULL,
                                          1u << CASIA_EVENT_BASE, 2020, 2020),
                     CASIA_OK);
    ck_assert_uint_eq(n, 1);
    /* types and years: summits and visits of 2023-2024 */
    ck_assert_status(casia_dataset_events(e, 8, &n, ds, NULL, NULL,
                                          (1u << CASIA_EVENT_SUMMIT) |
                                              (1u << CASIA_EVENT_VISIT),
                                          2023, 2024),
                     CASIA_OK);
    ck_assert_uint_eq(n, 2);
    /* the count goes past cap, as snprintf does */
    ck_assert_status(casia_dataset_events(e, 1, &n, ds, NULL, NULL, 0, 0, 0), CASIA_OK);
    ck_assert_uint_eq(n, 6);
    ck_assert_str_eq(e[0].id, "base-201-tjk");
    ck_assert_status(casia_dataset_events(NULL, 0, &n, ds, NULL, NULL, 0, 0, 0),
                     CASIA_OK);
    ck_assert_uint_eq(n, 6);
    ck_assert_status(casia_dataset_events(e, 8, &n, ds, "Kazakstan", NULL, 0, 0, 0),
                     CASIA_ENOTFOUND);
    ck_assert_status(casia_dataset_events(e, 8, &n, ds, NULL, "NATO", 0, 0, 0),
                     CASIA_ENOTFOUND);
    ck_assert_status(casia_dataset_events(e, 8, &n, ds, NULL, NULL, 1u, 0, 0),
                     CASIA_EINVAL);
    ck_assert_status(casia_dataset_events(e, 8, NULL, ds, NULL, NULL, 0, 0, 0),
                     CASIA_EINVAL);
}
END_TEST

/* The events index: the fixture's ledger (tests/data/published.json). */
START_TEST(test_event_count)
{
    casia_result r;
    casia_options o = CASIA_OPTIONS_INIT;
    /* KAZ with Russia in 2022: the CSTO deployment (Russia leads the CSTO) */
    ck_assert_status(casia_event_count(&r, ds, "KAZ", "RUS", 2022, 0, NULL), CASIA_OK);
    ck_assert_double_eq(r.value, 1);
    ck_assert_str_eq(r.unit, "count");
    ck_assert_uint_eq(r.source_count, 1);
    ck_assert_str_eq(r.sources[0], "news");
    /* KAZ with China: the C+C5 summit in 2023, the visit in 2024, nothing
     * in 2022 (the ledger covers Kazakhstan: 0, not "no data") */
    ck_assert_status(casia_event_count(&r, ds, "KAZ", "CHN", 2023, 0, NULL), CASIA_OK);
    ck_assert_double_eq(r.value, 1);
    ck_assert_status(casia_event_count(&r, ds, "KAZ", "CHN", 2022, 0, NULL), CASIA_OK);
    ck_assert_double_eq(r.value, 0);
    ck_assert_status(casia_event_count(&r, ds, "KAZ", "CHN", 2023,
                                       1u << CASIA_EVENT_VISIT, NULL), CASIA_OK);
    ck_assert_double_eq(r.value, 0);
    /* a base stands: TJK-RUS in 2020, from 2004 */
    ck_assert_status(casia_event_count(&r, ds, "TJK", "RUS", 2020, 0, NULL), CASIA_OK);
    ck_assert_double_eq(r.value, 1);
    /* an organisation as the partner */
    ck_assert_status(casia_event_count(&r, ds, "KAZ", "CIS", 2021, 0, NULL), CASIA_OK);
    ck_assert_double_eq(r.value, 1);
    /* a pinned source with no event of Kazakhstan: no data */
    o.source = "un";
    ck_assert_status(casia_event_count(&r, ds, "KAZ", "RUS", 2022, 0, &o),
                     CASIA_ENOTFOUND);
    /* Uzbekistan has no event in the ledger */
    ck_assert_status(casia_event_count(&r, ds, "UZB", "CHN", 2022, 0, NULL),
                     CASIA_ENOTFOUND);
    ck_assert_status(casia_event_count(&r, ds, "KAZ", "NATO", 2022, 0, NULL),
                     CASIA_ENOTFOUND);
    ck_assert_status(casia_event_count(&r, ds, "KAZ", "RUS", 2022, 1u, NULL),
                     CASIA_EINVAL);
    /* the same through casia_index() */
    ck_assert_status(casia_index(&r, ds, CASIA_INDEX_EVENTS, "KAZ", "RUS", 2022, NULL),
                     CASIA_OK);
    ck_assert_double_eq(r.value, 1);
    ck_assert_str_eq(casia_index_name(CASIA_INDEX_EVENTS), "events");
}
END_TEST

START_TEST(test_resolutions)
{
    /* the scores of casia_un_agreement(), one pair of votes at a time */
    ck_assert_double_eq(casia_vote_agreement(CASIA_VOTE_NO, CASIA_VOTE_NO), 1);
    ck_assert_double_eq(casia_vote_agreement(CASIA_VOTE_ABSTAIN, CASIA_VOTE_NO), 0.5);
    ck_assert_double_eq(casia_vote_agreement(CASIA_VOTE_YES, CASIA_VOTE_ABSTAIN), 0.5);
    ck_assert_double_eq(casia_vote_agreement(CASIA_VOTE_YES, CASIA_VOTE_NO), 0);
    ck_assert_double_eq(casia_vote_agreement(CASIA_VOTE_ABSENT, CASIA_VOTE_ABSENT), -1);
    ck_assert_double_eq(casia_vote_agreement(CASIA_VOTE_YES, (casia_vote_choice)0), -1);
    casia_resolution r;
    ck_assert_uint_eq(casia_dataset_resolution_count(ds), 1);
    ck_assert_status(casia_dataset_find_resolution(&r, ds, "ES-11/1"), CASIA_OK);
    ck_assert_str_eq(r.title, "Aggression against Ukraine");
    ck_assert_str_eq(r.date, "2022-03-02");
    ck_assert_str_eq(r.note, "adopted 141-5-35");
    ck_assert_status(casia_dataset_find_resolution(&r, ds, "ES-11/9"), CASIA_ENOTFOUND);
    ck_assert_status(casia_dataset_resolution(&r, ds, 1), CASIA_ENOTFOUND);
}
END_TEST

/* Saved and loaded back, the ledger is the same. */
START_TEST(test_round_trip)
{
    char *json;
    size_t n, i;
    casia_dataset *back;
    casia_error err;
    ck_assert_status(casia_dataset_to_json(&json, &n, ds), CASIA_OK);
    ck_assert_status(casia_dataset_load_buffer(&back, json, n, "back.json", &err),
                     CASIA_OK);
    ck_assert_uint_eq(casia_dataset_event_count(back), 6);
    ck_assert_uint_eq(casia_dataset_resolution_count(back), 1);
    for (i = 0; i < 6; i++) {
        casia_event a, b;
        ck_assert_status(casia_dataset_event(&a, ds, i), CASIA_OK);
        ck_assert_status(casia_dataset_event(&b, back, i), CASIA_OK);
        ck_assert_str_eq(a.id, b.id);
        ck_assert_str_eq(a.date, b.date);
        ck_assert_str_eq(a.partner, b.partner);
        ck_assert_int_eq(a.end_year, b.end_year);
        ck_assert_int_eq(a.type, b.type);
    }
    /* and merged with itself, nothing is counted twice */
    {
        const casia_dataset *two[2];
        casia_dataset *m;
        two[0] = ds;
        two[1] = back;
        ck_assert_status(casia_dataset_merge(&m, two, 2, &err),
                         CASIA_OK);
        ck_assert_uint_eq(casia_dataset_event_count(m), 6);
        ck_assert_uint_eq(casia_dataset_resolution_count(m), 1);
        casia_dataset_free(m);
    }
    casia_dataset_free(back);
    free(json);
}
END_TEST

/* Bad ledgers: each error names its place. Positions worked out by hand
 * on the one-line documents below (columns count from 1). */
static void expect_error(const char *events, int code, int column,
                         const char *text_part)
{
    char buf[2048];
    casia_dataset *d = NULL;
    casia_error err;
    int rc;
    snprintf(buf, sizeof buf,
             "{\"format\": \"casia-dataset/1\", \"sources\": [{\"id\": \"s\", "
             "\"title\": \"t\"}], \"organisations\": [{\"id\": \"CSTO\", \"name\": "
             "\"n\"}], \"events\": [%s]}",
             events);
    rc = load_text(&d, buf, &err);
    ck_assert_msg(rc == code, "%s: %s (%s)", events, casia_status_name(rc), err.text);
    ck_assert_ptr_null(d);
    ck_assert_msg(strstr(err.text, text_part) != NULL, "%s: '%s' lacks '%s'", events,
                  err.text, text_part);
    ck_assert_int_eq(err.line, 1);
    if (column)
        ck_assert_msg(err.column == column, "%s: column %d, expected %d", events,
                      err.column, column);
}

START_TEST(test_bad_events)
{
    /* the prefix before the event is 127 characters long: an event's
     * object starts at column 128 and its members after it */
    expect_error("{\"id\": \"a\", \"type\": \"parade\", \"date\": \"2022\", \"country\": "
                 "\"KAZ\", \"partner\": \"RUS\", \"title\": \"x\", \"source\": \"s\"}",
                 CASIA_ESCHEMA, 0, "unknown event type \"parade\"");
    expect_error("{\"id\": \"a\", \"type\": \"visit\", \"date\": \"2022-13\", \"country\": "
                 "\"KAZ\", \"partner\": \"RUS\", \"title\": \"x\", \"source\": \"s\"}",
                 CASIA_ESCHEMA, 0, "is not a date");
    expect_error("{\"id\": \"a\", \"type\": \"base\", \"date\": \"2022\", \"end\": 2020, "
                 "\"country\": \"KAZ\", \"partner\": \"RUS\", \"title\": \"x\", "
                 "\"source\": \"s\"}",
                 CASIA_ESCHEMA, 0, "ends (2020) before it starts (2022)");
    expect_error("{\"id\": \"a\", \"type\": \"visit\", \"date\": \"2022\", \"country\": "
                 "\"KAZ\", \"partner\": \"NATO\", \"title\": \"x\", \"source\": \"s\"}",
                 CASIA_ESCHEMA, 0, "partner \"NATO\"");
    expect_error("{\"id\": \"a\", \"type\": \"visit\", \"date\": \"2022\", \"country\": "
                 "\"KAZ\", \"partner\": \"RUS\", \"title\": \"x\", \"source\": \"s\"}, "
                 "{\"id\": \"a\", \"type\": \"visit\", \"date\": \"2022\", \"country\": "
                 "\"KAZ\", \"partner\": \"RUS\", \"title\": \"y\", \"source\": \"s\"}",
                 CASIA_ECONFLICT, 0, "event \"a\" is given twice");
    expect_error("{\"id\": \"a\", \"type\": \"visit\", \"date\": \"2022\", \"country\": "
                 "\"KAZ\", \"partner\": \"RUS\", \"title\": \"x\", \"source\": \"t\"}",
                 CASIA_ESCHEMA, 0, "source \"t\" is cited but not defined");
    expect_error("{\"id\": \"a\", \"type\": \"visit\", \"date\": \"2022\", \"country\": "
                 "\"KAZ\", \"partner\": \"RUS\", \"title\": \"x\", \"source\": \"s\", "
                 "\"where\": \"Astana\"}",
                 CASIA_ESCHEMA, 0, "where");
}
END_TEST

static Suite *published_suite(void)
{
    Suite *s = suite_create("published");
    TCase *tc = tcase_create("trade");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_turnover_over_world_turnover);
    tcase_add_test(tc, test_turnover_over_exports_plus_imports);
    tcase_add_test(tc, test_published_share);
    tcase_add_test(tc, test_partial_year_ignored);
    tcase_add_test(tc, test_choice_rule_and_pinned_source);
    tcase_add_test(tc, test_mirror_turnover);
    tcase_add_test(tc, test_rows_first);
    tcase_add_test(tc, test_published_gap);
    tcase_add_test(tc, test_remittances_like_by_like);
    tcase_add_test(tc, test_pipeline_gas);
    tcase_add_test(tc, test_table_rows);
    suite_add_tcase(s, tc);
    tc = tcase_create("ledger");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_events_listed);
    tcase_add_test(tc, test_events_query);
    tcase_add_test(tc, test_resolutions);
    tcase_add_test(tc, test_event_count);
    tcase_add_test(tc, test_round_trip);
    tcase_add_test(tc, test_bad_events);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return run_suite(published_suite());
}
