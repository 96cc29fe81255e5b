/*
 * dataset.c - the immutable store: accessors, look-ups and cursors.
 */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

static const char *const basis_names[] = {
    "any", "reporter", "partner_mirror", "national_stats", "other", "mixed"
};

CASIA_API const char *casia_basis_name(casia_basis basis)
{
    if ((int)basis < 0 || (size_t)basis >= sizeof basis_names / sizeof basis_names[0])
        return NULL;
    return basis_names[basis];
}

CASIA_API int casia_basis_parse(casia_basis *out, const char *name)
{
    size_t i;
    if (!out || !name)
        return CASIA_EINVAL;
    for (i = 0; i < sizeof basis_names / sizeof basis_names[0]; i++) {
        if (strcmp(name, basis_names[i]) == 0) {
            *out = (casia_basis)i;
            return CASIA_OK;
        }
    }
    return CASIA_EINVAL;
}

CASIA_API const char *casia_vote_choice_name(casia_vote_choice vote)
{
    switch (vote) {
    case CASIA_VOTE_YES: return "yes";
    case CASIA_VOTE_NO: return "no";
    case CASIA_VOTE_ABSTAIN: return "abstain";
    case CASIA_VOTE_ABSENT: return "absent";
    }
    return NULL;
}

CASIA_API void casia_dataset_free(casia_dataset *ds)
{
    if (!ds)
        return;
    casia__strtab_free(&ds->strings);
    free(ds->ind_name);
    free(ds->ind_unit);
    free(ds->sources);
    free(ds->obs_key);
    free(ds->obs_value);
    free(ds->obs_source);
    free(ds->obs_basis);
    free(ds->obs_note);
    free(ds->memberships);
    free(ds->organisations);
    free(ds->votes);
    free(ds->events);
    free(ds->resolutions);
    free(ds);
}

CASIA_API size_t casia_dataset_memory_usage(const casia_dataset *ds)
{
    size_t n;
    if (!ds)
        return 0;
    n = sizeof *ds + ds->strings.bytes;
    n += (size_t)ds->n_indicators * 2 * sizeof(uint32_t);
    n += (size_t)ds->n_sources * sizeof *ds->sources;
    n += ds->n_obs * (sizeof *ds->obs_key + sizeof *ds->obs_value +
                      sizeof *ds->obs_source + sizeof *ds->obs_basis);
    if (ds->obs_note)
        n += ds->n_obs * sizeof *ds->obs_note;
    n += ds->n_memberships * sizeof *ds->memberships;
    n += ds->n_organisations * sizeof *ds->organisations;
    n += ds->n_votes * sizeof *ds->votes;
    n += ds->n_events * sizeof *ds->events;
    n += ds->n_resolutions * sizeof *ds->resolutions;
    return n;
}

size_t casia__lower_bound(const uint64_t *keys, size_t n, uint64_t key)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (keys[mid] < key)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/*
 * Binary search for key among n records of stride bytes starting at base,
 * each beginning with the string id (uint32_t) of its name, sorted by name.
 * Returns the index or -1.
 */
static long find_named(const casia_dataset *ds, const void *base, size_t n,
                       size_t stride, const char *key)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        uint32_t id;
        int r;
        memcpy(&id, (const char *)base + mid * stride, sizeof id);
        r = strcmp(casia__strtab_get(&ds->strings, id), key);
        if (r == 0)
            return (long)mid;
        if (r < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return -1;
}

int casia__dataset_indicator_id(const casia_dataset *ds, const char *name)
{
    return (int)find_named(ds, ds->ind_name, ds->n_indicators,
                           sizeof *ds->ind_name, name);
}

int casia__dataset_source_index(const casia_dataset *ds, const char *id)
{
    return (int)find_named(ds, ds->sources, ds->n_sources, sizeof *ds->sources,
                           id);
}

void casia__dataset_fill(casia_observation *out, const casia_dataset *ds,
                         size_t i)
{
    uint64_t k = ds->obs_key[i];
    unsigned ind = CASIA__KEY_IND(k);
    out->indicator = casia__strtab_get(&ds->strings, ds->ind_name[ind]);
    out->reporter = casia__country_code(CASIA__KEY_REP(k));
    out->partner = casia__country_code(CASIA__KEY_PAR(k));
    out->year = CASIA__KEY_YEAR(k);
    out->value = ds->obs_value[i];
    out->basis = (casia_basis)ds->obs_basis[i];
    out->source = casia__strtab_get(&ds->strings, ds->sources[ds->obs_source[i]].id);
    out->unit = casia__strtab_get(&ds->strings, ds->ind_unit[ind]);
    out->note = (ds->obs_note && ds->obs_note[i])
                    ? casia__strtab_get(&ds->strings, ds->obs_note[i])
                    : NULL;
}

CASIA_API const char *casia_dataset_title(const casia_dataset *ds)
{
    return ds && ds->title ? casia__strtab_get(&ds->strings, ds->title) : NULL;
}

CASIA_API const char *casia_dataset_description(const casia_dataset *ds)
{
    return ds && ds->description ? casia__strtab_get(&ds->strings, ds->description)
                                 : NULL;
}

CASIA_API size_t casia_dataset_observation_count(const casia_dataset *ds)
{
    return ds ? ds->n_obs : 0;
}

CASIA_API int casia_dataset_observation(casia_observation *out,
                                        const casia_dataset *ds, size_t index)
{
    if (!out || !ds)
        return CASIA_EINVAL;
    if (index >= ds->n_obs)
        return CASIA_ENOTFOUND;
    casia__dataset_fill(out, ds, index);
    return CASIA_OK;
}

/* ------------------------------------------------------------------ */
/* Queries                                                             */

struct casia_cursor {
    const casia_dataset *ds;
    size_t pos, end;
    /* the query, resolved; -1 / 0 = any */
    int ind, rep, par, source;
    int year_from, year_to;
    int basis;
};

/*
 * Resolves q into c. An unknown country is CASIA_ENOTFOUND; an indicator
 * or source absent from this dataset gives an empty selection.
 */
static int resolve_query(struct casia_cursor *c, const casia_dataset *ds,
                         const casia_query *q)
{
    int empty = 0;
    c->ds = ds;
    c->ind = c->rep = c->par = c->source = -1;
    c->year_from = 0;
    c->year_to = 0;
    c->basis = CASIA_BASIS_ANY;
    c->pos = 0;
    c->end = ds->n_obs;
    if (!q)
        return CASIA_OK;
    if (q->version != CASIA_QUERY_VERSION || q->basis < CASIA_BASIS_ANY ||
        q->basis > CASIA_BASIS_OTHER)
        return CASIA_EINVAL;
    if (q->reporter &&
        casia__country_resolve_n(&c->rep, q->reporter, strlen(q->reporter), NULL))
        return CASIA_ENOTFOUND;
    if (q->partner &&
        casia__country_resolve_n(&c->par, q->partner, strlen(q->partner), NULL))
        return CASIA_ENOTFOUND;
    if (q->indicator && (c->ind = casia__dataset_indicator_id(ds, q->indicator)) < 0)
        empty = 1;
    if (q->source && (c->source = casia__dataset_source_index(ds, q->source)) < 0)
        empty = 1;
    if (empty) {
        c->pos = c->end = 0;
        return CASIA_OK;
    }
    c->basis = q->basis;
    c->year_from = q->year_from;
    c->year_to = q->year_to;

    /* narrow [pos, end) by the longest key prefix that is fixed */
    if (c->ind >= 0) {
        uint64_t lo, hi;
        if (c->rep >= 0 && c->par >= 0) {
            int y0 = c->year_from > 0 ? c->year_from : 0;
            int y1 = c->year_to > 0 ? c->year_to : 0xffff;
            if (y1 < y0) {
                c->pos = c->end = 0;
                return CASIA_OK;
            }
            lo = CASIA__KEY(c->ind, c->rep, c->par, y0);
            hi = CASIA__KEY(c->ind, c->rep, c->par, y1) + 1;
        } else if (c->rep >= 0) {
            lo = CASIA__KEY(c->ind, c->rep, 0, 0);
            hi = CASIA__KEY(c->ind, c->rep + 1, 0, 0);
        } else {
            lo = CASIA__KEY(c->ind, 0, 0, 0);
            hi = CASIA__KEY(c->ind + 1, 0, 0, 0);
        }
        c->pos = casia__lower_bound(ds->obs_key, ds->n_obs, lo);
        c->end = casia__lower_bound(ds->obs_key, ds->n_obs, hi);
    }
    return CASIA_OK;
}

static int matches(const struct casia_cursor *c, size_t i)
{
    const casia_dataset *ds = c->ds;
    uint64_t k = ds->obs_key[i];
    int y = CASIA__KEY_YEAR(k);
    if (c->ind >= 0 && (int)CASIA__KEY_IND(k) != c->ind)
        return 0;
    if (c->rep >= 0 && (int)CASIA__KEY_REP(k) != c->rep)
        return 0;
    if (c->par >= 0 && (int)CASIA__KEY_PAR(k) != c->par)
        return 0;
    if (c->year_from > 0 && y < c->year_from)
        return 0;
    if (c->year_to > 0 && y > c->year_to)
        return 0;
    if (c->basis != CASIA_BASIS_ANY && ds->obs_basis[i] != c->basis)
        return 0;
    if (c->source >= 0 && ds->obs_source[i] != c->source)
        return 0;
    return 1;
}

CASIA_API int casia_dataset_get(casia_observation *out, const casia_dataset *ds,
                                const casia_query *q)
{
    struct casia_cursor c;
    size_t i, found = (size_t)-1;
    int rc;
    if (!out || !ds || !q || !q->indicator || !q->reporter || !q->partner ||
        q->year_from <= 0 || (q->year_to != 0 && q->year_to != q->year_from))
        return CASIA_EINVAL;
    rc = resolve_query(&c, ds, q);
    if (rc)
        return rc;
    c.year_to = c.year_from;
    for (i = c.pos; i < c.end; i++) {
        if (!matches(&c, i))
            continue;
        if (found != (size_t)-1)
            return CASIA_EAMBIGUOUS;
        found = i;
        casia__dataset_fill(out, ds, i);
    }
    return found == (size_t)-1 ? CASIA_ENOTFOUND : CASIA_OK;
}

CASIA_API int casia_dataset_value(double *out, const casia_dataset *ds,
                                  const char *indicator, const char *reporter,
                                  const char *partner, int year)
{
    casia_query q = CASIA_QUERY_INIT;
    casia_observation o;
    int rc;
    if (!out)
        return CASIA_EINVAL;
    q.indicator = indicator;
    q.reporter = reporter;
    q.partner = partner;
    q.year_from = year;
    rc = casia_dataset_get(&o, ds, &q);
    if (rc == CASIA_OK)
        *out = o.value;
    return rc;
}

CASIA_API int casia_dataset_query(casia_cursor **out, const casia_dataset *ds,
                                  const casia_query *q)
{
    struct casia_cursor *c;
    int rc;
    if (!out || !ds)
        return CASIA_EINVAL;
    c = malloc(sizeof *c);
    if (!c)
        return CASIA_ENOMEM;
    rc = resolve_query(c, ds, q);
    if (rc) {
        free(c);
        return rc;
    }
    *out = c;
    return CASIA_OK;
}

CASIA_API int casia_cursor_next(casia_cursor *cur, casia_observation *out)
{
    if (!cur || !out)
        return CASIA_EINVAL;
    while (cur->pos < cur->end) {
        size_t i = cur->pos++;
        if (matches(cur, i)) {
            casia__dataset_fill(out, cur->ds, i);
            return CASIA_OK;
        }
    }
    return CASIA_ITEROVER;
}

CASIA_API void casia_cursor_free(casia_cursor *cur)
{
    free(cur);
}

/* ------------------------------------------------------------------ */
/* Indicators, sources, memberships, organisations, votes              */

CASIA_API size_t casia_dataset_indicator_count(const casia_dataset *ds)
{
    return ds ? ds->n_indicators : 0;
}

CASIA_API int casia_dataset_indicator(const char **id, const char **unit,
                                      const casia_dataset *ds, size_t index)
{
    if (!ds)
        return CASIA_EINVAL;
    if (index >= ds->n_indicators)
        return CASIA_ENOTFOUND;
    if (id)
        *id = casia__strtab_get(&ds->strings, ds->ind_name[index]);
    if (unit)
        *unit = casia__strtab_get(&ds->strings, ds->ind_unit[index]);
    return CASIA_OK;
}

CASIA_API size_t casia_dataset_source_count(const casia_dataset *ds)
{
    return ds ? ds->n_sources : 0;
}

static void fill_source(casia_source *out, const casia_dataset *ds, size_t i)
{
    const casia__source_rec *s = &ds->sources[i];
    out->id = casia__strtab_get(&ds->strings, s->id);
    out->title = casia__strtab_get(&ds->strings, s->title);
    out->publisher = casia__strtab_get(&ds->strings, s->publisher);
    out->url = casia__strtab_get(&ds->strings, s->url);
    out->description = casia__strtab_get(&ds->strings, s->description);
}

CASIA_API int casia_dataset_source(casia_source *out, const casia_dataset *ds,
                                   size_t index)
{
    if (!out || !ds)
        return CASIA_EINVAL;
    if (index >= ds->n_sources)
        return CASIA_ENOTFOUND;
    fill_source(out, ds, index);
    return CASIA_OK;
}

CASIA_API int casia_dataset_find_source(casia_source *out,
                                        const casia_dataset *ds, const char *id)
{
    int i;
    if (!out || !ds || !id)
        return CASIA_EINVAL;
    i = casia__dataset_source_index(ds, id);
    if (i < 0)
        return CASIA_ENOTFOUND;
    fill_source(out, ds, (size_t)i);
    return CASIA_OK;
}

CASIA_API size_t casia_dataset_membership_count(const casia_dataset *ds)
{
    return ds ? ds->n_memberships : 0;
}

CASIA_API int casia_dataset_membership(casia_membership *out,
                                       const casia_dataset *ds, size_t index)
{
    const casia__membership_rec *m;
    if (!out || !ds)
        return CASIA_EINVAL;
    if (index >= ds->n_memberships)
        return CASIA_ENOTFOUND;
    m = &ds->memberships[index];
    out->country = casia__country_code(m->country);
    out->organisation = casia__strtab_get(&ds->strings, m->organisation);
    out->start_year = m->start_year;
    out->end_year = m->end_year;
    out->source = casia__strtab_get(&ds->strings, ds->sources[m->source].id);
    out->note = m->note ? casia__strtab_get(&ds->strings, m->note) : NULL;
    return CASIA_OK;
}

CASIA_API size_t casia_dataset_organisation_count(const casia_dataset *ds)
{
    return ds ? ds->n_organisations : 0;
}

static void fill_organisation(casia_organisation *out, const casia_dataset *ds,
                              size_t i)
{
    const casia__organisation_rec *o = &ds->organisations[i];
    out->id = casia__strtab_get(&ds->strings, o->id);
    out->name = casia__strtab_get(&ds->strings, o->name);
    out->led_by = o->led_by == CASIA__NO_COUNTRY ? NULL
                                                 : casia__country_code(o->led_by);
    out->source = o->source == 0xffffu
                      ? NULL
                      : casia__strtab_get(&ds->strings, ds->sources[o->source].id);
    out->note = o->note ? casia__strtab_get(&ds->strings, o->note) : NULL;
}

CASIA_API int casia_dataset_organisation(casia_organisation *out,
                                         const casia_dataset *ds, size_t index)
{
    if (!out || !ds)
        return CASIA_EINVAL;
    if (index >= ds->n_organisations)
        return CASIA_ENOTFOUND;
    fill_organisation(out, ds, index);
    return CASIA_OK;
}

CASIA_API int casia_dataset_find_organisation(casia_organisation *out,
                                              const casia_dataset *ds,
                                              const char *id)
{
    long i;
    if (!out || !ds || !id)
        return CASIA_EINVAL;
    i = find_named(ds, ds->organisations, ds->n_organisations,
                   sizeof *ds->organisations, id);
    if (i < 0)
        return CASIA_ENOTFOUND;
    fill_organisation(out, ds, (size_t)i);
    return CASIA_OK;
}

CASIA_API size_t casia_dataset_vote_count(const casia_dataset *ds)
{
    return ds ? ds->n_votes : 0;
}

CASIA_API int casia_dataset_vote(casia_vote *out, const casia_dataset *ds,
                                 size_t index)
{
    const casia__vote_rec *v;
    if (!out || !ds)
        return CASIA_EINVAL;
    if (index >= ds->n_votes)
        return CASIA_ENOTFOUND;
    v = &ds->votes[index];
    out->resolution = casia__strtab_get(&ds->strings, v->resolution);
    out->date = casia__strtab_get(&ds->strings, v->date);
    out->country = casia__country_code(v->country);
    out->vote = (casia_vote_choice)v->vote;
    out->source = casia__strtab_get(&ds->strings, ds->sources[v->source].id);
    return CASIA_OK;
}
