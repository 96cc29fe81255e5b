/*
 * stream.c - the streaming trade aggregator: per (reporter, year) turnover,
 * partner shares, HHI and top partner, computed while a Comtrade file is
 * parsed, without a store.
 *
 * Rows are read by the same code as the importer's (casia__comtrade_row),
 * so both paths see the same rows and the same doubles. For each
 * (reporter, year, partner) the stream keeps two exact sums, imports and
 * exports (casia__sum, 16 bytes each); nothing per row. At the end of each
 * call the changed pairs are summarised:
 *     m_p = round(sum of the partner's import rows), x_p likewise,
 *     turnover = round(exact sum over partners of m_p + x_p),
 *     share_p = round(m_p + x_p) / turnover, HHI = sum of share_p^2
 *     (casia__sum_canonical: exact, correctly rounded, independent of
 *     the order of partners),
 *     top partner = the largest exact m_p + x_p (ties: the smaller code).
 * Rounding each partner-flow sum once is exactly what the store does when
 * it sums the months of a monthly file, so the stream fed with the store's
 * observations (casia_stream_add_dataset) gives the same bits; and exact
 * sums make any split of the rows, merged, give the same bits too.
 *
 * Like the store, the stream refuses a row whose period it has already
 * counted: for each partner and flow a 13-bit mask of the periods seen
 * (bit 0 the year, bits 1..12 the months) catches a row given twice
 * (overlapping parts of a file) and a year given both whole and by months
 * (a file mixing annual and monthly rows), which a sum would count twice.
 * In the chapter modes the same period legitimately comes once per
 * chapter, so there the masks are not kept.
 *
 * A pair is summarised when the rows move on to another pair, while its
 * entries are still in the cache (files come grouped by reporter and
 * year), and again at the end of the call if rows for it came back.
 *
 * Memory: per (reporter, year) a table from partner (its registry index)
 * to entry, 2 bytes for each of the registry's entries, and 40 bytes per
 * partner present, in blocks of 16 from a pool that grows by chunks of up
 * to 1 MiB (nothing is copied as a pair grows); plus a direct table from
 * (reporter, year) to pair. Independent of the number of rows.
 */
#include "bulk.h"
#include "comtrade.h"
#include "importer.h"
#include "xsum.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NYEARS (CASIA__YEAR_MAX - CASIA__YEAR_MIN + 1)
#define MAX_COUNTRIES 1024

/* A partner's sums and bookkeeping: 40 bytes. */
typedef struct entry {
    casia__sum s[2];     /* imports, exports */
    uint32_t seen;       /* periods seen: bits 0..12 imports (0 the year,
                            1..12 the months), 16..28 exports */
    uint16_t partner;    /* registry index */
    uint16_t sorted;     /* the summary: the k-th entry in partner code
                            order is block entry sorted of entry k */
} entry;

/* Entries live in blocks of BLOCK taken from the stream's pool: they never
 * move, and adding a partner never copies the others. */
#define BLOCK 16

typedef struct group {
    uint16_t reporter;   /* registry index */
    int16_t year;
    uint16_t n;          /* entries */
    unsigned char dirty;     /* changed since its summary */
    unsigned char left;      /* summarised when the rows moved on */
    uint16_t *pos;       /* partner (registry index) -> entry + 1, 0 = none;
                            NULL until the first partner */
    entry **blk;         /* the blocks of entries (room for all partners) */
    /* the summary, made when dirty */
    double turnover, imports, exports, hhi, top_share;
    int top;             /* registry index of the top partner, -1 none */
} group;

/* A bump allocator: memory handed out is freed only with the stream. */
typedef struct chunk {
    struct chunk *next;
    size_t used, size;
    /* the memory follows, aligned for a double */
} chunk;

struct casia_stream {
    int lenient;
    casia__comtrade ct;  /* options, code map, and the last header's columns */
    int have_layout;
    int32_t *group_of;   /* [reporter * NYEARS + year - 1900] -> group + 1 */
    group *groups;
    size_t n_groups, cap_groups;
    uint32_t *order;     /* groups by reporter code, then year */
    chunk *pool;         /* the groups' partner tables and entries */
    unsigned char aggregate[MAX_COUNTRIES];
};

/* Whether the masks of periods seen are kept: in the TOTAL mode (in the
 * chapter modes a period comes once per chapter). */
static inline int keeps_periods(const casia_stream *s)
{
    return s->ct.commodity == CASIA_COMMODITY_TOTAL;
}

/* ------------------------------------------------------------------ */
/* Creation                                                            */

CASIA_API int casia_stream_new(casia_stream **out, const casia_import_options *opt)
{
    casia_import_options defaults;
    casia_stream *s;
    size_t i;
    int rc;
    if (!out)
        return CASIA_EINVAL;
    if (!opt) {
        casia_import_options_init(&defaults);
        opt = &defaults;
    }
    if (opt->version != CASIA_IMPORT_OPTIONS_VERSION ||
        (opt->commodity != CASIA_COMMODITY_TOTAL &&
         opt->commodity != CASIA_COMMODITY_SUM_CHAPTERS) ||
        casia__country_total >= MAX_COUNTRIES)
        return CASIA_EINVAL;
    s = calloc(1, sizeof *s);
    if (!s)
        return CASIA_ENOMEM;
    {
        casia_import_options o = *opt;
        o.flows = CASIA_FLOW_IMPORT | CASIA_FLOW_EXPORT;
        o.sum_months = 1;
        rc = casia__comtrade_init(&s->ct, &o, NULL);
        /* the TOTAL mode reads the period of each row (for the masks);
         * the chapter modes need only the year */
        s->ct.year_only = !keeps_periods(s);
    }
    s->group_of = calloc(casia__country_total * NYEARS, sizeof *s->group_of);
    if (rc != CASIA_OK || !s->group_of) {
        casia__comtrade_free(&s->ct);
        free(s->group_of);
        free(s);
        return rc != CASIA_OK ? rc : CASIA_ENOMEM;
    }
    s->lenient = opt->lenient != 0;
    for (i = 0; i < casia__country_total; i++)
        s->aggregate[i] = casia__country_kind(i) == CASIA_KIND_AGGREGATE;
    *out = s;
    return CASIA_OK;
}

CASIA_API void casia_stream_free(casia_stream *s)
{
    if (!s)
        return;
    while (s->pool) {
        chunk *next = s->pool->next;
        free(s->pool);
        s->pool = next;
    }
    free(s->groups);
    free(s->group_of);
    free(s->order);
    casia__comtrade_free(&s->ct);
    free(s);
}

/* ------------------------------------------------------------------ */
/* Accumulating                                                        */

static group *get_group(casia_stream *s, int reporter, int year)
{
    int32_t *slot = &s->group_of[(size_t)reporter * NYEARS + (size_t)(year - CASIA__YEAR_MIN)];
    group *g;
    if (*slot)
        return &s->groups[*slot - 1];
    if (s->n_groups == s->cap_groups) {
        size_t ncap = s->cap_groups ? s->cap_groups * 2 : 256;
        group *ng;
        uint32_t *norder;
        /* the order of the groups grows with them, so that refresh()
         * never allocates and a failed call leaves a stream that reads */
        if (!(norder = realloc(s->order, ncap * sizeof *norder)))
            return NULL;
        s->order = norder;
        if (!(ng = realloc(s->groups, ncap * sizeof *ng)))
            return NULL;
        s->groups = ng;
        s->cap_groups = ncap;
    }
    g = &s->groups[s->n_groups];
    memset(g, 0, sizeof *g);
    g->reporter = (uint16_t)reporter;
    g->year = (int16_t)year;
    g->top = -1;
    *slot = (int32_t)++s->n_groups;
    return g;
}

/* size bytes (a multiple of 8) from the pool; NULL on ENOMEM. Chunks
 * grow from 16 KiB to 1 MiB, so a small stream stays small. */
static void *pool_alloc(casia_stream *s, size_t size)
{
    chunk *c = s->pool;
    void *p;
    if (!c || c->size - c->used < size) {
        size_t csize = c ? c->size * 2 : 16384;
        if (csize > 1048576)
            csize = 1048576;
        if (csize < size)
            csize = size;
        if (!(c = malloc(sizeof(chunk) + 8 + csize)))
            return NULL;
        c->size = csize;
        c->used = 0;
        c->next = s->pool;
        s->pool = c;
    }
    /* past the header, rounded up to 8 bytes */
    p = (char *)c + ((sizeof(chunk) + 7) & ~(size_t)7) + c->used;
    c->used += size;
    return p;
}

static inline entry *entry_at(const group *g, unsigned k)
{
    return &g->blk[k / BLOCK][k % BLOCK];
}

/* The entry of a partner in a group, made when new; NULL on ENOMEM. */
static entry *new_entry(casia_stream *s, group *g, int partner);

static inline entry *get_entry(casia_stream *s, group *g, int partner)
{
    if (g->pos && g->pos[partner])
        return entry_at(g, g->pos[partner] - 1u);
    return new_entry(s, g, partner);
}

static entry *new_entry(casia_stream *s, group *g, int partner)
{
    entry *e;
    if (!g->pos) {
        /* the partner table and room for every block pointer */
        size_t nblk = (casia__country_total + BLOCK - 1) / BLOCK;
        size_t tsize = (casia__country_total * sizeof *g->pos + 7) & ~(size_t)7;
        char *m = pool_alloc(s, tsize + nblk * sizeof *g->blk);
        if (!m)
            return NULL;
        memset(m, 0, tsize);
        g->pos = (uint16_t *)(void *)m;
        g->blk = (entry **)(void *)(m + tsize);
    }
    if (g->n % BLOCK == 0 &&
        !(g->blk[g->n / BLOCK] = pool_alloc(s, BLOCK * sizeof(entry))))
        return NULL;
    e = entry_at(g, g->n);
    e->s[0].hi = e->s[1].hi = 0;   /* casia__sum_init, inline */
    e->s[0].lo = e->s[1].lo = 0;
    e->partner = (uint16_t)partner;
    e->seen = 0;
    e->sorted = 0;
    g->pos[partner] = ++g->n;
    return e;
}

/* The flow (0 imports, 1 exports) whose periods clash between two masks
 * in the layout of group::seen, -1 when none: each flow on its own, so
 * annual imports beside monthly exports are fine. */
static inline int clashing_flow(uint32_t have, uint32_t add)
{
    if (casia__periods_clash(have & 0xffffu, add & 0xffffu))
        return 0;
    if (casia__periods_clash(have >> 16, add >> 16))
        return 1;
    return -1;
}

/* Says which periods of a flow clash, as the store's importer does. */
static void clash_text(char *msg, size_t size, const group *g, int partner, int flow,
                       uint32_t have, uint32_t add)
{
    casia__periods_clash_text(msg, size, flow ? "trade.export" : "trade.import",
                              g->reporter, partner, g->year,
                              (have >> (16 * flow)) & 0x1fffu,
                              (add >> (16 * flow)) & 0x1fffu);
}

static void summarise(group *g);

/* Adds a row's value; month -1 when periods are not checked. ECONFLICT
 * (msg set) for a period already counted. */
static inline int add_value(casia_stream *s, group **last, int reporter,
                            int year, int partner, int flow, int month,
                            double value, char *msg, size_t msg_size)
{
    group *g = *last;
    entry *e;
    if (!g || g->reporter != reporter || g->year != year) {
        if (g && g->dirty && !g->left) {
            /* the rows moved on to another pair: summarise this one now,
             * while its entries are in the cache (files come grouped by
             * reporter and year). Once only: a pair that comes back is
             * summarised at the end of the call, with the others. */
            summarise(g);
            g->left = 1;
        }
        if (!(g = get_group(s, reporter, year)))
            return CASIA_ENOMEM;
        *last = g;
    }
    if (!(e = get_entry(s, g, partner)))
        return CASIA_ENOMEM;
    if (month >= 0) {
        uint32_t *seen = &e->seen;
        unsigned shift = 16u * (unsigned)flow;
        if (casia__periods_clash((*seen >> shift) & 0x1fffu, 1u << month)) {
            clash_text(msg, msg_size, g, partner, flow, *seen, 1u << (shift + month));
            return CASIA_ECONFLICT;
        }
        *seen |= 1u << (shift + (unsigned)month);
    }
    g->dirty = 1;
    return casia__sum_add_inline(&e->s[flow], value);
}

/* ------------------------------------------------------------------ */
/* Summaries                                                           */

/* 1 when a > b (signed 128-bit) */
static int sum_greater(const casia__sum *a, const casia__sum *b)
{
    if (a->hi != b->hi)
        return a->hi > b->hi;
    return a->lo > b->lo;
}

static void summarise(group *g)
{
    casia__sum total, imp, exp;
    double val[MAX_COUNTRIES];
    const entry *te = NULL;
    unsigned k, n = 0, top_k = 0;
    g->dirty = 0;
    casia__sum_init(&imp);
    casia__sum_init(&exp);
    g->top = -1;
    for (k = 0; k < g->n; k++) {
        const entry *e = entry_at(g, k);
        /* each partner-flow sum rounded once, as the store holds it; the
         * partner's value m + x is that exact sum correctly rounded, which
         * is what the double addition gives */
        const double m = casia__sum_value_inline(&e->s[0]);
        const double x = casia__sum_value_inline(&e->s[1]);
        const double v = m + x;
        if (m != 0)
            casia__sum_add_inline(&imp, m);
        if (x != 0)
            casia__sum_add_inline(&exp, x);
        val[k] = v;
        if (!te || v > val[top_k]) {
            te = e;
            top_k = k;
        } else if (v == val[top_k]) {
            /* equal once rounded: the larger exact sum; equal again, the
             * smaller code */
            casia__sum p, best;
            casia__sum_init(&p);
            casia__sum_add(&p, m);
            casia__sum_add(&p, x);
            casia__sum_init(&best);
            casia__sum_add(&best, casia__sum_value(&te->s[0]));
            casia__sum_add(&best, casia__sum_value(&te->s[1]));
            if (sum_greater(&p, &best) ||
                (!sum_greater(&best, &p) && e->partner < te->partner)) {
                te = e;
                top_k = k;
            }
        }
    }
    /* the entries in partner code order (the registry's order), the order
     * casia_stream_partner_at() hands them out in */
    for (k = 0; n < g->n; k++) {
        const unsigned at = g->pos[k];
        entry_at(g, n)->sorted = (uint16_t)(at - 1u);   /* kept when at != 0 */
        n += at != 0;
    }
    total = imp;   /* exact sums: imports + exports is the total */
    casia__sum_merge(&total, &exp);
    g->turnover = casia__sum_value(&total);
    g->imports = casia__sum_value(&imp);
    g->exports = casia__sum_value(&exp);
    g->hhi = 0;
    g->top_share = 0;
    if (te && g->turnover > 0) {
        g->top = te->partner;
        g->top_share = val[top_k] / g->turnover;
        for (k = 0; k < g->n; k++) {
            double sh = val[k] / g->turnover;
            val[k] = sh * sh;
        }
        g->hhi = casia__sum_canonical(val, g->n);
    }
}

/* Summarises the changed pairs and sorts the pairs (end of every call,
 * failed or not). Allocates nothing: the room was made as data came. */
static void refresh(casia_stream *s)
{
    size_t i, n = 0, r;
    for (i = 0; i < s->n_groups; i++)
        if (s->groups[i].dirty)
            summarise(&s->groups[i]);
    for (r = 0; r < casia__country_total * NYEARS; r++)
        if (s->group_of[r])
            s->order[n++] = (uint32_t)(s->group_of[r] - 1);
}

/* ------------------------------------------------------------------ */
/* Feeding                                                             */

static void report_init(casia_import_report *rep)
{
    memset(rep, 0, sizeof *rep);
    rep->format = CASIA_FORMAT_COMTRADE_PLUS;
}

static void keep_error(casia_import_report *rep, const casia_error *e)
{
    if (rep->n_errors < CASIA_IMPORT_REPORT_ERRORS)
        rep->errors[rep->n_errors++] = *e;
}

/* The end of a feed, whatever its outcome: the row counts into the
 * report, and the summaries. */
static void finish(casia_stream *s, casia_import_report *rep, unsigned long long rows,
                   unsigned long long kept, unsigned long long filtered)
{
    rep->rows += rows;
    rep->kept += kept;
    rep->filtered += filtered;
    refresh(s);
}

static int feed(casia_stream *s, casia__csv *c, casia_import_report *rep,
                casia_error *err)
{
    casia_error rowerr;
    group *last = NULL;
    char msg[160];
    int rc, first = 1;
    /* counted in locals (registers), stored in the report at the end */
    unsigned long long rows = 0, kept = 0, filtered = 0;

    for (;;) {
        casia__trade_row row;
        rc = casia__csv_next_fast(c, &rowerr);
        if (rc == 0)
            break;
        if (rc < 0 && rc != CASIA_EPARSE)
            goto fatal;
        if (rc > 0 && casia__csv_empty_line(c))
            continue;
        if (first && rc > 0) {
            first = 0;
            if (casia__comtrade_is_header(c)) {
                if ((rc = casia__comtrade_header(&s->ct, c, &rowerr)) != CASIA_OK)
                    goto fatal;
                s->have_layout = 1;
                rep->format = s->ct.layout;
                continue;
            }
            if (!s->have_layout) {
                casia_format f = casia__detect(c->data + c->rec, c->len - c->rec);
                casia__csv_error(c, 0, &rowerr, CASIA_EFORMAT,
                                 "this looks like %s, not a UN Comtrade file "
                                 "(no Comtrade header before the first row)",
                                 casia_format_describe(f));
                rc = CASIA_EFORMAT;
                goto fatal;
            }
            rep->format = s->ct.layout;
        }
        first = 0;
        rows++;
        if (rc == CASIA_EPARSE)
            goto bad;
        rc = casia__comtrade_row(&s->ct, c, &row, &rowerr);
        if (rc == 1 || (rc == 0 && s->aggregate[row.partner])) {
            filtered++;
            continue;
        }
        if (rc < 0)
            goto bad;
        rc = add_value(s, &last, row.reporter, row.year, row.partner, row.flow,
                       keeps_periods(s) ? row.month : -1, row.value, msg, sizeof msg);
        if (rc == CASIA_ENOMEM)
            goto nomem;
        if (rc == CASIA_ECONFLICT) {
            /* counted twice whatever the mode: the store's importer stops
             * too (the rows are fine one by one; the file is not) */
            casia__csv_error(c, (size_t)s->ct.value, &rowerr, rc, "%s", msg);
            goto fatal;
        }
        if (rc != CASIA_OK) {
            casia__csv_error(c, (size_t)s->ct.value, &rowerr, rc,
                             "value too large to add up");
            goto bad;
        }
        kept++;
        continue;
    bad:
        if (!s->lenient)
            goto fatal;
        rep->skipped++;
        keep_error(rep, &rowerr);
    }
    rep->bytes = c->base + c->len;
    finish(s, rep, rows, kept, filtered);
    rep->observations = s->n_groups;
    return CASIA_OK;
nomem:
    finish(s, rep, rows, kept, filtered);
    return casia__error_set(err, CASIA_ENOMEM, c->name, NULL);
fatal:
    rep->bytes = c->base + c->len;
    finish(s, rep, rows, kept, filtered);
    if (err)
        *err = rowerr;
    return rowerr.code ? rowerr.code : rc;
}

CASIA_API int casia_stream_add_file(casia_stream *s, const char *path,
                                    casia_import_report *report, casia_error *err)
{
    casia__csv c;
    casia_import_report tmp;
    int rc;
    if (!report)
        report = &tmp;
    report_init(report);
    if (!s || !path)
        return casia__error_set(err, CASIA_EINVAL, path, "NULL argument");
    if ((rc = casia__csv_open_file(&c, path, err)) != CASIA_OK) {
        casia__csv_close(&c);
        return rc;
    }
    rc = feed(s, &c, report, err);
    casia__csv_close(&c);
    return rc;
}

CASIA_API int casia_stream_add_buffer(casia_stream *s, const char *data,
                                      size_t size, const char *name,
                                      casia_import_report *report,
                                      casia_error *err)
{
    casia__csv c;
    casia_import_report tmp;
    int rc;
    if (!report)
        report = &tmp;
    report_init(report);
    if (!s || (!data && size))
        return casia__error_set(err, CASIA_EINVAL, name, "NULL argument");
    casia__csv_open_buffer(&c, data, size, name);
    rc = feed(s, &c, report, err);
    casia__csv_close(&c);
    return rc;
}

CASIA_API int casia_stream_add_dataset(casia_stream *s, const casia_dataset *ds,
                                       const char *source, casia_basis basis,
                                       casia_error *err)
{
    int ind_m, ind_x, src = -1;
    size_t i;
    group *last = NULL;
    int rc = CASIA_OK;
    if (!s || !ds)
        return casia__error_set(err, CASIA_EINVAL, NULL, "NULL argument");
    ind_m = casia__dataset_indicator_id(ds, "trade.import");
    ind_x = casia__dataset_indicator_id(ds, "trade.export");
    if (source && (src = casia__dataset_source_index(ds, source)) < 0)
        return CASIA_OK;   /* nothing from that source */
    for (i = 0; i < ds->n_obs; i++) {
        uint64_t k = ds->obs_key[i];
        int ind = (int)CASIA__KEY_IND(k), flow;
        int rep = (int)CASIA__KEY_REP(k), par = (int)CASIA__KEY_PAR(k);
        if (ind == ind_m && ind_m >= 0)
            flow = 0;
        else if (ind == ind_x && ind_x >= 0)
            flow = 1;
        else
            continue;
        if (s->aggregate[par] || (src >= 0 && ds->obs_source[i] != src) ||
            (basis != CASIA_BASIS_ANY && ds->obs_basis[i] != basis))
            continue;
        /* a dataset's observations are years, one per basis and source:
         * which to add is the caller's choice, so periods are not checked */
        rc = add_value(s, &last, rep, CASIA__KEY_YEAR(k), par, flow, -1,
                       ds->obs_value[i], NULL, 0);
        if (rc != CASIA_OK)
            break;
    }
    refresh(s);
    if (rc != CASIA_OK)
        return casia__error_set(err, rc, NULL, rc == CASIA_ERANGE
                                ? "a value too large to add up" : NULL);
    return CASIA_OK;
}

/* The first period of `from` that `into` has counted already: 1 and msg
 * set, or 0. Changes nothing. */
static int merge_clash(const casia_stream *into, const casia_stream *from,
                       char *msg, size_t msg_size)
{
    size_t i;
    unsigned k;
    for (i = 0; i < from->n_groups; i++) {
        const group *src = &from->groups[i];
        int32_t slot = into->group_of[(size_t)src->reporter * NYEARS +
                                      (size_t)(src->year - CASIA__YEAR_MIN)];
        const group *g;
        if (!slot)
            continue;
        g = &into->groups[slot - 1];
        for (k = 0; g->pos && k < src->n; k++) {
            const entry *se = entry_at(src, k);
            unsigned at = g->pos[se->partner];
            uint32_t have = at ? entry_at(g, at - 1)->seen : 0;
            int flow = at ? clashing_flow(have, se->seen) : -1;
            if (flow >= 0) {
                clash_text(msg, msg_size, g, se->partner, flow, have, se->seen);
                return 1;
            }
        }
    }
    return 0;
}

CASIA_API int casia_stream_merge(casia_stream *into, const casia_stream *from,
                                 casia_error *err)
{
    char msg[160];
    size_t i;
    unsigned k;
    if (!into || !from || into == from)
        return casia__error_set(err, CASIA_EINVAL, NULL,
                                into && into == from ? "a stream merged into itself"
                                                     : "NULL argument");
    if (into->ct.commodity != from->ct.commodity)
        return casia__error_set(err, CASIA_EINVAL, NULL,
                                "streams made with different commodity options");
    if (keeps_periods(into) && merge_clash(into, from, msg, sizeof msg))
        return casia__error_set(err, CASIA_ECONFLICT, NULL,
                                "%s (in both streams)", msg);
    for (i = 0; i < from->n_groups; i++) {
        const group *src = &from->groups[i];
        group *g;
        if (!(g = get_group(into, src->reporter, src->year)))
            goto nomem;
        for (k = 0; k < src->n; k++) {
            const entry *se = entry_at(src, k);
            entry *e = get_entry(into, g, se->partner);
            if (!e)
                goto nomem;
            casia__sum_merge(&e->s[0], &se->s[0]);
            casia__sum_merge(&e->s[1], &se->s[1]);
            e->seen |= se->seen;
        }
        g->dirty = 1;
    }
    if (!into->have_layout && from->have_layout) {
        casia__comtrade_copy_layout(&into->ct, &from->ct);
        into->have_layout = 1;
    }
    refresh(into);
    return CASIA_OK;
nomem:
    refresh(into);
    return casia__error_set(err, CASIA_ENOMEM, NULL, NULL);
}

/* ------------------------------------------------------------------ */
/* Results                                                             */

CASIA_API size_t casia_stream_count(const casia_stream *s)
{
    return s ? s->n_groups : 0;
}

CASIA_API int casia_stream_at(casia_stream_result *out, const casia_stream *s,
                              size_t index)
{
    const group *g;
    if (!out || !s)
        return CASIA_EINVAL;
    if (index >= s->n_groups)
        return CASIA_ENOTFOUND;
    g = &s->groups[s->order[index]];
    memset(out, 0, sizeof *out);
    out->reporter = casia__country_code(g->reporter);
    out->year = g->year;
    out->partners = g->n;
    out->turnover = g->turnover;
    out->imports = g->imports;
    out->exports = g->exports;
    if (!(g->turnover > 0))
        return CASIA_EDOMAIN;
    out->hhi = g->hhi;
    out->top_partner = casia__country_code(g->top);
    out->top_share = g->top_share;
    return CASIA_OK;
}

CASIA_API int casia_stream_find(size_t *index, const casia_stream *s,
                                const char *reporter, int year)
{
    int rep;
    size_t lo = 0, hi;
    if (!index || !s || !reporter)
        return CASIA_EINVAL;
    if (casia__country_resolve_n(&rep, reporter, strlen(reporter), NULL) != CASIA_OK)
        return CASIA_ENOTFOUND;
    hi = s->n_groups;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const group *g = &s->groups[s->order[mid]];
        if (g->reporter < rep || (g->reporter == rep && g->year < year))
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < s->n_groups) {
        const group *g = &s->groups[s->order[lo]];
        if (g->reporter == rep && g->year == year) {
            *index = lo;
            return CASIA_OK;
        }
    }
    return CASIA_ENOTFOUND;
}

CASIA_API int casia_stream_partner_at(casia_stream_partner *out,
                                      const casia_stream *s, size_t index,
                                      size_t k)
{
    const group *g;
    const entry *e;
    casia__sum p;
    if (!out || !s)
        return CASIA_EINVAL;
    if (index >= s->n_groups)
        return CASIA_ENOTFOUND;
    g = &s->groups[s->order[index]];
    if (k >= g->n)
        return CASIA_ENOTFOUND;
    e = entry_at(g, entry_at(g, (unsigned)k)->sorted);
    memset(out, 0, sizeof *out);
    out->partner = casia__country_code(e->partner);
    out->imports = casia__sum_value(&e->s[0]);
    out->exports = casia__sum_value(&e->s[1]);
    casia__sum_init(&p);
    casia__sum_add(&p, out->imports);
    casia__sum_add(&p, out->exports);
    out->value = casia__sum_value(&p);
    out->share = g->turnover > 0 ? out->value / g->turnover : 0.0;
    return CASIA_OK;
}

CASIA_API int casia_stream_to_csv(char **out, size_t *size, const casia_stream *s)
{
    size_t cap, len = 0, i;
    char *buf;
    if (!out || !s)
        return CASIA_EINVAL;
    cap = 64 + s->n_groups * 120;
    if (!(buf = malloc(cap)))
        return CASIA_ENOMEM;
    len = (size_t)snprintf(buf, cap, "reporter,year,turnover,hhi,top_partner,top_share\n");
    for (i = 0; i < s->n_groups; i++) {
        casia_stream_result r;
        char t[40];
        int rc = casia_stream_at(&r, s, i);
        casia__format_double(t, sizeof t, r.turnover, 17);
        if (rc == CASIA_OK) {
            char h[40], sh[40];
            casia__format_double(h, sizeof h, r.hhi, 17);
            casia__format_double(sh, sizeof sh, r.top_share, 17);
            len += (size_t)snprintf(buf + len, cap - len, "%s,%d,%s,%s,%s,%s\n",
                                    r.reporter, r.year, t, h, r.top_partner, sh);
        } else {
            len += (size_t)snprintf(buf + len, cap - len, "%s,%d,%s,,,\n",
                                    r.reporter, r.year, t);
        }
    }
    *out = buf;
    if (size)
        *size = len;
    return CASIA_OK;
}
