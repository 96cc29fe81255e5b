/*
 * indices.c - the names of flags, flows, dimensions and indices, any
 * annual index by id, and period comparisons. The machinery the indices
 * share (options, the choice of observations, results) is in ixcore.c.
 */
#include "indices_internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

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

/* The per-call functions of the registry: casia_index()'s arguments. */

#define TRADE_FN(name, call, flow)                                          \
    static int name(casia_result *out, const casia_dataset *ds,             \
                    const char *reporter, const char *partner, int year,    \
                    const casia_options *opt)                               \
    {                                                                       \
        return call(out, ds, reporter, partner, year, flow, opt);           \
    }
#define HHI_FN(name, flow)                                                  \
    static int name(casia_result *out, const casia_dataset *ds,             \
                    const char *reporter, const char *partner, int year,    \
                    const casia_options *opt)                               \
    {                                                                       \
        (void)partner;                                                      \
        return casia_hhi(out, ds, reporter, year, flow, opt);               \
    }

TRADE_FN(import_share, casia_trade_share, CASIA_FLOW_IMPORT)
TRADE_FN(export_share, casia_trade_share, CASIA_FLOW_EXPORT)
TRADE_FN(turnover_share, casia_trade_share, CASIA_FLOW_TURNOVER)
TRADE_FN(import_discrepancy, casia_trade_discrepancy, CASIA_FLOW_IMPORT)
TRADE_FN(export_discrepancy, casia_trade_discrepancy, CASIA_FLOW_EXPORT)
TRADE_FN(turnover_discrepancy, casia_trade_discrepancy, CASIA_FLOW_TURNOVER)
TRADE_FN(import_rank, rank_of, CASIA_FLOW_IMPORT)
TRADE_FN(export_rank, rank_of, CASIA_FLOW_EXPORT)
TRADE_FN(turnover_rank, rank_of, CASIA_FLOW_TURNOVER)
HHI_FN(import_hhi, CASIA_FLOW_IMPORT)
HHI_FN(export_hhi, CASIA_FLOW_EXPORT)
HHI_FN(turnover_hhi, CASIA_FLOW_TURNOVER)

/* the window of arms_window years ending in year */
static int arms_share(casia_result *out, const casia_dataset *ds,
                      const char *reporter, const char *partner, int year,
                      const casia_options *opt)
{
    casia__ix c;
    int rc = casia__ix_init(&c, ds, opt);
    if (rc)
        return rc;
    return casia_arms_share(out, ds, reporter, partner,
                            year - c.opt.arms_window + 1, year, opt);
}

static int remittance_gdp(casia_result *out, const casia_dataset *ds,
                          const char *reporter, const char *partner, int year,
                          const casia_options *opt)
{
    (void)partner;
    return casia_remittance_gdp(out, ds, reporter, year, opt);
}

static int un_agreement(casia_result *out, const casia_dataset *ds,
                        const char *reporter, const char *partner, int year,
                        const casia_options *opt)
{
    return casia_un_agreement(out, ds, reporter, partner, NULL, 0, year, opt);
}

static int events(casia_result *out, const casia_dataset *ds,
                  const char *reporter, const char *partner, int year,
                  const casia_options *opt)
{
    return casia_event_count(out, ds, reporter, partner, year, 0, opt);
}

static int composite(casia_result *out, const casia_dataset *ds,
                     const char *reporter, const char *partner, int year,
                     const casia_options *opt)
{
    casia_composite_result cr;
    int rc = casia_composite(&cr, ds, reporter, partner, year, opt);
    if (rc == CASIA_OK)
        *out = cr.result;
    return rc;
}

/* ------------------------------------------------------------------ */
/* The registry: one row per index, in the order of casia_index_id     */

static const casia__index_def index_defs[CASIA_INDEX_COUNT + 1] = {
    {(casia_index_id)0, NULL, NULL, NULL, -1},
    {CASIA_INDEX_IMPORT_SHARE, "import_share", import_share,
     casia__build_trade, -1},
    {CASIA_INDEX_EXPORT_SHARE, "export_share", export_share,
     casia__build_trade, -1},
    {CASIA_INDEX_TURNOVER_SHARE, "turnover_share", turnover_share,
     casia__build_trade, CASIA_DIM_TRADE},
    {CASIA_INDEX_IMPORT_DISCREPANCY, "import_discrepancy", import_discrepancy,
     casia__build_trade, -1},
    {CASIA_INDEX_EXPORT_DISCREPANCY, "export_discrepancy", export_discrepancy,
     casia__build_trade, -1},
    {CASIA_INDEX_TURNOVER_DISCREPANCY, "turnover_discrepancy",
     turnover_discrepancy, casia__build_trade, -1},
    {CASIA_INDEX_IMPORT_RANK, "import_rank", import_rank, casia__build_trade,
     -1},
    {CASIA_INDEX_EXPORT_RANK, "export_rank", export_rank, casia__build_trade,
     -1},
    {CASIA_INDEX_TURNOVER_RANK, "turnover_rank", turnover_rank,
     casia__build_trade, -1},
    {CASIA_INDEX_IMPORT_HHI, "import_hhi", import_hhi, casia__build_trade, -1},
    {CASIA_INDEX_EXPORT_HHI, "export_hhi", export_hhi, casia__build_trade, -1},
    {CASIA_INDEX_TURNOVER_HHI, "turnover_hhi", turnover_hhi,
     casia__build_trade, -1},
    {CASIA_INDEX_ARMS_SHARE, "arms_share", arms_share, casia__build_arms,
     CASIA_DIM_ARMS},
    {CASIA_INDEX_REMITTANCE_GDP, "remittance_gdp", remittance_gdp,
     casia__build_remittances, -1},
    {CASIA_INDEX_REMITTANCE_SHARE, "remittance_share", casia_remittance_share,
     casia__build_remittances, CASIA_DIM_REMITTANCE},
    {CASIA_INDEX_ENERGY_SHARE, "energy_share", casia_energy_share,
     casia__build_energy, CASIA_DIM_ENERGY},
    {CASIA_INDEX_MEMBERSHIPS, "memberships", casia_memberships,
     casia__build_institutions, -1},
    {CASIA_INDEX_INSTITUTIONAL_SHARE, "institutional_share",
     casia_institutional_share, casia__build_institutions,
     CASIA_DIM_INSTITUTIONS},
    {CASIA_INDEX_UN_AGREEMENT, "un_agreement", un_agreement,
     casia__build_votes, CASIA_DIM_UN_VOTES},
    {CASIA_INDEX_COMPOSITE, "composite", composite, NULL, -1},
    {CASIA_INDEX_EVENTS, "events", events, casia__build_events, -1}
};

const casia__index_def *casia__index_def_get(casia_index_id index)
{
    if ((int)index < 1 || (int)index > CASIA_INDEX_COUNT)
        return NULL;
    return &index_defs[index];
}

CASIA_API const char *casia_index_name(casia_index_id index)
{
    const casia__index_def *d = casia__index_def_get(index);
    return d ? d->name : NULL;
}

CASIA_API int casia_index_parse(casia_index_id *out, const char *name)
{
    int i;
    if (!out || !name)
        return CASIA_EINVAL;
    for (i = 1; i <= CASIA_INDEX_COUNT; i++) {
        if (strcmp(name, index_defs[i].name) == 0) {
            *out = index_defs[i].id;
            return CASIA_OK;
        }
    }
    return CASIA_EINVAL;
}

CASIA_API int casia_index(casia_result *out, const casia_dataset *ds,
                          casia_index_id index, const char *reporter,
                          const char *partner, int year,
                          const casia_options *opt)
{
    const casia__index_def *d;
    if (!out || !ds)
        return CASIA_EINVAL;
    if (!(d = casia__index_def_get(index)))
        return CASIA_EINVAL;
    return d->fn(out, ds, reporter, partner, year, opt);
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
