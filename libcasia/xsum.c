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

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* A double's bits as an unsigned key in the same order as the values
 * (negative: all bits flipped; positive: the sign bit set). */
static uint64_t order_key(double x)
{
    uint64_t k;
    memcpy(&k, &x, sizeof k);
    return (k >> 63) ? ~k : k | (1ULL << 63);
}

/* Sorts v ascending in place. For the few hundred terms of a sum over
 * partners: a counting pass on the 12 top bits of the keys (sign and
 * exponent: one bucket per binade, only the range in use), then an
 * insertion sort that only has to order each binade's few terms. qsort for
 * many terms. Sorted order does not depend on the algorithm, so neither
 * does the sum below. */
static void sort_doubles(double *v, size_t n)
{
    double tmp[1024];
    uint16_t count[4097];
    unsigned lo = 4096, hi = 0, b;
    size_t i, j;
    if (n < 2)
        return;
    if (n > sizeof tmp / sizeof tmp[0]) {
        qsort(v, n, sizeof *v, cmp_double);
        return;
    }
    for (i = 0; i < n; i++) {
        b = (unsigned)(order_key(v[i]) >> 52);
        if (b < lo)
            lo = b;
        if (b > hi)
            hi = b;
    }
    memset(count, 0, (hi - lo + 2) * sizeof *count);
    for (i = 0; i < n; i++)
        count[(order_key(v[i]) >> 52) - lo + 1]++;
    for (b = 1; b <= hi - lo + 1; b++)
        count[b] = (uint16_t)(count[b] + count[b - 1]);
    for (i = 0; i < n; i++)
        tmp[count[(order_key(v[i]) >> 52) - lo]++] = v[i];
    /* within a binade: insertion sort (the binades are in order) */
    for (i = 0; i < n; i++) {
        double t = tmp[i];
        for (j = i; j > 0 && tmp[j - 1] > t; j--)
            tmp[j] = tmp[j - 1];
        tmp[j] = t;
    }
    memcpy(v, tmp, n * sizeof *v);
}

double casia__sum_canonical(double *v, size_t n)
{
    /* Sorted, then added with Neumaier's compensation: the same multiset
     * gives the same double whatever order it came in. */
    double s = 0.0, c = 0.0;
    size_t i;
    if (n > 1)
        sort_doubles(v, n);
    for (i = 0; i < n; i++) {
        double t = s + v[i];
        if (fabs(s) >= fabs(v[i]))
            c += (s - t) + v[i];
        else
            c += (v[i] - t) + s;
        s = t;
    }
    return s + c;
}
