/*
 * json_write.c - writes a dataset in the native JSON format with cJSON.
 *
 * The output is canonical: sections in a fixed order, sources and
 * organisations by id, series by (indicator, reporter, partner, basis,
 * source), years ascending. Loading it gives an equal dataset, and writing
 * that again gives the same bytes.
 */
#include "internal.h"
#include "number.h"

#include <cJSON.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define S(ds, id) casia__strtab_get(&(ds)->strings, (id))

static int add_string(cJSON *obj, const char *key, const char *value)
{
    return cJSON_AddStringToObject(obj, key, value) != NULL;
}

/*
 * Adds a number in the shortest of %.15g, %.16g, %.17g that reads back as
 * the same double (casia__format_double, shared with the CSV writers).
 * (cJSON's own printing accepts a 15-digit form within a relative epsilon,
 * which can change the last bit, and prints DBL_MAX as a number that reads
 * back as infinity; the format promises exact round trips.) The decimal
 * point is '.' whatever the locale.
 */
static int add_number(cJSON *obj, const char *key, double v)
{
    char out[40];
    casia__format_double(out, sizeof out, v, 0);
    return cJSON_AddRawToObject(obj, key, out) != NULL;
}

static int write_sources(cJSON *root, const casia_dataset *ds)
{
    cJSON *arr = cJSON_AddArrayToObject(root, "sources");
    uint32_t i;
    if (!arr)
        return 0;
    for (i = 0; i < ds->n_sources; i++) {
        const casia__source_rec *s = &ds->sources[i];
        cJSON *o = cJSON_CreateObject();
        if (!o || !cJSON_AddItemToArray(arr, o))
            return (cJSON_Delete(o), 0);
        if (!add_string(o, "id", S(ds, s->id)) ||
            !add_string(o, "title", S(ds, s->title)) ||
            !add_string(o, "publisher", S(ds, s->publisher)) ||
            !add_string(o, "url", S(ds, s->url)) ||
            !add_string(o, "description", S(ds, s->description)))
            return 0;
    }
    return 1;
}

static int write_indicators(cJSON *root, const casia_dataset *ds)
{
    cJSON *arr = cJSON_AddArrayToObject(root, "indicators");
    uint32_t i;
    if (!arr)
        return 0;
    for (i = 0; i < ds->n_indicators; i++) {
        cJSON *o = cJSON_CreateObject();
        if (!o || !cJSON_AddItemToArray(arr, o))
            return (cJSON_Delete(o), 0);
        if (!add_string(o, "id", S(ds, ds->ind_name[i])) ||
            !add_string(o, "unit", S(ds, ds->ind_unit[i])))
            return 0;
    }
    return 1;
}

/* Orders the observations of one (indicator, reporter, partner) block by
 * basis, source, year. */

typedef struct order_item {
    uint32_t basis_source;   /* basis << 16 | source */
    int year;
    size_t index;
} order_item;

static int cmp_order(const void *pa, const void *pb)
{
    const order_item *a = pa, *b = pb;
    if (a->basis_source != b->basis_source)
        return a->basis_source < b->basis_source ? -1 : 1;
    return a->year < b->year ? -1 : a->year > b->year;
}

static int write_series(cJSON *root, const casia_dataset *ds)
{
    cJSON *arr = cJSON_AddArrayToObject(root, "series");
    order_item *items = NULL;
    size_t cap = 0, a = 0;
    int ok = 0;
    if (!arr)
        return 0;
    while (a < ds->n_obs) {
        uint64_t block = ds->obs_key[a] & ~(uint64_t)0xffff;
        size_t b = a, n, k;
        while (b < ds->n_obs && (ds->obs_key[b] & ~(uint64_t)0xffff) == block)
            b++;
        n = b - a;
        if (n > cap) {
            order_item *p = realloc(items, n * sizeof *items);
            if (!p)
                goto done;
            items = p;
            cap = n;
        }
        for (k = 0; k < n; k++) {
            items[k].basis_source = ((uint32_t)ds->obs_basis[a + k] << 16) |
                                    ds->obs_source[a + k];
            items[k].year = CASIA__KEY_YEAR(ds->obs_key[a + k]);
            items[k].index = a + k;
        }
        qsort(items, n, sizeof *items, cmp_order);
        k = 0;
        while (k < n) {
            size_t e = k, m;
            size_t first = items[k].index;
            cJSON *o, *values, *notes = NULL;
            unsigned ind = CASIA__KEY_IND(ds->obs_key[first]);
            while (e < n && items[e].basis_source == items[k].basis_source)
                e++;
            o = cJSON_CreateObject();
            if (!o || !cJSON_AddItemToArray(arr, o)) {
                cJSON_Delete(o);
                goto done;
            }
            if (!add_string(o, "indicator", S(ds, ds->ind_name[ind])) ||
                !add_string(o, "reporter",
                            casia__country_code(CASIA__KEY_REP(ds->obs_key[first]))) ||
                !add_string(o, "partner",
                            casia__country_code(CASIA__KEY_PAR(ds->obs_key[first]))) ||
                !add_string(o, "basis",
                            casia_basis_name((casia_basis)ds->obs_basis[first])) ||
                !add_string(o, "source", S(ds, ds->sources[ds->obs_source[first]].id)) ||
                !add_string(o, "unit", S(ds, ds->ind_unit[ind])))
                goto done;
            values = cJSON_AddObjectToObject(o, "values");
            if (!values)
                goto done;
            for (m = k; m < e; m++) {
                size_t i = items[m].index;
                char year[8];
                snprintf(year, sizeof year, "%d", items[m].year);
                if (!add_number(values, year, ds->obs_value[i]))
                    goto done;
                if (ds->obs_note && ds->obs_note[i]) {
                    if (!notes && !(notes = cJSON_AddObjectToObject(o, "notes")))
                        goto done;
                    if (!add_string(notes, year, S(ds, ds->obs_note[i])))
                        goto done;
                }
            }
            k = e;
        }
        a = b;
    }
    ok = 1;
done:
    free(items);
    return ok;
}

static int write_organisations(cJSON *root, const casia_dataset *ds)
{
    cJSON *arr = cJSON_AddArrayToObject(root, "organisations");
    size_t i;
    if (!arr)
        return 0;
    for (i = 0; i < ds->n_organisations; i++) {
        const casia__organisation_rec *g = &ds->organisations[i];
        cJSON *o = cJSON_CreateObject();
        if (!o || !cJSON_AddItemToArray(arr, o))
            return (cJSON_Delete(o), 0);
        if (!add_string(o, "id", S(ds, g->id)) ||
            !add_string(o, "name", S(ds, g->name)))
            return 0;
        if (g->led_by != CASIA__NO_COUNTRY &&
            !add_string(o, "led_by", casia__country_code(g->led_by)))
            return 0;
        if (g->source != 0xffffu &&
            !add_string(o, "source", S(ds, ds->sources[g->source].id)))
            return 0;
        if (g->note && !add_string(o, "note", S(ds, g->note)))
            return 0;
    }
    return 1;
}

static int write_memberships(cJSON *root, const casia_dataset *ds)
{
    cJSON *arr = cJSON_AddArrayToObject(root, "memberships");
    size_t i;
    if (!arr)
        return 0;
    for (i = 0; i < ds->n_memberships; i++) {
        const casia__membership_rec *m = &ds->memberships[i];
        cJSON *o = cJSON_CreateObject();
        if (!o || !cJSON_AddItemToArray(arr, o))
            return (cJSON_Delete(o), 0);
        if (!add_string(o, "country", casia__country_code(m->country)) ||
            !add_string(o, "organisation", S(ds, m->organisation)) ||
            !cJSON_AddNumberToObject(o, "start", m->start_year) ||
            !(m->end_year ? cJSON_AddNumberToObject(o, "end", m->end_year)
                          : cJSON_AddNullToObject(o, "end")) ||
            !add_string(o, "source", S(ds, ds->sources[m->source].id)))
            return 0;
        if (m->note && !add_string(o, "note", S(ds, m->note)))
            return 0;
    }
    return 1;
}

static int write_votes(cJSON *root, const casia_dataset *ds)
{
    cJSON *arr = cJSON_AddArrayToObject(root, "votes");
    size_t i;
    if (!arr)
        return 0;
    for (i = 0; i < ds->n_votes; i++) {
        const casia__vote_rec *v = &ds->votes[i];
        cJSON *o = cJSON_CreateObject();
        if (!o || !cJSON_AddItemToArray(arr, o))
            return (cJSON_Delete(o), 0);
        if (!add_string(o, "resolution", S(ds, v->resolution)) ||
            !add_string(o, "date", S(ds, v->date)) ||
            !add_string(o, "country", casia__country_code(v->country)) ||
            !add_string(o, "vote", casia_vote_choice_name((casia_vote_choice)v->vote)) ||
            !add_string(o, "source", S(ds, ds->sources[v->source].id)))
            return 0;
    }
    return 1;
}

static int write_resolutions(cJSON *root, const casia_dataset *ds)
{
    cJSON *arr;
    size_t i;
    if (!ds->n_resolutions)
        return 1;   /* a dataset without them is written as before them */
    if (!(arr = cJSON_AddArrayToObject(root, "resolutions")))
        return 0;
    for (i = 0; i < ds->n_resolutions; i++) {
        const casia__resolution_rec *v = &ds->resolutions[i];
        cJSON *o = cJSON_CreateObject();
        if (!o || !cJSON_AddItemToArray(arr, o))
            return (cJSON_Delete(o), 0);
        if (!add_string(o, "id", S(ds, v->id)) ||
            !add_string(o, "date", S(ds, v->date)) ||
            !add_string(o, "title", S(ds, v->title)) ||
            !add_string(o, "source", S(ds, ds->sources[v->source].id)))
            return 0;
        if (v->note && !add_string(o, "note", S(ds, v->note)))
            return 0;
    }
    return 1;
}

static int write_events(cJSON *root, const casia_dataset *ds)
{
    cJSON *arr;
    size_t i;
    if (!ds->n_events)
        return 1;
    if (!(arr = cJSON_AddArrayToObject(root, "events")))
        return 0;
    for (i = 0; i < ds->n_events; i++) {
        const casia__event_rec *e = &ds->events[i];
        cJSON *o = cJSON_CreateObject();
        if (!o || !cJSON_AddItemToArray(arr, o))
            return (cJSON_Delete(o), 0);
        if (!add_string(o, "id", S(ds, e->id)) ||
            !add_string(o, "type", casia_event_type_name((casia_event_type)e->type)) ||
            !add_string(o, "date", S(ds, e->date)) ||
            (e->end_year && !cJSON_AddNumberToObject(o, "end", e->end_year)) ||
            !add_string(o, "country", casia__country_code(e->country)) ||
            !add_string(o, "partner", S(ds, e->partner)) ||
            !add_string(o, "title", S(ds, e->title)) ||
            !add_string(o, "source", S(ds, ds->sources[e->source].id)))
            return 0;
        if (e->note && !add_string(o, "note", S(ds, e->note)))
            return 0;
    }
    return 1;
}

CASIA_API int casia_dataset_to_json(char **out, size_t *size,
                                    const casia_dataset *ds)
{
    cJSON *root;
    char *text;
    int ok;
    if (!out || !ds)
        return CASIA_EINVAL;
    root = cJSON_CreateObject();
    if (!root)
        return CASIA_ENOMEM;
    ok = add_string(root, "format", "casia-dataset/1") &&
         (!ds->title || add_string(root, "title", S(ds, ds->title))) &&
         (!ds->description || add_string(root, "description", S(ds, ds->description))) &&
         write_sources(root, ds) && write_indicators(root, ds) &&
         write_series(root, ds) && write_organisations(root, ds) &&
         write_memberships(root, ds) && write_votes(root, ds) &&
         write_resolutions(root, ds) && write_events(root, ds);
    if (!ok) {
        cJSON_Delete(root);
        return CASIA_ENOMEM;
    }
    text = cJSON_Print(root);
    cJSON_Delete(root);
    if (!text)
        return CASIA_ENOMEM;
    {
        /* cJSON allocated text with its allocator (malloc, as libcasia
         * never changes cJSON's hooks); add the final newline files have */
        size_t n = strlen(text);
        char *t = realloc(text, n + 2);
        if (!t) {
            free(text);
            return CASIA_ENOMEM;
        }
        t[n] = '\n';
        t[n + 1] = '\0';
        *out = t;
        if (size)
            *size = n + 1;
    }
    return CASIA_OK;
}

CASIA_API int casia_dataset_save_file(const casia_dataset *ds, const char *path,
                                      casia_error *err)
{
    char ebuf[128];
    char *text;
    size_t n;
    FILE *f;
    int rc;
    if (!ds || !path)
        return casia__error_set(err, CASIA_EINVAL, path,
                                "casia_dataset_save_file: NULL argument");
    rc = casia_dataset_to_json(&text, &n, ds);
    if (rc)
        return casia__error_set(err, rc, path, NULL);
    f = fopen(path, "wb");
    if (!f) {
        int e = errno;
        free(text);
        return casia__error_set(err, CASIA_EIO, path, "cannot create: %s",
                                casia__errno_text(e, ebuf, sizeof ebuf));
    }
    if (fwrite(text, 1, n, f) != n) {
        int e = errno;
        fclose(f);
        free(text);
        return casia__error_set(err, CASIA_EIO, path, "cannot write: %s",
                                casia__errno_text(e, ebuf, sizeof ebuf));
    }
    free(text);
    if (fclose(f) != 0)
        return casia__error_set(err, CASIA_EIO, path, "cannot write: %s",
                                casia__errno_text(errno, ebuf, sizeof ebuf));
    return CASIA_OK;
}
