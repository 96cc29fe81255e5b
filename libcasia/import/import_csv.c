/*
 * import_csv.c - libcasia's native tidy CSV: the observation columns of
 * the native format, one observation a line, for datasets too large for a
 * JSON document.
 *
 *     indicator,reporter,partner,year,value,basis,source,unit,note
 *     trade.import,KAZ,CHN,2022,12345678.9,reporter,un_comtrade_2022,USD,
 *
 * The columns may come in any order; unit and note may be left out (unit
 * is then needed for no indicator libcasia does not know). Countries are
 * canonical codes, as in the JSON format. Sources are cited by id; each is
 * recorded with that id only (or, for the id given in the import options,
 * with the options' title, publisher, URL and description).
 */
#include "importer.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TEXT 1024

enum { C_IND, C_REP, C_PAR, C_YEAR, C_VALUE, C_BASIS, C_SOURCE, C_UNIT, C_NOTE, C_N };

static const char *const col_names[C_N] = {
    "indicator", "reporter", "partner", "year", "value", "basis", "source",
    "unit", "note"
};

/* origin of an observation: its line and the column of its value */
typedef struct tidy_ctx {
    const char *name;
} tidy_ctx;

static void locate_line(void *ctx, uint64_t origin, casia_error *err)
{
    (void)ctx;
    err->line = (int)((origin >> 16) > 0x7fffffff ? 0x7fffffff : (origin >> 16));
    err->column = (int)(origin & 0xffff);
    err->offset = -1;
}

static int country(const casia__csv *c, size_t i, const char *what, int *out,
                   casia_error *err)
{
    char t[TEXT];
    long n = casia__csv_text(c, i, t, sizeof t, 1);
    int idx;
    if (n <= 0)
        return casia__csv_error(c, i, err, CASIA_ESCHEMA, "no %s", what);
    if ((idx = casia__country_index_n(t, (size_t)n)) >= 0) {
        *out = idx;
        return CASIA_OK;
    }
    if (casia__country_resolve_n(&idx, t, (size_t)n, NULL) == CASIA_OK)
        return casia__csv_error(c, i, err, CASIA_ESCHEMA,
                                "%s \"%s\" is not a canonical code: write %s",
                                what, t, casia__country_code(idx));
    return casia__csv_error(c, i, err, CASIA_ENOTFOUND, "unknown %s \"%s\"",
                            what, t);
}

/* One import: the builder, the columns, and what the last rows named. */
typedef struct tidy {
    casia__builder *b;
    int col[C_N];
    size_t nheader;
    char last_ind[TEXT], last_unit[TEXT], last_src[TEXT];
    uint16_t ind, src;
    char **defined;     /* the sources recorded so far */
    size_t n_defined, cap_defined;
} tidy;

/* The header: every column known (or an x- extension), each once, the
 * required ones there. CASIA_OK, or an error in ctx. */
static int read_header(tidy *t, casia__csv *c, casia__import_ctx *ctx)
{
    casia_error e;
    size_t k;
    int rc, i;
    for (i = 0; i < C_N; i++)
        t->col[i] = -1;
    rc = casia__csv_next(c, &e);
    if (rc <= 0) {
        if (rc == 0)
            rc = casia__error_set(ctx->err, CASIA_EFORMAT, ctx->name,
                                  "empty file: no header");
        else if (ctx->err)
            *ctx->err = e;
        return rc;
    }
    t->nheader = casia__csv_count(c);
    for (k = 0; k < t->nheader; k++) {
        char name[128];
        casia__csv_text(c, k, name, sizeof name, 1);
        for (i = 0; i < C_N; i++)
            if (strcmp(name, col_names[i]) == 0)
                break;
        if (i < C_N && t->col[i] < 0) {
            t->col[i] = (int)k;
        } else if (strncmp(name, "x-", 2) != 0 && strncmp(name, "x_", 2) != 0) {
            return casia__csv_error(c, k, ctx->err, CASIA_ESCHEMA,
                                    i < C_N ? "column \"%s\" given twice"
                                            : "unknown column \"%s\" (columns are "
                                              "indicator, reporter, partner, year, "
                                              "value, basis, source, unit, note; "
                                              "extensions start with x-)",
                                    name);
        }
    }
    for (i = 0; i < C_UNIT; i++)
        if (t->col[i] < 0)
            return casia__csv_error(c, 0, ctx->err, CASIA_ESCHEMA,
                                    "no column \"%s\" in the header", col_names[i]);
    return CASIA_OK;
}

/* The indicator and unit of the row, interned when they change. CASIA_OK,
 * 1 for a bad row (e set), CASIA_ENOMEM. */
static int row_indicator(tidy *t, const casia__csv *c, casia_error *e)
{
    char name[TEXT], unit[TEXT];
    int rc;
    if (casia__csv_text(c, (size_t)t->col[C_IND], name, sizeof name, 1) <= 0) {
        casia__csv_error(c, (size_t)t->col[C_IND], e, CASIA_ESCHEMA, "no indicator");
        return 1;
    }
    unit[0] = '\0';
    if (t->col[C_UNIT] >= 0)
        casia__csv_text(c, (size_t)t->col[C_UNIT], unit, sizeof unit, 1);
    if (strcmp(name, t->last_ind) != 0 || strcmp(unit, t->last_unit) != 0) {
        casia_error ie;
        rc = casia__builder_indicator(t->b, &t->ind, name, unit[0] ? unit : NULL, &ie);
        if (rc == CASIA_ENOMEM)
            return rc;
        if (rc != CASIA_OK) {
            casia__csv_error(c, (size_t)t->col[unit[0] ? C_UNIT : C_IND], e, rc,
                             "%s", ie.text);
            t->last_ind[0] = '\0';
            return 1;
        }
        snprintf(t->last_ind, sizeof t->last_ind, "%s", name);
        snprintf(t->last_unit, sizeof t->last_unit, "%s", unit);
    }
    return CASIA_OK;
}

/* The source id of the row, recorded on first sight. CASIA_OK or
 * CASIA_ENOMEM. */
static int row_source(tidy *t, const char *id, const casia_import_options *o)
{
    size_t j;
    if (strcmp(id, t->last_src) == 0)
        return CASIA_OK;
    if (casia__builder_source_ref(t->b, &t->src, id) != CASIA_OK)
        return CASIA_ENOMEM;
    for (j = 0; j < t->n_defined; j++)
        if (strcmp(t->defined[j], id) == 0)
            break;
    if (j == t->n_defined) {
        int mine = o->source_id && strcmp(o->source_id, id) == 0;
        char *copy;
        if (casia__builder_source(t->b, id, mine ? o->source_title : "",
                                  mine ? o->source_publisher : "",
                                  mine ? o->source_url : "",
                                  mine ? o->source_description : "", 0,
                                  NULL) != CASIA_OK)
            return CASIA_ENOMEM;
        if (t->n_defined == t->cap_defined) {
            size_t nc = t->cap_defined ? t->cap_defined * 2 : 16;
            char **nd = realloc(t->defined, nc * sizeof *nd);
            if (!nd)
                return CASIA_ENOMEM;
            t->defined = nd;
            t->cap_defined = nc;
        }
        if (!(copy = malloc(strlen(id) + 1)))
            return CASIA_ENOMEM;
        strcpy(copy, id);
        t->defined[t->n_defined++] = copy;
    }
    snprintf(t->last_src, sizeof t->last_src, "%s", id);
    return CASIA_OK;
}

/* The note of the row, interned (0 for none). CASIA_OK or CASIA_ENOMEM. */
static int row_note(tidy *t, const casia__csv *c, uint32_t *nid)
{
    /* a note has no length limit: a long one is copied through the heap
     * (twice its bytes: Latin-1 text doubles in UTF-8) */
    char note[TEXT], *dst = note, *big = NULL;
    size_t raw;
    long n;
    int rc;
    casia__csv_field(c, (size_t)t->col[C_NOTE], &raw, NULL);
    if (2 * raw + 1 > sizeof note) {
        if (!(big = malloc(2 * raw + 1)))
            return CASIA_ENOMEM;
        dst = big;
    }
    n = casia__csv_text(c, (size_t)t->col[C_NOTE], dst,
                        big ? 2 * raw + 1 : sizeof note, 0);
    rc = n > 0 ? casia__builder_note(t->b, nid, dst, (size_t)n) : CASIA_OK;
    free(big);
    return rc != CASIA_OK ? CASIA_ENOMEM : CASIA_OK;
}

/* One data row (not blank, parsed): CASIA_OK when stored, 1 for a bad
 * row (e set), CASIA_ENOMEM. */
static int read_row(tidy *t, const casia__csv *c, const casia_import_options *o,
                    casia_error *e)
{
    char text[TEXT];
    int rep_i, par_i, year, rc;
    double v;
    casia_basis basis;
    size_t len;
    const char *f;
    uint32_t nid = 0;
    const int *col = t->col;
    if (casia__csv_count(c) != t->nheader) {
        casia__csv_error(c, casia__csv_count(c) < t->nheader ? casia__csv_count(c)
                                                             : t->nheader,
                         e, CASIA_ESCHEMA, "the row has %lu fields, the "
                         "header %lu", (unsigned long)casia__csv_count(c),
                         (unsigned long)t->nheader);
        return 1;
    }
    if ((rc = row_indicator(t, c, e)) != CASIA_OK)
        return rc;
    if (country(c, (size_t)col[C_REP], "reporter", &rep_i, e) != CASIA_OK ||
        country(c, (size_t)col[C_PAR], "partner", &par_i, e) != CASIA_OK)
        return 1;
    f = casia__csv_field(c, (size_t)col[C_YEAR], &len, NULL);
    if ((year = casia__parse_year(f, len)) < 0) {
        casia__csv_error(c, (size_t)col[C_YEAR], e, CASIA_ESCHEMA,
                         "\"%s\" is not a year from 1900 to 2100",
                         CASIA__EXCERPT(f, len, 20));
        return 1;
    }
    f = casia__csv_field(c, (size_t)col[C_VALUE], &len, NULL);
    if (casia__parse_number(f, len, &v) != 0) {
        casia__csv_error(c, (size_t)col[C_VALUE], e, CASIA_ESCHEMA,
                         "value \"%s\" is not a number",
                         CASIA__EXCERPT(f, len, 40));
        return 1;
    }
    if (v < 0 && casia__indicator_nonnegative(t->last_ind)) {
        casia__csv_error(c, (size_t)col[C_VALUE], e, CASIA_ESCHEMA,
                         "%s cannot be negative", t->last_ind);
        return 1;
    }
    casia__csv_text(c, (size_t)col[C_BASIS], text, sizeof text, 1);
    if (casia_basis_parse(&basis, text) != CASIA_OK || basis == CASIA_BASIS_ANY ||
        basis == CASIA_BASIS_MIXED) {
        casia__csv_error(c, (size_t)col[C_BASIS], e, CASIA_ESCHEMA,
                         "basis \"%s\" is not reporter, partner_mirror, "
                         "national_stats or other", text);
        return 1;
    }
    if (casia__csv_text(c, (size_t)col[C_SOURCE], text, sizeof text, 1) <= 0) {
        casia__csv_error(c, (size_t)col[C_SOURCE], e, CASIA_ESCHEMA, "no source");
        return 1;
    }
    if ((rc = row_source(t, text, o)) != CASIA_OK)
        return rc;
    if (col[C_NOTE] >= 0 && (rc = row_note(t, c, &nid)) != CASIA_OK)
        return rc;
    {
        casia_error pos;
        uint64_t origin;
        casia__csv_error(c, (size_t)col[C_VALUE], &pos, CASIA_OK, " ");
        origin = ((uint64_t)(pos.line > 0 ? pos.line : 0) << 16) |
                 (uint64_t)(pos.column > 0xffff ? 0xffff : pos.column);
        rc = casia__builder_obs(t->b, t->ind, rep_i, par_i, year, v, basis, t->src,
                                nid, origin);
    }
    if (rc == CASIA_ENOMEM)
        return rc;
    if (rc != CASIA_OK) {
        casia__csv_error(c, (size_t)col[C_VALUE], e, rc, "the observation "
                         "cannot be stored");
        return 1;
    }
    return CASIA_OK;
}

int casia__import_tidy(casia_dataset **out, casia__csv *c, casia__import_ctx *ctx)
{
    casia_import_report *rep = ctx->report;
    casia_error e;
    tidy_ctx tc;
    tidy t;
    int rc;

    memset(&t, 0, sizeof t);
    if (!(t.b = casia__builder_new()))
        return casia__error_set(ctx->err, CASIA_ENOMEM, ctx->name, NULL);
    if ((rc = read_header(&t, c, ctx)) != CASIA_OK)
        goto fail;

    for (;;) {
        rc = casia__csv_next(c, &e);
        if (rc == 0)
            break;
        if (rc < 0 && rc != CASIA_EPARSE) {
            if (ctx->err)
                *ctx->err = e;
            goto fail;
        }
        if (rc > 0 && casia__csv_blank(c))
            continue;
        rep->rows++;
        rc = rc == CASIA_EPARSE ? 1 : read_row(&t, c, ctx->opt, &e);
        if ((rc = casia__import_row_done(ctx, rc, &e)) != CASIA_OK)
            goto fail;
    }
    while (t.n_defined > 0)
        free(t.defined[--t.n_defined]);
    free(t.defined);
    tc.name = ctx->name;
    rc = casia__builder_finish(t.b, out, locate_line, &tc, ctx->name, ctx->err);
    if (rc == CASIA_OK && ctx->opt->source_id)
        snprintf(rep->source_id, sizeof rep->source_id, "%s", ctx->opt->source_id);
    return rc;

fail:
    while (t.n_defined > 0)
        free(t.defined[--t.n_defined]);
    free(t.defined);
    casia__builder_free(t.b);
    return rc;
}

/* ------------------------------------------------------------------ */
/* Writing                                                             */

typedef struct sink {
    char *buf;     /* memory output */
    size_t len, cap;
    FILE *f;       /* or a file */
    int failed;
} sink;

static void put(sink *s, const char *p, size_t n)
{
    if (s->failed)
        return;
    if (s->f) {
        if (fwrite(p, 1, n, s->f) != n)
            s->failed = 1;
        return;
    }
    if (s->len + n + 1 > s->cap) {
        size_t nc = s->cap ? s->cap * 2 : 1 << 16;
        char *nb;
        while (nc < s->len + n + 1)
            nc *= 2;
        if (!(nb = realloc(s->buf, nc))) {
            s->failed = 1;
            return;
        }
        s->buf = nb;
        s->cap = nc;
    }
    memcpy(s->buf + s->len, p, n);
    s->len += n;
}

static void put_text(sink *s, const char *t)
{
    const char *p;
    int quote = 0;
    size_t n = strlen(t);
    for (p = t; *p; p++)
        if (*p == ',' || *p == '"' || *p == '\n' || *p == '\r')
            quote = 1;
    if (n && (t[0] == ' ' || t[n - 1] == ' '))
        quote = 1;
    if (!quote) {
        put(s, t, n);
        return;
    }
    put(s, "\"", 1);
    for (p = t; *p; p++) {
        if (*p == '"')
            put(s, "\"", 1);
        put(s, p, 1);
    }
    put(s, "\"", 1);
}

static void write_all(sink *s, const casia_dataset *ds)
{
    size_t i;
    static const char header[] =
        "indicator,reporter,partner,year,value,basis,source,unit,note\n";
    put(s, header, sizeof header - 1);
    for (i = 0; i < ds->n_obs && !s->failed; i++) {
        casia_observation o;
        char num[64];
        int n;
        casia__dataset_fill(&o, ds, i);
        put_text(s, o.indicator);
        n = snprintf(num, sizeof num, ",%s,%s,%d,", o.reporter, o.partner, o.year);
        put(s, num, (size_t)n);
        n = casia__format_double(num, sizeof num, o.value, 0);
        put(s, num, (size_t)n);
        put(s, ",", 1);
        put_text(s, casia_basis_name(o.basis));
        put(s, ",", 1);
        put_text(s, o.source);
        put(s, ",", 1);
        put_text(s, o.unit);
        put(s, ",", 1);
        if (o.note)
            put_text(s, o.note);
        put(s, "\n", 1);
    }
}

CASIA_API int casia_dataset_to_csv(char **out, size_t *size, const casia_dataset *ds)
{
    sink s;
    if (!out || !ds)
        return CASIA_EINVAL;
    memset(&s, 0, sizeof s);
    write_all(&s, ds);
    put(&s, "", 0);
    if (s.failed || !s.buf) {
        free(s.buf);
        return CASIA_ENOMEM;
    }
    s.buf[s.len] = '\0';
    *out = s.buf;
    if (size)
        *size = s.len;
    return CASIA_OK;
}

CASIA_API int casia_dataset_save_csv(const casia_dataset *ds, const char *path,
                                     casia_error *err)
{
    char ebuf[128];
    sink s;
    if (!ds || !path)
        return casia__error_set(err, CASIA_EINVAL, path,
                                "casia_dataset_save_csv: NULL argument");
    memset(&s, 0, sizeof s);
    if (!(s.f = fopen(path, "wb")))
        return casia__error_set(err, CASIA_EIO, path, "cannot create: %s",
                                casia__errno_text(errno, ebuf, sizeof ebuf));
    write_all(&s, ds);
    if (s.failed) {
        int e = errno;
        fclose(s.f);
        return casia__error_set(err, CASIA_EIO, path, "cannot write: %s",
                                casia__errno_text(e, ebuf, sizeof ebuf));
    }
    if (fclose(s.f) != 0)
        return casia__error_set(err, CASIA_EIO, path, "cannot write: %s",
                                casia__errno_text(errno, ebuf, sizeof ebuf));
    return CASIA_OK;
}

/* ------------------------------------------------------------------ */
/* Detection (the registry in import.c asks record by record)          */

int casia__detect_tidy(const casia__csv *c, int record)
{
    (void)record;
    return casia__import_has_column(c, "indicator") &&
           casia__import_has_column(c, "reporter") &&
           casia__import_has_column(c, "partner") && casia__import_has_column(c, "year") &&
           casia__import_has_column(c, "value");
}
