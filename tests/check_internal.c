/*
 * check_internal.c - internal parts of the library, linked to the
 * convenience library: exact sums, interned strings, UTF-8 checks and
 * name normalisation.
 *
 * Expected sums were computed with Python's exact fractions:
 *     fx = lambda x: round-half-even(Fraction(x) * 2**52)
 *     float(Fraction(sum(fx(x) for x in xs), 2**52))
 */
#include "internal.h"
#include "xsum.h"
#include "testutil.h"

#include <math.h>

static double sum_of(const double *v, size_t n)
{
    casia__sum s;
    size_t i;
    casia__sum_init(&s);
    for (i = 0; i < n; i++)
        ck_assert_int_eq(casia__sum_add(&s, v[i]), CASIA_OK);
    return casia__sum_value(&s);
}

START_TEST(test_sum_exact)
{
    /* naive doubles: 1e18 + 3.3 loses the 3.3 (ulp 128), then 0;
     * the fixed point keeps it: exactly 3.3 */
    double a[] = {1e18, 3.3, -1e18};
    double b[] = {123456789.123, 0.001, 5e-11};
    ck_assert(sum_of(a, 3) == 3.3);
    ck_assert(sum_of(b, 3) == 123456789.124);
    ck_assert(sum_of(NULL, 0) == 0.0);
    ck_assert(!signbit(sum_of(a, 0)));
}
END_TEST

START_TEST(test_sum_rounding)
{
    /* 2^60 + r: the ulp of 2^60 is 256, so r = 1 and the tie r = 128
     * round to 2^60 (even), r = 129 up to 2^60 + 256, r = 384 (a tie
     * between 256 and 512) to the even 2^60 + 512 */
    double t1[] = {1152921504606846976.0, 1.0};
    double t2[] = {1152921504606846976.0, 128.0};
    double t3[] = {1152921504606846976.0, 129.0};
    double t4[] = {1152921504606846976.0, 384.0};
    double t5[] = {-1152921504606846976.0, -129.0};
    ck_assert(sum_of(t1, 2) == 1152921504606846976.0);
    ck_assert(sum_of(t2, 2) == 1152921504606846976.0);
    ck_assert(sum_of(t3, 2) == 1152921504606847232.0);
    ck_assert(sum_of(t4, 2) == 1152921504606847488.0);
    ck_assert(sum_of(t5, 2) == -1152921504606847232.0);
}
END_TEST

START_TEST(test_sum_order_and_merge)
{
    /* any order, any split: the same double, bit for bit */
    double v[200], w[200];
    casia__sum whole, left, right;
    size_t i;
    double ref;
    unsigned seed = 12345;
    for (i = 0; i < 200; i++) {
        seed = seed * 1103515245u + 12345u;
        v[i] = (double)(seed >> 8) * 1000.001 - 3e9 + (i % 7) * 0.125;
    }
    ref = sum_of(v, 200);
    for (i = 0; i < 200; i++)
        w[i] = v[199 - i];
    ck_assert(sum_of(w, 200) == ref);
    casia__sum_init(&whole);
    casia__sum_init(&left);
    casia__sum_init(&right);
    for (i = 0; i < 200; i++) {
        casia__sum_add(&whole, v[i]);
        casia__sum_add(i % 3 ? &left : &right, v[i]);
    }
    casia__sum_merge(&left, &right);
    ck_assert(casia__sum_value(&left) == casia__sum_value(&whole));
    ck_assert(casia__sum_value(&whole) == ref);
}
END_TEST

START_TEST(test_sum_range)
{
    casia__sum s;
    int i;
    casia__sum_init(&s);
    ck_assert_int_eq(casia__sum_add(&s, NAN), CASIA_ERANGE);
    ck_assert_int_eq(casia__sum_add(&s, INFINITY), CASIA_ERANGE);
    ck_assert_int_eq(casia__sum_add(&s, 4611686018427387904.0), CASIA_ERANGE);
    ck_assert(casia__sum_is_zero(&s));
    /* 2^61 added 4 times is 2^63 (9.2e18), well inside the range */
    for (i = 0; i < 4; i++)
        ck_assert_int_eq(casia__sum_add(&s, 2305843009213693952.0), CASIA_OK);
    ck_assert(casia__sum_value(&s) == 9223372036854775808.0);
    /* the total may not reach 2^73: 2^61 a further 4096 times does */
    for (i = 0; i < 5000; i++)
        if (casia__sum_add(&s, 2305843009213693952.0) != CASIA_OK)
            break;
    ck_assert_int_lt(i, 5000);
}
END_TEST

/* The inline conversion of the row loops gives casia__sum_value's bits:
 * random sums over its range and either side of it, and sums whose
 * dropped bits are exactly half a unit (ties to even, both ways) or just
 * above or below it. */
START_TEST(test_sum_value_inline)
{
    uint64_t x = 88172645463325252ULL;
    unsigned i, shift;
    for (i = 0; i < 200000; i++) {
        casia__sum s;
        /* xorshift64 */
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        s.lo = x;
        s.hi = (int64_t)((x * 0x9E3779B97F4A7C15ULL) >> (i % 64));
        if (i % 7 == 0)
            s.hi = -s.hi;
        ck_assert(casia__sum_value_inline(&s) == casia__sum_value(&s));
    }
    for (shift = 12; shift < 64; shift++) {
        const uint64_t half = 1ULL << (shift - 1);
        int64_t d;
        for (d = -1; d <= 1; d++) {
            casia__sum s;
            s.hi = (int64_t)(1ULL << (shift - 12));        /* top bit 52 above shift */
            s.lo = (5ULL << shift) + half + (uint64_t)d;   /* odd and even mantissas */
            ck_assert(casia__sum_value_inline(&s) == casia__sum_value(&s));
            s.lo = (4ULL << shift) + half + (uint64_t)d;
            ck_assert(casia__sum_value_inline(&s) == casia__sum_value(&s));
        }
    }
    {
        /* a value the test computes another way: 2^64 + 2^12 units is
         * 4096 + 2^-40 */
        casia__sum s;
        s.hi = 1;
        s.lo = 1ULL << 12;
        ck_assert(casia__sum_value_inline(&s) == 4096.0 + 0x1p-40);
    }
}
END_TEST

START_TEST(test_sum_canonical)
{
    /* the exact sums, correctly rounded; each expected value is Python's
     * math.fsum (exact, correctly rounded) of the same doubles */
    double a[] = {1e16, 1.0, -1e16};
    double b[] = {1.0, -1e16, 1e16};
    double c[] = {0.1, 0.2, 0.3};             /* fsum: 0.6 */
    double d[] = {1.0, 0x1p-53, 0x1p-106};    /* fsum: 1 + 2^-52 (a plain or
                                                compensated sum gives 1) */
    double e[] = {5e-324, 5e-324};            /* fsum: 1e-323 */
    double f[] = {-3.5, 1.25};
    double g[] = {0.0, -0.0};
    double h[] = {1.0, HUGE_VAL, 2.0};
    ck_assert(casia__sum_canonical(a, 3) == 1.0);
    ck_assert(casia__sum_canonical(b, 3) == 1.0);
    ck_assert(casia__sum_canonical(c, 3) == 0.6);
    ck_assert(casia__sum_canonical(d, 3) == 1.0 + 0x1p-52);
    ck_assert(casia__sum_canonical(e, 2) == 1e-323);
    ck_assert(casia__sum_canonical(f, 2) == -2.25);
    ck_assert(casia__sum_canonical(g, 2) == 0.0);
    ck_assert(casia__sum_canonical(h, 3) == HUGE_VAL);
    ck_assert(casia__sum_canonical(NULL, 0) == 0.0);
}
END_TEST

/* 300 squared shares, every 7th negated, in any order: the same bits, the
 * exact sum correctly rounded. Expected values from Python:
 *   v = [(-1 if i % 7 == 0 else 1) * (k / 10007.0) ** 2 ... ] with
 *   k = (i * 7919 + 13) % 10007 (x ** 2 as x * x), then math.fsum(v).hex()
 *   and math.fsum([x * 1e-200 for x in v]).hex() */
START_TEST(test_sum_canonical_order)
{
    double v[300], w[300], tiny[300];
    unsigned i, r;
    for (i = 0; i < 300; i++) {
        double sh = (double)((i * 7919u + 13u) % 10007u) / 10007.0;
        v[i] = sh * sh;
        if (i % 7 == 0)
            v[i] = -v[i];
        tiny[i] = v[i] * 1e-200;
    }
    memcpy(w, v, sizeof v);
    ck_assert(casia__sum_canonical(w, 300) == 0x1.28b4d98a26c49p+6);
    ck_assert(casia__sum_canonical(tiny, 300) == 0x1.c63a6b7dc0e4dp-659);
    for (r = 1; r < 300; r += 37) {
        for (i = 0; i < 300; i++)
            w[i] = v[(i * 7 + r) % 300];   /* 7 and 300 are coprime */
        ck_assert(casia__sum_canonical(w, 300) == 0x1.28b4d98a26c49p+6);
    }
    {
        /* many terms: 100000 x 0.1, exactly 10000.000000000000555..., is
         * 10000 once rounded (math.fsum gives 10000.0) */
        static double many[100000];
        for (i = 0; i < 100000; i++)
            many[i] = 0.1;
        ck_assert(casia__sum_canonical(many, 100000) == 10000.0);
    }
}
END_TEST

START_TEST(test_strtab)
{
    casia__strtab t;
    uint32_t a, b, c, d, i;
    char buf[32];
    ck_assert_int_eq(casia__strtab_init(&t), CASIA_OK);
    ck_assert_uint_eq(t.count, 1);   /* "" is id 0 */
    ck_assert_int_eq(casia__strtab_intern(&t, "KAZ", 3, &a), CASIA_OK);
    ck_assert_int_eq(casia__strtab_intern(&t, "KAZAKHSTAN", 3, &b), CASIA_OK);
    ck_assert_uint_eq(a, b);         /* only the first 3 bytes count */
    ck_assert_int_eq(casia__strtab_intern(&t, "KA", 2, &c), CASIA_OK);
    ck_assert_uint_ne(a, c);
    ck_assert_int_eq(casia__strtab_find(&t, "KA", 2, &d), CASIA_OK);
    ck_assert_uint_eq(c, d);
    ck_assert_int_eq(casia__strtab_find(&t, "K", 1, &d), CASIA_ENOTFOUND);
    ck_assert_int_eq(casia__strtab_intern(&t, "a\0b", 3, &d), CASIA_EINVAL);
    ck_assert_str_eq(casia__strtab_get(&t, a), "KAZ");
    ck_assert_str_eq(casia__strtab_get(&t, 0), "");
    /* many strings: the table grows, ids stay dense and pointers valid */
    for (i = 0; i < 5000; i++) {
        snprintf(buf, sizeof buf, "s%u", i);
        ck_assert_int_eq(casia__strtab_intern(&t, buf, strlen(buf), &d), CASIA_OK);
        ck_assert_uint_eq(d, i + 3);
    }
    ck_assert_str_eq(casia__strtab_get(&t, a), "KAZ");
    ck_assert_str_eq(casia__strtab_get(&t, 3 + 4321), "s4321");
    casia__strtab_free(&t);
}
END_TEST

START_TEST(test_utf8)
{
    ck_assert_uint_eq(casia__utf8_invalid_at("abc", 3), 3);
    ck_assert_uint_eq(casia__utf8_invalid_at("T\xc3\xbcrkiye", 8), 8);
    ck_assert_uint_eq(casia__utf8_invalid_at("\xe2\x82\xac", 3), 3);        /* € */
    ck_assert_uint_eq(casia__utf8_invalid_at("\xf0\x9f\x87\xb0", 4), 4);    /* U+1F1F0 */
    ck_assert_uint_eq(casia__utf8_invalid_at("ab\x80", 3), 2);   /* lone continuation */
    ck_assert_uint_eq(casia__utf8_invalid_at("a\xc3", 2), 1);    /* truncated */
    ck_assert_uint_eq(casia__utf8_invalid_at("\xc0\xaf", 2), 0); /* overlong */
    ck_assert_uint_eq(casia__utf8_invalid_at("\xed\xa0\x80", 3), 0); /* surrogate */
    ck_assert_uint_eq(casia__utf8_invalid_at("\xf4\x90\x80\x80", 4), 0); /* > U+10FFFF */
    ck_assert_uint_eq(casia__utf8_invalid_at("x\xff", 2), 1);
}
END_TEST

START_TEST(test_nul_in_codes)
{
    /* a NUL inside the length never matches a shorter code */
    int idx = 0;
    ck_assert_int_eq(casia__country_index_n("KAZ\0X", 5), -1);
    ck_assert_int_ge(casia__country_index_n("KAZ", 3), 0);
    ck_assert_int_eq(casia__country_resolve_n(&idx, "KAZ\0X", 5, NULL), CASIA_ENOTFOUND);
    ck_assert_ptr_null(casia__indicator_unit("trade.import\0x", 14));
    ck_assert_str_eq(casia__indicator_unit("trade.import", 12), "USD");
}
END_TEST

START_TEST(test_latin1)
{
    char out[16];
    size_t n = casia__latin1_to_utf8(out, "T\xfcrkiye", 7);
    ck_assert_uint_eq(n, 8);
    out[n] = '\0';
    ck_assert_str_eq(out, "T\xc3\xbcrkiye");
}
END_TEST

START_TEST(test_normalize)
{
    char out[64];
    ck_assert_int_eq(casia__normalize(out, "C\xc3\xb4te d'Ivoire", 14), 11);
    ck_assert_str_eq(out, "cotedivoire");
    casia__normalize(out, "Bosnia & Herzegovina", 20);
    ck_assert_str_eq(out, "bosniaandherzegovina");
    casia__normalize(out, "\xc3\x85land Islands", 14);   /* Åland */
    ck_assert_str_eq(out, "alandislands");
    casia__normalize(out, "Stra\xc3\x9f" "e", 7);   /* ß -> ss */
    ck_assert_str_eq(out, "strasse");
    /* other scripts are kept as they are (lower-casing is ASCII only) */
    ck_assert_int_eq(casia__normalize(out, "\xd0\x9a\xd0\xb0", 4), 4);
    ck_assert_int_eq(casia__normalize(out, "\xff", 1), -1);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("internal");
    TCase *tc = tcase_create("internal");
    tcase_add_test(tc, test_sum_exact);
    tcase_add_test(tc, test_sum_rounding);
    tcase_add_test(tc, test_sum_order_and_merge);
    tcase_add_test(tc, test_sum_range);
    tcase_add_test(tc, test_sum_value_inline);
    tcase_add_test(tc, test_sum_canonical);
    tcase_add_test(tc, test_sum_canonical_order);
    tcase_add_test(tc, test_strtab);
    tcase_add_test(tc, test_utf8);
    tcase_add_test(tc, test_latin1);
    tcase_add_test(tc, test_nul_in_codes);
    tcase_add_test(tc, test_normalize);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
