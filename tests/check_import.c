/*
 * check_import.c - the registry of formats: names, descriptions,
 * detection, and what importing a file of each format reports.
 */
#include "fixture.h"

#include <locale.h>
#include <unistd.h>

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

static Suite *suite(void)
{
    Suite *s = suite_create("import");
    TCase *tc;

    tc = tcase_create("formats");
    tcase_add_test(tc, test_formats);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return run_suite(suite());
}
