/*
 * table_build.c - the table builders: each index family's rows of a bulk
 * table (table.c), found group by group.
 *
 * Observations are read group by group, never pair by pair: the rows of
 * one reporter and indicator are contiguous in the store, and the rows in
 * which a country is the partner (for the mirror) are gathered once by a
 * counting sort. Each group (reporter, year, flow) is handed to the same
 * partner-table code as the per-call functions, so a table row equals the
 * per-call value bit for bit, and the work is linear in the number of
 * observations (plus the small sorts of rows within one group).
 *
 * A builder hands its rows to a casia__sink; which builder makes which
 * index is the registry's business (indices.c).
 */
#include "indices_internal.h"

#include <stdlib.h>
#include <string.h>

#define NYEARS (CASIA__YEAR_MAX - CASIA__YEAR_MIN + 1)

static int add_row(casia__sink *t, int rep, int par, int year, int index,
                   const casia_result *r)
{
    return t->add(t->to, rep, par, year, index, r);
}

/* Maps a status to "skip" (OK for the table) or a real error. */
static int soft(int rc)
{
    return rc == CASIA_ENOMEM || rc == CASIA_EINVAL ? rc : CASIA_OK;
}
/* ------------------------------------------------------------------ */
/* Rows by partner (for the mirror) and by year                        */

/* Rows of indicator m, grouped by partner (stable: within a partner, store
 * order, i.e. by reporter and year). */
typedef struct bypartner {
    size_t *perm;
    size_t *start;   /* casia__country_total + 1 offsets */
} bypartner;

static int bypartner_build(bypartner *b, const casia__ix *c, int m)
{
    const casia_dataset *ds = c->ds;
    size_t nc = casia__country_total, lo = 0, hi = 0, i;
    size_t *pos;
    b->perm = NULL;
    b->start = calloc(nc + 1, sizeof *b->start);
    if (!b->start)
        return CASIA_ENOMEM;
    if (m >= 0 && c->source != -2) {
        lo = casia__lower_bound(ds->obs_key, ds->n_obs, CASIA__KEY(m, 0, 0, 0));
        hi = casia__lower_bound(ds->obs_key, ds->n_obs,
                                CASIA__KEY((unsigned)m + 1, 0, 0, 0));
    }
    for (i = lo; i < hi; i++)
        if (casia__ix_row_ok(c, i))
            b->start[CASIA__KEY_PAR(ds->obs_key[i]) + 1]++;
    for (i = 0; i < nc; i++)
        b->start[i + 1] += b->start[i];
    b->perm = malloc((b->start[nc] ? b->start[nc] : 1) * sizeof *b->perm);
    pos = malloc((nc ? nc : 1) * sizeof *pos);
    if (!b->perm || !pos) {
        free(pos);
        free(b->perm);
        free(b->start);
        b->perm = b->start = NULL;
        return CASIA_ENOMEM;
    }
    memcpy(pos, b->start, nc * sizeof *pos);
    for (i = lo; i < hi; i++)
        if (casia__ix_row_ok(c, i))
            b->perm[pos[CASIA__KEY_PAR(ds->obs_key[i])]++] = i;
    free(pos);
    return CASIA_OK;
}

static void bypartner_free(bypartner *b)
{
    free(b->perm);
    free(b->start);
}

/* A list of rows split by year, stable within a year. */
typedef struct byyear {
    size_t *rows;
    size_t off[NYEARS + 1];
} byyear;

static int byyear_build(byyear *y, const casia_dataset *ds, const size_t *rows,
                        size_t n)
{
    size_t pos[NYEARS], i;
    memset(y->off, 0, sizeof y->off);
    y->rows = malloc((n ? n : 1) * sizeof *y->rows);
    if (!y->rows)
        return CASIA_ENOMEM;
    for (i = 0; i < n; i++)
        y->off[CASIA__KEY_YEAR(ds->obs_key[rows[i]]) - CASIA__YEAR_MIN + 1]++;
    for (i = 0; i < NYEARS; i++)
        y->off[i + 1] += y->off[i];
    memcpy(pos, y->off, sizeof pos);
    for (i = 0; i < n; i++)
        y->rows[pos[CASIA__KEY_YEAR(ds->obs_key[rows[i]]) - CASIA__YEAR_MIN]++] =
            rows[i];
    return CASIA_OK;
}

#define YROWS(y, t) ((y)->rows + (y)->off[(t) - CASIA__YEAR_MIN])
#define YCOUNT(y, t) \
    ((y)->off[(t) - CASIA__YEAR_MIN + 1] - (y)->off[(t) - CASIA__YEAR_MIN])

/* The own rows (ind, rep, *, *) passing the source filter, by year. */
static int own_rows(byyear *y, const casia__ix *c, int ind, int rep)
{
    const casia_dataset *ds = c->ds;
    size_t lo = 0, hi = 0, i, n = 0;
    size_t *tmp;
    int rc;
    if (ind >= 0 && c->source != -2) {
        lo = casia__lower_bound(ds->obs_key, ds->n_obs, CASIA__KEY(ind, rep, 0, 0));
        hi = casia__lower_bound(ds->obs_key, ds->n_obs,
                                CASIA__KEY(ind, (unsigned)rep + 1, 0, 0));
    }
    tmp = malloc(((hi - lo) ? hi - lo : 1) * sizeof *tmp);
    if (!tmp)
        return CASIA_ENOMEM;
    for (i = lo; i < hi; i++)
        if (casia__ix_row_ok(c, i))
            tmp[n++] = i;
    rc = byyear_build(y, ds, tmp, n);
    free(tmp);
    return rc;
}

/* ------------------------------------------------------------------ */
/* Trade and energy                                                    */

static int emit_share_rows(casia__sink *t, const casia__ix *c,
                           const casia__ttable *a, const casia__ttable *b,
                           int rep, int year, int index)
{
    size_t i;
    const casia__ttable *base = a;
    if (a->status != CASIA_OK || (b && b->status != CASIA_OK))
        return CASIA_OK;
    for (i = 0; i < base->n; i++) {
        casia_result r;
        int rc = casia__table_share(&r, c, a, b, base->e[i].partner, year);
        if (rc == CASIA_OK)
            rc = add_row(t, rep, base->e[i].partner, year, index, &r);
        if (soft(rc))
            return rc;
    }
    return CASIA_OK;
}

static int emit_rank_rows(casia__sink *t, const casia__ix *c,
                          const casia__ttable *a, const casia__ttable *b,
                          int rep, int year, int rank_index, int hhi_index)
{
    casia__ranked *r = NULL;
    casia_result total, h;
    size_t n = 0, i;
    int rc = casia__table_rank(&r, &n, &total, c, a, b, year);
    if (rc != CASIA_OK)
        return soft(rc);
    for (i = 0; i < n; i++) {
        /* what casia_index() gives for a rank (rank_of in indices.c) */
        casia_result x;
        casia__res_init(&x, "rank", year, year);
        x.value = (double)(i + 1);
        x.flags = total.flags | r[i].flags;
        casia__res_basis(&x, total.basis);
        casia__res_basis(&x, r[i].basis);
        casia__res_finish(&x);
        if ((rc = add_row(t, rep, r[i].partner, year, rank_index, &x))) {
            free(r);
            return rc;
        }
    }
    rc = casia__hhi_from(&h, r, n, &total);
    free(r);
    if (rc == CASIA_OK)
        rc = add_row(t, rep, c->world, year, hhi_index, &h);
    return soft(rc);
}

/* Partners with own rows in a year (for discrepancies), sorted, unique. */
static size_t own_partners(int *out, const casia_dataset *ds, const size_t *rows,
                           size_t n)
{
    size_t i, m = 0;
    for (i = 0; i < n; i++) {
        int p = (int)CASIA__KEY_PAR(ds->obs_key[rows[i]]);
        if (m == 0 || out[m - 1] != p)
            out[m++] = p;
    }
    return m;
}

static int emit_discrepancies(casia__sink *t, const casia__ix *c, int rep,
                              int year, const byyear *own_im,
                              const byyear *own_ex)
{
    const casia_dataset *ds = c->ds;
    size_t ni = YCOUNT(own_im, year), ne = YCOUNT(own_ex, year), a, b;
    int *pi = malloc((ni ? ni : 1) * sizeof *pi);
    int *pe = malloc((ne ? ne : 1) * sizeof *pe);
    int rc = CASIA_OK;
    casia_result r;
    if (!pi || !pe) {
        free(pi);
        free(pe);
        return CASIA_ENOMEM;
    }
    ni = own_partners(pi, ds, YROWS(own_im, year), ni);
    ne = own_partners(pe, ds, YROWS(own_ex, year), ne);
    for (a = 0; a < ni && rc == CASIA_OK; a++) {
        int x = casia__discrepancy(&r, c, CASIA_FLOW_IMPORT, rep, pi[a], year);
        rc = x == CASIA_OK ? add_row(t, rep, pi[a], year,
                                     CASIA_INDEX_IMPORT_DISCREPANCY, &r)
                           : soft(x);
    }
    for (b = 0; b < ne && rc == CASIA_OK; b++) {
        int x = casia__discrepancy(&r, c, CASIA_FLOW_EXPORT, rep, pe[b], year);
        rc = x == CASIA_OK ? add_row(t, rep, pe[b], year,
                                     CASIA_INDEX_EXPORT_DISCREPANCY, &r)
                           : soft(x);
    }
    for (a = 0, b = 0; a < ni && rc == CASIA_OK; a++) {
        int x;
        while (b < ne && pe[b] < pi[a])
            b++;
        if (b >= ne || pe[b] != pi[a])
            continue;
        x = casia__discrepancy(&r, c, CASIA_FLOW_TURNOVER, rep, pi[a], year);
        rc = x == CASIA_OK ? add_row(t, rep, pi[a], year,
                                     CASIA_INDEX_TURNOVER_DISCREPANCY, &r)
                           : soft(x);
    }
    free(pi);
    free(pe);
    return rc;
}

int casia__build_trade(casia__sink *t, const casia__ix *c,
                       const casia_options *opt)
{
    const casia_dataset *ds = c->ds;
    int im = casia__dataset_indicator_id(ds, "trade.import");
    int ex = casia__dataset_indicator_id(ds, "trade.export");
    int use_mirror = c->mirror != CASIA__MIRROR_NO;
    bypartner bim, bex;   /* rows of trade.import / trade.export by partner */
    size_t rep;
    int rc;
    (void)opt;   /* the context c holds the options */
    if (im < 0 && ex < 0)
        return CASIA_OK;
    if ((rc = bypartner_build(&bim, c, im)) != CASIA_OK)
        return rc;
    if ((rc = bypartner_build(&bex, c, ex)) != CASIA_OK) {
        bypartner_free(&bim);
        return rc;
    }
    for (rep = 0; rep < casia__country_total && rc == CASIA_OK; rep++) {
        byyear own_im, own_ex, tr_im, tr_ex;
        size_t n_tim = use_mirror ? bex.start[rep + 1] - bex.start[rep] : 0;
        size_t n_tex = use_mirror ? bim.start[rep + 1] - bim.start[rep] : 0;
        int year;
        own_im.rows = own_ex.rows = tr_im.rows = tr_ex.rows = NULL;
        if ((rc = own_rows(&own_im, c, im, (int)rep)) ||
            (rc = own_rows(&own_ex, c, ex, (int)rep)) ||
            (rc = byyear_build(&tr_im, ds, bex.perm + bex.start[rep], n_tim)) ||
            (rc = byyear_build(&tr_ex, ds, bim.perm + bim.start[rep], n_tex))) {
            free(own_im.rows);
            free(own_ex.rows);
            free(tr_im.rows);
            free(tr_ex.rows);
            break;
        }
        for (year = CASIA__YEAR_MIN; year <= CASIA__YEAR_MAX && rc == CASIA_OK;
             year++) {
            casia__ttable a, b;
            if (!YCOUNT(&own_im, year) && !YCOUNT(&own_ex, year) &&
                !YCOUNT(&tr_im, year) && !YCOUNT(&tr_ex, year))
                continue;
            /* a = exports, b = imports, as trade_tables() in trade.c */
            if ((rc = casia__ttable_build(&a, c, (int)rep, YROWS(&own_ex, year),
                                          YCOUNT(&own_ex, year),
                                          YROWS(&tr_ex, year),
                                          YCOUNT(&tr_ex, year))))
                break;
            if ((rc = casia__ttable_build(&b, c, (int)rep, YROWS(&own_im, year),
                                          YCOUNT(&own_im, year),
                                          YROWS(&tr_im, year),
                                          YCOUNT(&tr_im, year)))) {
                casia__ttable_free(&a);
                break;
            }
            if (!(rc = emit_share_rows(t, c, &b, NULL, (int)rep, year,
                                       CASIA_INDEX_IMPORT_SHARE)) &&
                !(rc = emit_share_rows(t, c, &a, NULL, (int)rep, year,
                                       CASIA_INDEX_EXPORT_SHARE)) &&
                !(rc = emit_share_rows(t, c, &a, &b, (int)rep, year,
                                       CASIA_INDEX_TURNOVER_SHARE)) &&
                !(rc = emit_rank_rows(t, c, &b, NULL, (int)rep, year,
                                      CASIA_INDEX_IMPORT_RANK,
                                      CASIA_INDEX_IMPORT_HHI)) &&
                !(rc = emit_rank_rows(t, c, &a, NULL, (int)rep, year,
                                      CASIA_INDEX_EXPORT_RANK,
                                      CASIA_INDEX_EXPORT_HHI)) &&
                !(rc = emit_rank_rows(t, c, &a, &b, (int)rep, year,
                                      CASIA_INDEX_TURNOVER_RANK,
                                      CASIA_INDEX_TURNOVER_HHI)))
                rc = emit_discrepancies(t, c, (int)rep, year, &own_im, &own_ex);
            casia__ttable_free(&a);
            casia__ttable_free(&b);
        }
        free(own_im.rows);
        free(own_ex.rows);
        free(tr_im.rows);
        free(tr_ex.rows);
    }
    bypartner_free(&bim);
    bypartner_free(&bex);
    return rc;
}

int casia__build_energy(casia__sink *t, const casia__ix *c,
                        const casia_options *opt)
{
    const casia_dataset *ds = c->ds;
    int gi = casia__dataset_indicator_id(ds, "energy.gas_import_bcm");
    int ge = casia__dataset_indicator_id(ds, "energy.gas_export_bcm");
    bypartner bge;
    size_t rep;
    int rc;
    (void)opt;
    if (gi < 0 && (ge < 0 || c->mirror == CASIA__MIRROR_NO))
        return CASIA_OK;
    if ((rc = bypartner_build(&bge, c, c->mirror == CASIA__MIRROR_NO ? -1 : ge)))
        return rc;
    for (rep = 0; rep < casia__country_total && rc == CASIA_OK; rep++) {
        byyear own, tr;
        int year;
        own.rows = tr.rows = NULL;
        if ((rc = own_rows(&own, c, gi, (int)rep)) ||
            (rc = byyear_build(&tr, ds, bge.perm + bge.start[rep],
                               bge.start[rep + 1] - bge.start[rep]))) {
            free(own.rows);
            free(tr.rows);
            break;
        }
        for (year = CASIA__YEAR_MIN; year <= CASIA__YEAR_MAX && rc == CASIA_OK;
             year++) {
            casia__ttable a;
            if (!YCOUNT(&own, year) && !YCOUNT(&tr, year))
                continue;
            if ((rc = casia__ttable_build(&a, c, (int)rep, YROWS(&own, year),
                                          YCOUNT(&own, year), YROWS(&tr, year),
                                          YCOUNT(&tr, year))))
                break;
            rc = emit_share_rows(t, c, &a, NULL, (int)rep, year,
                                 CASIA_INDEX_ENERGY_SHARE);
            casia__ttable_free(&a);
        }
        free(own.rows);
        free(tr.rows);
    }
    bypartner_free(&bge);
    return rc;
}

static void widen(int *lo, int *hi, int y)
{
    if (y < CASIA__YEAR_MIN || y > CASIA__YEAR_MAX)
        return;
    if (*lo == 0 || y < *lo)
        *lo = y;
    if (y > *hi)
        *hi = y;
}

/*
 * The years of the table's annual rows that are not tied to an
 * observation (arms windows, memberships): from the first to the last
 * year of any observation, UN vote, or membership start or end. Every
 * year in which a table row can stand for a (reporter, partner) is
 * inside, so that the composite of that year finds the arms and
 * institutions rows of the year beside the others. lo = hi = 0 when the
 * dataset has none.
 */
void casia__table_years(const casia_dataset *ds, int *lo, int *hi)
{
    size_t i;
    *lo = *hi = 0;
    for (i = 0; i < ds->n_obs; i++)
        widen(lo, hi, CASIA__KEY_YEAR(ds->obs_key[i]));
    for (i = 0; i < ds->n_votes; i++)
        widen(lo, hi, casia__vote_year(casia__strtab_get(&ds->strings,
                                                  ds->votes[i].date)));
    for (i = 0; i < ds->n_memberships; i++) {
        widen(lo, hi, ds->memberships[i].start_year);
        if (ds->memberships[i].end_year)
            widen(lo, hi, ds->memberships[i].end_year);
    }
}

/* ------------------------------------------------------------------ */
/* Arms                                                                */

int casia__build_arms(casia__sink *t, const casia__ix *c,
                      const casia_options *opt)
{
    const casia_dataset *ds = c->ds;
    int ind = casia__dataset_indicator_id(ds, "arms.import_tiv");
    int *span_lo = NULL, *span_hi = NULL, y_lo = 0, y_hi = 0, rc;
    size_t lo, hi, i;
    (void)opt;
    if (ind < 0)
        return CASIA_OK;
    if ((rc = casia__arms_spans(&span_lo, &span_hi, c, ind)))
        return rc;
    lo = casia__lower_bound(ds->obs_key, ds->n_obs, CASIA__KEY(ind, 0, 0, 0));
    hi = casia__lower_bound(ds->obs_key, ds->n_obs,
                            CASIA__KEY((unsigned)ind + 1, 0, 0, 0));
    /* windows ending in every year of the table (a window may end after
     * the last delivery) */
    casia__table_years(ds, &y_lo, &y_hi);
    i = lo;
    while (i < hi && rc == CASIA_OK) {
        int rep = (int)CASIA__KEY_REP(ds->obs_key[i]);
        casia__arms a;
        int *known = NULL;
        size_t n_known = 0, k;
        int year;
        if ((rc = casia__arms_open(&a, c, ind, rep, span_lo, span_hi)))
            break;
        /* known suppliers: any row for the recipient */
        known = malloc(((a.hi - a.lo) ? a.hi - a.lo : 1) * sizeof *known);
        if (!known) {
            casia__arms_close(&a);
            rc = CASIA_ENOMEM;
            break;
        }
        for (k = a.lo; k < a.hi; k++) {
            int p = (int)CASIA__KEY_PAR(ds->obs_key[k]);
            if ((n_known == 0 || known[n_known - 1] != p) &&
                !casia__ix_aggregate(p) && casia__arms_known(&a, p))
                known[n_known++] = p;
        }
        for (year = y_lo; year <= y_hi && rc == CASIA_OK; year++) {
            casia__ranked *rk = NULL;
            size_t n = 0, j = 0;
            casia_result total;
            int x = casia__arms_window(NULL, &a, -1,
                                       year - c->opt.arms_window + 1, year, &rk,
                                       &n, &total);
            if (x != CASIA_OK) {
                rc = soft(x);
                continue;
            }
            /* the ranking is sorted by value: look suppliers up by code */
            for (k = 0; k < n_known && rc == CASIA_OK; k++) {
                casia_result r = total;
                double v = 0;
                for (j = 0; j < n; j++)
                    if (rk[j].partner == known[k])
                        v = rk[j].value;
                r.unit = "fraction";
                r.count = 0;
                r.numerator = v;
                r.denominator = total.value;
                r.value = v / total.value;
                rc = add_row(t, rep, known[k], year, CASIA_INDEX_ARMS_SHARE, &r);
            }
            free(rk);
        }
        free(known);
        casia__arms_close(&a);
        i = a.hi;
    }
    free(span_lo);
    free(span_hi);
    return rc;
}

/* ------------------------------------------------------------------ */
/* Remittances, institutions, votes                                    */

typedef struct key3 {
    int rep, par, year;
} key3;

static int cmp_key3(const void *x, const void *y)
{
    const key3 *a = x, *b = y;
    if (a->rep != b->rep)
        return a->rep < b->rep ? -1 : 1;
    if (a->par != b->par)
        return a->par < b->par ? -1 : 1;
    return (a->year > b->year) - (a->year < b->year);
}

/* Distinct (rep, par, year) of the rows of the named indicators; with
 * world_only, rows with partner WLD (and par set to WLD); else rows with
 * a non-aggregate partner. */
static int keys_of(key3 **out, size_t *n, const casia__ix *c,
                   const char *const *names, int n_names, int world_only)
{
    const casia_dataset *ds = c->ds;
    key3 *k = NULL;
    size_t m = 0, cap = 0, i, w;
    int f;
    for (f = 0; f < n_names; f++) {
        int ind = casia__dataset_indicator_id(ds, names[f]);
        size_t lo, hi;
        if (ind < 0)
            continue;
        lo = casia__lower_bound(ds->obs_key, ds->n_obs, CASIA__KEY(ind, 0, 0, 0));
        hi = casia__lower_bound(ds->obs_key, ds->n_obs,
                                CASIA__KEY((unsigned)ind + 1, 0, 0, 0));
        for (i = lo; i < hi; i++) {
            int par = (int)CASIA__KEY_PAR(ds->obs_key[i]);
            if (world_only ? par != c->world : casia__ix_aggregate(par))
                continue;
            if (m == cap) {
                size_t nc = cap ? cap * 2 : 64;
                key3 *nk = realloc(k, nc * sizeof *nk);
                if (!nk) {
                    free(k);
                    return CASIA_ENOMEM;
                }
                k = nk;
                cap = nc;
            }
            k[m].rep = (int)CASIA__KEY_REP(ds->obs_key[i]);
            k[m].par = par;
            k[m].year = CASIA__KEY_YEAR(ds->obs_key[i]);
            m++;
        }
    }
    if (m > 1)
        qsort(k, m, sizeof *k, cmp_key3);
    for (i = 0, w = 0; i < m; i++)
        if (w == 0 || cmp_key3(&k[w - 1], &k[i]) != 0)
            k[w++] = k[i];
    *out = k;
    *n = w;
    return CASIA_OK;
}

int casia__build_remittances(casia__sink *t, const casia__ix *c,
                             const casia_options *opt)
{
    static const char *const gdp_names[] = {
        "remittance.inflow_usd", "gdp.current_usd", "remittance.inflow_pct_gdp"
    };
    static const char *const share_names[] = {
        "remittance.inflow_usd", "remittance.share_from_partner_pct",
        "remittance.transfers_usd"
    };
    key3 *k = NULL;
    size_t n = 0, i;
    int rc = keys_of(&k, &n, c, gdp_names, 3, 1);
    for (i = 0; i < n && rc == CASIA_OK; i++) {
        casia_result r;
        int x = casia_remittance_gdp(&r, c->ds, casia__country_code(k[i].rep),
                                     k[i].year, opt);
        rc = x == CASIA_OK ? add_row(t, k[i].rep, c->world, k[i].year,
                                     CASIA_INDEX_REMITTANCE_GDP, &r)
                           : soft(x);
    }
    free(k);
    if (rc != CASIA_OK)
        return rc;
    k = NULL;
    rc = keys_of(&k, &n, c, share_names, 3, 0);
    for (i = 0; i < n && rc == CASIA_OK; i++) {
        casia_result r;
        int x = casia_remittance_share(&r, c->ds, casia__country_code(k[i].rep),
                                       casia__country_code(k[i].par), k[i].year,
                                       opt);
        rc = x == CASIA_OK ? add_row(t, k[i].rep, k[i].par, k[i].year,
                                     CASIA_INDEX_REMITTANCE_SHARE, &r)
                           : soft(x);
    }
    free(k);
    return rc;
}

int casia__build_institutions(casia__sink *t, const casia__ix *c,
                              const casia_options *opt)
{
    const casia_dataset *ds = c->ds;
    int y_lo, y_hi, year, rc = CASIA_OK;
    size_t i, j;
    int *leaders = calloc(casia__country_total, sizeof *leaders);
    if (!leaders)
        return CASIA_ENOMEM;
    for (i = 0; i < ds->n_organisations; i++)
        if (ds->organisations[i].led_by != CASIA__NO_COUNTRY)
            leaders[ds->organisations[i].led_by] = 1;
    casia__table_years(ds, &y_lo, &y_hi);
    for (i = 0; i < ds->n_memberships && rc == CASIA_OK; i++) {
        int country = ds->memberships[i].country;
        if (i > 0 && ds->memberships[i - 1].country == country)
            continue;
        for (j = 0; j < casia__country_total && rc == CASIA_OK; j++) {
            if (!leaders[j])
                continue;
            for (year = y_lo; year <= y_hi && rc == CASIA_OK; year++) {
                casia_result r;
                int x = casia_memberships(&r, ds, casia__country_code(country),
                                          casia__country_code((int)j), year, opt);
                rc = x == CASIA_OK ? add_row(t, country, (int)j, year,
                                             CASIA_INDEX_MEMBERSHIPS, &r)
                                   : soft(x);
                if (rc != CASIA_OK)
                    break;
                x = casia_institutional_share(&r, ds, casia__country_code(country),
                                              casia__country_code((int)j), year,
                                              opt);
                rc = x == CASIA_OK ? add_row(t, country, (int)j, year,
                                             CASIA_INDEX_INSTITUTIONAL_SHARE, &r)
                                   : soft(x);
            }
        }
    }
    free(leaders);
    return rc;
}

/*
 * Agreement of every pair voting in the same year: per year, a matrix of
 * score sums and counts over the countries that voted. The scores (0, 0.5,
 * 1) add exactly, so the mean equals casia_un_agreement()'s.
 */
int casia__build_votes(casia__sink *t, const casia__ix *c,
                       const casia_options *opt)
{
    const casia_dataset *ds = c->ds;
    size_t nc = casia__country_total, i = 0;
    double *sum = NULL;
    unsigned *cnt = NULL;
    int *slot = NULL, *who = NULL, rc = CASIA_OK;
    (void)opt;
    if (ds->n_votes == 0 || c->source == -2)
        return CASIA_OK;
    slot = malloc(nc * sizeof *slot);
    who = malloc(nc * sizeof *who);
    if (!slot || !who) {
        rc = CASIA_ENOMEM;
        goto done;
    }
    /* votes are sorted by date: one year's votes are adjacent */
    while (i < ds->n_votes && rc == CASIA_OK) {
        int year = casia__vote_year(casia__strtab_get(&ds->strings, ds->votes[i].date));
        size_t end = i, k, m = 0, a, b;
        while (end < ds->n_votes &&
               casia__vote_year(casia__strtab_get(&ds->strings, ds->votes[end].date)) == year)
            end++;
        for (k = 0; k < nc; k++)
            slot[k] = -1;
        for (k = i; k < end; k++) {
            int ctry = ds->votes[k].country;
            if (slot[ctry] < 0) {
                slot[ctry] = (int)m;
                who[m++] = ctry;
            }
        }
        free(sum);
        free(cnt);
        sum = calloc(m ? m * m : 1, sizeof *sum);
        cnt = calloc(m ? m * m : 1, sizeof *cnt);
        if (!sum || !cnt) {
            rc = CASIA_ENOMEM;
            goto done;
        }
        /* one resolution (and date) at a time */
        k = i;
        while (k < end) {
            size_t e = k, x, y;
            while (e < end && ds->votes[e].resolution == ds->votes[k].resolution &&
                   ds->votes[e].date == ds->votes[k].date)
                e++;
            for (x = k; x < e; x++) {
                const casia__vote_rec *vx = &ds->votes[x];
                if ((c->source >= 0 && vx->source != c->source) ||
                    vx->vote == CASIA_VOTE_ABSENT)
                    continue;
                for (y = k; y < e; y++) {
                    const casia__vote_rec *vy = &ds->votes[y];
                    double s;
                    size_t cell;
                    if (x == y || vx->country == vy->country ||
                        (c->source >= 0 && vy->source != c->source) ||
                        (s = casia_vote_agreement((casia_vote_choice)vx->vote,
                                                 (casia_vote_choice)vy->vote)) < 0)
                        continue;
                    cell = (size_t)slot[vx->country] * m + (size_t)slot[vy->country];
                    sum[cell] += s;
                    cnt[cell]++;
                }
            }
            k = e;
        }
        for (a = 0; a < m && rc == CASIA_OK; a++) {
            for (b = 0; b < m && rc == CASIA_OK; b++) {
                size_t cell = a * m + b;
                casia_result r;
                if (!cnt[cell])
                    continue;
                casia__res_init(&r, "fraction", year, year);
                r.value = sum[cell] / (double)cnt[cell];
                casia__res_finish(&r);
                rc = add_row(t, who[a], who[b], year, CASIA_INDEX_UN_AGREEMENT, &r);
            }
        }
        i = end;
    }
done:
    free(sum);
    free(cnt);
    free(slot);
    free(who);
    return rc;
}
