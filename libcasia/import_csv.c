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

int casia__import_tidy(casia_dataset **out, casia__csv *c, casia__import_ctx *ctx)
{
    casia__builder *b = casia__builder_new();
    casia_import_report *rep = ctx->report;
    int col[C_N], rc, i;
    size_t nheader, k;
    char last_ind[TEXT] = "", last_unit[TEXT] = "", last_src[TEXT] = "";
    uint16_t ind = 0, src = 0;
    casia_error e;
    tidy_ctx tc;
    char **defined = NULL;
    size_t n_defined = 0, cap_defined = 0;

    if (!b)
        return casia__error_set(ctx->err, CASIA_ENOMEM, ctx->name, NULL);
    for (i = 0; i < C_N; i++)
        col[i] = -1;
    rc = casia__csv_next(c, &e);
    if (rc <= 0) {
        if (rc == 0)
            rc = casia__error_set(ctx->err, CASIA_EFORMAT, ctx->name,
                                  "empty file: no header");
        else if (ctx->err)
            *ctx->err = e;
        goto fail;
    }
    nheader = casia__csv_count(c);
    for (k = 0; k < nheader; k++) {
        char name[128];
        casia__csv_text(c, k, name, sizeof name, 1);
        for (i = 0; i < C_N; i++)
            if (strcmp(name, col_names[i]) == 0)
                break;
        if (i < C_N && col[i] < 0) {
            col[i] = (int)k;
        } else if (strncmp(name, "x-", 2) != 0 && strncmp(name, "x_", 2) != 0) {
            rc = casia__csv_error(c, k, ctx->err, CASIA_ESCHEMA,
                                  i < C_N ? "column \"%s\" given twice"
                                          : "unknown column \"%s\" (columns are "
                                            "indicator, reporter, partner, year, "
                                            "value, basis, source, unit, note; "
                                            "extensions start with x-)",
                                  name);
            goto fail;
        }
    }
    for (i = 0; i < C_UNIT; i++)
        if (col[i] < 0) {
            rc = casia__csv_error(c, 0, ctx->err, CASIA_ESCHEMA,
                                  "no column \"%s\" in the header", col_names[i]);
            goto fail;
        }

    for (;;) {
        char t[TEXT], unit[TEXT], note[TEXT];
        int rep_i, par_i, year;
        double v;
        casia_basis basis;
        size_t len;
        const char *f;
        uint32_t nid = 0;
        long n;
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
        if (rc == CASIA_EPARSE)
            goto bad;
        if (casia__csv_count(c) != nheader) {
            casia__csv_error(c, casia__csv_count(c) < nheader ? casia__csv_count(c)
                                                              : nheader,
                             &e, CASIA_ESCHEMA, "the row has %lu fields, the "
                             "header %lu", (unsigned long)casia__csv_count(c),
                             (unsigned long)nheader);
            goto bad;
        }
        /* indicator and unit */
        if (casia__csv_text(c, (size_t)col[C_IND], t, sizeof t, 1) <= 0) {
            casia__csv_error(c, (size_t)col[C_IND], &e, CASIA_ESCHEMA, "no indicator");
            goto bad;
        }
        unit[0] = '\0';
        if (col[C_UNIT] >= 0)
            casia__csv_text(c, (size_t)col[C_UNIT], unit, sizeof unit, 1);
        if (strcmp(t, last_ind) != 0 || strcmp(unit, last_unit) != 0) {
            casia_error ie;
            rc = casia__builder_indicator(b, &ind, t, unit[0] ? unit : NULL, &ie);
            if (rc == CASIA_ENOMEM)
                goto nomem;
            if (rc != CASIA_OK) {
                casia__csv_error(c, (size_t)col[unit[0] ? C_UNIT : C_IND], &e, rc,
                                 "%s", ie.text);
                last_ind[0] = '\0';
                goto bad;
            }
            snprintf(last_ind, sizeof last_ind, "%s", t);
            snprintf(last_unit, sizeof last_unit, "%s", unit);
        }
        if (country(c, (size_t)col[C_REP], "reporter", &rep_i, &e) != CASIA_OK ||
            country(c, (size_t)col[C_PAR], "partner", &par_i, &e) != CASIA_OK)
            goto bad;
        f = casia__csv_field(c, (size_t)col[C_YEAR], &len, NULL);
        if ((year = casia__parse_year(f, len)) < 0) {
            casia__csv_error(c, (size_t)col[C_YEAR], &e, CASIA_ESCHEMA,
                             "\"%s\" is not a year from 1900 to 2100",
                             CASIA__EXCERPT(f, len, 20));
            goto bad;
        }
        f = casia__csv_field(c, (size_t)col[C_VALUE], &len, NULL);
        if (casia__parse_number(f, len, &v) != 0) {
            casia__csv_error(c, (size_t)col[C_VALUE], &e, CASIA_ESCHEMA,
                             "value \"%s\" is not a number",
                             CASIA__EXCERPT(f, len, 40));
            goto bad;
        }
        if (v < 0 && casia__indicator_nonnegative(last_ind)) {
            casia__csv_error(c, (size_t)col[C_VALUE], &e, CASIA_ESCHEMA,
                             "%s cannot be negative", last_ind);
            goto bad;
        }
        casia__csv_text(c, (size_t)col[C_BASIS], t, sizeof t, 1);
        if (casia_basis_parse(&basis, t) != CASIA_OK || basis == CASIA_BASIS_ANY ||
            basis == CASIA_BASIS_MIXED) {
            casia__csv_error(c, (size_t)col[C_BASIS], &e, CASIA_ESCHEMA,
                             "basis \"%s\" is not reporter, partner_mirror, "
                             "national_stats or other", t);
            goto bad;
        }
        if (casia__csv_text(c, (size_t)col[C_SOURCE], t, sizeof t, 1) <= 0) {
            casia__csv_error(c, (size_t)col[C_SOURCE], &e, CASIA_ESCHEMA, "no source");
            goto bad;
        }
        if (strcmp(t, last_src) != 0) {
            size_t j;
            if ((rc = casia__builder_source_ref(b, &src, t)) != CASIA_OK)
                goto nomem;
            for (j = 0; j < n_defined; j++)
                if (strcmp(defined[j], t) == 0)
                    break;
            if (j == n_defined) {
                const casia_import_options *o = ctx->opt;
                int mine = o->source_id && strcmp(o->source_id, t) == 0;
                char *copy;
                rc = casia__builder_source(b, t, mine ? o->source_title : "",
                                           mine ? o->source_publisher : "",
                                           mine ? o->source_url : "",
                                           mine ? o->source_description : "",
                                           0, NULL);
                if (rc != CASIA_OK)
                    goto nomem;
                if (n_defined == cap_defined) {
                    size_t nc = cap_defined ? cap_defined * 2 : 16;
                    char **nd = realloc(defined, nc * sizeof *nd);
                    if (!nd)
                        goto nomem;
                    defined = nd;
                    cap_defined = nc;
                }
                if (!(copy = malloc(strlen(t) + 1)))
                    goto nomem;
                strcpy(copy, t);
                defined[n_defined++] = copy;
            }
            snprintf(last_src, sizeof last_src, "%s", t);
        }
        if (col[C_NOTE] >= 0) {
            /* a note has no length limit: a long one is copied through the
             * heap (twice its bytes: Latin-1 text doubles in UTF-8) */
            char *dst = note, *big = NULL;
            size_t raw;
            casia__csv_field(c, (size_t)col[C_NOTE], &raw, NULL);
            if (2 * raw + 1 > sizeof note) {
                if (!(big = malloc(2 * raw + 1)))
                    goto nomem;
                dst = big;
            }
            n = casia__csv_text(c, (size_t)col[C_NOTE], dst,
                                big ? 2 * raw + 1 : sizeof note, 0);
            rc = n > 0 ? casia__builder_note(b, &nid, dst, (size_t)n) : CASIA_OK;
            free(big);
            if (rc != CASIA_OK)
                goto nomem;
        }
        {
            casia_error pos;
            uint64_t origin;
            casia__csv_error(c, (size_t)col[C_VALUE], &pos, CASIA_OK, " ");
            origin = ((uint64_t)(pos.line > 0 ? pos.line : 0) << 16) |
                     (uint64_t)(pos.column > 0xffff ? 0xffff : pos.column);
            rc = casia__builder_obs(b, ind, rep_i, par_i, year, v, basis, src,
                                    nid, origin);
        }
        if (rc == CASIA_ENOMEM)
            goto nomem;
        if (rc != CASIA_OK) {
            casia__csv_error(c, (size_t)col[C_VALUE], &e, rc, "the observation "
                             "cannot be stored");
            goto bad;
        }
        rep->kept++;
        continue;
    bad:
        if ((rc = casia__import_bad_row(ctx, &e)) != CASIA_OK)
            goto fail;
    }
    while (n_defined > 0)
        free(defined[--n_defined]);
    free(defined);
    tc.name = ctx->name;
    rc = casia__builder_finish(b, out, locate_line, &tc, ctx->name, ctx->err);
    if (rc == CASIA_OK && ctx->opt->source_id)
        snprintf(rep->source_id, sizeof rep->source_id, "%s", ctx->opt->source_id);
    return rc;

nomem:
    rc = casia__error_set(ctx->err, CASIA_ENOMEM, ctx->name, NULL);
fail:
    while (n_defined > 0)
        free(defined[--n_defined]);
    free(defined);
    casia__builder_free(b);
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
