/*
 * check_country.c - the country registry. Expected codes are ISO 3166-1
 * (alpha-2/alpha-3/numeric from the ISO standard as shipped in Debian's
 * iso-codes), UN Comtrade's codes from its country list, and the hand-kept
 * additions of libcasia/countries.in.
 */
#include "testutil.h"

static void expect(const char *text, const char *code)
{
    const char *out = NULL;
    casia_error err;
    int rc = casia_country_resolve(&out, text, &err);
    ck_assert_msg(rc == CASIA_OK, "resolving \"%s\": %s", text,
                  rc ? err.text : "");
    ck_assert_msg(strcmp(out, code) == 0, "\"%s\" resolved to %s, expected %s",
                  text, out, code);
}

START_TEST(test_required_forms)
{
    /* the forms the foundation issue names */
    expect("KZ", "KAZ");
    expect("398", "KAZ");
    expect("Kazakhstan", "KAZ");
    expect("Kyrgyz Republic", "KGZ");
    expect("T\xc3\xbcrkiye", "TUR");   /* Türkiye */
    expect("Turkey", "TUR");
    expect("W00", "WLD");
}
END_TEST

START_TEST(test_codes)
{
    expect("KAZ", "KAZ");
    expect("kaz", "KAZ");
    expect("kz", "KAZ");
    expect("0398", "KAZ");
    expect("  KAZ\t", "KAZ");
    expect("417", "KGZ");   /* ISO numeric of Kyrgyzstan */
    expect("762", "TJK");
    expect("795", "TKM");
    expect("860", "UZB");
    expect("643", "RUS");
    expect("156", "CHN");
    expect("4", "AFG");     /* leading zeros optional: ISO writes 004 */
    expect("004", "AFG");
    expect("0", "WLD");     /* Comtrade's world */
    expect("w00", "WLD");
    expect("842", "USA");   /* Comtrade's own numeric, ISO has 840 */
    expect("840", "USA");
    expect("699", "IND");   /* Comtrade, ISO 356 */
    expect("251", "FRA");   /* Comtrade, ISO 250 */
    expect("S19", "S19");   /* Comtrade Plus: Other Asia, nes */
    expect("490", "S19");
    expect("_X", "_X");     /* Areas, nes */
    expect("X1", "_B");     /* Bunkers, as Comtrade Plus writes it */
    expect("EU", "EUU");
    expect("EUU", "EUU");
    expect("810", "SUN");   /* ISO 3166-3 numeric of the USSR */
}
END_TEST

START_TEST(test_names)
{
    expect("kazakhstan", "KAZ");
    expect("KAZAKHSTAN", "KAZ");
    expect("Republic of Kazakhstan", "KAZ");   /* ISO official name */
    expect("Kyrgyzstan", "KGZ");
    expect("Turkiye", "TUR");
    expect("T\xc3\x9cRK\xc4\xb0YE", "TUR");   /* TÜRKİYE: İ folds to i */
    expect("Russia", "RUS");
    expect("Russian Federation", "RUS");
    expect("China", "CHN");
    expect("United States", "USA");
    expect("United States of America", "USA");
    expect("C\xc3\xb4te d'Ivoire", "CIV");   /* Côte d'Ivoire */
    expect("Cote d'Ivoire", "CIV");
    expect("cote divoire", "CIV");
    expect("Bosnia & Herzegovina", "BIH");
    expect("Bosnia-Herzegovina", "BIH");      /* SIPRI */
    expect("South Korea", "KOR");
    expect("Korea, Rep.", "KOR");             /* World Bank */
    expect("Soviet Union", "SUN");            /* SIPRI, historical */
    expect("Unknown supplier(s)", "UNK");     /* SIPRI */
    expect("World", "WLD");
    expect("European Union", "EUU");
    expect("Europe & Central Asia", "ECS");   /* World Bank aggregate */
    expect("Other Asia, nes", "S19");
    expect("Kosovo", "XKX");
    expect("UAE", "ARE");
}
END_TEST

START_TEST(test_ambiguous)
{
    const char *out = "untouched";
    casia_error err;
    ck_assert_status(casia_country_resolve(&out, "Korea", &err), CASIA_EAMBIGUOUS);
    ck_assert_str_eq(out, "untouched");
    ck_assert_int_eq(err.code, CASIA_EAMBIGUOUS);
    ck_assert_ptr_nonnull(strstr(err.text, "KOR"));
    ck_assert_ptr_nonnull(strstr(err.text, "PRK"));
    ck_assert_ptr_nonnull(strstr(err.text, "ambiguous"));
    ck_assert_status(casia_country_resolve(&out, "virgin islands", &err),
                     CASIA_EAMBIGUOUS);
    ck_assert_ptr_nonnull(strstr(err.text, "VGB"));
    ck_assert_ptr_nonnull(strstr(err.text, "VIR"));
}
END_TEST

START_TEST(test_unknown)
{
    const char *out = "untouched";
    casia_error err;
    ck_assert_status(casia_country_resolve(&out, "Atlantis", &err), CASIA_ENOTFOUND);
    ck_assert_str_eq(out, "untouched");
    ck_assert_ptr_nonnull(strstr(err.text, "unknown country \"Atlantis\""));
    ck_assert_status(casia_country_resolve(&out, "XYZ", &err), CASIA_ENOTFOUND);
    ck_assert_status(casia_country_resolve(&out, "999", &err), CASIA_ENOTFOUND);
    ck_assert_status(casia_country_resolve(&out, "", &err), CASIA_ENOTFOUND);
    ck_assert_status(casia_country_resolve(&out, "   ", &err), CASIA_ENOTFOUND);
    /* a prefix is not a guess */
    ck_assert_status(casia_country_resolve(&out, "Kazak", &err), CASIA_ENOTFOUND);
    ck_assert_status(casia_country_resolve(&out, "\xff\xfe", &err), CASIA_EINVAL);
    ck_assert_status(casia_country_resolve(NULL, "KAZ", &err), CASIA_EINVAL);
    ck_assert_status(casia_country_resolve(&out, NULL, &err), CASIA_EINVAL);
    ck_assert_status(casia_country_resolve(&out, "Atlantis", NULL), CASIA_ENOTFOUND);
}
END_TEST

START_TEST(test_info)
{
    casia_country c;
    ck_assert_status(casia_country_info(&c, "KAZ"), CASIA_OK);
    ck_assert_str_eq(c.code, "KAZ");
    ck_assert_str_eq(c.alpha2, "KZ");
    ck_assert_str_eq(c.numeric, "398");
    ck_assert_str_eq(c.name, "Kazakhstan");
    ck_assert_int_eq(c.kind, CASIA_KIND_COUNTRY);
    ck_assert_status(casia_country_info(&c, "AFG"), CASIA_OK);
    ck_assert_str_eq(c.numeric, "004");
    ck_assert_status(casia_country_info(&c, "WLD"), CASIA_OK);
    ck_assert_int_eq(c.kind, CASIA_KIND_AGGREGATE);
    ck_assert_str_eq(c.name, "World");
    ck_assert_status(casia_country_info(&c, "EUU"), CASIA_OK);
    ck_assert_int_eq(c.kind, CASIA_KIND_AGGREGATE);
    ck_assert_status(casia_country_info(&c, "UNK"), CASIA_OK);
    ck_assert_int_eq(c.kind, CASIA_KIND_AREA);
    ck_assert_status(casia_country_info(&c, "SUN"), CASIA_OK);
    ck_assert_int_eq(c.kind, CASIA_KIND_HISTORICAL);
    /* exact and case-sensitive: no aliases here */
    ck_assert_status(casia_country_info(&c, "kaz"), CASIA_ENOTFOUND);
    ck_assert_status(casia_country_info(&c, "KZ"), CASIA_ENOTFOUND);
    ck_assert_status(casia_country_info(NULL, "KAZ"), CASIA_EINVAL);
    ck_assert_status(casia_country_info(&c, NULL), CASIA_EINVAL);
}
END_TEST

START_TEST(test_enumeration)
{
    /* Debian 12's iso-codes has 249 ISO 3166-1 entries; the registry adds
     * former states and non-ISO entities, so it has more */
    size_t n = casia_country_count(), i;
    casia_country prev, c;
    ck_assert_uint_gt(n, 249 + 50);
    ck_assert_status(casia_country_at(&prev, 0), CASIA_OK);
    for (i = 1; i < n; i++) {
        const char *out;
        ck_assert_status(casia_country_at(&c, i), CASIA_OK);
        ck_assert_msg(strcmp(prev.code, c.code) < 0, "not sorted at %s", c.code);
        /* every code resolves to itself */
        ck_assert_status(casia_country_resolve(&out, c.code, NULL), CASIA_OK);
        ck_assert_str_eq(out, c.code);
        prev = c;
    }
    ck_assert_status(casia_country_at(&c, n), CASIA_ENOTFOUND);
    ck_assert_status(casia_country_at(NULL, 0), CASIA_EINVAL);
}
END_TEST

START_TEST(test_every_country_name_resolves)
{
    /* every current country's own name finds it (no name of two) */
    size_t n = casia_country_count(), i, checked = 0;
    for (i = 0; i < n; i++) {
        casia_country c;
        const char *out;
        casia_country_at(&c, i);
        if (c.kind != CASIA_KIND_COUNTRY)
            continue;
        ck_assert_msg(casia_country_resolve(&out, c.name, NULL) == CASIA_OK &&
                          strcmp(out, c.code) == 0,
                      "name \"%s\" does not resolve to %s", c.name, c.code);
        checked++;
    }
    ck_assert_uint_ge(checked, 249);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("country");
    TCase *tc = tcase_create("country");
    tcase_add_test(tc, test_required_forms);
    tcase_add_test(tc, test_codes);
    tcase_add_test(tc, test_names);
    tcase_add_test(tc, test_ambiguous);
    tcase_add_test(tc, test_unknown);
    tcase_add_test(tc, test_info);
    tcase_add_test(tc, test_enumeration);
    tcase_add_test(tc, test_every_country_name_resolves);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
