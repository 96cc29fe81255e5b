/*
 * remittance.c - remittances as a percentage of GDP and the share of
 * remittances sent from a partner: each computed from US dollar figures
 * where they exist, or taken as published, with a flag when the two
 * disagree by more than the rounding of the figures. Personal remittances
 * (remittance.inflow_usd, balance of payments) and money transfers
 * (remittance.transfers_usd, a central bank's transfer statistics) are
 * two concepts: a share divides one by the same one.
 */
#include "indices_internal.h"

#include <string.h>

/*
 * Whether a computed ratio a / b (scaled by `scale`) and a published
 * figure p disagree by more than rounding: each figure is taken as exact to
 * half a unit of its last decimal digit (casia__half_unit), and they
 * disagree when the two intervals do not meet.
 */
static int disagree(double a, double b, double scale, double p, double pscale)
{
    double ha = casia__half_unit(a), hb = casia__half_unit(b);
    double hp = casia__half_unit(p);
    double lo, hi;
    if (b - hb <= 0)
        return 0;   /* no bound: cannot tell */
    lo = scale * (a - ha) / (b + hb);
    hi = scale * (a + ha) / (b - hb);
    return hi < pscale * (p - hp) || lo > pscale * (p + hp);
}

/* Picks (ind, rep, par, year), preferring source `prefer`, then `prefer2`. */
static int pick2(casia__pick *p, const casia__ix *c, int ind, int rep, int par,
                 int year, int prefer, int prefer2)
{
    casia__pick q;
    if (ind < 0)
        return CASIA_ENOTFOUND;
    if (casia__ix_pick_pair(p, c, ind, -1, rep, par, year, prefer) != CASIA_OK)
        return CASIA_ENOTFOUND;
    if (prefer2 >= 0 && (int)c->ds->obs_source[p->obs] != prefer &&
        casia__ix_pick_pair(&q, c, ind, -1, rep, par, year, prefer2) == CASIA_OK &&
        (int)c->ds->obs_source[q.obs] == prefer2)
        *p = q;
    return CASIA_OK;
}

/*
 * The common part: a computed ratio num/den * scale from picks pn, pd
 * (have_comp), and a published figure pr * pscale (have_rep).
 */
static int finish(casia_result *out, const casia__ix *c, const char *unit,
                  int year, int have_comp, const casia__pick *pn,
                  const casia__pick *pd, double scale, int have_rep,
                  const casia__pick *pr, double pscale)
{
    const casia_dataset *ds = c->ds;
    casia_result r;
    double comp = 0, rep = 0;
    int comp_ok = 0;
    if (have_comp) {
        double d = ds->obs_value[pd->obs];
        if (d > 0) {
            comp = scale * ds->obs_value[pn->obs] / d;
            comp_ok = 1;
        }
    }
    if (have_rep)
        rep = pscale * ds->obs_value[pr->obs];
    if (!comp_ok && !have_rep)
        return have_comp ? CASIA_EDOMAIN : CASIA_ENOTFOUND;
    casia__res_init(&r, unit, year, year);
    casia__res_year(&r, year);
    if (comp_ok) {
        casia__res_pick(&r, ds, pn);
        casia__res_pick(&r, ds, pd);
    }
    if (have_rep)
        casia__res_pick(&r, ds, pr);
    if (comp_ok && (!have_rep || !c->opt.prefer_reported)) {
        r.value = comp;
        r.numerator = ds->obs_value[pn->obs];
        r.denominator = ds->obs_value[pd->obs];
        if (have_rep)
            r.other = rep;
    } else {
        r.value = rep;
        r.flags |= CASIA_RESULT_REPORTED;
        if (comp_ok) {
            r.other = comp;
            r.numerator = ds->obs_value[pn->obs];
            r.denominator = ds->obs_value[pd->obs];
        }
    }
    if (comp_ok && have_rep &&
        disagree(ds->obs_value[pn->obs], ds->obs_value[pd->obs], scale,
                 ds->obs_value[pr->obs], pscale))
        r.flags |= CASIA_RESULT_DISAGREE;
    casia__res_finish(&r);
    *out = r;
    return CASIA_OK;
}

CASIA_API int casia_remittance_gdp(casia_result *out, const casia_dataset *ds,
                                   const char *reporter, int year,
                                   const casia_options *opt)
{
    casia__ix c;
    casia__pick pr, pg, pp;
    int rc, rep, ir, ig, ip, have_r, have_g, have_p;
    if (!out || year < CASIA__YEAR_MIN || year > CASIA__YEAR_MAX)
        return CASIA_EINVAL;
    if ((rc = casia__ix_init(&c, ds, opt)) != CASIA_OK)
        return rc;
    if ((rc = casia__ix_country(&rep, reporter)) != CASIA_OK)
        return rc;
    ir = casia__dataset_indicator_id(ds, "remittance.inflow_usd");
    ig = casia__dataset_indicator_id(ds, "gdp.current_usd");
    ip = casia__dataset_indicator_id(ds, "remittance.inflow_pct_gdp");
    have_r = pick2(&pr, &c, ir, rep, c.world, year, -1, -1) == CASIA_OK;
    /* GDP: prefer the source that also gave the remittances */
    have_g = pick2(&pg, &c, ig, rep, c.world, year,
                   have_r ? ds->obs_source[pr.obs] : -1, -1) == CASIA_OK;
    if (have_r && have_g && ds->obs_source[pr.obs] != ds->obs_source[pg.obs]) {
        /* ... or remittances from the source that gave GDP */
        casia__pick q;
        if (pick2(&q, &c, ir, rep, c.world, year, ds->obs_source[pg.obs], -1) ==
                CASIA_OK &&
            ds->obs_source[q.obs] == ds->obs_source[pg.obs])
            pr = q;
    }
    have_p = pick2(&pp, &c, ip, rep, c.world, year,
                   have_r ? ds->obs_source[pr.obs] : -1,
                   have_g ? ds->obs_source[pg.obs] : -1) == CASIA_OK;
    return finish(out, &c, "pct_gdp", year, have_r && have_g, &pr, &pg, 100.0,
                  have_p, &pp, 1.0);
}

CASIA_API int casia_remittance_share(casia_result *out,
                                     const casia_dataset *ds,
                                     const char *reporter, const char *partner,
                                     int year, const casia_options *opt)
{
    casia__ix c;
    casia__pick pj, pw, pp;
    int rc, rep, par, ir, ip, have_j = 0, have_w = 0, have_p, k;
    if (!out || year < CASIA__YEAR_MIN || year > CASIA__YEAR_MAX)
        return CASIA_EINVAL;
    if ((rc = casia__ix_pair(&c, &rep, &par, ds, reporter, partner, opt)) != CASIA_OK)
        return rc;
    if (par == c.world || casia__ix_aggregate(par))
        return CASIA_ENOTFOUND;
    ip = casia__dataset_indicator_id(ds, "remittance.share_from_partner_pct");
    /* like by like: personal remittances (balance of payments) over
     * personal remittances, else money transfers over money transfers;
     * never one over the other */
    for (k = 0; k < 2; k++) {
        ir = casia__dataset_indicator_id(ds, k ? "remittance.transfers_usd"
                                               : "remittance.inflow_usd");
        have_j = pick2(&pj, &c, ir, rep, par, year, -1, -1) == CASIA_OK;
        have_w = pick2(&pw, &c, ir, rep, c.world, year,
                       have_j ? ds->obs_source[pj.obs] : -1, -1) == CASIA_OK;
        if (have_j && have_w)
            break;
    }
    have_p = pick2(&pp, &c, ip, rep, par, year,
                   have_j ? ds->obs_source[pj.obs] : -1,
                   have_w ? ds->obs_source[pw.obs] : -1) == CASIA_OK;
    return finish(out, &c, "fraction", year, have_j && have_w, &pj, &pw, 1.0,
                  have_p, &pp, 0.01);
}
