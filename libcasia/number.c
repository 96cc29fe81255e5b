/*
 * number.c - numbers as libcasia reads and writes them, '.' as the
 * decimal point whatever the locale: the parser of every importer and of
 * the JSON reader's checks, the shortest round-trip printer of the JSON
 * and CSV writers and the tables, and years.
 */
#include "number.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int is_space(char ch)
{
    return ch == ' ' || ch == '\t';
}

/* ------------------------------------------------------------------ */
/* Numbers                                                             */

const double casia__pow10[23] = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22
};
#define pow10_exact casia__pow10

/*
 * The decimal point of the caller's LC_NUMERIC as printf writes it (one
 * byte, or a UTF-8 sequence in some locales), found by printing 1.5:
 * snprintf is thread-safe where localeconv() is not. Returns its length.
 */
static size_t locale_point(char *out, size_t size)
{
    char t[16];
    const char *a, *b;
    size_t n;
    snprintf(t, sizeof t, "%.1f", 1.5);
    a = strchr(t, '1');
    b = strrchr(t, '5');
    if (!a || !b || b <= a + 1 || (size_t)(b - a - 1) >= size) {
        out[0] = '.';
        out[1] = '\0';
        return 1;
    }
    n = (size_t)(b - a - 1);
    memcpy(out, a + 1, n);
    out[n] = '\0';
    return n;
}

/* strtod on a copy, with '.' as the decimal point whatever the locale */
static int parse_slow(const char *s, size_t len, double *out)
{
    char buf[512], point[8];
    char *endp;
    size_t k, o = 0, np = locale_point(point, sizeof point);
    double v;
    for (k = 0; k < len && o + np < sizeof buf; k++) {
        if (s[k] == '.') {
            memcpy(buf + o, point, np);
            o += np;
        } else {
            buf[o++] = s[k];
        }
    }
    if (k < len)
        return -1;
    buf[o] = '\0';
    errno = 0;
    v = strtod(buf, &endp);
    if (endp != buf + o || !isfinite(v))
        return -1;
    *out = v;
    return 0;
}

int casia__parse_number(const char *s, size_t len, double *out)
{
    uint64_t m = 0;
    int nd = 0, exp10 = 0, any = 0, dropped = 0, neg = 0;
    size_t i = 0;
    double v;

    {
        /* the common case first: [-]digits[.digits], at most 19 digits */
        const char *p = s, *e = s + len, *d0;
        uint64_t q = 0;
        int minus = 0, nint, nfrac = 0;
        if (p < e && *p == '-') {
            minus = 1;
            p++;
        }
        d0 = p;
        while (p < e && (unsigned)(*p - '0') < 10)
            q = q * 10 + (unsigned)(*p++ - '0');
        nint = (int)(p - d0);
        if (p < e && *p == '.') {
            const char *f0 = ++p;
            while (p < e && (unsigned)(*p - '0') < 10)
                q = q * 10 + (unsigned)(*p++ - '0');
            nfrac = (int)(p - f0);
        }
        if (p == e && nint + nfrac > 0 && nint + nfrac <= 19 && q <= (1ULL << 53)) {
            v = nfrac ? (double)q / pow10_exact[nfrac] : (double)q;
            *out = minus ? -v : v;
            return 0;
        }
    }

    while (len && is_space(*s)) {
        s++;
        len--;
    }
    while (len && is_space(s[len - 1]))
        len--;
    if (i < len && (s[i] == '-' || s[i] == '+')) {
        neg = s[i] == '-';
        i++;
    }
    for (; i < len && s[i] >= '0' && s[i] <= '9'; i++) {
        unsigned d = (unsigned)(s[i] - '0');
        any = 1;
        if (m == 0 && d == 0)
            continue;
        if (nd < 19) {
            m = m * 10 + d;
            nd++;
        } else {
            exp10++;
            dropped |= d != 0;
        }
    }
    if (i < len && s[i] == '.') {
        for (i++; i < len && s[i] >= '0' && s[i] <= '9'; i++) {
            unsigned d = (unsigned)(s[i] - '0');
            any = 1;
            if (m == 0 && d == 0) {
                exp10--;
                continue;
            }
            if (nd < 19) {
                m = m * 10 + d;
                nd++;
                exp10--;
            } else {
                dropped |= d != 0;
            }
        }
    }
    if (!any)
        return -1;
    if (i < len && (s[i] == 'e' || s[i] == 'E')) {
        int eneg = 0, e = 0, edigits = 0;
        i++;
        if (i < len && (s[i] == '-' || s[i] == '+')) {
            eneg = s[i] == '-';
            i++;
        }
        for (; i < len && s[i] >= '0' && s[i] <= '9'; i++) {
            edigits = 1;
            if (e < 100000)
                e = e * 10 + (s[i] - '0');
        }
        if (!edigits)
            return -1;
        exp10 += eneg ? -e : e;
    }
    if (i != len)
        return -1;
    if (m == 0) {
        v = 0.0;
    } else if (!dropped && m <= (1ULL << 53) && exp10 >= -22 && exp10 <= 22) {
        /* both operands exact: one correctly rounded operation */
        v = exp10 < 0 ? (double)m / pow10_exact[-exp10]
                      : (double)m * pow10_exact[exp10];
    } else {
        if (parse_slow(s, len, &v) != 0)
            return -1;
        *out = v;
        return 0;
    }
    *out = neg ? -v : v;
    return 0;
}

#if defined(__SIZEOF_INT128__)
/*
 * snprintf(buf, size, "%.*g", prec, v) for 1 <= prec <= 17 and
 * 1e-5 <= |v| < 1e17, computed exactly with 128-bit integers: |v| times
 * the power of ten that leaves prec digits, rounded half to even (as glibc
 * rounds), then %g's layout. Returns the length, or -1 outside that range
 * (the caller uses snprintf). check_csv compares it with snprintf.
 */
/* The text of %.<prec>g for n (prec digits) * 10^(k - prec + 1), negative
 * when neg, into out (48 bytes); its length. */
static int write_g(char *out, uint64_t n, int k, int prec, int neg)
{
    char digits[24];
    int len = 0;
    /* the prec digits of n */
    {
        int i;
        for (i = prec - 1; i >= 0; i--) {
            digits[i] = (char)('0' + n % 10);
            n /= 10;
        }
    }
    if (neg)
        out[len++] = '-';
    if (k >= -4 && k < prec) {
        /* fixed: digits around the point, trailing zeros removed */
        int i, last = prec - 1;
        while (last > k && last > 0 && digits[last] == '0')
            last--;
        if (k < 0) {
            out[len++] = '0';
            out[len++] = '.';
            for (i = -1; i > k; i--)
                out[len++] = '0';
            for (i = 0; i <= last; i++)
                out[len++] = digits[i];
        } else {
            for (i = 0; i <= k; i++)
                out[len++] = digits[i];
            if (last > k) {
                out[len++] = '.';
                for (i = k + 1; i <= last; i++)
                    out[len++] = digits[i];
            }
        }
    } else {
        /* exponent: d.ddde+XX */
        int last = prec - 1, ek = k < 0 ? -k : k;
        while (last > 0 && digits[last] == '0')
            last--;
        out[len++] = digits[0];
        if (last > 0) {
            int i;
            out[len++] = '.';
            for (i = 1; i <= last; i++)
                out[len++] = digits[i];
        }
        out[len++] = 'e';
        out[len++] = k < 0 ? '-' : '+';
        if (ek >= 100)
            out[len++] = (char)('0' + ek / 100);
        out[len++] = (char)('0' + ek / 10 % 10);
        out[len++] = (char)('0' + ek % 10);
    }
    return len;
}

static int format_g(char *buf, size_t size, double v, int prec)
{
    typedef unsigned __int128 u128;
    static const uint64_t p10[] = {
        1ULL, 10ULL, 100ULL, 1000ULL, 10000ULL, 100000ULL, 1000000ULL,
        10000000ULL, 100000000ULL, 1000000000ULL, 10000000000ULL,
        100000000000ULL, 1000000000000ULL, 10000000000000ULL,
        100000000000000ULL, 1000000000000000ULL, 10000000000000000ULL,
        100000000000000000ULL, 1000000000000000000ULL
    };
    uint64_t bits, mant, n = 0;
    int e2, k, tries, neg, len;
    char out[48];
    double a = fabs(v);
    if (prec < 1 || prec > 17 || !(a >= 1e-5 && a < 1e17))
        return -1;
    memcpy(&bits, &v, sizeof bits);
    neg = (int)(bits >> 63);
    mant = (bits & ((1ULL << 52) - 1)) | (1ULL << 52);
    e2 = (int)((bits >> 52) & 0x7ff) - 1075;   /* |v| = mant * 2^e2 */
    /* k = floor(log10 |v|), guessed, then corrected by the digit count */
    k = (int)floor(log10(a));
    for (tries = 0; tries < 3; tries++) {
        u128 x, q, rem, half;
        int t;
        const int s = prec - 1 - k;   /* n = round(|v| * 10^s): prec digits */
        if (s < 0 || s > 21)
            return -1;
        x = (u128)mant;
        for (t = 0; t < s; t++)
            x *= 5;           /* |v| * 10^s = mant * 5^s * 2^(e2 + s) */
        t = e2 + s;
        if (t >= 0) {
            if (t > 60)
                return -1;
            q = x << t;
            rem = 0;
            half = 1;
        } else if (-t >= 127) {
            return -1;
        } else {
            q = x >> -t;
            rem = x & (((u128)1 << -t) - 1);
            half = (u128)1 << (-t - 1);
        }
        if (rem > half || (rem == half && (q & 1)))
            q++;
        if (q >= (u128)p10[prec]) {
            if (q == (u128)p10[prec]) {   /* rounded up to 10^prec */
                n = p10[prec - 1];
                k++;
                break;
            }
            k++;
            continue;
        }
        if (q < (u128)p10[prec - 1]) {
            k--;
            continue;
        }
        n = (uint64_t)q;
        break;
    }
    if (tries == 3)
        return -1;
    len = write_g(out, n, k, prec, neg);
    if ((size_t)len >= size)
        return -1;
    memcpy(buf, out, (size_t)len);
    buf[len] = '\0';
    return len;
}
#endif

int casia__format_g(char *buf, size_t size, double v, int prec)
{
    char tmp[64];
    const char *p;
    size_t o = 0;
    int n;
#if defined(__SIZEOF_INT128__)
    if ((n = format_g(buf, size, v, prec)) >= 0)
        return n;
#endif
    n = snprintf(tmp, sizeof tmp, "%.*g", prec, v);
    if (size == 0)
        return n;
    if (!isfinite(v) || n < 0 || (size_t)n >= sizeof tmp)
        return snprintf(buf, size, "%.*g", prec, v);
    /* whatever the locale wrote as its decimal point (one byte or a UTF-8
     * sequence) becomes '.' */
    for (p = tmp; *p && o + 1 < size; p++) {
        if ((*p >= '0' && *p <= '9') || *p == '+' || *p == '-' || *p == 'e' ||
            *p == 'E') {
            buf[o++] = *p;
        } else {
            buf[o++] = '.';
            while (((unsigned char)p[1] & 0xC0) == 0x80)
                p++;
        }
    }
    buf[o] = '\0';
    return (int)o;
}

int casia__format_double(char *buf, size_t size, double v, int digits)
{
    int n = 0, prec;
    if (digits > 0)
        return casia__format_g(buf, size, v, digits);
    for (prec = 15; prec <= 17; prec++) {
        double back;
        n = casia__format_g(buf, size, v, prec);
        if (casia__parse_number(buf, strlen(buf), &back) == 0 && back == v)
            return n;
    }
    return n;
}

int casia__parse_year(const char *s, size_t len)
{
    int y = 0;
    size_t k;
    while (len && is_space(*s)) {
        s++;
        len--;
    }
    while (len && is_space(s[len - 1]))
        len--;
    if (len != 4)
        return -1;
    for (k = 0; k < 4; k++) {
        if (s[k] < '0' || s[k] > '9')
            return -1;
        y = y * 10 + (s[k] - '0');
    }
    return y >= CASIA__YEAR_MIN && y <= CASIA__YEAR_MAX ? y : -1;
}
