/*
 * importer.h - the importers (import_*.c), their tests of a header, and
 * the registry of formats that dispatches to them (import.c). What they
 * share is in import_kit.h. Internal: nothing here is installed or
 * exported.
 */
#ifndef CASIA_IMPORTER_H
#define CASIA_IMPORTER_H

#include "import_kit.h"

/* ------------------------------------------------------------------ */
/* The importers (each returns CASIA_OK and *out, or an error with       */
/* nothing left behind). c is open on the input; the first record has   */
/* not been read.                                                       */

int casia__import_comtrade(casia_dataset **out, casia__csv *c,
                           casia__import_ctx *ctx);
int casia__import_sipri_tiv(casia_dataset **out, casia__csv *c,
                            casia__import_ctx *ctx);
int casia__import_sipri_register(casia_dataset **out, casia__csv *c,
                                 casia__import_ctx *ctx);
int casia__import_wdi(casia_dataset **out, casia__csv *c,
                      casia__import_ctx *ctx);
int casia__import_tidy(casia_dataset **out, casia__csv *c,
                       casia__import_ctx *ctx);

/* Whether the header (or title) record c holds is the format's: record
 * is its number in the file, 1 for the first. */
int casia__detect_comtrade_plus(const casia__csv *c, int record);
int casia__detect_comtrade_legacy(const casia__csv *c, int record);
int casia__detect_comtrade_codes(const casia__csv *c, int record);
int casia__detect_sipri_tiv(const casia__csv *c, int record);
int casia__detect_sipri_register(const casia__csv *c, int record);
int casia__detect_wdi(const casia__csv *c, int record);
int casia__detect_wdi_metadata(const casia__csv *c, int record);
int casia__detect_tidy(const casia__csv *c, int record);

/* One row of the registry of formats (import.c). */
typedef struct casia__importer {
    casia_format format;
    const char *name;          /* casia_format_name() */
    const char *description;   /* casia_format_describe() */
    int (*detect)(const casia__csv *c, int record);
    int (*import)(casia_dataset **out, casia__csv *c, casia__import_ctx *ctx);
    const char *hint;          /* appended to "this looks like ..." */
} casia__importer;

/* Detection from the first bytes (import.c). */
casia_format casia__detect(const char *data, size_t size);

#endif /* CASIA_IMPORTER_H */
