/*
 * check_merge.c - merging datasets (a store operation, merge.c): sources
 * defined once, conflicts named with their part, a dataset split and
 * merged back.
 */
#include "fixture.h"

#include <locale.h>
#include <unistd.h>

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

static Suite *suite(void)
{
    Suite *s = suite_create("merge");
    TCase *tc;

    tc = tcase_create("merge");
    tcase_add_test(tc, test_merge);
    tcase_add_test(tc, test_split_merge);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return run_suite(suite());
}
