/*
 * events.c - the events index: the number of events of the ledger between
 * a state and a partner in a year, by type (docs/indices.md, "Events").
 * It is not a dimension of the composite.
 */
#include "indices_internal.h"
#include "ledger.h"

#include <stdlib.h>
#include <string.h>

/* Whether the ledger has any event of country (of the pinned source). */
static int covers(const casia__ix *c, int country)
{
    const casia_dataset *ds = c->ds;
    size_t k;
    for (k = 0; k < ds->n_events; k++)
        if (ds->events[k].country == country &&
            (c->source == -1 || (int)ds->events[k].source == c->source))
            return 1;
    return 0;
}

static int count_events(casia_result *out, const casia__ix *c, int country,
                        int par, uint32_t org, int year, unsigned types)
{
    const casia_dataset *ds = c->ds;
    casia_result r;
    size_t k, n = 0;
    if (!covers(c, country))
        return CASIA_ENOTFOUND;
    casia__res_init(&r, "count", year, year);
    casia__res_year(&r, year);
    for (k = 0; k < ds->n_events; k++) {
        const casia__event_rec *e = &ds->events[k];
        if ((c->source != -1 && (int)e->source != c->source) ||
            !casia__ledger_match(ds, e, country, par, org, types, year, year))
            continue;
        casia__res_source(&r, ds, e->source);
        n++;
    }
    r.value = (double)n;
    r.count = n;
    casia__res_basis(&r, CASIA_BASIS_OTHER);
    casia__res_finish(&r);
    *out = r;
    return CASIA_OK;
}

CASIA_API int casia_event_count(casia_result *out, const casia_dataset *ds,
                                const char *country, const char *partner,
                                int year, unsigned types,
                                const casia_options *opt)
{
    casia__ix c;
    int rc, rep, par;
    uint32_t org;
    if (!out || !partner || year < CASIA__YEAR_MIN || year > CASIA__YEAR_MAX ||
        !casia__ledger_types_ok(types))
        return CASIA_EINVAL;
    if ((rc = casia__ix_init(&c, ds, opt)) != CASIA_OK)
        return rc;
    if ((rc = casia__ix_country(&rep, country)) != CASIA_OK)
        return rc;
    if (casia__ledger_partner(ds, partner, &par, &org) != CASIA_OK)
        return CASIA_ENOTFOUND;
    if (par == rep)
        return CASIA_EINVAL;
    return count_events(out, &c, rep, par, org, year, types);
}

/* The table's rows: every state of the ledger, with every country that is
 * a partner of one of its events (directly, or as the leader of the
 * organisation), in every year from its first event to the table's last
 * year. Each row is the per-call count, so the two agree bit for bit. */
int casia__build_events(casia__sink *t, const casia__ix *c,
                        const casia_options *opt)
{
    const casia_dataset *ds = c->ds;
    size_t nc = casia__country_total, k;
    int *first = NULL, lo, hi, rc = CASIA_OK, country;
    unsigned char *partner = NULL;
    (void)opt;
    if (ds->n_events == 0 || c->source == -2)
        return CASIA_OK;
    casia__table_years(ds, &lo, &hi);
    first = malloc(nc * sizeof *first);
    partner = malloc(nc);
    if (!first || !partner) {
        free(first);
        free(partner);
        return CASIA_ENOMEM;
    }
    for (k = 0; k < nc; k++)
        first[k] = 0;
    for (k = 0; k < ds->n_events; k++) {
        const casia__event_rec *e = &ds->events[k];
        if (c->source != -1 && (int)e->source != c->source)
            continue;
        if (!first[e->country] || e->year < first[e->country])
            first[e->country] = e->year;
        if (e->year > hi)
            hi = e->year;
    }
    for (country = 0; (size_t)country < nc && rc == CASIA_OK; country++) {
        int p, year;
        if (!first[country])
            continue;
        memset(partner, 0, nc);
        for (k = 0; k < ds->n_events; k++) {
            const casia__event_rec *e = &ds->events[k];
            const char *name = casia__strtab_get(&ds->strings, e->partner);
            int idx = casia__country_index(name);
            if (e->country != country ||
                (c->source != -1 && (int)e->source != c->source))
                continue;
            if (idx >= 0) {
                partner[idx] = 1;
            } else {
                size_t j;
                for (j = 0; j < ds->n_organisations; j++)
                    if (ds->organisations[j].id == e->partner &&
                        ds->organisations[j].led_by != CASIA__NO_COUNTRY)
                        partner[ds->organisations[j].led_by] = 1;
            }
        }
        for (p = 0; (size_t)p < nc && rc == CASIA_OK; p++) {
            if (!partner[p] || p == country)
                continue;
            for (year = first[country]; year <= hi && rc == CASIA_OK; year++) {
                casia_result r;
                rc = count_events(&r, c, country, p, 0, year, 0);
                if (rc == CASIA_OK)
                    rc = t->add(t->to, country, p, year, CASIA_INDEX_EVENTS, &r);
            }
        }
    }
    free(first);
    free(partner);
    return rc;
}
