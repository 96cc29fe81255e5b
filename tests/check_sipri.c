/*
 * check_sipri.c - importing a SIPRI TIV table from the exporter's side.
 */
#include "fixture.h"

#include <locale.h>
#include <unistd.h>

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

static Suite *suite(void)
{
    Suite *s = suite_create("sipri");
    TCase *tc;

    tc = tcase_create("sipri");
    tcase_add_test(tc, test_sipri_exports);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return run_suite(suite());
}
