/*
 * builder.c - collects records from a loader, then checks, sorts and
 * freezes them into an immutable casia_dataset.
 *
 * Loaders validate each value as they read it (they know the position);
 * the builder checks what needs the whole input: that every cited source
 * is defined, and that no key is given two different values.
 */
#include "internal.h"
#include "ledger.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NO_SOURCE 0xffffu

typedef struct obs_rec {
    uint64_t key;      /* indicator here is the builder-local id */
    double value;
    uint64_t origin;
    uint32_t note;
    uint16_t source;   /* builder-local source index */
    uint8_t basis;
} obs_rec;

typedef struct ind_rec {
    uint32_t name, unit;   /* string ids */
} ind_rec;

typedef struct src_rec {
    uint32_t id, title, publisher, url, description;
    int defined;
    uint64_t origin;
} src_rec;

/* The rank fields hold the position of a string in strcmp order, filled
 * just before sorting, so comparators need no access to the strings. */
typedef struct mem_rec {
    casia__membership_rec r;   /* source is builder-local */
    uint64_t origin;
    uint32_t org_rank;
} mem_rec;

typedef struct org_rec {
    casia__organisation_rec r;
    uint64_t origin;
    uint32_t id_rank;
} org_rec;

typedef struct vote_rec {
    casia__vote_rec r;
    uint64_t origin;
    uint32_t date_rank, res_rank;
} vote_rec;

struct casia__builder {
    casia__strtab strings;
    uint32_t title, description;
    ind_rec *inds;
    uint32_t n_inds, cap_inds;
    src_rec *srcs;
    uint32_t n_srcs, cap_srcs;
    obs_rec *obs;
    size_t n_obs, cap_obs;
    mem_rec *mems;
    size_t n_mems, cap_mems;
    org_rec *orgs;
    size_t n_orgs, cap_orgs;
    vote_rec *votes;
    size_t n_votes, cap_votes;
    casia__ledger ledger;
};

/* Grows *arr (of elements of size elem) to hold at least n + 1 elements. */
static int reserve(void **arr, size_t *cap, size_t n, size_t elem)
{
    if (n < *cap)
        return CASIA_OK;
    {
        size_t ncap = *cap ? *cap * 2 : 64;
        void *p;
        if (ncap > ((size_t)-1) / elem)
            return CASIA_ENOMEM;
        p = realloc(*arr, ncap * elem);
        if (!p)
            return CASIA_ENOMEM;
        *arr = p;
        *cap = ncap;
    }
    return CASIA_OK;
}

casia__builder *casia__builder_new(void)
{
    casia__builder *b = calloc(1, sizeof *b);
    if (!b)
        return NULL;
    if (casia__strtab_init(&b->strings) != CASIA_OK) {
        free(b);
        return NULL;
    }
    return b;
}

void casia__builder_free(casia__builder *b)
{
    if (!b)
        return;
    casia__strtab_free(&b->strings);
    free(b->inds);
    free(b->srcs);
    free(b->obs);
    free(b->mems);
    free(b->orgs);
    free(b->votes);
    casia__ledger_free(&b->ledger);
    free(b);
}

size_t casia__builder_obs_count(const casia__builder *b)
{
    return b->n_obs;
}

static int intern(casia__builder *b, const char *s, uint32_t *id)
{
    if (!s) {
        *id = 0;
        return CASIA_OK;
    }
    return casia__strtab_intern(&b->strings, s, strlen(s), id);
}

int casia__builder_indicator(casia__builder *b, uint16_t *id, const char *name,
                             const char *unit, casia_error *err)
{
    const char *fixed = casia__indicator_unit(name, strlen(name));
    uint32_t sname, sunit = 0, i;
    int rc;

    if (fixed && unit && strcmp(unit, fixed) != 0)
        return casia__error_set(err, CASIA_ESCHEMA, NULL,
                                "unit \"%s\" for indicator %s, whose unit is %s",
                                unit, name, fixed);
    if ((rc = intern(b, name, &sname)) != CASIA_OK)
        return rc;
    for (i = 0; i < b->n_inds; i++) {
        if (b->inds[i].name == sname) {
            if (unit && strcmp(casia__strtab_get(&b->strings, b->inds[i].unit), unit) != 0)
                return casia__error_set(err, CASIA_ESCHEMA, NULL,
                                        "unit \"%s\" for indicator %s, which "
                                        "was given in %s before", unit, name,
                                        casia__strtab_get(&b->strings, b->inds[i].unit));
            *id = (uint16_t)i;
            return CASIA_OK;
        }
    }
    if (!fixed && !unit)
        return casia__error_set(err, CASIA_ESCHEMA, NULL,
                                "indicator %s is not one libcasia knows, so "
                                "it needs a \"unit\"", name);
    if (b->n_inds >= 0xfffe)
        return casia__error_set(err, CASIA_ERANGE, NULL,
                                "more than 65534 indicators");
    if ((rc = intern(b, fixed ? fixed : unit, &sunit)) != CASIA_OK)
        return rc;
    {
        size_t cap = b->cap_inds;
        rc = reserve((void **)&b->inds, &cap, b->n_inds, sizeof *b->inds);
        b->cap_inds = (uint32_t)cap;
        if (rc)
            return rc;
    }
    b->inds[b->n_inds].name = sname;
    b->inds[b->n_inds].unit = sunit;
    *id = (uint16_t)b->n_inds++;
    return CASIA_OK;
}

int casia__builder_source_ref(casia__builder *b, uint16_t *index, const char *id)
{
    uint32_t sid, i;
    int rc = intern(b, id, &sid);
    if (rc)
        return rc;
    /* sources are few (hundreds): a linear scan from the end is fast
     * because loaders cite the same source many times in a row */
    for (i = b->n_srcs; i-- > 0;) {
        if (b->srcs[i].id == sid) {
            *index = (uint16_t)i;
            return CASIA_OK;
        }
    }
    if (b->n_srcs >= 0xfffe)
        return CASIA_ERANGE;
    {
        size_t cap = b->cap_srcs;
        rc = reserve((void **)&b->srcs, &cap, b->n_srcs, sizeof *b->srcs);
        b->cap_srcs = (uint32_t)cap;
        if (rc)
            return rc;
    }
    memset(&b->srcs[b->n_srcs], 0, sizeof b->srcs[0]);
    b->srcs[b->n_srcs].id = sid;
    *index = (uint16_t)b->n_srcs++;
    return CASIA_OK;
}

int casia__builder_source(casia__builder *b, const char *id, const char *title,
                          const char *publisher, const char *url,
                          const char *description, uint64_t origin,
                          casia_error *err)
{
    uint16_t i;
    uint32_t t, p, u, d;
    src_rec *s;
    int rc;
    if ((rc = casia__builder_source_ref(b, &i, id)) != CASIA_OK)
        return rc;
    if ((rc = intern(b, title, &t)) || (rc = intern(b, publisher, &p)) ||
        (rc = intern(b, url, &u)) || (rc = intern(b, description, &d)))
        return rc;
    s = &b->srcs[i];
    if (s->defined) {
        if (s->title != t || s->publisher != p || s->url != u ||
            s->description != d)
            return casia__error_set(err, CASIA_ECONFLICT, NULL,
                                    "source \"%s\" is defined twice, "
                                    "differently", id);
        return CASIA_OK;
    }
    s->title = t;
    s->publisher = p;
    s->url = u;
    s->description = d;
    s->defined = 1;
    s->origin = origin;
    return CASIA_OK;
}

int casia__builder_note(casia__builder *b, uint32_t *id, const char *note,
                        size_t len)
{
    if (!note || !len) {
        *id = 0;
        return CASIA_OK;
    }
    return casia__strtab_intern(&b->strings, note, len, id);
}

int casia__builder_obs(casia__builder *b, uint16_t indicator, int reporter,
                       int partner, int year, double value, casia_basis basis,
                       uint16_t source, uint32_t note, uint64_t origin)
{
    obs_rec *r;
    int rc;
    if (indicator >= b->n_inds || source >= b->n_srcs || reporter < 0 ||
        partner < 0 || (size_t)reporter >= casia__country_total ||
        (size_t)partner >= casia__country_total ||
        year < CASIA__YEAR_MIN || year > CASIA__YEAR_MAX || !isfinite(value) ||
        basis < CASIA_BASIS_REPORTER || basis > CASIA_BASIS_OTHER)
        return CASIA_EINVAL;
    if (b->n_obs == b->cap_obs &&
        (rc = reserve((void **)&b->obs, &b->cap_obs, b->n_obs, sizeof *b->obs)))
        return rc;
    r = &b->obs[b->n_obs++];
    r->key = CASIA__KEY(indicator, reporter, partner, year);
    r->value = value == 0 ? 0.0 : value;   /* no negative zero */
    r->origin = origin;
    r->note = note;
    r->source = source;
    r->basis = (uint8_t)basis;
    return CASIA_OK;
}

int casia__builder_membership(casia__builder *b, int country,
                              const char *organisation, int start_year,
                              int end_year, const char *source,
                              const char *note, uint64_t origin)
{
    mem_rec *m;
    uint16_t src;
    uint32_t org, nt;
    int rc;
    if (country < 0 || (size_t)country >= casia__country_total || !organisation)
        return CASIA_EINVAL;
    if ((rc = casia__builder_source_ref(b, &src, source)) ||
        (rc = intern(b, organisation, &org)) || (rc = intern(b, note, &nt)))
        return rc;
    if ((rc = reserve((void **)&b->mems, &b->cap_mems, b->n_mems, sizeof *b->mems)))
        return rc;
    m = &b->mems[b->n_mems++];
    memset(m, 0, sizeof *m);
    m->r.country = (uint16_t)country;
    m->r.source = src;
    m->r.organisation = org;
    m->r.start_year = (int16_t)start_year;
    m->r.end_year = (int16_t)end_year;
    m->r.note = nt;
    m->origin = origin;
    return CASIA_OK;
}

int casia__builder_organisation(casia__builder *b, const char *id,
                                const char *name, int led_by,
                                const char *source, const char *note,
                                uint64_t origin, casia_error *err)
{
    org_rec *o;
    uint32_t sid, sname, snote;
    uint16_t src = NO_SOURCE;
    size_t i;
    int rc;
    if (!id)
        return CASIA_EINVAL;
    if ((rc = intern(b, id, &sid)) || (rc = intern(b, name, &sname)) ||
        (rc = intern(b, note, &snote)))
        return rc;
    if (source && (rc = casia__builder_source_ref(b, &src, source)))
        return rc;
    for (i = 0; i < b->n_orgs; i++) {
        if (b->orgs[i].r.id == sid) {
            const casia__organisation_rec *p = &b->orgs[i].r;
            if (p->name != sname || p->note != snote || p->source != src ||
                p->led_by != (led_by < 0 ? CASIA__NO_COUNTRY : (uint16_t)led_by))
                return casia__error_set(err, CASIA_ECONFLICT, NULL,
                                        "organisation \"%s\" is defined twice, "
                                        "differently", id);
            return CASIA_OK;
        }
    }
    if ((rc = reserve((void **)&b->orgs, &b->cap_orgs, b->n_orgs, sizeof *b->orgs)))
        return rc;
    o = &b->orgs[b->n_orgs++];
    memset(o, 0, sizeof *o);
    o->r.id = sid;
    o->r.name = sname;
    o->r.note = snote;
    o->r.led_by = led_by < 0 ? CASIA__NO_COUNTRY : (uint16_t)led_by;
    o->r.source = src;
    o->origin = origin;
    return CASIA_OK;
}

int casia__builder_vote(casia__builder *b, const char *resolution,
                        const char *date, int country, casia_vote_choice vote,
                        const char *source, uint64_t origin)
{
    vote_rec *v;
    uint32_t res, dt;
    uint16_t src;
    int rc;
    if (!resolution || !date || country < 0 ||
        (size_t)country >= casia__country_total || vote < CASIA_VOTE_YES ||
        vote > CASIA_VOTE_ABSENT)
        return CASIA_EINVAL;
    if ((rc = casia__builder_source_ref(b, &src, source)) ||
        (rc = intern(b, resolution, &res)) || (rc = intern(b, date, &dt)))
        return rc;
    if ((rc = reserve((void **)&b->votes, &b->cap_votes, b->n_votes, sizeof *b->votes)))
        return rc;
    v = &b->votes[b->n_votes++];
    memset(v, 0, sizeof *v);
    v->r.resolution = res;
    v->r.date = dt;
    v->r.country = (uint16_t)country;
    v->r.source = src;
    v->r.vote = (uint8_t)vote;
    v->origin = origin;
    return CASIA_OK;
}

int casia__builder_event(casia__builder *b, const char *id,
                         casia_event_type type, const char *date, int end_year,
                         int country, const char *partner, const char *title,
                         const char *source, const char *note, uint64_t origin)
{
    casia__event_rec r;
    int year, rc;
    if (!id || !*id || !date || !partner || !*partner || !title || !*title ||
        !casia_event_type_name(type) || country < 0 ||
        (size_t)country >= casia__country_total)
        return CASIA_EINVAL;
    year = casia__ledger_date_year(date);
    if (!year || (end_year && (end_year < year || end_year > CASIA__YEAR_MAX)))
        return CASIA_EINVAL;
    memset(&r, 0, sizeof r);
    if ((rc = casia__builder_source_ref(b, &r.source, source)) ||
        (rc = intern(b, id, &r.id)) || (rc = intern(b, date, &r.date)) ||
        (rc = intern(b, partner, &r.partner)) || (rc = intern(b, title, &r.title)) ||
        (note && *note && (rc = intern(b, note, &r.note))))
        return rc;
    r.country = (uint16_t)country;
    r.type = (uint8_t)type;
    r.year = (int16_t)year;
    r.end_year = (int16_t)end_year;
    return casia__ledger_push_event(&b->ledger, &r, origin);
}

int casia__builder_resolution(casia__builder *b, const char *id,
                              const char *date, const char *title,
                              const char *source, const char *note,
                              uint64_t origin)
{
    casia__resolution_rec r;
    int rc;
    if (!id || !*id || !date || strlen(date) != 10 ||
        !casia__ledger_date_year(date) || !title || !*title)
        return CASIA_EINVAL;
    memset(&r, 0, sizeof r);
    if ((rc = casia__builder_source_ref(b, &r.source, source)) ||
        (rc = intern(b, id, &r.id)) || (rc = intern(b, date, &r.date)) ||
        (rc = intern(b, title, &r.title)) ||
        (note && *note && (rc = intern(b, note, &r.note))))
        return rc;
    return casia__ledger_push_resolution(&b->ledger, &r, origin);
}

int casia__builder_meta(casia__builder *b, const char *title,
                        const char *description)
{
    int rc;
    if (title && *title && (rc = intern(b, title, &b->title)))
        return rc;
    if (description && *description &&
        (rc = intern(b, description, &b->description)))
        return rc;
    return CASIA_OK;
}

/* ------------------------------------------------------------------ */
/* Finishing                                                           */

/* qsort, which must not be given a NULL array even when n is 0 */
static void sort(void *base, size_t n, size_t size,
                 int (*cmp)(const void *, const void *))
{
    if (n > 1)
        qsort(base, n, size, cmp);
}

static int cmp_obs(const void *pa, const void *pb)
{
    const obs_rec *a = pa, *b = pb;
    if (a->key != b->key)
        return a->key < b->key ? -1 : 1;
    if (a->basis != b->basis)
        return a->basis < b->basis ? -1 : 1;
    if (a->source != b->source)
        return a->source < b->source ? -1 : 1;
    if (a->origin != b->origin)
        return a->origin < b->origin ? -1 : 1;
    return 0;
}

/* Sorting contexts for the id remaps (qsort has no context argument). */
typedef struct sort_item {
    const char *s;
    uint32_t old;
} sort_item;

static int cmp_item(const void *pa, const void *pb)
{
    const sort_item *a = pa, *b = pb;
    int r = strcmp(a->s, b->s);
    if (r)
        return r;
    return a->old < b->old ? -1 : a->old > b->old;
}

/* new_of[old] = rank of old's string among all, by strcmp. */
static int rank_strings(uint32_t *new_of, const uint32_t *sids, uint32_t n,
                        const casia__strtab *t)
{
    sort_item *items = malloc((n + 1) * sizeof *items);
    uint32_t i;
    if (!items)
        return CASIA_ENOMEM;
    for (i = 0; i < n; i++) {
        items[i].s = casia__strtab_get(t, sids[i]);
        items[i].old = i;
    }
    sort(items, n, sizeof *items, cmp_item);
    for (i = 0; i < n; i++)
        new_of[items[i].old] = i;
    free(items);
    return CASIA_OK;
}

static int cmp_mem(const void *pa, const void *pb)
{
    const mem_rec *a = pa, *b = pb;
    if (a->r.country != b->r.country)
        return a->r.country < b->r.country ? -1 : 1;
    if (a->org_rank != b->org_rank)
        return a->org_rank < b->org_rank ? -1 : 1;
    if (a->r.start_year != b->r.start_year)
        return a->r.start_year < b->r.start_year ? -1 : 1;
    if (a->r.end_year != b->r.end_year)
        return a->r.end_year < b->r.end_year ? -1 : 1;
    return a->origin < b->origin ? -1 : a->origin > b->origin;
}

static int cmp_org(const void *pa, const void *pb)
{
    const org_rec *a = pa, *b = pb;
    return a->id_rank < b->id_rank ? -1 : a->id_rank > b->id_rank;
}

static int cmp_vote(const void *pa, const void *pb)
{
    const vote_rec *a = pa, *b = pb;
    if (a->date_rank != b->date_rank)
        return a->date_rank < b->date_rank ? -1 : 1;
    if (a->res_rank != b->res_rank)
        return a->res_rank < b->res_rank ? -1 : 1;
    if (a->r.country != b->r.country)
        return a->r.country < b->r.country ? -1 : 1;
    return a->origin < b->origin ? -1 : a->origin > b->origin;
}

/* Order by resolution, country, date, origin (conflict detection). */
static int cmp_vote_res(const void *pa, const void *pb)
{
    const vote_rec *a = pa, *b = pb;
    if (a->res_rank != b->res_rank)
        return a->res_rank < b->res_rank ? -1 : 1;
    if (a->r.country != b->r.country)
        return a->r.country < b->r.country ? -1 : 1;
    if (a->date_rank != b->date_rank)
        return a->date_rank < b->date_rank ? -1 : 1;
    return a->origin < b->origin ? -1 : a->origin > b->origin;
}

static int locate_error(casia__locator locate, void *ctx, uint64_t origin,
                        casia_error *err)
{
    if (err && locate)
        locate(ctx, origin, err);
    return err ? err->code : 0;
}

/* Where an error's observation or record came from, and how to say so:
 * the arguments of casia__builder_finish(). */
typedef struct finish_ctx {
    casia__locator locate;
    void *locate_ctx;
    const char *source_name;
    casia_error *err;
} finish_ctx;

/* 1. every cited source must be defined: CASIA_OK or CASIA_ESCHEMA */
static int check_sources(const casia__builder *b, const finish_ctx *f)
{
    size_t i;
    for (i = 0; i < b->n_srcs; i++) {
        if (!b->srcs[i].defined) {
            const char *id = casia__strtab_get(&b->strings, b->srcs[i].id);
            uint64_t where = 0;
            size_t k;
            int found = 0;
            for (k = 0; k < b->n_obs && !found; k++)
                if (b->obs[k].source == i) {
                    where = b->obs[k].origin;
                    found = 1;
                }
            for (k = 0; k < b->n_mems && !found; k++)
                if (b->mems[k].r.source == i) {
                    where = b->mems[k].origin;
                    found = 1;
                }
            for (k = 0; k < b->n_votes && !found; k++)
                if (b->votes[k].r.source == i) {
                    where = b->votes[k].origin;
                    found = 1;
                }
            for (k = 0; k < b->n_orgs && !found; k++)
                if (b->orgs[k].r.source == i) {
                    where = b->orgs[k].origin;
                    found = 1;
                }
            if (!found)
                found = casia__ledger_source_origin(&b->ledger, i, &where);
            casia__error_set(f->err, CASIA_ESCHEMA, f->source_name,
                             "source \"%s\" is cited but not defined in "
                             "\"sources\"", id);
            if (found)
                locate_error(f->locate, f->locate_ctx, where, f->err);
            return CASIA_ESCHEMA;
        }
    }
    return CASIA_OK;
}

/* 2. rank indicators and sources by name (ind_new, src_new: the new id of
 * each), and renumber the records; *any_note whether an observation has
 * a note. CASIA_OK or CASIA_ENOMEM. */
static int renumber(casia__builder *b, uint32_t *ind_new, uint32_t *src_new,
                    uint32_t *tmp, int *any_note)
{
    size_t i;
    int rc;
    for (i = 0; i < b->n_inds; i++)
        tmp[i] = b->inds[i].name;
    if ((rc = rank_strings(ind_new, tmp, b->n_inds, &b->strings)))
        return rc;
    for (i = 0; i < b->n_srcs; i++)
        tmp[i] = b->srcs[i].id;
    if ((rc = rank_strings(src_new, tmp, b->n_srcs, &b->strings)))
        return rc;
    for (i = 0; i < b->n_obs; i++) {
        obs_rec *r = &b->obs[i];
        r->key = (r->key & 0x0000ffffffffffffULL) |
                 ((uint64_t)ind_new[CASIA__KEY_IND(r->key)] << 48);
        r->source = (uint16_t)src_new[r->source];
        if (r->note)
            *any_note = 1;
    }
    for (i = 0; i < b->n_mems; i++)
        b->mems[i].r.source = (uint16_t)src_new[b->mems[i].r.source];
    for (i = 0; i < b->n_votes; i++)
        b->votes[i].r.source = (uint16_t)src_new[b->votes[i].r.source];
    for (i = 0; i < b->n_orgs; i++)
        if (b->orgs[i].r.source != NO_SOURCE)
            b->orgs[i].r.source = (uint16_t)src_new[b->orgs[i].r.source];
    casia__ledger_remap_sources(&b->ledger, src_new);
    return CASIA_OK;
}

/* The message of one key given two values: r here, p before. */
static int obs_conflict(const casia__builder *b, const obs_rec *p, const obs_rec *r,
                        const uint32_t *ind_new, const uint32_t *src_new,
                        const finish_ctx *f)
{
    casia_error first;
    char where[64] = "";
    uint64_t k = r->key;
    const char *ind = NULL, *src = NULL;
    uint32_t j;
    memset(&first, 0, sizeof first);
    if (f->locate) {
        f->locate(f->locate_ctx, p->origin, &first);
        if (first.line > 0)
            snprintf(where, sizeof where, " at line %d, column %d",
                     first.line, first.column);
    }
    for (j = 0; j < b->n_inds; j++)
        if (ind_new[j] == CASIA__KEY_IND(k))
            ind = casia__strtab_get(&b->strings, b->inds[j].name);
    for (j = 0; j < b->n_srcs; j++)
        if (src_new[j] == r->source)
            src = casia__strtab_get(&b->strings, b->srcs[j].id);
    casia__error_set(f->err, CASIA_ECONFLICT, f->source_name,
                     "%s %s-%s %d (basis %s, source %s) is "
                     "given as %.17g here and as %.17g%s",
                     ind, casia__country_code(CASIA__KEY_REP(k)),
                     casia__country_code(CASIA__KEY_PAR(k)),
                     CASIA__KEY_YEAR(k),
                     casia_basis_name((casia_basis)r->basis),
                     src, r->value, p->value, where);
    locate_error(f->locate, f->locate_ctx, r->origin, f->err);
    return CASIA_ECONFLICT;
}

/* 3. sort observations; equal keys with equal values collapse, equal
 * keys with different values are a conflict. CASIA_OK or
 * CASIA_ECONFLICT. */
static int collapse_obs(casia__builder *b, const uint32_t *ind_new,
                        const uint32_t *src_new, const finish_ctx *f)
{
    size_t i, n = 0;
    sort(b->obs, b->n_obs, sizeof *b->obs, cmp_obs);
    for (i = 0; i < b->n_obs; i++) {
        if (n > 0) {
            obs_rec *p = &b->obs[n - 1], *r = &b->obs[i];
            if (p->key == r->key && p->basis == r->basis &&
                p->source == r->source) {
                if (p->value == r->value) {
                    /* the same figure twice: kept once, with the first
                     * note either of them has */
                    if (!p->note)
                        p->note = r->note;
                    continue;
                }
                return obs_conflict(b, p, r, ind_new, src_new, f);
            }
        }
        b->obs[n++] = b->obs[i];
    }
    b->n_obs = n;
    return CASIA_OK;
}

/* 4. freeze: the indicators, sources and observations into ds.
 * CASIA_OK or CASIA_ENOMEM. */
static int freeze_obs(casia_dataset *ds, const casia__builder *b,
                      const uint32_t *ind_new, const uint32_t *src_new,
                      int any_note)
{
    size_t i, n = b->n_obs;
    ds->n_indicators = b->n_inds;
    ds->ind_name = malloc((b->n_inds + 1) * sizeof *ds->ind_name);
    ds->ind_unit = malloc((b->n_inds + 1) * sizeof *ds->ind_unit);
    ds->n_sources = b->n_srcs;
    ds->sources = malloc((b->n_srcs + 1) * sizeof *ds->sources);
    ds->n_obs = n;
    ds->obs_key = malloc((n + 1) * sizeof *ds->obs_key);
    ds->obs_value = malloc((n + 1) * sizeof *ds->obs_value);
    ds->obs_source = malloc((n + 1) * sizeof *ds->obs_source);
    ds->obs_basis = malloc((n + 1) * sizeof *ds->obs_basis);
    if (any_note)
        ds->obs_note = malloc((n + 1) * sizeof *ds->obs_note);
    if (!ds->ind_name || !ds->ind_unit || !ds->sources || !ds->obs_key ||
        !ds->obs_value || !ds->obs_source || !ds->obs_basis ||
        (any_note && !ds->obs_note))
        return CASIA_ENOMEM;
    for (i = 0; i < b->n_inds; i++) {
        ds->ind_name[ind_new[i]] = b->inds[i].name;
        ds->ind_unit[ind_new[i]] = b->inds[i].unit;
    }
    for (i = 0; i < b->n_srcs; i++) {
        casia__source_rec *s = &ds->sources[src_new[i]];
        s->id = b->srcs[i].id;
        s->title = b->srcs[i].title;
        s->publisher = b->srcs[i].publisher;
        s->url = b->srcs[i].url;
        s->description = b->srcs[i].description;
    }
    for (i = 0; i < n; i++) {
        ds->obs_key[i] = b->obs[i].key;
        ds->obs_value[i] = b->obs[i].value;
        ds->obs_source[i] = b->obs[i].source;
        ds->obs_basis[i] = b->obs[i].basis;
        if (any_note)
            ds->obs_note[i] = b->obs[i].note;
    }
    return CASIA_OK;
}

/* Sorts memberships, organisations and votes by their strings' order.
 * CASIA_OK or CASIA_ENOMEM. */
static int sort_relations(casia__builder *b)
{
    if (b->n_mems || b->n_orgs || b->n_votes) {
        /* rank every string once, so the sorts compare integers */
        uint32_t *ids, *rank;
        uint32_t k;
        ids = malloc(((size_t)b->strings.count + 1) * sizeof *ids);
        rank = malloc(((size_t)b->strings.count + 1) * sizeof *rank);
        if (!ids || !rank) {
            free(ids);
            free(rank);
            return CASIA_ENOMEM;
        }
        for (k = 0; k < b->strings.count; k++)
            ids[k] = k;
        if (rank_strings(rank, ids, b->strings.count, &b->strings)) {
            free(ids);
            free(rank);
            return CASIA_ENOMEM;
        }
        for (k = 0; k < b->n_mems; k++)
            b->mems[k].org_rank = rank[b->mems[k].r.organisation];
        for (k = 0; k < b->n_orgs; k++)
            b->orgs[k].id_rank = rank[b->orgs[k].r.id];
        for (k = 0; k < b->n_votes; k++) {
            b->votes[k].date_rank = rank[b->votes[k].r.date];
            b->votes[k].res_rank = rank[b->votes[k].r.resolution];
        }
        free(ids);
        free(rank);
    }
    sort(b->mems, b->n_mems, sizeof *b->mems, cmp_mem);
    sort(b->orgs, b->n_orgs, sizeof *b->orgs, cmp_org);
    sort(b->votes, b->n_votes, sizeof *b->votes, cmp_vote);
    return CASIA_OK;
}

/* A resolution has one date: the same country's vote on it under two
 * dates is a conflict, not two votes (votes are sorted by date first, so
 * look for it in an order by resolution and country). CASIA_OK,
 * CASIA_ECONFLICT or CASIA_ENOMEM. */
static int check_vote_dates(const casia__builder *b, const finish_ctx *f)
{
    vote_rec *byres;
    size_t k;
    if (b->n_votes <= 1)
        return CASIA_OK;
    if (!(byres = malloc(b->n_votes * sizeof *byres)))
        return CASIA_ENOMEM;
    memcpy(byres, b->votes, b->n_votes * sizeof *byres);
    sort(byres, b->n_votes, sizeof *byres, cmp_vote_res);
    for (k = 1; k < b->n_votes; k++) {
        const vote_rec *p = &byres[k - 1], *v = &byres[k];
        if (p->r.resolution == v->r.resolution && p->r.country == v->r.country &&
            p->r.date != v->r.date) {
            casia__error_set(f->err, CASIA_ECONFLICT, f->source_name,
                             "%s's vote on %s is dated %s and %s",
                             casia__country_code(v->r.country),
                             casia__strtab_get(&b->strings, v->r.resolution),
                             casia__strtab_get(&b->strings, p->r.date),
                             casia__strtab_get(&b->strings, v->r.date));
            locate_error(f->locate, f->locate_ctx,
                         p->origin > v->origin ? p->origin : v->origin, f->err);
            free(byres);
            return CASIA_ECONFLICT;
        }
    }
    free(byres);
    return CASIA_OK;
}

/* 5. memberships, organisations and votes into ds, the same record twice
 * kept once. CASIA_OK, CASIA_ECONFLICT or CASIA_ENOMEM. */
static int freeze_relations(casia_dataset *ds, casia__builder *b,
                            const finish_ctx *f)
{
    size_t i;
    int rc;
    if ((rc = sort_relations(b)) != CASIA_OK)
        return rc;
    ds->memberships = malloc((b->n_mems + 1) * sizeof *ds->memberships);
    ds->organisations = malloc((b->n_orgs + 1) * sizeof *ds->organisations);
    ds->votes = malloc((b->n_votes + 1) * sizeof *ds->votes);
    if (!ds->memberships || !ds->organisations || !ds->votes)
        return CASIA_ENOMEM;
    for (i = 0; i < b->n_mems; i++) {
        const casia__membership_rec *m = &b->mems[i].r;
        if (ds->n_memberships > 0) {
            const casia__membership_rec *p = &ds->memberships[ds->n_memberships - 1];
            if (p->country == m->country && p->organisation == m->organisation &&
                p->start_year == m->start_year && p->end_year == m->end_year &&
                p->source == m->source && p->note == m->note)
                continue;   /* the same membership twice */
        }
        ds->memberships[ds->n_memberships++] = *m;
    }
    for (i = 0; i < b->n_orgs; i++)
        ds->organisations[ds->n_organisations++] = b->orgs[i].r;
    if ((rc = check_vote_dates(b, f)) != CASIA_OK)
        return rc;
    for (i = 0; i < b->n_votes; i++) {
        const casia__vote_rec *v = &b->votes[i].r;
        if (ds->n_votes > 0) {
            const casia__vote_rec *p = &ds->votes[ds->n_votes - 1];
            if (p->resolution == v->resolution && p->country == v->country &&
                p->date == v->date) {
                if (p->vote == v->vote)
                    continue;
                casia__error_set(f->err, CASIA_ECONFLICT, f->source_name,
                                 "%s's vote on %s is given as %s and as %s",
                                 casia__country_code(v->country),
                                 casia__strtab_get(&b->strings, v->resolution),
                                 casia_vote_choice_name((casia_vote_choice)p->vote),
                                 casia_vote_choice_name((casia_vote_choice)v->vote));
                locate_error(f->locate, f->locate_ctx, b->votes[i].origin, f->err);
                return CASIA_ECONFLICT;
            }
        }
        ds->votes[ds->n_votes++] = *v;
    }
    return CASIA_OK;
}

int casia__builder_finish(casia__builder *b, casia_dataset **out,
                          casia__locator locate, void *locate_ctx,
                          const char *source_name, casia_error *err)
{
    casia_dataset *ds = NULL;
    uint32_t *ind_new = NULL, *src_new = NULL, *tmp = NULL;
    int rc = CASIA_ENOMEM, any_note = 0;
    finish_ctx f;

    f.locate = locate;
    f.locate_ctx = locate_ctx;
    f.source_name = source_name;
    f.err = err;
    if ((rc = check_sources(b, &f)) != CASIA_OK)
        goto fail;
    rc = CASIA_ENOMEM;
    ind_new = malloc((b->n_inds + 1) * sizeof *ind_new);
    src_new = malloc((b->n_srcs + 1) * sizeof *src_new);
    tmp = malloc(((b->n_inds > b->n_srcs ? b->n_inds : b->n_srcs) + 1) * sizeof *tmp);
    if (!ind_new || !src_new || !tmp)
        goto fail;
    if ((rc = renumber(b, ind_new, src_new, tmp, &any_note)) ||
        (rc = collapse_obs(b, ind_new, src_new, &f)))
        goto fail;
    rc = CASIA_ENOMEM;
    if (!(ds = calloc(1, sizeof *ds)))
        goto fail;
    if ((rc = freeze_obs(ds, b, ind_new, src_new, any_note)) ||
        (rc = freeze_relations(ds, b, &f)) ||
        (rc = casia__ledger_finish(&b->ledger, ds, &b->strings, locate, locate_ctx,
                                   source_name, err)))
        goto fail;

    ds->title = b->title;
    ds->description = b->description;
    /* the strings move into the dataset */
    ds->strings = b->strings;
    memset(&b->strings, 0, sizeof b->strings);
    free(ind_new);
    free(src_new);
    free(tmp);
    casia__builder_free(b);
    *out = ds;
    return CASIA_OK;

fail:
    if (rc == CASIA_ENOMEM)
        casia__error_set(err, CASIA_ENOMEM, source_name, NULL);
    casia_dataset_free(ds);   /* its string table is still empty */
    free(ind_new);
    free(src_new);
    free(tmp);
    casia__builder_free(b);
    return rc;
}
