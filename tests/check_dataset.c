/*
 * check_dataset.c - the store: look-ups, cursors and accessors, on the
 * hand-written fixture tests/data/small.json. Every expected value below
 * is read off that file by hand; the expected order is the documented one
 * (indicator id, then reporter, partner, year, basis, source).
 */
#include "testutil.h"

#include <pthread.h>

static casia_dataset *ds;

static void setup(void)
{
    casia_error err;
    int rc = casia_dataset_load_file(&ds, test_data_path("small.json"), &err);
    ck_assert_msg(rc == CASIA_OK, "small.json: %s:%d:%d: %s", err.source,
                  err.line, err.column, err.text);
}

static void teardown(void)
{
    casia_dataset_free(ds);
    ds = NULL;
}

START_TEST(test_counts)
{
    /* series values: 2 + 1 + 1 + 1 + 1 + 1 */
    ck_assert_uint_eq(casia_dataset_observation_count(ds), 7);
    ck_assert_uint_eq(casia_dataset_indicator_count(ds), 3);
    ck_assert_uint_eq(casia_dataset_source_count(ds), 2);
    ck_assert_uint_eq(casia_dataset_membership_count(ds), 3);
    ck_assert_uint_eq(casia_dataset_organisation_count(ds), 2);
    ck_assert_uint_eq(casia_dataset_vote_count(ds), 3);
    ck_assert_str_eq(casia_dataset_title(ds), "Small test dataset");
    ck_assert_ptr_nonnull(strstr(casia_dataset_description(ds), "fixture"));
    ck_assert_uint_eq(casia_dataset_observation_count(NULL), 0);
    ck_assert_ptr_null(casia_dataset_title(NULL));
}
END_TEST

START_TEST(test_order)
{
    /* indicators sort as custom.index < trade.export < trade.import;
     * KAZ's partners as CHN < RUS < WLD; at KAZ-CHN 2020 reporter (1)
     * comes before partner_mirror (2) */
    static const struct {
        const char *ind, *rep, *par;
        int year;
        double value;
        casia_basis basis;
        const char *source;
    } want[] = {
        {"custom.index", "TJK", "WLD", 2022, -3.25, CASIA_BASIS_OTHER, "src_b"},
        {"trade.export", "UZB", "CHN", 2021, 7, CASIA_BASIS_REPORTER, "src_a"},
        {"trade.import", "KAZ", "CHN", 2019, 90.5, CASIA_BASIS_REPORTER, "src_a"},
        {"trade.import", "KAZ", "CHN", 2020, 100, CASIA_BASIS_REPORTER, "src_a"},
        {"trade.import", "KAZ", "CHN", 2020, 150, CASIA_BASIS_PARTNER_MIRROR, "src_b"},
        {"trade.import", "KAZ", "RUS", 2020, 200, CASIA_BASIS_REPORTER, "src_a"},
        {"trade.import", "KAZ", "WLD", 2020, 1000, CASIA_BASIS_REPORTER, "src_a"},
    };
    size_t i;
    casia_observation o;
    for (i = 0; i < 7; i++) {
        ck_assert_status(casia_dataset_observation(&o, ds, i), CASIA_OK);
        ck_assert_str_eq(o.indicator, want[i].ind);
        ck_assert_str_eq(o.reporter, want[i].rep);
        ck_assert_str_eq(o.partner, want[i].par);
        ck_assert_int_eq(o.year, want[i].year);
        ck_assert_double_eq(o.value, want[i].value);
        ck_assert_int_eq(o.basis, want[i].basis);
        ck_assert_str_eq(o.source, want[i].source);
    }
    ck_assert_status(casia_dataset_observation(&o, ds, 7), CASIA_ENOTFOUND);
    ck_assert_status(casia_dataset_observation(NULL, ds, 0), CASIA_EINVAL);
    ck_assert_status(casia_dataset_observation(&o, NULL, 0), CASIA_EINVAL);
}
END_TEST

START_TEST(test_units_and_notes)
{
    casia_observation o;
    casia_dataset_observation(&o, ds, 0);
    ck_assert_str_eq(o.unit, "points");   /* declared in "indicators" */
    ck_assert_ptr_null(o.note);
    casia_dataset_observation(&o, ds, 4);
    ck_assert_str_eq(o.unit, "USD");      /* fixed unit of trade.import */
    ck_assert_str_eq(o.note, "China's exports to KAZ");
    ck_assert_str_eq(casia_indicator_unit("trade.import"), "USD");
    ck_assert_str_eq(casia_indicator_unit("arms.import_tiv"), "TIV_million");
    ck_assert_str_eq(casia_indicator_unit("remittance.inflow_pct_gdp"), "pct_gdp");
    ck_assert_str_eq(casia_indicator_unit("energy.gas_import_bcm"), "bcm");
    ck_assert_ptr_null(casia_indicator_unit("custom.index"));
    ck_assert_ptr_null(casia_indicator_unit("trade"));
    ck_assert_ptr_null(casia_indicator_unit(NULL));
}
END_TEST

START_TEST(test_indicators)
{
    const char *id, *unit;
    ck_assert_status(casia_dataset_indicator(&id, &unit, ds, 0), CASIA_OK);
    ck_assert_str_eq(id, "custom.index");
    ck_assert_str_eq(unit, "points");
    ck_assert_status(casia_dataset_indicator(&id, &unit, ds, 2), CASIA_OK);
    ck_assert_str_eq(id, "trade.import");
    ck_assert_str_eq(unit, "USD");
    ck_assert_status(casia_dataset_indicator(&id, NULL, ds, 1), CASIA_OK);
    ck_assert_str_eq(id, "trade.export");
    ck_assert_status(casia_dataset_indicator(&id, &unit, ds, 3), CASIA_ENOTFOUND);
}
END_TEST

START_TEST(test_get)
{
    casia_query q = CASIA_QUERY_INIT;
    casia_observation o;
    double v = -1;
    q.indicator = "trade.import";
    q.reporter = "Kazakhstan";   /* any registry form */
    q.partner = "156";
    q.year_from = 2019;
    ck_assert_status(casia_dataset_get(&o, ds, &q), CASIA_OK);
    ck_assert_double_eq(o.value, 90.5);
    ck_assert_str_eq(o.reporter, "KAZ");
    ck_assert_str_eq(o.partner, "CHN");
    /* 2020 has a reporter and a mirror figure */
    q.year_from = 2020;
    ck_assert_status(casia_dataset_get(&o, ds, &q), CASIA_EAMBIGUOUS);
    q.basis = CASIA_BASIS_PARTNER_MIRROR;
    ck_assert_status(casia_dataset_get(&o, ds, &q), CASIA_OK);
    ck_assert_double_eq(o.value, 150);
    ck_assert_str_eq(o.source, "src_b");
    q.basis = CASIA_BASIS_ANY;
    q.source = "src_a";
    ck_assert_status(casia_dataset_get(&o, ds, &q), CASIA_OK);
    ck_assert_double_eq(o.value, 100);
    q.source = "src_zzz";
    ck_assert_status(casia_dataset_get(&o, ds, &q), CASIA_ENOTFOUND);
    q.source = NULL;
    q.year_from = 2018;
    ck_assert_status(casia_dataset_get(&o, ds, &q), CASIA_ENOTFOUND);
    q.year_from = 2020;
    q.year_to = 2021;   /* a range is not one observation */
    ck_assert_status(casia_dataset_get(&o, ds, &q), CASIA_EINVAL);
    q.year_to = 0;
    q.partner = "Atlantis";
    ck_assert_status(casia_dataset_get(&o, ds, &q), CASIA_ENOTFOUND);
    q.partner = NULL;
    ck_assert_status(casia_dataset_get(&o, ds, &q), CASIA_EINVAL);

    ck_assert_status(casia_dataset_value(&v, ds, "trade.import", "KZ", "RU", 2020),
                     CASIA_OK);
    ck_assert_double_eq(v, 200);
    v = -1;
    ck_assert_status(casia_dataset_value(&v, ds, "trade.import", "KAZ", "CHN", 2020),
                     CASIA_EAMBIGUOUS);
    ck_assert_double_eq(v, -1);
    ck_assert_status(casia_dataset_value(&v, ds, "trade.nothing", "KAZ", "CHN", 2020),
                     CASIA_ENOTFOUND);
    ck_assert_status(casia_dataset_value(NULL, ds, "trade.import", "KAZ", "RUS", 2020),
                     CASIA_EINVAL);
}
END_TEST

/* Collects the values a query selects. */
static size_t run_query(const casia_query *q, double *values, size_t max)
{
    casia_cursor *cur = NULL;
    casia_observation o;
    size_t n = 0;
    ck_assert_status(casia_dataset_query(&cur, ds, q), CASIA_OK);
    while (casia_cursor_next(cur, &o) == CASIA_OK) {
        if (n < max)
            values[n] = o.value;
        n++;
    }
    ck_assert_status(casia_cursor_next(cur, &o), CASIA_ITEROVER);
    casia_cursor_free(cur);
    return n;
}

START_TEST(test_query)
{
    casia_query q = CASIA_QUERY_INIT;
    double v[16];
    casia_cursor *cur;
    ck_assert_uint_eq(run_query(NULL, v, 16), 7);
    ck_assert_uint_eq(run_query(&q, v, 16), 7);
    /* a series: KAZ-CHN imports, all bases, years ascending */
    q.indicator = "trade.import";
    q.reporter = "KAZ";
    q.partner = "CHN";
    ck_assert_uint_eq(run_query(&q, v, 16), 3);
    ck_assert_double_eq(v[0], 90.5);
    ck_assert_double_eq(v[1], 100);
    ck_assert_double_eq(v[2], 150);
    q.year_from = 2020;
    ck_assert_uint_eq(run_query(&q, v, 16), 2);
    q.basis = CASIA_BASIS_REPORTER;
    ck_assert_uint_eq(run_query(&q, v, 16), 1);
    ck_assert_double_eq(v[0], 100);
    /* a reporter's whole indicator */
    q = (casia_query)CASIA_QUERY_INIT;
    q.indicator = "trade.import";
    q.reporter = "KAZ";
    ck_assert_uint_eq(run_query(&q, v, 16), 5);
    /* partner without indicator: a full scan with a filter */
    q = (casia_query)CASIA_QUERY_INIT;
    q.partner = "CHN";
    ck_assert_uint_eq(run_query(&q, v, 16), 4);
    ck_assert_double_eq(v[0], 7);
    /* by year range and source */
    q = (casia_query)CASIA_QUERY_INIT;
    q.year_from = 2021;
    q.year_to = 2022;
    ck_assert_uint_eq(run_query(&q, v, 16), 2);
    q = (casia_query)CASIA_QUERY_INIT;
    q.source = "src_b";
    ck_assert_uint_eq(run_query(&q, v, 16), 2);
    /* reversed range, absent indicator or source: empty, not an error */
    q = (casia_query)CASIA_QUERY_INIT;
    q.indicator = "trade.import";
    q.reporter = "KAZ";
    q.partner = "CHN";
    q.year_from = 2021;
    q.year_to = 2019;
    ck_assert_uint_eq(run_query(&q, v, 16), 0);
    q = (casia_query)CASIA_QUERY_INIT;
    q.indicator = "arms.import_tiv";
    ck_assert_uint_eq(run_query(&q, v, 16), 0);
    q.indicator = NULL;
    q.source = "nobody";
    ck_assert_uint_eq(run_query(&q, v, 16), 0);
    /* an unknown country is an error */
    q = (casia_query)CASIA_QUERY_INIT;
    q.reporter = "Atlantis";
    cur = (casia_cursor *)&q;
    ck_assert_status(casia_dataset_query(&cur, ds, &q), CASIA_ENOTFOUND);
    ck_assert_ptr_eq(cur, (casia_cursor *)&q);   /* untouched */
    q.reporter = NULL;
    q.version = 99;
    ck_assert_status(casia_dataset_query(&cur, ds, &q), CASIA_EINVAL);
    ck_assert_status(casia_dataset_query(NULL, ds, NULL), CASIA_EINVAL);
    ck_assert_status(casia_cursor_next(NULL, NULL), CASIA_EINVAL);
}
END_TEST

START_TEST(test_sources)
{
    casia_source s;
    ck_assert_status(casia_dataset_source(&s, ds, 0), CASIA_OK);
    ck_assert_str_eq(s.id, "src_a");   /* sorted by id, not file order */
    ck_assert_str_eq(s.title, "First source");
    ck_assert_str_eq(s.publisher, "Pub A");
    ck_assert_str_eq(s.url, "https://example.org/a");
    ck_assert_str_eq(s.description, "reporter figures");
    ck_assert_status(casia_dataset_source(&s, ds, 2), CASIA_ENOTFOUND);
    ck_assert_status(casia_dataset_find_source(&s, ds, "src_b"), CASIA_OK);
    ck_assert_str_eq(s.title, "Second source");
    ck_assert_status(casia_dataset_find_source(&s, ds, "src_c"), CASIA_ENOTFOUND);
    ck_assert_status(casia_dataset_find_source(&s, ds, NULL), CASIA_EINVAL);
}
END_TEST

START_TEST(test_memberships)
{
    casia_membership m;
    ck_assert_status(casia_dataset_membership(&m, ds, 0), CASIA_OK);
    ck_assert_str_eq(m.country, "KAZ");
    ck_assert_str_eq(m.organisation, "CSTO");
    ck_assert_int_eq(m.start_year, 1992);
    ck_assert_int_eq(m.end_year, 0);   /* absent "end": still a member */
    ck_assert_str_eq(m.source, "src_a");
    ck_assert_ptr_null(m.note);
    ck_assert_status(casia_dataset_membership(&m, ds, 1), CASIA_OK);
    ck_assert_str_eq(m.organisation, "SCO");
    ck_assert_int_eq(m.end_year, 0);   /* "end": null */
    ck_assert_str_eq(m.note, "founding");
    ck_assert_status(casia_dataset_membership(&m, ds, 2), CASIA_OK);
    ck_assert_str_eq(m.country, "UZB");
    ck_assert_int_eq(m.start_year, 2006);
    ck_assert_int_eq(m.end_year, 2012);
    ck_assert_status(casia_dataset_membership(&m, ds, 3), CASIA_ENOTFOUND);
}
END_TEST

START_TEST(test_organisations)
{
    casia_organisation o;
    ck_assert_status(casia_dataset_organisation(&o, ds, 0), CASIA_OK);
    ck_assert_str_eq(o.id, "CSTO");
    ck_assert_str_eq(o.led_by, "RUS");
    ck_assert_str_eq(o.source, "src_a");
    ck_assert_ptr_null(o.note);
    ck_assert_status(casia_dataset_find_organisation(&o, ds, "SCO"), CASIA_OK);
    ck_assert_str_eq(o.name, "Shanghai Cooperation Organisation");
    ck_assert_str_eq(o.led_by, "CHN");
    ck_assert_str_eq(o.note, "test note");
    ck_assert_status(casia_dataset_find_organisation(&o, ds, "EAEU"), CASIA_ENOTFOUND);
    ck_assert_status(casia_dataset_organisation(&o, ds, 2), CASIA_ENOTFOUND);
}
END_TEST

START_TEST(test_votes)
{
    casia_vote v;
    ck_assert_status(casia_dataset_vote(&v, ds, 0), CASIA_OK);
    ck_assert_str_eq(v.resolution, "ES-11/1");
    ck_assert_str_eq(v.date, "2022-03-02");
    ck_assert_str_eq(v.country, "KAZ");
    ck_assert_int_eq(v.vote, CASIA_VOTE_ABSTAIN);
    ck_assert_str_eq(v.source, "src_b");
    ck_assert_status(casia_dataset_vote(&v, ds, 1), CASIA_OK);
    ck_assert_str_eq(v.country, "TKM");
    ck_assert_int_eq(v.vote, CASIA_VOTE_ABSENT);
    ck_assert_status(casia_dataset_vote(&v, ds, 2), CASIA_OK);
    ck_assert_str_eq(v.resolution, "ES-11/2");
    ck_assert_status(casia_dataset_vote(&v, ds, 3), CASIA_ENOTFOUND);
}
END_TEST

START_TEST(test_memory)
{
    size_t bytes = casia_dataset_memory_usage(ds);
    /* at least the 7 observations' columns (8 + 8 + 2 + 1 + 4 bytes) */
    ck_assert_uint_ge(bytes, 7 * 23);
    ck_assert_uint_lt(bytes, 1 << 20);
    ck_assert_uint_eq(casia_dataset_memory_usage(NULL), 0);
}
END_TEST

START_TEST(test_default_dataset)
{
    casia_dataset *d = NULL;
    const char *sha = casia_default_sha256();
    size_t i;
    ck_assert_status(casia_dataset_open_default(&d, NULL), CASIA_OK);
    ck_assert_uint_gt(casia_dataset_observation_count(d), 0);
    ck_assert_uint_gt(casia_dataset_source_count(d), 0);
    ck_assert_uint_eq(strlen(sha), 64);
    for (i = 0; i < 64; i++)
        ck_assert(strchr("0123456789abcdef", sha[i]) != NULL);
    casia_dataset_free(d);
}
END_TEST

/* Each thread loads its own copy of the default dataset and reads the
 * shared fixture: loading and reading from several threads at once. */
static void *thread_work(void *arg)
{
    casia_dataset *d = NULL;
    double v = 0;
    long ok = 0;
    int i;
    (void)arg;
    for (i = 0; i < 5; i++) {
        if (casia_dataset_open_default(&d, NULL) == CASIA_OK &&
            casia_dataset_observation_count(d) == 2426 &&
            casia_dataset_value(&v, ds, "trade.import", "KAZ", "RUS", 2020) == CASIA_OK &&
            v == 200)
            ok++;
        casia_dataset_free(d);
        d = NULL;
    }
    return (void *)ok;
}

START_TEST(test_threads)
{
    pthread_t t[4];
    int i;
    for (i = 0; i < 4; i++)
        ck_assert_int_eq(pthread_create(&t[i], NULL, thread_work, NULL), 0);
    for (i = 0; i < 4; i++) {
        void *ok;
        pthread_join(t[i], &ok);
        ck_assert_int_eq((long)ok, 5);
    }
}
END_TEST

int main(void)
{
    Suite *s = suite_create("dataset");
    TCase *tc = tcase_create("dataset");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_counts);
    tcase_add_test(tc, test_order);
    tcase_add_test(tc, test_units_and_notes);
    tcase_add_test(tc, test_indicators);
    tcase_add_test(tc, test_get);
    tcase_add_test(tc, test_query);
    tcase_add_test(tc, test_sources);
    tcase_add_test(tc, test_memberships);
    tcase_add_test(tc, test_organisations);
    tcase_add_test(tc, test_votes);
    tcase_add_test(tc, test_memory);
    tcase_add_test(tc, test_default_dataset);
    tcase_add_test(tc, test_threads);
    /* 20 loads of the default dataset on 4 threads: well under a second
     * on an idle machine, but a sanitizer build on a busy one needs more
     * than Check's 4 seconds */
    tcase_set_timeout(tc, 60);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
