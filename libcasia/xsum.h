/*
 * xsum.h - casia__sum_add and casia__sum_value (xsum.c) for the usual money
 * figures, inline, for the per-row loops of the importers and the stream.
 * Internal.
 */
#ifndef CASIA_XSUM_H
#define CASIA_XSUM_H

#include "internal.h"

#include <string.h>

/* ------------------------------------------------------------------ */
/* casia__sum_add's case of every money figure, inline                  */

/*
 * Adds x to s when 1 <= |x| < 2^62 and s is far from its bound, exactly as
 * casia__sum_add does (the term shifted into the 128-bit fixed point);
 * anything else goes to casia__sum_add. For the per-row loops.
 */
static inline int casia__sum_add_inline(casia__sum *s, double x)
{
    uint64_t bits, m, lo;
    int64_t hi;
    unsigned e;
    memcpy(&bits, &x, sizeof bits);
    e = (unsigned)((bits >> 52) & 0x7ff);
    if (e - 1023u >= 62u || s->hi >= ((int64_t)1 << 61) ||
        s->hi < -((int64_t)1 << 61))
        return casia__sum_add(s, x);
    m = (bits & ((1ULL << 52) - 1)) | (1ULL << 52);
    lo = m << (e - 1023u);
    hi = e - 1023u > 11u ? (int64_t)(m >> (64u - (e - 1023u))) : 0;
    if (bits >> 63) {
        lo = ~lo + 1;
        hi = ~hi + (lo == 0);
    }
    {
        uint64_t l = s->lo + lo;
        s->hi = (int64_t)((uint64_t)s->hi + (uint64_t)hi + (l < lo));
        s->lo = l;
    }
    return CASIA_OK;
}

/*
 * casia__sum_value for a positive sum from 2^12 (4096) to below 2^64 (most
 * money figures), inline: the top 53 of its bits, rounded
 * half to even on the rest; anything else goes to casia__sum_value.
 */
static inline double casia__sum_value_inline(const casia__sum *s)
{
#if defined(__GNUC__)
    uint64_t hi = (uint64_t)s->hi, mant, rest, half, b;
    unsigned shift;
    double r;
    if (s->hi <= 0 || hi >= (1ULL << 52))
        return casia__sum_value(s);
    /* the top bit is bit 64..115 of the 128: keep bits shift..shift+52 */
    shift = 127u - (unsigned)__builtin_clzll(hi) - 52u;   /* 12..63 */
    mant = (s->lo >> shift) | (hi << (64u - shift));
    rest = s->lo & ((1ULL << shift) - 1);
    half = 1ULL << (shift - 1);
    if (rest > half || (rest == half && (mant & 1)))
        mant++;
    if (mant >> 53) {   /* the rounding carried to 2^53 */
        mant >>= 1;
        shift++;
    }
    b = ((uint64_t)(1023u + shift) << 52) | (mant & ((1ULL << 52) - 1));
    memcpy(&r, &b, sizeof r);
    return r;
#else
    return casia__sum_value(s);
#endif
}

#endif /* CASIA_XSUM_H */
