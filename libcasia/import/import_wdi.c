/*
 * import_wdi.c - the World Bank's World Development Indicators bulk CSV
 * ("API_..._DS2_en_csv_v2_....csv"): a UTF-8 byte-order mark, the lines
 * "Data Source","World Development Indicators", and "Last Updated Date",
 * blank lines, then the header "Country Name","Country Code","Indicator
 * Name","Indicator Code","1960",...,"2023", and one row per country (or
 * aggregate) and indicator, every line ending with a comma.
 */
#include "importer.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TEXT 512

/* WDI codes of indicators libcasia knows, with partner WLD. */
static const struct {
    const char *wdi;
    const char *id;
} known[] = {
    {"BX.TRF.PWKR.CD.DT", "remittance.inflow_usd"},
    {"BX.TRF.PWKR.DT.GD.ZS", "remittance.inflow_pct_gdp"},
    {"NY.GDP.MKTP.CD", "gdp.current_usd"},
    {"TM.VAL.MRCH.CD.WT", "trade.import"},
    {"TX.VAL.MRCH.CD.WT", "trade.export"},
};

/* The unit an indicator's name states: its last parenthesis, e.g. "GDP
 * (current US$)" -> "current US$"; "unspecified" when there is none. */
static void unit_of(char *dst, size_t size, const char *name)
{
    size_t n = strlen(name);
    const char *close, *open = NULL, *p;
    while (n > 0 && name[n - 1] == ' ')
        n--;
    if (n == 0 || name[n - 1] != ')') {
        snprintf(dst, size, "unspecified");
        return;
    }
    close = name + n - 1;
    {
        int depth = 0;
        for (p = close; p >= name; p--) {
            if (*p == ')')
                depth++;
            else if (*p == '(' && --depth == 0) {
                open = p;
                break;
            }
            if (p == name)
                break;
        }
    }
    if (!open || close - open - 1 <= 0) {
        snprintf(dst, size, "unspecified");
        return;
    }
    snprintf(dst, size, "%.*s", (int)(close - open - 1), open + 1);
}

/* The local indicator id of a WDI code, made on first sight. A small
 * cache: rows of one indicator come one after another in per-indicator
 * files, and per-country files have each indicator once. */
typedef struct ind_cache {
    char code[128];
    unsigned id;
    int known_ind;
} ind_cache;

static int indicator(casia__bulk *b, ind_cache *cache, const char *code,
                     const char *name, casia_error *err)
{
    size_t k;
    int rc;
    if (cache->code[0] && strcmp(cache->code, code) == 0)
        return CASIA_OK;
    for (k = 0; k < sizeof known / sizeof known[0]; k++)
        if (strcmp(known[k].wdi, code) == 0)
            break;
    if (k < sizeof known / sizeof known[0]) {
        rc = casia__bulk_indicator(b, &cache->id, known[k].id, NULL, err);
        cache->known_ind = 1;
    } else {
        char unit[TEXT];
        unit_of(unit, sizeof unit, name);
        rc = casia__bulk_indicator(b, &cache->id, code, unit, err);
        cache->known_ind = 0;
    }
    if (rc == CASIA_OK)
        snprintf(cache->code, sizeof cache->code, "%s", code);
    return rc;
}

/* One import: the accumulator, the columns of the header, the metadata. */
typedef struct wdi {
    casia__bulk *b;
    casia__codemap codes;
    ind_cache cache;
    int *years;          /* per header column: its year, or -1 */
    size_t nheader;
    int col_code, col_ind, col_name;
    int world;
    char title[TEXT], updated[TEXT];
} wdi;

/* The metadata lines, then the header. CASIA_OK, or an error in ctx. */
static int read_header(wdi *w, casia__csv *c, casia__import_ctx *ctx)
{
    size_t i;
    int rc;
    for (;;) {
        char first[TEXT], second[TEXT];
        casia_error pe;
        rc = casia__csv_next(c, &pe);
        if (rc <= 0) {
            if (rc == 0)
                rc = casia__error_set(ctx->err, CASIA_EFORMAT, ctx->name,
                                      "not a WDI file: no header \"Country "
                                      "Name\",\"Country Code\",...");
            else if (ctx->err)
                *ctx->err = pe;
            return rc;
        }
        casia__csv_text(c, 0, first, sizeof first, 1);
        second[0] = '\0';
        if (casia__csv_count(c) > 1)
            casia__csv_text(c, 1, second, sizeof second, 1);
        if (strcmp(first, "Data Source") == 0 && second[0])
            snprintf(w->title, sizeof w->title, "%s", second);
        else if (strcmp(first, "Last Updated Date") == 0)
            snprintf(w->updated, sizeof w->updated, "%s", second);
        else if (strcmp(first, "Country Name") == 0)
            break;
    }
    w->nheader = casia__csv_count(c);
    while (w->nheader > 0 && casia__csv_empty(c, w->nheader - 1))
        w->nheader--;   /* the trailing comma */
    if (!(w->years = calloc(w->nheader + 1, sizeof *w->years)))
        return casia__error_set(ctx->err, CASIA_ENOMEM, ctx->name, NULL);
    for (i = 0; i < w->nheader; i++) {
        char key[64];
        size_t len;
        const char *f = casia__csv_field(c, i, &len, NULL);
        casia__header_key(key, sizeof key, f, len);
        w->years[i] = casia__parse_year(f, len);
        if (strcmp(key, "countrycode") == 0)
            w->col_code = (int)i;
        else if (strcmp(key, "indicatorcode") == 0)
            w->col_ind = (int)i;
        else if (strcmp(key, "indicatorname") == 0)
            w->col_name = (int)i;
    }
    if (w->col_code < 0 || w->col_ind < 0)
        return casia__csv_error(c, 0, ctx->err, CASIA_EFORMAT,
                                "WDI header without %s",
                                w->col_code < 0 ? "Country Code" : "Indicator Code");
    return CASIA_OK;
}

/* One data row (not blank): CASIA_OK when kept, 1 for a bad row (e set),
 * CASIA_ENOMEM. */
static int read_row(wdi *w, casia__csv *c, casia_error *e)
{
    char code[128], name[TEXT];
    size_t nf, len, i;
    const char *f;
    int country, rc;
    casia_error pe;
    nf = casia__csv_count(c);
    if (nf != w->nheader && !(nf == w->nheader + 1 && casia__csv_empty(c, w->nheader))) {
        casia__csv_error(c, nf < w->nheader ? nf : w->nheader, e, CASIA_ESCHEMA,
                         "the row has %lu fields, the header %lu",
                         (unsigned long)nf, (unsigned long)w->nheader);
        return 1;
    }
    f = casia__csv_field(c, (size_t)w->col_code, &len, NULL);
    country = casia__codemap_find(&w->codes, f, len, NULL);
    if (country < 0) {
        casia__csv_error(c, (size_t)w->col_code, e, CASIA_ENOTFOUND,
                         "unknown country code \"%s\"",
                         CASIA__EXCERPT(f, len, 40));
        return 1;
    }
    if (casia__csv_text(c, (size_t)w->col_ind, code, sizeof code, 1) <= 0) {
        casia__csv_error(c, (size_t)w->col_ind, e, CASIA_ESCHEMA,
                         "no indicator code");
        return 1;
    }
    name[0] = '\0';
    if (w->col_name >= 0)
        casia__csv_text(c, (size_t)w->col_name, name, sizeof name, 1);
    if ((rc = indicator(w->b, &w->cache, code, name, &pe)) != CASIA_OK) {
        if (rc == CASIA_ENOMEM)
            return rc;
        casia__csv_error(c, (size_t)w->col_ind, e, rc, "%s", pe.text);
        return 1;
    }
    for (i = 0; i < w->nheader; i++) {
        double v;
        char msg[256];
        if (w->years[i] < 0 || casia__csv_empty(c, i))
            continue;   /* an empty cell is missing, not zero */
        f = casia__csv_field(c, i, &len, NULL);
        if (casia__parse_number(f, len, &v) != 0) {
            casia__csv_error(c, i, e, CASIA_ESCHEMA,
                             "%s %d: \"%s\" is not a number", code, w->years[i],
                             CASIA__EXCERPT(f, len, 40));
            return 1;
        }
        if (w->cache.known_ind && v < 0) {
            casia__csv_error(c, i, e, CASIA_ESCHEMA,
                             "%s %d: negative value %.17g", code, w->years[i], v);
            return 1;
        }
        rc = casia__bulk_add(w->b, w->cache.id, country, w->world, w->years[i], -1,
                             v, c->line, msg, sizeof msg);
        if (rc == CASIA_ENOMEM)
            return rc;
        if (rc != CASIA_OK) {
            casia__csv_error(c, i, e, rc, "%s", msg);
            return 1;
        }
    }
    return CASIA_OK;
}

int casia__import_wdi(casia_dataset **out, casia__csv *c, casia__import_ctx *ctx)
{
    char base[256], desc[3 * TEXT];
    casia_import_report *rep = ctx->report;
    casia__source_info src;
    wdi w;
    int rc;

    memset(&w, 0, sizeof w);
    w.col_code = w.col_ind = w.col_name = -1;
    w.world = casia__country_world();
    snprintf(w.title, sizeof w.title, "World Development Indicators");
    w.b = casia__bulk_new(0);
    if (!w.b || casia__codemap_init(&w.codes) != CASIA_OK) {
        rc = casia__error_set(ctx->err, CASIA_ENOMEM, ctx->name, NULL);
        goto fail;
    }
    if ((rc = read_header(&w, c, ctx)) != CASIA_OK)
        goto fail;

    for (;;) {
        casia_error pe, e;
        rc = casia__csv_next(c, &pe);
        if (rc == 0)
            break;
        if (rc < 0 && rc != CASIA_EPARSE) {
            if (ctx->err)
                *ctx->err = pe;
            goto fail;
        }
        if (rc == CASIA_EPARSE) {
            rep->rows++;
            if ((rc = casia__import_bad_row(ctx, &pe)) != CASIA_OK)
                goto fail;
            continue;
        }
        if (casia__csv_blank(c))
            continue;
        rep->rows++;
        if ((rc = casia__import_row_done(ctx, read_row(&w, c, &e), &e)) != CASIA_OK)
            goto fail;
    }
    free(w.years);
    casia__codemap_free(&w.codes);
    snprintf(desc, sizeof desc,
             "World Bank WDI bulk download%s%s%s; empty cells are missing",
             casia__import_base(ctx, base, sizeof base),
             w.updated[0] ? ", last updated " : "", w.updated);
    src.id = "wdi";
    src.title = w.title;
    src.publisher = "World Bank";
    src.url = "https://databank.worldbank.org/source/world-development-indicators";
    src.description = desc;
    src.basis = CASIA_BASIS_OTHER;
    return casia__import_finish(out, w.b, ctx, &src);

fail:
    free(w.years);
    casia__codemap_free(&w.codes);
    casia__bulk_free(w.b);
    return rc;
}

/* ------------------------------------------------------------------ */
/* Detection (the registry in import.c asks record by record)          */

int casia__detect_wdi(const casia__csv *c, int record)
{
    (void)record;
    return (casia__import_starts_with(c, 0, "Data Source") && casia__csv_count(c) > 1 &&
            casia__import_starts_with(c, 1, "World Development Indicators")) ||
           (casia__import_has_column(c, "countrycode") &&
            casia__import_has_column(c, "indicatorcode") &&
            casia__import_has_column(c, "countryname"));
}

/* the notes files of the same download (not imported) */
int casia__detect_wdi_metadata(const casia__csv *c, int record)
{
    (void)record;
    return (casia__import_has_column(c, "countrycode") &&
            casia__import_has_column(c, "incomegroup")) ||
           (casia__import_has_column(c, "indicatorcode") &&
            casia__import_has_column(c, "sourcenote"));
}
