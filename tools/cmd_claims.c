/*
 * cmd_claims.c - `casia claims`: the claims of an analysis (the built-in
 * ones, or a claims file) checked against the dataset under every basis
 * and source, with the verdict and the numbers behind it.
 */
#include "config.h"

#include "cli.h"
#include "commands.h"

#include <stdlib.h>
#include <string.h>

typedef struct claims_state {
    const char *id;
    int views;
} claims_state;

/* "any", "reporter", ..., or "source:ID" */
static void view_label(char *buf, size_t size, const casia_claim_view *v)
{
    if (v->source)
        snprintf(buf, size, "source:%s", v->source);
    else
        snprintf(buf, size, "%s", v->basis == CASIA_BASIS_ANY
                                      ? "default"
                                      : casia_basis_name(v->basis));
}

/* "holds: a, b; fails: c; untested: d" */
static void view_summary(char *buf, size_t size, const casia_claim_result *r,
                         int brief)
{
    static const char *const what[] = {"holds", "fails", "untested"};
    static const int want[] = {1, 0, -1};
    size_t l = 0;
    int w;
    buf[0] = '\0';
    for (w = 0; w < 3; w++) {
        unsigned i, n = 0;
        if (brief && want[w] < 0) {
            for (i = 0; i < r->view_count; i++)
                n += r->views[i].holds < 0;
            if (n && l < size)
                l += (size_t)snprintf(buf + l, size - l, "%s%u untested",
                                      l ? "; " : "", n);
            continue;
        }
        for (i = 0; i < r->view_count; i++) {
            char label[96];
            if (r->views[i].holds != want[w])
                continue;
            view_label(label, sizeof label, &r->views[i]);
            if (l < size)
                l += (size_t)snprintf(buf + l, size - l, "%s%s%s",
                                      n ? ", " : (l ? "; " : ""),
                                      n ? "" : what[w], n ? label : "");
            if (!n && l < size)
                l += (size_t)snprintf(buf + l, size - l, ": %s", label);
            n++;
        }
    }
    if (r->views_truncated && l < size)
        snprintf(buf + l, size - l, "; %u more sources not tried",
                 r->views_truncated);
}

static void claim_columns(table *t, int views, int text)
{
    table_column(t, "id", COL_TEXT);
    if (views)
        table_column(t, "view", COL_TEXT);
    table_column(t, "verdict", COL_TEXT);
    table_column(t, "value", COL_NUMBER);
    table_column(t, "against", COL_NUMBER);
    table_column(t, "margin", COL_NUMBER);
    table_column(t, "unit", COL_TEXT);
    table_column(t, "year", COL_INT);
    table_column(t, "basis", COL_TEXT);
    table_column(t, "sources", COL_LIST);
    table_column(t, views ? "note" : "views", COL_TEXT);
    if (text)
        return;   /* the statement and quote go under the table */
    table_column(t, "statement", COL_TEXT);
    table_column(t, "quote", COL_TEXT);
}

static void view_cells(table *t, const casia_claim_view *v)
{
    if (v->holds < 0) {
        table_missing(t);
        table_missing(t);
        table_missing(t);
    } else {
        table_number(t, v->value);
        table_number(t, v->other);
        table_number(t, v->margin);
    }
}

/* unit, year, basis and sources of a view (none: empty cells) */
static void view_tail(table *t, const casia_claim_result *r,
                      const casia_claim_view *v)
{
    table_text(t, r->unit);
    if (v && v->year)
        table_int(t, v->year);
    else
        table_missing(t);
    table_text(t, v && v->holds >= 0 ? casia_basis_name(v->result_basis) : NULL);
    if (v)
        table_list(t, v->sources, v->source_count);
    else
        table_list(t, NULL, 0);
}

static void claim_rows(table *t, const casia_claim *cl,
                       const casia_claim_result *r, int views, int text)
{
    char buf[1024];
    unsigned i;
    if (views) {
        for (i = 0; i < r->view_count; i++) {
            const casia_claim_view *v = &r->views[i];
            table_row(t);
            table_text(t, cl->id);
            view_label(buf, sizeof buf, v);
            table_text(t, buf);
            table_text(t, v->holds < 0 ? "untested" : v->holds ? "holds" : "fails");
            view_cells(t, v);
            view_tail(t, r, v);
            table_text(t, v->note);
            if (!text) {
                table_text(t, cl->statement);
                table_text(t, cl->quote);
            }
        }
        return;
    }
    table_row(t);
    table_text(t, cl->id);
    table_text(t, casia_verdict_name(r->verdict));
    view_cells(t, &r->views[r->decisive >= 0 ? r->decisive : 0]);
    view_tail(t, r, r->decisive >= 0 ? &r->views[r->decisive] : NULL);
    if (r->verdict == CASIA_VERDICT_NOT_TESTABLE)
        snprintf(buf, sizeof buf, "missing: %s", r->missing);
    else
        view_summary(buf, sizeof buf, r, text);
    table_text(t, buf);
    if (!text) {
        table_text(t, cl->statement);
        table_text(t, cl->quote);
    }
}

int cmd_claims(cli *c, int argc, char **argv)
{
    static const cli_option opts[] = {
        {"id", 'i', 1}, {"views", 'v', 0}, {"format", 'F', 1}, {NULL, 0, 0}};
    claims_state st = {NULL, 0};
    casia_claims *claims = NULL;
    casia_dataset *ds;
    casia_claim_result *res;
    casia_error err;
    cli_args a;
    table *t;
    size_t i, n, first = 0;
    int k, rc;
    unsigned counts[5] = {0, 0, 0, 0, 0};

    cli_args_init(&a, argc, argv);
    while ((k = cli_args_next(c, c->cmd, &a, opts)) != 0) {
        if (k == 'i')
            st.id = a.arg;
        else if (k == 'v')
            st.views = 1;
        else if (k == 'F') {
            if (strcmp(a.arg, "text") == 0)
                c->format = OUT_TEXT;
            else if (strcmp(a.arg, "csv") == 0)
                c->format = OUT_CSV;
            else if (strcmp(a.arg, "json") == 0)
                c->format = OUT_JSON;
            else
                return cli_usage(c, c->cmd, "--format: text, csv or json");
        } else
            return EXIT_USAGE;
    }
    if (a.n_operands > 1)
        return cli_usage(c, c->cmd, "give at most one claims FILE");
    rc = a.n_operands ? casia_claims_load_file(&claims, a.operands[0], &err)
                      : casia_claims_default(&claims, &err);
    if (rc)
        return cli_fail_error(c, EXIT_INPUT, &err);
    n = casia_claims_count(claims);
    if (st.id) {
        if (casia_claims_find(&first, claims, st.id) != CASIA_OK) {
            casia_claims_free(claims);
            return cli_fail(c, EXIT_USAGE, "no claim with id '%s'", st.id);
        }
        n = first + 1;
    }
    if (!(ds = cli_dataset(c))) {
        casia_claims_free(claims);
        return EXIT_INPUT;
    }
    res = malloc(sizeof *res);
    if (!res) {
        casia_claims_free(claims);
        return cli_fail(c, EXIT_INPUT, "out of memory");
    }
    t = table_new(NULL);
    claim_columns(t, st.views, c->format == OUT_TEXT);
    for (i = first; i < n; i++) {
        casia_claim cl;
        if (casia_claim_get(&cl, claims, i) != CASIA_OK ||
            casia_claim_evaluate(res, claims, i, ds, NULL) != CASIA_OK)
            continue;
        claim_rows(t, &cl, res, st.views, c->format == OUT_TEXT);
        if (c->format == OUT_TEXT)
            table_note(t, "%s: %s\n    \"%s\"%s%s", cl.id, cl.statement,
                       cl.quote, cl.where[0] ? " -- " : "", cl.where);
        if ((unsigned)res->verdict < 5)
            counts[res->verdict]++;
    }
    table_note(t, "%u supported, %u contradicted, %u depend on the source, "
               "%u not testable. value: the decisive number under the "
               "default rules (or the first view that could test the claim); "
               "against: the rival's value or the bound; margin: how far "
               "value lies on the right side of it (negative: the wrong "
               "side). --views shows every basis and source.",
               counts[CASIA_VERDICT_SUPPORTED],
               counts[CASIA_VERDICT_CONTRADICTED],
               counts[CASIA_VERDICT_DEPENDS_ON_SOURCE],
               counts[CASIA_VERDICT_NOT_TESTABLE]);
    table_print(c, t);
    table_free(t);
    free(res);
    casia_claims_free(claims);
    return EXIT_OK;
}
