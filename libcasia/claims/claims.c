/*
 * claims.c - evaluation of claims (docs/claims.md): each claim under the
 * default rules, each basis and each source, through the public index
 * API only (casia_index, casia_arms_share, casia_top_partners,
 * casia_compare_periods, casia_dataset_query, casia_dataset_events...),
 * so that the evaluator stays independent of the library's internals.
 */
#include "claims_internal.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define LAST_YEAR 2100
#define FIRST_YEAR 1900

CASIA_API const char *casia_claim_type_name(casia_claim_type type)
{
    static const char *const names[] = {NULL, "top", "overtakes", "value",
                                        "ratio", "change", "every", "since",
                                        "member", "count", "vote"};
    return (int)type >= 1 && (int)type <= 10 ? names[type] : NULL;
}

CASIA_API const char *casia_verdict_name(casia_verdict verdict)
{
    static const char *const names[] = {NULL, "supported", "contradicted",
                                        "depends_on_source", "not_testable"};
    return (int)verdict >= 1 && (int)verdict <= 4 ? names[verdict] : NULL;
}

const char *casia__claim_index_unit(casia_index_id index)
{
    switch (index) {
    case CASIA_INDEX_IMPORT_RANK:
    case CASIA_INDEX_EXPORT_RANK:
    case CASIA_INDEX_TURNOVER_RANK:
        return "rank";
    case CASIA_INDEX_REMITTANCE_GDP:
        return "pct_gdp";
    case CASIA_INDEX_MEMBERSHIPS:
    case CASIA_INDEX_EVENTS:
        return "count";
    default:
        return casia_index_name(index) ? "fraction" : NULL;
    }
}

CASIA_API size_t casia_claims_count(const casia_claims *claims)
{
    return claims ? claims->count : 0;
}

CASIA_API int casia_claim_get(casia_claim *out, const casia_claims *claims,
                              size_t index)
{
    if (!out || !claims)
        return CASIA_EINVAL;
    if (index >= claims->count)
        return CASIA_ENOTFOUND;
    *out = claims->items[index].pub;
    return CASIA_OK;
}

CASIA_API int casia_claims_find(size_t *index, const casia_claims *claims,
                                const char *id)
{
    size_t i;
    if (!index || !claims || !id)
        return CASIA_EINVAL;
    for (i = 0; i < claims->count; i++)
        if (strcmp(claims->items[i].pub.id, id) == 0) {
            *index = i;
            return CASIA_OK;
        }
    return CASIA_ENOTFOUND;
}

/* ------------------------------------------------------------------ */
/* One view's outcome                                                   */

typedef struct outcome {
    int status;     /* CASIA_OK: tested */
    int holds;
    double value, other, margin;
    int year;
    casia_basis basis;
    unsigned nsrc;
    const char *src[CASIA_CLAIM_MAX_SOURCES];
    char note[CASIA_CLAIM_TEXT_SIZE];
} outcome;

static void note(outcome *o, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

static void note(outcome *o, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(o->note, sizeof o->note, fmt, ap);
    va_end(ap);
}

static void add_source(outcome *o, const char *s)
{
    unsigned i;
    if (!s)
        return;
    for (i = 0; i < o->nsrc; i++)
        if (strcmp(o->src[i], s) == 0)
            return;
    if (o->nsrc < CASIA_CLAIM_MAX_SOURCES)
        o->src[o->nsrc++] = s;
}

static void add_basis(outcome *o, casia_basis b)
{
    if (o->basis == CASIA_BASIS_ANY)
        o->basis = b;
    else if (o->basis != b)
        o->basis = CASIA_BASIS_MIXED;
}

static void add_result(outcome *o, const casia_result *r)
{
    unsigned i;
    for (i = 0; i < r->source_count; i++)
        add_source(o, r->sources[i]);
    add_basis(o, r->basis);
}

/* Thresholds: whether v holds, and its margin (the nearer bound's). */
static void weigh(outcome *o, const claim_node *n, double v)
{
    double m = HUGE_VAL;
    o->value = v;
    o->other = 0;
    if (n->has_min) {
        m = v - n->min;
        o->other = n->min;
    }
    if (n->has_max && n->max - v < m) {
        m = n->max - v;
        o->other = n->max;
    }
    if (m == HUGE_VAL)
        m = 0;
    o->margin = m;
    o->holds = m >= 0;
}

/* ------------------------------------------------------------------ */
/* The value of a term                                                 */

static const casia_basis basis_order[] = {
    CASIA_BASIS_REPORTER, CASIA_BASIS_NATIONAL_STATS, CASIA_BASIS_OTHER,
    CASIA_BASIS_PARTNER_MIRROR};

/* An indicator's value: the observation of the view's basis (any: the
 * first basis of basis_order that has one) and source; among several
 * sources, the first in the dataset's order (the smallest source id). */
static int indicator_value(double *v, outcome *o, const casia_dataset *ds,
                           const claim_term *t, int year,
                           const casia_options *opt)
{
    size_t b;
    for (b = 0; b < sizeof basis_order / sizeof basis_order[0]; b++) {
        casia_query q = CASIA_QUERY_INIT;
        casia_cursor *cur = NULL;
        casia_observation ob;
        int rc;
        if (opt->basis != CASIA_BASIS_ANY && opt->basis != basis_order[b])
            continue;
        q.indicator = t->m.name;
        q.reporter = t->country;
        q.partner = t->partner ? t->partner : "WLD";
        q.year_from = q.year_to = year;
        q.basis = basis_order[b];
        q.source = opt->source;
        rc = casia_dataset_query(&cur, ds, &q);
        if (rc)
            return rc;
        rc = casia_cursor_next(cur, &ob);
        casia_cursor_free(cur);
        if (rc == CASIA_OK) {
            *v = ob.value;
            add_source(o, ob.source);
            add_basis(o, ob.basis);
            return CASIA_OK;
        }
    }
    return CASIA_ENOTFOUND;
}

/* The term over [y0, y1]: an index in one year, over a window (arms) or
 * as a period mean; an indicator in one year. */
static int term_value(double *v, outcome *o, const casia_dataset *ds,
                      const claim_term *t, int y0, int y1,
                      const casia_options *opt)
{
    casia_result r;
    int rc;
    if (!t->m.is_index) {
        if (y0 != y1)
            return CASIA_EINVAL;
        return indicator_value(v, o, ds, t, y1, opt);
    }
    if (t->m.index == CASIA_INDEX_ARMS_SHARE && y0 != y1)
        rc = casia_arms_share(&r, ds, t->country, t->partner, y0, y1, opt);
    else if (y0 != y1)
        rc = casia_period_mean(&r, ds, t->m.index, t->country, t->partner, y0,
                               y1, opt);
    else
        rc = casia_index(&r, ds, t->m.index, t->country, t->partner, y1, opt);
    if (rc)
        return rc;
    *v = r.value;
    add_result(o, &r);
    return CASIA_OK;
}

static const char *who(const claim_term *t)
{
    return t->partner ? t->partner : "-";
}

/* ------------------------------------------------------------------ */
/* The claim types                                                     */

static casia_flow share_flow(casia_index_id i)
{
    return i == CASIA_INDEX_IMPORT_SHARE ? CASIA_FLOW_IMPORT
         : i == CASIA_INDEX_EXPORT_SHARE ? CASIA_FLOW_EXPORT
                                         : CASIA_FLOW_TURNOVER;
}

static void eval_top_all(outcome *o, const claim_node *n,
                         const casia_dataset *ds, int y0, int y1,
                         const casia_options *opt)
{
    casia_rank_entry e[64];
    casia_result total;
    size_t count = 0, i, k;
    int rc;
    if (n->a.m.index == CASIA_INDEX_ARMS_SHARE) {
        int w = opt->arms_window > 0 ? opt->arms_window : 5;
        rc = casia_arms_suppliers(e, 64, &count, &total, ds, n->a.country,
                                  y0 != y1 ? y0 : y1 - w + 1, y1, opt);
    } else
        rc = casia_top_partners(e, 64, &count, &total, ds, n->a.country, y1,
                                share_flow(n->a.m.index), opt);
    if (rc || count == 0) {
        o->status = rc ? rc : CASIA_ENOTFOUND;
        note(o, "no ranking of %s's partners by %s in %d", n->a.country,
             n->a.m.name, y1);
        return;
    }
    add_result(o, &total);
    if (count > 64)
        count = 64;
    for (i = 0; i < count; i++)
        add_source(o, e[i].source);
    for (k = 0; k < count && strcmp(e[k].partner, n->expect) != 0; k++)
        ;
    o->year = y1;
    o->holds = strcmp(e[0].partner, n->expect) == 0;
    o->value = k < count ? e[k].share : 0;
    o->other = o->holds ? (count > 1 ? e[1].share : 0) : e[0].share;
    o->margin = o->value - o->other;
    note(o, "first: %s (%.4g), %s", e[0].partner, e[0].share,
         o->holds ? (count > 1 ? e[1].partner : "no other") : n->expect);
}

/* Among a set: the partners without a value are left out (and named in
 * the note); the claimed one and one rival at least must have one. */
static void eval_top(outcome *o, const claim_node *n, const casia_dataset *ds,
                     int y0, int y1, const casia_options *opt)
{
    double best = 0, mine = 0;
    const char *rival = NULL;
    char skipped[64] = "";
    int have_mine = 0;
    size_t i;
    if (!n->n_set) {
        eval_top_all(o, n, ds, y0, y1, opt);
        return;
    }
    for (i = 0; i < n->n_set; i++) {
        claim_term t = n->a;
        double v;
        t.partner = n->set[i];
        if (term_value(&v, o, ds, &t, y0, y1, opt)) {
            size_t l = strlen(skipped);
            snprintf(skipped + l, sizeof skipped - l, " %s", n->set[i]);
            continue;
        }
        if (strcmp(n->set[i], n->expect) == 0) {
            mine = v;
            have_mine = 1;
        } else if (!rival || v > best) {
            best = v;
            rival = n->set[i];
        }
    }
    if (!have_mine || !rival) {
        o->status = CASIA_ENOTFOUND;
        note(o, "no %s of %s for%s in %d", n->a.m.name, n->a.country,
             skipped, y1);
        return;
    }
    o->year = y1;
    o->value = mine;
    o->other = best;
    o->margin = mine - best;
    o->holds = mine > best;
    note(o, "%s %.4g against %s %.4g%s%s", n->expect, mine, rival, best,
         skipped[0] ? "; no value for" : "", skipped);
}

static void eval_overtakes(outcome *o, const claim_node *n,
                           const casia_dataset *ds, const casia_options *opt)
{
    int y, from = n->year_from ? n->year_from : 1990;
    int to = n->year_to ? n->year_to : LAST_YEAR, found = 0, years = 0, last = 0;
    for (y = from; y <= to; y++) {
        claim_term ta = n->a, tb = n->a;
        double a, b;
        outcome tmp = *o;
        ta.partner = n->expect;
        tb.partner = n->other;
        if (term_value(&a, &tmp, ds, &ta, y, y, opt) ||
            term_value(&b, &tmp, ds, &tb, y, y, opt))
            continue;
        *o = tmp;
        years++;
        last = y;
        if (a > b) {
            if (!found)
                found = y;
        } else
            found = 0;
    }
    if (!years) {
        o->status = CASIA_ENOTFOUND;
        note(o, "no year with %s of %s for both %s and %s", n->a.m.name,
             n->a.country, n->expect, n->other);
        return;
    }
    o->holds = found && found <= n->by;
    o->value = found;
    o->other = n->by;
    o->year = found ? found : last;
    o->margin = found ? n->by - found : -(double)(last + 1 - n->by);
    if (found)
        note(o, "%s above %s from %d on (%d years with data)", n->expect,
             n->other, found, years);
    else
        note(o, "%s not above %s in %d (%d years with data)", n->expect,
             n->other, last, years);
}

static void eval_member(outcome *o, const claim_node *n,
                        const casia_dataset *ds, int year)
{
    size_t i, count = casia_dataset_membership_count(ds);
    int known = 0, member = 0;
    casia_organisation org;
    if (casia_dataset_find_organisation(&org, ds, n->org) == CASIA_OK) {
        known = 1;
        add_source(o, org.source);
    }
    for (i = 0; i < count; i++) {
        casia_membership m;
        if (casia_dataset_membership(&m, ds, i) || strcmp(m.organisation, n->org))
            continue;
        known = 1;
        if (strcmp(m.country, n->a.country) == 0 && m.start_year <= year &&
            (m.end_year == 0 || year <= m.end_year)) {
            member = 1;
            add_source(o, m.source);
        }
    }
    if (!known) {
        o->status = CASIA_ENOTFOUND;
        note(o, "no organisation %s in the dataset", n->org);
        return;
    }
    o->year = year;
    o->value = member;
    o->other = n->expect_member;
    o->holds = member == n->expect_member;
    o->margin = o->holds ? 0 : -1;
    note(o, "%s %s a member of %s in %d", n->a.country, member ? "is" : "is not",
         n->org, year);
}

static void eval_count(outcome *o, const claim_node *n, const casia_dataset *ds,
                       int y0, int y1)
{
    casia_event ev[256];
    size_t count = 0, i;
    int rc = casia_dataset_events(ev, 256, &count, ds, n->a.country,
                                  n->a.partner, n->types, y0, y1);
    if (rc) {
        o->status = rc;
        note(o, "no events of %s with %s", n->a.country,
             n->a.partner ? n->a.partner : "-");
        return;
    }
    for (i = 0; i < count && i < 256; i++)
        add_source(o, ev[i].source);
    o->year = y1;
    weigh(o, n, (double)count);
    note(o, "%lu events %d-%d", (unsigned long)count, y0, y1);
}

/* The country's votes on the resolutions claimed: how many are the vote
 * claimed, of how many with a vote recorded. */
static void eval_vote(outcome *o, const claim_node *n, const casia_dataset *ds)
{
    size_t i, k, nv = casia_dataset_vote_count(ds);
    int recorded = 0, same = 0;
    char miss[CASIA_CLAIM_TEXT_SIZE] = "";
    for (k = 0; k < n->n_resolutions; k++) {
        for (i = 0; i < nv; i++) {
            casia_vote v;
            if (casia_dataset_vote(&v, ds, i) ||
                strcmp(v.resolution, n->resolutions[k]) ||
                strcmp(v.country, n->a.country))
                continue;
            recorded++;
            add_source(o, v.source);
            if (v.vote == n->vote)
                same++;
            else if (strlen(miss) + 40 < sizeof miss)
                snprintf(miss + strlen(miss), sizeof miss - strlen(miss),
                         " %s: %s", v.resolution, casia_vote_choice_name(v.vote));
            if (!o->year || atoi(v.date) > o->year)
                o->year = atoi(v.date);
            break;
        }
    }
    if (!recorded) {
        o->status = CASIA_ENOTFOUND;
        note(o, "no vote of %s on %s in the dataset", n->a.country,
             n->resolutions[0]);
        return;
    }
    o->value = same;
    o->other = recorded;
    o->margin = same - recorded;
    o->holds = same == recorded;
    note(o, "%d of %d votes %s (of %lu claimed)%s%s", same, recorded,
         casia_vote_choice_name(n->vote), (unsigned long)n->n_resolutions,
         miss[0] ? "; other:" : "", miss);
}

static void eval_node(outcome *o, const claim_node *n, const casia_dataset *ds,
                      int y0, int y1, const casia_options *opt);

static void eval_every(outcome *o, const claim_node *n, const casia_dataset *ds,
                       const casia_options *opt)
{
    int y, to = n->year_to ? n->year_to : LAST_YEAR, tested = 0, missing = 0;
    int last = 0, worst_year = 0, fails = 0;
    unsigned i;
    double worst = HUGE_VAL, worst_value = 0, worst_other = 0;
    for (y = n->year_from; y <= to; y++) {
        outcome in;
        memset(&in, 0, sizeof in);
        eval_node(&in, n->sub, ds, y, y, opt);
        if (in.status) {
            missing++;
            continue;
        }
        tested++;
        last = y;
        for (i = 0; i < in.nsrc; i++)
            add_source(o, in.src[i]);
        add_basis(o, in.basis);
        if (!in.holds)
            fails++;
        if (in.margin < worst) {
            worst = in.margin;
            worst_year = y;
            worst_value = in.value;
            worst_other = in.other;
        }
    }
    if (!tested) {
        o->status = CASIA_ENOTFOUND;
        note(o, "no year from %d has %s of %s", n->year_from,
             n->a.m.name ? n->a.m.name : "data", n->a.country);
        return;
    }
    if (!n->year_to)
        missing -= to - last;   /* years after the last with data */
    o->holds = fails == 0;
    o->value = worst_value;
    o->other = worst_other;
    o->margin = worst;
    o->year = worst_year;
    note(o, "%d of %d years hold (%d-%d), worst %d; %d without data", tested - fails,
         tested, n->year_from, n->year_to ? n->year_to : last, worst_year,
         missing);
}

static void eval_node(outcome *o, const claim_node *n, const casia_dataset *ds,
                      int y0, int y1, const casia_options *opt)
{
    double a, b;
    int rc;
    switch (n->type) {
    case CASIA_CLAIM_TOP:
        eval_top(o, n, ds, y0, y1, opt);
        return;
    case CASIA_CLAIM_OVERTAKES:
        eval_overtakes(o, n, ds, opt);
        return;
    case CASIA_CLAIM_VALUE:
        rc = term_value(&a, o, ds, &n->a, y0, y1, opt);
        if (rc) {
            o->status = rc;
            note(o, "no %s of %s for %s in %d%s", n->a.m.name, n->a.country,
                 who(&n->a), y0, y0 != y1 ? "-" : "");
            return;
        }
        o->year = y1;
        weigh(o, n, a);
        return;
    case CASIA_CLAIM_RATIO:
        if ((rc = term_value(&a, o, ds, &n->a, n->a.year ? n->a.year : y0,
                             n->a.year ? n->a.year : y1, opt)) ||
            (rc = term_value(&b, o, ds, &n->b, n->b.year ? n->b.year : y0,
                             n->b.year ? n->b.year : y1, opt))) {
            o->status = rc;
            note(o, "no %s of %s for %s in %d, or no %s of %s for %s in %d",
                 n->a.m.name, n->a.country, who(&n->a),
                 n->a.year ? n->a.year : y1, n->b.m.name, n->b.country,
                 who(&n->b), n->b.year ? n->b.year : y1);
            return;
        }
        if (b == 0) {
            o->status = CASIA_EDOMAIN;
            note(o, "the denominator is 0");
            return;
        }
        o->year = n->a.year ? n->a.year : y1;
        weigh(o, n, a / b);
        note(o, "%.6g / %.6g", a, b);
        return;
    case CASIA_CLAIM_CHANGE: {
        casia_period_comparison cmp;
        casia_options po = *opt;
        po.period1_from = n->period[0][0];
        po.period1_to = n->period[0][1];
        po.period2_from = n->period[1][0];
        po.period2_to = n->period[1][1];
        rc = casia_compare_periods(&cmp, ds, n->a.m.index, n->a.country,
                                   n->a.partner ? n->a.partner : "WLD", NULL,
                                   &po);
        if (rc || !(cmp.valid & CASIA_CMP_CHANGE_A)) {
            o->status = rc ? rc : CASIA_ENOTFOUND;
            note(o, "no %s of %s for %s in both periods", n->a.m.name,
                 n->a.country, who(&n->a));
            return;
        }
        add_result(o, &cmp.mean[0][0]);
        add_result(o, &cmp.mean[0][1]);
        o->year = n->period[1][1];
        if (n->has_min || n->has_max)
            weigh(o, n, cmp.change[0]);
        if (n->sign) {
            double m = n->sign * cmp.change[0];
            if (!(n->has_min || n->has_max) || m < o->margin) {
                o->value = cmp.change[0];
                o->other = 0;
                o->margin = m;
            }
            o->holds = (!(n->has_min || n->has_max) || o->holds) && m > 0;
        }
        note(o, "mean %.4g in %d-%d, %.4g in %d-%d", cmp.mean[0][0].value,
             n->period[0][0], n->period[0][1], cmp.mean[0][1].value,
             n->period[1][0], n->period[1][1]);
        return;
    }
    case CASIA_CLAIM_EVERY:
    case CASIA_CLAIM_SINCE:
        eval_every(o, n, ds, opt);
        return;
    case CASIA_CLAIM_MEMBER:
        eval_member(o, n, ds, y1);
        return;
    case CASIA_CLAIM_COUNT:
        eval_count(o, n, ds, y0, y1);
        return;
    case CASIA_CLAIM_VOTE:
        eval_vote(o, n, ds);
        return;
    }
}

/* ------------------------------------------------------------------ */
/* Views                                                               */

/* Whether an indicator feeds the measure. */
static int feeds(const claim_measure *m, const char *indicator)
{
    const char *p1 = NULL, *p2 = NULL;
    if (!m->is_index)
        return strcmp(m->name, indicator) == 0;
    switch (m->index) {
    case CASIA_INDEX_ARMS_SHARE:
        p1 = "arms.";
        break;
    case CASIA_INDEX_REMITTANCE_GDP:
        p1 = "remittance.";
        p2 = "gdp.";
        break;
    case CASIA_INDEX_REMITTANCE_SHARE:
        p1 = "remittance.";
        break;
    case CASIA_INDEX_ENERGY_SHARE:
        p1 = "energy.";
        break;
    case CASIA_INDEX_MEMBERSHIPS:
    case CASIA_INDEX_INSTITUTIONAL_SHARE:
    case CASIA_INDEX_UN_AGREEMENT:
    case CASIA_INDEX_COMPOSITE:
    case CASIA_INDEX_EVENTS:
        return 0;
    default:
        p1 = "trade.";
        break;
    }
    return strncmp(indicator, p1, strlen(p1)) == 0 ||
           (p2 && strncmp(indicator, p2, strlen(p2)) == 0);
}

/* Whether the claim's figures can come from several bases and sources. */
static int has_views(const claim_node *n)
{
    if (n->type == CASIA_CLAIM_EVERY || n->type == CASIA_CLAIM_SINCE)
        return has_views(n->sub);
    if (n->type == CASIA_CLAIM_MEMBER || n->type == CASIA_CLAIM_COUNT ||
        n->type == CASIA_CLAIM_VOTE)
        return 0;
    return n->a.m.is_index ? feeds(&n->a.m, "trade.") || feeds(&n->a.m, "arms.") ||
                             feeds(&n->a.m, "remittance.") ||
                             feeds(&n->a.m, "energy.")
                           : 1;
}

/* Adds to srcs the sources of observations of the country (as reporter or
 * partner) of an indicator that feeds the term, in years [lo, hi]. */
static void gather(const char **srcs, size_t *n, size_t cap, size_t *extra,
                   const casia_dataset *ds, const claim_term *t, int lo, int hi)
{
    int side;
    for (side = 0; side < 2; side++) {
        casia_query q = CASIA_QUERY_INIT;
        casia_cursor *cur = NULL;
        casia_observation ob;
        if (side == 0)
            q.reporter = t->country;
        else
            q.partner = t->country;
        q.year_from = lo;
        q.year_to = hi;
        if (casia_dataset_query(&cur, ds, &q))
            continue;
        while (casia_cursor_next(cur, &ob) == CASIA_OK) {
            size_t i;
            if (!feeds(&t->m, ob.indicator))
                continue;
            /* the other side of the pair must be the term's partner, the
             * world or (for the totals over partners) anyone */
            for (i = 0; i < *n && strcmp(srcs[i], ob.source) != 0; i++)
                ;
            if (i < *n)
                continue;
            if (*n < cap)
                srcs[(*n)++] = ob.source;
            else
                (*extra)++;
        }
        casia_cursor_free(cur);
    }
}

static const claim_node *leaf(const claim_node *n)
{
    while (n->type == CASIA_CLAIM_EVERY || n->type == CASIA_CLAIM_SINCE)
        n = n->sub;
    return n;
}

static void years_of(const claim_node *n, int *lo, int *hi, int window)
{
    const claim_node *l = leaf(n);
    *lo = n->year_from ? n->year_from : FIRST_YEAR;
    *hi = n->year_to ? n->year_to : LAST_YEAR;
    if (n->type == CASIA_CLAIM_OVERTAKES) {
        *lo = FIRST_YEAR;
        *hi = LAST_YEAR;
    }
    if (n->type == CASIA_CLAIM_CHANGE) {
        *lo = n->period[0][0];
        *hi = n->period[1][1];
    }
    if (n->type == CASIA_CLAIM_RATIO && n->a.year && n->b.year) {
        *lo = n->a.year < n->b.year ? n->a.year : n->b.year;
        *hi = n->a.year < n->b.year ? n->b.year : n->a.year;
    }
    if (l->a.m.is_index && l->a.m.index == CASIA_INDEX_ARMS_SHARE &&
        *lo > FIRST_YEAR)
        *lo -= window - 1;
}

static void fill_view(casia_claim_view *v, const outcome *o, casia_basis basis,
                      const char *source)
{
    unsigned i;
    memset(v, 0, sizeof *v);
    v->basis = basis;
    v->source = source;
    v->status = o->status;
    v->holds = o->status ? -1 : o->holds;
    v->value = o->value;
    v->other = o->other;
    v->margin = o->margin;
    v->year = o->year;
    v->result_basis = o->basis;
    v->source_count = o->nsrc;
    for (i = 0; i < o->nsrc; i++)
        v->sources[i] = o->src[i];
    snprintf(v->note, sizeof v->note, "%s", o->note);
}

static void run_view(casia_claim_result *out, const claim_node *n,
                     const casia_dataset *ds, const casia_options *base,
                     casia_basis basis, const char *source)
{
    casia_options opt = *base;
    outcome o;
    if (out->view_count >= CASIA_CLAIM_MAX_VIEWS) {
        out->views_truncated++;
        return;
    }
    opt.basis = basis;
    opt.source = source;
    memset(&o, 0, sizeof o);
    eval_node(&o, n, ds, n->year_from, n->year_to, &opt);
    fill_view(&out->views[out->view_count++], &o, basis, source);
}

CASIA_API int casia_claim_evaluate(casia_claim_result *out,
                                   const casia_claims *claims, size_t index,
                                   const casia_dataset *ds,
                                   const casia_options *opt)
{
    static const casia_basis bases[] = {
        CASIA_BASIS_REPORTER, CASIA_BASIS_NATIONAL_STATS, CASIA_BASIS_OTHER,
        CASIA_BASIS_PARTNER_MIRROR};
    casia_options defaults = CASIA_OPTIONS_INIT;
    const claim_node *n;
    unsigned i, yes = 0, no = 0;
    if (!out || !claims || !ds)
        return CASIA_EINVAL;
    if (index >= claims->count)
        return CASIA_ENOTFOUND;
    if (!opt)
        opt = &defaults;
    n = claims->items[index].node;
    memset(out, 0, sizeof *out);
    out->unit = n->type == CASIA_CLAIM_RATIO ? "ratio"
              : n->type == CASIA_CLAIM_OVERTAKES ? "year"
              : n->type == CASIA_CLAIM_MEMBER ? "bool"
              : n->type == CASIA_CLAIM_VOTE ? "count"
              : leaf(n)->a.m.unit;
    run_view(out, n, ds, opt, CASIA_BASIS_ANY, NULL);
    if (has_views(n)) {
        const char *srcs[64];
        size_t ns = 0, extra = 0, k;
        int lo, hi, w = opt->arms_window > 0 ? opt->arms_window : 5;
        for (i = 0; i < sizeof bases / sizeof bases[0]; i++)
            run_view(out, n, ds, opt, bases[i], NULL);
        years_of(n, &lo, &hi, w);
        gather(srcs, &ns, 64, &extra, ds, &leaf(n)->a, lo, hi);
        if (n->type == CASIA_CLAIM_RATIO)
            gather(srcs, &ns, 64, &extra, ds, &n->b, lo, hi);
        for (k = 0; k < ns; k++)
            run_view(out, n, ds, opt, CASIA_BASIS_ANY, srcs[k]);
        out->views_truncated += (unsigned)extra;
    }
    out->decisive = -1;
    for (i = 0; i < out->view_count; i++) {
        if (out->views[i].holds < 0)
            continue;
        if (out->decisive < 0)
            out->decisive = (int)i;
        if (out->views[i].holds)
            yes++;
        else
            no++;
    }
    if (yes && no)
        out->verdict = CASIA_VERDICT_DEPENDS_ON_SOURCE;
    else if (yes)
        out->verdict = CASIA_VERDICT_SUPPORTED;
    else if (no)
        out->verdict = CASIA_VERDICT_CONTRADICTED;
    else {
        out->verdict = CASIA_VERDICT_NOT_TESTABLE;
        snprintf(out->missing, sizeof out->missing, "%s", out->views[0].note);
    }
    return CASIA_OK;
}
