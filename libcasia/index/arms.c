/*
 * arms.c - arms-supplier shares over a window of years, from SIPRI
 * trend-indicator values (indicator arms.import_tiv, reporter = recipient,
 * partner = supplier).
 *
 * SIPRI publishes revised vintages (the 2022 tables and the 2026 trade
 * register in the default dataset): a window is always computed from one
 * source, never from a mixture of vintages (docs/indices.md, "Arms").
 */
#include "indices_internal.h"

#include <stdlib.h>
#include <string.h>

static int arms_row_ok(const casia__ix *c, size_t i)
{
    return casia__ix_row_ok(c, i) &&
           (c->opt.basis == CASIA_BASIS_ANY ||
            (int)c->ds->obs_basis[i] == (int)c->opt.basis);
}

int casia__arms_spans(int **span_lo, int **span_hi, const casia__ix *c,
                      int ind)
{
    const casia_dataset *ds = c->ds;
    size_t n = ds->n_sources ? ds->n_sources : 1, lo, hi, i;
    int *a = calloc(n, sizeof *a), *b = calloc(n, sizeof *b);
    if (!a || !b) {
        free(a);
        free(b);
        return CASIA_ENOMEM;
    }
    if (ind >= 0) {
        lo = casia__lower_bound(ds->obs_key, ds->n_obs, CASIA__KEY(ind, 0, 0, 0));
        hi = casia__lower_bound(ds->obs_key, ds->n_obs,
                                CASIA__KEY((unsigned)ind + 1, 0, 0, 0));
        for (i = lo; i < hi; i++) {
            int s = ds->obs_source[i];
            int y = CASIA__KEY_YEAR(ds->obs_key[i]);
            if (a[s] == 0 || y < a[s])
                a[s] = y;
            if (y > b[s])
                b[s] = y;
        }
    }
    *span_lo = a;
    *span_hi = b;
    return CASIA_OK;
}

int casia__arms_open(casia__arms *a, const casia__ix *c, int ind, int rep,
                     int *span_lo, int *span_hi)
{
    const casia_dataset *ds = c->ds;
    unsigned char *seen;
    size_t i, n_src = ds->n_sources;
    memset(a, 0, sizeof *a);
    a->c = c;
    a->ind = ind;
    a->rep = rep;
    a->span_lo = span_lo;
    a->span_hi = span_hi;
    if (ind >= 0) {
        a->lo = casia__lower_bound(ds->obs_key, ds->n_obs,
                                   CASIA__KEY(ind, rep, 0, 0));
        a->hi = casia__lower_bound(ds->obs_key, ds->n_obs,
                                   CASIA__KEY(ind, (unsigned)rep + 1, 0, 0));
    }
    seen = calloc(n_src ? n_src : 1, 1);
    a->cand = malloc((n_src ? n_src : 1) * sizeof *a->cand);
    if (!seen || !a->cand) {
        free(seen);
        free(a->cand);
        a->cand = NULL;
        return CASIA_ENOMEM;
    }
    for (i = a->lo; i < a->hi; i++)
        if (arms_row_ok(c, i))
            seen[ds->obs_source[i]] = 1;
    for (i = 0; i < n_src; i++)
        if (seen[i])
            a->cand[a->n_cand++] = (int)i;   /* ascending = by id */
    free(seen);
    return CASIA_OK;
}

void casia__arms_close(casia__arms *a)
{
    free(a->cand);
    a->cand = NULL;
    a->n_cand = 0;
}

int casia__arms_known(const casia__arms *a, int supplier)
{
    const casia_dataset *ds = a->c->ds;
    size_t i = casia__lower_bound(ds->obs_key + a->lo, a->hi - a->lo,
                                  CASIA__KEY(a->ind, a->rep, supplier, 0)) +
               a->lo;
    for (; i < a->hi && (int)CASIA__KEY_PAR(ds->obs_key[i]) == supplier; i++)
        if (arms_row_ok(a->c, i))
            return 1;
    return 0;
}

static int cmp_ranked(const void *x, const void *y)
{
    const casia__ranked *a = x, *b = y;
    if (a->value != b->value)
        return a->value > b->value ? -1 : 1;
    return (a->partner > b->partner) - (a->partner < b->partner);
}

/*
 * One source for the window [first, last]: most years covered, then most
 * recent, then the smallest id. Its index (-1 when none covers a year),
 * the years it covers ([*y0, *y1], *cov of them) and how many sources
 * cover some (*covering).
 */
static int window_source(const casia__arms *a, int first, int last, int *cov_out,
                         int *covering, int *y0, int *y1)
{
    int best = -1, best_cov = 0;
    size_t i;
    for (i = 0; i < a->n_cand; i++) {
        int s = a->cand[i];
        int lo = a->span_lo[s] > first ? a->span_lo[s] : first;
        int hi = a->span_hi[s] < last ? a->span_hi[s] : last;
        int cov = hi >= lo ? hi - lo + 1 : 0;
        if (cov > 0)
            (*covering)++;
        if (cov > best_cov ||
            (cov == best_cov && cov > 0 && a->span_hi[s] > a->span_hi[best])) {
            best = s;
            best_cov = cov;
            *y0 = lo;
            *y1 = hi;
        }
    }
    *cov_out = best_cov;
    return best;
}

/* A supplier's entry of the ranking from its run of rows. */
static void ranked_add(casia__ranked *e, const casia_dataset *ds, int partner,
                       const casia__sum *run, long obs)
{
    e->partner = partner;
    e->value = casia__sum_value(run);
    e->basis = ds->obs_basis[obs];
    e->obs = obs;
    e->flags = 0;
}

int casia__arms_window(casia_result *out, const casia__arms *a, int supplier,
                       int first, int last, casia__ranked **ranked,
                       size_t *n_ranked, casia_result *total)
{
    const casia__ix *c = a->c;
    const casia_dataset *ds = c->ds;
    casia__sum psum, wsum, num, run;
    casia__ranked *rk = NULL;
    casia_result r;
    size_t i, m = 0;
    int best, best_cov = 0, covering = 0, y0 = 0, y1 = 0, has_world = 0;
    int run_partner = -1;
    long run_obs = -1;
    double den;

    /* an aggregate supplies nothing; a supplier never listed for the
     * recipient is unknown, not zero */
    if (supplier >= 0 &&
        (casia__ix_aggregate(supplier) || !casia__arms_known(a, supplier)))
        return CASIA_ENOTFOUND;
    if ((best = window_source(a, first, last, &best_cov, &covering, &y0, &y1)) < 0)
        return CASIA_ENOTFOUND;

    casia__res_init(&r, "fraction", first, last);
    casia__sum_init(&psum);
    casia__sum_init(&wsum);
    casia__sum_init(&num);
    casia__sum_init(&run);
    if (ranked) {
        rk = malloc(((a->hi - a->lo) ? a->hi - a->lo : 1) * sizeof *rk);
        if (!rk)
            return CASIA_ENOMEM;
    }
    for (i = a->lo; i <= a->hi; i++) {
        int p = -1, y;
        /* close a supplier's run (rows are sorted by supplier) */
        if (i == a->hi || (p = (int)CASIA__KEY_PAR(ds->obs_key[i])) != run_partner) {
            if (rk && run_partner >= 0 && !casia__sum_is_zero(&run))
                ranked_add(&rk[m++], ds, run_partner, &run, run_obs);
            casia__sum_init(&run);
            run_partner = p;
            run_obs = -1;
        }
        if (i == a->hi)
            break;
        if (ds->obs_source[i] != best || !arms_row_ok(c, i))
            continue;
        if (p == c->world)
            has_world = 1;
        y = CASIA__KEY_YEAR(ds->obs_key[i]);
        if (y < y0 || y > y1)
            continue;
        casia__res_basis(&r, ds->obs_basis[i]);
        if (p == c->world) {
            if (casia__sum_add(&wsum, ds->obs_value[i]))
                goto range;
            continue;
        }
        if (casia__ix_aggregate(p))
            continue;
        if (casia__sum_add(&psum, ds->obs_value[i]) ||
            (p == supplier && casia__sum_add(&num, ds->obs_value[i])) ||
            casia__sum_add(&run, ds->obs_value[i]))
            goto range;
        if (run_obs < 0)
            run_obs = (long)i;
    }
    if (c->opt.total == CASIA_TOTAL_WORLD) {
        if (!has_world) {
            free(rk);
            return CASIA_ENOTFOUND;
        }
        den = casia__sum_value(&wsum);
        r.flags |= CASIA_RESULT_TOTAL_WORLD;
    } else {
        den = casia__sum_value(&psum);
        r.flags |= CASIA_RESULT_TOTAL_PARTNERS;
    }
    if (den <= 0) {
        free(rk);
        return CASIA_EDOMAIN;
    }
    {
        int y;
        for (y = y0; y <= y1; y++)
            casia__res_year(&r, y);
    }
    if (best_cov < last - first + 1)
        r.flags |= CASIA_RESULT_WINDOW_PARTIAL;
    if (covering > 1)
        r.flags |= CASIA_RESULT_SOURCE_CHOSEN;
    casia__res_source(&r, ds, best);
    casia__res_finish(&r);
    if (total) {
        *total = r;
        total->unit = "TIV_million";
        total->value = den;
        total->numerator = 0;
        total->denominator = den;
        total->count = m;
    }
    if (rk) {
        for (i = 0; i < m; i++)
            rk[i].share = rk[i].value / den;
        if (m > 1)
            qsort(rk, m, sizeof *rk, cmp_ranked);
        *ranked = rk;
        *n_ranked = m;
    }
    if (out) {
        r.numerator = casia__sum_value(&num);
        r.denominator = den;
        r.value = r.numerator / den;
        *out = r;
    }
    return CASIA_OK;
range:
    free(rk);
    return CASIA_ERANGE;
}

/* ------------------------------------------------------------------ */
/* Public functions                                                    */

static int arms_setup(casia__ix *c, casia__arms *a, const casia_dataset *ds,
                      const char *recipient, int first, int last,
                      const casia_options *opt)
{
    int rc, rep, ind, *lo = NULL, *hi = NULL;
    if (first > last || last - first > 1000)
        return CASIA_EINVAL;
    if ((rc = casia__ix_init(c, ds, opt)) != CASIA_OK)
        return rc;
    if ((rc = casia__ix_country(&rep, recipient)) != CASIA_OK)
        return rc;
    ind = casia__dataset_indicator_id(ds, "arms.import_tiv");
    if ((rc = casia__arms_spans(&lo, &hi, c, ind)) != CASIA_OK)
        return rc;
    if ((rc = casia__arms_open(a, c, ind, rep, lo, hi)) != CASIA_OK) {
        free(lo);
        free(hi);
    }
    return rc;
}

static void arms_teardown(casia__arms *a)
{
    free(a->span_lo);
    free(a->span_hi);
    casia__arms_close(a);
}

CASIA_API int casia_arms_share(casia_result *out, const casia_dataset *ds,
                               const char *recipient, const char *supplier,
                               int first_year, int last_year,
                               const casia_options *opt)
{
    casia__ix c;
    casia__arms a;
    int rc, sup;
    if (!out || !ds)
        return CASIA_EINVAL;
    if ((rc = casia__ix_country(&sup, supplier)) != CASIA_OK)
        return rc;
    if ((rc = arms_setup(&c, &a, ds, recipient, first_year, last_year, opt)))
        return rc;
    rc = casia__arms_window(out, &a, sup, first_year, last_year, NULL, NULL,
                            NULL);
    arms_teardown(&a);
    return rc;
}

CASIA_API int casia_arms_share_5y(casia_result *out, const casia_dataset *ds,
                                  const char *recipient, const char *supplier,
                                  int last_year, const casia_options *opt)
{
    return casia_arms_share(out, ds, recipient, supplier, last_year - 4,
                            last_year, opt);
}

CASIA_API int casia_arms_suppliers(casia_rank_entry *out, size_t cap,
                                   size_t *count, casia_result *total,
                                   const casia_dataset *ds,
                                   const char *recipient, int first_year,
                                   int last_year, const casia_options *opt)
{
    casia__ix c;
    casia__arms a;
    casia__ranked *rk = NULL;
    casia_result tr;
    size_t n = 0, i;
    int rc;
    if (!count || (cap && !out) || !ds)
        return CASIA_EINVAL;
    if ((rc = arms_setup(&c, &a, ds, recipient, first_year, last_year, opt)))
        return rc;
    rc = casia__arms_window(NULL, &a, -1, first_year, last_year, &rk, &n, &tr);
    if (rc == CASIA_OK) {
        for (i = 0; i < n && i < cap; i++) {
            out[i].partner = casia__country_code(rk[i].partner);
            out[i].value = rk[i].value;
            out[i].share = rk[i].share;
            out[i].basis = (casia_basis)rk[i].basis;
            out[i].source = casia__strtab_get(&ds->strings,
                                              ds->sources[ds->obs_source[rk[i].obs]].id);
            out[i].flags = rk[i].flags;
        }
        *count = n;
        if (total)
            *total = tr;
    }
    free(rk);
    arms_teardown(&a);
    return rc;
}
