/*
 * import_kit.c - the toolkit every importer shares: country codes looked
 * up in a direct table, header names matched once normalised, and the
 * import context (bad rows in strict and lenient mode, the file's name,
 * the source id) and the end of every bulk import.
 */
#include "import_kit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ */
/* The code map                                                        */

#define CODE_SLOTS (CASIA__CODE_RADIX * CASIA__CODE_RADIX * CASIA__CODE_RADIX)

/* 1..37 for [A-Za-z0-9_], 0 for anything else */
const unsigned char casia__code_chars[256] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 0, 0, 0, 0, 0, 0,           /* 0-9 */
    0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,               /* A-O */
    16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 0, 0, 0, 0, 37,         /* P-Z _ */
    0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,               /* a-o */
    16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 0, 0, 0, 0, 0,          /* p-z */
};

static int code_char(unsigned char ch)
{
    return casia__code_chars[ch];
}

/* Table slot of a 1..3 character code, or -1. */
static int code_slot(const char *s, size_t len)
{
    int a, b = 0, c = 0;
    if (len == 0 || len > 3)
        return -1;
    if (!(a = code_char((unsigned char)s[0])))
        return -1;
    if (len > 1 && !(b = code_char((unsigned char)s[1])))
        return -1;
    if (len > 2 && !(c = code_char((unsigned char)s[2])))
        return -1;
    return a + CASIA__CODE_RADIX * (b + CASIA__CODE_RADIX * c);
}

int casia__codemap_init(casia__codemap *m)
{
    size_t i;
    m->table = malloc(CODE_SLOTS * sizeof *m->table);
    m->cache = calloc(CASIA__CODE_CACHE, sizeof *m->cache);
    if (!m->table || !m->cache) {
        free(m->table);
        free(m->cache);
        m->table = NULL;
        m->cache = NULL;
        return CASIA_ENOMEM;
    }
    for (i = 0; i < CODE_SLOTS; i++)
        m->table[i] = -1;
    for (i = 0; i < casia__country_code_total; i++) {
        const char *t = casia__country_codes[i].text;
        size_t len = strlen(t);
        int slot = code_slot(t, len);
        if (slot < 0)
            continue;
        m->table[slot] = (int16_t)casia__country_codes[i].index;
        if (t[0] >= '0' && t[0] <= '9' && len < 3) {
            /* "4" is also written "04" and "004" */
            char pad[4];
            size_t k;
            for (k = len + 1; k <= 3; k++) {
                memset(pad, '0', k - len);
                memcpy(pad + (k - len), t, len);
                if ((slot = code_slot(pad, k)) >= 0 && m->table[slot] < 0)
                    m->table[slot] = (int16_t)casia__country_codes[i].index;
            }
        }
    }
    return CASIA_OK;
}

void casia__codemap_free(casia__codemap *m)
{
    free(m->table);
    free(m->cache);
    m->table = NULL;
    m->cache = NULL;
}

int casia__codemap_find(const casia__codemap *m, const char *text, size_t len,
                        casia_error *err)
{
    int slot, idx;
    while (len && (*text == ' ' || *text == '\t')) {
        text++;
        len--;
    }
    while (len && (text[len - 1] == ' ' || text[len - 1] == '\t'))
        len--;
    slot = code_slot(text, len);
    if (slot >= 0 && m->table[slot] >= 0)
        return m->table[slot];
    if (casia__country_resolve_n(&idx, text, len, err) == CASIA_OK)
        return idx;
    return -1;
}

/* ------------------------------------------------------------------ */
/* Header names                                                        */

void casia__header_key(char *dst, size_t size, const char *src, size_t len)
{
    size_t i, o = 0;
    for (i = 0; i < len && o + 1 < size; i++) {
        char ch = src[i];
        if (ch >= 'A' && ch <= 'Z')
            dst[o++] = (char)(ch - 'A' + 'a');
        else if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9'))
            dst[o++] = ch;
    }
    if (size)
        dst[o] = '\0';
}

/* Whether the record has a field equal to key once normalised. */
int casia__import_has_column(const casia__csv *c, const char *key)
{
    size_t i;
    for (i = 0; i < casia__csv_count(c); i++) {
        char k[64];
        size_t len;
        const char *f = casia__csv_field(c, i, &len, NULL);
        casia__header_key(k, sizeof k, f, len);
        if (strcmp(k, key) == 0)
            return 1;
    }
    return 0;
}

int casia__import_starts_with(const casia__csv *c, size_t i, const char *prefix)
{
    size_t len, n = strlen(prefix);
    const char *f = casia__csv_field(c, i, &len, NULL);
    return len >= n && memcmp(f, prefix, n) == 0;
}

/* ------------------------------------------------------------------ */
/* Shared by the importers                                             */

int casia__import_bad_row(casia__import_ctx *ctx, const casia_error *row_err)
{
    casia_import_report *rep = ctx->report;
    if (!ctx->opt->lenient) {
        if (ctx->err)
            *ctx->err = *row_err;
        return row_err->code ? row_err->code : CASIA_ESCHEMA;
    }
    rep->skipped++;
    if (rep->n_errors < CASIA_IMPORT_REPORT_ERRORS)
        rep->errors[rep->n_errors++] = *row_err;
    return CASIA_OK;
}

int casia__import_row_done(casia__import_ctx *ctx, int rc, const casia_error *row_err)
{
    if (rc == CASIA_ENOMEM)
        return casia__error_set(ctx->err, CASIA_ENOMEM, ctx->name, NULL);
    if (rc == CASIA_OK) {
        ctx->report->kept++;
        return CASIA_OK;
    }
    return casia__import_bad_row(ctx, row_err);
}

const char *casia__import_base(const casia__import_ctx *ctx, char *buf, size_t size)
{
    const char *base, *p;
    if (size == 0)
        return buf;
    buf[0] = '\0';
    if (!ctx->name || strcmp(ctx->name, "<buffer>") == 0 || size < 2)
        return buf;
    base = ctx->name;
    for (p = ctx->name; *p; p++)
        if (*p == '/' || *p == '\\')
            base = p + 1;
    /* a file name is bytes: what goes into a description must be UTF-8 */
    buf[0] = ' ';
    casia__csv_excerpt(buf + 1, size - 1, base, strlen(base), size);
    return buf;
}

void casia__import_source_id(char *dst, size_t size, const casia__import_ctx *ctx,
                             const char *fallback)
{
    const char *base, *p, *dot;
    size_t n, i;
    if (ctx->opt->source_id && *ctx->opt->source_id) {
        snprintf(dst, size, "%s", ctx->opt->source_id);
        return;
    }
    if (!ctx->name || strcmp(ctx->name, "<buffer>") == 0) {
        snprintf(dst, size, "%s", fallback);
        return;
    }
    base = ctx->name;
    for (p = ctx->name; *p; p++)
        if (*p == '/' || *p == '\\')
            base = p + 1;
    dot = strrchr(base, '.');
    n = dot && dot != base ? (size_t)(dot - base) : strlen(base);
    if (n == 0) {
        snprintf(dst, size, "%s", fallback);
        return;
    }
    if (n >= size)
        n = size - 1;
    for (i = 0; i < n; i++) {
        char ch = base[i];
        dst[i] = ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
                  (ch >= '0' && ch <= '9') || ch == '.' || ch == '_' || ch == '-')
                     ? ch : '_';
    }
    dst[n] = '\0';
}

/* ------------------------------------------------------------------ */
/* The end of every bulk import                                        */

int casia__import_finish(casia_dataset **out, casia__bulk *b,
                         casia__import_ctx *ctx, const casia__source_info *src)
{
    const casia_import_options *o = ctx->opt;
    char id[128];
    int rc;
    casia__import_source_id(id, sizeof id, ctx, src->id);
    rc = casia__bulk_finish(b, out, id, o->source_title ? o->source_title : src->title,
                            o->source_publisher ? o->source_publisher : src->publisher,
                            o->source_url ? o->source_url : src->url,
                            o->source_description ? o->source_description
                                                  : src->description,
                            o->basis != CASIA_BASIS_ANY ? o->basis : src->basis,
                            ctx->name, ctx->err);
    if (rc == CASIA_OK)
        snprintf(ctx->report->source_id, sizeof ctx->report->source_id, "%s", id);
    return rc;
}
