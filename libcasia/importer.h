/*
 * importer.h - what the importers (import*.c), the compact observation
 * accumulator (bulk.c) and the streaming aggregator (stream.c) share.
 * Internal: nothing here is installed or exported.
 */
#ifndef CASIA_IMPORTER_H
#define CASIA_IMPORTER_H

#include "internal.h"
#include "csv.h"

#include <string.h>

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
/* UN Comtrade: the columns of a file and the reading of one row       */

enum {
    CASIA__FLOW_M = 0, CASIA__FLOW_X = 1, CASIA__FLOW_RM = 2, CASIA__FLOW_RX = 3
};

typedef struct casia__comtrade {
    casia_format layout;       /* COMTRADE_PLUS or COMTRADE_LEGACY */
    size_t nheader;            /* fields of the header */
    int year, period, month, freq;
    int rep_iso, rep_code, par_iso, par_code;
    int flow, flow_desc, cmd, value;
    int partner2, mot, customs;
    int last;                  /* the largest column index used */
    /* options */
    unsigned flows;            /* mask of 1 << CASIA__FLOW_* */
    casia_commodity commodity;
    unsigned char chapter_ok[100];
    int sum_months;            /* monthly rows allowed */
    int year_only;             /* the month is not wanted (the stream adds
                                  up every row of a year): the year column
                                  is enough when there is one */
    casia__codemap codes;
} casia__comtrade;

/* One row as read. */
typedef struct casia__trade_row {
    int flow;          /* CASIA__FLOW_* */
    int reporter;      /* registry indices */
    int partner;
    int year;
    int month;         /* 0 annual, 1..12 */
    int chapter;       /* -1 for TOTAL, else the HS chapter 0..99 */
    double value;      /* finite, >= 0 */
} casia__trade_row;

/* Sets the options part of ct (and its code map). EINVAL for bad
 * chapters (err set). */
int casia__comtrade_init(casia__comtrade *ct, const casia_import_options *opt,
                         casia_error *err);
void casia__comtrade_free(casia__comtrade *ct);

/*
 * Reads the columns from the header record c holds. CASIA_OK, or
 * CASIA_EFORMAT when the record is not a Comtrade header (err set, no
 * position: the caller knows what the file looks like).
 */
int casia__comtrade_header(casia__comtrade *ct, const casia__csv *c,
                           casia_error *err);

/* Copies the columns of a header read by another (the options stay). */
void casia__comtrade_copy_layout(casia__comtrade *dst, const casia__comtrade *src);

/* Whether the record c holds is a Comtrade header. */
int casia__comtrade_is_header(const casia__csv *c);

/*
 * Reads the data record c holds: 0 when it gives a value (row filled),
 * 1 when the options or the layout leave it out (another flow or
 * commodity, a breakdown by partner2, mode of transport or customs
 * procedure, a blank line), or a negative status with err set at the field
 * (CASIA_ESCHEMA, CASIA_ENOTFOUND; CASIA_EFORMAT for a monthly row when
 * months are not to be summed: that one is never skipped).
 */
int casia__comtrade_row(const casia__comtrade *ct, const casia__csv *c,
                        casia__trade_row *row, casia_error *err);

/* ------------------------------------------------------------------ */
/* casia__sum_add's case of every money figure, inline                  */

/*
 * Adds x to s when 1 <= |x| < 2^62 and s is far from its bound, exactly as
 * casia__sum_add does (the term shifted into the 128-bit fixed point);
 * anything else goes to casia__sum_add. For the per-row loops.
 */
static inline int casia__sum_add_inline(casia__sum *s, double x)
{
    uint64_t bits, m, lo;
    int64_t hi;
    unsigned e;
    memcpy(&bits, &x, sizeof bits);
    e = (unsigned)((bits >> 52) & 0x7ff);
    if (e - 1023u >= 62u || s->hi >= ((int64_t)1 << 61) ||
        s->hi < -((int64_t)1 << 61))
        return casia__sum_add(s, x);
    m = (bits & ((1ULL << 52) - 1)) | (1ULL << 52);
    lo = m << (e - 1023u);
    hi = e - 1023u > 11u ? (int64_t)(m >> (64u - (e - 1023u))) : 0;
    if (bits >> 63) {
        lo = ~lo + 1;
        hi = ~hi + (lo == 0);
    }
    {
        uint64_t l = s->lo + lo;
        s->hi = (int64_t)((uint64_t)s->hi + (uint64_t)hi + (l < lo));
        s->lo = l;
    }
    return CASIA_OK;
}

/*
 * casia__sum_value for a positive sum from 2^12 (4096) to below 2^64 (most
 * money figures), inline: the top 53 of its bits, rounded
 * half to even on the rest; anything else goes to casia__sum_value.
 */
static inline double casia__sum_value_inline(const casia__sum *s)
{
#if defined(__GNUC__)
    uint64_t hi = (uint64_t)s->hi, mant, rest, half, b;
    unsigned shift;
    double r;
    if (s->hi <= 0 || hi >= (1ULL << 52))
        return casia__sum_value(s);
    /* the top bit is bit 64..115 of the 128: keep bits shift..shift+52 */
    shift = 127u - (unsigned)__builtin_clzll(hi) - 52u;   /* 12..63 */
    mant = (s->lo >> shift) | (hi << (64u - shift));
    rest = s->lo & ((1ULL << shift) - 1);
    half = 1ULL << (shift - 1);
    if (rest > half || (rest == half && (mant & 1)))
        mant++;
    if (mant >> 53) {   /* the rounding carried to 2^53 */
        mant >>= 1;
        shift++;
    }
    b = ((uint64_t)(1023u + shift) << 52) | (mant & ((1ULL << 52) - 1));
    memcpy(&r, &b, sizeof r);
    return r;
#else
    return casia__sum_value(s);
#endif
}

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

/* " " and the file's base name as valid UTF-8 (Latin-1 converted, control
 * characters as '?', cut at a code point) in buf, or "" for a buffer
 * without a name; returns buf. */
const char *casia__import_base(const casia__import_ctx *ctx, char *buf, size_t size);

/*
 * The periods of one (indicator, reporter, partner, year) seen so far, as
 * the store's importer (bulk.c) and the stream keep them: a 13-bit set,
 * bit 0 the whole year, bits 1..12 the months. Periods `add` clash with
 * `have` when one is there already, or when the year would be given both
 * whole and by months (a sum would count it twice).
 */
static inline int casia__periods_clash(unsigned have, unsigned add)
{
    return (have & add) || ((have & 1u) && (add & 0x1ffeu)) ||
           ((have & 0x1ffeu) && (add & 1u));
}

/* The message of such a clash ("trade.import KAZ-CHN: month 1 of 2023 is
 * given twice", "... 2023 is given both for the year and for months");
 * reporter and partner are registry indices. */
void casia__periods_clash_text(char *msg, size_t size, const char *indicator,
                               int reporter, int partner, int year, unsigned have,
                               unsigned add);

/* The source id to record: the option, else the file's base name without
 * extension (characters outside [A-Za-z0-9._-] as '_'), else fallback. */
void casia__import_source_id(char *dst, size_t size, const casia__import_ctx *ctx,
                             const char *fallback);

/* ------------------------------------------------------------------ */
/* The compact accumulator of one import's observations (bulk.c)        */

/*
 * Collects the observations of one import (one source, one basis) in 20
 * bytes each (or, when summing, an exact sum per key in a hash table), then
 * sorts them in place and hands the columns to a dataset without copying.
 * Used where imports are large; the general casia__builder stays for
 * datasets of many sources (tidy CSV, merges).
 */
typedef struct casia__bulk casia__bulk;

/* summing: values of one key are added (exactly); otherwise a key given
 * twice with different values is a conflict. */
casia__bulk *casia__bulk_new(int summing);
void casia__bulk_free(casia__bulk *b);

/*
 * For a summing import of a file ordered by year (as Comtrade's files are,
 * by period): once a row of a later year comes, the sums of the earlier
 * years are final and leave the table, so memory holds the table for one
 * year plus 16 bytes per final key. A row of a year already closed makes
 * casia__bulk_add return CASIA__BULK_UNORDERED: the caller starts again
 * without this (reading the input anew). Call before the first add.
 */
void casia__bulk_ordered(casia__bulk *b);
#define CASIA__BULK_UNORDERED 1

/* Interns an indicator (unit NULL for one libcasia knows). ESCHEMA when
 * the unit disagrees with the fixed one; ERANGE beyond 65535 indicators. */
int casia__bulk_indicator(casia__bulk *b, unsigned *id, const char *name,
                          const char *unit, casia_error *err);

/*
 * Adds a value. month: 1..12 or 0 (annual) when summing months, so that a
 * month given twice is caught; -1 when summing other parts (no check).
 * line is where the row is, for messages. CASIA_ECONFLICT (a month given
 * twice; msg filled), CASIA_ERANGE (msg filled), CASIA_ENOMEM.
 */
int casia__bulk_add(casia__bulk *b, unsigned ind, int reporter, int partner,
                    int year, int month, double value, unsigned long long line,
                    char *msg, size_t msg_size);

/* Number of observations (keys) so far. */
size_t casia__bulk_count(const casia__bulk *b);

/*
 * Makes the dataset: the indicators used, one source (the strings may be
 * NULL), every observation with the given basis. The accumulator is freed
 * in every case. CASIA_ECONFLICT (a key with two values: err names both
 * lines of name), CASIA_ENOMEM.
 */
int casia__bulk_finish(casia__bulk *b, casia_dataset **out, const char *source_id,
                       const char *title, const char *publisher, const char *url,
                       const char *description, casia_basis basis,
                       const char *name, casia_error *err);

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

/* Normalises a header name for matching: ASCII letters and digits only,
 * lower-cased ("Trade Value (US$)" -> "tradevalueus"). */
void casia__header_key(char *dst, size_t size, const char *src, size_t len);

/* Whether the record has a field equal to key once normalised. */
int casia__import_has_column(const casia__csv *c, const char *key);
/* Whether field i of the record starts with prefix. */
int casia__import_starts_with(const casia__csv *c, size_t i, const char *prefix);

#endif /* CASIA_IMPORTER_H */
