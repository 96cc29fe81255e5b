/*
 * trade.c - partner tables: trade shares, statistical discrepancies, top
 * partners, partner concentration (HHI), and the energy share, which
 * follows the same rules with gas instead of goods.
 *
 * A partner table holds, for one reporter, year and flow, the total and
 * the one value chosen for each partner (docs/indices.md, "Trade share").
 * Every trade index reads it, so a share, a rank and an HHI computed for
 * the same reporter and year always agree.
 */
#include "indices_internal.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

static const int partner_bases[3] = {
    CASIA_BASIS_REPORTER, CASIA_BASIS_NATIONAL_STATS, CASIA_BASIS_OTHER
};

void casia__flow_indicators(const casia_dataset *ds, casia_flow flow,
                            int *ind, int *mind)
{
    int im = casia__dataset_indicator_id(ds, "trade.import");
    int ex = casia__dataset_indicator_id(ds, "trade.export");
    if (flow == CASIA_FLOW_EXPORT) {
        *ind = ex;
        *mind = im;
    } else {
        *ind = im;
        *mind = ex;
    }
}

/* *out = x + y rounded once (the exact sum used everywhere for money).
 * CASIA_ERANGE, *out untouched, when a term is outside the exact sum's
 * range (|x| >= 2^62): never a sum without it. */
static int add2(double *out, double x, double y)
{
    casia__sum s;
    casia__sum_init(&s);
    if (casia__sum_add(&s, x) != CASIA_OK || casia__sum_add(&s, y) != CASIA_OK)
        return CASIA_ERANGE;
    *out = casia__sum_value(&s);
    return CASIA_OK;
}

/* ------------------------------------------------------------------ */
/* Gathering the rows of one group                                     */

/* Appends v to the list *a of *n rows; when memory runs out the list is
 * freed and emptied, so that the caller only returns CASIA_ENOMEM. */
static int push(size_t **a, size_t *n, size_t *cap, size_t v)
{
    if (*n == *cap) {
        size_t nc = *cap ? *cap * 2 : 16;
        size_t *na = realloc(*a, nc * sizeof *na);
        if (!na) {
            free(*a);
            *a = NULL;
            *n = 0;
            return CASIA_ENOMEM;
        }
        *a = na;
        *cap = nc;
    }
    (*a)[(*n)++] = v;
    return CASIA_OK;
}

int casia__gather_own(size_t **out, size_t *n, const casia__ix *c, int ind,
                      int rep, int year)
{
    const casia_dataset *ds = c->ds;
    size_t lo, hi, i, cap = 0;
    *out = NULL;
    *n = 0;
    if (ind < 0 || rep < 0 || c->source == -2)
        return CASIA_OK;
    lo = casia__lower_bound(ds->obs_key, ds->n_obs, CASIA__KEY(ind, rep, 0, 0));
    hi = casia__lower_bound(ds->obs_key, ds->n_obs,
                            CASIA__KEY(ind, (unsigned)rep + 1, 0, 0));
    for (i = lo; i < hi; i++) {
        if (CASIA__KEY_YEAR(ds->obs_key[i]) != year || !casia__ix_row_ok(c, i))
            continue;
        if (push(out, n, &cap, i) != CASIA_OK)
            return CASIA_ENOMEM;
    }
    return CASIA_OK;
}

int casia__gather_trans(size_t **out, size_t *n, const casia__ix *c, int mind,
                        int rep, int year)
{
    const casia_dataset *ds = c->ds;
    size_t pos, end, i, cap = 0;
    *out = NULL;
    *n = 0;
    if (mind < 0 || rep < 0 || c->source == -2)
        return CASIA_OK;
    pos = casia__lower_bound(ds->obs_key, ds->n_obs, CASIA__KEY(mind, 0, 0, 0));
    end = casia__lower_bound(ds->obs_key, ds->n_obs,
                             CASIA__KEY((unsigned)mind + 1, 0, 0, 0));
    /* one binary search per reporter of the opposite flow */
    while (pos < end) {
        unsigned k = CASIA__KEY_REP(ds->obs_key[pos]);
        uint64_t key = CASIA__KEY(mind, k, rep, year);
        i = pos + casia__lower_bound(ds->obs_key + pos, end - pos, key);
        for (; i < end && ds->obs_key[i] == key; i++) {
            if (!casia__ix_row_ok(c, i))
                continue;
            if (push(out, n, &cap, i) != CASIA_OK)
                return CASIA_ENOMEM;
        }
        pos += casia__lower_bound(ds->obs_key + pos, end - pos,
                                  CASIA__KEY(mind, k + 1, 0, 0));
    }
    return CASIA_OK;
}

/* ------------------------------------------------------------------ */
/* Building a partner table                                            */

/* The rows of one partner: a contiguous range of the store. */
typedef struct group {
    int partner;
    size_t lo, hi;
} group;

/* Splits rows (store order, one key per partner) into groups. `field`
 * 0: the partner is the key's partner; 1: the key's reporter. */
static size_t split_groups(group *g, const casia_dataset *ds,
                           const size_t *rows, size_t n, int field)
{
    size_t i, m = 0;
    for (i = 0; i < n; i++) {
        uint64_t k = ds->obs_key[rows[i]];
        int p = field ? (int)CASIA__KEY_REP(k) : (int)CASIA__KEY_PAR(k);
        if (m > 0 && g[m - 1].partner == p) {
            g[m - 1].hi = rows[i] + 1;
        } else {
            g[m].partner = p;
            g[m].lo = rows[i];
            g[m].hi = rows[i] + 1;
            m++;
        }
    }
    return m;
}

/*
 * Merges two partner-sorted group lists: the next partner *p, with its
 * group in each list (NULL when absent), advancing *i and *j.
 */
static void next_partner(const group **a, const group **b, int *p,
                         const group *go, size_t no, size_t *i,
                         const group *gt, size_t nt, size_t *j)
{
    int pa = *i < no ? go[*i].partner : INT_MAX;
    int pb = *j < nt ? gt[*j].partner : INT_MAX;
    *p = pa < pb ? pa : pb;
    /* cppcheck 2.10 calls the next condition always false; it is true
     * whenever pa <= pb (cppcheck-suppress: false positive) */
    /* cppcheck-suppress knownConditionTrueFalse */
    *a = pa == *p ? &go[(*i)++] : NULL;
    *b = pb == *p ? &gt[(*j)++] : NULL;
}

static int add_entry(casia__ttable *t, const casia_dataset *ds, int partner,
                     long obs, int basis, int mirror, int several)
{
    casia__tentry *e;
    if (t->n == t->cap) {
        size_t nc = t->cap ? t->cap * 2 : 16;
        casia__tentry *ne = realloc(t->e, nc * sizeof *ne);
        if (!ne)
            return CASIA_ENOMEM;
        t->e = ne;
        t->cap = nc;
    }
    e = &t->e[t->n++];
    e->partner = partner;
    e->obs = obs;
    e->value = ds->obs_value[obs];
    e->basis = basis;
    e->mirror = mirror;
    e->several = several;
    e->aggregate = casia__ix_aggregate(partner);
    return CASIA_OK;
}

/* A candidate partner list: (rank of basis, source) and a partner. */
typedef struct cand {
    int rank;     /* own: position in c->own; mirror: 0 */
    int source;
    int partner;
} cand;

static int cmp_cand(const void *a, const void *b)
{
    const cand *x = a, *y = b;
    if (x->rank != y->rank)
        return x->rank < y->rank ? -1 : 1;
    if (x->source != y->source)
        return x->source < y->source ? -1 : 1;
    return (x->partner > y->partner) - (x->partner < y->partner);
}

/*
 * The (rank, source) with most distinct partners, at least `need`; ties
 * go to the lower rank, then the smaller source. Returns 0 when none.
 */
static int best_list(cand *cs, size_t n, unsigned need, int *rank, int *source)
{
    size_t i = 0;
    size_t best = 0;
    if (n > 1)
        qsort(cs, n, sizeof *cs, cmp_cand);
    while (i < n) {
        size_t j = i, count = 0;
        while (j < n && cs[j].rank == cs[i].rank && cs[j].source == cs[i].source) {
            if (j == i || cs[j].partner != cs[j - 1].partner)
                count++;
            j++;
        }
        /* sorted by rank then source: the first list of a size wins ties */
        if (count >= need && count > best) {
            best = count;
            *rank = cs[i].rank;
            *source = cs[i].source;
        }
        i = j;
    }
    return best > 0;
}

static int pick_partner_world(casia__pick *p, const casia__ix *c,
                              const group *own, const group *tr, int prefer)
{
    int k, several;
    long o;
    if (own && c->mirror != CASIA__MIRROR_ONLY) {
        for (k = 0; k < c->n_own; k++) {
            o = casia__ix_pick_range(c, own->lo, own->hi, c->own[k], prefer,
                                     &several);
            if (o >= 0) {
                p->obs = o;
                p->basis = c->own[k];
                p->mirror = 0;
                p->several = several;
                return 1;
            }
        }
    }
    if (c->mirror == CASIA__MIRROR_NO)
        return 0;
    if (own) {
        o = casia__ix_pick_range(c, own->lo, own->hi, CASIA_BASIS_PARTNER_MIRROR,
                                 prefer, &several);
        if (o >= 0) {
            p->obs = o;
            p->basis = CASIA_BASIS_PARTNER_MIRROR;
            p->mirror = 1;
            p->several = several;
            return 1;
        }
    }
    if (tr) {
        for (k = 0; k < 3; k++) {
            o = casia__ix_pick_range(c, tr->lo, tr->hi, partner_bases[k], prefer,
                                     &several);
            if (o >= 0) {
                p->obs = o;
                p->basis = CASIA_BASIS_PARTNER_MIRROR;
                p->mirror = 2;
                p->several = several;
                return 1;
            }
        }
    }
    return 0;
}

/* The row of exactly (basis, source) in a group, or -1. */
static long row_of(const casia__ix *c, const group *g, int basis, int source)
{
    size_t i;
    for (i = g->lo; i < g->hi; i++)
        if (c->ds->obs_basis[i] == basis && c->ds->obs_source[i] == source &&
            casia__ix_row_ok(c, i))
            return (long)i;
    return -1;
}

static int count_basis(const casia__ix *c, const group *g, int basis)
{
    size_t i;
    int n = 0;
    for (i = g->lo; i < g->hi; i++)
        if (c->ds->obs_basis[i] == basis && casia__ix_row_ok(c, i))
            n++;
    return n;
}

/* The groups of one table: the reporter's own rows and the partners'
 * transposed rows, split by partner. */
typedef struct tgroups {
    const group *go, *gt;
    size_t no, nt;
} tgroups;

/* 1. the world row: its value, basis and source become the total */
static void world_total(casia__ttable *t, const casia__ix *c, const group *world)
{
    const casia_dataset *ds = c->ds;
    long o = -1;
    int several = 0, basis = 0, k;
    if (c->mirror != CASIA__MIRROR_ONLY) {
        for (k = 0; k < c->n_own && o < 0; k++) {
            o = casia__ix_pick_range(c, world->lo, world->hi, c->own[k], -1,
                                     &several);
            basis = c->own[k];
        }
    }
    if (o < 0 && c->mirror != CASIA__MIRROR_NO) {
        o = casia__ix_pick_range(c, world->lo, world->hi,
                                 CASIA_BASIS_PARTNER_MIRROR, -1, &several);
        basis = CASIA_BASIS_PARTNER_MIRROR;
    }
    if (o >= 0) {
        t->kind = CASIA__TOTAL_WORLD;
        t->total = ds->obs_value[o];
        t->total_basis = basis;
        t->total_source = ds->obs_source[o];
        t->total_several = several;
    }
}

/* 2a. with a world row: each partner by the pair rule, preferring the
 * total's source */
static int entries_by_pair(casia__ttable *t, const casia__ix *c, int rep,
                           const tgroups *g)
{
    size_t i = 0, j = 0;
    while (i < g->no || j < g->nt) {
        const group *a, *b;
        int p;
        casia__pick pk;
        next_partner(&a, &b, &p, g->go, g->no, &i, g->gt, g->nt, &j);
        if (p == c->world || p == rep)
            continue;
        if (pick_partner_world(&pk, c, a, b, t->total_source) &&
            add_entry(t, c->ds, p, pk.obs, pk.basis, pk.mirror, pk.several))
            return CASIA_ENOMEM;
    }
    t->status = t->total > 0 ? CASIA_OK : CASIA_EDOMAIN;
    return CASIA_OK;
}

/* Whether a group counts in a partner list: a partner, not the world, the
 * reporter or an aggregate. */
static int listed(const casia__ix *c, int rep, const group *g)
{
    return g->partner != c->world && g->partner != rep &&
           !casia__ix_aggregate(g->partner);
}

/* 2b. without a world row: the candidate lists, the reporter's own by
 * basis rank (mirror 0), or the mirror's (mirror 1: rank 0 for every
 * row, own rows of basis partner_mirror and the partners' own rows).
 * Returns the number of candidates written to cs. */
static size_t candidates(cand *cs, const casia__ix *c, int rep,
                         const tgroups *g, int mirror)
{
    const casia_dataset *ds = c->ds;
    size_t i, r, nc = 0;
    int k;
    for (i = 0; i < g->no; i++) {
        if (!listed(c, rep, &g->go[i]))
            continue;
        for (r = g->go[i].lo; r < g->go[i].hi; r++) {
            if (!casia__ix_row_ok(c, r))
                continue;
            for (k = 0; k < (mirror ? 1 : c->n_own); k++) {
                if (mirror ? ds->obs_basis[r] != CASIA_BASIS_PARTNER_MIRROR
                           : ds->obs_basis[r] != c->own[k])
                    continue;
                cs[nc].rank = mirror ? 0 : k;
                cs[nc].source = ds->obs_source[r];
                cs[nc].partner = g->go[i].partner;
                nc++;
            }
        }
    }
    for (i = 0; mirror && i < g->nt; i++) {
        if (!listed(c, rep, &g->gt[i]))
            continue;
        for (r = g->gt[i].lo; r < g->gt[i].hi; r++) {
            if (casia__ix_row_ok(c, r) && casia__ix_own_rank(ds->obs_basis[r]) >= 0) {
                cs[nc].rank = 0;
                cs[nc].source = ds->obs_source[r];
                cs[nc].partner = g->gt[i].partner;
                nc++;
            }
        }
    }
    return nc;
}

/* 2b. the entries of the chosen list (rank >= 0: the reporter's own of
 * basis c->own[rank]; -1: the mirror), all from one source */
static int entries_of_list(casia__ttable *t, const casia__ix *c, int rep,
                           const tgroups *g, int rank, int source)
{
    size_t i = 0, j = 0;
    int k;
    while (i < g->no || j < g->nt) {
        const group *a, *b;
        int p;
        long o = -1;
        int mirror = 0, several = 0;
        next_partner(&a, &b, &p, g->go, g->no, &i, g->gt, g->nt, &j);
        if (p == c->world || p == rep)
            continue;
        if (rank >= 0) {
            if (a) {
                o = row_of(c, a, c->own[rank], source);
                several = count_basis(c, a, c->own[rank]) > 1;
            }
        } else {
            if (a) {
                o = row_of(c, a, CASIA_BASIS_PARTNER_MIRROR, source);
                mirror = 1;
            }
            for (k = 0; o < 0 && b && k < 3; k++) {
                o = row_of(c, b, partner_bases[k], source);
                mirror = 2;
            }
        }
        if (o >= 0 && add_entry(t, c->ds, p, o, t->total_basis, mirror, several))
            return CASIA_ENOMEM;
    }
    return CASIA_OK;
}

/* 2b. the total: the exact sum of the listed partners' values */
static void sum_entries(casia__ttable *t)
{
    casia__sum s;
    size_t i;
    casia__sum_init(&s);
    for (i = 0; i < t->n; i++) {
        if (!t->e[i].aggregate && casia__sum_add(&s, t->e[i].value)) {
            t->status = CASIA_ERANGE;
            return;
        }
    }
    t->total = casia__sum_value(&s);
    t->status = t->total > 0 ? CASIA_OK : CASIA_EDOMAIN;
}

/* 2b. without a world row: the partner list of one source */
static int entries_by_list(casia__ttable *t, const casia__ix *c, int rep,
                           const tgroups *g, cand *cs)
{
    int rank = -1, source = -1, found = 0, rc;
    if (c->mirror != CASIA__MIRROR_ONLY)
        found = best_list(cs, candidates(cs, c, rep, g, 0), c->opt.min_partners,
                          &rank, &source);
    if (!found && c->mirror != CASIA__MIRROR_NO &&
        best_list(cs, candidates(cs, c, rep, g, 1), c->opt.min_partners, &rank,
                  &source)) {
        found = 1;
        rank = -1;   /* the mirror */
    }
    if (!found)
        return CASIA_OK;   /* status stays ENOTFOUND */
    t->kind = CASIA__TOTAL_SUM;
    t->total_source = source;
    t->total_basis = rank >= 0 ? c->own[rank] : CASIA_BASIS_PARTNER_MIRROR;
    if ((rc = entries_of_list(t, c, rep, g, rank, source)) != CASIA_OK)
        return rc;
    sum_entries(t);
    return CASIA_OK;
}

int casia__ttable_build(casia__ttable *t, const casia__ix *c, int rep,
                        const size_t *own, size_t n_own, const size_t *trans,
                        size_t n_trans)
{
    const casia_dataset *ds = c->ds;
    group *go = NULL, *gt = NULL;
    cand *cs = NULL;
    tgroups g;
    size_t i;
    int rc = CASIA_ENOMEM;
    const group *world = NULL;

    memset(t, 0, sizeof *t);
    t->status = CASIA_ENOTFOUND;
    t->total_source = -1;
    go = malloc((n_own ? n_own : 1) * sizeof *go);
    gt = malloc((n_trans ? n_trans : 1) * sizeof *gt);
    cs = malloc(((n_own + n_trans) ? n_own + n_trans : 1) * sizeof *cs);
    if (!go || !gt || !cs)
        goto done;
    g.go = go;
    g.gt = gt;
    g.no = split_groups(go, ds, own, n_own, 0);
    g.nt = split_groups(gt, ds, trans, n_trans, 1);
    for (i = 0; i < g.no; i++)
        if (go[i].partner == c->world)
            world = &go[i];

    if (world && c->opt.total != CASIA_TOTAL_PARTNERS)
        world_total(t, c, world);
    if (t->kind == CASIA__TOTAL_WORLD)
        rc = entries_by_pair(t, c, rep, &g);
    else if (c->opt.total == CASIA_TOTAL_WORLD)
        rc = CASIA_OK;   /* status stays ENOTFOUND */
    else
        rc = entries_by_list(t, c, rep, &g, cs);
done:
    free(go);
    free(gt);
    free(cs);
    if (rc != CASIA_OK) {
        free(t->e);
        t->e = NULL;
        t->n = t->cap = 0;
    }
    return rc;
}

void casia__ttable_free(casia__ttable *t)
{
    if (t) {
        free(t->e);
        t->e = NULL;
        t->n = t->cap = 0;
    }
}

const casia__tentry *casia__ttable_find(const casia__ttable *t, int partner)
{
    size_t lo = 0, hi = t->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (t->e[mid].partner < partner)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < t->n && t->e[lo].partner == partner ? &t->e[lo] : NULL;
}

/* ------------------------------------------------------------------ */
/* Results from tables                                                 */

static void add_total(casia_result *r, const casia__ix *c,
                      const casia__ttable *t)
{
    casia__res_source(r, c->ds, t->total_source);
    casia__res_basis(r, t->total_basis);
    r->flags |= t->kind == CASIA__TOTAL_WORLD ? CASIA_RESULT_TOTAL_WORLD
                                              : CASIA_RESULT_TOTAL_PARTNERS;
    if (t->total_several)
        r->flags |= CASIA_RESULT_SOURCE_CHOSEN;
}

static void add_entry_info(casia_result *r, const casia__ix *c,
                           const casia__tentry *e)
{
    casia__pick p;
    p.obs = e->obs;
    p.basis = e->basis;
    p.mirror = e->mirror;
    p.several = e->several;
    casia__res_pick(r, c->ds, &p);
}

int casia__table_share(casia_result *out, const casia__ix *c,
                       const casia__ttable *a, const casia__ttable *b,
                       int partner, int year)
{
    const casia__tentry *ea, *eb = NULL;
    casia_result r;
    double num, den;
    if (a->status != CASIA_OK)
        return a->status;
    if (b && b->status != CASIA_OK)
        return b->status;
    ea = casia__ttable_find(a, partner);
    if (!ea)
        return CASIA_ENOTFOUND;
    if (b && !(eb = casia__ttable_find(b, partner)))
        return CASIA_ENOTFOUND;
    casia__res_init(&r, "fraction", year, year);
    casia__res_year(&r, year);
    add_entry_info(&r, c, ea);
    add_total(&r, c, a);
    num = ea->value;
    den = a->total;
    if (b) {
        add_entry_info(&r, c, eb);
        add_total(&r, c, b);
        if (add2(&num, num, eb->value) != CASIA_OK ||
            add2(&den, den, b->total) != CASIA_OK)
            return CASIA_ERANGE;
    }
    r.numerator = num;
    r.denominator = den;
    r.value = num / den;
    casia__res_finish(&r);
    *out = r;
    return CASIA_OK;
}

static int cmp_ranked(const void *x, const void *y)
{
    const casia__ranked *a = x, *b = y;
    if (a->value != b->value)
        return a->value > b->value ? -1 : 1;
    return (a->partner > b->partner) - (a->partner < b->partner);
}

static unsigned entry_flags(const casia__tentry *e)
{
    unsigned f = 0;
    if (e->mirror)
        f |= CASIA_RESULT_MIRROR;
    if (e->mirror == 2)
        f |= CASIA_RESULT_MIRROR_TRANSPOSED;
    if (e->several)
        f |= CASIA_RESULT_SOURCE_CHOSEN;
    return f;
}

int casia__table_rank(casia__ranked **out, size_t *n, casia_result *total,
                      const casia__ix *c, const casia__ttable *a,
                      const casia__ttable *b, int year)
{
    casia__ranked *r;
    casia_result tr;
    casia__sum cov;   /* the ranked partners' values, exactly */
    size_t i, j, m = 0;
    double den;
    if (a->status != CASIA_OK)
        return a->status;
    if (b && b->status != CASIA_OK)
        return b->status;
    r = malloc((a->n ? a->n : 1) * sizeof *r);
    if (!r)
        return CASIA_ENOMEM;
    casia__res_init(&tr, "USD", year, year);
    casia__res_year(&tr, year);
    add_total(&tr, c, a);
    den = a->total;
    if (b) {
        add_total(&tr, c, b);
        if (add2(&den, den, b->total) != CASIA_OK) {
            free(r);
            return CASIA_ERANGE;
        }
    }
    casia__sum_init(&cov);
    for (i = 0, j = 0; i < a->n; i++) {
        const casia__tentry *ea = &a->e[i], *eb = NULL;
        if (ea->aggregate)
            continue;
        if (b) {
            while (j < b->n && b->e[j].partner < ea->partner)
                j++;
            if (j >= b->n || b->e[j].partner != ea->partner)
                continue;
            eb = &b->e[j];
        }
        r[m].partner = ea->partner;
        r[m].value = ea->value;
        if ((eb && add2(&r[m].value, ea->value, eb->value) != CASIA_OK) ||
            casia__sum_add(&cov, ea->value) != CASIA_OK ||
            (eb && casia__sum_add(&cov, eb->value) != CASIA_OK)) {
            free(r);
            return CASIA_ERANGE;
        }
        r[m].share = r[m].value / den;
        r[m].basis = ea->basis;
        r[m].obs = ea->obs;
        r[m].flags = entry_flags(ea);
        add_entry_info(&tr, c, ea);
        if (eb) {
            if (eb->basis != ea->basis) {
                r[m].basis = CASIA_BASIS_MIXED;
                r[m].flags |= CASIA_RESULT_MIXED_BASIS;
            }
            r[m].flags |= entry_flags(eb);
            add_entry_info(&tr, c, eb);
        }
        m++;
    }
    if (m > 1)
        qsort(r, m, sizeof *r, cmp_ranked);
    tr.value = den;
    tr.denominator = den;
    tr.count = m;
    /*
     * The coverage is what the ranked partners add up to, over the total:
     * their exact sum divided once. With a total summed over one source's
     * partners it is exactly 1 for one flow; for turnover only when every
     * partner has both flows: a partner with one flow is in the total but
     * has no turnover share, so it is not ranked (docs/indices.md, "Top
     * partners and concentration").
     */
    tr.coverage = casia__sum_value(&cov) / den;
    tr.numerator = 0;
    casia__res_finish(&tr);
    if (total)
        *total = tr;
    *out = r;
    *n = m;
    return CASIA_OK;
}

int casia__hhi_from(casia_result *out, const casia__ranked *r, size_t n,
                    const casia_result *total)
{
    casia_result h = *total;
    double *sq;
    size_t i;
    double c;
    if (n == 0)
        return CASIA_ENOTFOUND;
    sq = malloc(n * sizeof *sq);
    if (!sq)
        return CASIA_ENOMEM;
    for (i = 0; i < n; i++)
        sq[i] = r[i].share * r[i].share;
    h.unit = "fraction";
    h.lower = casia__sum_canonical(sq, n);
    free(sq);
    h.value = h.lower;
    h.numerator = 0;
    h.denominator = total->value;
    c = total->coverage;
    if (c > 1) {
        h.upper = h.lower;
        h.flags |= CASIA_RESULT_COVERAGE_OVER;
    } else {
        h.upper = h.lower + (1 - c) * (1 - c);
    }
    *out = h;
    return CASIA_OK;
}

/* ------------------------------------------------------------------ */
/* The public trade functions                                          */

static int check_year(int year)
{
    return year >= CASIA__YEAR_MIN && year <= CASIA__YEAR_MAX;
}

/* Builds the table of one flow (not turnover) for the per-call path. */
static int flow_table(casia__ttable *t, const casia__ix *c, int ind, int mind,
                      int rep, int year)
{
    size_t *own = NULL, *tr = NULL, n_own = 0, n_tr = 0;
    int rc = casia__gather_own(&own, &n_own, c, ind, rep, year);
    if (rc == CASIA_OK)
        rc = casia__gather_trans(&tr, &n_tr, c, c->mirror == CASIA__MIRROR_NO ? -1 : mind,
                                 rep, year);
    if (rc == CASIA_OK)
        rc = casia__ttable_build(t, c, rep, own, n_own, tr, n_tr);
    free(own);
    free(tr);
    return rc;
}

/* The tables a flow needs: a (import or export) and for turnover b. */
static int trade_tables(casia__ttable *a, casia__ttable *b, int *have_b,
                        const casia__ix *c, int rep, int year, casia_flow flow)
{
    int ind, mind, rc;
    *have_b = 0;
    memset(b, 0, sizeof *b);
    if (flow == CASIA_FLOW_TURNOVER) {
        casia__flow_indicators(c->ds, CASIA_FLOW_EXPORT, &ind, &mind);
        rc = flow_table(a, c, ind, mind, rep, year);
        if (rc != CASIA_OK)
            return rc;
        casia__flow_indicators(c->ds, CASIA_FLOW_IMPORT, &ind, &mind);
        rc = flow_table(b, c, ind, mind, rep, year);
        if (rc != CASIA_OK) {
            casia__ttable_free(a);
            return rc;
        }
        *have_b = 1;
        return CASIA_OK;
    }
    casia__flow_indicators(c->ds, flow, &ind, &mind);
    return flow_table(a, c, ind, mind, rep, year);
}

static int valid_flow(casia_flow flow)
{
    return flow == CASIA_FLOW_IMPORT || flow == CASIA_FLOW_EXPORT ||
           flow == CASIA_FLOW_TURNOVER;
}

CASIA_API int casia_trade_share(casia_result *out, const casia_dataset *ds,
                                const char *reporter, const char *partner,
                                int year, casia_flow flow,
                                const casia_options *opt)
{
    casia__ix c;
    casia__ttable a, b;
    int rc, rep, par, have_b;
    if (!out || !valid_flow(flow) || !check_year(year))
        return CASIA_EINVAL;
    if ((rc = casia__ix_pair(&c, &rep, &par, ds, reporter, partner, opt)) != CASIA_OK)
        return rc;
    if ((rc = trade_tables(&a, &b, &have_b, &c, rep, year, flow)) != CASIA_OK)
        return rc;
    rc = casia__table_share(out, &c, &a, have_b ? &b : NULL, par, year);
    casia__ttable_free(&a);
    casia__ttable_free(&b);
    if (rc == CASIA_ENOTFOUND)   /* the published aggregates (published.c) */
        rc = casia__published_share(out, &c, rep, par, year, flow);
    return rc;
}

static int fill_ranking(casia_rank_entry *out, size_t cap, size_t *count,
                        casia_result *total, const casia__ix *c,
                        const casia__ranked *r, size_t n,
                        const casia_result *tr)
{
    size_t i;
    for (i = 0; i < n && i < cap; i++) {
        out[i].partner = casia__country_code(r[i].partner);
        out[i].value = r[i].value;
        out[i].share = r[i].share;
        out[i].basis = (casia_basis)r[i].basis;
        out[i].source = r[i].obs >= 0
                            ? casia__strtab_get(&c->ds->strings,
                                                c->ds->sources[c->ds->obs_source[r[i].obs]].id)
                            : NULL;
        out[i].flags = r[i].flags;
    }
    *count = n;
    if (total)
        *total = *tr;
    return CASIA_OK;
}

CASIA_API int casia_top_partners(casia_rank_entry *out, size_t cap,
                                 size_t *count, casia_result *total,
                                 const casia_dataset *ds,
                                 const char *reporter, int year,
                                 casia_flow flow, const casia_options *opt)
{
    casia__ix c;
    casia__ttable a, b;
    casia__ranked *r = NULL;
    casia_result tr;
    size_t n = 0;
    int rc, rep, have_b;
    if (!count || (cap && !out) || !valid_flow(flow) || !check_year(year))
        return CASIA_EINVAL;
    if ((rc = casia__ix_init(&c, ds, opt)) != CASIA_OK)
        return rc;
    if ((rc = casia__ix_country(&rep, reporter)) != CASIA_OK)
        return rc;
    if ((rc = trade_tables(&a, &b, &have_b, &c, rep, year, flow)) != CASIA_OK)
        return rc;
    rc = casia__table_rank(&r, &n, &tr, &c, &a, have_b ? &b : NULL, year);
    if (rc == CASIA_OK)
        rc = fill_ranking(out, cap, count, total, &c, r, n, &tr);
    free(r);
    casia__ttable_free(&a);
    casia__ttable_free(&b);
    return rc;
}

CASIA_API int casia_hhi(casia_result *out, const casia_dataset *ds,
                        const char *reporter, int year, casia_flow flow,
                        const casia_options *opt)
{
    casia__ix c;
    casia__ttable a, b;
    casia__ranked *r = NULL;
    casia_result tr;
    size_t n = 0;
    int rc, rep, have_b;
    if (!out || !valid_flow(flow) || !check_year(year))
        return CASIA_EINVAL;
    if ((rc = casia__ix_init(&c, ds, opt)) != CASIA_OK)
        return rc;
    if ((rc = casia__ix_country(&rep, reporter)) != CASIA_OK)
        return rc;
    if ((rc = trade_tables(&a, &b, &have_b, &c, rep, year, flow)) != CASIA_OK)
        return rc;
    rc = casia__table_rank(&r, &n, &tr, &c, &a, have_b ? &b : NULL, year);
    if (rc == CASIA_OK)
        rc = casia__hhi_from(out, r, n, &tr);
    free(r);
    casia__ttable_free(&a);
    casia__ttable_free(&b);
    return rc;
}

CASIA_API int casia_energy_share(casia_result *out, const casia_dataset *ds,
                                 const char *reporter, const char *partner,
                                 int year, const casia_options *opt)
{
    casia__ix c;
    casia__ttable t;
    int rc, rep, par, ind, mind;
    if (!out || !check_year(year))
        return CASIA_EINVAL;
    if ((rc = casia__ix_pair(&c, &rep, &par, ds, reporter, partner, opt)) != CASIA_OK)
        return rc;
    ind = casia__dataset_indicator_id(ds, "energy.gas_import_bcm");
    mind = casia__dataset_indicator_id(ds, "energy.gas_export_bcm");
    if ((rc = flow_table(&t, &c, ind, mind, rep, year)) != CASIA_OK)
        return rc;
    rc = casia__table_share(out, &c, &t, NULL, par, year);
    casia__ttable_free(&t);
    if (rc == CASIA_ENOTFOUND)   /* pipeline gas (published.c) */
        rc = casia__pipeline_share(out, &c, rep, par, year);
    return rc;
}

/* ------------------------------------------------------------------ */
/* Statistical discrepancy                                             */

/* The turnover gap from published turnovers: the reporter's own
 * (trade.turnover, i, j) against the partner's (stored as a mirror, or
 * the partner's own report of its turnover with i). */
static int published_gap(casia_result *out, const casia__ix *c, int rep,
                         int par, int year)
{
    const casia_dataset *ds = c->ds;
    int it = casia__dataset_indicator_id(ds, "trade.turnover");
    casia__pick own, m;
    casia_result r;
    double a, b;
    if (it < 0 ||
        casia__ix_pick_own(&own, c, it, rep, par, year, -1) != CASIA_OK ||
        casia__ix_pick_mirror(&m, c, it, it, rep, par, year,
                              (int)ds->obs_source[own.obs]) != CASIA_OK)
        return CASIA_ENOTFOUND;
    a = ds->obs_value[own.obs];
    b = ds->obs_value[m.obs];
    if (a >= 0x1p62 || b >= 0x1p62)
        return CASIA_ERANGE;
    if (a == 0)
        return CASIA_EDOMAIN;
    casia__res_init(&r, "fraction", year, year);
    casia__res_year(&r, year);
    casia__res_pick(&r, ds, &own);
    casia__res_pick(&r, ds, &m);
    r.flags |= CASIA_RESULT_PUBLISHED_TURNOVER;
    r.numerator = b;
    r.denominator = a;
    r.value = (b - a) / a;
    casia__res_finish(&r);
    *out = r;
    return CASIA_OK;
}

int casia__discrepancy(casia_result *out, const casia__ix *c0, casia_flow flow,
                       int rep, int par, int year)
{
    casia__ix c = *c0;
    casia_result r;
    casia__sum mir, rpt;
    casia_flow flows[2];
    int nf, f, ind, mind;
    double den;
    if (c.mirror == CASIA__MIRROR_ONLY) {
        if (c.opt.basis == CASIA_BASIS_PARTNER_MIRROR)
            return CASIA_EINVAL;   /* the reported side needs an own basis */
        c.own[0] = CASIA_BASIS_REPORTER;
        c.own[1] = CASIA_BASIS_NATIONAL_STATS;
        c.own[2] = CASIA_BASIS_OTHER;
        c.n_own = 3;
    }
    if (flow == CASIA_FLOW_TURNOVER) {
        flows[0] = CASIA_FLOW_EXPORT;
        flows[1] = CASIA_FLOW_IMPORT;
        nf = 2;
    } else {
        flows[0] = flow;
        nf = 1;
    }
    casia__res_init(&r, "fraction", year, year);
    casia__res_year(&r, year);
    casia__sum_init(&mir);
    casia__sum_init(&rpt);
    for (f = 0; f < nf; f++) {
        casia__pick own, m;
        casia__flow_indicators(c.ds, flows[f], &ind, &mind);
        if (casia__ix_pick_own(&own, &c, ind, rep, par, year, -1) != CASIA_OK ||
            casia__ix_pick_mirror(&m, &c, ind, mind, rep, par, year,
                                  c.ds->obs_source[own.obs]) != CASIA_OK) {
            if (flow == CASIA_FLOW_TURNOVER)
                return published_gap(out, &c, rep, par, year);
            return CASIA_ENOTFOUND;
        }
        casia__res_pick(&r, c.ds, &own);
        casia__res_pick(&r, c.ds, &m);
        if (casia__sum_add(&rpt, c.ds->obs_value[own.obs]) ||
            casia__sum_add(&mir, c.ds->obs_value[m.obs]))
            return CASIA_ERANGE;
    }
    den = casia__sum_value(&rpt);
    if (den == 0)
        return CASIA_EDOMAIN;
    r.numerator = casia__sum_value(&mir);
    r.denominator = den;
    r.value = (r.numerator - den) / den;
    casia__res_finish(&r);
    *out = r;
    return CASIA_OK;
}

CASIA_API int casia_trade_discrepancy(casia_result *out,
                                      const casia_dataset *ds,
                                      const char *reporter,
                                      const char *partner, int year,
                                      casia_flow flow,
                                      const casia_options *opt)
{
    casia__ix c;
    int rc, rep, par;
    if (!out || !valid_flow(flow) || !check_year(year))
        return CASIA_EINVAL;
    if ((rc = casia__ix_pair(&c, &rep, &par, ds, reporter, partner, opt)) != CASIA_OK)
        return rc;
    return casia__discrepancy(out, &c, flow, rep, par, year);
}
