/*
 * check_stream.c - the streaming trade aggregator: its figures on a small
 * monthly Comtrade Plus file computed by hand, equality with the store
 * (the dataset the importer loads from the same file), a file split in
 * parts and merged, and bad input.
 *
 * tests/data/comtrade_plus_monthly.csv (17 rows, 2023, months 1 and 2):
 *   KAZ: imports from CHN 300.5 + 200, from RUS 400.25 + 100.125;
 *        exports to CHN 50, to RUS 150, to DEU 25.5, to "X1 " (_B) 10;
 *        left out: the World row (1000), a chapter-27 row (120), a
 *        mode-of-transport breakdown (99), a re-export (7).
 *   UZB: imports from CHN 1000, HKG 250.75, CIV 1.5; exports to RUS 1000;
 *        left out: the EU-27 aggregate (500).
 * With Python's fractions (exact):
 *   KAZ turnover 9891/8 = 1236.375; top RUS 650.375, share
 *       0.5260337680719847; HHI 0.47545279232646054
 *   UZB turnover 9009/4 = 2252.25; CHN and RUS tie at 1000, CHN (the
 *       smaller code) is the top, share 0.44400044400044403;
 *       HHI 0.4066682937811809
 */
#include "testutil.h"

#include <math.h>

static char *slurp(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    char *buf;
    ck_assert_msg(f != NULL, "cannot open %s", path);
    buf = malloc(1 << 20);
    *n = fread(buf, 1, (1 << 20) - 1, f);
    buf[*n] = '\0';
    fclose(f);
    return buf;
}

static casia_stream *stream_of(const char *data, size_t n, const char *name)
{
    casia_stream *s;
    casia_error err;
    ck_assert_int_eq(casia_stream_new(&s, NULL), CASIA_OK);
    ck_assert_msg(casia_stream_add_buffer(s, data, n, name, NULL, &err) == CASIA_OK,
                  "%s: %s", name, err.text);
    return s;
}

/* Both streams hold the same figures, bit for bit. */
static void same(const casia_stream *a, const casia_stream *b)
{
    size_t i, k;
    ck_assert_uint_eq(casia_stream_count(a), casia_stream_count(b));
    for (i = 0; i < casia_stream_count(a); i++) {
        casia_stream_result x, y;
        int rx = casia_stream_at(&x, a, i), ry = casia_stream_at(&y, b, i);
        ck_assert_int_eq(rx, ry);
        ck_assert_str_eq(x.reporter, y.reporter);
        ck_assert_int_eq(x.year, y.year);
        ck_assert_int_eq(x.partners, y.partners);
        ck_assert_msg(memcmp(&x.turnover, &y.turnover, sizeof x.turnover) == 0,
                      "%s %d turnover %.17g vs %.17g", x.reporter, x.year,
                      x.turnover, y.turnover);
        ck_assert(memcmp(&x.imports, &y.imports, sizeof x.imports) == 0);
        ck_assert(memcmp(&x.exports, &y.exports, sizeof x.exports) == 0);
        ck_assert(memcmp(&x.hhi, &y.hhi, sizeof x.hhi) == 0);
        ck_assert(memcmp(&x.top_share, &y.top_share, sizeof x.top_share) == 0);
        if (rx == CASIA_OK)
            ck_assert_str_eq(x.top_partner, y.top_partner);
        for (k = 0; k < (size_t)x.partners; k++) {
            casia_stream_partner p, q;
            ck_assert_int_eq(casia_stream_partner_at(&p, a, i, k), CASIA_OK);
            ck_assert_int_eq(casia_stream_partner_at(&q, b, i, k), CASIA_OK);
            ck_assert_str_eq(p.partner, q.partner);
            ck_assert(memcmp(&p.value, &q.value, sizeof p.value) == 0);
            ck_assert(memcmp(&p.share, &q.share, sizeof p.share) == 0);
        }
    }
}

START_TEST(test_figures)
{
    casia_stream *s;
    casia_stream_result r;
    casia_stream_partner p;
    casia_import_report rep;
    casia_error err;
    size_t i, k;
    double sum = 0;
    char *csv;
    const char *want[] = {"CHN", "DEU", "RUS", "_B"};

    ck_assert_int_eq(casia_stream_new(&s, NULL), CASIA_OK);
    ck_assert_int_eq(casia_stream_add_file(s, test_data_path("comtrade_plus_monthly.csv"),
                                           &rep, &err), CASIA_OK);
    ck_assert_int_eq(rep.format, CASIA_FORMAT_COMTRADE_PLUS);
    ck_assert_uint_eq(rep.rows, 17);
    ck_assert_uint_eq(rep.filtered, 5);
    ck_assert_uint_eq(rep.kept, 12);
    ck_assert_uint_eq(casia_stream_count(s), 2);

    ck_assert_int_eq(casia_stream_find(&i, s, "Kazakhstan", 2023), CASIA_OK);
    ck_assert_uint_eq(i, 0);
    ck_assert_int_eq(casia_stream_at(&r, s, i), CASIA_OK);
    ck_assert_str_eq(r.reporter, "KAZ");
    ck_assert_int_eq(r.year, 2023);
    ck_assert_int_eq(r.partners, 4);
    ck_assert(r.turnover == 1236.375);
    ck_assert(r.imports == 1000.875);
    ck_assert(r.exports == 235.5);
    ck_assert_str_eq(r.top_partner, "RUS");
    ck_assert(r.top_share == 0.5260337680719847);
    ck_assert(fabs(r.hhi - 0.47545279232646054) < 1e-16);
    for (k = 0; k < 4; k++) {
        ck_assert_int_eq(casia_stream_partner_at(&p, s, i, k), CASIA_OK);
        ck_assert_str_eq(p.partner, want[k]);
        sum += p.share;
    }
    ck_assert(fabs(sum - 1) < 1e-15);
    ck_assert_int_eq(casia_stream_partner_at(&p, s, i, 0), CASIA_OK);
    ck_assert(p.imports == 500.5 && p.exports == 50 && p.value == 550.5);
    ck_assert_int_eq(casia_stream_partner_at(&p, s, i, 4), CASIA_ENOTFOUND);

    ck_assert_int_eq(casia_stream_find(&i, s, "UZ", 2023), CASIA_OK);
    ck_assert_int_eq(casia_stream_at(&r, s, i), CASIA_OK);
    ck_assert(r.turnover == 2252.25);
    ck_assert_str_eq(r.top_partner, "CHN");
    ck_assert(r.top_share == 0.44400044400044403);
    ck_assert(fabs(r.hhi - 0.4066682937811809) < 1e-16);

    ck_assert_int_eq(casia_stream_find(&i, s, "KAZ", 2022), CASIA_ENOTFOUND);
    ck_assert_int_eq(casia_stream_at(&r, s, 2), CASIA_ENOTFOUND);

    ck_assert_int_eq(casia_stream_to_csv(&csv, NULL, s), CASIA_OK);
    /* 17 significant digits; UZB's HHI is one unit in the last place
     * above the exact 0.40666829378118091 (its squared shares are rounded
     * before they are added) */
    ck_assert_str_eq(csv,
                     "reporter,year,turnover,hhi,top_partner,top_share\n"
                     "KAZ,2023,1236.375,0.47545279232646054,RUS,0.52603376807198465\n"
                     "UZB,2023,2252.25,0.40666829378118097,CHN,0.44400044400044403\n");
    casia_free(csv);
    casia_stream_free(s);
}
END_TEST

/* The store's figures: the dataset imported from the same file, fed to a
 * stream, gives the same bits. */
static void store_equals_stream(const char *path, int sum_months)
{
    casia_stream *a, *b;
    casia_dataset *ds;
    casia_import_options opt;
    casia_error err;
    casia_import_options_init(&opt);
    opt.sum_months = sum_months;
    ck_assert_int_eq(casia_import_file(&ds, path, CASIA_FORMAT_AUTO, &opt, NULL, &err),
                     CASIA_OK);
    ck_assert_int_eq(casia_stream_new(&a, NULL), CASIA_OK);
    ck_assert_int_eq(casia_stream_new(&b, NULL), CASIA_OK);
    ck_assert_int_eq(casia_stream_add_file(a, path, NULL, &err), CASIA_OK);
    ck_assert_int_eq(casia_stream_add_dataset(b, ds, NULL, CASIA_BASIS_REPORTER, &err),
                     CASIA_OK);
    ck_assert_uint_gt(casia_stream_count(a), 0);
    same(a, b);
    casia_stream_free(a);
    casia_stream_free(b);
    casia_dataset_free(ds);
}

START_TEST(test_store)
{
    const char *dir = getenv("CASIA_SHARED_DATADIR");
    store_equals_stream(test_data_path("comtrade_plus_monthly.csv"), 1);
    store_equals_stream(test_data_path("comtrade_legacy.csv"), 0);
    if (dir && *dir) {
        char path[4096];
        FILE *f;
        snprintf(path, sizeof path, "%s/formats/un_comtrade/"
                 "comtradeplus_TradeData_2022_CHN-DEU-USA_total.csv", dir);
        if ((f = fopen(path, "rb")) != NULL) {
            fclose(f);
            store_equals_stream(path, 0);
        }
    }
}
END_TEST

/* Field @p want (0-based) of the CSV record at @p p (quotes stripped, no
 * doubled quotes in the fields asked for) into @p out; returns the start
 * of the next record. */
static const char *record_field(const char *p, const char *end, int want,
                                char *out, size_t cap)
{
    int field = 0, quoted = 0;
    size_t len = 0;
    out[0] = '\0';
    for (; p < end; p++) {
        if (*p == '"') {
            quoted = !quoted;
        } else if (!quoted && *p == ',') {
            field++;
        } else if (!quoted && *p == '\n') {
            return p + 1;
        } else if (field == want && *p != '\r' && len + 1 < cap) {
            out[len++] = *p;
            out[len] = '\0';
        }
    }
    return end;
}

/* Drops from a Comtrade Plus text, in place, the rows whose partner is
 * the reporter itself (China's imports from China: goods re-imported).
 * The bench job counts them as any partner; the indices leave i = j out
 * (docs/indices.md), so the two are compared without them. Returns the
 * new size and the number of rows dropped in @p dropped. */
static size_t drop_self_rows(char *text, size_t n, int *dropped)
{
    const char *end = text + n, *p = text, *next;
    char name[64], a[64], b[64];
    int reporter = -1, partner = -1, k;
    size_t out;
    for (k = 0; k < 64 && (reporter < 0 || partner < 0); k++) {
        record_field(p, end, k, name, sizeof name);
        if (strcmp(name, "reporterISO") == 0)
            reporter = k;
        if (strcmp(name, "partnerISO") == 0)
            partner = k;
    }
    ck_assert(reporter >= 0 && partner >= 0);
    next = record_field(p, end, 0, name, sizeof name);
    out = (size_t)(next - text);
    *dropped = 0;
    for (p = next; p < end; p = next) {
        record_field(p, end, reporter, a, sizeof a);
        next = record_field(p, end, partner, b, sizeof b);
        if (strcmp(a, b) == 0) {
            (*dropped)++;
            continue;
        }
        memmove(text + out, p, (size_t)(next - p));
        out += (size_t)(next - p);
    }
    return out;
}

/* The stream against the store's own indices (casia_top_partners and
 * casia_hhi over the imported dataset, turnover, the total summed over
 * partners): the same turnover, the same share for every partner the
 * indices rank (those with both flows), and where every partner has both
 * flows the same HHI and top partner, bit for bit. */
static void stream_equals_indices(const char *data, size_t n, const char *name,
                                  int *compared_hhi)
{
    casia_stream *s = stream_of(data, n, name);
    casia_dataset *ds;
    casia_options opt = CASIA_OPTIONS_INIT;
    casia_error err;
    size_t i, k;
    opt.total = CASIA_TOTAL_PARTNERS;
    opt.mirror = CASIA_MIRROR_NEVER;
    opt.min_partners = 1;
    ck_assert_int_eq(casia_import_buffer(&ds, data, n, name, CASIA_FORMAT_AUTO, NULL,
                                         NULL, &err), CASIA_OK);
    for (i = 0; i < casia_stream_count(s); i++) {
        casia_stream_result r;
        casia_rank_entry rank[512];
        casia_result total, hhi;
        size_t count;
        ck_assert_int_eq(casia_stream_at(&r, s, i), CASIA_OK);
        ck_assert_int_eq(casia_top_partners(rank, 512, &count, &total, ds, r.reporter,
                                            r.year, CASIA_FLOW_TURNOVER, &opt),
                         CASIA_OK);
        ck_assert_msg(total.value == r.turnover, "%s %d: turnover %.17g vs %.17g",
                      r.reporter, r.year, total.value, r.turnover);
        for (k = 0; k < count && k < 512; k++) {
            size_t j;
            for (j = 0; j < (size_t)r.partners; j++) {
                casia_stream_partner p;
                ck_assert_int_eq(casia_stream_partner_at(&p, s, i, j), CASIA_OK);
                if (strcmp(p.partner, rank[k].partner) == 0) {
                    ck_assert_msg(p.value == rank[k].value && p.share == rank[k].share,
                                  "%s %d %s: share %.17g vs %.17g", r.reporter,
                                  r.year, p.partner, p.share, rank[k].share);
                    break;
                }
            }
            ck_assert_uint_lt(j, (size_t)r.partners);
        }
        if (count == (size_t)r.partners) {
            ck_assert_int_eq(casia_hhi(&hhi, ds, r.reporter, r.year,
                                       CASIA_FLOW_TURNOVER, &opt), CASIA_OK);
            ck_assert_msg(hhi.value == r.hhi, "%s %d: HHI %.17g vs %.17g", r.reporter,
                          r.year, hhi.value, r.hhi);
            ck_assert_str_eq(rank[0].partner, r.top_partner);
            ck_assert(rank[0].share == r.top_share);
            (*compared_hhi)++;
        }
    }
    casia_dataset_free(ds);
    casia_stream_free(s);
}

START_TEST(test_indices)
{
    /* every partner with both flows: a legacy extract, 2021, three
     * partners, and the World row (left out of a total over partners) */
    static const char both[] =
        "Year,Reporter Code,Trade Flow Code,Partner Code,Commodity Code,Value\n"
        "2021,398,1,156,TOTAL,1000\n"
        "2021,398,2,156,TOTAL,300.5\n"
        "2021,398,1,643,TOTAL,2000\n"
        "2021,398,2,643,TOTAL,70.25\n"
        "2021,398,1,276,TOTAL,12.125\n"
        "2021,398,2,276,TOTAL,3\n"
        "2021,398,1,0,TOTAL,3100\n"
        "2021,398,2,0,TOTAL,400\n";
    const char *dir = getenv("CASIA_SHARED_DATADIR");
    int hhis = 0;
    stream_equals_indices(both, sizeof both - 1, "both.csv", &hhis);
    ck_assert_int_eq(hhis, 1);
    if (dir && *dir) {
        /* the Comtrade Plus sample: China, Germany and the USA in 2022,
         * without China's imports from China (line 42, 122883424107 USD,
         * the only row whose partner is its reporter) */
        char path[4096];
        FILE *f;
        snprintf(path, sizeof path, "%s/formats/un_comtrade/"
                 "comtradeplus_TradeData_2022_CHN-DEU-USA_total.csv", dir);
        if ((f = fopen(path, "rb")) != NULL) {
            size_t n;
            char *text;
            int dropped;
            fclose(f);
            text = slurp(path, &n);
            n = drop_self_rows(text, n, &dropped);
            ck_assert_int_eq(dropped, 1);
            stream_equals_indices(text, n, "plus.csv", &hhis);
            /* China has both flows with all its 218 partners; Germany
             * and the USA have partners with one flow */
            ck_assert_int_eq(hhis, 2);
            free(text);
        }
    }
}
END_TEST

/* A file cut at every line, fed in two parts (the second without a
 * header) to two streams merged, or to one stream: the same bits. */
START_TEST(test_split)
{
    size_t n, cut, hlen;
    char *text = slurp(test_data_path("comtrade_plus_monthly.csv"), &n);
    casia_stream *whole = stream_of(text, n, "whole");
    hlen = (size_t)(strchr(text, '\n') - text) + 1;
    for (cut = hlen; cut < n; cut++) {
        casia_stream *a, *b, *merged, *one;
        casia_error err;
        if (text[cut] != '\n' || cut + 1 == n)
            continue;
        /* two workers: the first part with the header; the second without,
         * its worker given the header first */
        a = stream_of(text, cut + 1, "a");
        b = stream_of(text, hlen, "header");
        ck_assert_int_eq(casia_stream_add_buffer(b, text + cut + 1, n - cut - 1, "b",
                                                 NULL, &err), CASIA_OK);
        ck_assert_int_eq(casia_stream_new(&merged, NULL), CASIA_OK);
        ck_assert_int_eq(casia_stream_merge(merged, b, &err), CASIA_OK);
        ck_assert_int_eq(casia_stream_merge(merged, a, &err), CASIA_OK);
        same(whole, merged);
        /* one stream fed both parts in turn */
        one = stream_of(text, cut + 1, "a");
        ck_assert_int_eq(casia_stream_add_buffer(one, text + cut + 1, n - cut - 1, "b",
                                                 NULL, &err), CASIA_OK);
        same(whole, one);
        casia_stream_free(a);
        casia_stream_free(b);
        casia_stream_free(merged);
        casia_stream_free(one);
    }
    casia_stream_free(whole);
    free(text);
}
END_TEST

START_TEST(test_bad)
{
    casia_stream *s;
    casia_error err;
    casia_import_report rep;
    casia_import_options opt;
    const char *wdi = "\xEF\xBB\xBF\"Data Source\",\"World Development Indicators\",\n\n"
                      "\"Country Name\",\"Country Code\",\"Indicator Name\","
                      "\"Indicator Code\",\"2020\",\n";
    size_t n;
    char *text;

    /* another provider's file */
    ck_assert_int_eq(casia_stream_new(&s, NULL), CASIA_OK);
    ck_assert_int_eq(casia_stream_add_buffer(s, wdi, strlen(wdi), "wdi.csv", &rep, &err),
                     CASIA_EFORMAT);
    ck_assert_ptr_nonnull(strstr(err.text, "this looks like a World Bank WDI file, "
                                           "not a UN Comtrade file"));
    /* a part without a header, before any header */
    ck_assert_int_eq(casia_stream_add_buffer(s, "2021,398,1,156,H5,TOTAL,5\n", 26,
                                             "part.csv", &rep, &err), CASIA_EFORMAT);
    ck_assert_int_eq(casia_stream_add_file(s, "/nonexistent.csv", &rep, &err), CASIA_EIO);
    casia_stream_free(s);

    /* strict: the first bad row fails the call, with its position
     * (bad_value.csv line 3 column 29; bad_rows.csv line 3 column 15) */
    ck_assert_int_eq(casia_stream_new(&s, NULL), CASIA_OK);
    ck_assert_int_eq(casia_stream_add_file(s, test_data_path("bad_value.csv"), &rep,
                                           &err), CASIA_ESCHEMA);
    ck_assert_int_eq(err.line, 3);
    ck_assert_int_eq(err.column, 29);
    casia_stream_free(s);

    /* lenient: skipped and counted */
    casia_import_options_init(&opt);
    opt.lenient = 1;
    ck_assert_int_eq(casia_stream_new(&s, &opt), CASIA_OK);
    ck_assert_int_eq(casia_stream_add_file(s, test_data_path("bad_rows.csv"), &rep,
                                           &err), CASIA_OK);
    ck_assert_uint_eq(rep.skipped, 4);
    ck_assert_uint_eq(rep.kept, 2);
    ck_assert_int_eq(rep.n_errors, 4);
    ck_assert_int_eq(rep.errors[1].line, 4);
    ck_assert_int_eq(rep.errors[1].code, CASIA_EPARSE);
    casia_stream_free(s);

    /* options the stream cannot honour */
    opt.commodity = CASIA_COMMODITY_CHAPTERS;
    ck_assert_int_eq(casia_stream_new(&s, &opt), CASIA_EINVAL);
    ck_assert_int_eq(casia_stream_new(NULL, NULL), CASIA_EINVAL);

    /* chapters summed instead of TOTAL: the fixture's one chapter row */
    opt.commodity = CASIA_COMMODITY_SUM_CHAPTERS;
    ck_assert_int_eq(casia_stream_new(&s, &opt), CASIA_OK);
    text = slurp(test_data_path("comtrade_plus_monthly.csv"), &n);
    ck_assert_int_eq(casia_stream_add_buffer(s, text, n, "m.csv", &rep, &err), CASIA_OK);
    ck_assert_uint_eq(casia_stream_count(s), 1);
    {
        casia_stream_result r;
        ck_assert_int_eq(casia_stream_at(&r, s, 0), CASIA_OK);
        ck_assert(r.turnover == 120);
        ck_assert(r.hhi == 1);
    }
    free(text);
    casia_stream_free(s);
    casia_stream_free(NULL);
}
END_TEST


/* A period counted twice is refused, as the store's importer refuses it
 * (the same file through casia_import_file gives the same messages). */
START_TEST(test_twice)
{
    /* an annual KAZ-CHN import row for 2023 after the monthly rows: line 19 */
    static const char annual[] =
        "C,A,20230101,2023,52,2023,398,KAZ,\"Kazakhstan\",M,\"Import\",156,CHN,"
        "\"China\",0,W00,\"World\",H6,HS,True,TOTAL,\"All Commodities\",0,False,"
        "C00,\"TOTAL CPC\",0,0,\"TOTAL MOT\",-1,N/A,,False,-1,N/A,,False,,False,,"
        "False,999,,999,0,True,True\n";
    casia_import_options opt;
    casia_import_report rep;
    casia_stream *s, *a, *b;
    casia_error err;
    char *text, *mixed, *before, *after;
    size_t n, len;

    text = slurp(test_data_path("comtrade_plus_monthly.csv"), &n);
    mixed = malloc(n + sizeof annual);
    memcpy(mixed, text, n);
    memcpy(mixed + n, annual, sizeof annual);

    /* annual and monthly rows of one year: fails, lenient or not */
    casia_import_options_init(&opt);
    opt.lenient = 1;
    ck_assert_int_eq(casia_stream_new(&s, &opt), CASIA_OK);
    ck_assert_int_eq(casia_stream_add_buffer(s, mixed, n + sizeof annual - 1, "mix.csv",
                                             &rep, &err), CASIA_ECONFLICT);
    ck_assert_int_eq(err.line, 19);
    ck_assert_str_eq(err.text, "trade.import KAZ-CHN 2023 is given both for the year "
                               "and for months");
    casia_stream_free(s);

    /* the whole file fed twice: its line 3 (KAZ imports from CHN, month 1)
     * is the first row counted again (line 2 is the World row, left out) */
    s = stream_of(text, n, "first");
    ck_assert_int_eq(casia_stream_add_buffer(s, text, n, "again", &rep, &err),
                     CASIA_ECONFLICT);
    ck_assert_str_eq(err.source, "again");
    ck_assert_int_eq(err.line, 3);
    ck_assert_str_eq(err.text, "trade.import KAZ-CHN: month 1 of 2023 is given twice");
    casia_stream_free(s);

    /* two streams that read the same rows: the merge fails, changing nothing */
    a = stream_of(text, n, "a");
    b = stream_of(text, n, "b");
    ck_assert_int_eq(casia_stream_to_csv(&before, &len, a), CASIA_OK);
    ck_assert_int_eq(casia_stream_merge(a, b, &err), CASIA_ECONFLICT);
    ck_assert_str_eq(err.text, "trade.import KAZ-CHN: month 1 of 2023 is given twice "
                               "(in both streams)");
    ck_assert_int_eq(casia_stream_to_csv(&after, &len, a), CASIA_OK);
    ck_assert_str_eq(before, after);
    ck_assert_int_eq(casia_stream_merge(a, a, &err), CASIA_EINVAL);
    casia_free(before);
    casia_free(after);
    casia_stream_free(a);
    casia_stream_free(b);

    /* each flow on its own: annual imports beside monthly exports of the
     * same partner and year are fine, in one stream and across a merge
     * (the store takes them too: two indicators) */
    {
        static const char head[] = "typeCode,freqCode,refYear,period,reporterISO,"
                                   "flowCode,partnerCode,partnerISO,cmdCode,"
                                   "primaryValue\n";
        static const char imp[] = "C,A,2023,2023,KAZ,M,156,CHN,TOTAL,999\n";
        static const char exp[] = "C,M,2023,202301,KAZ,X,156,CHN,TOTAL,50\n";
        char both[256];
        casia_stream_result r;
        casia_dataset *ds;
        snprintf(both, sizeof both, "%s%s%s", head, imp, exp);
        opt.lenient = 0;
        opt.sum_months = 1;
        s = stream_of(both, strlen(both), "both.csv");
        ck_assert_int_eq(casia_stream_at(&r, s, 0), CASIA_OK);
        ck_assert(r.turnover == 1049);
        casia_stream_free(s);
        ck_assert_int_eq(casia_import_buffer(&ds, both, strlen(both), "both.csv",
                                             CASIA_FORMAT_AUTO, &opt, NULL, &err),
                         CASIA_OK);
        ck_assert_uint_eq(casia_dataset_observation_count(ds), 2);
        casia_dataset_free(ds);
        snprintf(both, sizeof both, "%s%s", head, imp);
        a = stream_of(both, strlen(both), "imports.csv");
        snprintf(both, sizeof both, "%s%s", head, exp);
        b = stream_of(both, strlen(both), "exports.csv");
        ck_assert_int_eq(casia_stream_merge(a, b, &err), CASIA_OK);
        ck_assert_int_eq(casia_stream_at(&r, a, 0), CASIA_OK);
        ck_assert(r.turnover == 1049);
        /* and the same export month again is a clash of exports */
        ck_assert_int_eq(casia_stream_merge(a, b, &err), CASIA_ECONFLICT);
        ck_assert_str_eq(err.text, "trade.export KAZ-CHN: month 1 of 2023 is given "
                                   "twice (in both streams)");
        casia_stream_free(a);
        casia_stream_free(b);
    }

    /* summing chapters, the same period comes once per chapter: no masks */
    opt.commodity = CASIA_COMMODITY_SUM_CHAPTERS;
    opt.lenient = 0;
    ck_assert_int_eq(casia_stream_new(&s, &opt), CASIA_OK);
    ck_assert_int_eq(casia_stream_add_buffer(s, mixed, n + sizeof annual - 1, "mix.csv",
                                             &rep, &err), CASIA_OK);
    casia_stream_free(s);
    free(mixed);
    free(text);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("stream");
    TCase *tc = tcase_create("aggregates");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_figures);
    tcase_add_test(tc, test_store);
    tcase_add_test(tc, test_indices);
    tcase_add_test(tc, test_split);
    tcase_add_test(tc, test_bad);
    tcase_add_test(tc, test_twice);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return run_suite(suite());
}
