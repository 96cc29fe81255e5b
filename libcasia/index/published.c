/*
 * published.c - trade shares from published aggregates, the fallbacks of
 * casia_trade_share() when the import and export rows cannot answer:
 *
 *   2. turnover only: a published bilateral turnover (trade.turnover, i, j)
 *      over a world total of the same year: a published world turnover
 *      (trade.turnover, i, WLD), else world exports plus imports;
 *   3. a published share (trade.turnover_share_pct, trade.import_share_pct
 *      or trade.export_share_pct), divided by 100.
 *
 * and of casia_energy_share() when the dataset has no figures of all gas
 * imports: pipeline gas in bcm, then in US dollars, then a published
 * share of pipeline imports.
 *
 * The basis rules are those of the rows (docs/indices.md, "Published
 * aggregates"): the reporter's own bases in order, then the mirror as
 * casia_options::mirror allows; a world total is never read from the
 * partner. Partial-year figures (trade.turnover_partial) are another
 * indicator and never read here.
 */
#include "indices_internal.h"

#include <stdlib.h>
#include <string.h>

/* The world total's candidates, for one basis: (trade.turnover, i, WLD),
 * else exports plus imports of that basis. `prefer` is the numerator's
 * source. Fills p[0] (and p[1] for a sum); returns how many, 0 for none. */
static int world_of_basis(casia__pick p[2], const casia__ix *c, int rep,
                          int year, int basis, int prefer)
{
    const casia_dataset *ds = c->ds;
    int it = casia__dataset_indicator_id(ds, "trade.turnover");
    int ix = casia__dataset_indicator_id(ds, "trade.export");
    int im = casia__dataset_indicator_id(ds, "trade.import");
    size_t lo, hi;
    int several;
    long o, x;
    if (it >= 0) {
        casia__ix_key_range(ds, CASIA__KEY(it, rep, c->world, year), &lo, &hi);
        o = casia__ix_pick_range(c, lo, hi, basis, prefer, &several);
        if (o >= 0) {
            p[0].obs = o;
            p[0].basis = basis;
            p[0].mirror = 0;
            p[0].several = several;
            return 1;
        }
    }
    if (ix < 0 || im < 0)
        return 0;
    casia__ix_key_range(ds, CASIA__KEY(ix, rep, c->world, year), &lo, &hi);
    x = casia__ix_pick_range(c, lo, hi, basis, prefer, &several);
    if (x < 0)
        return 0;
    p[0].obs = x;
    p[0].basis = basis;
    p[0].mirror = 0;
    p[0].several = several;
    /* imports of the same basis, from the exports' source where it has them */
    casia__ix_key_range(ds, CASIA__KEY(im, rep, c->world, year), &lo, &hi);
    o = casia__ix_pick_range(c, lo, hi, basis, (int)ds->obs_source[x], &several);
    if (o < 0)
        return 0;
    p[1].obs = o;
    p[1].basis = basis;
    p[1].mirror = 0;
    p[1].several = several;
    return 2;
}

/* The world total: the reporter's own bases in order (the mirror's when
 * the options ask for the mirror only), preferring the numerator's
 * source within a basis. */
static int world_total(casia__pick p[2], const casia__ix *c, int rep, int year,
                       int prefer)
{
    int k, n;
    if (c->mirror == CASIA__MIRROR_ONLY)
        return world_of_basis(p, c, rep, year, CASIA_BASIS_PARTNER_MIRROR,
                              prefer);
    for (k = 0; k < c->n_own; k++)
        if ((n = world_of_basis(p, c, rep, year, c->own[k], prefer)) > 0)
            return n;
    return 0;
}

/* 2. published turnover over a world total */
static int turnover_share(casia_result *out, const casia__ix *c, int rep,
                          int par, int year)
{
    const casia_dataset *ds = c->ds;
    int it = casia__dataset_indicator_id(ds, "trade.turnover");
    casia__pick num, den[2];
    casia__sum s;
    casia_result r;
    double total;
    int n, i;
    if (it < 0 ||
        casia__ix_pick_pair(&num, c, it, it, rep, par, year, -1) != CASIA_OK)
        return CASIA_ENOTFOUND;
    n = world_total(den, c, rep, year, (int)ds->obs_source[num.obs]);
    if (n == 0)
        return CASIA_ENOTFOUND;
    /* the numerator from the total's source, where its basis has one */
    if (ds->obs_source[den[0].obs] != ds->obs_source[num.obs]) {
        casia__pick q;
        if (casia__ix_pick_pair(&q, c, it, it, rep, par, year,
                                (int)ds->obs_source[den[0].obs]) == CASIA_OK &&
            q.basis == num.basis && q.mirror == num.mirror &&
            ds->obs_source[q.obs] == ds->obs_source[den[0].obs])
            num = q;
    }
    casia__sum_init(&s);
    for (i = 0; i < n; i++)
        if (casia__sum_add(&s, ds->obs_value[den[i].obs]))
            return CASIA_ERANGE;
    if (ds->obs_value[num.obs] >= 0x1p62)
        return CASIA_ERANGE;   /* as every other money term */
    total = casia__sum_value(&s);
    if (!(total > 0))
        return CASIA_EDOMAIN;
    casia__res_init(&r, "fraction", year, year);
    casia__res_year(&r, year);
    casia__res_pick(&r, ds, &num);
    for (i = 0; i < n; i++)
        casia__res_pick(&r, ds, &den[i]);
    r.flags |= CASIA_RESULT_TOTAL_WORLD | CASIA_RESULT_PUBLISHED_TURNOVER;
    r.numerator = ds->obs_value[num.obs];
    r.denominator = total;
    r.value = r.numerator / total;
    casia__res_finish(&r);
    *out = r;
    return CASIA_OK;
}

/* 3. a published share */
static int share_as_published(casia_result *out, const casia__ix *c, int rep,
                              int par, int year, casia_flow flow)
{
    const casia_dataset *ds = c->ds;
    const char *name = flow == CASIA_FLOW_TURNOVER ? "trade.turnover_share_pct"
                       : flow == CASIA_FLOW_IMPORT ? "trade.import_share_pct"
                                                   : "trade.export_share_pct";
    int ind = casia__dataset_indicator_id(ds, name);
    casia__pick p;
    casia_result r;
    double v;
    if (ind < 0 ||
        casia__ix_pick_pair(&p, c, ind, -1, rep, par, year, -1) != CASIA_OK)
        return CASIA_ENOTFOUND;
    v = ds->obs_value[p.obs];
    if (!(v >= 0 && v <= 100))
        return CASIA_EDOMAIN;   /* not a share of a whole */
    casia__res_init(&r, "fraction", year, year);
    casia__res_year(&r, year);
    casia__res_pick(&r, ds, &p);
    r.flags |= CASIA_RESULT_PUBLISHED_SHARE;
    r.value = v / 100;
    casia__res_finish(&r);
    *out = r;
    return CASIA_OK;
}

int casia__published_share(casia_result *out, const casia__ix *c, int rep,
                           int par, int year, casia_flow flow)
{
    int rc;
    if (par == c->world || casia__ix_aggregate(par) || par == rep)
        return CASIA_ENOTFOUND;
    if (flow == CASIA_FLOW_TURNOVER) {
        rc = turnover_share(out, c, rep, par, year);
        if (rc != CASIA_ENOTFOUND)
            return rc;
    }
    return share_as_published(out, c, rep, par, year, flow);
}

/* A share from the table of one indicator (own rows, and the partner's
 * rows of mind as the mirror), as casia_trade_share() computes it. */
static int table_share(casia_result *out, const casia__ix *c, int ind, int mind,
                       int rep, int par, int year)
{
    size_t *own = NULL, *tr = NULL, n_own = 0, n_tr = 0;
    casia__ttable t;
    int rc;
    if (ind < 0)
        return CASIA_ENOTFOUND;
    rc = casia__gather_own(&own, &n_own, c, ind, rep, year);
    if (rc == CASIA_OK)
        rc = casia__gather_trans(&tr, &n_tr, c,
                                 c->mirror == CASIA__MIRROR_NO ? -1 : mind, rep,
                                 year);
    if (rc == CASIA_OK)
        rc = casia__ttable_build(&t, c, rep, own, n_own, tr, n_tr);
    free(own);
    free(tr);
    if (rc != CASIA_OK)
        return rc;
    rc = casia__table_share(out, c, &t, NULL, par, year);
    casia__ttable_free(&t);
    return rc;
}

int casia__pipeline_share(casia_result *out, const casia__ix *c, int rep,
                          int par, int year)
{
    const casia_dataset *ds = c->ds;
    /* the exporter's own figures (gas_export_*) stand in as the mirror */
    static const char *const ind[2] = {"energy.pipeline_gas_import_bcm",
                                       "energy.pipeline_gas_import_usd"};
    static const char *const mind[2] = {"energy.gas_export_bcm",
                                        "energy.gas_export_usd"};
    int k, rc = CASIA_ENOTFOUND, i;
    casia__pick p;
    casia_result r;
    double v;
    if (par == c->world || casia__ix_aggregate(par) || par == rep)
        return CASIA_ENOTFOUND;
    for (k = 0; k < 2 && rc == CASIA_ENOTFOUND; k++)
        rc = table_share(out, c, casia__dataset_indicator_id(ds, ind[k]),
                         casia__dataset_indicator_id(ds, mind[k]), rep, par, year);
    if (rc == CASIA_OK)
        out->flags |= CASIA_RESULT_PIPELINE;
    if (rc != CASIA_ENOTFOUND)
        return rc;
    i = casia__dataset_indicator_id(ds, "energy.pipeline_gas_import_share_pct");
    if (i < 0 || casia__ix_pick_pair(&p, c, i, -1, rep, par, year, -1) != CASIA_OK)
        return CASIA_ENOTFOUND;
    v = ds->obs_value[p.obs];
    if (!(v >= 0 && v <= 100))
        return CASIA_EDOMAIN;
    casia__res_init(&r, "fraction", year, year);
    casia__res_year(&r, year);
    casia__res_pick(&r, ds, &p);
    r.flags |= CASIA_RESULT_PUBLISHED_SHARE | CASIA_RESULT_PIPELINE;
    r.value = v / 100;
    casia__res_finish(&r);
    *out = r;
    return CASIA_OK;
}
