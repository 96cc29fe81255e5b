/*
 * check_tidy.c - the native tidy CSV: reading, errors at their positions,
 * the round trip through the writer, saving, and numbers under a locale
 * with a decimal comma.
 *
 * Expected positions were computed with Python on the same files:
 *     off = text.index(needle); line = text[:off].count('\n') + 1
 *     column = len(text[:off].split('\n')[-1]) + 1
 * e.g. bad_value.csv, needle "2O00": line 3, column 29.
 */
#include "fixture.h"

#include <locale.h>
#include <unistd.h>

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
    Suite *s = suite_create("tidy");
    TCase *tc;

    tc = tcase_create("tidy");
    tcase_add_test(tc, test_tidy_read);
    tcase_add_test(tc, test_tidy_errors);
    tcase_add_test(tc, test_tidy_round_trip);
    tcase_add_test(tc, test_tidy_save);
    tcase_add_test(tc, test_locale);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return run_suite(suite());
}
