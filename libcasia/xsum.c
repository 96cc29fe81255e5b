/*
 * xsum.c - exact, order-independent sums of doubles.
 *
 * Every sum of money in libcasia (totals over partners, over months, over
 * flows) goes through a casia__sum: each term is rounded once to a fixed
 * point of 2^-52 and added exactly in 128-bit integer arithmetic. Integer
 * addition is associative, so the result does not depend on the order of
 * the terms nor on how they were split into parts and merged: the streaming
 * importer, a file cut in two and the store's indices all give the same
 * double, bit for bit. A term of magnitude 1 or more (every money figure)
 * is held exactly, so the result is the exact sum correctly rounded once;
 * smaller terms are rounded to 2^-52 (an error below 1.2e-16 each).
 *
 * Terms must be finite with |x| < 2^62 (4.6e18) and the running total must
 * stay below 2^73 (9.4e21): casia__sum_add() reports CASIA_ERANGE
 * otherwise. No trade figure comes near either bound.
 *
 * Sums of shares and squared shares (casia__sum_canonical) use a wider
 * fixed point of 256 bits placed by the largest term, so they too are
 * exact, correctly rounded and independent of order.
 */
#include "internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* the number of leading zero bits of x != 0 */
static int clz64(uint64_t x)
{
#if defined(__GNUC__)
    return __builtin_clzll(x);
#else
    int n = 0;
    while (!(x >> 63)) {
        x <<= 1;
        n++;
    }
    return n;
#endif
}

#define FRAC_BITS 52
#define TWO64 18446744073709551616.0   /* 2^64 */

void casia__sum_init(casia__sum *s)
{
    s->hi = 0;
    s->lo = 0;
}

/* Adds the 128-bit two's complement value (hi, lo) to s. */
static void add128(casia__sum *s, int64_t hi, uint64_t lo)
{
    uint64_t l = s->lo + lo;
    uint64_t carry = l < lo;
    s->lo = l;
    s->hi = (int64_t)((uint64_t)s->hi + (uint64_t)hi + carry);
}

int casia__sum_add(casia__sum *s, double x)
{
    double y, mag;
    uint64_t lo, bits;
    int64_t hi;
    int neg, e;
    /* |total| < 2^125 units (2^73) leaves room for any term: no overflow */
    if (s->hi >= ((int64_t)1 << 61) || s->hi < -((int64_t)1 << 61))
        return CASIA_ERANGE;
    memcpy(&bits, &x, sizeof bits);
    e = (int)((bits >> 52) & 0x7ff);
    if (e >= 1023 && e < 1023 + 62) {
        /* 1 <= |x| < 2^62, the case of every money figure: the mantissa
         * shifted into place, exactly, with integer operations only */
        const uint64_t m = (bits & ((1ULL << 52) - 1)) | (1ULL << 52);
        const unsigned k = (unsigned)(e - 1023);   /* units: m << k */
        lo = m << k;
        hi = k > 11 ? (int64_t)(m >> (64 - k)) : 0;
        if (bits >> 63) {
            lo = ~lo + 1;
            hi = ~hi + (lo == 0);
        }
        add128(s, hi, lo);
        return CASIA_OK;
    }
    if (!isfinite(x) || fabs(x) >= 4611686018427387904.0 /* 2^62 */)
        return CASIA_ERANGE;
    y = nearbyint(ldexp(x, FRAC_BITS));   /* exact scaling, one rounding */
    neg = y < 0;
    mag = neg ? -y : y;                   /* an integer below 2^114 */
    hi = (int64_t)floor(mag / TWO64);     /* exact: power-of-two division */
    lo = (uint64_t)(mag - (double)hi * TWO64);
    if (neg) {
        /* two's complement of (hi, lo) */
        lo = ~lo + 1;
        hi = ~hi + (lo == 0);
    }
    add128(s, hi, lo);
    return CASIA_OK;
}

void casia__sum_merge(casia__sum *s, const casia__sum *t)
{
    add128(s, t->hi, t->lo);
}

int casia__sum_is_zero(const casia__sum *s)
{
    return s->hi == 0 && s->lo == 0;
}

double casia__sum_value(const casia__sum *s)
{
    uint64_t hi, lo, mant, rest_hi, rest_lo;
    int neg = s->hi < 0, top, shift;
    double r;

    hi = (uint64_t)s->hi;
    lo = s->lo;
    if (neg) {
        lo = ~lo + 1;
        hi = ~hi + (lo == 0);
    }
    if (hi == 0 && lo == 0)
        return 0.0;
    /* the position of the highest set bit of the 128-bit magnitude */
    if (hi)
        top = 127 - clz64(hi);
    else
        top = 63 - clz64(lo);
    if (top < 53) {
        r = (double)lo;   /* below 2^53: exact */
    } else {
        /* keep 53 bits, round half to even on the rest */
        shift = top - 52;
        if (shift >= 64) {
            mant = hi >> (shift - 64);
            rest_hi = hi & ((shift - 64 == 0) ? 0 : ((1ULL << (shift - 64)) - 1));
            rest_lo = lo;
        } else {
            mant = (lo >> shift) | (hi << (64 - shift));   /* shift is 1..63 */
            rest_hi = 0;
            rest_lo = lo & ((1ULL << shift) - 1);
        }
        {
            /* compare the discarded bits with half a unit */
            int above, exact_half;
            if (shift > 64) {
                uint64_t half = 1ULL << (shift - 65);
                above = rest_hi > half || (rest_hi == half && rest_lo != 0);
                exact_half = rest_hi == half && rest_lo == 0;
            } else if (shift == 64) {
                uint64_t half = 1ULL << 63;
                above = rest_lo > half;
                exact_half = rest_lo == half;
            } else {
                uint64_t half = 1ULL << (shift - 1);
                above = rest_lo > half;
                exact_half = rest_lo == half;
            }
            if (above || (exact_half && (mant & 1)))
                mant++;   /* may carry to 2^53: still exact in a double */
        }
        if (mant >> 53) {
            mant >>= 1;   /* the rounding carried to 2^53 */
            shift++;
        }
        /* mant * 2^shift units of 2^-52: build the double directly (its
         * exponent is at most 75 + 52, far from overflow) */
        {
            uint64_t b = ((uint64_t)(1023 + shift) << 52) | (mant & ((1ULL << 52) - 1));
            memcpy(&r, &b, sizeof r);
        }
        return neg ? -r : r;
    }
    r *= 2.220446049250313080847263336181640625e-16;   /* 2^-52: exact */
    return neg ? -r : r;
}

/* Adds m * 2^p (m < 2^53, p + 53 <= 256) to the 256-bit a[0..3]. */
static void add256(uint64_t a[5], uint64_t m, unsigned p)
{
    const unsigned limb = p >> 6, off = p & 63;
    const uint64_t lo = m << off, hi = off ? m >> (64 - off) : 0;
    uint64_t c;
    unsigned j;
    a[limb] += lo;
    c = a[limb] < lo;
    /* a[4] is room for the high part of the top limb, always zero */
    a[limb + 1] += hi + c;
    c = a[limb + 1] < hi + c;
    for (j = limb + 2; c && j < 4; j++)
        c = ++a[j] == 0;
}

/* a -= b (256-bit, a >= b). */
static void sub256(uint64_t a[4], const uint64_t b[4])
{
    uint64_t borrow = 0;
    unsigned j;
    for (j = 0; j < 4; j++) {
        uint64_t t = a[j] - b[j] - borrow;
        borrow = a[j] < b[j] || (a[j] == b[j] && borrow);
        a[j] = t;
    }
}

/* 1 when a > b (256-bit) */
static int gt256(const uint64_t a[4], const uint64_t b[4])
{
    int j;
    for (j = 3; j >= 0; j--)
        if (a[j] != b[j])
            return a[j] > b[j];
    return 0;
}

/* a (256-bit, units of 2^lsb) as the nearest double (ties to even). */
static double value256(const uint64_t a[4], int lsb)
{
    int j = 3, top, k;
    uint64_t mant = 0, sticky = 0, half, rest;
    while (j >= 0 && !a[j])
        j--;
    if (j < 0)
        return 0.0;
    top = 64 * j + 63 - clz64(a[j]);   /* the highest set bit */
    if (top < 53) {
        mant = a[0];
        return ldexp((double)mant, lsb);
    }
    /* bits top-53 .. top: 53 bits and the rounding bit below them */
    for (k = top; k >= top - 53; k--)
        mant = mant << 1 | ((a[k >> 6] >> (k & 63)) & 1);
    for (j = 0; j < ((top - 53) >> 6); j++)
        sticky |= a[j];
    if ((top - 53) & 63)
        sticky |= a[(top - 53) >> 6] & ((1ULL << ((top - 53) & 63)) - 1);
    half = mant & 1;
    rest = mant >> 1;
    if (half && (sticky || (rest & 1)))
        rest++;   /* may carry to 2^53: still exact in a double */
    return ldexp((double)rest, lsb + top - 52);
}

/*
 * The exact sum of v[0..n), correctly rounded: the terms go into a 256-bit
 * fixed point placed just above the largest of them (room for n carries),
 * positive and negative terms apart; the bits of a term more than about
 * 2^-190 times the largest below it are dropped, so the result is within
 * n * 2^-190 of the largest term of the exact sum. Integer addition does
 * not care about order: the result depends only on the multiset of
 * values. A NaN or an infinity gives the plain sum, also order-free.
 */
double casia__sum_canonical(const double *v, size_t n)
{
    uint64_t pos[5] = {0, 0, 0, 0, 0}, neg[5] = {0, 0, 0, 0, 0};
    unsigned maxe = 1, room = 2;
    int lsb, negative;
    size_t i;
    for (i = 0; i < n; i++) {
        uint64_t bits;
        unsigned e;
        memcpy(&bits, &v[i], sizeof bits);
        e = (unsigned)((bits >> 52) & 0x7ff);
        if (e == 0x7ff) {
            double s = 0.0;
            for (i = 0; i < n; i++)
                s += v[i];
            return s;
        }
        if (e > maxe)
            maxe = e;
    }
    for (i = n; i; i >>= 1)
        room++;   /* carries of n terms, and a spare bit */
    /* a term of biased exponent e has its lowest mantissa bit at
     * 2^(e - 1075); the largest one's top bit 2^(maxe - 1023) must sit
     * room bits below the top of the 256 */
    lsb = (int)maxe - 1023 + (int)room - 256 + 1;
    for (i = 0; i < n; i++) {
        uint64_t bits, m;
        unsigned e;
        int p;
        memcpy(&bits, &v[i], sizeof bits);
        e = (unsigned)((bits >> 52) & 0x7ff);
        m = bits & ((1ULL << 52) - 1);
        if (e)
            m |= 1ULL << 52;
        else
            e = 1;   /* subnormal */
        if (!m)
            continue;
        p = (int)e - 1075 - lsb;
        if (p < 0) {
            if (p <= -53)
                continue;   /* far below the largest term */
            m >>= -p;
            p = 0;
        }
        add256(bits >> 63 ? neg : pos, m, (unsigned)p);
    }
    negative = gt256(neg, pos);
    if (negative) {
        sub256(neg, pos);
        return -value256(neg, lsb);
    }
    sub256(pos, neg);
    return value256(pos, lsb);
}
