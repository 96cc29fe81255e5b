/*
 * cmd_data.c - subcommands about the dataset itself: observations,
 * sources, coverage, country, validate, export.
 */
#include "config.h"

#include "cli.h"
#include "commands.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

int cmd_observations(cli *c, int argc, char **argv)
{
    static const cli_option opts[] = {
        {"indicator", 'i', 1}, {"reporter", 'r', 1}, {"partner", 'p', 1},
        {"from", 'f', 1},      {"to", 't', 1},       {"basis", 'b', 1},
        {"source", 's', 1},    {NULL, 0, 0}};
    casia_query q = CASIA_QUERY_INIT;
    casia_cursor *cur;
    casia_observation o;
    casia_dataset *ds;
    cli_args a;
    table *t;
    int k, rc;

    cli_args_init(&a, argc, argv);
    while ((k = cli_args_next(c, c->cmd, &a, opts)) != 0) {
        switch (k) {
        case 'i': q.indicator = a.arg; break;
        case 'r':
            if ((rc = cli_country(c, a.arg, &q.reporter)))
                return rc;
            break;
        case 'p':
            if ((rc = cli_country(c, a.arg, &q.partner)))
                return rc;
            break;
        case 'f':
            if (cli_parse_year(a.arg, &q.year_from))
                return cli_usage(c, c->cmd, "--from: '%s' is not a year", a.arg);
            break;
        case 't':
            if (cli_parse_year(a.arg, &q.year_to))
                return cli_usage(c, c->cmd, "--to: '%s' is not a year", a.arg);
            break;
        case 'b':
            if (casia_basis_parse(&q.basis, a.arg) || q.basis == CASIA_BASIS_MIXED)
                return cli_usage(c, c->cmd, "--basis: '%s' is not reporter, "
                                 "partner_mirror, national_stats or other", a.arg);
            break;
        case 's': q.source = a.arg; break;
        default: return EXIT_USAGE;
        }
    }
    if (a.n_operands)
        return cli_usage(c, c->cmd, "unexpected argument '%s'", a.operands[0]);
    if (!(ds = cli_dataset(c)))
        return EXIT_INPUT;
    if ((rc = casia_dataset_query(&cur, ds, &q)) != CASIA_OK)
        return cli_fail(c, cli_exit_code(rc), "%s", casia_strerror(rc));
    t = table_new(NULL);
    table_column(t, "indicator", COL_TEXT);
    table_column(t, "reporter", COL_TEXT);
    table_column(t, "partner", COL_TEXT);
    table_column(t, "year", COL_INT);
    table_column(t, "value", COL_NUMBER);
    table_column(t, "unit", COL_TEXT);
    table_column(t, "basis", COL_TEXT);
    table_column(t, "source", COL_TEXT);
    table_column(t, "note", COL_TEXT);
    while (casia_cursor_next(cur, &o) == CASIA_OK) {
        table_row(t);
        table_text(t, o.indicator);
        table_text(t, o.reporter);
        table_text(t, o.partner);
        table_int(t, o.year);
        table_number(t, o.value);
        table_text(t, o.unit);
        table_text(t, casia_basis_name(o.basis));
        table_text(t, o.source);
        table_text(t, o.note);
    }
    casia_cursor_free(cur);
    rc = table_rows(t) ? EXIT_OK : EXIT_NODATA;
    if (rc == EXIT_OK || c->format != OUT_TEXT)
        table_print(c, t);
    if (rc == EXIT_NODATA)
        cli_fail(c, rc, "no observation matches");
    table_free(t);
    return rc;
}

int cmd_sources(cli *c, int argc, char **argv)
{
    casia_dataset *ds;
    cli_args a;
    table *t;
    size_t i;
    int k, rc = EXIT_OK;

    cli_args_init(&a, argc, argv);
    while ((k = cli_args_next(c, c->cmd, &a, NULL)) != 0)
        return EXIT_USAGE;
    if (!(ds = cli_dataset(c)))
        return EXIT_INPUT;
    t = table_new(NULL);
    table_column(t, "id", COL_TEXT);
    table_column(t, "publisher", COL_TEXT);
    table_column(t, "title", COL_TEXT);
    table_column(t, "url", COL_TEXT);
    table_column(t, "description", COL_TEXT);
    if (a.n_operands == 0) {
        for (i = 0; i < casia_dataset_source_count(ds); i++) {
            casia_source s;
            casia_dataset_source(&s, ds, i);
            table_row(t);
            table_text(t, s.id);
            table_text(t, s.publisher);
            table_text(t, s.title);
            table_text(t, s.url);
            table_text(t, s.description);
        }
    } else {
        for (k = 0; k < a.n_operands; k++) {
            casia_source s;
            if (casia_dataset_find_source(&s, ds, a.operands[k]) != CASIA_OK) {
                cli_fail(c, EXIT_NODATA, "no source with id '%s'", a.operands[k]);
                rc = EXIT_NODATA;
                continue;
            }
            table_row(t);
            table_text(t, s.id);
            table_text(t, s.publisher);
            table_text(t, s.title);
            table_text(t, s.url);
            table_text(t, s.description);
        }
    }
    if (table_rows(t) || c->format != OUT_TEXT)
        table_print(c, t);
    table_free(t);
    return rc;
}

/* Appends "2015-2020, 2023" for the years set in have[] (index y - 1900). */
static void year_runs(char *buf, size_t size, const unsigned char *have)
{
    int y = 0, first = 1;
    size_t o = 0;
    buf[0] = '\0';
    while (y <= 200) {
        int start;
        if (!have[y]) {
            y++;
            continue;
        }
        start = y;
        while (y + 1 <= 200 && have[y + 1])
            y++;
        if (o < size)
            o += (size_t)snprintf(buf + o, size - o, "%s%d", first ? "" : ", ",
                                  1900 + start);
        if (y > start && o < size)
            o += (size_t)snprintf(buf + o, size - o, "-%d", 1900 + y);
        first = 0;
        y++;
    }
}

int cmd_coverage(cli *c, int argc, char **argv)
{
    static const cli_option opts[] = {
        {"indicator", 'i', 1}, {"country", 'c', 1}, {NULL, 0, 0}};
    const char *indicator = NULL, *country = NULL;
    casia_dataset *ds;
    cli_args a;
    table *t;
    size_t i, n;
    int k, rc;

    cli_args_init(&a, argc, argv);
    while ((k = cli_args_next(c, c->cmd, &a, opts)) != 0) {
        if (k == 'i')
            indicator = a.arg;
        else if (k == 'c') {
            if ((rc = cli_country(c, a.arg, &country)))
                return rc;
        } else
            return EXIT_USAGE;
    }
    if (a.n_operands)
        return cli_usage(c, c->cmd, "unexpected argument '%s'", a.operands[0]);
    if (!(ds = cli_dataset(c)))
        return EXIT_INPUT;
    t = table_new(NULL);
    table_column(t, "indicator", COL_TEXT);
    table_column(t, "basis", COL_TEXT);
    table_column(t, "reporter", COL_TEXT);
    table_column(t, "partners", COL_INT);
    table_column(t, "years", COL_TEXT);
    table_column(t, "values", COL_INT);
    /* observations are sorted by indicator, reporter, partner, year, basis:
     * gather one (indicator, reporter) block at a time, per basis */
    n = casia_dataset_observation_count(ds);
    i = 0;
    while (i < n) {
        casia_observation o0;
        size_t j = i, b;
        casia_dataset_observation(&o0, ds, i);
        while (j < n) {
            casia_observation o;
            casia_dataset_observation(&o, ds, j);
            if (strcmp(o.indicator, o0.indicator) || strcmp(o.reporter, o0.reporter))
                break;
            j++;
        }
        if ((!indicator || strcmp(indicator, o0.indicator) == 0) &&
            (!country || strcmp(country, o0.reporter) == 0)) {
            for (b = CASIA_BASIS_REPORTER; b <= CASIA_BASIS_OTHER; b++) {
                unsigned char have[201];
                const char *last_partner = NULL;
                long values = 0, partners = 0;
                size_t m;
                char years[600];
                memset(have, 0, sizeof have);
                for (m = i; m < j; m++) {
                    casia_observation o;
                    casia_dataset_observation(&o, ds, m);
                    if (o.basis != (casia_basis)b)
                        continue;
                    values++;
                    have[o.year - 1900] = 1;
                    if (!last_partner || strcmp(last_partner, o.partner)) {
                        partners++;
                        last_partner = o.partner;
                    }
                }
                if (!values)
                    continue;
                year_runs(years, sizeof years, have);
                table_row(t);
                table_text(t, o0.indicator);
                table_text(t, casia_basis_name((casia_basis)b));
                table_text(t, o0.reporter);
                table_int(t, partners);
                table_text(t, years);
                table_int(t, values);
            }
        }
        i = j;
    }
    rc = table_rows(t) ? EXIT_OK : EXIT_NODATA;
    if (rc == EXIT_OK || c->format != OUT_TEXT)
        table_print(c, t);
    if (rc == EXIT_NODATA)
        cli_fail(c, rc, "the dataset holds nothing for that selection");
    table_free(t);
    return rc;
}

static const char *kind_name(casia_country_kind k)
{
    switch (k) {
    case CASIA_KIND_COUNTRY: return "country";
    case CASIA_KIND_AGGREGATE: return "aggregate";
    case CASIA_KIND_AREA: return "area";
    case CASIA_KIND_HISTORICAL: return "former state";
    }
    return "?";
}

int cmd_country(cli *c, int argc, char **argv)
{
    cli_args a;
    table *t;
    int k, rc = EXIT_OK;
    cli_args_init(&a, argc, argv);
    while ((k = cli_args_next(c, c->cmd, &a, NULL)) != 0)
        return EXIT_USAGE;
    if (a.n_operands == 0)
        return cli_usage(c, c->cmd, "give at least one country");
    t = table_new(NULL);
    table_column(t, "input", COL_TEXT);
    table_column(t, "code", COL_TEXT);
    table_column(t, "name", COL_TEXT);
    table_column(t, "kind", COL_TEXT);
    table_column(t, "alpha2", COL_TEXT);
    table_column(t, "numeric", COL_TEXT);
    for (k = 0; k < a.n_operands; k++) {
        casia_error err;
        const char *code;
        casia_country info;
        if (casia_country_resolve(&code, a.operands[k], &err) != CASIA_OK) {
            cli_fail(c, EXIT_USAGE, "%s", err.text);
            rc = EXIT_USAGE;
            continue;
        }
        casia_country_info(&info, code);
        table_row(t);
        table_text(t, a.operands[k]);
        table_text(t, info.code);
        table_text(t, info.name);
        table_text(t, kind_name(info.kind));
        table_text(t, info.alpha2[0] ? info.alpha2 : NULL);
        table_text(t, info.numeric[0] ? info.numeric : NULL);
    }
    if (table_rows(t))
        table_print(c, t);
    table_free(t);
    return rc;
}

int cmd_validate(cli *c, int argc, char **argv)
{
    cli_args a;
    int k, rc = EXIT_OK;
    cli_args_init(&a, argc, argv);
    while ((k = cli_args_next(c, c->cmd, &a, NULL)) != 0)
        return EXIT_USAGE;
    if (a.n_operands == 0)
        return cli_usage(c, c->cmd, "give at least one file");
    for (k = 0; k < a.n_operands; k++) {
        casia_dataset *ds;
        casia_error err;
        if (casia_dataset_load_file(&ds, a.operands[k], &err) != CASIA_OK) {
            cli_fail_error(c, EXIT_INPUT, &err);
            rc = EXIT_INPUT;
            continue;
        }
        fprintf(c->out, "%s: valid: %lu observations, %lu indicators, %lu sources, "
                "%lu memberships, %lu votes\n", a.operands[k],
                (unsigned long)casia_dataset_observation_count(ds),
                (unsigned long)casia_dataset_indicator_count(ds),
                (unsigned long)casia_dataset_source_count(ds),
                (unsigned long)casia_dataset_membership_count(ds),
                (unsigned long)casia_dataset_vote_count(ds));
        casia_dataset_free(ds);
    }
    return rc;
}

/* The whole dataset as CSV, one observation per row. */
static void export_csv(cli *c, casia_dataset *ds, FILE *f)
{
    size_t i, n = casia_dataset_observation_count(ds);
    fputs("indicator,reporter,partner,year,value,unit,basis,source,note\n", f);
    for (i = 0; i < n; i++) {
        casia_observation o;
        casia_dataset_observation(&o, ds, i);
        csv_field(f, o.indicator);
        fputc(',', f);
        csv_field(f, o.reporter);
        fputc(',', f);
        csv_field(f, o.partner);
        fprintf(f, ",%d,", o.year);
        num_plain(f, o.value, 0);
        fputc(',', f);
        csv_field(f, o.unit);
        fputc(',', f);
        csv_field(f, casia_basis_name(o.basis));
        fputc(',', f);
        csv_field(f, o.source);
        fputc(',', f);
        csv_field(f, o.note);
        fputc('\n', f);
    }
    (void)c;
}

int cmd_export(cli *c, int argc, char **argv)
{
    static const cli_option opts[] = {
        {"output", 'o', 1}, {"format", 'F', 1}, {NULL, 0, 0}};
    const char *path = NULL;
    casia_dataset *ds;
    cli_args a;
    FILE *f;
    int k, csv = c->format == OUT_CSV;

    cli_args_init(&a, argc, argv);
    while ((k = cli_args_next(c, c->cmd, &a, opts)) != 0) {
        if (k == 'o')
            path = a.arg;
        else if (k == 'F') {
            if (strcmp(a.arg, "csv") == 0)
                csv = 1;
            else if (strcmp(a.arg, "json") == 0)
                csv = 0;
            else
                return cli_usage(c, c->cmd, "--format: json or csv");
        } else
            return EXIT_USAGE;
    }
    if (a.n_operands)
        return cli_usage(c, c->cmd, "unexpected argument '%s'", a.operands[0]);
    if (!(ds = cli_dataset(c)))
        return EXIT_INPUT;
    f = path ? fopen(path, "wb") : c->out;
    if (!f)
        return cli_fail(c, EXIT_INPUT, "%s: cannot create: %s", path, strerror(errno));
    if (csv) {
        export_csv(c, ds, f);
    } else {
        char *json;
        size_t n;
        if (casia_dataset_to_json(&json, &n, ds) != CASIA_OK) {
            if (path)
                fclose(f);
            return cli_fail(c, EXIT_INPUT, "out of memory");
        }
        fwrite(json, 1, n, f);
        casia_free(json);
    }
    if (path && fclose(f) != 0)
        return cli_fail(c, EXIT_INPUT, "%s: cannot write: %s", path, strerror(errno));
    return EXIT_OK;
}
