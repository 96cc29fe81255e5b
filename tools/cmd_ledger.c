/*
 * cmd_ledger.c - the records behind the institutional indices, listed:
 * `casia votes` (UN votes, with China's and Russia's), `casia ties`
 * (memberships of organisations, by name) and `casia events` (the ledger
 * of security and political events).
 */
#include "config.h"

#include "cli.h"
#include "commands.h"

#include <stdlib.h>
#include <string.h>

static const char *country_name(const char *code)
{
    casia_country info;
    return casia_country_info(&info, code) == CASIA_OK ? info.name : code;
}

/* Parses the options of a listing (no index options). */
static int list_args(cli *c, cli_args *a, int argc, char **argv,
                     const cli_option *opts,
                     int (*own)(cli *c, int key, const char *arg, void *state),
                     void *state)
{
    int k;
    cli_args_init(a, argc, argv);
    while ((k = cli_args_next(c, c->cmd, a, opts)) != 0) {
        int r;
        if (k == '?')
            return EXIT_USAGE;
        r = own ? own(c, k, a->arg, state) : 0;
        if (r < 0)
            return -r;
        if (r == 0)
            return cli_usage(c, c->cmd, "unexpected option");
    }
    return EXIT_OK;
}

/* ------------------------------------------------------------------ */
/* votes                                                               */

typedef struct votes_state {
    const char *against;   /* NULL: China and Russia */
} votes_state;

static int votes_option(cli *c, int key, const char *arg, void *state)
{
    votes_state *s = state;
    if (key != 'a')
        return 0;
    if (cli_country(c, arg, &s->against))
        return -EXIT_USAGE;
    return 1;
}

/* The vote of `country` on `resolution`, or 0 when the data has none. */
static casia_vote_choice vote_of(const casia_dataset *ds, const char *resolution,
                                 const char *country)
{
    size_t i, n = casia_dataset_vote_count(ds);
    for (i = 0; i < n; i++) {
        casia_vote v;
        if (casia_dataset_vote(&v, ds, i) == CASIA_OK &&
            strcmp(v.resolution, resolution) == 0 && strcmp(v.country, country) == 0)
            return v.vote;
    }
    return (casia_vote_choice)0;
}

int cmd_votes(cli *c, int argc, char **argv)
{
    static const cli_option opts[] = {{"against", 'a', 1}, {NULL, 0, 0}};
    votes_state st = {NULL};
    const char *country, *partners[2] = {"CHN", "RUS"};
    int np = 2, p, rc;
    size_t i, n, shown = 0;
    casia_dataset *ds;
    cli_args a;
    table *t;

    if ((rc = list_args(c, &a, argc, argv, opts, votes_option, &st)))
        return rc;
    if (a.n_operands != 1)
        return cli_usage(c, c->cmd, "give one COUNTRY");
    if ((rc = cli_country(c, a.operands[0], &country)))
        return rc;
    if (st.against) {
        partners[0] = st.against;
        np = 1;
        if (strcmp(st.against, country) == 0)
            return cli_usage(c, c->cmd, "--against %s: the country itself", country);
    }
    if (!(ds = cli_dataset(c)))
        return EXIT_INPUT;
    t = table_new(NULL);
    table_column(t, "resolution", COL_TEXT);
    table_column(t, "date", COL_TEXT);
    table_column(t, "title", COL_TEXT);
    table_column(t, "vote", COL_TEXT);
    for (p = 0; p < np; p++) {
        char name[64];
        snprintf(name, sizeof name, "%s_vote", partners[p]);
        table_column(t, name, COL_TEXT);
        snprintf(name, sizeof name, "agreement_%s", partners[p]);
        table_column(t, name, COL_NUMBER);
    }
    table_column(t, "source", COL_TEXT);
    n = casia_dataset_vote_count(ds);
    for (i = 0; i < n; i++) {
        casia_vote v;
        casia_resolution res;
        if (casia_dataset_vote(&v, ds, i) != CASIA_OK ||
            strcmp(v.country, country) != 0)
            continue;
        table_row(t);
        table_text(t, v.resolution);
        table_text(t, v.date);
        table_text(t, casia_dataset_find_resolution(&res, ds, v.resolution) == CASIA_OK
                          ? res.title : NULL);
        table_text(t, casia_vote_choice_name(v.vote));
        for (p = 0; p < np; p++) {
            casia_vote_choice pv = vote_of(ds, v.resolution, partners[p]);
            double ag = pv ? casia_vote_agreement(v.vote, pv) : -1;
            table_text(t, pv ? casia_vote_choice_name(pv) : NULL);
            if (ag >= 0)
                table_number(t, ag);
            else
                table_missing(t);
        }
        table_text(t, v.source);
        shown++;
    }
    if (!shown) {
        table_free(t);
        return cli_fail(c, EXIT_NODATA, "votes of %s: the dataset has none",
                        country);
    }
    if (c->format == OUT_TEXT) {
        table_note(t, "agreement: 1 the same vote, 0.5 when one abstains, 0 "
                   "opposite; empty when either did not vote or the dataset "
                   "lacks the vote.");
        for (p = 0; p < np; p++) {
            casia_result r;
            if (casia_un_agreement(&r, ds, country, partners[p], NULL, 0, 0, NULL) ==
                CASIA_OK)
                table_note(t, "Agreement of %s with %s over %lu resolutions: %.3f.",
                           country_name(country), country_name(partners[p]),
                           (unsigned long)r.count, r.value);
        }
    }
    table_print(c, t);
    table_free(t);
    return EXIT_OK;
}

/* ------------------------------------------------------------------ */
/* ties                                                                */

int cmd_ties(cli *c, int argc, char **argv)
{
    const char *country;
    int year = 0, rc, p;
    size_t i, n, shown = 0;
    casia_dataset *ds;
    cli_args a;
    table *t;
    static const char *const leaders[2] = {"CHN", "RUS"};

    if ((rc = list_args(c, &a, argc, argv, NULL, NULL, NULL)))
        return rc;
    if (a.n_operands < 1 || a.n_operands > 2)
        return cli_usage(c, c->cmd, "give COUNTRY [YEAR]");
    if ((rc = cli_country(c, a.operands[0], &country)))
        return rc;
    if (a.n_operands == 2 && cli_parse_year(a.operands[1], &year))
        return cli_usage(c, c->cmd, "'%s' is not a year (1900-2100)", a.operands[1]);
    if (!(ds = cli_dataset(c)))
        return EXIT_INPUT;
    t = table_new(NULL);
    table_column(t, "organisation", COL_TEXT);
    table_column(t, "name", COL_TEXT);
    table_column(t, "led_by", COL_TEXT);
    table_column(t, "from", COL_INT);
    table_column(t, "to", COL_INT);
    table_column(t, "source", COL_TEXT);
    n = casia_dataset_membership_count(ds);
    for (i = 0; i < n; i++) {
        casia_membership m;
        casia_organisation o;
        int have_org;
        if (casia_dataset_membership(&m, ds, i) != CASIA_OK ||
            strcmp(m.country, country) != 0)
            continue;
        if (year && (m.start_year > year || (m.end_year && m.end_year < year)))
            continue;
        have_org = casia_dataset_find_organisation(&o, ds, m.organisation) == CASIA_OK;
        table_row(t);
        table_text(t, m.organisation);
        table_text(t, have_org ? o.name : NULL);
        table_text(t, have_org ? o.led_by : NULL);
        table_int(t, m.start_year);
        if (m.end_year)
            table_int(t, m.end_year);
        else
            table_missing(t);
        table_text(t, m.source);
        shown++;
    }
    if (!shown) {
        table_free(t);
        if (year)
            return cli_fail(c, EXIT_NODATA, "ties of %s in %d: the dataset has no "
                            "membership for that year", country, year);
        return cli_fail(c, EXIT_NODATA, "ties of %s: the dataset has no membership",
                        country);
    }
    if (c->format == OUT_TEXT) {
        if (year)
            table_note(t, "Memberships of %s in %d; an empty \"to\" is a "
                       "membership still held.", country_name(country), year);
        else
            table_note(t, "Every membership of %s; an empty \"to\" is a "
                       "membership still held.", country_name(country));
        for (p = 0; p < 2 && year; p++) {
            casia_result r;
            if (casia_memberships(&r, ds, country, leaders[p], year, NULL) == CASIA_OK)
                table_note(t, "Led by %s in %d: %.0f.", country_name(leaders[p]),
                           year, r.value);
        }
    }
    table_print(c, t);
    table_free(t);
    return EXIT_OK;
}

/* ------------------------------------------------------------------ */
/* events                                                              */

typedef struct events_state {
    const char *with;
    unsigned types;
    int from, to;
} events_state;

static int events_option(cli *c, int key, const char *arg, void *state)
{
    events_state *s = state;
    switch (key) {
    case 'w': {
        casia_organisation o;
        casia_dataset *ds = cli_dataset(c);
        if (!ds)
            return -EXIT_INPUT;
        if (casia_dataset_find_organisation(&o, ds, arg) == CASIA_OK) {
            s->with = arg;
            return 1;
        }
        if (cli_country(c, arg, &s->with))
            return -EXIT_USAGE;
        return 1;
    }
    case 't': {
        /* a comma-separated list of types */
        char buf[128];
        char *tok, *save = NULL;
        if (strlen(arg) >= sizeof buf) {
            cli_usage(c, c->cmd, "--type: too long");
            return -EXIT_USAGE;
        }
        strcpy(buf, arg);
        for (tok = strtok_r(buf, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
            casia_event_type ty;
            if (casia_event_type_parse(&ty, tok) != CASIA_OK) {
                cli_usage(c, c->cmd, "--type: '%s' is not base, defence_agreement, "
                          "exercise, deployment, visit or summit", tok);
                return -EXIT_USAGE;
            }
            s->types |= 1u << ty;
        }
        return 1;
    }
    case 'F':
    case 'T':
        if (cli_parse_year(arg, key == 'F' ? &s->from : &s->to)) {
            cli_usage(c, c->cmd, "--%s: '%s' is not a year", key == 'F' ? "from" : "to",
                      arg);
            return -EXIT_USAGE;
        }
        return 1;
    }
    return 0;
}

int cmd_events(cli *c, int argc, char **argv)
{
    static const cli_option opts[] = {{"with", 'w', 1}, {"type", 't', 1},
                                      {"from", 'F', 1}, {"to", 'T', 1},
                                      {NULL, 0, 0}};
    events_state st;
    const char *country;
    casia_dataset *ds;
    casia_event *ev = NULL;
    size_t n = 0, i;
    cli_args a;
    table *t;
    int rc;

    memset(&st, 0, sizeof st);
    if ((rc = list_args(c, &a, argc, argv, opts, events_option, &st)))
        return rc;
    if (a.n_operands != 1)
        return cli_usage(c, c->cmd, "give one COUNTRY");
    if ((rc = cli_country(c, a.operands[0], &country)))
        return rc;
    if (st.from && st.to && st.to < st.from)
        return cli_usage(c, c->cmd, "--to %d is before --from %d", st.to, st.from);
    if (!(ds = cli_dataset(c)))
        return EXIT_INPUT;
    rc = casia_dataset_events(NULL, 0, &n, ds, country, st.with, st.types, st.from,
                              st.to);
    if (rc == CASIA_OK && n) {
        ev = malloc(n * sizeof *ev);
        if (!ev)
            return cli_fail(c, EXIT_INPUT, "out of memory");
        rc = casia_dataset_events(ev, n, &n, ds, country, st.with, st.types,
                                  st.from, st.to);
    }
    if (rc != CASIA_OK) {
        free(ev);
        return cli_fail(c, cli_exit_code(rc), "events of %s: %s", country,
                        casia_strerror(rc));
    }
    if (!n) {
        free(ev);
        return cli_fail(c, EXIT_NODATA, "events of %s: none in the dataset for "
                        "the options given", country);
    }
    t = table_new(NULL);
    table_column(t, "date", COL_TEXT);
    table_column(t, "end", COL_INT);
    table_column(t, "type", COL_TEXT);
    table_column(t, "partner", COL_TEXT);
    table_column(t, "title", COL_TEXT);
    table_column(t, "id", COL_TEXT);
    table_column(t, "source", COL_TEXT);
    for (i = 0; i < n; i++) {
        table_row(t);
        table_text(t, ev[i].date);
        if (ev[i].end_year)
            table_int(t, ev[i].end_year);
        else
            table_missing(t);
        table_text(t, casia_event_type_name(ev[i].type));
        table_text(t, ev[i].partner);
        table_text(t, ev[i].title);
        table_text(t, ev[i].id);
        table_text(t, ev[i].source);
    }
    if (c->format == OUT_TEXT)
        table_note(t, "%lu events of %s%s%s. casia sources ID gives a source's "
                   "address.", (unsigned long)n, country_name(country),
                   st.with ? " with " : "", st.with ? st.with : "");
    table_print(c, t);
    table_free(t);
    free(ev);
    return EXIT_OK;
}
