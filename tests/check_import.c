/*
 * check_import.c - importing without the shared samples: small files
 * written for the tests (tests/data), malformed variants of them, the
 * native tidy CSV, merging, options and the report.
 *
 * Expected positions were computed with Python on the same files:
 *     off = text.index(needle); line = text[:off].count('\n') + 1
 *     column = len(text[:off].split('\n')[-1]) + 1
 * e.g. bad_value.csv, needle "2O00": line 3, column 29.
 */
#include "testutil.h"

#include <locale.h>
#include <unistd.h>

static casia_dataset *import_ok(const char *name, casia_format f,
                                const casia_import_options *opt,
                                casia_import_report *rep)
{
    casia_dataset *ds = NULL;
    casia_error err;
    char msg[1024] = "";
    int rc = casia_import_file(&ds, test_data_path(name), f, opt, rep, &err);
    if (rc != CASIA_OK)
        casia_error_format(&err, msg, sizeof msg);
    ck_assert_msg(rc == CASIA_OK, "%s: %s", name, msg);
    return ds;
}

/* The import must fail with code at line:column (column 0: not checked),
 * the message holding what, and leave the output untouched. */
static void import_fails(const char *name, casia_format f,
                         const casia_import_options *opt, int code, int line,
                         int column, const char *what)
{
    casia_dataset *ds = (casia_dataset *)&ds;   /* sentinel */
    casia_error err;
    int rc = casia_import_file(&ds, test_data_path(name), f, opt, NULL, &err);
    ck_assert_msg(rc == code, "%s: %s (%s), expected %s", name,
                  casia_status_name(rc), err.text, casia_status_name(code));
    ck_assert_ptr_eq(ds, (casia_dataset *)&ds);
    ck_assert_int_eq(err.code, code);
    ck_assert_msg(strstr(err.source, name) != NULL, "source \"%s\"", err.source);
    ck_assert_msg(err.line == line && (column == 0 || err.column == column),
                  "%s: at %d:%d, expected %d:%d (%s)", name, err.line, err.column,
                  line, column, err.text);
    ck_assert_msg(strstr(err.text, what) != NULL, "\"%s\" lacks \"%s\"", err.text,
                  what);
}

static double value(const casia_dataset *ds, const char *ind, const char *rep,
                    const char *par, int year)
{
    double v = -1;
    int rc = casia_dataset_value(&v, ds, ind, rep, par, year);
    ck_assert_msg(rc == CASIA_OK, "%s %s-%s %d: %s", ind, rep, par, year,
                  casia_status_name(rc));
    return v;
}

/* ------------------------------------------------------------------ */
/* UN Comtrade                                                         */

START_TEST(test_legacy_small)
{
    casia_import_report rep;
    casia_dataset *ds = import_ok("comtrade_legacy.csv", CASIA_FORMAT_AUTO, NULL, &rep);
    ck_assert_int_eq(rep.format, CASIA_FORMAT_COMTRADE_LEGACY);
    ck_assert_uint_eq(rep.rows, 4);
    ck_assert_uint_eq(rep.kept, 4);
    ck_assert_uint_eq(rep.skipped, 0);
    ck_assert_uint_eq(rep.observations, 4);
    ck_assert_str_eq(rep.source_id, "comtrade_legacy");
    /* line 2; line 4 (exports, 300.5); line 5: partner code 0 is the World */
    ck_assert(value(ds, "trade.import", "KAZ", "CHN", 2021) == 1000);
    ck_assert(value(ds, "trade.export", "KAZ", "CHN", 2021) == 300.5);
    ck_assert(value(ds, "trade.import", "KAZ", "WLD", 2021) == 3500);
    casia_dataset_free(ds);
}
END_TEST

START_TEST(test_malformed)
{
    /* a row cut short: after its last field */
    import_fails("bad_cut.csv", CASIA_FORMAT_AUTO, NULL, CASIA_ESCHEMA, 3, 15,
                 "the row has 4 fields, the header 7");
    /* broken quoting: the byte after the closing quote */
    import_fails("bad_quote.csv", CASIA_FORMAT_AUTO, NULL, CASIA_EPARSE, 3, 21,
                 "text after the closing quote");
    /* text in the value column */
    import_fails("bad_value.csv", CASIA_FORMAT_AUTO, NULL, CASIA_ESCHEMA, 3, 29,
                 "value \"2O00\" is not a number");
    /* an unknown country */
    import_fails("bad_country.csv", CASIA_FORMAT_AUTO, NULL, CASIA_ENOTFOUND, 3, 12,
                 "unknown partner \"999\"");
    /* a header without a value column: not recognised at all, and named
     * when the layout is forced */
    import_fails("bad_header.csv", CASIA_FORMAT_AUTO, NULL, CASIA_EFORMAT, 0, 0,
                 "not a layout libcasia knows");
    import_fails("bad_header.csv", CASIA_FORMAT_COMTRADE_LEGACY, NULL, CASIA_EFORMAT,
                 1, 1, "no column for the value");
    /* the same key twice: equal values are one observation, different
     * values a conflict naming both lines */
    import_fails("bad_conflict.csv", CASIA_FORMAT_AUTO, NULL, CASIA_ECONFLICT, 4, 0,
                 "trade.import KAZ-CHN 2021 is given as 1000 at line 2 and as 1200 here");
    /* another provider's file given as Comtrade */
    import_fails("tidy.csv", CASIA_FORMAT_COMTRADE_PLUS, NULL, CASIA_EFORMAT, 0, 0,
                 "this looks like a casia tidy CSV file, not a UN Comtrade Plus file");
    import_fails("nonexistent.csv", CASIA_FORMAT_AUTO, NULL, CASIA_EIO, 0, 0,
                 "cannot open");
}
END_TEST

START_TEST(test_lenient)
{
    casia_import_options opt;
    casia_import_report rep;
    casia_dataset *ds;
    casia_import_options_init(&opt);
    opt.lenient = 1;
    /* bad_rows.csv: good rows 2 and 7; line 3 cut, line 4 broken quotes,
     * line 5 "n/a" as value, line 6 partner 999 */
    ds = import_ok("bad_rows.csv", CASIA_FORMAT_AUTO, &opt, &rep);
    ck_assert_uint_eq(rep.rows, 6);
    ck_assert_uint_eq(rep.kept, 2);
    ck_assert_uint_eq(rep.skipped, 4);
    ck_assert_int_eq(rep.n_errors, 4);
    ck_assert_int_eq(rep.errors[0].code, CASIA_ESCHEMA);
    ck_assert_int_eq(rep.errors[0].line, 3);
    ck_assert_int_eq(rep.errors[0].column, 15);
    ck_assert_int_eq(rep.errors[1].code, CASIA_EPARSE);
    ck_assert_int_eq(rep.errors[1].line, 4);
    ck_assert_int_eq(rep.errors[1].column, 21);
    ck_assert_int_eq(rep.errors[2].code, CASIA_ESCHEMA);
    ck_assert_int_eq(rep.errors[2].line, 5);
    ck_assert_int_eq(rep.errors[2].column, 29);
    ck_assert_ptr_nonnull(strstr(rep.errors[2].text, "\"n/a\" is not a number"));
    ck_assert_int_eq(rep.errors[3].code, CASIA_ENOTFOUND);
    ck_assert_int_eq(rep.errors[3].line, 6);
    ck_assert_int_eq(rep.errors[3].column, 12);
    ck_assert_uint_eq(casia_dataset_observation_count(ds), 2);
    ck_assert(value(ds, "trade.import", "KAZ", "CHN", 2021) == 1000);
    ck_assert(value(ds, "trade.export", "KAZ", "CHN", 2021) == 300.5);
    casia_dataset_free(ds);
    /* the same file, strict: the first bad row */
    import_fails("bad_rows.csv", CASIA_FORMAT_AUTO, NULL, CASIA_ESCHEMA, 3, 15,
                 "cut short");
}
END_TEST

START_TEST(test_monthly)
{
    casia_import_options opt;
    casia_import_report rep;
    casia_dataset *ds;
    /* months are summed only when asked: the first monthly row is an
     * error naming the option (line 2, at its refMonth) */
    import_fails("comtrade_plus_monthly.csv", CASIA_FORMAT_AUTO, NULL, CASIA_EFORMAT,
                 2, 19, "set sum_months");
    casia_import_options_init(&opt);
    opt.sum_months = 1;
    opt.source_id = "kz_uz_2023";
    ds = import_ok("comtrade_plus_monthly.csv", CASIA_FORMAT_COMTRADE_PLUS, &opt, &rep);
    ck_assert_int_eq(rep.format, CASIA_FORMAT_COMTRADE_PLUS);
    ck_assert_str_eq(rep.source_id, "kz_uz_2023");
    /* 17 rows: a chapter row (line 5) and a mode-of-transport breakdown
     * (line 6) are left out */
    ck_assert_uint_eq(rep.rows, 17);
    ck_assert_uint_eq(rep.filtered, 2);
    ck_assert_uint_eq(rep.kept, 15);
    /* January + February: lines 3 and 13 (300.5 + 200), lines 4 and 14
     * (400.25 + 100.125) */
    ck_assert(value(ds, "trade.import", "KAZ", "CHN", 2023) == 500.5);
    ck_assert(value(ds, "trade.import", "KAZ", "RUS", 2023) == 500.375);
    /* line 2: the World row; line 8: "X1 " (Bunkers); line 9: a
     * re-export kept apart; line 18: the EU-27 aggregate (code 97, no ISO) */
    ck_assert(value(ds, "trade.import", "KAZ", "WLD", 2023) == 1000);
    ck_assert(value(ds, "trade.export", "KAZ", "_B", 2023) == 10);
    ck_assert(value(ds, "trade.reexport", "KAZ", "CHN", 2023) == 7);
    ck_assert(value(ds, "trade.import", "UZB", "EUU", 2023) == 500);
    /* line 17: "C\xf4te d'Ivoire" in Latin-1 in its description */
    ck_assert(value(ds, "trade.import", "UZB", "CIV", 2023) == 1.5);
    casia_dataset_free(ds);

    /* chapters instead of totals: line 5, chapter 27 */
    opt.commodity = CASIA_COMMODITY_CHAPTERS;
    ds = import_ok("comtrade_plus_monthly.csv", CASIA_FORMAT_AUTO, &opt, &rep);
    ck_assert_uint_eq(casia_dataset_observation_count(ds), 1);
    ck_assert(value(ds, "trade.import.hs27", "KAZ", "CHN", 2023) == 120);
    casia_dataset_free(ds);
}
END_TEST

START_TEST(test_month_twice)
{
    /* the same month of a key in two rows: caught where the second is */
    casia_dataset *ds = (casia_dataset *)&ds;
    casia_import_options opt;
    casia_error err;
    char *text;
    size_t n;
    FILE *f = fopen(test_data_path("comtrade_plus_monthly.csv"), "rb");
    const char *dup;
    ck_assert_ptr_nonnull(f);
    text = malloc(1 << 16);
    n = fread(text, 1, (1 << 16) - 512, f);
    fclose(f);
    /* append line 3 (KAZ imports from China in January) again: line 19 */
    dup = strstr(text, "\nC,M,20230101,2023,1,202301,398,KAZ,\"Kazakhstan\",M,\"Import\",156");
    ck_assert_ptr_nonnull(dup);
    {
        const char *end = strchr(dup + 1, '\n');
        size_t len = (size_t)(end - dup - 1);
        memcpy(text + n, dup + 1, len);
        n += len;
        text[n++] = '\n';
    }
    casia_import_options_init(&opt);
    opt.sum_months = 1;
    ck_assert_int_eq(casia_import_buffer(&ds, text, n, "dup.csv", CASIA_FORMAT_AUTO,
                                         &opt, NULL, &err), CASIA_ECONFLICT);
    ck_assert_ptr_eq(ds, (casia_dataset *)&ds);
    ck_assert_int_eq(err.line, 19);
    ck_assert_ptr_nonnull(strstr(err.text, "month 1 of 2023 is given twice"));
    free(text);
}
END_TEST

/* Summing months of a file ordered by year, and of one that is not (read
 * again the ordinary way): the same sums. */
START_TEST(test_month_order)
{
    static const char *const texts[] = {
        /* ordered: 2020 then 2021 */
        "Year,Period,Reporter Code,Trade Flow Code,Partner Code,Commodity Code,Value\n"
        "2020,202001,398,1,156,TOTAL,10\n"
        "2020,202002,398,1,156,TOTAL,20\n"
        "2020,202002,398,2,156,TOTAL,4\n"
        "2021,202101,398,1,156,TOTAL,1\n"
        "2021,202112,398,1,156,TOTAL,2\n",
        /* not ordered: back to 2020 after 2021 */
        "Year,Period,Reporter Code,Trade Flow Code,Partner Code,Commodity Code,Value\n"
        "2021,202101,398,1,156,TOTAL,1\n"
        "2020,202001,398,1,156,TOTAL,10\n"
        "2020,202002,398,2,156,TOTAL,4\n"
        "2021,202112,398,1,156,TOTAL,2\n"
        "2020,202002,398,1,156,TOTAL,20\n",
    };
    size_t i;
    for (i = 0; i < 2; i++) {
        casia_import_options opt;
        casia_import_report rep;
        casia_dataset *ds;
        casia_error err;
        char path[] = "/tmp/casia-months-XXXXXX";
        int fd, pass;
        casia_import_options_init(&opt);
        opt.sum_months = 1;
        for (pass = 0; pass < 2; pass++) {
            if (pass == 0) {
                ck_assert_int_eq(casia_import_buffer(&ds, texts[i], strlen(texts[i]),
                                                     "m.csv", CASIA_FORMAT_AUTO, &opt,
                                                     &rep, &err), CASIA_OK);
            } else {
                fd = mkstemp(path);
                ck_assert_int_ge(fd, 0);
                ck_assert_int_eq(write(fd, texts[i], strlen(texts[i])),
                                 (ssize_t)strlen(texts[i]));
                close(fd);
                ck_assert_int_eq(casia_import_file(&ds, path, CASIA_FORMAT_AUTO, &opt,
                                                   &rep, &err), CASIA_OK);
                unlink(path);
            }
            ck_assert_uint_eq(rep.rows, 5);
            ck_assert_uint_eq(rep.kept, 5);
            ck_assert_uint_eq(casia_dataset_observation_count(ds), 3);
            ck_assert(value(ds, "trade.import", "KAZ", "CHN", 2020) == 30);
            ck_assert(value(ds, "trade.export", "KAZ", "CHN", 2020) == 4);
            ck_assert(value(ds, "trade.import", "KAZ", "CHN", 2021) == 3);
            casia_dataset_free(ds);
        }
    }
}
END_TEST

START_TEST(test_options_bad)
{
    casia_import_options opt;
    casia_dataset *ds = NULL;
    casia_error err;
    casia_import_options_init(&opt);
    opt.chapters = "27,x";
    opt.commodity = CASIA_COMMODITY_CHAPTERS;
    ck_assert_int_eq(casia_import_file(&ds, test_data_path("comtrade_legacy.csv"),
                                       CASIA_FORMAT_AUTO, &opt, NULL, &err),
                     CASIA_EINVAL);
    casia_import_options_init(&opt);
    opt.version = 99;
    ck_assert_int_eq(casia_import_file(&ds, test_data_path("comtrade_legacy.csv"),
                                       CASIA_FORMAT_AUTO, &opt, NULL, &err),
                     CASIA_EINVAL);
    ck_assert_int_eq(casia_import_file(NULL, "x", CASIA_FORMAT_AUTO, NULL, NULL, NULL),
                     CASIA_EINVAL);
    ck_assert_int_eq(casia_import_file(&ds, NULL, CASIA_FORMAT_AUTO, NULL, NULL, NULL),
                     CASIA_EINVAL);
    ck_assert_ptr_null(ds);
}
END_TEST

/* ------------------------------------------------------------------ */
/* SIPRI, from the exporter's side                                     */

START_TEST(test_sipri_exports)
{
    casia_import_report rep;
    casia_dataset *ds = import_ok("sipri_exports_rus.csv", CASIA_FORMAT_AUTO, NULL, &rep);
    ck_assert_int_eq(rep.format, CASIA_FORMAT_SIPRI_TIV);
    /* a table of exports from Russia: each recipient's imports from it */
    ck_assert(value(ds, "arms.import_tiv", "KAZ", "RUS", 2019) == 50);
    ck_assert(value(ds, "arms.import_tiv", "KAZ", "RUS", 2021) == 20);
    ck_assert(value(ds, "arms.import_tiv", "KGZ", "RUS", 2020) == 3);
    /* historical names, and SIPRI's marks for non-state actors (*) and
     * international organisations (**) */
    ck_assert(value(ds, "arms.import_tiv", "SUN", "RUS", 2019) == 1);
    ck_assert(value(ds, "arms.import_tiv", "XNS", "RUS", 2019) == 1);
    ck_assert(value(ds, "arms.import_tiv", "XIO", "RUS", 2020) == 2);
    /* the Total row: the world's imports from Russia */
    ck_assert(value(ds, "arms.import_tiv", "WLD", "RUS", 2019) == 52);
    ck_assert_uint_eq(casia_dataset_observation_count(ds), 9);
    casia_dataset_free(ds);
}
END_TEST

/* ------------------------------------------------------------------ */
/* The native tidy CSV                                                 */

START_TEST(test_tidy_read)
{
    casia_import_report rep;
    casia_observation o;
    casia_query q = CASIA_QUERY_INIT;
    casia_cursor *cur;
    casia_dataset *ds = import_ok("tidy.csv", CASIA_FORMAT_AUTO, NULL, &rep);
    ck_assert_int_eq(rep.format, CASIA_FORMAT_NATIVE_CSV);
    ck_assert_uint_eq(casia_dataset_observation_count(ds), 3);
    ck_assert_uint_eq(casia_dataset_source_count(ds), 3);
    /* two observations of one key under two bases and sources */
    q.indicator = "trade.import";
    q.reporter = "KAZ";
    q.partner = "CHN";
    ck_assert_int_eq(casia_dataset_query(&cur, ds, &q), CASIA_OK);
    ck_assert_int_eq(casia_cursor_next(cur, &o), CASIA_OK);
    ck_assert_int_eq(o.basis, CASIA_BASIS_REPORTER);
    ck_assert(o.value == 12345678.5);
    ck_assert_str_eq(o.note, "a note, with a comma and \"quotes\"");
    ck_assert_int_eq(casia_cursor_next(cur, &o), CASIA_OK);
    ck_assert_int_eq(o.basis, CASIA_BASIS_PARTNER_MIRROR);
    ck_assert_str_eq(o.source, "customs_cn");
    ck_assert_ptr_null(o.note);
    casia_cursor_free(cur);
    /* an indicator libcasia does not know, with its unit; negative */
    ck_assert(value(ds, "my.index", "KAZ", "WLD", 2021) == -1.25);
    casia_dataset_free(ds);
}
END_TEST

static void tidy_fails(const char *text, int code, int line, int column,
                       const char *what)
{
    casia_dataset *ds = (casia_dataset *)&ds;
    casia_error err;
    int rc = casia_import_buffer(&ds, text, strlen(text), "t.csv",
                                 CASIA_FORMAT_NATIVE_CSV, NULL, NULL, &err);
    ck_assert_msg(rc == code, "%s (%s)", casia_status_name(rc), err.text);
    ck_assert_ptr_eq(ds, (casia_dataset *)&ds);
    ck_assert_msg(err.line == line && err.column == column, "at %d:%d (%s)",
                  err.line, err.column, err.text);
    ck_assert_msg(strstr(err.text, what) != NULL, "\"%s\" lacks \"%s\"", err.text,
                  what);
}

#define TH "indicator,reporter,partner,year,value,basis,source\n"

START_TEST(test_tidy_errors)
{
    tidy_fails(TH "trade.import,KZ,CHN,2022,1,reporter,s\n", CASIA_ESCHEMA, 2, 14,
               "\"KZ\" is not a canonical code: write KAZ");
    tidy_fails(TH "trade.import,KAZ,CHN,1850,1,reporter,s\n", CASIA_ESCHEMA, 2, 22,
               "not a year");
    tidy_fails(TH "trade.import,KAZ,CHN,2022,-1,reporter,s\n", CASIA_ESCHEMA, 2, 27,
               "cannot be negative");
    tidy_fails(TH "trade.import,KAZ,CHN,2022,1,mixed,s\n", CASIA_ESCHEMA, 2, 29,
               "basis \"mixed\"");
    tidy_fails(TH "my.thing,KAZ,CHN,2022,1,other,s\n", CASIA_ESCHEMA, 2, 1,
               "needs a \"unit\"");
    tidy_fails("indicator,reporter,partner,year,value,basis,source,colour\n",
               CASIA_ESCHEMA, 1, 52, "unknown column \"colour\"");
    tidy_fails("indicator,reporter,partner,year,value,basis\n", CASIA_ESCHEMA, 1, 1,
               "no column \"source\"");
    /* one key, one basis, one source, two values */
    tidy_fails(TH "trade.import,KAZ,CHN,2022,1,other,s\n"
                  "trade.import,KAZ,CHN,2022,2,other,s\n",
               CASIA_ECONFLICT, 3, 27, "given as 2 here and as 1 at line 2");
}
END_TEST

/* writes ds as tidy CSV, reads it back, and compares every observation */
static void round_trip(const casia_dataset *ds)
{
    char *csv;
    size_t n, i;
    casia_dataset *back;
    casia_error err;
    ck_assert_int_eq(casia_dataset_to_csv(&csv, &n, ds), CASIA_OK);
    ck_assert_uint_eq(strlen(csv), n);
    ck_assert_int_eq(casia_import_buffer(&back, csv, n, "rt.csv", CASIA_FORMAT_AUTO,
                                         NULL, NULL, &err), CASIA_OK);
    ck_assert_uint_eq(casia_dataset_observation_count(back),
                      casia_dataset_observation_count(ds));
    for (i = 0; i < casia_dataset_observation_count(ds); i++) {
        casia_observation a, b;
        casia_dataset_observation(&a, ds, i);
        casia_dataset_observation(&b, back, i);
        ck_assert_str_eq(a.indicator, b.indicator);
        ck_assert_str_eq(a.reporter, b.reporter);
        ck_assert_str_eq(a.partner, b.partner);
        ck_assert_int_eq(a.year, b.year);
        ck_assert_msg(a.value == b.value, "%.17g != %.17g", a.value, b.value);
        ck_assert_int_eq(a.basis, b.basis);
        ck_assert_str_eq(a.source, b.source);
        ck_assert_str_eq(a.unit, b.unit);
        if (a.note)
            ck_assert_str_eq(a.note, b.note);
        else
            ck_assert_ptr_null(b.note);
    }
    casia_dataset_free(back);
    casia_free(csv);
}

START_TEST(test_tidy_round_trip)
{
    casia_dataset *ds;
    casia_import_options opt;
    ck_assert_int_eq(casia_dataset_open_default(&ds, NULL), CASIA_OK);
    round_trip(ds);
    casia_dataset_free(ds);
    ds = import_ok("tidy.csv", CASIA_FORMAT_AUTO, NULL, NULL);
    round_trip(ds);
    casia_dataset_free(ds);
    casia_import_options_init(&opt);
    opt.sum_months = 1;
    ds = import_ok("comtrade_plus_monthly.csv", CASIA_FORMAT_AUTO, &opt, NULL);
    round_trip(ds);
    casia_dataset_free(ds);
    {
        /* a note of 1500 "é" (3000 bytes): kept whole, not dropped (the
         * reader once copied notes through a 1 KiB buffer) */
        static const char head[] =
            "{\"format\": \"casia-dataset/1\", \"sources\": [{\"id\": \"s\", "
            "\"title\": \"t\"}], \"series\": [{\"indicator\": \"trade.import\", "
            "\"reporter\": \"KAZ\", \"partner\": \"CHN\", \"basis\": \"reporter\", "
            "\"source\": \"s\", \"values\": {\"2020\": 1}, \"notes\": {\"2020\": \"";
        char *json = malloc(sizeof head + 3000 + 8);
        casia_observation o;
        casia_error err;
        size_t k, len = sizeof head - 1;
        memcpy(json, head, len);
        for (k = 0; k < 1500; k++) {
            json[len++] = '\xC3';
            json[len++] = '\xA9';
        }
        memcpy(json + len, "\"}}]}", 6);
        ck_assert_msg(casia_dataset_load_buffer(&ds, json, strlen(json), "long.json",
                                                &err) == CASIA_OK, "%s", err.text);
        ck_assert_int_eq(casia_dataset_observation(&o, ds, 0), CASIA_OK);
        ck_assert_uint_eq(strlen(o.note), 3000);
        round_trip(ds);
        casia_dataset_free(ds);
        free(json);
    }
}
END_TEST

START_TEST(test_tidy_save)
{
    casia_dataset *ds, *back;
    char path[] = "/tmp/casia-tidy-XXXXXX";
    int fd = mkstemp(path);
    casia_error err;
    casia_format f;
    ck_assert_int_ge(fd, 0);
    close(fd);
    ck_assert_int_eq(casia_dataset_open_default(&ds, NULL), CASIA_OK);
    ck_assert_int_eq(casia_dataset_save_csv(ds, path, &err), CASIA_OK);
    ck_assert_int_eq(casia_format_detect(&f, path, NULL), CASIA_OK);
    ck_assert_int_eq(f, CASIA_FORMAT_NATIVE_CSV);
    ck_assert_int_eq(casia_import_file(&back, path, CASIA_FORMAT_AUTO, NULL, NULL, &err),
                     CASIA_OK);
    ck_assert_uint_eq(casia_dataset_observation_count(back),
                      casia_dataset_observation_count(ds));
    casia_dataset_free(back);
    ck_assert_int_eq(casia_dataset_save_csv(ds, "/nonexistent/dir/x.csv", &err),
                     CASIA_EIO);
    casia_dataset_free(ds);
    unlink(path);
}
END_TEST

/* ------------------------------------------------------------------ */
/* Merging                                                             */

START_TEST(test_merge)
{
    casia_dataset *parts[3], *m;
    casia_source src;
    casia_error err;
    casia_import_options opt;
    ck_assert_int_eq(casia_dataset_open_default(&parts[0], NULL), CASIA_OK);
    parts[1] = import_ok("tidy.csv", CASIA_FORMAT_AUTO, NULL, NULL);
    parts[2] = import_ok("sipri_exports_rus.csv", CASIA_FORMAT_AUTO, NULL, NULL);
    ck_assert_int_eq(casia_dataset_merge(&m, (const casia_dataset *const *)parts, 3,
                                         &err), CASIA_OK);
    ck_assert_uint_eq(casia_dataset_observation_count(m),
                      casia_dataset_observation_count(parts[0]) + 3 + 9);
    ck_assert_uint_eq(casia_dataset_membership_count(m),
                      casia_dataset_membership_count(parts[0]));
    ck_assert_uint_eq(casia_dataset_vote_count(m), casia_dataset_vote_count(parts[0]));
    casia_dataset_free(m);

    /* the same part twice: equal values are kept once */
    casia_dataset_free(parts[2]);
    parts[2] = parts[1];
    ck_assert_int_eq(casia_dataset_merge(&m, (const casia_dataset *const *)parts + 1, 2,
                                         &err), CASIA_OK);
    ck_assert_uint_eq(casia_dataset_observation_count(m), 3);
    casia_dataset_free(m);
    casia_dataset_free(parts[0]);

    /* a tidy CSV cites source "customs_kz" by id only; a part that defines
     * it lends its title */
    {
        const char *t = TH "trade.export,KAZ,RUS,2020,5,reporter,customs_kz\n";
        casia_import_options_init(&opt);
        opt.source_id = "customs_kz";
        opt.source_title = "Kazakhstan customs statistics";
        ck_assert_int_eq(casia_import_buffer(&parts[0], t, strlen(t), "k.csv",
                                             CASIA_FORMAT_AUTO, &opt, NULL, &err),
                         CASIA_OK);
    }
    ck_assert_int_eq(casia_dataset_merge(&m, (const casia_dataset *const *)parts, 2,
                                         &err), CASIA_OK);
    ck_assert_int_eq(casia_dataset_find_source(&src, m, "customs_kz"), CASIA_OK);
    ck_assert_str_eq(src.title, "Kazakhstan customs statistics");
    casia_dataset_free(m);
    casia_dataset_free(parts[0]);

    /* a conflict is reported, never overwritten */
    {
        const char *t = TH "trade.import,KAZ,CHN,2022,99,reporter,customs_kz\n";
        ck_assert_int_eq(casia_import_buffer(&parts[0], t, strlen(t), "k.csv",
                                             CASIA_FORMAT_AUTO, NULL, NULL, &err),
                         CASIA_OK);
    }
    m = (casia_dataset *)&m;
    ck_assert_int_eq(casia_dataset_merge(&m, (const casia_dataset *const *)parts, 2,
                                         &err), CASIA_ECONFLICT);
    ck_assert_ptr_eq(m, (casia_dataset *)&m);
    ck_assert_ptr_nonnull(strstr(err.text, "trade.import KAZ-CHN 2022"));
    ck_assert_ptr_nonnull(strstr(err.text, "part 2 of 2"));
    ck_assert_str_eq(err.source, "merge");
    casia_dataset_free(parts[0]);
    casia_dataset_free(parts[1]);

    ck_assert_int_eq(casia_dataset_merge(&m, NULL, 0, &err), CASIA_OK);
    ck_assert_uint_eq(casia_dataset_observation_count(m), 0);
    casia_dataset_free(m);
}
END_TEST

/* A file split in two (the header kept in both), imported and merged,
 * equals the whole. */
START_TEST(test_split_merge)
{
    FILE *f = fopen(test_data_path("comtrade_legacy.csv"), "rb");
    char text[4096], a[4096], b[4096];
    const char *lines[8] = {NULL};
    size_t n, k = 0, i;
    casia_dataset *whole, *parts[2], *m;
    casia_import_options opt;
    char *j1, *j2;
    casia_error err;
    ck_assert_ptr_nonnull(f);
    n = fread(text, 1, sizeof text - 1, f);
    fclose(f);
    text[n] = '\0';
    for (i = 0; i < n && k < 8; i++)
        if (i == 0 || text[i - 1] == '\n')
            lines[k++] = text + i;
    ck_assert_uint_eq(k, 5);
    /* header + rows 1-2, header + rows 3-4 */
    snprintf(a, sizeof a, "%.*s", (int)(lines[3] - text), text);
    snprintf(b, sizeof b, "%.*s%s", (int)(lines[1] - text), text, lines[3]);
    casia_import_options_init(&opt);
    opt.source_id = "ct";
    opt.source_description = "split test";
    ck_assert_int_eq(casia_import_buffer(&whole, text, n, "w.csv", CASIA_FORMAT_AUTO,
                                         &opt, NULL, &err), CASIA_OK);
    ck_assert_int_eq(casia_import_buffer(&parts[0], a, strlen(a), "a.csv",
                                         CASIA_FORMAT_AUTO, &opt, NULL, &err), CASIA_OK);
    ck_assert_int_eq(casia_import_buffer(&parts[1], b, strlen(b), "b.csv",
                                         CASIA_FORMAT_AUTO, &opt, NULL, &err), CASIA_OK);
    ck_assert_int_eq(casia_dataset_merge(&m, (const casia_dataset *const *)parts, 2,
                                         &err), CASIA_OK);
    ck_assert_int_eq(casia_dataset_to_json(&j1, NULL, whole), CASIA_OK);
    ck_assert_int_eq(casia_dataset_to_json(&j2, NULL, m), CASIA_OK);
    ck_assert_str_eq(j1, j2);
    casia_free(j1);
    casia_free(j2);
    casia_dataset_free(whole);
    casia_dataset_free(parts[0]);
    casia_dataset_free(parts[1]);
    casia_dataset_free(m);
}
END_TEST

/* ------------------------------------------------------------------ */
/* Formats                                                             */

START_TEST(test_formats)
{
    casia_format f;
    const char *json = "  {\"format\": \"casia-dataset/1\"}";
    ck_assert_str_eq(casia_format_name(CASIA_FORMAT_COMTRADE_PLUS), "comtrade-plus");
    ck_assert_ptr_null(casia_format_name((casia_format)99));
    ck_assert_str_eq(casia_format_describe((casia_format)99), "a file of unknown layout");
    ck_assert_int_eq(casia_format_parse(&f, "sipri-register"), CASIA_OK);
    ck_assert_int_eq(f, CASIA_FORMAT_SIPRI_REGISTER);
    ck_assert_int_eq(casia_format_parse(&f, "excel"), CASIA_EINVAL);
    ck_assert_int_eq(casia_format_detect_buffer(&f, json, strlen(json)), CASIA_OK);
    ck_assert_int_eq(f, CASIA_FORMAT_NATIVE_JSON);
    ck_assert_int_eq(casia_format_detect_buffer(&f, "a,b\n1,2\n", 8), CASIA_OK);
    ck_assert_int_eq(f, CASIA_FORMAT_UNKNOWN);
    ck_assert_int_eq(casia_format_detect_buffer(&f, "PK\x03\x04xxxx", 8), CASIA_OK);
    ck_assert_int_eq(f, CASIA_FORMAT_SPREADSHEET);
    ck_assert_int_eq(casia_format_detect_buffer(&f, NULL, 0), CASIA_OK);
    ck_assert_int_eq(f, CASIA_FORMAT_UNKNOWN);
    {
        /* a native file whose "format" member comes after 5000 bytes is
         * still detected (detection once looked only at 4 KiB) ... */
        static const char tail[] = "\"format\": \"casia-dataset/1\", "
                                   "\"sources\": [], \"series\": []}";
        char *big = malloc(5001 + sizeof tail);
        casia_dataset *ds = NULL;
        casia_error e;
        ck_assert_ptr_nonnull(big);
        big[0] = '{';
        memset(big + 1, ' ', 5000);
        memcpy(big + 5001, tail, sizeof tail);
        ck_assert_int_eq(casia_format_detect_buffer(&f, big, strlen(big)), CASIA_OK);
        ck_assert_int_eq(f, CASIA_FORMAT_NATIVE_JSON);
        ck_assert_int_eq(casia_import_buffer(&ds, big, strlen(big), "late.json",
                                             CASIA_FORMAT_AUTO, NULL, NULL, &e), CASIA_OK);
        ck_assert_uint_eq(casia_dataset_observation_count(ds), 0);
        casia_dataset_free(ds);
        free(big);
        /* ... and a JSON object of another kind gets the loader's reason */
        ds = NULL;
        ck_assert_int_eq(casia_import_buffer(&ds, "{\"a\": 1}", 8, "other.json",
                                             CASIA_FORMAT_AUTO, NULL, NULL, &e),
                         CASIA_ESCHEMA);
        ck_assert_ptr_null(ds);
        ck_assert_str_eq(e.source, "other.json");
        ck_assert_ptr_nonnull(strstr(e.text, "format"));
        /* a NULL buffer with a size is refused, not read as empty */
        ck_assert_int_eq(casia_import_buffer(&ds, NULL, 5, "x", CASIA_FORMAT_AUTO,
                                             NULL, NULL, &e), CASIA_EINVAL);
        ck_assert_ptr_null(ds);
    }
    {
        /* a file named in Latin-1 ("C\xF4te.csv"): its name goes into the
         * source description as UTF-8, so the dataset writes and reads back */
        static const char plus[] = "typeCode,freqCode,refYear,period,reporterISO,"
                                   "flowCode,partnerCode,partnerISO,cmdCode,"
                                   "primaryValue\nC,A,2022,2022,KAZ,M,156,CHN,TOTAL,100\n";
        casia_dataset *ds = NULL, *back = NULL;
        casia_import_options opt;
        casia_source src;
        casia_error e;
        char *text;
        size_t n;
        ck_assert_int_eq(casia_import_buffer(&ds, plus, strlen(plus), "dir/C\xF4te.csv",
                                             CASIA_FORMAT_AUTO, NULL, NULL, &e), CASIA_OK);
        ck_assert_int_eq(casia_dataset_source(&src, ds, 0), CASIA_OK);
        ck_assert_str_eq(src.id, "C_te");
        ck_assert_ptr_nonnull(strstr(src.description, "download C\xC3\xB4te.csv: goods"));
        ck_assert_int_eq(casia_dataset_to_json(&text, &n, ds), CASIA_OK);
        ck_assert_int_eq(casia_dataset_load_buffer(&back, text, n, "back.json", &e),
                         CASIA_OK);
        casia_free(text);
        casia_dataset_free(back);
        casia_dataset_free(ds);
        /* a title given in Latin-1 is refused, not stored */
        casia_import_options_init(&opt);
        opt.source_title = "Statistiques douani\xE8res";
        ds = NULL;
        ck_assert_int_eq(casia_import_buffer(&ds, plus, strlen(plus), "x.csv",
                                             CASIA_FORMAT_AUTO, &opt, NULL, &e),
                         CASIA_EINVAL);
        ck_assert_ptr_null(ds);
        ck_assert_str_eq(e.text, "option source_title is not valid UTF-8");
    }
    ck_assert_int_eq(casia_format_detect(&f, test_data_path("small.json"), NULL), CASIA_OK);
    ck_assert_int_eq(f, CASIA_FORMAT_NATIVE_JSON);
    {
        /* native JSON through the same call */
        casia_dataset *ds;
        casia_import_report rep;
        ck_assert_int_eq(casia_import_file(&ds, test_data_path("small.json"),
                                           CASIA_FORMAT_AUTO, NULL, &rep, NULL), CASIA_OK);
        ck_assert_int_eq(rep.format, CASIA_FORMAT_NATIVE_JSON);
        ck_assert_uint_eq(rep.observations, casia_dataset_observation_count(ds));
        casia_dataset_free(ds);
    }
}
END_TEST


/*
 * Numbers do not depend on the caller's LC_NUMERIC. Under a locale with a
 * decimal comma the JSON and the tidy CSV of the default dataset are the
 * C locale's text byte for byte, and a tidy CSV with numbers too long for
 * the fast parser (more than 19 digits: strtod) reads as in the C locale.
 * tests/locale.sh makes such a locale and sets CASIA_TEST_NEED_COMMA, so
 * that there the test fails rather than skip when none can be set.
 */
START_TEST(test_locale)
{
    static const char *const names[] = {"de_DE.UTF-8", "de_DE.utf8", "fr_FR.UTF-8",
                                        "fr_FR.utf8", "ru_RU.UTF-8", "ru_RU.utf8"};
    /* 20 significant digits: 1234567890.1234567890 and 0.00012345678901234567890 */
    static const char long_numbers[] =
        TH "trade.import,KAZ,CHN,2020,1234567890.1234567890,reporter,s\n"
           "trade.import,KAZ,RUS,2020,0.00012345678901234567890,reporter,s\n";
    casia_dataset *ds, *back_c, *back_l = NULL;
    char *json_c, *csv_c, *json_l = NULL, *csv_l = NULL;
    const char *need = getenv("CASIA_TEST_NEED_COMMA");
    size_t n, i;
    int comma = 0;
    casia_error err;

    ck_assert_int_eq(casia_dataset_open_default(&ds, NULL), CASIA_OK);
    ck_assert_int_eq(casia_dataset_to_json(&json_c, &n, ds), CASIA_OK);
    ck_assert_int_eq(casia_dataset_to_csv(&csv_c, &n, ds), CASIA_OK);
    ck_assert_int_eq(casia_import_buffer(&back_c, long_numbers, strlen(long_numbers),
                                         "long.csv", CASIA_FORMAT_AUTO, NULL, NULL,
                                         &err), CASIA_OK);
    for (i = 0; i < sizeof names / sizeof names[0] && !comma; i++) {
        char probe[16];
        if (!setlocale(LC_NUMERIC, names[i]))
            continue;
        snprintf(probe, sizeof probe, "%.1f", 0.5);
        comma = strcmp(probe, "0.5") != 0;
    }
    if (need && *need)
        ck_assert_msg(comma, "no locale with a decimal comma could be set");
    if (comma) {
        ck_assert_int_eq(casia_dataset_to_json(&json_l, &n, ds), CASIA_OK);
        ck_assert_int_eq(casia_dataset_to_csv(&csv_l, &n, ds), CASIA_OK);
        ck_assert_msg(casia_import_buffer(&back_l, long_numbers, strlen(long_numbers),
                                          "long.csv", CASIA_FORMAT_AUTO, NULL, NULL,
                                          &err) == CASIA_OK, "%s", err.text);
    }
    setlocale(LC_NUMERIC, "C");
    if (comma) {
        casia_observation a, b;
        ck_assert_str_eq(json_l, json_c);
        ck_assert_str_eq(csv_l, csv_c);
        for (i = 0; i < 2; i++) {
            ck_assert_int_eq(casia_dataset_observation(&a, back_c, i), CASIA_OK);
            ck_assert_int_eq(casia_dataset_observation(&b, back_l, i), CASIA_OK);
            ck_assert_msg(a.value == b.value, "%.17g under the comma, %.17g in C",
                          b.value, a.value);
        }
    }
    /* and the values are the decimals' nearest doubles (strtod in C) */
    {
        casia_observation a;
        ck_assert_int_eq(casia_dataset_observation(&a, back_c, 0), CASIA_OK);
        ck_assert(a.value == strtod("1234567890.1234567890", NULL));
        ck_assert_int_eq(casia_dataset_observation(&a, back_c, 1), CASIA_OK);
        ck_assert(a.value == strtod("0.00012345678901234567890", NULL));
    }
    {
        /* a number of 300 characters, "1." and 297 zeros and "1": 1.0 */
        char row[512];
        casia_dataset *one;
        casia_observation a;
        int k = snprintf(row, sizeof row, TH "trade.import,KAZ,CHN,2020,1.");
        memset(row + k, '0', 297);
        snprintf(row + k + 297, sizeof row - (size_t)k - 297, "1,reporter,s\n");
        ck_assert_msg(casia_import_buffer(&one, row, strlen(row), "long.csv",
                                          CASIA_FORMAT_AUTO, NULL, NULL, &err) == CASIA_OK,
                      "%s", err.text);
        ck_assert_int_eq(casia_dataset_observation(&a, one, 0), CASIA_OK);
        ck_assert(a.value == 1.0);
        casia_dataset_free(one);
    }
    casia_free(json_c);
    casia_free(csv_c);
    casia_free(json_l);
    casia_free(csv_l);
    casia_dataset_free(back_c);
    casia_dataset_free(back_l);
    casia_dataset_free(ds);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("import");
    TCase *tc = tcase_create("comtrade");
    tcase_add_test(tc, test_legacy_small);
    tcase_add_test(tc, test_malformed);
    tcase_add_test(tc, test_lenient);
    tcase_add_test(tc, test_monthly);
    tcase_add_test(tc, test_month_twice);
    tcase_add_test(tc, test_month_order);
    tcase_add_test(tc, test_options_bad);
    suite_add_tcase(s, tc);
    tc = tcase_create("sipri");
    tcase_add_test(tc, test_sipri_exports);
    suite_add_tcase(s, tc);
    tc = tcase_create("tidy");
    tcase_add_test(tc, test_tidy_read);
    tcase_add_test(tc, test_tidy_errors);
    tcase_add_test(tc, test_tidy_round_trip);
    tcase_add_test(tc, test_tidy_save);
    tcase_add_test(tc, test_locale);
    suite_add_tcase(s, tc);
    tc = tcase_create("merge");
    tcase_add_test(tc, test_merge);
    tcase_add_test(tc, test_split_merge);
    tcase_add_test(tc, test_formats);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return run_suite(suite());
}
