/*
 * ixcore.c - the machinery every index shares: options and the context
 * of one computation, the choice of one observation among several (the
 * basis and source rules), and results.
 *
 * The rules written here are the ones docs/indices.md states under
 * "Choosing among observations"; change both together.
 */
#include "indices_internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ */
/* Options and context                                                 */

CASIA_API void casia_options_init(casia_options *opt)
{
    static const casia_options defaults = CASIA_OPTIONS_INIT;
    if (opt)
        *opt = defaults;
}

int casia__weights_ok(const double *w)
{
    int d;
    for (d = 0; d < CASIA_DIM_COUNT; d++)
        if (!isfinite(w[d]) || w[d] < 0)
            return CASIA_EINVAL;
    return CASIA_OK;
}

int casia__ix_init(casia__ix *c, const casia_dataset *ds,
                   const casia_options *opt)
{
    if (!ds)
        return CASIA_EINVAL;
    memset(c, 0, sizeof *c);
    c->ds = ds;
    if (opt) {
        if (opt->version != CASIA_OPTIONS_VERSION)
            return CASIA_EINVAL;
        c->opt = *opt;
    } else {
        casia_options_init(&c->opt);
    }
    if ((int)c->opt.basis < CASIA_BASIS_ANY ||
        (int)c->opt.basis > CASIA_BASIS_OTHER)
        return CASIA_EINVAL;
    if ((int)c->opt.mirror < CASIA_MIRROR_AUTO ||
        (int)c->opt.mirror > CASIA_MIRROR_FORCE)
        return CASIA_EINVAL;
    if ((int)c->opt.total < CASIA_TOTAL_AUTO ||
        (int)c->opt.total > CASIA_TOTAL_PARTNERS)
        return CASIA_EINVAL;
    if (c->opt.arms_window < 1 || c->opt.arms_window > 200)
        return CASIA_EINVAL;
    if (c->opt.weights && casia__weights_ok(c->opt.weights) != CASIA_OK)
        return CASIA_EINVAL;
    if (c->opt.period1_from > c->opt.period1_to ||
        c->opt.period2_from > c->opt.period2_to)
        return CASIA_EINVAL;
    if (c->opt.min_partners == 0)
        c->opt.min_partners = 1;

    /* bases: ANY = own in order, then the mirror as the policy says; a
     * pinned basis alone */
    if (c->opt.basis == CASIA_BASIS_ANY) {
        if (c->opt.mirror == CASIA_MIRROR_FORCE) {
            c->n_own = 0;
            c->mirror = CASIA__MIRROR_ONLY;
        } else {
            c->own[0] = CASIA_BASIS_REPORTER;
            c->own[1] = CASIA_BASIS_NATIONAL_STATS;
            c->own[2] = CASIA_BASIS_OTHER;
            c->n_own = 3;
            c->mirror = c->opt.mirror == CASIA_MIRROR_AUTO
                            ? CASIA__MIRROR_FALLBACK
                            : CASIA__MIRROR_NO;
        }
    } else if (c->opt.basis == CASIA_BASIS_PARTNER_MIRROR) {
        if (c->opt.mirror == CASIA_MIRROR_NEVER)
            return CASIA_EINVAL;
        c->n_own = 0;
        c->mirror = CASIA__MIRROR_ONLY;
    } else {
        if (c->opt.mirror == CASIA_MIRROR_FORCE)
            return CASIA_EINVAL;   /* an own basis and "mirror only" */
        c->own[0] = c->opt.basis;
        c->n_own = 1;
        c->mirror = CASIA__MIRROR_NO;
    }

    c->source = -1;
    if (c->opt.source) {
        c->source = casia__dataset_source_index(ds, c->opt.source);
        if (c->source < 0)
            c->source = -2;
    }
    c->world = casia__country_world();
    return CASIA_OK;
}

int casia__ix_country(int *index, const char *text)
{
    if (!text)
        return CASIA_EINVAL;
    if (casia__country_resolve_n(index, text, strlen(text), NULL) != CASIA_OK)
        return CASIA_ENOTFOUND;
    return CASIA_OK;
}

int casia__ix_pair(casia__ix *c, int *rep, int *par, const casia_dataset *ds,
                   const char *reporter, const char *partner,
                   const casia_options *opt)
{
    int rc = casia__ix_init(c, ds, opt);
    if (rc != CASIA_OK || (rc = casia__ix_country(rep, reporter)) != CASIA_OK)
        return rc;
    return casia__ix_country(par, partner);
}

int casia__ix_aggregate(int country)
{
    return casia__country_kind(country) == CASIA_KIND_AGGREGATE;
}

int casia__ix_own_rank(int basis)
{
    switch (basis) {
    case CASIA_BASIS_REPORTER: return 0;
    case CASIA_BASIS_NATIONAL_STATS: return 1;
    case CASIA_BASIS_OTHER: return 2;
    }
    return -1;
}

void casia__ix_key_range(const casia_dataset *ds, uint64_t key, size_t *lo,
                         size_t *hi)
{
    size_t i = casia__lower_bound(ds->obs_key, ds->n_obs, key);
    size_t j = i;
    while (j < ds->n_obs && ds->obs_key[j] == key)
        j++;
    *lo = i;
    *hi = j;
}

/* ------------------------------------------------------------------ */
/* Choosing one observation                                            */

long casia__ix_pick_range(const casia__ix *c, size_t lo, size_t hi, int basis,
                          int prefer, int *several)
{
    const casia_dataset *ds = c->ds;
    long first = -1, preferred = -1;
    int n = 0;
    size_t i;
    for (i = lo; i < hi; i++) {
        if (ds->obs_basis[i] != basis || !casia__ix_row_ok(c, i))
            continue;
        n++;
        if (first < 0)
            first = (long)i;   /* rows are sorted by source: smallest id */
        if (prefer >= 0 && ds->obs_source[i] == prefer)
            preferred = (long)i;
    }
    if (several)
        *several = n > 1;
    return preferred >= 0 ? preferred : first;
}

static int valid_key_parts(int ind, int rep, int par, int year)
{
    return ind >= 0 && rep >= 0 && par >= 0 && year >= CASIA__YEAR_MIN &&
           year <= CASIA__YEAR_MAX;
}

int casia__ix_pick_own(casia__pick *p, const casia__ix *c, int ind, int rep,
                       int par, int year, int prefer)
{
    size_t lo, hi;
    int k;
    if (!valid_key_parts(ind, rep, par, year))
        return CASIA_ENOTFOUND;
    casia__ix_key_range(c->ds, CASIA__KEY(ind, rep, par, year), &lo, &hi);
    for (k = 0; k < c->n_own; k++) {
        int several;
        long o = casia__ix_pick_range(c, lo, hi, c->own[k], prefer, &several);
        if (o >= 0) {
            p->obs = o;
            p->basis = c->own[k];
            p->mirror = 0;
            p->several = several;
            return CASIA_OK;
        }
    }
    return CASIA_ENOTFOUND;
}

int casia__ix_pick_mirror(casia__pick *p, const casia__ix *c, int ind,
                          int mind, int rep, int par, int year, int prefer)
{
    static const int partner_bases[3] = {
        CASIA_BASIS_REPORTER, CASIA_BASIS_NATIONAL_STATS, CASIA_BASIS_OTHER
    };
    size_t lo, hi;
    int k, several;
    long o;
    if (!valid_key_parts(ind, rep, par, year))
        return CASIA_ENOTFOUND;
    /* a mirror row stored from the reporter's side */
    casia__ix_key_range(c->ds, CASIA__KEY(ind, rep, par, year), &lo, &hi);
    o = casia__ix_pick_range(c, lo, hi, CASIA_BASIS_PARTNER_MIRROR, prefer,
                             &several);
    if (o >= 0) {
        p->obs = o;
        p->basis = CASIA_BASIS_PARTNER_MIRROR;
        p->mirror = 1;
        p->several = several;
        return CASIA_OK;
    }
    /* the partner's own report of the opposite flow */
    if (mind < 0)
        return CASIA_ENOTFOUND;
    casia__ix_key_range(c->ds, CASIA__KEY(mind, par, rep, year), &lo, &hi);
    for (k = 0; k < 3; k++) {
        o = casia__ix_pick_range(c, lo, hi, partner_bases[k], prefer, &several);
        if (o >= 0) {
            p->obs = o;
            p->basis = CASIA_BASIS_PARTNER_MIRROR;
            p->mirror = 2;
            p->several = several;
            return CASIA_OK;
        }
    }
    return CASIA_ENOTFOUND;
}

int casia__ix_pick_pair(casia__pick *p, const casia__ix *c, int ind, int mind,
                        int rep, int par, int year, int prefer)
{
    if (c->mirror != CASIA__MIRROR_ONLY &&
        casia__ix_pick_own(p, c, ind, rep, par, year, prefer) == CASIA_OK)
        return CASIA_OK;
    if (c->mirror == CASIA__MIRROR_NO)
        return CASIA_ENOTFOUND;
    return casia__ix_pick_mirror(p, c, ind, mind, rep, par, year, prefer);
}

/* ------------------------------------------------------------------ */
/* Results                                                             */

void casia__res_init(casia_result *r, const char *unit, int year_from,
                     int year_to)
{
    memset(r, 0, sizeof *r);
    r->unit = unit;
    r->basis = CASIA_BASIS_ANY;   /* "none yet" until casia__res_finish */
    r->year_from = year_from;
    r->year_to = year_to;
}

void casia__res_year(casia_result *r, int year)
{
    unsigned bit;
    if (year < 1900 || year > 2155)
        return;
    bit = (unsigned)(year - 1900);
    if (!(r->year_mask[bit / 8] & (1u << (bit % 8)))) {
        r->year_mask[bit / 8] |= (unsigned char)(1u << (bit % 8));
        r->year_count++;
    }
}

CASIA_API int casia_result_has_year(const casia_result *r, int year)
{
    unsigned bit;
    if (!r || year < 1900 || year > 2155)
        return 0;
    bit = (unsigned)(year - 1900);
    return (r->year_mask[bit / 8] >> (bit % 8)) & 1u;
}

void casia__res_source_id(casia_result *r, const char *id)
{
    unsigned i, n = r->source_count;
    int cmp = 1;
    for (i = 0; i < n; i++) {
        cmp = strcmp(id, r->sources[i]);
        if (cmp <= 0)
            break;
    }
    if (i < n && cmp == 0)
        return;   /* already listed */
    if (n == CASIA_RESULT_MAX_SOURCES) {
        /* keep the smallest ids, so the list does not depend on the order
         * in which sources were met */
        r->flags |= CASIA_RESULT_SOURCES_TRUNCATED;
        if (i == n)
            return;
        n--;
    }
    memmove(&r->sources[i + 1], &r->sources[i], (n - i) * sizeof r->sources[0]);
    r->sources[i] = id;
    r->source_count = n + 1;
}

void casia__res_source(casia_result *r, const casia_dataset *ds, int source)
{
    if (source >= 0 && (uint32_t)source < ds->n_sources)
        casia__res_source_id(r, casia__strtab_get(&ds->strings,
                                                  ds->sources[source].id));
}

void casia__res_basis(casia_result *r, int basis)
{
    if (basis == CASIA_BASIS_ANY)
        return;
    if (r->basis == CASIA_BASIS_ANY) {
        r->basis = (casia_basis)basis;
    } else if ((int)r->basis != basis) {
        r->basis = CASIA_BASIS_MIXED;
        r->flags |= CASIA_RESULT_MIXED_BASIS;
    }
}

void casia__res_pick(casia_result *r, const casia_dataset *ds,
                     const casia__pick *p)
{
    casia__res_source(r, ds, ds->obs_source[p->obs]);
    casia__res_basis(r, p->basis);
    if (p->mirror)
        r->flags |= CASIA_RESULT_MIRROR;
    if (p->mirror == 2)
        r->flags |= CASIA_RESULT_MIRROR_TRANSPOSED;
    if (p->several)
        r->flags |= CASIA_RESULT_SOURCE_CHOSEN;
}

void casia__res_merge(casia_result *dst, const casia_result *src)
{
    unsigned i;
    dst->flags |= src->flags;
    casia__res_basis(dst, src->basis);
    for (i = 0; i < src->source_count; i++)
        casia__res_source_id(dst, src->sources[i]);
    for (i = 0; i < 32; i++) {
        unsigned char add = (unsigned char)(src->year_mask[i] & ~dst->year_mask[i]);
        while (add) {
            dst->year_count += add & 1u;
            add >>= 1;
        }
        dst->year_mask[i] |= src->year_mask[i];
    }
}

void casia__res_finish(casia_result *r)
{
    if (r->basis == CASIA_BASIS_ANY)
        r->basis = CASIA_BASIS_OTHER;
}

double casia__half_unit(double v)
{
    /* powers of ten are exact in a double up to 1e22 */
    static const double pow10[] = {
        1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
        1e13, 1e14, 1e15
    };
    int k;
    v = fabs(v);
    if (v == 0 || !isfinite(v))
        return 0;
    for (k = 15; k >= -9; k--) {
        double q = k >= 0 ? v / pow10[k] : v * pow10[-k];
        double r = nearbyint(q);
        /* q is an integer up to the representation error of v (a few
         * units in the last place of q) */
        if (r >= 1 && fabs(q - r) <= q * 0x1p-48)
            return k >= 0 ? 0.5 * pow10[k] : 0.5 / pow10[-k];
    }
    return 0.5e-9;
}
