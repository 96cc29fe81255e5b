/*
 * table.c - bulk tables: every annual index for every reporter, partner
 * and year of a dataset in one call.
 *
 * The rows come from the builders the registry of indices names
 * (indices.c, builders in table_build.c); this file holds them, adds the
 * composite of every key from the dimensions' rows, sorts them and writes
 * them out.
 */
#include "indices_internal.h"
#include "number.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct trow {
    uint16_t rep, par;
    int16_t year;
    uint8_t index;
    uint8_t basis;
    unsigned flags;
    double value;
    const char *unit;
} trow;

struct casia_table {
    const casia_dataset *ds;
    trow *rows;
    size_t n, cap;
};

/* the casia__sink of the builders */
static int add_row(void *to, int rep, int par, int year, int index,
                   const casia_result *r)
{
    casia_table *t = to;
    trow *w;
    if (t->n == t->cap) {
        size_t nc = t->cap ? t->cap * 2 : 1024;
        trow *nr = realloc(t->rows, nc * sizeof *nr);
        if (!nr)
            return CASIA_ENOMEM;
        t->rows = nr;
        t->cap = nc;
    }
    w = &t->rows[t->n++];
    w->rep = (uint16_t)rep;
    w->par = (uint16_t)par;
    w->year = (int16_t)year;
    w->index = (uint8_t)index;
    w->basis = (uint8_t)r->basis;
    w->flags = r->flags;
    w->value = r->value;
    w->unit = r->unit;
    return CASIA_OK;
}

/* ------------------------------------------------------------------ */
/* Composite rows, sorting, the public functions                       */

static int cmp_row(const void *x, const void *y)
{
    const trow *a = x, *b = y;
    if (a->rep != b->rep)
        return a->rep < b->rep ? -1 : 1;
    if (a->par != b->par)
        return a->par < b->par ? -1 : 1;
    if (a->year != b->year)
        return a->year < b->year ? -1 : 1;
    return (a->index > b->index) - (a->index < b->index);
}

static int dim_of(int index)
{
    const casia__index_def *d = casia__index_def_get((casia_index_id)index);
    return d ? d->dim : -1;
}

/*
 * The composite of every (reporter, partner, year) with a dimension row,
 * from those rows, by casia__composite_build() as casia_composite(). The
 * rows are what the dimensions' functions return, and the table holds
 * every dimension casia_composite() can find for such a key: trade,
 * energy, remittances and votes are tried for every group they have
 * figures in, arms and institutions for every year of table_years(),
 * which contains the year of every other row. A reporter is not its own
 * partner (casia_composite() refuses it).
 */
static int add_composites(casia_table *t, const casia__ix *c)
{
    trow *out;
    size_t i = 0, m = 0, n = t->n;
    out = malloc((n ? 2 * n : 1) * sizeof *out);
    if (!out)
        return CASIA_ENOMEM;
    if (n > 1)
        qsort(t->rows, n, sizeof *t->rows, cmp_row);
    while (i < n) {
        size_t j = i;
        casia_result res[CASIA_DIM_COUNT], r;
        int status[CASIA_DIM_COUNT], d, year = t->rows[i].year;
        for (d = 0; d < CASIA_DIM_COUNT; d++)
            status[d] = CASIA_ENOTFOUND;
        while (j < n && t->rows[j].rep == t->rows[i].rep &&
               t->rows[j].par == t->rows[i].par &&
               t->rows[j].year == year) {
            const trow *w = &t->rows[j];
            d = dim_of(w->index);
            if (d >= 0) {
                /* the row's part of its casia_result (tables keep no
                 * sources) */
                casia__res_init(&res[d], w->unit, year, year);
                res[d].value = w->value;
                res[d].basis = (casia_basis)w->basis;
                res[d].flags = w->flags;
                status[d] = CASIA_OK;
            }
            out[m++] = *w;
            j++;
        }
        if (t->rows[i].rep != t->rows[i].par &&
            casia__composite_build(&r, NULL, status, res, c->opt.weights,
                                   year) == CASIA_OK) {
            out[m] = t->rows[i];
            out[m].index = CASIA_INDEX_COMPOSITE;
            out[m].value = r.value;
            out[m].basis = (uint8_t)r.basis;
            out[m].flags = r.flags;
            out[m].unit = r.unit;
            m++;
        }
        i = j;
    }
    free(t->rows);
    t->rows = out;
    t->n = m;
    t->cap = n ? 2 * n : 1;
    return CASIA_OK;
}

/* ------------------------------------------------------------------ */
/* Published aggregates                                                */

/*
 * The rows that only the published aggregates answer (published.c): a
 * share from a published turnover or share, the turnover gap of two
 * published turnovers, a share of pipeline gas. Every (reporter, partner,
 * year) that such an observation names, directly or as the partner's own
 * figure, and that has no row of that index yet, is computed by the
 * per-call function itself, so the row equals it bit for bit.
 */
static int do_published(casia_table *t, const casia__ix *c)
{
    static const struct {
        const char *indicator;
        int index;
        int transposed_too;   /* the partner's own rows name the pair too */
    } kinds[] = {
        {"trade.turnover", CASIA_INDEX_TURNOVER_SHARE, 1},
        {"trade.turnover", CASIA_INDEX_TURNOVER_DISCREPANCY, 1},
        {"trade.turnover_share_pct", CASIA_INDEX_TURNOVER_SHARE, 0},
        {"trade.import_share_pct", CASIA_INDEX_IMPORT_SHARE, 0},
        {"trade.export_share_pct", CASIA_INDEX_EXPORT_SHARE, 0},
        {"energy.pipeline_gas_import_bcm", CASIA_INDEX_ENERGY_SHARE, 0},
        {"energy.pipeline_gas_import_usd", CASIA_INDEX_ENERGY_SHARE, 0},
        {"energy.pipeline_gas_import_share_pct", CASIA_INDEX_ENERGY_SHARE, 0},
        {"energy.gas_export_bcm", CASIA_INDEX_ENERGY_SHARE, -1},
        {"energy.gas_export_usd", CASIA_INDEX_ENERGY_SHARE, -1},
    };
    const casia_dataset *ds = c->ds;
    trow *have = NULL, *want = NULL;   /* keys only: rep, par, year, index */
    size_t nh = t->n, nw = 0, cw = 0, i, k;
    int rc = CASIA_OK;

    have = malloc((nh ? nh : 1) * sizeof *have);
    if (!have)
        return CASIA_ENOMEM;
    if (nh)
        memcpy(have, t->rows, nh * sizeof *have);
    if (nh > 1)
        qsort(have, nh, sizeof *have, cmp_row);
    for (k = 0; k < sizeof kinds / sizeof kinds[0] && rc == CASIA_OK; k++) {
        int ind = casia__dataset_indicator_id(ds, kinds[k].indicator);
        size_t lo, hi;
        if (ind < 0 || c->source == -2)
            continue;
        lo = casia__lower_bound(ds->obs_key, ds->n_obs, CASIA__KEY(ind, 0, 0, 0));
        hi = casia__lower_bound(ds->obs_key, ds->n_obs,
                                CASIA__KEY((unsigned)ind + 1, 0, 0, 0));
        for (i = lo; i < hi; i++) {
            uint64_t key = ds->obs_key[i];
            int rep = (int)CASIA__KEY_REP(key), par = (int)CASIA__KEY_PAR(key), side;
            if (!casia__ix_row_ok(c, i))
                continue;
            for (side = 0; side < 2; side++) {
                int a = side ? par : rep, b = side ? rep : par;
                trow pk;
                if ((side == 0 && kinds[k].transposed_too < 0) ||
                    (side == 1 && kinds[k].transposed_too == 0))
                    continue;
                if (a == b || b == c->world || a == c->world ||
                    casia__ix_aggregate(a) || casia__ix_aggregate(b))
                    continue;
                memset(&pk, 0, sizeof pk);
                pk.rep = (uint16_t)a;
                pk.par = (uint16_t)b;
                pk.year = (int16_t)CASIA__KEY_YEAR(key);
                pk.index = (uint8_t)kinds[k].index;
                if (nh && bsearch(&pk, have, nh, sizeof *have, cmp_row))
                    continue;
                if (nw == cw) {
                    size_t nc = cw ? 2 * cw : 256;
                    trow *nwp = realloc(want, nc * sizeof *want);
                    if (!nwp) {
                        rc = CASIA_ENOMEM;
                        break;
                    }
                    want = nwp;
                    cw = nc;
                }
                want[nw++] = pk;
            }
            if (rc)
                break;
        }
    }
    if (rc == CASIA_OK && nw > 1)
        qsort(want, nw, sizeof *want, cmp_row);
    for (i = 0; i < nw && rc == CASIA_OK; i++) {
        const char *a = casia__country_code(want[i].rep);
        const char *b = casia__country_code(want[i].par);
        casia_result r;
        int x;
        if (i > 0 && cmp_row(&want[i - 1], &want[i]) == 0)
            continue;
        switch (want[i].index) {
        case CASIA_INDEX_TURNOVER_SHARE:
            x = casia_trade_share(&r, ds, a, b, want[i].year, CASIA_FLOW_TURNOVER,
                                  &c->opt);
            break;
        case CASIA_INDEX_IMPORT_SHARE:
            x = casia_trade_share(&r, ds, a, b, want[i].year, CASIA_FLOW_IMPORT,
                                  &c->opt);
            break;
        case CASIA_INDEX_EXPORT_SHARE:
            x = casia_trade_share(&r, ds, a, b, want[i].year, CASIA_FLOW_EXPORT,
                                  &c->opt);
            break;
        case CASIA_INDEX_TURNOVER_DISCREPANCY:
            x = casia_trade_discrepancy(&r, ds, a, b, want[i].year,
                                        CASIA_FLOW_TURNOVER, &c->opt);
            break;
        default:
            x = casia_energy_share(&r, ds, a, b, want[i].year, &c->opt);
            break;
        }
        /* a pair without a value has no row; only real errors stop */
        rc = x == CASIA_OK ? add_row(t, want[i].rep, want[i].par, want[i].year,
                                     want[i].index, &r)
             : x == CASIA_ENOMEM || x == CASIA_EINVAL ? x : CASIA_OK;
    }
    free(have);
    free(want);
    return rc;
}

/* Every builder of the registry, once each, in the order of the indices
 * (the rows are sorted afterwards: the order does not show). */
static int run_builders(casia_table *t, const casia__ix *c,
                        const casia_options *opt)
{
    casia__sink sink;
    int i, j, rc = CASIA_OK;
    sink.add = add_row;
    sink.to = t;
    for (i = 1; i <= CASIA_INDEX_COUNT && rc == CASIA_OK; i++) {
        const casia__index_def *d = casia__index_def_get((casia_index_id)i);
        for (j = 1; j < i; j++)
            if (casia__index_def_get((casia_index_id)j)->build == d->build)
                break;
        if (d->build && j == i)
            rc = d->build(&sink, c, opt);
    }
    return rc;
}

CASIA_API int casia_table_build(casia_table **out, const casia_dataset *ds,
                                const casia_options *opt)
{
    casia__ix c;
    casia_table *t;
    int rc;
    if (!out || !ds)
        return CASIA_EINVAL;
    if ((rc = casia__ix_init(&c, ds, opt)) != CASIA_OK)
        return rc;
    t = calloc(1, sizeof *t);
    if (!t)
        return CASIA_ENOMEM;
    t->ds = ds;
    if ((rc = run_builders(t, &c, opt)) || (rc = do_published(t, &c)) ||
        (rc = add_composites(t, &c))) {
        casia_table_free(t);
        return rc;
    }
    *out = t;
    return CASIA_OK;
}

CASIA_API size_t casia_table_row_count(const casia_table *t)
{
    return t ? t->n : 0;
}

CASIA_API int casia_table_get_row(casia_table_row *out, const casia_table *t,
                              size_t index)
{
    const trow *w;
    if (!out || !t)
        return CASIA_EINVAL;
    if (index >= t->n)
        return CASIA_ENOTFOUND;
    w = &t->rows[index];
    out->reporter = casia__country_code(w->rep);
    out->partner = casia__country_code(w->par);
    out->year = w->year;
    out->index = (casia_index_id)w->index;
    out->value = w->value;
    out->unit = w->unit;
    out->basis = (casia_basis)w->basis;
    out->flags = w->flags;
    return CASIA_OK;
}

CASIA_API void casia_table_free(casia_table *t)
{
    if (!t)
        return;
    free(t->rows);
    free(t);
}

CASIA_API int casia_table_to_csv(char **out, size_t *size, const casia_table *t)
{
    static const char header[] =
        "reporter,partner,year,index,value,unit,basis,flags\n";
    char *buf;
    size_t len = 0, cap, i;
    if (!out || !t)
        return CASIA_EINVAL;
    /* a row is at most ~3+3+4+20+24+14+14+10 characters plus commas */
    cap = sizeof header + t->n * 128;
    buf = malloc(cap);
    if (!buf)
        return CASIA_ENOMEM;
    memcpy(buf, header, sizeof header - 1);
    len = sizeof header - 1;
    for (i = 0; i < t->n; i++) {
        const trow *w = &t->rows[i];
        char num[48], flags[256];
        size_t fl = 0;
        unsigned bit;
        /* the shortest that reads back, '.' whatever the locale (the
         * formatter of every writer, number.c); the values are finite */
        casia__format_double(num, sizeof num, w->value, 0);
        flags[0] = '\0';
        for (bit = 1; bit && bit <= w->flags; bit <<= 1) {
            const char *name = (w->flags & bit) ? casia_result_flag_name(bit) : NULL;
            if (name && fl + strlen(name) + 2 < sizeof flags)
                fl += (size_t)snprintf(flags + fl, sizeof flags - fl, "%s%s",
                                       fl ? " " : "", name);
        }
        for (;;) {
            int k = snprintf(buf + len, cap - len, "%s,%s,%d,%s,%s,%s,%s,%s\n",
                             casia__country_code(w->rep),
                             casia__country_code(w->par), (int)w->year,
                             casia_index_name((casia_index_id)w->index),
                             num, w->unit,
                             casia_basis_name((casia_basis)w->basis), flags);
            char *nb;
            if (k < 0) {
                free(buf);
                return CASIA_ENOMEM;
            }
            if ((size_t)k < cap - len) {
                len += (size_t)k;
                break;
            }
            nb = realloc(buf, cap * 2 + (size_t)k);
            if (!nb) {
                free(buf);
                return CASIA_ENOMEM;
            }
            buf = nb;
            cap = cap * 2 + (size_t)k;
        }
    }
    buf[len] = '\0';
    *out = buf;
    if (size)
        *size = len;
    return CASIA_OK;
}
