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

int casia__import_wdi(casia_dataset **out, casia__csv *c, casia__import_ctx *ctx)
{
    char base[256];
    casia__bulk *b = casia__bulk_new(0);
    casia_import_report *rep = ctx->report;
    char title[TEXT] = "World Development Indicators", updated[TEXT] = "";
    char desc[3 * TEXT], id[128];
    int *years = NULL, col_code = -1, col_ind = -1, col_name = -1, rc;
    int world = casia__country_world();
    size_t nheader = 0, i;
    casia__codemap codes;
    ind_cache cache;
    casia_error e;

    memset(&cache, 0, sizeof cache);
    codes.table = NULL;
    if (!b || casia__codemap_init(&codes) != CASIA_OK) {
        rc = casia__error_set(ctx->err, CASIA_ENOMEM, ctx->name, NULL);
        goto fail;
    }

    /* the metadata lines, then the header */
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
            goto fail;
        }
        casia__csv_text(c, 0, first, sizeof first, 1);
        second[0] = '\0';
        if (casia__csv_count(c) > 1)
            casia__csv_text(c, 1, second, sizeof second, 1);
        if (strcmp(first, "Data Source") == 0 && second[0])
            snprintf(title, sizeof title, "%s", second);
        else if (strcmp(first, "Last Updated Date") == 0)
            snprintf(updated, sizeof updated, "%s", second);
        else if (strcmp(first, "Country Name") == 0)
            break;
    }
    nheader = casia__csv_count(c);
    while (nheader > 0 && casia__csv_empty(c, nheader - 1))
        nheader--;   /* the trailing comma */
    if (!(years = calloc(nheader + 1, sizeof *years))) {
        rc = casia__error_set(ctx->err, CASIA_ENOMEM, ctx->name, NULL);
        goto fail;
    }
    for (i = 0; i < nheader; i++) {
        char key[64];
        size_t len;
        const char *f = casia__csv_field(c, i, &len, NULL);
        casia__header_key(key, sizeof key, f, len);
        years[i] = casia__parse_year(f, len);
        if (strcmp(key, "countrycode") == 0)
            col_code = (int)i;
        else if (strcmp(key, "indicatorcode") == 0)
            col_ind = (int)i;
        else if (strcmp(key, "indicatorname") == 0)
            col_name = (int)i;
    }
    if (col_code < 0 || col_ind < 0) {
        rc = casia__csv_error(c, 0, ctx->err, CASIA_EFORMAT,
                              "WDI header without %s",
                              col_code < 0 ? "Country Code" : "Indicator Code");
        goto fail;
    }

    for (;;) {
        char code[128], name[TEXT];
        size_t nf, len;
        const char *f;
        int country, bad = 0;
        casia_error pe;
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
        nf = casia__csv_count(c);
        if (nf != nheader && !(nf == nheader + 1 && casia__csv_empty(c, nheader))) {
            casia__csv_error(c, nf < nheader ? nf : nheader, &e, CASIA_ESCHEMA,
                             "the row has %lu fields, the header %lu",
                             (unsigned long)nf, (unsigned long)nheader);
            goto bad;
        }
        f = casia__csv_field(c, (size_t)col_code, &len, NULL);
        country = casia__codemap_find(&codes, f, len, NULL);
        if (country < 0) {
            casia__csv_error(c, (size_t)col_code, &e, CASIA_ENOTFOUND,
                             "unknown country code \"%s\"",
                             CASIA__EXCERPT(f, len, 40));
            goto bad;
        }
        if (casia__csv_text(c, (size_t)col_ind, code, sizeof code, 1) <= 0) {
            casia__csv_error(c, (size_t)col_ind, &e, CASIA_ESCHEMA,
                             "no indicator code");
            goto bad;
        }
        name[0] = '\0';
        if (col_name >= 0)
            casia__csv_text(c, (size_t)col_name, name, sizeof name, 1);
        if ((rc = indicator(b, &cache, code, name, &pe)) != CASIA_OK) {
            if (rc == CASIA_ENOMEM)
                goto nomem;
            casia__csv_error(c, (size_t)col_ind, &e, rc, "%s", pe.text);
            goto bad;
        }
        for (i = 0; i < nheader && !bad; i++) {
            double v;
            char msg[256];
            if (years[i] < 0 || casia__csv_empty(c, i))
                continue;   /* an empty cell is missing, not zero */
            f = casia__csv_field(c, i, &len, NULL);
            if (casia__parse_number(f, len, &v) != 0) {
                casia__csv_error(c, i, &e, CASIA_ESCHEMA,
                                 "%s %d: \"%s\" is not a number", code, years[i],
                                 CASIA__EXCERPT(f, len, 40));
                bad = 1;
                break;
            }
            if (cache.known_ind && v < 0) {
                casia__csv_error(c, i, &e, CASIA_ESCHEMA,
                                 "%s %d: negative value %.17g", code, years[i], v);
                bad = 1;
                break;
            }
            rc = casia__bulk_add(b, cache.id, country, world, years[i], -1, v,
                                 c->line, msg, sizeof msg);
            if (rc == CASIA_ENOMEM)
                goto nomem;
            if (rc != CASIA_OK) {
                casia__csv_error(c, i, &e, rc, "%s", msg);
                bad = 1;
            }
        }
        if (bad)
            goto bad;
        rep->kept++;
        continue;
    bad:
        if ((rc = casia__import_bad_row(ctx, &e)) != CASIA_OK)
            goto fail;
    }
    free(years);
    years = NULL;
    casia__codemap_free(&codes);
    casia__import_source_id(id, sizeof id, ctx, "wdi");
    snprintf(desc, sizeof desc,
             "World Bank WDI bulk download%s%s%s; empty cells are missing",
             casia__import_base(ctx, base, sizeof base),
             updated[0] ? ", last updated " : "", updated);
    rc = casia__bulk_finish(b, out, id,
                            ctx->opt->source_title ? ctx->opt->source_title : title,
                            ctx->opt->source_publisher ? ctx->opt->source_publisher
                                                       : "World Bank",
                            ctx->opt->source_url
                                ? ctx->opt->source_url
                                : "https://databank.worldbank.org/source/world-development-indicators",
                            ctx->opt->source_description
                                ? ctx->opt->source_description : desc,
                            ctx->opt->basis != CASIA_BASIS_ANY ? ctx->opt->basis
                                                               : CASIA_BASIS_OTHER,
                            ctx->name, ctx->err);
    if (rc == CASIA_OK)
        snprintf(rep->source_id, sizeof rep->source_id, "%s", id);
    return rc;

nomem:
    rc = casia__error_set(ctx->err, CASIA_ENOMEM, ctx->name, NULL);
fail:
    free(years);
    casia__codemap_free(&codes);
    casia__bulk_free(b);
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
