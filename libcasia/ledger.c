/*
 * ledger.c - the ledger of security and political events (bases, defence
 * agreements, exercises, deployments, visits, summits) and the titles of
 * UN resolutions: building, checking and reading them.
 */
#include "ledger.h"

#include <stdlib.h>
#include <string.h>

static const char *const type_names[CASIA_EVENT_TYPE_END] = {
    NULL, "base", "defence_agreement", "exercise", "deployment", "visit",
    "summit"
};

CASIA_API const char *casia_event_type_name(casia_event_type type)
{
    return type > 0 && type < CASIA_EVENT_TYPE_END ? type_names[type] : NULL;
}

CASIA_API int casia_event_type_parse(casia_event_type *out, const char *name)
{
    int t;
    if (!out || !name)
        return CASIA_EINVAL;
    for (t = 1; t < CASIA_EVENT_TYPE_END; t++)
        if (strcmp(name, type_names[t]) == 0) {
            *out = (casia_event_type)t;
            return CASIA_OK;
        }
    return CASIA_EINVAL;
}

static int digits(const char *s, int n)
{
    int i, v = 0;
    for (i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

int casia__ledger_date_year(const char *s)
{
    static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    size_t n = strlen(s);
    int y, m, d;
    if (n != 4 && n != 7 && n != 10)
        return 0;
    y = digits(s, 4);
    if (y < CASIA__YEAR_MIN || y > CASIA__YEAR_MAX)
        return 0;
    if (n == 4)
        return y;
    if (s[4] != '-' || (m = digits(s + 5, 2)) < 1 || m > 12)
        return 0;
    if (n == 7)
        return y;
    if (s[7] != '-' || (d = digits(s + 8, 2)) < 1 || d > mdays[m - 1])
        return 0;
    if (m == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 0;
    return y;
}

/* ------------------------------------------------------------------ */
/* The builder's part                                                  */

void casia__ledger_free(casia__ledger *l)
{
    free(l->events);
    free(l->res);
    memset(l, 0, sizeof *l);
}

static int grow(void **arr, size_t *cap, size_t n, size_t elem)
{
    size_t ncap;
    void *p;
    if (n < *cap)
        return CASIA_OK;
    ncap = *cap ? *cap * 2 : 64;
    if (ncap > ((size_t)-1) / elem)
        return CASIA_ENOMEM;
    if (!(p = realloc(*arr, ncap * elem)))
        return CASIA_ENOMEM;
    *arr = p;
    *cap = ncap;
    return CASIA_OK;
}

int casia__ledger_push_event(casia__ledger *l, const casia__event_rec *r,
                             uint64_t origin)
{
    casia__ledger_event *e;
    int rc = grow((void **)&l->events, &l->cap_events, l->n_events,
                  sizeof *l->events);
    if (rc)
        return rc;
    e = &l->events[l->n_events++];
    memset(e, 0, sizeof *e);
    e->r = *r;
    e->origin = origin;
    return CASIA_OK;
}

int casia__ledger_push_resolution(casia__ledger *l,
                                  const casia__resolution_rec *r,
                                  uint64_t origin)
{
    casia__ledger_res *e;
    int rc = grow((void **)&l->res, &l->cap_res, l->n_res, sizeof *l->res);
    if (rc)
        return rc;
    e = &l->res[l->n_res++];
    memset(e, 0, sizeof *e);
    e->r = *r;
    e->origin = origin;
    return CASIA_OK;
}

int casia__ledger_source_origin(const casia__ledger *l, size_t source,
                                uint64_t *origin)
{
    size_t k;
    for (k = 0; k < l->n_events; k++)
        if (l->events[k].r.source == source) {
            *origin = l->events[k].origin;
            return 1;
        }
    for (k = 0; k < l->n_res; k++)
        if (l->res[k].r.source == source) {
            *origin = l->res[k].origin;
            return 1;
        }
    return 0;
}

void casia__ledger_remap_sources(casia__ledger *l, const uint32_t *src_new)
{
    size_t k;
    for (k = 0; k < l->n_events; k++)
        l->events[k].r.source = (uint16_t)src_new[l->events[k].r.source];
    for (k = 0; k < l->n_res; k++)
        l->res[k].r.source = (uint16_t)src_new[l->res[k].r.source];
}

/* By date, then id, then where they came from: the records' order does
 * not depend on the order of the input. */
static int cmp_dated(const char *da, const char *ia, uint64_t oa, const char *db,
                     const char *ib, uint64_t ob)
{
    int r = strcmp(da, db);
    if (!r)
        r = strcmp(ia, ib);
    if (r)
        return r;
    return oa < ob ? -1 : oa > ob;
}

static int cmp_event(const void *pa, const void *pb)
{
    const casia__ledger_event *a = pa, *b = pb;
    return cmp_dated(a->date, a->id, a->origin, b->date, b->id, b->origin);
}

static int cmp_res(const void *pa, const void *pb)
{
    const casia__ledger_res *a = pa, *b = pb;
    return cmp_dated(a->date, a->id, a->origin, b->date, b->id, b->origin);
}

static int located(casia__locator locate, void *ctx, uint64_t origin,
                   casia_error *err, int rc)
{
    if (err && locate)
        locate(ctx, origin, err);
    return rc;
}

/* Whether string id sid names an organisation of ds. */
static int is_organisation(const casia_dataset *ds, uint32_t sid)
{
    size_t k;
    for (k = 0; k < ds->n_organisations; k++)
        if (ds->organisations[k].id == sid)
            return 1;
    return 0;
}

static int same_event(const casia__event_rec *a, const casia__event_rec *b)
{
    return a->id == b->id && a->date == b->date && a->partner == b->partner &&
           a->title == b->title && a->note == b->note && a->country == b->country &&
           a->source == b->source && a->type == b->type &&
           a->end_year == b->end_year;
}

static int finish_events(casia__ledger *l, casia_dataset *ds,
                         const casia__strtab *t, casia__locator locate,
                         void *ctx, const char *name, casia_error *err)
{
    size_t k;
    for (k = 0; k < l->n_events; k++) {
        casia__ledger_event *e = &l->events[k];
        const char *partner = casia__strtab_get(t, e->r.partner);
        if (casia__country_index(partner) < 0 && !is_organisation(ds, e->r.partner)) {
            casia__error_set(err, CASIA_ESCHEMA, name,
                             "event \"%s\": partner \"%s\" is neither a canonical "
                             "country code nor an organisation of \"organisations\"",
                             casia__strtab_get(t, e->r.id), partner);
            return located(locate, ctx, e->origin, err, CASIA_ESCHEMA);
        }
        e->date = casia__strtab_get(t, e->r.date);
        e->id = casia__strtab_get(t, e->r.id);
    }
    if (l->n_events > 1)
        qsort(l->events, l->n_events, sizeof *l->events, cmp_event);
    ds->events = malloc((l->n_events + 1) * sizeof *ds->events);
    if (!ds->events)
        return casia__error_set(err, CASIA_ENOMEM, name, NULL);
    /* an id names one event: the same record twice is kept once, two
     * different records under one id are a conflict (sorted by date, so
     * look among all kept so far) */
    for (k = 0; k < l->n_events; k++) {
        const casia__event_rec *e = &l->events[k].r;
        size_t j;
        int dup = 0;
        for (j = 0; j < ds->n_events && !dup; j++) {
            if (ds->events[j].id != e->id)
                continue;
            if (!same_event(&ds->events[j], e)) {
                casia__error_set(err, CASIA_ECONFLICT, name,
                                 "event \"%s\" is given twice, differently",
                                 casia__strtab_get(t, e->id));
                return located(locate, ctx, l->events[k].origin, err,
                               CASIA_ECONFLICT);
            }
            dup = 1;
        }
        if (!dup)
            ds->events[ds->n_events++] = *e;
    }
    return CASIA_OK;
}

static int finish_resolutions(casia__ledger *l, casia_dataset *ds,
                              const casia__strtab *t, casia__locator locate,
                              void *ctx, const char *name, casia_error *err)
{
    size_t k;
    for (k = 0; k < l->n_res; k++) {
        l->res[k].date = casia__strtab_get(t, l->res[k].r.date);
        l->res[k].id = casia__strtab_get(t, l->res[k].r.id);
    }
    if (l->n_res > 1)
        qsort(l->res, l->n_res, sizeof *l->res, cmp_res);
    ds->resolutions = malloc((l->n_res + 1) * sizeof *ds->resolutions);
    if (!ds->resolutions)
        return casia__error_set(err, CASIA_ENOMEM, name, NULL);
    for (k = 0; k < l->n_res; k++) {
        const casia__resolution_rec *r = &l->res[k].r;
        size_t j;
        int dup = 0;
        for (j = 0; j < ds->n_resolutions && !dup; j++) {
            const casia__resolution_rec *p = &ds->resolutions[j];
            if (p->id != r->id)
                continue;
            if (p->date != r->date || p->title != r->title ||
                p->source != r->source || p->note != r->note) {
                casia__error_set(err, CASIA_ECONFLICT, name,
                                 "resolution \"%s\" is given twice, differently",
                                 casia__strtab_get(t, r->id));
                return located(locate, ctx, l->res[k].origin, err,
                               CASIA_ECONFLICT);
            }
            dup = 1;
        }
        if (!dup)
            ds->resolutions[ds->n_resolutions++] = *r;
    }
    /* a vote's date is its resolution's */
    for (k = 0; k < ds->n_votes; k++) {
        const casia__vote_rec *v = &ds->votes[k];
        size_t j;
        for (j = 0; j < ds->n_resolutions; j++) {
            const casia__resolution_rec *r = &ds->resolutions[j];
            if (r->id == v->resolution && r->date != v->date) {
                casia__error_set(err, CASIA_ECONFLICT, name,
                                 "resolution \"%s\" is dated %s, and a vote on it %s",
                                 casia__strtab_get(t, r->id),
                                 casia__strtab_get(t, r->date),
                                 casia__strtab_get(t, v->date));
                return located(locate, ctx, l->res[j].origin, err,
                               CASIA_ECONFLICT);
            }
        }
    }
    return CASIA_OK;
}

int casia__ledger_finish(casia__ledger *l, casia_dataset *ds,
                         const casia__strtab *strings, casia__locator locate,
                         void *locate_ctx, const char *source_name,
                         casia_error *err)
{
    int rc = finish_events(l, ds, strings, locate, locate_ctx, source_name, err);
    if (rc)
        return rc;
    return finish_resolutions(l, ds, strings, locate, locate_ctx, source_name,
                              err);
}

int casia__ledger_add_dataset(casia__builder *b, const casia_dataset *ds,
                              uint64_t origin)
{
    const casia__strtab *t = &ds->strings;
    size_t i;
    int rc;
    for (i = 0; i < ds->n_events; i++) {
        const casia__event_rec *e = &ds->events[i];
        rc = casia__builder_event(b, casia__strtab_get(t, e->id),
                                  (casia_event_type)e->type,
                                  casia__strtab_get(t, e->date), e->end_year,
                                  e->country, casia__strtab_get(t, e->partner),
                                  casia__strtab_get(t, e->title),
                                  casia__strtab_get(t, ds->sources[e->source].id),
                                  e->note ? casia__strtab_get(t, e->note) : NULL,
                                  origin);
        if (rc)
            return rc;
    }
    for (i = 0; i < ds->n_resolutions; i++) {
        const casia__resolution_rec *r = &ds->resolutions[i];
        rc = casia__builder_resolution(b, casia__strtab_get(t, r->id),
                                       casia__strtab_get(t, r->date),
                                       casia__strtab_get(t, r->title),
                                       casia__strtab_get(t, ds->sources[r->source].id),
                                       r->note ? casia__strtab_get(t, r->note) : NULL,
                                       origin);
        if (rc)
            return rc;
    }
    return CASIA_OK;
}

/* ------------------------------------------------------------------ */
/* Reading                                                             */

static void fill_event(casia_event *out, const casia_dataset *ds,
                       const casia__event_rec *e)
{
    const casia__strtab *t = &ds->strings;
    memset(out, 0, sizeof *out);
    out->id = casia__strtab_get(t, e->id);
    out->type = (casia_event_type)e->type;
    out->date = casia__strtab_get(t, e->date);
    out->year = e->year;
    out->end_year = e->end_year;
    out->country = casia__country_code(e->country);
    out->partner = casia__strtab_get(t, e->partner);
    out->title = casia__strtab_get(t, e->title);
    out->source = casia__strtab_get(t, ds->sources[e->source].id);
    out->note = e->note ? casia__strtab_get(t, e->note) : NULL;
}

CASIA_API size_t casia_dataset_event_count(const casia_dataset *ds)
{
    return ds ? ds->n_events : 0;
}

CASIA_API int casia_dataset_event(casia_event *out, const casia_dataset *ds,
                                  size_t index)
{
    if (!out || !ds)
        return CASIA_EINVAL;
    if (index >= ds->n_events)
        return CASIA_ENOTFOUND;
    fill_event(out, ds, &ds->events[index]);
    return CASIA_OK;
}

int casia__ledger_partner(const casia_dataset *ds, const char *partner,
                          int *country, uint32_t *org)
{
    size_t j;
    *country = -1;
    *org = 0;
    if (!partner)
        return CASIA_OK;
    for (j = 0; j < ds->n_organisations; j++)
        if (strcmp(casia__strtab_get(&ds->strings, ds->organisations[j].id),
                   partner) == 0) {
            *org = ds->organisations[j].id;
            return CASIA_OK;
        }
    return casia__country_resolve_n(country, partner, strlen(partner), NULL) ==
                   CASIA_OK
               ? CASIA_OK
               : CASIA_ENOTFOUND;
}

int casia__ledger_match(const casia_dataset *ds, const casia__event_rec *e,
                        int country, int par, uint32_t org, unsigned types,
                        int year_from, int year_to)
{
    /* a base without an end year still stands */
    int last = e->end_year ? e->end_year
               : e->type == CASIA_EVENT_BASE ? CASIA__YEAR_MAX : e->year;
    if (country >= 0 && e->country != country)
        return 0;
    if (types && !(types & (1u << e->type)))
        return 0;
    if ((year_from && last < year_from) || (year_to && e->year > year_to))
        return 0;
    if (org)
        return e->partner == org;
    if (par >= 0 &&
        strcmp(casia__strtab_get(&ds->strings, e->partner),
               casia__country_code(par)) != 0) {
        /* an organisation the partner leads */
        size_t j;
        for (j = 0; j < ds->n_organisations; j++) {
            const casia__organisation_rec *o = &ds->organisations[j];
            if (o->id == e->partner && o->led_by == (uint16_t)par)
                return 1;
        }
        return 0;
    }
    return 1;
}

CASIA_API int casia_dataset_events(casia_event *out, size_t cap,
                                   size_t *count, const casia_dataset *ds,
                                   const char *country, const char *partner,
                                   unsigned types, int year_from, int year_to)
{
    int ctry = -1, par;
    uint32_t org;
    size_t k, n = 0;
    if (!ds || !count || (cap && !out) || !casia__ledger_types_ok(types))
        return CASIA_EINVAL;
    if (country && casia__country_resolve_n(&ctry, country, strlen(country),
                                            NULL) != CASIA_OK)
        return CASIA_ENOTFOUND;
    if (casia__ledger_partner(ds, partner, &par, &org) != CASIA_OK)
        return CASIA_ENOTFOUND;
    for (k = 0; k < ds->n_events; k++) {
        if (!casia__ledger_match(ds, &ds->events[k], ctry, par, org, types,
                                 year_from, year_to))
            continue;
        if (n < cap)
            fill_event(&out[n], ds, &ds->events[k]);
        n++;
    }
    *count = n;
    return CASIA_OK;
}

static void fill_resolution(casia_resolution *out, const casia_dataset *ds,
                            const casia__resolution_rec *r)
{
    const casia__strtab *t = &ds->strings;
    memset(out, 0, sizeof *out);
    out->id = casia__strtab_get(t, r->id);
    out->date = casia__strtab_get(t, r->date);
    out->title = casia__strtab_get(t, r->title);
    out->source = casia__strtab_get(t, ds->sources[r->source].id);
    out->note = r->note ? casia__strtab_get(t, r->note) : NULL;
}

CASIA_API size_t casia_dataset_resolution_count(const casia_dataset *ds)
{
    return ds ? ds->n_resolutions : 0;
}

CASIA_API int casia_dataset_resolution(casia_resolution *out,
                                       const casia_dataset *ds, size_t index)
{
    if (!out || !ds)
        return CASIA_EINVAL;
    if (index >= ds->n_resolutions)
        return CASIA_ENOTFOUND;
    fill_resolution(out, ds, &ds->resolutions[index]);
    return CASIA_OK;
}

CASIA_API int casia_dataset_find_resolution(casia_resolution *out,
                                            const casia_dataset *ds,
                                            const char *id)
{
    size_t k;
    if (!out || !ds || !id)
        return CASIA_EINVAL;
    for (k = 0; k < ds->n_resolutions; k++)
        if (strcmp(casia__strtab_get(&ds->strings, ds->resolutions[k].id), id) == 0) {
            fill_resolution(out, ds, &ds->resolutions[k]);
            return CASIA_OK;
        }
    return CASIA_ENOTFOUND;
}
