/*
 * libcasia/internal.h - declarations shared between the library's files.
 * Nothing here is installed or exported: every function is hidden by
 * -fvisibility=hidden and named casia__* (two underscores).
 */
#ifndef CASIA_INTERNAL_H
#define CASIA_INTERNAL_H

#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include "casia.h"

#if defined(__GNUC__)
#define CASIA__PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define CASIA__PRINTF(f, a)
#endif

/* ------------------------------------------------------------------ */
/* Errors (error.c)                                                    */

/*
 * Sets every field of err (if not NULL) with no position and returns code.
 * source may be NULL.
 */
int casia__error_set(casia_error *err, int code, const char *source,
                     const char *fmt, ...) CASIA__PRINTF(4, 5);
int casia__error_vset(casia_error *err, int code, const char *source,
                      const char *fmt, va_list ap) CASIA__PRINTF(4, 0);

/* The text of an errno value, thread-safely, in buf; returns buf. */
const char *casia__errno_text(int errnum, char *buf, size_t size);

/*
 * Sets the position of err from a byte offset in text[0..len): line and
 * column (in UTF-8 code points, both 1-based) and the offset itself.
 */
void casia__error_position(casia_error *err, const char *text, size_t len,
                           size_t offset);

/* ------------------------------------------------------------------ */
/* UTF-8 (utf8.c)                                                      */

/*
 * Returns the offset of the first byte of s[0..len) that is not part of
 * valid UTF-8 (overlong forms, surrogates and code points above U+10FFFF
 * are invalid), or len when all is valid.
 */
size_t casia__utf8_invalid_at(const char *s, size_t len);

/* Appends the UTF-8 form of Latin-1 text; returns bytes written (<= 2*len). */
size_t casia__latin1_to_utf8(char *dst, const char *src, size_t len);

/* ------------------------------------------------------------------ */
/* Interned strings (strtab.c)                                         */

/*
 * A table of distinct strings, each with a small id. Id 0 is always "".
 * Strings are stored in an arena and never move, so pointers handed out
 * stay valid until the table is freed.
 */
typedef struct casia__strtab {
    const char **strs;   /* id -> string */
    uint32_t count;      /* number of strings, including "" */
    uint32_t cap;
    uint32_t *slots;     /* open addressing: id + 1, 0 = empty */
    uint32_t nslots;     /* power of two */
    struct casia__arena_block *arena;
    size_t bytes;        /* memory held, for casia_dataset_memory_usage */
} casia__strtab;

int casia__strtab_init(casia__strtab *t);
void casia__strtab_free(casia__strtab *t);
/* Interns s[0..len); sets *id. CASIA_OK or CASIA_ENOMEM. */
int casia__strtab_intern(casia__strtab *t, const char *s, size_t len,
                         uint32_t *id);
/* Finds s[0..len) without inserting: CASIA_OK or CASIA_ENOTFOUND. */
int casia__strtab_find(const casia__strtab *t, const char *s, size_t len,
                       uint32_t *id);
#define casia__strtab_get(t, id) ((t)->strs[(id)])

/* ------------------------------------------------------------------ */
/* Country registry (country.c, generated countries.c)                 */

/* Entry of the generated registry, sorted by code. */
typedef struct casia__country_rec {
    const char *code;
    const char *alpha2;
    const char *numeric;
    const char *name;
    int kind;            /* casia_country_kind */
} casia__country_rec;

/* A normalised lookup key and what it resolves to. */
typedef struct casia__country_key {
    const char *key;     /* normalised text (see casia__normalize) */
    int index;           /* registry index, or -1 when ambiguous */
    const char *choices; /* when ambiguous: "KOR, PRK" */
} casia__country_key;

/* An exact code form (upper case; numerics without leading zeros). */
typedef struct casia__country_code {
    const char *text;
    int index;
} casia__country_code;

extern const casia__country_rec casia__countries[];
extern const size_t casia__country_total;
extern const casia__country_code casia__country_codes[]; /* sorted by text */
extern const size_t casia__country_code_total;
extern const casia__country_key casia__country_keys[];   /* sorted by key */
extern const size_t casia__country_key_total;

/* Registry index of a canonical code (exact, case-sensitive), or -1. */
int casia__country_index(const char *code);
/* Same for a code of len bytes (not NUL-terminated). */
int casia__country_index_n(const char *code, size_t len);
/* Resolves any form of text[0..len) (see casia_country_resolve). */
int casia__country_resolve_n(int *index, const char *text, size_t len,
                             casia_error *err);
#define casia__country_code(i) (casia__countries[(i)].code)
#define casia__country_kind(i) (casia__countries[(i)].kind)

/* Index of the aggregate "WLD" (the world), resolved once per call site. */
int casia__country_world(void);

/*
 * Normalises a name for matching (normalize.c, shared with the registry
 * generator): ASCII letters lower-cased, Latin letters with diacritics
 * folded to their base letters, "&" read as "and", every other ASCII
 * character dropped, other code points kept. Writes at most 3*len+1 bytes
 * to out (NUL-terminated); returns the length, or -1 for invalid UTF-8.
 */
int casia__normalize(char *out, const char *in, size_t len);

/* ------------------------------------------------------------------ */
/* Indicators (indicator.c)                                            */

/* Known indicators and their fixed units; NULL when unknown. */
const char *casia__indicator_unit(const char *id, size_t len);
/* Whether values of a known indicator must be >= 0 (unknown: no). */
int casia__indicator_nonnegative(const char *id);

/* ------------------------------------------------------------------ */
/* The store (dataset.c, builder.c)                                    */

/*
 * Observation key: indicator (dataset-local id), reporter and partner
 * (registry indices) and year, packed so that sorting keys sorts by
 * indicator, reporter, partner, year.
 */
#define CASIA__KEY(ind, rep, par, year)                                       \
    (((uint64_t)(ind) << 48) | ((uint64_t)(rep) << 32) |                      \
     ((uint64_t)(par) << 16) | (uint64_t)(year))
#define CASIA__KEY_IND(k) ((unsigned)((k) >> 48))
#define CASIA__KEY_REP(k) ((unsigned)(((k) >> 32) & 0xffffu))
#define CASIA__KEY_PAR(k) ((unsigned)(((k) >> 16) & 0xffffu))
#define CASIA__KEY_YEAR(k) ((int)((k) & 0xffffu))

#define CASIA__YEAR_MIN 1900
#define CASIA__YEAR_MAX 2100
#define CASIA__NO_COUNTRY 0xffffu

/* Records looked up by name start with the name's string id
 * (dataset.c's find_named relies on it). */
typedef struct casia__source_rec {
    uint32_t id, title, publisher, url, description;   /* string ids */
} casia__source_rec;

typedef struct casia__membership_rec {
    uint16_t country;
    uint16_t source;       /* source index */
    uint32_t organisation; /* string id */
    int16_t start_year;
    int16_t end_year;      /* 0 = open */
    uint32_t note;         /* string id, 0 = none */
} casia__membership_rec;

typedef struct casia__organisation_rec {
    uint32_t id, name, note;  /* string ids */
    uint16_t led_by;          /* CASIA__NO_COUNTRY when none */
    uint16_t source;          /* source index, 0xffff when none */
} casia__organisation_rec;

typedef struct casia__vote_rec {
    uint32_t resolution, date; /* string ids */
    uint16_t country;
    uint16_t source;
    uint8_t vote;              /* casia_vote_choice */
} casia__vote_rec;

typedef struct casia__event_rec {
    uint32_t id, date, partner, title, note; /* string ids; note 0 = none */
    uint16_t country;
    uint16_t source;
    uint8_t type;              /* casia_event_type */
    int16_t year, end_year;    /* end_year 0 = none */
} casia__event_rec;

typedef struct casia__resolution_rec {
    uint32_t id, date, title, note;  /* string ids; note 0 = none */
    uint16_t source;
} casia__resolution_rec;

struct casia_dataset {
    casia__strtab strings;        /* every string of the dataset */
    uint32_t title, description;  /* string ids, 0 = none */

    uint32_t n_indicators;        /* sorted by name */
    uint32_t *ind_name;           /* string ids */
    uint32_t *ind_unit;

    uint32_t n_sources;           /* sorted by id */
    casia__source_rec *sources;

    /* Observations, columnar, sorted by (key, basis, source). */
    size_t n_obs;
    uint64_t *obs_key;
    double *obs_value;
    uint16_t *obs_source;         /* source index */
    uint8_t *obs_basis;           /* casia_basis */
    uint32_t *obs_note;           /* string ids; NULL when no note at all */

    size_t n_memberships;
    casia__membership_rec *memberships;
    size_t n_organisations;       /* sorted by id */
    casia__organisation_rec *organisations;
    size_t n_votes;
    casia__vote_rec *votes;
    size_t n_events;              /* sorted by date, id */
    casia__event_rec *events;
    size_t n_resolutions;         /* sorted by date, id */
    casia__resolution_rec *resolutions;
};

/* First index i in [0, n) with keys[i] >= key (n when none). */
size_t casia__lower_bound(const uint64_t *keys, size_t n, uint64_t key);

/* Dataset-local id of an indicator name, or -1. */
int casia__dataset_indicator_id(const casia_dataset *ds, const char *name);
/* Index of a source id, or -1. */
int casia__dataset_source_index(const casia_dataset *ds, const char *id);
/* Fills a public observation from index i. */
void casia__dataset_fill(casia_observation *out, const casia_dataset *ds,
                         size_t i);

/*
 * The builder: collects records from a loader, then checks and sorts them
 * into an immutable dataset. Every record carries an "origin", a number
 * only the loader understands (a JSON path, a CSV line); when the builder
 * finds an error it asks the loader's locator to turn the origin into a
 * position.
 */
typedef struct casia__builder casia__builder;

typedef void (*casia__locator)(void *ctx, uint64_t origin, casia_error *err);

casia__builder *casia__builder_new(void);
void casia__builder_free(casia__builder *b);

/* Interns an indicator, checking the unit of a known one. unit may be
 * NULL for a known indicator. ESCHEMA (err set, no position) when the unit
 * disagrees with an earlier or the fixed one; ENOMEM. */
int casia__builder_indicator(casia__builder *b, uint16_t *id,
                             const char *name, const char *unit,
                             casia_error *err);
/* Interns a source id (a reference; its definition may come later). */
int casia__builder_source_ref(casia__builder *b, uint16_t *index,
                              const char *id);
/* Defines a source. ECONFLICT when defined twice differently. */
int casia__builder_source(casia__builder *b, const char *id,
                          const char *title, const char *publisher,
                          const char *url, const char *description,
                          uint64_t origin, casia_error *err);
/* Interns a note (NULL or "" give 0). */
int casia__builder_note(casia__builder *b, uint32_t *id, const char *note,
                        size_t len);
/* Adds an observation; strings were interned by the calls above. */
int casia__builder_obs(casia__builder *b, uint16_t indicator, int reporter,
                       int partner, int year, double value, casia_basis basis,
                       uint16_t source, uint32_t note, uint64_t origin);
int casia__builder_membership(casia__builder *b, int country,
                              const char *organisation, int start_year,
                              int end_year, const char *source,
                              const char *note, uint64_t origin);
int casia__builder_organisation(casia__builder *b, const char *id,
                                const char *name, int led_by,
                                const char *source, const char *note,
                                uint64_t origin, casia_error *err);
int casia__builder_vote(casia__builder *b, const char *resolution,
                        const char *date, int country, casia_vote_choice vote,
                        const char *source, uint64_t origin);
/* An event of the ledger (ledger.c): type, date ("YYYY", "YYYY-MM" or
 * "YYYY-MM-DD"), end_year 0 or not before the date's year, partner a
 * canonical country code or an organisation id (checked when finishing).
 * EINVAL for what does not fit. */
int casia__builder_event(casia__builder *b, const char *id,
                         casia_event_type type, const char *date, int end_year,
                         int country, const char *partner, const char *title,
                         const char *source, const char *note, uint64_t origin);
/* The title of a UN resolution; date YYYY-MM-DD. */
int casia__builder_resolution(casia__builder *b, const char *id,
                              const char *date, const char *title,
                              const char *source, const char *note,
                              uint64_t origin);
/* Sets the dataset's title and description (NULL = none). */
int casia__builder_meta(casia__builder *b, const char *title,
                        const char *description);
/* Number of observations added so far. */
size_t casia__builder_obs_count(const casia__builder *b);

/*
 * Checks, sorts and freezes. On success *out receives the dataset; the
 * builder is freed in every case. Errors: ESCHEMA (undefined source or
 * organisation led_by...), ECONFLICT (one key with two values), ENOMEM.
 * source_name goes into err->source.
 */
int casia__builder_finish(casia__builder *b, casia_dataset **out,
                          casia__locator locate, void *locate_ctx,
                          const char *source_name, casia_error *err);

/* ------------------------------------------------------------------ */
/* Exact sums (xsum.c)                                                 */

/*
 * An exact, order-independent sum of doubles: terms are rounded once to a
 * fixed point of 2^-52 and added in 128-bit integers, so any order and any
 * split into merged parts give the same result, bit for bit. Use it for
 * every sum of money. Terms must be finite with |x| < 2^62, totals below
 * 2^73.
 */
typedef struct casia__sum {
    int64_t hi;    /* 128-bit two's complement, units of 2^-52 */
    uint64_t lo;
} casia__sum;

void casia__sum_init(casia__sum *s);
/* CASIA_OK, or CASIA_ERANGE (term non-finite or >= 2^62, total >= 2^73). */
int casia__sum_add(casia__sum *s, double x);
void casia__sum_merge(casia__sum *s, const casia__sum *t);
int casia__sum_is_zero(const casia__sum *s);
/* The total, correctly rounded to a double. */
double casia__sum_value(const casia__sum *s);

/*
 * Sum of v[0..n) that depends only on the multiset of values: the exact
 * sum (to within n * 2^-190 of the largest term), correctly rounded, with
 * no sort. For sums of shares and squared shares (HHI), whose terms are
 * too small for casia__sum's fixed point.
 */
double casia__sum_canonical(const double *v, size_t n);

/* ------------------------------------------------------------------ */
/* Files (fileio.c)                                                    */

/* Reads a whole file. *out is NUL-terminated; free with free(). */
int casia__read_file(char **out, size_t *size, const char *path,
                     casia_error *err);

/* Reads the file at path and hands its bytes to load (the buffer variant
 * of a loader, which receives out and path as the name); the file is
 * freed after. Returns what load returns, or read's error. */
int casia__load_file(void *out, const char *path, casia_error *err,
                     int (*load)(void *out, const char *data, size_t size,
                                 const char *name, casia_error *err));

/* ------------------------------------------------------------------ */
/* The embedded default dataset (generated default_data.c)             */

extern const unsigned char casia__default_json[];
extern const size_t casia__default_json_size;
extern const char casia__default_json_sha256[];

/* The built-in claims (data/claims.json), compiled in (claims_data.c). */
extern const unsigned char casia__claims_json[];
extern const size_t casia__claims_json_size;
extern const char casia__claims_json_sha256[];

/* ------------------------------------------------------------------ */
/* JSON text shared by the readers of JSON files (json_read.c)         */

struct cJSON;

/* The text a JSON tree was parsed from, to find a value's position. */
typedef struct casia__json_text {
    const char *text;   /* the input after any byte-order mark */
    size_t len;
    size_t bom;         /* bytes skipped at the start */
    const char *name;   /* for messages */
} casia__json_text;

/*
 * Parses data[0..size) as one JSON value (valid UTF-8, no NUL, nothing
 * after it) into *root (free with cJSON_Delete) and fills *t. On failure
 * err says where and why: CASIA_EPARSE, CASIA_ENOMEM.
 */
int casia__json_parse(struct cJSON **root, casia__json_text *t,
                      const char *data, size_t size, const char *name,
                      casia_error *err);

/* Sets err's line, column and offset to those of the value at path (child
 * indices, level by level; an object member's key) in t. */
void casia__json_locate(const casia__json_text *t, casia_error *err,
                        const int *path, int depth);

#endif /* CASIA_INTERNAL_H */
