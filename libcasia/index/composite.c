/*
 * composite.c - the composite dependence index and its weight
 * sensitivity, with the small seeded generator that makes the sensitivity
 * repeat bit for bit on every machine.
 *
 * The generator (docs/indices.md, "Weight sensitivity"):
 *   - SplitMix64 (Steele, Lea and Flood 2014) expands the 64-bit seed into
 *     the four words of xoshiro256** (Blackman and Vigna 2018);
 *   - each 64-bit output x gives u = ((x >> 11) + 1) * 2^-53, uniform on
 *     (0, 1] (never 0, so log(u) is finite);
 *   - E = -log(u) is Exp(1); normalised Exp(1) draws are Dirichlet(1,...,1).
 * Only integer operations, IEEE double + - * / and log() are used; products
 * go through volatile variables so that no compiler fuses them into FMA
 * instructions on machines that have them.
 */
#include "indices_internal.h"

#include <math.h>
#include <string.h>

/* ------------------------------------------------------------------ */
/* The generator                                                       */

typedef struct rng {
    uint64_t s[4];
} rng;

static uint64_t splitmix64(uint64_t *x)
{
    uint64_t z = (*x += UINT64_C(0x9e3779b97f4a7c15));
    z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
    return z ^ (z >> 31);
}

static void rng_seed(rng *r, uint64_t seed)
{
    int k;
    for (k = 0; k < 4; k++)
        r->s[k] = splitmix64(&seed);
}

static uint64_t rotl(uint64_t x, int k)
{
    return (x << k) | (x >> (64 - k));
}

static uint64_t rng_next(rng *r)
{
    uint64_t *s = r->s;
    uint64_t result = rotl(s[1] * 5, 7) * 9;
    uint64_t t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45);
    return result;
}

/* Exp(1) from one output: -log(u), u in (0, 1]. */
static double rng_exp(rng *r)
{
    double u = (double)((rng_next(r) >> 11) + 1) * 0x1p-53;
    return -log(u);
}

/* ------------------------------------------------------------------ */
/* Combining dimensions                                                */

int casia__composite_combine(double *value, unsigned *dims, double *wnorm,
                             const double *dim_value, const int *status,
                             const double *w)
{
    double sw = 0, acc = 0;
    unsigned used = 0;
    int d;
    for (d = 0; d < CASIA_DIM_COUNT; d++) {
        if (status[d] != CASIA_OK)
            continue;
        used |= 1u << d;
        sw += w ? w[d] : 1.0;
    }
    if (!used)
        return CASIA_ENOTFOUND;
    if (!(sw > 0))
        return CASIA_EDOMAIN;
    /* D = (sum_d w_d s_d) / (sum_d w_d), sums in dimension order */
    for (d = 0; d < CASIA_DIM_COUNT; d++) {
        volatile double prod;
        double wd;
        if (!(used & (1u << d)))
            continue;
        wd = w ? w[d] : 1.0;
        prod = wd * dim_value[d];
        acc += prod;
        if (wnorm)
            wnorm[d] = wd / sw;
    }
    *value = acc / sw;
    if (dims)
        *dims = used;
    return CASIA_OK;
}

/* ------------------------------------------------------------------ */
/* The dimensions of one reporter, partner and year                    */

static int dimensions(casia_result res[CASIA_DIM_COUNT],
                      int status[CASIA_DIM_COUNT], const casia__ix *c,
                      const casia_dataset *ds, const char *reporter,
                      const char *partner, int year, const casia_options *opt)
{
    int d;
    status[CASIA_DIM_TRADE] = casia_trade_share(&res[CASIA_DIM_TRADE], ds,
                                                reporter, partner, year,
                                                CASIA_FLOW_TURNOVER, opt);
    status[CASIA_DIM_ARMS] = casia_arms_share(&res[CASIA_DIM_ARMS], ds, reporter,
                                              partner,
                                              year - c->opt.arms_window + 1,
                                              year, opt);
    status[CASIA_DIM_REMITTANCE] =
        casia_remittance_share(&res[CASIA_DIM_REMITTANCE], ds, reporter, partner,
                               year, opt);
    status[CASIA_DIM_ENERGY] = casia_energy_share(&res[CASIA_DIM_ENERGY], ds,
                                                  reporter, partner, year, opt);
    status[CASIA_DIM_INSTITUTIONS] =
        casia_institutional_share(&res[CASIA_DIM_INSTITUTIONS], ds, reporter,
                                  partner, year, opt);
    status[CASIA_DIM_UN_VOTES] = casia_un_agreement(&res[CASIA_DIM_UN_VOTES], ds,
                                                    reporter, partner, NULL, 0,
                                                    year, opt);
    for (d = 0; d < CASIA_DIM_COUNT; d++) {
        if (status[d] == CASIA_EINVAL || status[d] == CASIA_ENOMEM)
            return status[d];
        /* a share outside [0, 1] says that its numerator and denominator
         * do not measure the same thing: not a dimension */
        if (status[d] == CASIA_OK && !casia__dim_in_range(res[d].value))
            status[d] = CASIA_ERANGE;
    }
    return CASIA_OK;
}

/* Flags, basis and sources of the used dimensions (not their years). */
static void merge_dims(casia_result *r, const casia_result *res,
                       unsigned used)
{
    int d;
    unsigned k;
    for (d = 0; d < CASIA_DIM_COUNT; d++) {
        if (!(used & (1u << d)))
            continue;
        r->flags |= res[d].flags;
        casia__res_basis(r, res[d].basis);
        for (k = 0; k < res[d].source_count; k++)
            casia__res_source_id(r, res[d].sources[k]);
    }
}

int casia__composite_build(casia_result *out, double *wnorm, int *status,
                           const casia_result *res, const double *w, int year)
{
    double values[CASIA_DIM_COUNT], v = 0;
    unsigned used = 0;
    casia_result r;
    int d, rc;
    for (d = 0; d < CASIA_DIM_COUNT; d++) {
        /* a share outside [0, 1] says that its numerator and denominator
         * do not measure the same thing: not a dimension */
        if (status[d] == CASIA_OK && !casia__dim_in_range(res[d].value))
            status[d] = CASIA_ERANGE;
        values[d] = status[d] == CASIA_OK ? res[d].value : 0;
    }
    rc = casia__composite_combine(&v, &used, wnorm, values, status, w);
    if (rc != CASIA_OK)
        return rc;
    casia__res_init(&r, "fraction", year, year);
    r.value = v;
    casia__res_year(&r, year);
    merge_dims(&r, res, used);
    r.dims = used;
    for (d = 0; d < CASIA_DIM_COUNT; d++)
        if (used & (1u << d))
            r.count++;
    if (r.count < CASIA_DIM_COUNT)
        r.flags |= CASIA_RESULT_PARTIAL_DIMS;
    casia__res_finish(&r);
    *out = r;
    return CASIA_OK;
}

/* Reporter and partner are two known countries, the year in range. */
static int check_args(const char *reporter, const char *partner, int year)
{
    int i, j, rc;
    if (year < CASIA__YEAR_MIN || year > CASIA__YEAR_MAX)
        return CASIA_EINVAL;
    if ((rc = casia__ix_country(&i, reporter)) != CASIA_OK ||
        (rc = casia__ix_country(&j, partner)) != CASIA_OK)
        return rc;
    return i == j ? CASIA_EINVAL : CASIA_OK;   /* no dependence on oneself */
}

CASIA_API int casia_composite(casia_composite_result *out,
                              const casia_dataset *ds, const char *reporter,
                              const char *partner, int year,
                              const casia_options *opt)
{
    casia__ix c;
    casia_result res[CASIA_DIM_COUNT];
    casia_composite_result cr;
    int rc, d;
    if (!out)
        return CASIA_EINVAL;
    if ((rc = casia__ix_init(&c, ds, opt)) != CASIA_OK)
        return rc;
    if ((rc = check_args(reporter, partner, year)) != CASIA_OK)
        return rc;
    memset(&cr, 0, sizeof cr);
    if ((rc = dimensions(res, cr.dim_status, &c, ds, reporter, partner, year,
                         opt)) != CASIA_OK)
        return rc;
    /* the tables combine their rows with the same function */
    rc = casia__composite_build(&cr.result, cr.dim_weight, cr.dim_status, res,
                                c.opt.weights, year);
    if (rc != CASIA_OK)
        return rc;
    for (d = 0; d < CASIA_DIM_COUNT; d++)
        cr.dim_value[d] = cr.dim_status[d] == CASIA_OK ? res[d].value : 0;
    *out = cr;
    return CASIA_OK;
}

CASIA_API int casia_composite_sensitivity(casia_result *out,
                                          const casia_dataset *ds,
                                          const char *reporter,
                                          const char *partner_a,
                                          const char *partner_b, int year,
                                          const casia_options *opt)
{
    casia__ix c;
    casia_result ra[CASIA_DIM_COUNT], rb[CASIA_DIM_COUNT], r;
    int sa[CASIA_DIM_COUNT], sb[CASIA_DIM_COUNT], both[CASIA_DIM_COUNT];
    double va[CASIA_DIM_COUNT], vb[CASIA_DIM_COUNT], e[CASIA_DIM_COUNT];
    unsigned long k, wins = 0, ties = 0;
    unsigned mask = 0;
    int rc, d, ia, ib;
    rng g;
    if (!out)
        return CASIA_EINVAL;
    if ((rc = casia__ix_init(&c, ds, opt)) != CASIA_OK)
        return rc;
    if (c.opt.draws == 0)
        return CASIA_EINVAL;
    if ((rc = check_args(reporter, partner_a, year)) != CASIA_OK ||
        (rc = check_args(reporter, partner_b, year)) != CASIA_OK)
        return rc;
    casia__ix_country(&ia, partner_a);
    casia__ix_country(&ib, partner_b);
    if (ia == ib)
        return CASIA_EINVAL;
    if ((rc = dimensions(ra, sa, &c, ds, reporter, partner_a, year, opt)) ||
        (rc = dimensions(rb, sb, &c, ds, reporter, partner_b, year, opt)))
        return rc;
    for (d = 0; d < CASIA_DIM_COUNT; d++) {
        both[d] = sa[d] == CASIA_OK && sb[d] == CASIA_OK ? CASIA_OK
                                                          : CASIA_ENOTFOUND;
        if (both[d] == CASIA_OK)
            mask |= 1u << d;
        va[d] = sa[d] == CASIA_OK ? ra[d].value : 0;
        vb[d] = sb[d] == CASIA_OK ? rb[d].value : 0;
        e[d] = 0;
    }
    if (!mask)
        return CASIA_ENOTFOUND;

    rng_seed(&g, (uint64_t)c.opt.seed);
    for (k = 0; k < c.opt.draws; k++) {
        double da, db;
        for (d = 0; d < CASIA_DIM_COUNT; d++)
            if (mask & (1u << d))
                e[d] = rng_exp(&g);
        /* the composite renormalises its weights: weights E give the same
         * composite as the Dirichlet draw E / sum(E) */
        if (casia__composite_combine(&da, NULL, NULL, va, both, e) != CASIA_OK ||
            casia__composite_combine(&db, NULL, NULL, vb, both, e) != CASIA_OK)
            continue;   /* cannot happen: E > 0 */
        if (da > db)
            wins++;
        else if (da == db)
            ties++;
    }

    casia__res_init(&r, "fraction", year, year);
    casia__res_year(&r, year);
    merge_dims(&r, ra, mask);
    merge_dims(&r, rb, mask);
    r.value = (double)wins / (double)c.opt.draws;
    r.other = (double)ties / (double)c.opt.draws;
    r.numerator = (double)wins;
    r.denominator = (double)c.opt.draws;
    r.count = c.opt.draws;
    r.dims = mask;
    if (mask != (1u << CASIA_DIM_COUNT) - 1)
        r.flags |= CASIA_RESULT_PARTIAL_DIMS;
    casia__res_finish(&r);
    *out = r;
    return CASIA_OK;
}
