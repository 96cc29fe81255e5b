/*
 * institutions.c - institutional ties: memberships of organisations led
 * by a state, and agreement in UN General Assembly votes.
 */
#include "indices_internal.h"

#include <stdlib.h>
#include <string.h>

/* The leader (registry index) of an organisation name, or -1. */
static int leader_of(const casia_dataset *ds, uint32_t org, int *source)
{
    size_t lo = 0, hi = ds->n_organisations;
    const char *name = casia__strtab_get(&ds->strings, org);
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const casia__organisation_rec *o = &ds->organisations[mid];
        int r = strcmp(casia__strtab_get(&ds->strings, o->id), name);
        if (r == 0) {
            *source = o->source == 0xffffu ? -1 : o->source;
            return o->led_by == CASIA__NO_COUNTRY ? -1 : o->led_by;
        }
        if (r < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    *source = -1;
    return -1;
}

static int leads_something(const casia_dataset *ds, int leader)
{
    size_t i;
    for (i = 0; i < ds->n_organisations; i++)
        if (ds->organisations[i].led_by == leader)
            return 1;
    return 0;
}

/*
 * Counts, for `country` in `year`, the distinct organisations led by
 * `leader` (*n_led) and by any state (*n_any); sources of the memberships
 * counted (all led ones for the share, the leader's for the count).
 */
static int count_memberships(casia_result *r, const casia__ix *c, int country,
                             int leader, int year, double *n_led,
                             double *n_any, int all_sources)
{
    const casia_dataset *ds = c->ds;
    size_t lo = 0, hi = ds->n_memberships, i;
    uint32_t prev = 0;
    int prev_counted = 0, have = 0;
    *n_led = *n_any = 0;
    /* memberships are sorted by country, organisation, start year */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if ((int)ds->memberships[mid].country < country)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (i = lo; i < ds->n_memberships && (int)ds->memberships[i].country == country;
         i++) {
        const casia__membership_rec *m = &ds->memberships[i];
        int src, lead;
        if (c->source >= 0 && m->source != c->source)
            continue;
        if (c->source == -2)
            continue;
        have = 1;
        if (m->start_year > year || (m->end_year != 0 && m->end_year < year))
            continue;
        if (i > lo && m->organisation == prev && prev_counted)
            continue;   /* one organisation once, whatever its periods */
        lead = leader_of(ds, m->organisation, &src);
        prev = m->organisation;
        prev_counted = 1;
        if (lead < 0)
            continue;
        *n_any += 1;
        if (lead == leader)
            *n_led += 1;
        if (all_sources || lead == leader) {
            casia__res_source(r, ds, m->source);
            casia__res_source(r, ds, src);
        }
    }
    return have ? CASIA_OK : CASIA_ENOTFOUND;
}

static int institutions(casia_result *out, const casia_dataset *ds,
                        const char *country, const char *leader, int year,
                        const casia_options *opt, int share)
{
    casia__ix c;
    casia_result r;
    int rc, ci, li;
    double n_led, n_any;
    if (!out || year < CASIA__YEAR_MIN || year > CASIA__YEAR_MAX)
        return CASIA_EINVAL;
    if ((rc = casia__ix_pair(&c, &ci, &li, ds, country, leader, opt)) != CASIA_OK)
        return rc;
    if (!leads_something(ds, li))
        return CASIA_ENOTFOUND;
    casia__res_init(&r, share ? "fraction" : "count", year, year);
    rc = count_memberships(&r, &c, ci, li, year, &n_led, &n_any, share);
    if (rc != CASIA_OK)
        return rc;
    casia__res_year(&r, year);
    if (share) {
        if (n_any == 0)
            return CASIA_EDOMAIN;
        r.numerator = n_led;
        r.denominator = n_any;
        r.value = n_led / n_any;
        r.count = (size_t)n_any;
    } else {
        r.value = n_led;
        r.count = (size_t)n_led;
    }
    casia__res_finish(&r);
    *out = r;
    return CASIA_OK;
}

CASIA_API int casia_memberships(casia_result *out, const casia_dataset *ds,
                                const char *country, const char *leader,
                                int year, const casia_options *opt)
{
    return institutions(out, ds, country, leader, year, opt, 0);
}

CASIA_API int casia_institutional_share(casia_result *out,
                                        const casia_dataset *ds,
                                        const char *country,
                                        const char *leader, int year,
                                        const casia_options *opt)
{
    return institutions(out, ds, country, leader, year, opt, 1);
}

/* ------------------------------------------------------------------ */
/* UN votes                                                            */

int casia__vote_year(const char *date)
{
    int y = 0, k;
    for (k = 0; k < 4; k++) {
        if (date[k] < '0' || date[k] > '9')
            return 0;
        y = y * 10 + (date[k] - '0');
    }
    return y;
}

CASIA_API double casia_vote_agreement(casia_vote_choice a, casia_vote_choice b)
{
    if (a < CASIA_VOTE_YES || a > CASIA_VOTE_ABSTAIN || b < CASIA_VOTE_YES ||
        b > CASIA_VOTE_ABSTAIN)
        return -1;   /* absent, or not a vote */
    if (a == b)
        return 1;
    if (a == CASIA_VOTE_ABSTAIN || b == CASIA_VOTE_ABSTAIN)
        return 0.5;
    return 0;
}

CASIA_API int casia_un_agreement(casia_result *out, const casia_dataset *ds,
                                 const char *country, const char *partner,
                                 const char *const *resolutions,
                                 size_t n_resolutions, int year,
                                 const casia_options *opt)
{
    casia__ix c;
    casia_result r;
    double scores[512], *sc = scores;
    size_t i, n = 0, cap = sizeof scores / sizeof scores[0];
    int rc, ci, pi;
    if (!out || (n_resolutions && !resolutions))
        return CASIA_EINVAL;
    if ((rc = casia__ix_pair(&c, &ci, &pi, ds, country, partner, opt)) != CASIA_OK)
        return rc;
    if (ci == pi)
        return CASIA_EINVAL;
    casia__res_init(&r, "fraction", year, year);
    /* votes are sorted by date, resolution, country: one resolution's
     * votes are adjacent */
    i = 0;
    while (i < ds->n_votes) {
        size_t j = i;
        uint32_t res = ds->votes[i].resolution;
        int va = 0, vb = 0, sa = -1, sb = -1;
        const char *rid = casia__strtab_get(&ds->strings, res);
        const char *date = casia__strtab_get(&ds->strings, ds->votes[i].date);
        int keep = 1;
        while (j < ds->n_votes && ds->votes[j].resolution == res &&
               ds->votes[j].date == ds->votes[i].date) {
            const casia__vote_rec *v = &ds->votes[j];
            if (c.source == -1 || v->source == c.source) {
                if ((int)v->country == ci) {
                    va = v->vote;
                    sa = v->source;
                } else if ((int)v->country == pi) {
                    vb = v->vote;
                    sb = v->source;
                }
            }
            j++;
        }
        if (year && casia__vote_year(date) != year)
            keep = 0;
        if (keep && resolutions) {
            size_t k;
            keep = 0;
            for (k = 0; k < n_resolutions; k++)
                if (resolutions[k] && strcmp(resolutions[k], rid) == 0)
                    keep = 1;
        }
        if (keep && va && vb) {
            double s = casia_vote_agreement((casia_vote_choice)va, (casia_vote_choice)vb);
            if (s >= 0) {
                if (n == cap) {
                    double *nsc = malloc(2 * cap * sizeof *nsc);
                    if (!nsc) {
                        if (sc != scores)
                            free(sc);
                        return CASIA_ENOMEM;
                    }
                    memcpy(nsc, sc, n * sizeof *nsc);
                    if (sc != scores)
                        free(sc);
                    sc = nsc;
                    cap *= 2;
                }
                sc[n++] = s;
                casia__res_source(&r, ds, sa);
                casia__res_source(&r, ds, sb);
                casia__res_year(&r, casia__vote_year(date));
            }
        }
        i = j;
    }
    if (n == 0) {
        if (sc != scores)
            free(sc);
        return CASIA_ENOTFOUND;
    }
    r.numerator = casia__sum_canonical(sc, n);
    r.denominator = (double)n;
    r.value = r.numerator / (double)n;
    r.count = n;
    if (sc != scores)
        free(sc);
    casia__res_finish(&r);
    *out = r;
    return CASIA_OK;
}
