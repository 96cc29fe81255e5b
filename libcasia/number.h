/*
 * number.h - numbers as libcasia reads and writes them (number.c), and
 * the inline fast paths of the per-row loops. Internal.
 */
#ifndef CASIA_NUMBER_H
#define CASIA_NUMBER_H

#include "internal.h"

#include <string.h>

/*
 * Parses a number: optional spaces, an optional sign, digits with an
 * optional decimal point, an optional exponent. Integers and decimals of
 * up to 19 significant digits with an exponent within 10^+-22 are
 * converted exactly here (one correctly rounded operation); anything else
 * goes through strtod. Returns 0, or -1 when the text is not a finite
 * number ("", "1,5", "n/a", "inf", "0x10" are not).
 */
int casia__parse_number(const char *s, size_t len, double *out);

/*
 * Writes v with '.' as the decimal point whatever the locale: with
 * digits = 0 the shortest of %.15g, %.16g, %.17g that reads back as the
 * same double, else %.<digits>g. Returns the length.
 */
int casia__format_double(char *buf, size_t size, double v, int digits);

/* snprintf(buf, size, "%.*g", prec, v) with '.' whatever the locale (the
 * same text; computed exactly without printf for the usual magnitudes). */
int casia__format_g(char *buf, size_t size, double v, int prec);

/* The number of trailing zero bits of x != 0. */
static inline unsigned casia__ctz64(uint64_t x)
{
#if defined(__GNUC__)
    return (unsigned)__builtin_ctzll(x);
#else
    unsigned n = 0;
    while (!(x & 1)) {
        x >>= 1;
        n++;
    }
    return n;
#endif
}

/* 10^0 .. 10^22, each exact in a double. */
extern const double casia__pow10[23];

/*
 * casia__parse_number for plain [digits][.digits] of at most 15 digits
 * when 16 bytes after the text are readable (up to limit), parsed 8
 * digits per step, inline; anything else goes to casia__parse_number.
 * Same results (check_csv compares them).
 */
/* The value of n (1..8) ASCII digits at p, read with one 8-byte load (the
 * caller guarantees 8 readable bytes), or -1 when one is not a digit. The
 * bytes are combined two, four, then eight at a time (Lemire's method);
 * the bytes before the first digit are made '0'. */
static inline int64_t casia__digits_swar(const char *p, size_t n)
{
    uint64_t x;
    memcpy(&x, p, 8);
    /* little-endian: the first character is the lowest byte */
    if (n < 8)   /* (a shift by 64 would be undefined) */
        x = (x << (8 * (8 - n))) | (0x3030303030303030ULL >> (8 * n));
    if (((x + 0x4646464646464646ULL) | (x - 0x3030303030303030ULL)) &
        0x8080808080808080ULL)
        return -1;
    x = (x & 0x0F0F0F0F0F0F0F0FULL) * 2561 >> 8;
    x = (x & 0x00FF00FF00FF00FFULL) * 6553601 >> 16;
    return (int64_t)((x & 0x0000FFFF0000FFFFULL) * 42949672960001ULL >> 32);
}

static inline int casia__parse_number_in(const char *s, size_t len,
                                         const char *limit, double *out)
{
    size_t ni, nf = 0, k;
    int64_t a, b;
    uint64_t q;
    if (len == 0 || len > 25 || s + len + 16 > limit)
        return casia__parse_number(s, len, out);
    {
        /* the decimal point, 8 bytes per load; a point after the 16th
         * byte means more than 16 digits before it, which go to the plain
         * parser anyway (k = len makes ni too large) */
        uint64_t x, m;
        memcpy(&x, s, 8);
        x ^= 0x2E2E2E2E2E2E2E2EULL;   /* '.' bytes become zero */
        m = (x - 0x0101010101010101ULL) & ~x & 0x8080808080808080ULL;
        if (m) {
            k = (size_t)(casia__ctz64(m) >> 3);
        } else if (len > 8) {
            memcpy(&x, s + 8, 8);
            x ^= 0x2E2E2E2E2E2E2E2EULL;
            m = (x - 0x0101010101010101ULL) & ~x & 0x8080808080808080ULL;
            k = m ? 8 + (size_t)(casia__ctz64(m) >> 3) : len;
        } else {
            k = len;
        }
        if (k > len)
            k = len;
    }
    ni = k;
    if (k < len)
        nf = len - k - 1;
    if (ni + nf == 0 || ni > 16 || nf > 8 || ni + nf > 15)
        return casia__parse_number(s, len, out);
    if (ni > 8) {
        if ((a = casia__digits_swar(s, ni - 8)) < 0 || (b = casia__digits_swar(s + ni - 8, 8)) < 0)
            return casia__parse_number(s, len, out);
        q = (uint64_t)a * 100000000u + (uint64_t)b;
    } else if (ni > 0) {
        if ((a = casia__digits_swar(s, ni)) < 0)
            return casia__parse_number(s, len, out);
        q = (uint64_t)a;
    } else {
        q = 0;
    }
    if (nf > 0) {
        if ((b = casia__digits_swar(s + ni + 1, nf)) < 0)
            return casia__parse_number(s, len, out);
        q = q * (uint64_t)casia__pow10[nf] + (uint64_t)b;
        /* at most 15 digits: exact in a double, one rounded division */
        *out = (double)q / casia__pow10[nf];
    } else {
        *out = (double)q;
    }
    return 0;
}

/* Parses a year "YYYY" (spaces allowed around) in 1900..2100; -1 if not. */
int casia__parse_year(const char *s, size_t len);

#endif /* CASIA_NUMBER_H */
