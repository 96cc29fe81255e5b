/*
 * check_comtrade.c - importing UN Comtrade files written for the tests
 * (tests/data): the legacy layout, malformed variants, lenient mode,
 * monthly rows, options.
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

static Suite *suite(void)
{
    Suite *s = suite_create("comtrade");
    TCase *tc;

    tc = tcase_create("comtrade");
    tcase_add_test(tc, test_legacy_small);
    tcase_add_test(tc, test_malformed);
    tcase_add_test(tc, test_lenient);
    tcase_add_test(tc, test_monthly);
    tcase_add_test(tc, test_month_twice);
    tcase_add_test(tc, test_month_order);
    tcase_add_test(tc, test_options_bad);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return run_suite(suite());
}
