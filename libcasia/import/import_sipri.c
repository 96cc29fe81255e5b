/*
 * import_sipri.c - the SIPRI Arms Transfers Database's CSV exports:
 *  - the TIV tables ("TIV of arms exports to Kazakhstan, 1950-2021"): a
 *    title line, note lines, "Source:" and "Generated:" lines, a header of
 *    years, one row per supplier (or recipient) and a "Total" row, every
 *    line padded with commas;
 *  - the trade register: note lines ending in ';', a header
 *    "SIPRI AT Database ID,Supplier,Recipient,...,TIV delivery values,
 *    Local production;", one row per deal and delivery year, CRLF.
 * Both give arms.import_tiv with reporter = recipient, partner = supplier.
 */
#include "importer.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TEXT 512

/*
 * A supplier or recipient as SIPRI names it. SIPRI marks non-state actors
 * with a trailing "*" ("Hezbollah (Lebanon)*") and international
 * organisations with "**" ("NATO**"); they become the registry's areas XNS
 * and XIO. Everything else goes through the registry ("Soviet Union",
 * "unknown supplier(s)", ...). Returns the registry index, or -1 with err
 * set at the field.
 */
static int sipri_country(const casia__csv *c, size_t i, const char *what,
                         casia_error *err)
{
    char name[TEXT];
    long n = casia__csv_text(c, i, name, sizeof name, 1);
    int idx;
    casia_error why;
    if (n <= 0) {
        casia__csv_error(c, i, err, CASIA_ESCHEMA, "no %s", what);
        return -1;
    }
    if (n >= 2 && name[n - 1] == '*' && name[n - 2] == '*')
        return casia__country_index("XIO");
    if (name[n - 1] == '*')
        return casia__country_index("XNS");
    if (casia__country_resolve_n(&idx, name, (size_t)n, &why) == CASIA_OK)
        return idx;
    casia__csv_error(c, i, err, why.code, "%s: %s", what, why.text);
    return -1;
}

/* The field text without a trailing ';' (the register's line ends). */
static long text_nosemi(const casia__csv *c, size_t i, char *dst, size_t size)
{
    long n = casia__csv_text(c, i, dst, size, 1);
    while (n > 0 && dst[n - 1] == ';')
        dst[--n] = '\0';
    return n;
}

static int finish(casia_dataset **out, casia__bulk *b, casia__import_ctx *ctx,
                  const char *fallback_id, const char *title,
                  const char *description)
{
    casia__source_info src;
    src.id = fallback_id;
    src.title = title;
    src.publisher = "Stockholm International Peace Research Institute (SIPRI)";
    src.url = "https://armstrade.sipri.org/";
    src.description = description;
    src.basis = CASIA_BASIS_OTHER;
    return casia__import_finish(out, b, ctx, &src);
}

/* Reads the next record: 1, 0 at the end, or a negative status (an
 * EPARSE row is counted as bad and skipped in lenient mode). */
static int next_record(casia__csv *c, casia__import_ctx *ctx, int counting)
{
    casia_error e;
    for (;;) {
        int rc = casia__csv_next(c, &e);
        if (rc >= 0)
            return rc;
        if (rc != CASIA_EPARSE) {
            if (ctx->err)
                *ctx->err = e;
            return rc;
        }
        if (counting)
            ctx->report->rows++;
        if ((rc = casia__import_bad_row(ctx, &e)) != CASIA_OK)
            return rc;
    }
}

/* ------------------------------------------------------------------ */
/* TIV tables                                                          */

/* Parses "TIV of arms exports to Kazakhstan, 1950-2021": direction (1 when
 * the named country receives) and its name. */
static int parse_title(const char *t, int *to, char *name, size_t size)
{
    const char *p = t, *comma;
    size_t n;
    if (strncmp(p, "TIV of arms ", 12) != 0)
        return -1;
    p += 12;
    if (strncmp(p, "exports ", 8) == 0 || strncmp(p, "imports ", 8) == 0)
        p += 8;
    else
        return -1;
    if (strncmp(p, "to ", 3) == 0) {
        *to = 1;
        p += 3;
    } else if (strncmp(p, "from ", 5) == 0) {
        *to = 0;
        p += 5;
    } else if (strncmp(p, "by ", 3) == 0) {
        *to = 1;
        p += 3;
    } else {
        return -1;
    }
    comma = strrchr(p, ',');
    n = comma ? (size_t)(comma - p) : strlen(p);
    if (n == 0 || n >= size)
        return -1;
    memcpy(name, p, n);
    name[n] = '\0';
    return 0;
}

/* The title (the country, and whether the table is of imports), the
 * notes (the "Generated:" line) and the header of years: years[i] the
 * year of column i, or -1. title and generated hold TEXT bytes.
 * CASIA_OK, or an error in ctx. */
static int tiv_header(casia__csv *c, casia__import_ctx *ctx, char *title,
                      char *generated, int *to, int *country, int **years,
                      size_t *ncols)
{
    char name[TEXT];
    casia_error e;
    size_t i;
    int rc;

    /* the title */
    if ((rc = next_record(c, ctx, 0)) <= 0) {
        if (rc == 0)
            rc = casia__error_set(ctx->err, CASIA_EFORMAT, ctx->name,
                                  "empty file: no SIPRI title line");
        return rc;
    }
    casia__csv_text(c, 0, title, TEXT, 1);
    if (parse_title(title, to, name, sizeof name) != 0) {
        rc = casia__csv_error(c, 0, ctx->err, CASIA_EFORMAT,
                              "not a SIPRI TIV table: the first line should "
                              "read \"TIV of arms exports to COUNTRY, "
                              "YEAR-YEAR\" (or \"from COUNTRY\")");
        return rc;
    }
    if (casia__country_resolve_n(country, name, strlen(name), &e) != CASIA_OK) {
        rc = casia__csv_error(c, 0, ctx->err, e.code, "the table's country: %s",
                              e.text);
        return rc;
    }

    /* notes, then the header of years */
    for (;;) {
        char first[TEXT];
        if ((rc = next_record(c, ctx, 0)) <= 0) {
            if (rc == 0)
                rc = casia__error_set(ctx->err, CASIA_EFORMAT, ctx->name,
                                      "no header of years in the SIPRI table");
            return rc;
        }
        casia__csv_text(c, 0, first, sizeof first, 1);
        if (strncmp(first, "Generated:", 10) == 0)
            snprintf(generated, TEXT, "%s", first);
        if (first[0] == '\0' && casia__csv_count(c) > 1) {
            size_t len;
            const char *f = casia__csv_field(c, 1, &len, NULL);
            if (casia__parse_year(f, len) > 0)
                break;
        }
    }
    *ncols = casia__csv_count(c);
    if (!(*years = calloc(*ncols, sizeof **years)))
        return casia__error_set(ctx->err, CASIA_ENOMEM, ctx->name, NULL);
    for (i = 1; i < *ncols; i++) {
        size_t len;
        const char *f = casia__csv_field(c, i, &len, NULL);
        (*years)[i] = casia__parse_year(f, len);   /* "Total" and "" give -1 */
    }
    return CASIA_OK;
}

int casia__import_sipri_tiv(casia_dataset **out, casia__csv *c,
                            casia__import_ctx *ctx)
{
    char base[256];
    casia__bulk *b = casia__bulk_new(0);
    casia_import_report *rep = ctx->report;
    char title[TEXT] = "", generated[TEXT] = "", desc[2 * TEXT];
    int *years = NULL, country = -1, to = 1, world = casia__country_world(), rc;
    size_t ncols = 0, i;
    unsigned ind;
    casia_error e;

    if (!b)
        return casia__error_set(ctx->err, CASIA_ENOMEM, ctx->name, NULL);
    if ((rc = casia__bulk_indicator(b, &ind, "arms.import_tiv", NULL, ctx->err)))
        goto fail;

    if ((rc = tiv_header(c, ctx, title, generated, &to, &country, &years,
                         &ncols)) != CASIA_OK)
        goto fail;

    /* one row per supplier (or recipient), then "Total" */
    for (;;) {
        int who, bad = 0;
        char row[TEXT];
        if ((rc = next_record(c, ctx, 1)) < 0)
            goto fail;
        if (rc == 0)
            break;
        if (casia__csv_blank(c))
            continue;
        rep->rows++;
        casia__csv_text(c, 0, row, sizeof row, 1);
        if (strcmp(row, "Total") == 0) {
            who = world;
        } else if ((who = sipri_country(c, 0, to ? "supplier" : "recipient", &e)) < 0) {
            if ((rc = casia__import_bad_row(ctx, &e)) != CASIA_OK)
                goto fail;
            continue;
        }
        if (casia__csv_count(c) > ncols) {
            for (i = ncols; i < casia__csv_count(c); i++)
                if (!casia__csv_empty(c, i))
                    break;
            if (i < casia__csv_count(c)) {
                casia__csv_error(c, i, &e, CASIA_ESCHEMA,
                                 "a value beyond the last column of the header");
                if ((rc = casia__import_bad_row(ctx, &e)) != CASIA_OK)
                    goto fail;
                continue;
            }
        }
        for (i = 1; i < ncols && i < casia__csv_count(c) && !bad; i++) {
            size_t len;
            const char *f;
            double v;
            char msg[256];
            if (years[i] < 0 || casia__csv_empty(c, i))
                continue;
            f = casia__csv_field(c, i, &len, NULL);
            if (casia__parse_number(f, len, &v) != 0 || v < 0) {
                casia__csv_error(c, i, &e, CASIA_ESCHEMA,
                                 "TIV \"%s\" for %d is not a number of zero or more",
                                 CASIA__EXCERPT(f, len, 40), years[i]);
                bad = 1;
                break;
            }
            rc = to ? casia__bulk_add(b, ind, country, who, years[i], -1, v,
                                      c->line, msg, sizeof msg)
                    : casia__bulk_add(b, ind, who, country, years[i], -1, v,
                                      c->line, msg, sizeof msg);
            if (rc == CASIA_ENOMEM) {
                rc = casia__error_set(ctx->err, rc, ctx->name, NULL);
                goto fail;
            }
            if (rc != CASIA_OK) {
                casia__csv_error(c, i, &e, rc, "%s", msg);
                bad = 1;
            }
        }
        if (bad) {
            if ((rc = casia__import_bad_row(ctx, &e)) != CASIA_OK)
                goto fail;
            continue;
        }
        rep->kept++;
    }
    free(years);
    snprintf(desc, sizeof desc,
             "SIPRI Arms Transfers Database, TIV table%s (%s)%s%s; figures "
             "are SIPRI trend-indicator values in millions; an empty cell is "
             "no delivery",
             casia__import_base(ctx, base, sizeof base),
             to ? "deliveries to the country by each supplier"
                : "deliveries by the country to each recipient",
             generated[0] ? "; " : "", generated);
    return finish(out, b, ctx, "sipri", title, desc);

fail:
    free(years);
    casia__bulk_free(b);
    return rc;
}

/* ------------------------------------------------------------------ */
/* The trade register                                                  */

/* The columns of the register: supplier, recipient, delivery year, TIV. */
enum { COL_SUP, COL_REC, COL_YEAR, COL_TIV };

/* Notes (the title, the "Data generated:" line), then the header: cols[]
 * the columns, *nheader its fields. title and generated hold TEXT bytes.
 * CASIA_OK, or an error in ctx. */
static int register_header(casia__csv *c, casia__import_ctx *ctx, char *title,
                           char *generated, int *cols, size_t *nheader)
{
    int col_sup = -1, col_rec = -1, col_year = -1, col_tiv = -1, rc;
    size_t i;

    /* notes, then the header */
    for (;;) {
        char first[TEXT];
        if ((rc = next_record(c, ctx, 0)) <= 0) {
            if (rc == 0)
                rc = casia__error_set(ctx->err, CASIA_EFORMAT, ctx->name,
                                      "not a SIPRI trade register: no header "
                                      "\"SIPRI AT Database ID,Supplier,...\"");
            return rc;
        }
        text_nosemi(c, 0, first, sizeof first);
        if (strncmp(first, "Transfers of major conventional arms", 36) == 0)
            snprintf(title, TEXT, "%s", first);
        if (strncmp(first, "Data generated:", 15) == 0)
            snprintf(generated, TEXT, "%s", first);
        if (strcmp(first, "SIPRI AT Database ID") == 0)
            break;
    }
    *nheader = casia__csv_count(c);
    for (i = 0; i < *nheader; i++) {
        char key[64], text[TEXT];
        text_nosemi(c, i, text, sizeof text);
        casia__header_key(key, sizeof key, text, strlen(text));
        if (strcmp(key, "supplier") == 0)
            col_sup = (int)i;
        else if (strcmp(key, "recipient") == 0)
            col_rec = (int)i;
        else if (strcmp(key, "deliveryyear") == 0)
            col_year = (int)i;
        else if (strcmp(key, "tivdeliveryvalues") == 0)
            col_tiv = (int)i;
    }
    if (col_sup < 0 || col_rec < 0 || col_year < 0 || col_tiv < 0)
        return casia__csv_error(c, 0, ctx->err, CASIA_EFORMAT,
                                "SIPRI register header without %s",
                                col_sup < 0 ? "Supplier" : col_rec < 0 ? "Recipient"
                                : col_year < 0 ? "Delivery year"
                                               : "TIV delivery values");
    cols[COL_SUP] = col_sup;
    cols[COL_REC] = col_rec;
    cols[COL_YEAR] = col_year;
    cols[COL_TIV] = col_tiv;
    return CASIA_OK;
}

int casia__import_sipri_register(casia_dataset **out, casia__csv *c,
                                 casia__import_ctx *ctx)
{
    char base[256];
    casia__bulk *b = casia__bulk_new(1);
    casia_import_report *rep = ctx->report;
    char title[TEXT] = "", generated[TEXT] = "", desc[3 * TEXT];
    int cols[4] = {-1, -1, -1, -1}, rc;
    size_t nheader = 0;
    unsigned ind;
    casia_error e;

    if (!b)
        return casia__error_set(ctx->err, CASIA_ENOMEM, ctx->name, NULL);
    if ((rc = casia__bulk_indicator(b, &ind, "arms.import_tiv", NULL, ctx->err)))
        goto fail;

    if ((rc = register_header(c, ctx, title, generated, cols, &nheader)) !=
        CASIA_OK)
        goto fail;

    /*
     * One row per deal and delivery year. The last columns' labels sit one
     * place off their values in this export (the figure under "SIPRI
     * estimate" is the TIV per unit, under "TIV deal unit" the TIV per
     * delivered unit), but "TIV delivery values" does hold the TIV of the
     * year's deliveries: on the first row (deal 55238, 12 mortars from
     * Albania to Burkina Faso in 2011) it reads 1.2 = 12 x 0.1. The
     * deliveries are summed per recipient, supplier and year.
     */
    for (;;) {
        int sup, recv, year;
        size_t len;
        const char *f;
        char tiv[64], msg[256];
        double v;
        if ((rc = next_record(c, ctx, 1)) < 0)
            goto fail;
        if (rc == 0)
            break;
        if (casia__csv_blank(c))
            continue;
        rep->rows++;
        if (casia__csv_count(c) != nheader) {
            casia__csv_error(c, casia__csv_count(c) < nheader ? casia__csv_count(c)
                                                              : nheader,
                             &e, CASIA_ESCHEMA, "the row has %lu fields, the "
                             "header %lu", (unsigned long)casia__csv_count(c),
                             (unsigned long)nheader);
            goto bad;
        }
        text_nosemi(c, (size_t)cols[COL_TIV], tiv, sizeof tiv);
        f = casia__csv_field(c, (size_t)cols[COL_YEAR], &len, NULL);
        if (tiv[0] == '\0' || len == 0) {
            rep->filtered++;   /* no TIV or no delivery year: nothing delivered */
            continue;
        }
        if ((year = casia__parse_year(f, len)) < 0) {
            casia__csv_error(c, (size_t)cols[COL_YEAR], &e, CASIA_ESCHEMA,
                             "delivery year \"%s\" is not a year from 1900 to 2100",
                             CASIA__EXCERPT(f, len, 20));
            goto bad;
        }
        if (casia__parse_number(tiv, strlen(tiv), &v) != 0 || v < 0) {
            casia__csv_error(c, (size_t)cols[COL_TIV], &e, CASIA_ESCHEMA,
                             "TIV \"%s\" is not a number of zero or more",
                             CASIA__EXCERPT(tiv, strlen(tiv), 40));
            goto bad;
        }
        if ((sup = sipri_country(c, (size_t)cols[COL_SUP], "supplier", &e)) < 0 ||
            (recv = sipri_country(c, (size_t)cols[COL_REC], "recipient", &e)) < 0)
            goto bad;
        rc = casia__bulk_add(b, ind, recv, sup, year, -1, v, c->line, msg, sizeof msg);
        if (rc == CASIA_ENOMEM) {
            rc = casia__error_set(ctx->err, rc, ctx->name, NULL);
            goto fail;
        }
        if (rc != CASIA_OK) {
            casia__csv_error(c, (size_t)cols[COL_TIV], &e, rc, "%s", msg);
            goto bad;
        }
        rep->kept++;
        continue;
    bad:
        if ((rc = casia__import_bad_row(ctx, &e)) != CASIA_OK)
            goto fail;
    }
    snprintf(desc, sizeof desc,
             "SIPRI Arms Transfers Database, trade register%s: TIV of the "
             "deliveries of each year summed per recipient and supplier%s%s",
             casia__import_base(ctx, base, sizeof base),
             generated[0] ? "; " : "", generated);
    return finish(out, b, ctx, "sipri_register",
                  title[0] ? title : "SIPRI Arms Transfers Database: trade register",
                  desc);

fail:
    casia__bulk_free(b);
    return rc;
}

/* ------------------------------------------------------------------ */
/* Detection (the registry in import.c asks record by record)          */

int casia__detect_sipri_tiv(const casia__csv *c, int record)
{
    return (record == 1 && casia__import_starts_with(c, 0, "TIV of arms ")) ||
           casia__import_starts_with(c, 0, "Figures are SIPRI Trend Indicator Values");
}

int casia__detect_sipri_register(const casia__csv *c, int record)
{
    return (record == 1 &&
            casia__import_starts_with(c, 0, "Transfers of major conventional arms")) ||
           casia__import_starts_with(c, 0, "SIPRI AT Database ID");
}
