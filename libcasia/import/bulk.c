/*
 * bulk.c - the observations of one import (one source, one basis), kept
 * compact and handed to a dataset without a copy.
 *
 * The general builder keeps 32 bytes per observation and sorts with qsort,
 * which allocates as much again: fine for hand-made datasets, too much for
 * a world Comtrade file. Here:
 *  - without summing, an observation is a key (8 bytes), a value (8) and
 *    its line (4), in three arrays; at the end they are sorted together in
 *    place (introsort: no extra memory), equal keys with equal values are
 *    kept once and different values are a conflict naming both lines;
 *  - with summing (months into years, chapters into totals, deliveries of
 *    many deals), each key has an exact sum (casia__sum) in an
 *    open-addressing table of 24-byte slots, and a mask of the months seen,
 *    so that a month given twice is caught at its row;
 *  - the key and value arrays become the dataset's own columns (realloc to
 *    the exact size), so at no point do two copies of them exist.
 * The dataset's strings, indicators and source are made by the builder,
 * as for every other dataset.
 */
#include "bulk.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The accumulator's own key: indicator (local id) 16 bits, reporter and
 * partner 10 bits each, year - 1900 8 bits; when summing months, the mask
 * of months seen above them (bit 0 the annual figure), and bit 63 marks a
 * used slot. */
#define K_YEAR_BITS 8
#define K_PAR_SHIFT 8
#define K_REP_SHIFT 18
#define K_IND_SHIFT 28
#define K_MASK_SHIFT 44
#define K_USED (1ULL << 63)
#define K_KEY_MASK ((1ULL << K_MASK_SHIFT) - 1)

typedef struct slot {
    uint64_t key;     /* K_USED | months << K_MASK_SHIFT | key; 0 = empty */
    casia__sum sum;
} slot;

typedef struct ind_entry {
    char *name;
    char *unit;       /* NULL for an indicator libcasia knows */
} ind_entry;

struct casia__bulk {
    int summing;
    int ordered;        /* summing a file ordered by year: keys of the years
                           the file has left are final, moved out of the
                           table into keys/vals */
    int max_year;       /* the latest year seen */
    int closed_year;    /* the years up to it are final */
    ind_entry *inds;
    unsigned n_inds, cap_inds;
    /* without summing (and the final keys of an ordered sum) */
    uint64_t *keys;
    double *vals;
    uint32_t *lines;   /* NULL in an ordered sum */
    size_t n, cap;
    /* with summing */
    slot *slots;
    size_t nslots, used;
};

casia__bulk *casia__bulk_new(int summing)
{
    casia__bulk *b = calloc(1, sizeof *b);
    if (b)
        b->summing = summing;
    return b;
}

void casia__bulk_ordered(casia__bulk *b)
{
    if (b->summing && b->used == 0 && b->n == 0) {
        b->ordered = 1;
        b->max_year = b->closed_year = 0;
    }
}

void casia__bulk_free(casia__bulk *b)
{
    unsigned i;
    if (!b)
        return;
    for (i = 0; i < b->n_inds; i++) {
        free(b->inds[i].name);
        free(b->inds[i].unit);
    }
    free(b->inds);
    free(b->keys);
    free(b->vals);
    free(b->lines);
    free(b->slots);
    free(b);
}

static char *dup(const char *s)
{
    size_t n;
    char *d;
    if (!s)
        return NULL;
    n = strlen(s) + 1;
    if ((d = malloc(n)) != NULL)
        memcpy(d, s, n);
    return d;
}

int casia__bulk_indicator(casia__bulk *b, unsigned *id, const char *name,
                          const char *unit, casia_error *err)
{
    const char *fixed = casia__indicator_unit(name, strlen(name));
    unsigned i;
    if (fixed && unit && strcmp(unit, fixed) != 0)
        return casia__error_set(err, CASIA_ESCHEMA, NULL,
                                "unit \"%s\" for indicator %s, whose unit is %s",
                                unit, name, fixed);
    for (i = 0; i < b->n_inds; i++)
        if (strcmp(b->inds[i].name, name) == 0) {
            *id = i;
            return CASIA_OK;
        }
    if (b->n_inds >= 0xffff)
        return casia__error_set(err, CASIA_ERANGE, NULL, "more than 65535 indicators");
    if (b->n_inds == b->cap_inds) {
        unsigned ncap = b->cap_inds ? b->cap_inds * 2 : 16;
        ind_entry *ni = realloc(b->inds, ncap * sizeof *ni);
        if (!ni)
            return casia__error_set(err, CASIA_ENOMEM, NULL, NULL);
        b->inds = ni;
        b->cap_inds = ncap;
    }
    b->inds[b->n_inds].name = dup(name);
    b->inds[b->n_inds].unit = fixed ? NULL : dup(unit ? unit : "unspecified");
    if (!b->inds[b->n_inds].name || (!fixed && !b->inds[b->n_inds].unit)) {
        free(b->inds[b->n_inds].name);
        free(b->inds[b->n_inds].unit);
        return casia__error_set(err, CASIA_ENOMEM, NULL, NULL);
    }
    *id = b->n_inds++;
    return CASIA_OK;
}

static uint64_t make_key(unsigned ind, int rep, int par, int year)
{
    return ((uint64_t)ind << K_IND_SHIFT) | ((uint64_t)rep << K_REP_SHIFT) |
           ((uint64_t)par << K_PAR_SHIFT) | (uint64_t)(year - CASIA__YEAR_MIN);
}

static size_t hash(uint64_t key, size_t nslots)
{
    uint64_t h = (key & K_KEY_MASK) * 0x9E3779B97F4A7C15ULL;
    return (size_t)(h >> 20) & (nslots - 1);
}

static int grow_table(casia__bulk *b)
{
    size_t n = b->nslots ? b->nslots * 2 : 1024, i;
    slot *ns = calloc(n, sizeof *ns);
    if (!ns)
        return CASIA_ENOMEM;
    for (i = 0; i < b->nslots; i++) {
        if (b->slots[i].key) {
            size_t h = hash(b->slots[i].key, n);
            while (ns[h].key)
                h = (h + 1) & (n - 1);
            ns[h] = b->slots[i];
        }
    }
    free(b->slots);
    b->slots = ns;
    b->nslots = n;
    return CASIA_OK;
}

static int grow_arrays(casia__bulk *b, int with_lines)
{
    size_t ncap = b->cap ? b->cap + b->cap / 2 : 4096;
    uint64_t *k = realloc(b->keys, ncap * sizeof *k);
    double *v;
    uint32_t *l;
    if (!k)
        return CASIA_ENOMEM;
    b->keys = k;
    if (!(v = realloc(b->vals, ncap * sizeof *v)))
        return CASIA_ENOMEM;
    b->vals = v;
    if (with_lines) {
        if (!(l = realloc(b->lines, ncap * sizeof *l)))
            return CASIA_ENOMEM;
        b->lines = l;
    }
    b->cap = ncap;
    return CASIA_OK;
}

/* Moves every key of the table to keys/vals (their sums are final) and
 * empties the table, keeping its size for the next year. */
static int flush_table(casia__bulk *b)
{
    size_t i;
    for (i = 0; i < b->nslots; i++) {
        double v;
        if (!b->slots[i].key)
            continue;
        if (b->n == b->cap && grow_arrays(b, 0) != CASIA_OK)
            return CASIA_ENOMEM;
        v = casia__sum_value(&b->slots[i].sum);
        b->keys[b->n] = b->slots[i].key & K_KEY_MASK;
        b->vals[b->n++] = v == 0 ? 0.0 : v;
        b->slots[i].key = 0;
    }
    b->used = 0;
    return CASIA_OK;
}

int casia__bulk_add(casia__bulk *b, unsigned ind, int reporter, int partner,
                    int year, int month, double value, unsigned long long line,
                    char *msg, size_t msg_size)
{
    uint64_t key;
    if (reporter < 0 || reporter >= 1024 || partner < 0 || partner >= 1024 ||
        year < CASIA__YEAR_MIN || year > CASIA__YEAR_MAX || ind >= b->n_inds) {
        snprintf(msg, msg_size, "a value outside what can be stored");
        return CASIA_ERANGE;
    }
    key = make_key(ind, reporter, partner, year);
    if (!b->summing) {
        if (b->n == b->cap && grow_arrays(b, 1) != CASIA_OK)
            return CASIA_ENOMEM;
        b->keys[b->n] = key;
        b->vals[b->n] = value;
        b->lines[b->n] = line > 0xffffffffULL ? 0xffffffffu : (uint32_t)line;
        b->n++;
        return CASIA_OK;
    } else {
        size_t h;
        slot *s;
        if (b->ordered && year != b->max_year) {
            if (year <= b->closed_year)
                return CASIA__BULK_UNORDERED;
            if (year < b->max_year) {
                /* back to an open year: the file is not ordered by year
                 * after all */
                return CASIA__BULK_UNORDERED;
            }
            /* a later year: the earlier ones are complete */
            if (b->max_year && flush_table(b) != CASIA_OK)
                return CASIA_ENOMEM;
            b->closed_year = b->max_year;
            b->max_year = year;
        }
        if ((b->used + 1) * 4 > b->nslots * 3 && grow_table(b) != CASIA_OK)
            return CASIA_ENOMEM;
        h = hash(key, b->nslots);
        while (b->slots[h].key && (b->slots[h].key & K_KEY_MASK) != key)
            h = (h + 1) & (b->nslots - 1);
        s = &b->slots[h];
        if (!s->key) {
            s->key = K_USED | key;
            casia__sum_init(&s->sum);
            b->used++;
        }
        if (month >= 0) {
            unsigned have = (unsigned)(s->key >> K_MASK_SHIFT) & 0x1fffu;
            unsigned add = 1u << (unsigned)month;
            if (casia__periods_clash(have, add)) {
                casia__periods_clash_text(msg, msg_size, b->inds[ind].name, reporter,
                                          partner, year, have, add);
                return CASIA_ECONFLICT;
            }
            s->key |= (uint64_t)add << K_MASK_SHIFT;
        }
        if (casia__sum_add(&s->sum, value) != CASIA_OK) {
            snprintf(msg, msg_size, "value %.17g is too large to add", value);
            return CASIA_ERANGE;
        }
        return CASIA_OK;
    }
}

size_t casia__bulk_count(const casia__bulk *b)
{
    return b->summing ? b->used + b->n : b->n;
}

/* ------------------------------------------------------------------ */
/* Sorting parallel arrays in place (introsort)                        */

typedef struct cols {
    uint64_t *k;
    double *v;
    uint32_t *l;    /* NULL when there are no lines */
} cols;

static int less(const cols *c, size_t i, size_t j)
{
    if (c->k[i] != c->k[j])
        return c->k[i] < c->k[j];
    return c->l && c->l[i] < c->l[j];
}

static void swap(const cols *c, size_t i, size_t j)
{
    uint64_t tk = c->k[i];
    double tv = c->v[i];
    c->k[i] = c->k[j];
    c->k[j] = tk;
    c->v[i] = c->v[j];
    c->v[j] = tv;
    if (c->l) {
        uint32_t tl = c->l[i];
        c->l[i] = c->l[j];
        c->l[j] = tl;
    }
}

static void sift(const cols *c, size_t lo, size_t root, size_t n)
{
    for (;;) {
        size_t child = 2 * root + 1;
        if (child >= n)
            return;
        if (child + 1 < n && less(c, lo + child, lo + child + 1))
            child++;
        if (!less(c, lo + root, lo + child))
            return;
        swap(c, lo + root, lo + child);
        root = child;
    }
}

static void heap_sort(const cols *c, size_t lo, size_t n)
{
    size_t i;
    for (i = n / 2; i-- > 0;)
        sift(c, lo, i, n);
    for (i = n; i-- > 1;) {
        swap(c, lo, lo + i);
        sift(c, lo, 0, i);
    }
}

static void intro_sort(const cols *c, size_t lo, size_t hi, int depth)
{
    while (hi - lo > 16) {
        size_t mid = lo + (hi - lo) / 2, i, j;
        if (depth-- == 0) {
            heap_sort(c, lo, hi - lo);
            return;
        }
        /* median of three to lo */
        if (less(c, mid, lo))
            swap(c, mid, lo);
        if (less(c, hi - 1, lo))
            swap(c, hi - 1, lo);
        if (less(c, hi - 1, mid))
            swap(c, hi - 1, mid);
        swap(c, lo, mid);
        /* Hoare partition around c[lo] */
        i = lo;
        j = hi;
        for (;;) {
            do
                i++;
            while (i < hi && less(c, i, lo));
            do
                j--;
            while (less(c, lo, j));
            if (i >= j)
                break;
            swap(c, i, j);
        }
        swap(c, lo, j);
        /* recurse into the smaller part */
        if (j - lo < hi - j - 1) {
            intro_sort(c, lo, j, depth);
            lo = j + 1;
        } else {
            intro_sort(c, j + 1, hi, depth);
            hi = j;
        }
    }
    {
        size_t i, j;
        for (i = lo + 1; i < hi; i++)
            for (j = i; j > lo && less(c, j, j - 1); j--)
                swap(c, j, j - 1);
    }
}

static void sort_cols(const cols *c, size_t n)
{
    int depth = 0;
    size_t m = n;
    while (m > 1) {
        m >>= 1;
        depth += 2;
    }
    if (n > 1)
        intro_sort(c, 0, n, depth + 2);
}

/* ------------------------------------------------------------------ */
/* Finishing                                                           */

/* shrinks (or keeps) an array to n + 1 elements */
static void *shrink(void *p, size_t n, size_t elem)
{
    void *q = realloc(p, (n + 1) * elem);
    if (!q)
        return p;   /* a smaller block was refused: keep the larger */
    return q;
}

/* 2. the dataset's strings, indicators (those used) and source, by the
 * builder, with no observation yet. CASIA_OK, or an error in err. */
static int empty_dataset(casia_dataset **ds, const casia__bulk *b,
                         const unsigned char *ind_used, const char *source_id,
                         const char *title, const char *publisher,
                         const char *url, const char *description,
                         const char *name, casia_error *err)
{
    casia__builder *bld;
    unsigned k;
    int rc;
    if (!(bld = casia__builder_new()))
        return casia__error_set(err, CASIA_ENOMEM, name, NULL);
    for (k = 0; k < b->n_inds; k++) {
        uint16_t id;
        if (ind_used[k] &&
            (rc = casia__builder_indicator(bld, &id, b->inds[k].name,
                                           b->inds[k].unit, err)) != CASIA_OK) {
            casia__builder_free(bld);
            return rc;
        }
    }
    rc = casia__builder_source(bld, source_id, title ? title : "",
                               publisher ? publisher : "", url ? url : "",
                               description ? description : "", 0, err);
    if (rc != CASIA_OK) {
        casia__builder_free(bld);
        return rc;
    }
    return casia__builder_finish(bld, ds, NULL, NULL, name, err);
}

/* The accumulator's keys in the store's key, with the dataset's
 * indicator ids. */
static void rekey(uint64_t *keys, size_t n, const uint16_t *ind_map)
{
    size_t i;
    for (i = 0; i < n; i++) {
        uint64_t key = keys[i];
        keys[i] = CASIA__KEY(ind_map[key >> K_IND_SHIFT],
                             (key >> K_REP_SHIFT) & 1023,
                             (key >> K_PAR_SHIFT) & 1023,
                             (key & 255) + CASIA__YEAR_MIN);
    }
}

/* Sorted keys, equal keys: the same value once, different values a
 * conflict (err names both lines). *n becomes the count kept. CASIA_OK
 * or CASIA_ECONFLICT. */
static int collapse(const casia__bulk *b, const casia_dataset *ds, uint64_t *keys,
                    double *vals, size_t *n, const char *name, casia_error *err)
{
    size_t i, m;
    for (i = 0, m = 0; i < *n; i++) {
        if (m > 0 && keys[m - 1] == keys[i]) {
            uint64_t key = keys[i];
            const char *ind;
            size_t first = i;
            if (vals[m - 1] == vals[i])
                continue;
            ind = casia__strtab_get(&ds->strings, ds->ind_name[CASIA__KEY_IND(key)]);
            while (first > 0 && keys[first - 1] == key)
                first--;
            casia__error_set(err, CASIA_ECONFLICT, name,
                             "%s %s-%s %d is given as %.17g at line %lu "
                             "and as %.17g here", ind,
                             casia__country_code(CASIA__KEY_REP(key)),
                             casia__country_code(CASIA__KEY_PAR(key)),
                             CASIA__KEY_YEAR(key), vals[m - 1],
                             (unsigned long)b->lines[first], vals[i]);
            if (err) {
                err->line = (int)(b->lines[i] > 0x7fffffff ? 0x7fffffff
                                                            : b->lines[i]);
            }
            return CASIA_ECONFLICT;
        }
        keys[m] = keys[i];
        vals[m++] = vals[i];
    }
    *n = m;
    return CASIA_OK;
}

int casia__bulk_finish(casia__bulk *b, casia_dataset **out, const char *source_id,
                       const char *title, const char *publisher, const char *url,
                       const char *description, casia_basis basis,
                       const char *name, casia_error *err)
{
    casia_dataset *ds = NULL;
    uint16_t *ind_map = NULL;
    unsigned char *ind_used = NULL;
    uint64_t *keys = NULL;
    double *vals = NULL;
    uint16_t *src = NULL;
    uint8_t *bas = NULL;
    size_t n, i;
    unsigned k;
    int rc = CASIA_ENOMEM;
    cols c;

    /* 1. which indicators are used */
    ind_used = calloc(b->n_inds + 1, 1);
    ind_map = calloc(b->n_inds + 1, sizeof *ind_map);
    if (!ind_used || !ind_map)
        goto nomem;
    if (b->summing) {
        /* the keys still in the table are final too */
        if (flush_table(b) != CASIA_OK)
            goto nomem;
        free(b->slots);
        b->slots = NULL;
        b->nslots = 0;
    }
    for (i = 0; i < b->n; i++)
        ind_used[b->keys[i] >> K_IND_SHIFT] = 1;

    /* 2. the dataset's strings, indicators and source */
    if ((rc = empty_dataset(&ds, b, ind_used, source_id, title, publisher, url,
                            description, name, err)) != CASIA_OK)
        goto fail;
    rc = CASIA_ENOMEM;
    for (k = 0; k < b->n_inds; k++)
        if (ind_used[k])
            ind_map[k] = (uint16_t)casia__dataset_indicator_id(ds, b->inds[k].name);

    /* 3. the columns, in the store's key */
    n = b->n;
    keys = b->keys;
    vals = b->vals;
    b->keys = NULL;
    b->vals = NULL;
    rekey(keys, n, ind_map);
    c.k = keys;
    c.v = vals;
    if (b->summing) {
        /* every key once: sorted, nothing to compare */
        c.l = NULL;
        sort_cols(&c, n);
    } else {
        for (i = 0; i < n; i++)
            if (vals[i] == 0)
                vals[i] = 0.0;
        c.l = b->lines;
        sort_cols(&c, n);
        if ((rc = collapse(b, ds, keys, vals, &n, name, err)) != CASIA_OK)
            goto fail;
        free(b->lines);
        b->lines = NULL;
    }
    keys = shrink(keys, n, sizeof *keys);
    vals = shrink(vals, n, sizeof *vals);

    /* 4. into the dataset */
    src = calloc(n + 1, sizeof *src);   /* its only source: index 0 */
    bas = malloc(n + 1);
    if (!src || !bas)
        goto nomem;
    memset(bas, (int)basis, n + 1);
    free(ds->obs_key);
    free(ds->obs_value);
    free(ds->obs_source);
    free(ds->obs_basis);
    free(ds->obs_note);
    ds->obs_key = keys;
    ds->obs_value = vals;
    ds->obs_source = src;
    ds->obs_basis = bas;
    ds->obs_note = NULL;
    ds->n_obs = n;
    free(ind_used);
    free(ind_map);
    casia__bulk_free(b);
    *out = ds;
    return CASIA_OK;

nomem:
    rc = casia__error_set(err, CASIA_ENOMEM, name, NULL);
fail:
    casia_dataset_free(ds);
    free(keys);
    free(vals);
    free(src);
    free(bas);
    free(ind_used);
    free(ind_map);
    casia__bulk_free(b);
    return rc;
}

/* ------------------------------------------------------------------ */
/* Periods of one key (also the stream's)                              */

void casia__periods_clash_text(char *msg, size_t size, const char *indicator,
                               int reporter, int partner, int year, unsigned have,
                               unsigned add)
{
    const char *rep = casia__country_code(reporter), *par = casia__country_code(partner);
    unsigned both = have & add & 0x1fffu;
    int k;
    if (both) {
        for (k = 0; !(both >> k & 1u); k++)
            ;
        if (k)
            snprintf(msg, size, "%s %s-%s: month %d of %d is given twice", indicator,
                     rep, par, k, year);
        else
            snprintf(msg, size, "%s %s-%s %d is given twice", indicator, rep, par, year);
    } else {
        snprintf(msg, size, "%s %s-%s %d is given both for the year and for months",
                 indicator, rep, par, year);
    }
}
