/*
 * indices.c - what every index shares: options, the choice of one
 * observation among several (basis and source rules), results, the names
 * of indices, any annual index by id, and period comparisons.
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

CASIA_API const char *casia_result_flag_name(unsigned flag)
{
    switch (flag) {
    case CASIA_RESULT_TOTAL_WORLD: return "total_world";
    case CASIA_RESULT_TOTAL_PARTNERS: return "total_partners";
    case CASIA_RESULT_MIRROR: return "mirror";
    case CASIA_RESULT_MIRROR_TRANSPOSED: return "mirror_transposed";
    case CASIA_RESULT_MIXED_BASIS: return "mixed_basis";
    case CASIA_RESULT_SOURCE_CHOSEN: return "source_chosen";
    case CASIA_RESULT_WINDOW_PARTIAL: return "window_partial";
    case CASIA_RESULT_SOURCES_TRUNCATED: return "sources_truncated";
    case CASIA_RESULT_REPORTED: return "reported";
    case CASIA_RESULT_DISAGREE: return "disagree";
    case CASIA_RESULT_COVERAGE_OVER: return "coverage_over";
    case CASIA_RESULT_PARTIAL_DIMS: return "partial_dims";
    case CASIA_RESULT_PUBLISHED_TURNOVER: return "published_turnover";
    case CASIA_RESULT_PUBLISHED_SHARE: return "published_share";
    case CASIA_RESULT_PIPELINE: return "pipeline";
    default: return NULL;
    }
}

CASIA_API const char *casia_flow_name(casia_flow flow)
{
    switch (flow) {
    case CASIA_FLOW_IMPORT: return "import";
    case CASIA_FLOW_EXPORT: return "export";
    case CASIA_FLOW_TURNOVER: return "turnover";
    case CASIA_FLOW_REIMPORT: return "reimport";
    case CASIA_FLOW_REEXPORT: return "reexport";
    }
    return NULL;
}

CASIA_API const char *casia_dimension_name(casia_dimension dim)
{
    switch (dim) {
    case CASIA_DIM_TRADE: return "trade";
    case CASIA_DIM_ARMS: return "arms";
    case CASIA_DIM_REMITTANCE: return "remittance";
    case CASIA_DIM_ENERGY: return "energy";
    case CASIA_DIM_INSTITUTIONS: return "institutions";
    case CASIA_DIM_UN_VOTES: return "un_votes";
    }
    return NULL;
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

/* ------------------------------------------------------------------ */
/* Names of the indices                                                */

static const char *const index_names[CASIA_INDEX_COUNT + 1] = {
    NULL, "import_share", "export_share", "turnover_share",
    "import_discrepancy", "export_discrepancy", "turnover_discrepancy",
    "import_rank", "export_rank", "turnover_rank", "import_hhi", "export_hhi",
    "turnover_hhi", "arms_share", "remittance_gdp", "remittance_share",
    "energy_share", "memberships", "institutional_share", "un_agreement",
    "composite"
};

CASIA_API const char *casia_index_name(casia_index_id index)
{
    if ((int)index < 1 || (int)index > CASIA_INDEX_COUNT)
        return NULL;
    return index_names[index];
}

CASIA_API int casia_index_parse(casia_index_id *out, const char *name)
{
    int i;
    if (!out || !name)
        return CASIA_EINVAL;
    for (i = 1; i <= CASIA_INDEX_COUNT; i++) {
        if (strcmp(name, index_names[i]) == 0) {
            *out = (casia_index_id)i;
            return CASIA_OK;
        }
    }
    return CASIA_EINVAL;
}

/* ------------------------------------------------------------------ */
/* Any annual index                                                    */

static int rank_of(casia_result *out, const casia_dataset *ds,
                   const char *reporter, const char *partner, int year,
                   casia_flow flow, const casia_options *opt)
{
    casia_rank_entry *e = NULL;
    size_t n = 0, cap = 0, i;
    casia_result total;
    const char *code;
    int rc, p;
    if (!partner)
        return CASIA_EINVAL;
    if ((rc = casia__ix_country(&p, partner)) != CASIA_OK)
        return rc;
    code = casia__country_code(p);
    rc = casia_top_partners(NULL, 0, &n, &total, ds, reporter, year, flow, opt);
    if (rc != CASIA_OK)
        return rc;
    if (n == 0)
        return CASIA_ENOTFOUND;
    cap = n;
    e = malloc(cap * sizeof *e);
    if (!e)
        return CASIA_ENOMEM;
    rc = casia_top_partners(e, cap, &n, &total, ds, reporter, year, flow, opt);
    if (rc == CASIA_OK) {
        rc = CASIA_ENOTFOUND;
        for (i = 0; i < n && i < cap; i++) {
            if (strcmp(e[i].partner, code) == 0) {
                casia__res_init(out, "rank", year, year);
                casia__res_year(out, year);
                out->value = (double)(i + 1);
                out->count = n;
                out->flags = total.flags | e[i].flags;
                casia__res_basis(out, total.basis);
                casia__res_basis(out, e[i].basis);
                if (e[i].source)
                    casia__res_source_id(out, e[i].source);
                {
                    unsigned k;
                    for (k = 0; k < total.source_count; k++)
                        casia__res_source_id(out, total.sources[k]);
                }
                casia__res_finish(out);
                rc = CASIA_OK;
                break;
            }
        }
    }
    free(e);
    return rc;
}

CASIA_API int casia_index(casia_result *out, const casia_dataset *ds,
                          casia_index_id index, const char *reporter,
                          const char *partner, int year,
                          const casia_options *opt)
{
    if (!out || !ds)
        return CASIA_EINVAL;
    switch (index) {
    case CASIA_INDEX_IMPORT_SHARE:
        return casia_trade_share(out, ds, reporter, partner, year,
                                 CASIA_FLOW_IMPORT, opt);
    case CASIA_INDEX_EXPORT_SHARE:
        return casia_trade_share(out, ds, reporter, partner, year,
                                 CASIA_FLOW_EXPORT, opt);
    case CASIA_INDEX_TURNOVER_SHARE:
        return casia_trade_share(out, ds, reporter, partner, year,
                                 CASIA_FLOW_TURNOVER, opt);
    case CASIA_INDEX_IMPORT_DISCREPANCY:
        return casia_trade_discrepancy(out, ds, reporter, partner, year,
                                       CASIA_FLOW_IMPORT, opt);
    case CASIA_INDEX_EXPORT_DISCREPANCY:
        return casia_trade_discrepancy(out, ds, reporter, partner, year,
                                       CASIA_FLOW_EXPORT, opt);
    case CASIA_INDEX_TURNOVER_DISCREPANCY:
        return casia_trade_discrepancy(out, ds, reporter, partner, year,
                                       CASIA_FLOW_TURNOVER, opt);
    case CASIA_INDEX_IMPORT_RANK:
        return rank_of(out, ds, reporter, partner, year, CASIA_FLOW_IMPORT, opt);
    case CASIA_INDEX_EXPORT_RANK:
        return rank_of(out, ds, reporter, partner, year, CASIA_FLOW_EXPORT, opt);
    case CASIA_INDEX_TURNOVER_RANK:
        return rank_of(out, ds, reporter, partner, year, CASIA_FLOW_TURNOVER,
                       opt);
    case CASIA_INDEX_IMPORT_HHI:
        return casia_hhi(out, ds, reporter, year, CASIA_FLOW_IMPORT, opt);
    case CASIA_INDEX_EXPORT_HHI:
        return casia_hhi(out, ds, reporter, year, CASIA_FLOW_EXPORT, opt);
    case CASIA_INDEX_TURNOVER_HHI:
        return casia_hhi(out, ds, reporter, year, CASIA_FLOW_TURNOVER, opt);
    case CASIA_INDEX_ARMS_SHARE: {
        casia__ix c;
        int rc = casia__ix_init(&c, ds, opt);
        if (rc)
            return rc;
        return casia_arms_share(out, ds, reporter, partner,
                                year - c.opt.arms_window + 1, year, opt);
    }
    case CASIA_INDEX_REMITTANCE_GDP:
        return casia_remittance_gdp(out, ds, reporter, year, opt);
    case CASIA_INDEX_REMITTANCE_SHARE:
        return casia_remittance_share(out, ds, reporter, partner, year, opt);
    case CASIA_INDEX_ENERGY_SHARE:
        return casia_energy_share(out, ds, reporter, partner, year, opt);
    case CASIA_INDEX_MEMBERSHIPS:
        return casia_memberships(out, ds, reporter, partner, year, opt);
    case CASIA_INDEX_INSTITUTIONAL_SHARE:
        return casia_institutional_share(out, ds, reporter, partner, year, opt);
    case CASIA_INDEX_UN_AGREEMENT:
        return casia_un_agreement(out, ds, reporter, partner, NULL, 0, year, opt);
    case CASIA_INDEX_COMPOSITE: {
        casia_composite_result cr;
        int rc = casia_composite(&cr, ds, reporter, partner, year, opt);
        if (rc == CASIA_OK)
            *out = cr.result;
        return rc;
    }
    }
    return CASIA_EINVAL;
}

/* ------------------------------------------------------------------ */
/* Periods                                                             */

CASIA_API int casia_period_mean(casia_result *out, const casia_dataset *ds,
                                casia_index_id index, const char *reporter,
                                const char *partner, int first_year,
                                int last_year, const casia_options *opt)
{
    casia_result r, y;
    double vals[CASIA__YEAR_MAX - CASIA__YEAR_MIN + 1];
    size_t n = 0;
    int t, rc, why = CASIA_ENOTFOUND;
    casia__ix c;
    if (!out || !ds || !casia_index_name(index) || first_year > last_year ||
        first_year < CASIA__YEAR_MIN || last_year > CASIA__YEAR_MAX)
        return CASIA_EINVAL;
    if ((rc = casia__ix_init(&c, ds, opt)) != CASIA_OK)
        return rc;
    casia__res_init(&r, NULL, first_year, last_year);
    for (t = first_year; t <= last_year; t++) {
        rc = casia_index(&y, ds, index, reporter, partner, t, opt);
        if (rc == CASIA_EINVAL || rc == CASIA_ENOMEM)
            return rc;
        if (rc != CASIA_OK) {
            /* why no year has a value: out of range before a zero
             * denominator before nothing found */
            if (rc == CASIA_ERANGE || (rc == CASIA_EDOMAIN && why != CASIA_ERANGE))
                why = rc;
            continue;
        }
        vals[n++] = y.value;
        r.unit = y.unit;
        r.flags |= y.flags;
        casia__res_basis(&r, y.basis);
        {
            unsigned k;
            for (k = 0; k < y.source_count; k++)
                casia__res_source_id(&r, y.sources[k]);
            if (y.flags & CASIA_RESULT_SOURCES_TRUNCATED)
                r.flags |= CASIA_RESULT_SOURCES_TRUNCATED;
        }
        casia__res_year(&r, t);
    }
    if (n == 0)
        return why;
    /* the annual values' own windows and years are not the period's */
    r.flags &= ~CASIA_RESULT_WINDOW_PARTIAL;
    if (n < (size_t)(last_year - first_year + 1))
        r.flags |= CASIA_RESULT_WINDOW_PARTIAL;
    r.value = casia__sum_canonical(vals, n) / (double)n;
    r.count = n;
    casia__res_finish(&r);
    *out = r;
    return CASIA_OK;
}

static int points_scale(const char *unit, double *scale, const char **name)
{
    if (unit && strcmp(unit, "fraction") == 0) {
        *scale = 100;
        *name = "pp";
    } else if (unit && strcmp(unit, "pct_gdp") == 0) {
        *scale = 1;
        *name = "pp";
    } else {
        *scale = 1;
        *name = unit;
    }
    return CASIA_OK;
}

CASIA_API int casia_compare_periods(casia_period_comparison *out,
                                    const casia_dataset *ds,
                                    casia_index_id index,
                                    const char *reporter,
                                    const char *partner_a,
                                    const char *partner_b,
                                    const casia_options *opt)
{
    casia_period_comparison cmp;
    casia__ix c;
    int rc, k, p, np, any = 0, idx;
    double scale = 1;
    const char *unit = NULL;
    if (!out || !ds || !casia_index_name(index) || !reporter || !partner_a)
        return CASIA_EINVAL;
    if ((rc = casia__ix_init(&c, ds, opt)) != CASIA_OK)
        return rc;
    memset(&cmp, 0, sizeof cmp);
    cmp.index = index;
    cmp.period[0][0] = c.opt.period1_from;
    cmp.period[0][1] = c.opt.period1_to;
    cmp.period[1][0] = c.opt.period2_from;
    cmp.period[1][1] = c.opt.period2_to;
    np = partner_b ? 2 : 1;
    for (p = 0; p < np; p++) {
        const char *text = p == 0 ? partner_a : partner_b;
        if ((rc = casia__ix_country(&idx, text)) != CASIA_OK)
            return rc;
        cmp.partner[p] = casia__country_code(idx);
        for (k = 0; k < 2; k++) {
            rc = casia_period_mean(&cmp.mean[p][k], ds, index, reporter, text,
                                   cmp.period[k][0], cmp.period[k][1], opt);
            if (rc == CASIA_EINVAL || rc == CASIA_ENOMEM)
                return rc;
            cmp.status[p][k] = rc;
            if (rc == CASIA_OK) {
                any = 1;
                unit = cmp.mean[p][k].unit;
            }
        }
    }
    for (; p < 2; p++)
        cmp.status[p][0] = cmp.status[p][1] = CASIA_ENOTFOUND;
    if (!any)
        return CASIA_ENOTFOUND;
    points_scale(unit, &scale, &cmp.change_unit);
    for (p = 0; p < 2; p++) {
        if (cmp.status[p][0] == CASIA_OK && cmp.status[p][1] == CASIA_OK) {
            cmp.change[p] = (cmp.mean[p][1].value - cmp.mean[p][0].value) * scale;
            cmp.valid |= p == 0 ? CASIA_CMP_CHANGE_A : CASIA_CMP_CHANGE_B;
        }
    }
    for (k = 0; k < 2; k++) {
        if (cmp.status[0][k] == CASIA_OK && cmp.status[1][k] == CASIA_OK) {
            cmp.gap[k] = (cmp.mean[0][k].value - cmp.mean[1][k].value) * scale;
            cmp.valid |= k == 0 ? CASIA_CMP_GAP_P1 : CASIA_CMP_GAP_P2;
        }
    }
    *out = cmp;
    return CASIA_OK;
}
