/*
 * testutil.h - small helpers shared by the Check test programs.
 */
#ifndef CASIA_TESTUTIL_H
#define CASIA_TESTUTIL_H

#include <casia.h>
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Absolute path of a fixture in tests/data (CASIA_TEST_DATADIR is set by
 * the test harness, so VPATH builds find the source tree). */
static inline const char *test_data_path(const char *name)
{
    static char buf[4096];
    const char *dir = getenv("CASIA_TEST_DATADIR");
    snprintf(buf, sizeof buf, "%s/%s", dir ? dir : "tests/data", name);
    return buf;
}

/* Loads JSON text; returns the status, with *out set on success. */
static inline int load_text(casia_dataset **out, const char *json,
                            casia_error *err)
{
    return casia_dataset_load_buffer(out, json, strlen(json), "test.json", err);
}

/* Runs one suite; the exit status of a test program. */
static inline int run_suite(Suite *s)
{
    SRunner *sr = srunner_create(s);
    int failed;
    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

#define ck_assert_status(expr, expected)                                      \
    do {                                                                      \
        int ck_rc_ = (expr);                                                  \
        ck_assert_msg(ck_rc_ == (expected), "%s returned %s (%d), expected %s", \
                      #expr, casia_status_name(ck_rc_), ck_rc_,               \
                      casia_status_name(expected));                           \
    } while (0)

#endif
