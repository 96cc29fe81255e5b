/*
 * check_common.c - status codes, messages, the error record, versions,
 * basis and vote names. Expected strings are the ones documented in
 * include/casia/common.h.
 */
#include "testutil.h"

START_TEST(test_strerror_every_code)
{
    /* every documented code has its own message and name */
    static const struct { int code; const char *name; const char *text; } t[] = {
        {CASIA_OK, "OK", "success"},
        {CASIA_ENOMEM, "ENOMEM", "out of memory"},
        {CASIA_EINVAL, "EINVAL", "invalid argument"},
        {CASIA_EIO, "EIO", "input/output error"},
        {CASIA_EPARSE, "EPARSE", "syntax error in input"},
        {CASIA_ESCHEMA, "ESCHEMA", "input does not follow its format"},
        {CASIA_ENOTFOUND, "ENOTFOUND", "not found"},
        {CASIA_EAMBIGUOUS, "EAMBIGUOUS", "ambiguous"},
        {CASIA_ECONFLICT, "ECONFLICT", "conflicting values"},
        {CASIA_EDOMAIN, "EDOMAIN", "undefined: zero or missing denominator"},
        {CASIA_EFORMAT, "EFORMAT", "input is not in the expected layout"},
        {CASIA_ERANGE, "ERANGE", "value out of range"},
        {CASIA_EUNSUPPORTED, "EUNSUPPORTED", "not supported by this build"},
        {CASIA_ITEROVER, "ITEROVER", "no more items"},
    };
    size_t i;
    for (i = 0; i < sizeof t / sizeof t[0]; i++) {
        ck_assert_str_eq(casia_strerror(t[i].code), t[i].text);
        ck_assert_str_eq(casia_status_name(t[i].code), t[i].name);
    }
    ck_assert_int_eq(CASIA_OK, 0);
    ck_assert_int_eq(CASIA_ENOTFOUND, -6);
    ck_assert_int_eq(CASIA_ITEROVER, -13);
}
END_TEST

START_TEST(test_strerror_unknown)
{
    ck_assert_str_eq(casia_strerror(-9999), "unknown status");
    ck_assert_str_eq(casia_strerror(42), "unknown status");
    ck_assert_str_eq(casia_status_name(-9999), "UNKNOWN");
}
END_TEST

START_TEST(test_error_format)
{
    casia_error e;
    char buf[600];
    memset(&e, 0, sizeof e);
    strcpy(e.source, "data.json");
    strcpy(e.text, "negative value");
    e.line = 12;
    e.column = 7;
    ck_assert_int_eq(casia_error_format(&e, buf, sizeof buf),
                     (int)strlen("data.json:12:7: negative value"));
    ck_assert_str_eq(buf, "data.json:12:7: negative value");
    e.column = 0;
    casia_error_format(&e, buf, sizeof buf);
    ck_assert_str_eq(buf, "data.json:12: negative value");
    e.line = 0;
    casia_error_format(&e, buf, sizeof buf);
    ck_assert_str_eq(buf, "data.json: negative value");
    e.source[0] = '\0';
    casia_error_format(&e, buf, sizeof buf);
    ck_assert_str_eq(buf, "negative value");
    /* truncation: like snprintf, returns the full length */
    strcpy(e.source, "data.json");
    e.line = 3;
    e.column = 4;
    ck_assert_int_eq(casia_error_format(&e, buf, 6), 29);
    ck_assert_str_eq(buf, "data.");
    ck_assert_int_eq(casia_error_format(NULL, buf, sizeof buf), CASIA_EINVAL);
}
END_TEST

START_TEST(test_version)
{
    char expect[32];
    snprintf(expect, sizeof expect, "%d.%d.%d", CASIA_VERSION_MAJOR,
             CASIA_VERSION_MINOR, CASIA_VERSION_PATCH);
    ck_assert_str_eq(casia_version(), expect);
    ck_assert_str_eq(casia_version(), CASIA_VERSION_STRING);
    ck_assert_int_eq(casia_version_number(),
                     CASIA_VERSION_MAJOR * 65536 + CASIA_VERSION_MINOR * 256 +
                         CASIA_VERSION_PATCH);
}
END_TEST

START_TEST(test_basis_names)
{
    casia_basis b = CASIA_BASIS_ANY;
    ck_assert_str_eq(casia_basis_name(CASIA_BASIS_ANY), "any");
    ck_assert_str_eq(casia_basis_name(CASIA_BASIS_REPORTER), "reporter");
    ck_assert_str_eq(casia_basis_name(CASIA_BASIS_PARTNER_MIRROR), "partner_mirror");
    ck_assert_str_eq(casia_basis_name(CASIA_BASIS_NATIONAL_STATS), "national_stats");
    ck_assert_str_eq(casia_basis_name(CASIA_BASIS_OTHER), "other");
    ck_assert_str_eq(casia_basis_name(CASIA_BASIS_MIXED), "mixed");
    ck_assert_ptr_null(casia_basis_name((casia_basis)6));
    ck_assert_ptr_null(casia_basis_name((casia_basis)-1));
    ck_assert_status(casia_basis_parse(&b, "partner_mirror"), CASIA_OK);
    ck_assert_int_eq(b, CASIA_BASIS_PARTNER_MIRROR);
    ck_assert_status(casia_basis_parse(&b, "Reporter"), CASIA_EINVAL);
    ck_assert_int_eq(b, CASIA_BASIS_PARTNER_MIRROR);   /* untouched on error */
    ck_assert_status(casia_basis_parse(&b, NULL), CASIA_EINVAL);
    ck_assert_status(casia_basis_parse(NULL, "other"), CASIA_EINVAL);
}
END_TEST

START_TEST(test_vote_names)
{
    ck_assert_str_eq(casia_vote_choice_name(CASIA_VOTE_YES), "yes");
    ck_assert_str_eq(casia_vote_choice_name(CASIA_VOTE_NO), "no");
    ck_assert_str_eq(casia_vote_choice_name(CASIA_VOTE_ABSTAIN), "abstain");
    ck_assert_str_eq(casia_vote_choice_name(CASIA_VOTE_ABSENT), "absent");
    ck_assert_ptr_null(casia_vote_choice_name((casia_vote_choice)0));
}
END_TEST

START_TEST(test_free_null)
{
    casia_free(NULL);
    casia_dataset_free(NULL);
    casia_cursor_free(NULL);
}
END_TEST

START_TEST(test_error_struct_abi)
{
    /* the caller-allocated record is ABI: its size is fixed per release */
    ck_assert_uint_eq(sizeof(casia_error),
                      4 * sizeof(int) + sizeof(long long) + CASIA_ERROR_SOURCE_SIZE +
                          CASIA_ERROR_TEXT_SIZE + 64);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("common");
    TCase *tc = tcase_create("common");
    tcase_add_test(tc, test_strerror_every_code);
    tcase_add_test(tc, test_strerror_unknown);
    tcase_add_test(tc, test_error_format);
    tcase_add_test(tc, test_version);
    tcase_add_test(tc, test_basis_names);
    tcase_add_test(tc, test_vote_names);
    tcase_add_test(tc, test_free_null);
    tcase_add_test(tc, test_error_struct_abi);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
