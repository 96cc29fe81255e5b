/*
 * cmd_index.c - the index subcommands of `casia`: share, gap, top, hhi,
 * arms, remit, ties, compare, composite, table.
 *
 * Each prints one table. In text, shares are percentages with one
 * decimal; in CSV and JSON they are fractions, and every row carries
 * value, unit, basis, flags and sources.
 */
#include "config.h"

#include "cli.h"
#include "commands.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ */
/* Shared parts                                                        */

int index_option(cli *c, int key, const char *arg, casia_options *opt)
{
    switch (key) {
    case 'B':
        if (casia_basis_parse(&opt->basis, arg) || opt->basis == CASIA_BASIS_MIXED) {
            cli_usage(c, c->cmd, "--basis: any, reporter, partner_mirror, "
                      "national_stats or other");
            return -EXIT_USAGE;
        }
        return 1;
    case 'M':
        if (strcmp(arg, "auto") == 0)
            opt->mirror = CASIA_MIRROR_AUTO;
        else if (strcmp(arg, "never") == 0)
            opt->mirror = CASIA_MIRROR_NEVER;
        else if (strcmp(arg, "force") == 0)
            opt->mirror = CASIA_MIRROR_FORCE;
        else {
            cli_usage(c, c->cmd, "--mirror: auto, never or force");
            return -EXIT_USAGE;
        }
        return 1;
    case 'S':
        opt->source = arg;
        c->source = arg;
        return 1;
    case 'W':
        if (strcmp(arg, "auto") == 0)
            opt->total = CASIA_TOTAL_AUTO;
        else if (strcmp(arg, "world") == 0)
            opt->total = CASIA_TOTAL_WORLD;
        else if (strcmp(arg, "partners") == 0)
            opt->total = CASIA_TOTAL_PARTNERS;
        else {
            cli_usage(c, c->cmd, "--total: auto, world or partners");
            return -EXIT_USAGE;
        }
        return 1;
    case 'N': {
        char *end;
        long v;
        errno = 0;
        v = strtol(arg, &end, 10);
        if (errno || *end || v < 1 || v > 100000) {
            cli_usage(c, c->cmd, "--min-partners: a number from 1");
            return -EXIT_USAGE;
        }
        opt->min_partners = (unsigned)v;
        return 1;
    }
    default:
        return 0;
    }
}

void result_flags(char *buf, size_t size, unsigned flags)
{
    unsigned bit;
    size_t o = 0;
    buf[0] = '\0';
    /* the library's names, as its table CSV and the Python binding spell
     * them */
    for (bit = 1; bit && bit <= flags; bit <<= 1) {
        const char *word = (flags & bit) ? casia_result_flag_name(bit) : NULL;
        if (!word)
            continue;
        o += (size_t)snprintf(buf + o, o < size ? size - o : 0, "%s%s",
                              o ? " " : "", word);
        if (o >= size)
            break;
    }
}

void result_columns(table *t, col_kind kind)
{
    table_column(t, "value", kind);
    table_column(t, "unit", COL_TEXT);
    table_column(t, "basis", COL_TEXT);
    table_column(t, "flags", COL_TEXT);
    table_column(t, "sources", COL_LIST);
}

void result_cells(table *t, const casia_result *r)
{
    char flags[256];
    /* in a column of mixed units a fraction still reads as a percentage */
    if (r->unit && strcmp(r->unit, "fraction") == 0)
        table_number_as(t, r->value, COL_SHARE);
    else
        table_number(t, r->value);
    table_text(t, r->unit);
    table_text(t, casia_basis_name(r->basis));
    result_flags(flags, sizeof flags, r->flags);
    table_text(t, flags[0] ? flags : NULL);
    table_list(t, r->sources, r->source_count);
}

int index_fail(cli *c, int status, const char *what)
{
    const char *why;
    casia_source s;
    if (status == CASIA_ENOTFOUND && c->source && c->ds &&
        casia_dataset_find_source(&s, c->ds, c->source) != CASIA_OK)
        return cli_fail(c, EXIT_NODATA, "%s: no source with id '%s' in the dataset "
                        "(casia sources lists them)", what, c->source);
    switch (status) {
    case CASIA_ENOTFOUND: why = "no data for it in the dataset"; break;
    case CASIA_EDOMAIN: why = "undefined: the denominator is zero"; break;
    case CASIA_EINVAL: why = "invalid arguments"; break;
    default: why = casia_strerror(status); break;
    }
    return cli_fail(c, cli_exit_code(status), "%s: %s", what, why);
}

static int parse_flow(cli *c, const char *s, casia_flow *flow)
{
    if (strcmp(s, "import") == 0 || strcmp(s, "imports") == 0)
        *flow = CASIA_FLOW_IMPORT;
    else if (strcmp(s, "export") == 0 || strcmp(s, "exports") == 0)
        *flow = CASIA_FLOW_EXPORT;
    else if (strcmp(s, "turnover") == 0)
        *flow = CASIA_FLOW_TURNOVER;
    else
        return cli_usage(c, c->cmd, "--flow: import, export or turnover");
    return EXIT_OK;
}

/* Parses the operands COUNTRY... YEAR: resolves n countries, then a year. */
static int operands(cli *c, const cli_args *a, int n_countries, int need_year,
                    const char **countries, int *year)
{
    int i, want = n_countries + (need_year ? 1 : 0), rc;
    if (a->n_operands != want)
        return cli_usage(c, c->cmd, "expected %d argument%s, got %d", want,
                         want == 1 ? "" : "s", a->n_operands);
    for (i = 0; i < n_countries; i++)
        if ((rc = cli_country(c, a->operands[i], &countries[i])))
            return rc;
    if (need_year && cli_parse_year(a->operands[n_countries], year))
        return cli_usage(c, c->cmd, "'%s' is not a year (1900-2100)",
                         a->operands[n_countries]);
    return EXIT_OK;
}

int index_args(cli *c, cli_args *a, int argc, char **argv,
               const cli_option *opts, casia_options *opt, own_option own,
               void *state)
{
    int k;
    cli_args_init(a, argc, argv);
    while ((k = cli_args_next(c, c->cmd, a, opts)) != 0) {
        int r;
        if (k == '?')
            return EXIT_USAGE;
        r = index_option(c, k, a->arg, opt);
        if (r == 0 && own)
            r = own(c, k, a->arg, state);
        if (r < 0)
            return -r;
        if (r == 0)
            return cli_usage(c, c->cmd, "unexpected option");
    }
    /* what the library would only call invalid, said here */
    if (opt->basis == CASIA_BASIS_PARTNER_MIRROR && opt->mirror == CASIA_MIRROR_NEVER)
        return cli_usage(c, c->cmd, "--basis partner_mirror asks for the partners' "
                         "figures, which --mirror never forbids");
    return EXIT_OK;
}

static int flow_option(cli *c, int key, const char *arg, void *state)
{
    if (key != 'f')
        return 0;
    return parse_flow(c, arg, state) == EXIT_OK ? 1 : -EXIT_USAGE;
}

static const char *country_name(const char *code)
{
    casia_country info;
    return casia_country_info(&info, code) == CASIA_OK ? info.name : code;
}

/* ------------------------------------------------------------------ */
/* share, gap                                                          */

static int share_or_gap(cli *c, int argc, char **argv, int gap)
{
    static const cli_option opts[] = {{"flow", 'f', 1}, INDEX_OPTIONS, {NULL, 0, 0}};
    casia_options opt = CASIA_OPTIONS_INIT;
    casia_flow flow = CASIA_FLOW_TURNOVER;
    const char *country[2];
    casia_result r;
    casia_dataset *ds;
    cli_args a;
    table *t;
    int year, rc;

    if ((rc = index_args(c, &a, argc, argv, opts, &opt, flow_option, &flow)) ||
        (rc = operands(c, &a, 2, 1, country, &year)))
        return rc;
    if (!(ds = cli_dataset(c)))
        return EXIT_INPUT;
    rc = gap ? casia_trade_discrepancy(&r, ds, country[0], country[1], year, flow, &opt)
             : casia_trade_share(&r, ds, country[0], country[1], year, flow, &opt);
    if (rc != CASIA_OK) {
        char what[128];
        snprintf(what, sizeof what, "%s %s-%s %d (%s)", gap ? "gap" : "share",
                 country[0], country[1], year, casia_flow_name(flow));
        return index_fail(c, rc, what);
    }
    t = table_new(NULL);
    table_column(t, "reporter", COL_TEXT);
    table_column(t, "partner", COL_TEXT);
    table_column(t, "year", COL_INT);
    table_column(t, "flow", COL_TEXT);
    result_columns(t, COL_SHARE);
    table_column(t, gap ? "mirror" : "numerator", COL_MONEY);
    table_column(t, gap ? "reported" : "denominator", COL_MONEY);
    table_row(t);
    table_text(t, country[0]);
    table_text(t, country[1]);
    table_int(t, year);
    table_text(t, casia_flow_name(flow));
    result_cells(t, &r);
    if (r.flags & CASIA_RESULT_PUBLISHED_SHARE) {
        /* a share as published has no parts */
        table_missing(t);
        table_missing(t);
    } else {
        table_number(t, r.numerator);
        table_number(t, r.denominator);
    }
    if (c->format == OUT_TEXT) {
        if (gap)
            table_note(t, "gap = (mirror - reported) / reported: %s's customs "
                       "report %+.1f%% against %s's own figure.",
                       country_name(country[1]), 100 * r.value,
                       country_name(country[0]));
        else
            table_note(t, "%s's share in %s's %s, %d: %.1f%% (%s).",
                       country_name(country[1]), country_name(country[0]),
                       flow == CASIA_FLOW_TURNOVER ? "trade (exports + imports)"
                       : flow == CASIA_FLOW_IMPORT ? "imports" : "exports",
                       year, 100 * r.value,
                       r.flags & CASIA_RESULT_PUBLISHED_SHARE
                           ? "the share as published"
                       : r.flags & CASIA_RESULT_PUBLISHED_TURNOVER
                           ? "published turnover over the world total"
                       : r.flags & CASIA_RESULT_TOTAL_WORLD
                           ? "total from the world row"
                           : "total summed over the listed partners");
        if ((r.flags & CASIA_RESULT_MIRROR) && (r.flags & CASIA_RESULT_TOTAL_WORLD))
            table_note(t, "The numerator is %s's figure and the total %s's own: "
                       "two statistics, which may not add up (shares above 100%% "
                       "are possible).", country_name(country[1]),
                       country_name(country[0]));
    }
    table_print(c, t);
    table_free(t);
    return EXIT_OK;
}

int cmd_share(cli *c, int argc, char **argv)
{
    return share_or_gap(c, argc, argv, 0);
}

int cmd_gap(cli *c, int argc, char **argv)
{
    return share_or_gap(c, argc, argv, 1);
}

/* ------------------------------------------------------------------ */
/* top, hhi                                                            */

typedef struct top_state {
    casia_flow flow;
    long limit;
} top_state;

static int top_option(cli *c, int key, const char *arg, void *state)
{
    top_state *s = state;
    if (key == 'f')
        return parse_flow(c, arg, &s->flow) == EXIT_OK ? 1 : -EXIT_USAGE;
    if (key == 'n') {
        char *end;
        s->limit = strtol(arg, &end, 10);
        if (*end || s->limit < 1 || s->limit > 100000) {
            cli_usage(c, c->cmd, "-n: a number from 1 to 100000");
            return -EXIT_USAGE;
        }
        return 1;
    }
    return 0;
}

int cmd_top(cli *c, int argc, char **argv)
{
    static const cli_option opts[] = {{"flow", 'f', 1}, {"limit", 'n', 1},
                                      INDEX_OPTIONS, {NULL, 0, 0}};
    casia_options opt = CASIA_OPTIONS_INIT;
    top_state st = {CASIA_FLOW_TURNOVER, 10};
    casia_rank_entry *e;
    casia_result total;
    const char *country[1];
    size_t n = 0, i;
    casia_dataset *ds;
    cli_args a;
    table *t;
    int year, rc;

    if ((rc = index_args(c, &a, argc, argv, opts, &opt, top_option, &st)) ||
        (rc = operands(c, &a, 1, 1, country, &year)))
        return rc;
    if (!(ds = cli_dataset(c)))
        return EXIT_INPUT;
    e = calloc((size_t)st.limit, sizeof *e);
    if (!e)
        return cli_fail(c, EXIT_INPUT, "out of memory");
    rc = casia_top_partners(e, (size_t)st.limit, &n, &total, ds, country[0], year,
                            st.flow, &opt);
    if (rc != CASIA_OK) {
        char what[128];
        free(e);
        snprintf(what, sizeof what, "top partners of %s %d (%s)", country[0],
                 year, casia_flow_name(st.flow));
        return index_fail(c, rc, what);
    }
    t = table_new(NULL);
    table_column(t, "rank", COL_INT);
    table_column(t, "partner", COL_TEXT);
    table_column(t, "name", COL_TEXT);
    table_column(t, "value", COL_MONEY);
    table_column(t, "share", COL_SHARE);
    table_column(t, "basis", COL_TEXT);
    table_column(t, "source", COL_TEXT);
    for (i = 0; i < n && i < (size_t)st.limit; i++) {
        table_row(t);
        table_int(t, (long)i + 1);
        table_text(t, e[i].partner);
        table_text(t, country_name(e[i].partner));
        table_number(t, e[i].value);
        table_number(t, e[i].share);
        table_text(t, casia_basis_name(e[i].basis));
        table_text(t, e[i].source);
    }
    if (c->format == OUT_TEXT) {
        char flags[256], money[64];
        result_flags(flags, sizeof flags, total.flags);
        fmt_money(money, sizeof money, total.value);
        table_note(t, "%s's %s, %d: total %s USD (%s); %lu partners listed, "
                   "covering %.1f%% of it.", country_name(country[0]),
                   st.flow == CASIA_FLOW_TURNOVER ? "trade" : casia_flow_name(st.flow),
                   year, money, flags, (unsigned long)n, 100 * total.coverage);
    }
    table_print(c, t);
    table_free(t);
    free(e);
    return EXIT_OK;
}

int cmd_hhi(cli *c, int argc, char **argv)
{
    static const cli_option opts[] = {{"flow", 'f', 1}, INDEX_OPTIONS, {NULL, 0, 0}};
    casia_options opt = CASIA_OPTIONS_INIT;
    casia_flow flow = CASIA_FLOW_TURNOVER;
    const char *country[1];
    casia_result r;
    casia_dataset *ds;
    cli_args a;
    table *t;
    int year, rc;

    if ((rc = index_args(c, &a, argc, argv, opts, &opt, flow_option, &flow)) ||
        (rc = operands(c, &a, 1, 1, country, &year)))
        return rc;
    if (!(ds = cli_dataset(c)))
        return EXIT_INPUT;
    if ((rc = casia_hhi(&r, ds, country[0], year, flow, &opt)) != CASIA_OK) {
        char what[128];
        snprintf(what, sizeof what, "HHI of %s %d (%s)", country[0], year,
                 casia_flow_name(flow));
        return index_fail(c, rc, what);
    }
    t = table_new(NULL);
    table_column(t, "reporter", COL_TEXT);
    table_column(t, "year", COL_INT);
    table_column(t, "flow", COL_TEXT);
    result_columns(t, COL_RATIO);
    table_column(t, "lower", COL_RATIO);
    table_column(t, "upper", COL_RATIO);
    table_column(t, "coverage", COL_SHARE);
    table_column(t, "partners", COL_INT);
    table_row(t);
    table_text(t, country[0]);
    table_int(t, year);
    table_text(t, casia_flow_name(flow));
    result_cells(t, &r);
    table_number(t, r.lower);
    table_number(t, r.upper);
    table_number(t, r.coverage);
    table_int(t, (long)r.count);
    if (c->format == OUT_TEXT)
        table_note(t, "HHI = sum of squared partner shares (0..1; x 10000 for "
                   "points). The listed partners cover %.1f%% of the total, so "
                   "the true HHI lies in [%.3f, %.3f].", 100 * r.coverage,
                   r.lower, r.upper);
    table_print(c, t);
    table_free(t);
    return EXIT_OK;
}

/* ------------------------------------------------------------------ */
/* arms                                                                */

int cmd_arms(cli *c, int argc, char **argv)
{
    static const cli_option opts[] = {INDEX_OPTIONS, {NULL, 0, 0}};
    casia_options opt = CASIA_OPTIONS_INIT;
    const char *country[2];
    int from, to, rc, i;
    casia_dataset *ds;
    cli_args a;
    table *t;

    if ((rc = index_args(c, &a, argc, argv, opts, &opt, NULL, NULL)))
        return rc;
    if (a.n_operands != 2 && a.n_operands != 3)
        return cli_usage(c, c->cmd, "give RECIPIENT [SUPPLIER] FROM-TO");
    for (i = 0; i < a.n_operands - 1; i++)
        if ((rc = cli_country(c, a.operands[i], &country[i])))
            return rc;
    if (cli_parse_range(a.operands[a.n_operands - 1], &from, &to))
        return cli_usage(c, c->cmd, "'%s' is not a window FROM-TO (e.g. 2013-2024)",
                         a.operands[a.n_operands - 1]);
    if (!(ds = cli_dataset(c)))
        return EXIT_INPUT;
    t = table_new(NULL);
    if (a.n_operands == 3) {
        casia_result r;
        if ((rc = casia_arms_share(&r, ds, country[0], country[1], from, to, &opt))) {
            char what[128];
            table_free(t);
            snprintf(what, sizeof what, "arms share %s-%s %d-%d", country[0],
                     country[1], from, to);
            return index_fail(c, rc, what);
        }
        table_column(t, "recipient", COL_TEXT);
        table_column(t, "supplier", COL_TEXT);
        table_column(t, "from", COL_INT);
        table_column(t, "to", COL_INT);
        result_columns(t, COL_SHARE);
        table_column(t, "supplier_tiv", COL_NUMBER);
        table_column(t, "total_tiv", COL_NUMBER);
        table_column(t, "years_with_data", COL_INT);
        table_row(t);
        table_text(t, country[0]);
        table_text(t, country[1]);
        table_int(t, from);
        table_int(t, to);
        result_cells(t, &r);
        table_number(t, r.numerator);
        table_number(t, r.denominator);
        table_int(t, (long)r.year_count);
        if (c->format == OUT_TEXT)
            table_note(t, "%s's share of %s's arms imports, %d-%d: %.1f%% of "
                       "SIPRI trend-indicator values (%.2f of %.2f million TIV; "
                       "TIV measure volume, not money).",
                       country_name(country[1]), country_name(country[0]), from,
                       to, 100 * r.value, r.numerator, r.denominator);
    } else {
        casia_rank_entry *e = NULL;
        casia_result total;
        size_t n = 0, k;
        /* first the count, then every supplier */
        rc = casia_arms_suppliers(NULL, 0, &n, &total, ds, country[0], from, to, &opt);
        if (rc == CASIA_OK && n > 0) {
            e = calloc(n, sizeof *e);
            rc = e ? casia_arms_suppliers(e, n, &n, &total, ds, country[0], from, to,
                                          &opt)
                   : CASIA_ENOMEM;
        }
        if (rc) {
            char what[128];
            free(e);
            table_free(t);
            snprintf(what, sizeof what, "arms suppliers of %s %d-%d", country[0],
                     from, to);
            return index_fail(c, rc, what);
        }
        table_column(t, "rank", COL_INT);
        table_column(t, "supplier", COL_TEXT);
        table_column(t, "name", COL_TEXT);
        table_column(t, "tiv", COL_NUMBER);
        table_column(t, "share", COL_SHARE);
        table_column(t, "source", COL_TEXT);
        for (k = 0; k < n; k++) {
            table_row(t);
            table_int(t, (long)k + 1);
            table_text(t, e[k].partner);
            table_text(t, country_name(e[k].partner));
            table_number(t, e[k].value);
            table_number(t, e[k].share);
            table_text(t, e[k].source);
        }
        free(e);
        if (c->format == OUT_TEXT)
            table_note(t, "%s's arms imports %d-%d: %.2f million TIV in all.",
                       country_name(country[0]), from, to, total.value);
    }
    table_print(c, t);
    table_free(t);
    return EXIT_OK;
}

/* ------------------------------------------------------------------ */
/* remit                                                               */

typedef struct remit_state {
    const char *partner;
    int prefer_reported;
} remit_state;

static int remit_option(cli *c, int key, const char *arg, void *state)
{
    remit_state *s = state;
    if (key == 'p')
        return cli_country(c, arg, &s->partner) ? -EXIT_USAGE : 1;
    if (key == 'r') {
        s->prefer_reported = 1;
        return 1;
    }
    return 0;
}

int cmd_remit(cli *c, int argc, char **argv)
{
    static const cli_option opts[] = {{"partner", 'p', 1},
                                      {"prefer-reported", 'r', 0},
                                      INDEX_OPTIONS, {NULL, 0, 0}};
    casia_options opt = CASIA_OPTIONS_INIT;
    remit_state st = {NULL, 0};
    const char *country[1];
    casia_result r;
    casia_dataset *ds;
    cli_args a;
    table *t;
    int year, rc;

    if ((rc = index_args(c, &a, argc, argv, opts, &opt, remit_option, &st)) ||
        (rc = operands(c, &a, 1, 1, country, &year)))
        return rc;
    opt.prefer_reported = st.prefer_reported;
    if (!(ds = cli_dataset(c)))
        return EXIT_INPUT;
    rc = st.partner ? casia_remittance_share(&r, ds, country[0], st.partner, year, &opt)
                    : casia_remittance_gdp(&r, ds, country[0], year, &opt);
    if (rc != CASIA_OK) {
        char what[128];
        snprintf(what, sizeof what, "remittances of %s %d%s%s", country[0], year,
                 st.partner ? " from " : "", st.partner ? st.partner : "");
        return index_fail(c, rc, what);
    }
    t = table_new(NULL);
    table_column(t, "country", COL_TEXT);
    table_column(t, "partner", COL_TEXT);
    table_column(t, "year", COL_INT);
    result_columns(t, st.partner ? COL_SHARE : COL_PCT);
    table_column(t, st.partner ? "other" : "other_pct_gdp", st.partner ? COL_SHARE : COL_PCT);
    table_row(t);
    table_text(t, country[0]);
    table_text(t, st.partner ? st.partner : "WLD");
    table_int(t, year);
    result_cells(t, &r);
    if ((r.flags & CASIA_RESULT_DISAGREE) || r.other != 0)
        table_number(t, r.other);
    else
        table_missing(t);
    if (c->format == OUT_TEXT) {
        if (st.partner)
            table_note(t, "Share of %s's remittances sent from %s, %d: %.1f%%.",
                       country_name(country[0]), country_name(st.partner), year,
                       100 * r.value);
        else
            table_note(t, "Remittances received by %s in %d: %.1f%% of GDP (%s)%s.",
                       country_name(country[0]), year, r.value,
                       r.flags & CASIA_RESULT_REPORTED ? "the published ratio"
                                                       : "computed from US dollars",
                       r.flags & CASIA_RESULT_DISAGREE
                           ? "; the published and computed figures disagree"
                           : "");
    }
    table_print(c, t);
    table_free(t);
    return EXIT_OK;
}

/* ------------------------------------------------------------------ */
/* energy                                                              */

int cmd_energy(cli *c, int argc, char **argv)
{
    static const cli_option opts[] = {INDEX_OPTIONS, {NULL, 0, 0}};
    casia_options opt = CASIA_OPTIONS_INIT;
    const char *country[2];
    casia_result r;
    casia_dataset *ds;
    cli_args a;
    table *t;
    int year, rc;

    if ((rc = index_args(c, &a, argc, argv, opts, &opt, NULL, NULL)) ||
        (rc = operands(c, &a, 2, 1, country, &year)))
        return rc;
    if (!(ds = cli_dataset(c)))
        return EXIT_INPUT;
    rc = casia_energy_share(&r, ds, country[0], country[1], year, &opt);
    if (rc != CASIA_OK) {
        char what[128];
        snprintf(what, sizeof what, "gas imports of %s from %s %d", country[0],
                 country[1], year);
        return index_fail(c, rc, what);
    }
    t = table_new(NULL);
    table_column(t, "importer", COL_TEXT);
    table_column(t, "supplier", COL_TEXT);
    table_column(t, "year", COL_INT);
    result_columns(t, COL_SHARE);
    table_column(t, "numerator", COL_NUMBER);
    table_column(t, "denominator", COL_NUMBER);
    table_row(t);
    table_text(t, country[0]);
    table_text(t, country[1]);
    table_int(t, year);
    result_cells(t, &r);
    if (r.flags & CASIA_RESULT_PUBLISHED_SHARE) {
        table_missing(t);
        table_missing(t);
    } else {
        table_number(t, r.numerator);
        table_number(t, r.denominator);
    }
    if (c->format == OUT_TEXT)
        table_note(t, "%s's share of %s's %sgas imports, %d: %.1f%%%s.",
                   country_name(country[1]), country_name(country[0]),
                   r.flags & CASIA_RESULT_PIPELINE ? "pipeline " : "", year,
                   100 * r.value,
                   r.flags & CASIA_RESULT_PUBLISHED_SHARE ? " (the share as published)"
                                                          : "");
    table_print(c, t);
    table_free(t);
    return EXIT_OK;
}

/* ------------------------------------------------------------------ */
/* compare                                                             */

typedef struct compare_state {
    casia_options *opt;
} compare_state;

static int compare_option(cli *c, int key, const char *arg, void *state)
{
    compare_state *s = state;
    if (key == 'P') {
        int a0, a1, b0, b1;
        char first[32];
        const char *comma = strchr(arg, ',');
        if (!comma || (size_t)(comma - arg) >= sizeof first) {
            cli_usage(c, c->cmd, "--periods: FROM-TO,FROM-TO (e.g. 2019-2021,2022-2023)");
            return -EXIT_USAGE;
        }
        memcpy(first, arg, (size_t)(comma - arg));
        first[comma - arg] = '\0';
        if (cli_parse_range(first, &a0, &a1) || cli_parse_range(comma + 1, &b0, &b1)) {
            cli_usage(c, c->cmd, "--periods: FROM-TO,FROM-TO (e.g. 2019-2021,2022-2023)");
            return -EXIT_USAGE;
        }
        s->opt->period1_from = a0;
        s->opt->period1_to = a1;
        s->opt->period2_from = b0;
        s->opt->period2_to = b1;
        return 1;
    }
    return 0;
}

/* Indices of the country alone, without a partner. */
static int country_level(casia_index_id index)
{
    return index == CASIA_INDEX_REMITTANCE_GDP || index == CASIA_INDEX_IMPORT_HHI ||
           index == CASIA_INDEX_EXPORT_HHI || index == CASIA_INDEX_TURNOVER_HHI;
}

int cmd_compare(cli *c, int argc, char **argv)
{
    static const cli_option opts[] = {{"periods", 'P', 1}, INDEX_OPTIONS,
                                      {NULL, 0, 0}};
    casia_options opt = CASIA_OPTIONS_INIT;
    compare_state st = {&opt};
    casia_period_comparison cmp;
    casia_index_id index;
    const char *reporter, *pa, *pb = NULL;
    casia_dataset *ds;
    cli_args a;
    table *t;
    int rc, p, q;
    col_kind kind;

    if ((rc = index_args(c, &a, argc, argv, opts, &opt, compare_option, &st)))
        return rc;
    if (a.n_operands < 2 || a.n_operands > 4)
        return cli_usage(c, c->cmd, "give INDEX REPORTER PARTNER [OTHER]");
    if (casia_index_parse(&index, a.operands[0]) != CASIA_OK ||
        index == CASIA_INDEX_COMPOSITE)
        return cli_usage(c, c->cmd, "'%s' is not an annual index (see casia "
                         "compare --help)", a.operands[0]);
    if (country_level(index) && a.n_operands > 2)
        return cli_usage(c, c->cmd, "%s is a measure of the country alone: give "
                         "INDEX REPORTER, without a partner", a.operands[0]);
    if (!country_level(index) && a.n_operands < 3)
        return cli_usage(c, c->cmd, "give INDEX REPORTER PARTNER [OTHER]");
    if ((rc = cli_country(c, a.operands[1], &reporter)))
        return rc;
    if (country_level(index))
        pa = "WLD";   /* the partner the library's country-level indices take */
    else if ((rc = cli_country(c, a.operands[2], &pa)))
        return rc;
    if (country_level(index)) {
        pb = NULL;
    } else if (a.n_operands == 4) {
        if ((rc = cli_country(c, a.operands[3], &pb)))
            return rc;
        if (strcmp(pa, pb) == 0)
            return cli_usage(c, c->cmd, "PARTNER and OTHER are both %s: give two "
                             "partners", pa);
    } else if (strcmp(pa, "CHN") == 0) {
        pb = "RUS";
    } else if (strcmp(pa, "RUS") == 0) {
        pb = "CHN";
    }
    if (!(ds = cli_dataset(c)))
        return EXIT_INPUT;
    rc = casia_compare_periods(&cmp, ds, index, reporter, pa, pb, &opt);
    if (rc != CASIA_OK) {
        char what[160];
        snprintf(what, sizeof what, "%s of %s with %s, %d-%d vs %d-%d",
                 a.operands[0], reporter, pa, opt.period1_from, opt.period1_to,
                 opt.period2_from, opt.period2_to);
        return index_fail(c, rc, what);
    }
    {
        /* the unit of whichever mean exists */
        const char *unit = NULL;
        for (p = 0; p < 2 && !unit; p++)
            for (q = 0; q < 2 && !unit; q++)
                if (cmp.status[p][q] == CASIA_OK)
                    unit = cmp.mean[p][q].unit;
        kind = unit && strcmp(unit, "fraction") == 0 ? COL_SHARE : COL_NUMBER;
    }
    t = table_new(NULL);
    table_column(t, "index", COL_TEXT);
    table_column(t, "reporter", COL_TEXT);
    table_column(t, "partner", COL_TEXT);
    table_column(t, "from", COL_INT);
    table_column(t, "to", COL_INT);
    table_column(t, "years_with_data", COL_INT);
    result_columns(t, kind);
    for (p = 0; p < 2; p++) {
        if (!cmp.partner[p])
            continue;
        for (q = 0; q < 2; q++) {
            table_row(t);
            table_text(t, casia_index_name(index));
            table_text(t, reporter);
            if (country_level(index))
                table_missing(t);   /* no partner: the country's own measure */
            else
                table_text(t, cmp.partner[p]);
            table_int(t, cmp.period[q][0]);
            table_int(t, cmp.period[q][1]);
            if (cmp.status[p][q] == CASIA_OK) {
                table_int(t, (long)cmp.mean[p][q].year_count);
                result_cells(t, &cmp.mean[p][q]);
            } else {
                int k;
                table_int(t, 0);
                for (k = 0; k < 5; k++)
                    table_missing(t);
            }
        }
    }
    if (c->format == OUT_TEXT) {
        const char *unit = strcmp(cmp.change_unit, "pp") == 0 ? " pp" : "";
        for (p = 0; p < 2; p++)
            if (cmp.valid & (p ? CASIA_CMP_CHANGE_B : CASIA_CMP_CHANGE_A))
                table_note(t, "%s: %+.2f%s from %d-%d to %d-%d.",
                           country_level(index) ? country_name(reporter)
                                                : country_name(cmp.partner[p]),
                           cmp.change[p], unit,
                           cmp.period[0][0], cmp.period[0][1], cmp.period[1][0],
                           cmp.period[1][1]);
        for (q = 0; q < 2; q++)
            if (cmp.valid & (q ? CASIA_CMP_GAP_P2 : CASIA_CMP_GAP_P1))
                table_note(t, "%s minus %s, %d-%d: %+.2f%s.",
                           country_name(cmp.partner[0]), country_name(cmp.partner[1]),
                           cmp.period[q][0], cmp.period[q][1], cmp.gap[q], unit);
    } else if (c->format == OUT_CSV || c->format == OUT_JSON) {
        /* changes and gaps as extra rows: partner "change" / "gap" */
        for (p = 0; p < 2; p++)
            if (cmp.valid & (p ? CASIA_CMP_CHANGE_B : CASIA_CMP_CHANGE_A)) {
                const char *items[1];
                table_row(t);
                table_text(t, "change");
                table_text(t, reporter);
                table_text(t, cmp.partner[p]);
                table_int(t, cmp.period[0][0]);
                table_int(t, cmp.period[1][1]);
                table_missing(t);
                table_number(t, cmp.change[p]);
                table_text(t, cmp.change_unit);
                table_missing(t);
                table_missing(t);
                items[0] = NULL;
                table_list(t, items, 0);
            }
        for (q = 0; q < 2; q++)
            if (cmp.valid & (q ? CASIA_CMP_GAP_P2 : CASIA_CMP_GAP_P1)) {
                const char *items[1] = {NULL};
                char pair[16];
                snprintf(pair, sizeof pair, "%s-%s", cmp.partner[0], cmp.partner[1]);
                table_row(t);
                table_text(t, "gap");
                table_text(t, reporter);
                table_text(t, pair);
                table_int(t, cmp.period[q][0]);
                table_int(t, cmp.period[q][1]);
                table_missing(t);
                table_number(t, cmp.gap[q]);
                table_text(t, cmp.change_unit);
                table_missing(t);
                table_missing(t);
                table_list(t, items, 0);
            }
    }
    table_print(c, t);
    table_free(t);
    return EXIT_OK;
}

/* ------------------------------------------------------------------ */
/* composite                                                           */

typedef struct composite_state {
    double weights[CASIA_DIM_COUNT];
    int have_weights;
    casia_options *opt;
} composite_state;

static int composite_option(cli *c, int key, const char *arg, void *state)
{
    composite_state *s = state;
    char *end;
    if (key == 'w') {
        /* trade=1,arms=2,... : unnamed dimensions weigh 0 */
        char buf[256], *tok, *save = NULL;
        int d;
        if (strlen(arg) >= sizeof buf) {
            cli_usage(c, c->cmd, "--weights: too long");
            return -EXIT_USAGE;
        }
        strcpy(buf, arg);
        for (d = 0; d < CASIA_DIM_COUNT; d++)
            s->weights[d] = 0;
        for (tok = strtok_r(buf, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
            char *eq = strchr(tok, '=');
            double w;
            if (!eq) {
                cli_usage(c, c->cmd, "--weights: DIMENSION=WEIGHT,... (dimensions: "
                          "trade, arms, remittance, energy, institutions, un_votes)");
                return -EXIT_USAGE;
            }
            *eq = '\0';
            for (d = 0; d < CASIA_DIM_COUNT; d++)
                if (strcmp(tok, casia_dimension_name((casia_dimension)d)) == 0)
                    break;
            w = strtod(eq + 1, &end);
            if (d == CASIA_DIM_COUNT || *end || !(w >= 0) || w > 1e6) {
                cli_usage(c, c->cmd, "--weights: '%s=%s' (dimensions: trade, arms, "
                          "remittance, energy, institutions, un_votes; weights >= 0)",
                          tok, eq + 1);
                return -EXIT_USAGE;
            }
            s->weights[d] = w;
        }
        s->have_weights = 1;
        return 1;
    }
    if (key == 'd') {
        long v = strtol(arg, &end, 10);
        if (*end || v < 1 || v > 10000000) {
            cli_usage(c, c->cmd, "--draws: 1 to 10000000");
            return -EXIT_USAGE;
        }
        s->opt->draws = (unsigned long)v;
        return 1;
    }
    if (key == 's') {
        unsigned long long v = strtoull(arg, &end, 10);
        if (*end || !*arg) {
            cli_usage(c, c->cmd, "--seed: a whole number");
            return -EXIT_USAGE;
        }
        s->opt->seed = v;
        return 1;
    }
    return 0;
}

int cmd_composite(cli *c, int argc, char **argv)
{
    static const cli_option opts[] = {{"weights", 'w', 1}, {"draws", 'd', 1},
                                      {"seed", 's', 1}, INDEX_OPTIONS,
                                      {NULL, 0, 0}};
    casia_options opt = CASIA_OPTIONS_INIT;
    composite_state st;
    const char *country[1], *partners[2] = {"CHN", "RUS"};
    casia_composite_result cr[2];
    int ok[2];
    casia_result sens;
    casia_dataset *ds;
    cli_args a;
    table *t;
    int year, rc, p, d, sens_rc;

    memset(&st, 0, sizeof st);
    st.opt = &opt;
    if ((rc = index_args(c, &a, argc, argv, opts, &opt, composite_option, &st)) ||
        (rc = operands(c, &a, 1, 1, country, &year)))
        return rc;
    if (st.have_weights)
        opt.weights = st.weights;
    if (!(ds = cli_dataset(c)))
        return EXIT_INPUT;
    for (p = 0; p < 2; p++)
        ok[p] = casia_composite(&cr[p], ds, country[0], partners[p], year, &opt);
    if (ok[0] != CASIA_OK && ok[1] != CASIA_OK) {
        char what[128];
        snprintf(what, sizeof what, "composite dependence of %s %d", country[0], year);
        return index_fail(c, ok[0], what);
    }
    sens_rc = casia_composite_sensitivity(&sens, ds, country[0], "CHN", "RUS", year,
                                          &opt);
    t = table_new(NULL);
    table_column(t, "country", COL_TEXT);
    table_column(t, "partner", COL_TEXT);
    table_column(t, "year", COL_INT);
    table_column(t, "measure", COL_TEXT);
    table_column(t, "weight", COL_RATIO);
    result_columns(t, COL_RATIO);
    for (p = 0; p < 2; p++) {
        if (ok[p] != CASIA_OK)
            continue;
        for (d = 0; d < CASIA_DIM_COUNT; d++) {
            const char *items[1] = {NULL};
            if (cr[p].dim_status[d] != CASIA_OK)
                continue;
            table_row(t);
            table_text(t, country[0]);
            table_text(t, partners[p]);
            table_int(t, year);
            table_text(t, casia_dimension_name((casia_dimension)d));
            table_number(t, cr[p].dim_weight[d]);
            table_number(t, cr[p].dim_value[d]);
            table_text(t, "fraction");
            table_missing(t);
            table_missing(t);
            table_list(t, items, 0);
        }
        table_row(t);
        table_text(t, country[0]);
        table_text(t, partners[p]);
        table_int(t, year);
        table_text(t, "composite");
        table_number(t, 1.0);
        result_cells(t, &cr[p].result);
    }
    if (sens_rc == CASIA_OK) {
        table_row(t);
        table_text(t, country[0]);
        table_text(t, "CHN>RUS");
        table_int(t, year);
        table_text(t, "sensitivity");
        table_missing(t);
        result_cells(t, &sens);
    }
    if (c->format == OUT_TEXT) {
        for (p = 0; p < 2; p++) {
            char missing[200] = "";
            size_t o = 0;
            if (ok[p] != CASIA_OK) {
                table_note(t, "Composite on %s: no dimension has data.",
                           country_name(partners[p]));
                continue;
            }
            for (d = 0; d < CASIA_DIM_COUNT; d++)
                if (cr[p].dim_status[d] != CASIA_OK)
                    o += (size_t)snprintf(missing + o, sizeof missing - o, "%s%s",
                                          o ? ", " : "",
                                          casia_dimension_name((casia_dimension)d));
            table_note(t, "Composite on %s: %.3f over %lu dimension%s%s%s%s.",
                       country_name(partners[p]), cr[p].result.value,
                       (unsigned long)cr[p].result.count,
                       cr[p].result.count == 1 ? "" : "s", missing[0] ? " (no data: " : "",
                       missing, missing[0] ? ")" : "");
        }
        if (sens_rc == CASIA_OK) {
            unsigned dims = 0, bits = sens.dims;
            for (; bits; bits >>= 1)
                dims += bits & 1u;
            table_note(t, "China's composite exceeds Russia's in %.1f%% of %lu "
                       "weightings drawn from Dirichlet(1,...,1) (seed %llu), over "
                       "the %u dimension%s both have.", 100 * sens.value,
                       (unsigned long)sens.count, (unsigned long long)opt.seed,
                       dims, dims == 1 ? "" : "s");
        }
    }
    table_print(c, t);
    table_free(t);
    return EXIT_OK;
}

/* ------------------------------------------------------------------ */
/* table: every index at once                                          */

static int output_option(cli *c, int key, const char *arg, void *state)
{
    (void)c;
    if (key != 'o')
        return 0;
    *(const char **)state = arg;
    return 1;
}

int cmd_table(cli *c, int argc, char **argv)
{
    static const cli_option opts[] = {{"output", 'o', 1}, INDEX_OPTIONS,
                                      {NULL, 0, 0}};
    casia_options opt = CASIA_OPTIONS_INIT;
    const char *path = NULL;
    casia_table *tab;
    casia_dataset *ds;
    cli_args a;
    FILE *f;
    char *csv;
    size_t n;
    int rc;

    if ((rc = index_args(c, &a, argc, argv, opts, &opt, output_option, &path)))
        return rc;
    if (a.n_operands)
        return cli_usage(c, c->cmd, "unexpected argument '%s'", a.operands[0]);
    if (!(ds = cli_dataset(c)))
        return EXIT_INPUT;
    if ((rc = casia_table_build(&tab, ds, &opt)) != CASIA_OK)
        return index_fail(c, rc, "table");
    if (c->format == OUT_JSON) {
        table *t = table_new(NULL);
        size_t i;
        table_column(t, "reporter", COL_TEXT);
        table_column(t, "partner", COL_TEXT);
        table_column(t, "year", COL_INT);
        table_column(t, "index", COL_TEXT);
        table_column(t, "value", COL_NUMBER);
        table_column(t, "unit", COL_TEXT);
        table_column(t, "basis", COL_TEXT);
        table_column(t, "flags", COL_TEXT);
        for (i = 0; i < casia_table_row_count(tab); i++) {
            casia_table_row row;
            char flags[256];
            casia_table_get_row(&row, tab, i);
            table_row(t);
            table_text(t, row.reporter);
            table_text(t, row.partner);
            table_int(t, row.year);
            table_text(t, casia_index_name(row.index));
            table_number(t, row.value);
            table_text(t, row.unit);
            table_text(t, casia_basis_name(row.basis));
            result_flags(flags, sizeof flags, row.flags);
            table_text(t, flags[0] ? flags : NULL);
        }
        f = path ? fopen(path, "wb") : c->out;
        if (!f) {
            table_free(t);
            casia_table_free(tab);
            return cli_fail(c, EXIT_INPUT, "%s: cannot create: %s", path, strerror(errno));
        }
        {
            FILE *saved = c->out;
            c->out = f;
            table_print(c, t);
            c->out = saved;
        }
        table_free(t);
    } else {
        if ((rc = casia_table_to_csv(&csv, &n, tab)) != CASIA_OK) {
            casia_table_free(tab);
            return index_fail(c, rc, "table");
        }
        f = path ? fopen(path, "wb") : c->out;
        if (!f) {
            casia_free(csv);
            casia_table_free(tab);
            return cli_fail(c, EXIT_INPUT, "%s: cannot create: %s", path, strerror(errno));
        }
        fwrite(csv, 1, n, f);
        casia_free(csv);
    }
    casia_table_free(tab);
    if (path && fclose(f) != 0)
        return cli_fail(c, EXIT_INPUT, "%s: cannot write: %s", path, strerror(errno));
    return EXIT_OK;
}
