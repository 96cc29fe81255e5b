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
    if (q.year_from && q.year_to && q.year_to < q.year_from)
        return cli_usage(c, c->cmd, "--to %d is before --from %d", q.year_to, q.year_from);
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
    table *t = NULL;
    int k, rc = EXIT_OK;
    cli_args_init(&a, argc, argv);
    while ((k = cli_args_next(c, c->cmd, &a, NULL)) != 0)
        return EXIT_USAGE;
    if (a.n_operands == 0)
        return cli_usage(c, c->cmd, "give at least one file");
    if (c->format != OUT_TEXT) {
        /* CSV and JSON: one row per file (messages still go to stderr) */
        t = table_new(NULL);
        table_column(t, "file", COL_TEXT);
        table_column(t, "valid", COL_TEXT);
        table_column(t, "format", COL_TEXT);
        table_column(t, "observations", COL_INT);
        table_column(t, "indicators", COL_INT);
        table_column(t, "sources", COL_INT);
        table_column(t, "memberships", COL_INT);
        table_column(t, "votes", COL_INT);
        table_column(t, "resolutions", COL_INT);
        table_column(t, "events", COL_INT);
        table_column(t, "error", COL_TEXT);
    }
    for (k = 0; k < a.n_operands; k++) {
        casia_dataset *ds = NULL;
        casia_import_options opt = CASIA_IMPORT_OPTIONS_INIT;
        casia_import_report rep;
        casia_error err;
        int r, i;
        /* strict first: the first error, exactly as a load would report */
        r = casia_import_file(&ds, a.operands[k], CASIA_FORMAT_AUTO, NULL, &rep, &err);
        if (t) {
            char msg[CASIA_ERROR_SOURCE_SIZE + CASIA_ERROR_TEXT_SIZE + 64];
            table_row(t);
            table_text(t, a.operands[k]);
            table_text(t, r == CASIA_OK ? "yes" : "no");
            table_text(t, casia_format_name(rep.format));
            if (r == CASIA_OK) {
                table_int(t, (long)casia_dataset_observation_count(ds));
                table_int(t, (long)casia_dataset_indicator_count(ds));
                table_int(t, (long)casia_dataset_source_count(ds));
                table_int(t, (long)casia_dataset_membership_count(ds));
                table_int(t, (long)casia_dataset_vote_count(ds));
                table_int(t, (long)casia_dataset_resolution_count(ds));
                table_int(t, (long)casia_dataset_event_count(ds));
                table_missing(t);
            } else {
                int m;
                for (m = 0; m < 7; m++)
                    table_missing(t);
                casia_error_format(&err, msg, sizeof msg);
                table_text(t, msg);
            }
        }
        if (r == CASIA_OK) {
            if (!t)
                fprintf(c->out, "%s: valid %s: %lu observations, %lu indicators, "
                        "%lu sources, %lu memberships, %lu votes, %lu resolutions, "
                        "%lu events\n", a.operands[k],
                        casia_format_name(rep.format),
                        (unsigned long)casia_dataset_observation_count(ds),
                        (unsigned long)casia_dataset_indicator_count(ds),
                        (unsigned long)casia_dataset_source_count(ds),
                        (unsigned long)casia_dataset_membership_count(ds),
                        (unsigned long)casia_dataset_vote_count(ds),
                        (unsigned long)casia_dataset_resolution_count(ds),
                        (unsigned long)casia_dataset_event_count(ds));
            casia_dataset_free(ds);
            continue;
        }
        rc = EXIT_INPUT;
        /* then, for row-based files, every bad row: a lenient pass skips
         * them and keeps where and why */
        opt.lenient = 1;
        if (r != CASIA_EIO && r != CASIA_EFORMAT && rep.format != CASIA_FORMAT_NATIVE_JSON &&
            casia_import_file(&ds, a.operands[k], CASIA_FORMAT_AUTO, &opt, &rep, NULL) ==
                CASIA_OK && rep.skipped > 0) {
            casia_dataset_free(ds);
            for (i = 0; i < rep.n_errors; i++)
                cli_fail_error(c, EXIT_INPUT, &rep.errors[i]);
            if (rep.skipped > (unsigned long long)rep.n_errors)
                cli_fail(c, EXIT_INPUT, "%s: and %llu more bad rows (%llu of %llu rows)",
                         a.operands[k], rep.skipped - (unsigned long long)rep.n_errors,
                         rep.skipped, rep.rows);
        } else {
            casia_dataset_free(ds);
            cli_fail_error(c, EXIT_INPUT, &err);
        }
    }
    if (t) {
        table_print(c, t);
        table_free(t);
    }
    return rc;
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
    {
        /* JSON, or libcasia's tidy CSV: casia import and --data read both */
        char *text;
        size_t n;
        if ((csv ? casia_dataset_to_csv(&text, &n, ds)
                 : casia_dataset_to_json(&text, &n, ds)) != CASIA_OK) {
            if (path)
                fclose(f);
            return cli_fail(c, EXIT_INPUT, "out of memory");
        }
        fwrite(text, 1, n, f);
        casia_free(text);
    }
    if (csv) {
        /* say what a row per observation cannot hold */
        size_t m = casia_dataset_membership_count(ds), v = casia_dataset_vote_count(ds);
        size_t e = casia_dataset_event_count(ds), r = casia_dataset_resolution_count(ds);
        if (m || v || e || r || casia_dataset_source_count(ds))
            fprintf(stderr, "%s: the CSV holds the observations only; %lu memberships, "
                    "%lu UN votes, %lu resolutions, %lu events and the sources' "
                    "titles, publishers and URLs are left out (--format json "
                    "keeps everything; casia events --format csv lists the "
                    "events)\n", c->prog, (unsigned long)m, (unsigned long)v,
                    (unsigned long)r, (unsigned long)e);
    }
    if (path && fclose(f) != 0)
        return cli_fail(c, EXIT_INPUT, "%s: cannot write: %s", path, strerror(errno));
    return EXIT_OK;
}

/* ------------------------------------------------------------------ */
/* import                                                              */

static int parse_from(cli *c, const char *s, casia_format *f)
{
    /* the formats libcasia imports, named as casia_format_parse() names
     * them, and "comtrade" (Plus or legacy: detected) */
    static const casia_format importable[] = {
        CASIA_FORMAT_AUTO, CASIA_FORMAT_COMTRADE_PLUS,
        CASIA_FORMAT_COMTRADE_LEGACY, CASIA_FORMAT_SIPRI_TIV,
        CASIA_FORMAT_SIPRI_REGISTER, CASIA_FORMAT_WDI, CASIA_FORMAT_NATIVE_JSON,
        CASIA_FORMAT_NATIVE_CSV};
    casia_format named;
    size_t i;
    if (strcmp(s, "comtrade") == 0) {
        *f = CASIA_FORMAT_AUTO;
        return EXIT_OK;
    }
    if (casia_format_parse(&named, s) == CASIA_OK)
        for (i = 0; i < sizeof importable / sizeof importable[0]; i++)
            if (named == importable[i]) {
                *f = named;
                return EXIT_OK;
            }
    return cli_usage(c, c->cmd, "--from: comtrade, comtrade-plus, comtrade-legacy, "
                     "sipri-tiv, sipri-register, wdi, json, csv or auto");
}

int cmd_import(cli *c, int argc, char **argv)
{
    static const cli_option opts[] = {
        {"from", 'f', 1},       {"output", 'o', 1},    {"lenient", 'l', 0},
        {"sum-months", 'm', 0}, {"source-id", 's', 1}, {"flows", 'F', 1},
        {"chapters", 'C', 1},   {NULL, 0, 0}};
    casia_import_options opt = CASIA_IMPORT_OPTIONS_INIT;
    casia_format format = CASIA_FORMAT_AUTO;
    const char *out_path = NULL;
    casia_dataset **parts, *merged = NULL;
    casia_error err;
    cli_args a;
    int k, rc, i, is_csv;

    cli_args_init(&a, argc, argv);
    while ((k = cli_args_next(c, c->cmd, &a, opts)) != 0) {
        switch (k) {
        case 'f':
            if ((rc = parse_from(c, a.arg, &format)))
                return rc;
            break;
        case 'o': out_path = a.arg; break;
        case 'l': opt.lenient = 1; break;
        case 'm': opt.sum_months = 1; break;
        case 's': opt.source_id = a.arg; break;
        case 'C':
            opt.commodity = CASIA_COMMODITY_SUM_CHAPTERS;
            opt.chapters = strcmp(a.arg, "all") == 0 ? NULL : a.arg;
            break;
        case 'F': {
            char buf[64], *tok, *save = NULL;
            if (strlen(a.arg) >= sizeof buf)
                return cli_usage(c, c->cmd, "--flows: too long");
            strcpy(buf, a.arg);
            opt.flows = 0;
            for (tok = strtok_r(buf, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
                if (strcmp(tok, "import") == 0)
                    opt.flows |= CASIA_FLOW_IMPORT;
                else if (strcmp(tok, "export") == 0)
                    opt.flows |= CASIA_FLOW_EXPORT;
                else if (strcmp(tok, "reimport") == 0)
                    opt.flows |= CASIA_FLOW_REIMPORT;
                else if (strcmp(tok, "reexport") == 0)
                    opt.flows |= CASIA_FLOW_REEXPORT;
                else
                    return cli_usage(c, c->cmd, "--flows: import, export, reimport, "
                                     "reexport, separated by commas");
            }
            break;
        }
        default:
            return EXIT_USAGE;
        }
    }
    if (a.n_operands == 0)
        return cli_usage(c, c->cmd, "give at least one file");
    if (!out_path)
        return cli_usage(c, c->cmd, "give the output: -o FILE.json or -o FILE.csv");
    {
        size_t l = strlen(out_path);
        is_csv = l > 4 && strcmp(out_path + l - 4, ".csv") == 0;
        if (!is_csv && !(l > 5 && strcmp(out_path + l - 5, ".json") == 0))
            return cli_usage(c, c->cmd, "the output must end in .json or .csv");
    }
    if (a.n_operands > 1 && opt.source_id)
        return cli_usage(c, c->cmd, "--source-id names one file's source: give one file");
    parts = calloc((size_t)a.n_operands, sizeof *parts);
    if (!parts)
        return cli_fail(c, EXIT_INPUT, "out of memory");
    rc = EXIT_OK;
    for (i = 0; i < a.n_operands && rc == EXIT_OK; i++) {
        casia_import_report rep;
        int r = casia_import_file(&parts[i], a.operands[i], format, &opt, &rep, &err);
        if (r == CASIA_EINVAL) {
            /* the options are wrong, not the file: a usage error */
            char msg[CASIA_ERROR_TEXT_SIZE];
            snprintf(msg, sizeof msg, "%s", err.text);
            rc = cli_usage(c, c->cmd, "%s", msg);
            break;
        }
        if (r != CASIA_OK) {
            rc = cli_fail_error(c, EXIT_INPUT, &err);
            break;
        }
        fprintf(stderr, "casia: %s: %s, %llu rows, %llu observations%s%s%s\n",
                a.operands[i], casia_format_describe(rep.format), rep.rows,
                rep.observations, rep.source_id[0] ? " (source " : "", rep.source_id,
                rep.source_id[0] ? ")" : "");
        if (rep.skipped) {
            int e;
            fprintf(stderr, "casia: %s: %llu bad rows skipped:\n", a.operands[i],
                    rep.skipped);
            for (e = 0; e < rep.n_errors; e++)
                cli_fail_error(c, EXIT_INPUT, &rep.errors[e]);
        }
    }
    if (rc == EXIT_OK) {
        if (a.n_operands == 1) {
            merged = parts[0];
            parts[0] = NULL;
        } else if (casia_dataset_merge(&merged, (const casia_dataset *const *)parts,
                                       (size_t)a.n_operands, &err) != CASIA_OK) {
            rc = cli_fail_error(c, EXIT_INPUT, &err);
        }
    }
    for (i = 0; i < a.n_operands; i++)
        casia_dataset_free(parts[i]);
    free(parts);
    if (rc == EXIT_OK) {
        int r = is_csv ? casia_dataset_save_csv(merged, out_path, &err)
                       : casia_dataset_save_file(merged, out_path, &err);
        if (r != CASIA_OK)
            rc = cli_fail_error(c, EXIT_INPUT, &err);
        else {
            unsigned long no = (unsigned long)casia_dataset_observation_count(merged);
            unsigned long ns = (unsigned long)casia_dataset_source_count(merged);
            fprintf(stderr, "casia: wrote %s: %lu observation%s, %lu source%s\n", out_path,
                    no, no == 1 ? "" : "s", ns, ns == 1 ? "" : "s");
        }
    }
    casia_dataset_free(merged);
    return rc;
}

/* ------------------------------------------------------------------ */
/* stream: the per-(reporter, year) aggregates of Comtrade files         */

int cmd_stream(cli *c, int argc, char **argv)
{
    static const cli_option opts[] = {{"lenient", 'l', 0}, {"chapters", 'C', 1},
                                      {NULL, 0, 0}};
    casia_import_options opt = CASIA_IMPORT_OPTIONS_INIT;
    casia_stream *st;
    casia_error err;
    cli_args a;
    table *t;
    size_t i, n;
    int k, rc = EXIT_OK;

    cli_args_init(&a, argc, argv);
    while ((k = cli_args_next(c, c->cmd, &a, opts)) != 0) {
        if (k == 'l')
            opt.lenient = 1;
        else if (k == 'C') {
            opt.commodity = CASIA_COMMODITY_SUM_CHAPTERS;
            opt.chapters = strcmp(a.arg, "all") == 0 ? NULL : a.arg;
        } else
            return EXIT_USAGE;
    }
    if (a.n_operands == 0)
        return cli_usage(c, c->cmd, "give at least one UN Comtrade file");
    if ((k = casia_stream_new(&st, &opt)) != CASIA_OK) {
        if (k == CASIA_EINVAL && opt.chapters)
            return cli_usage(c, c->cmd, "--chapters: \"%s\" is not a list of HS "
                             "chapters such as \"27,93\"", opt.chapters);
        return cli_fail(c, EXIT_INPUT, "%s", casia_strerror(k));
    }
    for (k = 0; k < a.n_operands; k++) {
        casia_import_report rep;
        if (casia_stream_add_file(st, a.operands[k], &rep, &err) != CASIA_OK) {
            casia_stream_free(st);
            return cli_fail_error(c, EXIT_INPUT, &err);
        }
        if (rep.skipped) {
            int e;
            fprintf(stderr, "casia: %s: %llu bad rows skipped:\n", a.operands[k],
                    rep.skipped);
            for (e = 0; e < rep.n_errors; e++)
                cli_fail_error(c, EXIT_INPUT, &rep.errors[e]);
        }
    }
    t = table_new(NULL);
    table_column(t, "reporter", COL_TEXT);
    table_column(t, "year", COL_INT);
    table_column(t, "turnover", COL_MONEY);
    table_column(t, "hhi", COL_RATIO);
    table_column(t, "top_partner", COL_TEXT);
    table_column(t, "top_share", COL_SHARE);
    table_column(t, "partners", COL_INT);
    n = casia_stream_count(st);
    for (i = 0; i < n; i++) {
        casia_stream_result r;
        int s = casia_stream_at(&r, st, i);
        table_row(t);
        table_text(t, r.reporter);
        table_int(t, r.year);
        table_number(t, r.turnover);
        if (s == CASIA_OK) {
            table_number(t, r.hhi);
            table_text(t, r.top_partner);
            table_number(t, r.top_share);
        } else {
            table_missing(t);
            table_missing(t);
            table_missing(t);
        }
        table_int(t, r.partners);
    }
    if (n == 0)
        rc = cli_fail(c, EXIT_NODATA, "no trade rows (flows M or X, TOTAL) in the files");
    else
        table_print(c, t);
    table_free(t);
    casia_stream_free(st);
    return rc;
}
