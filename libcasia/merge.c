/*
 * merge.c - a store operation: several datasets merged into a new one
 * through the builder (builder.c), which checks what the parts disagree
 * on. Apart from dataset.c because the builder itself calls dataset.c.
 */
#include "internal.h"
#include "ledger.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ */
/* Merging                                                             */

typedef struct merge_ctx {
    size_t n;
} merge_ctx;

static void locate_part(void *ctx, uint64_t origin, casia_error *err)
{
    const merge_ctx *m = ctx;
    size_t len = strlen(err->text);
    snprintf(err->text + len, sizeof err->text - len, " (in part %lu of %lu)",
             (unsigned long)origin + 1, (unsigned long)m->n);
}

static int source_is_empty(const casia_dataset *ds, const casia__source_rec *s)
{
    return !ds->strings.strs[s->title][0] && !ds->strings.strs[s->publisher][0] &&
           !ds->strings.strs[s->url][0] && !ds->strings.strs[s->description][0];
}

#define STR(ds, id) casia__strtab_get(&(ds)->strings, (id))

/* Adds everything of one part except the source definitions. */
static int add_part(casia__builder *b, const casia_dataset *ds, uint64_t origin,
                    casia_error *err)
{
    uint16_t *ind_map = malloc((ds->n_indicators + 1) * sizeof *ind_map);
    uint16_t *src_map = malloc((ds->n_sources + 1) * sizeof *src_map);
    size_t i;
    int rc = CASIA_ENOMEM;
    if (!ind_map || !src_map)
        goto done;
    for (i = 0; i < ds->n_sources; i++)
        if ((rc = casia__builder_source_ref(b, &src_map[i], STR(ds, ds->sources[i].id))))
            goto done;
    for (i = 0; i < ds->n_indicators; i++)
        if ((rc = casia__builder_indicator(b, &ind_map[i], STR(ds, ds->ind_name[i]),
                                           STR(ds, ds->ind_unit[i]), err)))
            goto done;
    for (i = 0; i < ds->n_obs; i++) {
        uint64_t k = ds->obs_key[i];
        uint32_t note = 0;
        if (ds->obs_note && ds->obs_note[i]) {
            const char *t = STR(ds, ds->obs_note[i]);
            if ((rc = casia__builder_note(b, &note, t, strlen(t))))
                goto done;
        }
        if ((rc = casia__builder_obs(b, ind_map[CASIA__KEY_IND(k)],
                                     (int)CASIA__KEY_REP(k), (int)CASIA__KEY_PAR(k),
                                     CASIA__KEY_YEAR(k), ds->obs_value[i],
                                     (casia_basis)ds->obs_basis[i],
                                     src_map[ds->obs_source[i]], note, origin)))
            goto done;
    }
    for (i = 0; i < ds->n_organisations; i++) {
        const casia__organisation_rec *o = &ds->organisations[i];
        rc = casia__builder_organisation(
            b, STR(ds, o->id), STR(ds, o->name),
            o->led_by == CASIA__NO_COUNTRY ? -1 : (int)o->led_by,
            o->source == 0xffffu ? NULL : STR(ds, ds->sources[o->source].id),
            o->note ? STR(ds, o->note) : NULL, origin, err);
        if (rc)
            goto done;
    }
    for (i = 0; i < ds->n_memberships; i++) {
        const casia__membership_rec *m = &ds->memberships[i];
        if ((rc = casia__builder_membership(b, m->country, STR(ds, m->organisation),
                                            m->start_year, m->end_year,
                                            STR(ds, ds->sources[m->source].id),
                                            m->note ? STR(ds, m->note) : NULL,
                                            origin)))
            goto done;
    }
    for (i = 0; i < ds->n_votes; i++) {
        const casia__vote_rec *v = &ds->votes[i];
        if ((rc = casia__builder_vote(b, STR(ds, v->resolution), STR(ds, v->date),
                                      v->country, (casia_vote_choice)v->vote,
                                      STR(ds, ds->sources[v->source].id), origin)))
            goto done;
    }
    rc = casia__ledger_add_dataset(b, ds, origin);
done:
    free(ind_map);
    free(src_map);
    return rc;
}

CASIA_API int casia_dataset_merge(casia_dataset **out,
                                  const casia_dataset *const *parts, size_t n,
                                  casia_error *err)
{
    casia__builder *b;
    merge_ctx m;
    const char **defined = NULL;
    size_t n_defined = 0, cap_defined = 0, p, i, k;
    int rc = CASIA_OK;

    if (!out || (!parts && n))
        return casia__error_set(err, CASIA_EINVAL, "merge", "NULL argument");
    for (p = 0; p < n; p++)
        if (!parts[p])
            return casia__error_set(err, CASIA_EINVAL, "merge",
                                    "part %lu is NULL", (unsigned long)p + 1);
    if (!(b = casia__builder_new()))
        return casia__error_set(err, CASIA_ENOMEM, "merge", NULL);
    m.n = n;

    /* sources: full definitions first, then the bare ids (a tidy CSV's)
     * that no part defines */
    for (k = 0; k < 2 && rc == CASIA_OK; k++) {
        for (p = 0; p < n && rc == CASIA_OK; p++) {
            const casia_dataset *ds = parts[p];
            for (i = 0; i < ds->n_sources && rc == CASIA_OK; i++) {
                const casia__source_rec *s = &ds->sources[i];
                const char *id = STR(ds, s->id);
                size_t j;
                int known = 0;
                if ((k == 0) == source_is_empty(ds, s))
                    continue;
                for (j = 0; j < n_defined; j++)
                    if (strcmp(defined[j], id) == 0)
                        known = 1;
                if (k == 1 && known)
                    continue;
                rc = casia__builder_source(b, id, STR(ds, s->title),
                                           STR(ds, s->publisher), STR(ds, s->url),
                                           STR(ds, s->description), p, err);
                if (rc == CASIA_ECONFLICT && err)
                    locate_part(&m, p, err);
                if (rc == CASIA_OK && !known) {
                    if (n_defined == cap_defined) {
                        size_t nc = cap_defined ? cap_defined * 2 : 16;
                        const char **nd = realloc((void *)defined, nc * sizeof *nd);
                        if (!nd) {
                            rc = CASIA_ENOMEM;
                            break;
                        }
                        defined = nd;
                        cap_defined = nc;
                    }
                    defined[n_defined++] = id;
                }
            }
        }
    }
    free((void *)defined);
    for (p = 0; p < n && rc == CASIA_OK; p++)
        rc = add_part(b, parts[p], p, err);
    if (rc != CASIA_OK) {
        casia__builder_free(b);
        if (rc == CASIA_ENOMEM)
            casia__error_set(err, rc, "merge", NULL);
        else if (err && err->code != rc)
            casia__error_set(err, rc, "merge", NULL);
        else if (err)
            snprintf(err->source, sizeof err->source, "merge");
        return rc;
    }
    return casia__builder_finish(b, out, locate_part, &m, "merge", err);
}
