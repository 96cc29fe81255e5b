/*
 * csv.h - libcasia's one CSV tokenizer (internal), used by every importer
 * and by the streaming aggregator.
 *
 * RFC 4180: fields separated by commas, records by LF or CRLF; a field may
 * be quoted, and then holds commas, line ends and doubled quotes. A UTF-8
 * byte-order mark at the start is skipped; a last record without a final
 * line end is read.
 *
 * It streams: a file is read with read() into one reused buffer (256 KiB,
 * grown only for a record longer than that), a buffer is read in place.
 * Nothing is allocated per record or per field: a record is the offsets of
 * its field ends in that buffer, valid until the next casia__csv_next().
 *
 * The scan looks at 64 bytes at a time: SSE2 compares give bit masks of
 * quotes, commas and line feeds; a prefix XOR of the quote mask gives the
 * bytes inside quotes, and the commas and line feeds outside them are the
 * field ends, visited by counting trailing zeros. Quotes are checked with
 * the same masks (an opening quote must follow a separator, a closing one
 * must precede one), so well-formed input costs a few instructions per 64
 * bytes plus a few per field.
 */
#ifndef CASIA_CSV_H
#define CASIA_CSV_H

#include "internal.h"
#include "number.h"

#include <string.h>

/* Default read buffer; a record longer than this grows it up to MAX. */
#define CASIA__CSV_BUFFER (256u * 1024u)
#define CASIA__CSV_MAX_RECORD (256u * 1024u * 1024u)

/* The scanners: SSE2 (all of x86-64) or plain C; AVX2 with BMI and
 * PCLMUL; AVX-512BW. Chosen when opening, from the processor. */
#define CASIA__ISA_BASE 0
#define CASIA__ISA_AVX2 1
#define CASIA__ISA_AVX512 2

typedef struct casia__csv {
    const char *name;           /* for messages (not owned) */
    int fd;                     /* -1: reading memory */
    char *buf;                  /* owned read buffer (file input) */
    size_t cap;                 /* its size, excluding padding */
    const char *mem;            /* memory input: all of it ... */
    size_t mem_size;            /* ... and its size */
    const char *data;           /* the bytes being read (a window of mem) */
    size_t len;                 /* valid bytes at data */
    int eof;                    /* no input after data[len] */
    int started;                /* the first bytes were looked at */
    int isa;                    /* CASIA__ISA_*: the scanner for this processor */
    unsigned long long base;    /* input offset of data[0] */

    /* scanning: the state at offset scan */
    size_t scan;                /* the next byte to scan */
    uint64_t inq;               /* all ones when scan is inside quotes */
    int prev_sep;               /* the byte before scan ends a field */
    int pending_close;          /* the byte before scan closes a quote */
    int quoted_lf;              /* a line feed inside quotes was seen:
                                   records count their lines */
    int err_kind;               /* a quoting error found by the scan ... */
    size_t err_at;              /* ... at this offset, not yet reported */

    /* the index of what was scanned: every field end (offsets in data),
     * and which of them end records */
    uint32_t *idx;
    size_t nidx, capidx;
    size_t idx_start;           /* the first field of the next record */
    uint32_t *recend;           /* positions in idx of record ends */
    size_t nrec, caprec, rec_i; /* records indexed, and handed out */

    /* the current record */
    size_t rec;                 /* its offset in data */
    size_t rec_next;            /* offset of the next record */
    uint32_t *end;              /* its field ends (offsets in data) */
    size_t nf;                  /* number of fields */
    unsigned long long line;    /* its first line (1-based) */
    unsigned long long next_line;

    int has_resync;             /* after an error: skip to the next line */
    size_t resync;              /* from this offset */
    unsigned long long resync_line;

    unsigned char tail[128];    /* zero-padded copy of a last partial block */
    casia_error ioerr;          /* a fatal error, reported by next() */
} casia__csv;

/* Opens a file for reading (EIO with err naming it). */
int casia__csv_open_file(casia__csv *c, const char *path, casia_error *err);
/* Reads a buffer in place (not copied; must outlive the tokenizer). */
void casia__csv_open_buffer(casia__csv *c, const char *data, size_t size,
                            const char *name);
void casia__csv_close(casia__csv *c);
/* Starts reading again from the first byte. EIO when a file cannot seek. */
int casia__csv_rewind(casia__csv *c, casia_error *err);

/*
 * Reads the next record: 1 when there is one, 0 at the end of the input,
 * or a negative status with err set: CASIA_EPARSE for broken quoting (the
 * rest of that line is skipped, so a lenient caller may go on with the
 * next call), CASIA_EIO, CASIA_ENOMEM, CASIA_ERANGE (a record longer than
 * CASIA__CSV_MAX_RECORD).
 */
int casia__csv_next(casia__csv *c, casia_error *err);

/* Line feeds in p[0..n) (a record's, when it has some inside quotes). */
unsigned long long casia__csv_count_lf(const char *p, size_t n);

/* Hands out the next record of the index (rec_i < nrec). */
static inline int casia__csv_take(casia__csv *c)
{
    const size_t first = c->idx_start, last = c->recend[c->rec_i];
    const size_t lf = c->idx[last];
    size_t a;
    c->rec = c->rec_next;
    c->end = c->idx + first;
    c->nf = last - first + 1;
    c->rec_next = lf + 1;
    a = c->nf > 1 ? c->idx[last - 1] + 1 : c->rec;
    if (lf > a && c->data[lf - 1] == '\r')
        c->idx[last] = (uint32_t)(lf - 1);
    c->line = c->next_line;
    c->next_line = c->line + 1 +
                   (c->quoted_lf ? casia__csv_count_lf(c->data + c->rec, lf - c->rec) : 0);
    c->idx_start = last + 1;
    c->rec_i++;
    return 1;
}

/* casia__csv_next, with its common case (a record already indexed)
 * inline: for the per-row loops. */
static inline int casia__csv_next_fast(casia__csv *c, casia_error *err)
{
    if (c->rec_i < c->nrec)
        return casia__csv_take(c);
    return casia__csv_next(c, err);
}

/* Number of fields of the current record. */
#define casia__csv_count(c) ((c)->nf)

/*
 * Field i of the current record without its quotes: *len bytes at the
 * returned pointer (not NUL-terminated). *quoted is set when the field was
 * quoted; a quoted field may hold doubled quotes (see casia__csv_unquote).
 */
static inline const char *casia__csv_field(const casia__csv *c, size_t i,
                                           size_t *len, int *quoted)
{
    size_t a, b;
    const char *p;
    if (i >= c->nf) {
        *len = 0;
        if (quoted)
            *quoted = 0;
        return "";
    }
    a = i ? c->end[i - 1] + 1 : c->rec;
    b = c->end[i];
    p = c->data + a;
    if (b > a && p[0] == '"') {
        /* checked by the scan: the closing quote is the last byte */
        if (quoted)
            *quoted = 1;
        *len = b - a >= 2 ? b - a - 2 : 0;
        return p + 1;
    }
    if (quoted)
        *quoted = 0;
    *len = b - a;
    return p;
}

/*
 * Copies field i into dst (of size dst_size, NUL-terminated) with doubled
 * quotes made single, and text that is not valid UTF-8 read as Latin-1
 * (ISO-8859-1) and converted. Leading and trailing spaces are removed when
 * trim is set. Returns the length, or -1 when dst is too small (then dst
 * holds as much as fits, cut at a code point boundary: still valid UTF-8).
 */
long casia__csv_text(const casia__csv *c, size_t i, char *dst,
                     size_t dst_size, int trim);

/*
 * Copies s[0..len), raw bytes of an input, into dst (size bytes,
 * NUL-terminated) for quoting in a message, so that every message is valid
 * UTF-8: text that is not valid UTF-8 is read as Latin-1 and converted (as
 * casia__csv_text does), control characters become '?', and text of more
 * than max code points is cut at a code point boundary and ends in "...".
 * dst of CASIA__EXCERPT_SIZE bytes holds max = 40. Returns dst.
 */
#define CASIA__EXCERPT_SIZE 192
const char *casia__csv_excerpt(char *dst, size_t size, const char *s,
                               size_t len, size_t max);
/* casia__csv_excerpt into a buffer of the enclosing block (a compound
 * literal), for an argument of a message: "%s" with CASIA__EXCERPT(p, len, 40). */
#define CASIA__EXCERPT(p, len, max)                                           \
    casia__csv_excerpt((char[CASIA__EXCERPT_SIZE]){0}, CASIA__EXCERPT_SIZE,   \
                       (p), (len), (max))

/* Whether field i is empty (after removing spaces). */
int casia__csv_empty(const casia__csv *c, size_t i);

/* Whether every field of the current record is empty: a blank line. */
int casia__csv_blank(const casia__csv *c);

/* Quick test for a blank line: one field, empty (spaces aside: see
 * casia__csv_blank for a line of empty fields). */
static inline int casia__csv_empty_line(const casia__csv *c)
{
    return c->nf == 1 && c->end[0] == c->rec;
}

/* Byte offset in the input of field i's first byte (its quote if any). */
unsigned long long casia__csv_offset(const casia__csv *c, size_t i);

/*
 * Sets err (code, source, line, column, offset and message) for field i of
 * the current record; i == count points after the last field. Returns code.
 */
int casia__csv_error(const casia__csv *c, size_t i, casia_error *err, int code,
                     const char *fmt, ...) CASIA__PRINTF(5, 6);

/* The end of the memory casia__parse_number_in may read for a field of the
 * current record: the padding after a file buffer, the end of a buffer. */
static inline const char *casia__csv_limit(const casia__csv *c)
{
    return c->fd >= 0 ? c->buf + c->cap + 64 : c->mem + c->mem_size;
}

#endif /* CASIA_CSV_H */
