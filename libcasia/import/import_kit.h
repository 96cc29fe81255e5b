/*
 * import_kit.h - the toolkit every importer shares (import_kit.c): country
 * codes by a direct table, header names, the import context, and the end
 * of every bulk import. Internal.
 */
#ifndef CASIA_IMPORT_KIT_H
#define CASIA_IMPORT_KIT_H

#include "internal.h"
#include "csv.h"
#include "bulk.h"

/* ------------------------------------------------------------------ */
/* Country codes of up to 3 characters, looked up in a direct table    */

/*
 * The registry's exact code forms (alpha-2, alpha-3, numerics, provider
 * codes such as W00 and X1) of 1 to 3 characters from [A-Za-z0-9_], each
 * mapped to its registry index by a table indexed by the characters
 * themselves: one load per look-up, no hashing, no string compare.
 * Numerics are also entered zero-padded ("4", "04", "004"). Anything else
 * falls back to casia__country_resolve_n().
 */
typedef struct casia__codemap {
    int16_t *table;   /* 38^3 entries: registry index, or -1 */
    /* a direct-mapped cache of the 3-byte codes met last, small enough to
     * stay in the first-level cache where the 110 KB table does not: the
     * code's bytes and (above bit 32) its index, 0 when empty */
    uint64_t *cache;
} casia__codemap;

#define CASIA__CODE_CACHE 1024

/* The table's slot of a code a, b, c is a + R * (b + R * c), each from
 * casia__code_chars (1..37 for [A-Za-z0-9_], 0 for anything else). */
#define CASIA__CODE_RADIX 38
extern const unsigned char casia__code_chars[256];

int casia__codemap_init(casia__codemap *m);
void casia__codemap_free(casia__codemap *m);
/* Registry index of text[0..len) (spaces around ignored), or -1 when the
 * registry does not know it (err then says why). */
int casia__codemap_find(const casia__codemap *m, const char *text, size_t len,
                        casia_error *err);

/* ------------------------------------------------------------------ */
/* Header names                                                        */

/* Normalises a header name for matching: ASCII letters and digits only,
 * lower-cased ("Trade Value (US$)" -> "tradevalueus"). */
void casia__header_key(char *dst, size_t size, const char *src, size_t len);

/* Whether the record has a field equal to key once normalised. */
int casia__import_has_column(const casia__csv *c, const char *key);
/* Whether field i of the record starts with prefix. */
int casia__import_starts_with(const casia__csv *c, size_t i, const char *prefix);

/* ------------------------------------------------------------------ */
/* Import context: options, report, strict or lenient                  */

typedef struct casia__import_ctx {
    const casia_import_options *opt;   /* never NULL */
    casia_import_report *report;       /* never NULL */
    casia_error *err;                  /* may be NULL */
    const char *name;                  /* the file or buffer name */
} casia__import_ctx;

/*
 * A bad row: in lenient mode it is counted (and its error kept in the
 * report) and CASIA_OK is returned; in strict mode the error is copied to
 * ctx->err and returned.
 */
int casia__import_bad_row(casia__import_ctx *ctx, const casia_error *row_err);

/*
 * The end of one data row, rc the row reader's: CASIA_OK (kept: counted),
 * 1 (a bad row, row_err set: casia__import_bad_row) or CASIA_ENOMEM.
 * CASIA_OK to read on, or the status that ends the import (its error in
 * ctx->err).
 */
int casia__import_row_done(casia__import_ctx *ctx, int rc, const casia_error *row_err);

/* " " and the file's base name as valid UTF-8 (Latin-1 converted, control
 * characters as '?', cut at a code point) in buf, or "" for a buffer
 * without a name; returns buf. */
const char *casia__import_base(const casia__import_ctx *ctx, char *buf, size_t size);

/* The source id to record: the option, else the file's base name without
 * extension (characters outside [A-Za-z0-9._-] as '_'), else fallback. */
void casia__import_source_id(char *dst, size_t size, const casia__import_ctx *ctx,
                             const char *fallback);

/* What an importer says of its source when the options do not say it. */
typedef struct casia__source_info {
    const char *id;            /* when there is no file name to make one of */
    const char *title;
    const char *publisher;
    const char *url;
    const char *description;
    casia_basis basis;
} casia__source_info;

/*
 * The end of every bulk import: the source id (the option, else from the
 * file's name, else src->id), the source's strings and the basis (the
 * options', else src's), the dataset made from b (freed in every case),
 * and the report's source id. casia__bulk_finish()'s status.
 */
int casia__import_finish(casia_dataset **out, casia__bulk *b,
                         casia__import_ctx *ctx, const casia__source_info *src);

#endif /* CASIA_IMPORT_KIT_H */
