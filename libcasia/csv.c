/*
 * csv.c - the CSV tokenizer every importer uses (see csv.h), and the
 * number parser that goes with it.
 */
#include "csv.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#if defined(__SSE2__) || defined(_M_X64)
#include <emmintrin.h>
#define CASIA__HAVE_SSE2 1
#endif

#ifndef O_CLOEXEC
#define O_CLOEXEC 0
#endif

#define PAD 64                    /* readable bytes after a buffer's end */

#if defined(__GNUC__)
#define HOT_INLINE static inline __attribute__((always_inline))
#else
#define HOT_INLINE static inline
#endif

enum { ERR_NONE, ERR_OPEN, ERR_CLOSE, ERR_UNCLOSED };

HOT_INLINE unsigned popcount64(uint64_t x)
{
#if defined(__GNUC__)
    return (unsigned)__builtin_popcountll(x);
#else
    unsigned n = 0;
    while (x) {
        x &= x - 1;
        n++;
    }
    return n;
#endif
}

/* Bit i of the result is the XOR of bits 0..i of x: with x the quotes of a
 * block, the bytes from an opening quote up to (not including) its closing
 * quote. */
HOT_INLINE uint64_t prefix_xor(uint64_t x)
{
    x ^= x << 1;
    x ^= x << 2;
    x ^= x << 4;
    x ^= x << 8;
    x ^= x << 16;
    x ^= x << 32;
    return x;
}

/* Masks of the quotes, commas and line feeds of 64 bytes at p. */
HOT_INLINE void block_masks(const unsigned char *p, uint64_t *q, uint64_t *cm,
                        uint64_t *lf)
{
#ifdef CASIA__HAVE_SSE2
    const __m128i vq = _mm_set1_epi8('"');
    const __m128i vc = _mm_set1_epi8(',');
    const __m128i vn = _mm_set1_epi8('\n');
    __m128i x0 = _mm_loadu_si128((const __m128i *)(const void *)p);
    __m128i x1 = _mm_loadu_si128((const __m128i *)(const void *)(p + 16));
    __m128i x2 = _mm_loadu_si128((const __m128i *)(const void *)(p + 32));
    __m128i x3 = _mm_loadu_si128((const __m128i *)(const void *)(p + 48));
#define M(x, v) ((uint64_t)(unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8((x), (v))))
    *q = M(x0, vq) | M(x1, vq) << 16 | M(x2, vq) << 32 | M(x3, vq) << 48;
    *cm = M(x0, vc) | M(x1, vc) << 16 | M(x2, vc) << 32 | M(x3, vc) << 48;
    *lf = M(x0, vn) | M(x1, vn) << 16 | M(x2, vn) << 32 | M(x3, vn) << 48;
#undef M
#else
    uint64_t a = 0, b = 0, c = 0;
    unsigned i;
    for (i = 0; i < 64; i++) {
        a |= (uint64_t)(p[i] == '"') << i;
        b |= (uint64_t)(p[i] == ',') << i;
        c |= (uint64_t)(p[i] == '\n') << i;
    }
    *q = a;
    *cm = b;
    *lf = c;
#endif
}

#if defined(__GNUC__) && defined(__x86_64__) && !defined(__AVX2__) && \
    (__GNUC__ >= 5 || defined(__clang__))
#include <immintrin.h>
#define CASIA__DISPATCH_AVX2 1
/* The same masks with 32-byte compares, on processors that have AVX2
 * (chosen at run time: SSE2 is all x86-64 guarantees). */
__attribute__((target("avx2"))) static inline
void block_masks_avx2(const unsigned char *p, uint64_t *q, uint64_t *cm,
                             uint64_t *lf)
{
    const __m256i vq = _mm256_set1_epi8('"');
    const __m256i vc = _mm256_set1_epi8(',');
    const __m256i vn = _mm256_set1_epi8('\n');
    __m256i a = _mm256_loadu_si256((const __m256i *)(const void *)p);
    __m256i b = _mm256_loadu_si256((const __m256i *)(const void *)(p + 32));
#define M(x, v) ((uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8((x), (v))))
    *q = M(a, vq) | M(b, vq) << 32;
    *cm = M(a, vc) | M(b, vc) << 32;
    *lf = M(a, vn) | M(b, vn) << 32;
#undef M
}

/* Prefix XOR by a carry-less multiply with all ones (PCLMULQDQ: every
 * processor with AVX2 has it). */
__attribute__((target("avx2,pclmul"))) static inline
uint64_t prefix_xor_clmul(uint64_t x)
{
    __m128i a = _mm_set_epi64x(0, (long long)x);
    __m128i ones = _mm_set1_epi8((char)0xFF);
    return (uint64_t)_mm_cvtsi128_si64(_mm_clmulepi64_si128(a, ones, 0));
}

/* Writes base + the position of every set bit of s to out, in order, and
 * returns how many: four at a time without a test (tzcnt of 0 is 64, and
 * what is written past the count is overwritten later), the way simdjson
 * flattens its bit sets. out needs room for the count rounded up to 4. */
__attribute__((target("avx2,bmi,popcnt"))) static inline
unsigned flatten_bmi(uint32_t *out, uint32_t base, uint64_t s)
{
    const unsigned cnt = (unsigned)_mm_popcnt_u64(s);
    unsigned k;
#define ONE(i) out[i] = base + (uint32_t)_tzcnt_u64(s); s = _blsr_u64(s)
    ONE(0); ONE(1); ONE(2); ONE(3);
    if (cnt > 4) {
        ONE(4); ONE(5); ONE(6); ONE(7);
        if (cnt > 8) {
            ONE(8); ONE(9); ONE(10); ONE(11);
            if (cnt > 12) {
                ONE(12); ONE(13); ONE(14); ONE(15);
                for (k = 16; s; k++) {
                    ONE(k);
                }
            }
        }
    }
#undef ONE
    return cnt;
}

/* The masks with one 64-byte compare each, straight into mask registers,
 * on processors with AVX-512BW. */
__attribute__((target("avx512f,avx512bw"))) static inline
void block_masks_avx512(const unsigned char *p, uint64_t *q, uint64_t *cm,
                        uint64_t *lf)
{
    const __m512i x = _mm512_loadu_si512((const void *)p);
    *q = (uint64_t)_mm512_cmpeq_epi8_mask(x, _mm512_set1_epi8('"'));
    *cm = (uint64_t)_mm512_cmpeq_epi8_mask(x, _mm512_set1_epi8(','));
    *lf = (uint64_t)_mm512_cmpeq_epi8_mask(x, _mm512_set1_epi8('\n'));
}

/* Flattening with VPCOMPRESSD: the positions of 16 bytes at a time,
 * compressed by their 16 bits of s and stored whole (what lies past the
 * count is overwritten later). out needs room for the count plus 16. */
__attribute__((target("avx512f,avx512bw,popcnt"))) static inline
unsigned flatten_avx512(uint32_t *out, uint32_t base, uint64_t s)
{
    const __m512i pos = _mm512_add_epi32(_mm512_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7, 8,
                                                           9, 10, 11, 12, 13, 14, 15),
                                         _mm512_set1_epi32((int)base));
    const __mmask16 k0 = (__mmask16)s, k1 = (__mmask16)(s >> 16),
                    k2 = (__mmask16)(s >> 32), k3 = (__mmask16)(s >> 48);
    const unsigned n1 = (unsigned)_mm_popcnt_u32(k0);
    const unsigned n2 = n1 + (unsigned)_mm_popcnt_u32(k1);
    const unsigned n3 = n2 + (unsigned)_mm_popcnt_u32(k2);
    _mm512_storeu_si512((void *)out, _mm512_maskz_compress_epi32(k0, pos));
    _mm512_storeu_si512((void *)(out + n1),
                        _mm512_maskz_compress_epi32(k1, _mm512_add_epi32(pos, _mm512_set1_epi32(16))));
    _mm512_storeu_si512((void *)(out + n2),
                        _mm512_maskz_compress_epi32(k2, _mm512_add_epi32(pos, _mm512_set1_epi32(32))));
    _mm512_storeu_si512((void *)(out + n3),
                        _mm512_maskz_compress_epi32(k3, _mm512_add_epi32(pos, _mm512_set1_epi32(48))));
    return n3 + (unsigned)_mm_popcnt_u32(k3);
}
#endif

/* ------------------------------------------------------------------ */
/* Opening and closing                                                 */

#define WINDOW (1u << 30)      /* memory input is read through a window of
                                  1 GiB, so that offsets fit in 32 bits */
#define BATCH (32u * 1024u)    /* bytes scanned into the index at a time */

static void init(casia__csv *c, const char *name)
{
    memset(c, 0, sizeof *c);
    c->name = name ? name : "<buffer>";
    c->fd = -1;
    c->line = c->next_line = 1;
    c->prev_sep = 1;
#ifdef CASIA__DISPATCH_AVX2
    c->isa = __builtin_cpu_supports("avx512bw") ? CASIA__ISA_AVX512
           : __builtin_cpu_supports("avx2") ? CASIA__ISA_AVX2 : CASIA__ISA_BASE;
#endif
}

/* A read buffer aligned to 64 bytes: the blocks the scanner loads then
 * each sit in one cache line (a misaligned 64-byte load touches two). */
static char *alloc_buffer(size_t size)
{
    void *p = NULL;
    if (posix_memalign(&p, 64, size) != 0)
        return NULL;
    return p;
}

int casia__csv_open_file(casia__csv *c, const char *path, casia_error *err)
{
    char ebuf[128];
    init(c, path);
    if (!path)
        return casia__error_set(err, CASIA_EINVAL, NULL, "no file name given");
    c->fd = open(path, O_RDONLY | O_CLOEXEC);
    if (c->fd < 0)
        return casia__error_set(err, CASIA_EIO, path, "cannot open: %s",
                                casia__errno_text(errno, ebuf, sizeof ebuf));
    c->cap = CASIA__CSV_BUFFER;
    c->buf = alloc_buffer(c->cap + PAD);
    if (!c->buf) {
        close(c->fd);
        c->fd = -1;
        return casia__error_set(err, CASIA_ENOMEM, path, NULL);
    }
    c->data = c->buf;
    return CASIA_OK;
}

void casia__csv_open_buffer(casia__csv *c, const char *data, size_t size,
                            const char *name)
{
    init(c, name);
    c->mem = data ? data : "";
    c->mem_size = data ? size : 0;
    c->data = c->mem;
    c->len = c->mem_size < WINDOW ? c->mem_size : WINDOW;
    c->eof = c->len == c->mem_size;
}

int casia__csv_rewind(casia__csv *c, casia_error *err)
{
    char ebuf[128];
    casia__csv keep = *c;
    if (c->fd >= 0 && lseek(c->fd, 0, SEEK_SET) != 0)
        return casia__error_set(err, CASIA_EIO, c->name, "cannot read it again: %s",
                                casia__errno_text(errno, ebuf, sizeof ebuf));
    init(c, keep.name);
    c->isa = keep.isa;
    c->fd = keep.fd;
    c->buf = keep.buf;
    c->cap = keep.cap;
    c->idx = keep.idx;
    c->capidx = keep.capidx;
    c->recend = keep.recend;
    c->caprec = keep.caprec;
    if (c->fd >= 0) {
        c->data = c->buf;
    } else {
        c->mem = keep.mem;
        c->mem_size = keep.mem_size;
        c->data = c->mem;
        c->len = c->mem_size < WINDOW ? c->mem_size : WINDOW;
        c->eof = c->len == c->mem_size;
    }
    return CASIA_OK;
}

void casia__csv_close(casia__csv *c)
{
    if (c->fd >= 0)
        close(c->fd);
    c->fd = -1;
    free(c->buf);
    free(c->idx);
    free(c->recend);
    c->buf = NULL;
    c->idx = c->recend = NULL;
}

/* ------------------------------------------------------------------ */
/* Reading                                                             */

/*
 * Drops data[0..keep) and reads more after what is left (a file: moved to
 * the start of the buffer, which doubles when full; memory: the window
 * slides). Offsets at or after keep move with the data; the index must be
 * empty (the caller rescans from keep). 0, or a fatal error.
 */
static int refill(casia__csv *c, size_t keep)
{
    char ebuf[128];
    ssize_t n;
#define SHIFT(x) ((x) = (x) >= keep ? (x) - keep : 0)
    SHIFT(c->rec);
    SHIFT(c->rec_next);
    SHIFT(c->scan);
    SHIFT(c->err_at);
    SHIFT(c->resync);
#undef SHIFT
    c->base += keep;
    if (c->fd < 0) {
        size_t left = c->mem_size - (size_t)c->base;
        c->data = c->mem + c->base;
        if (left <= WINDOW) {
            c->len = left;
            c->eof = 1;
        } else {
            c->len = WINDOW;
            if (keep == 0)
                return casia__error_set(&c->ioerr, CASIA_ERANGE, c->name,
                                        "a record longer than %u MiB",
                                        (unsigned)(WINDOW >> 20));
        }
        return CASIA_OK;
    }
    if (keep > 0)
        memmove(c->buf, c->buf + keep, c->len - keep);
    c->len -= keep;
    if (c->len == c->cap) {
        char *nb;
        size_t ncap = c->cap * 2;
        if (c->cap >= CASIA__CSV_MAX_RECORD)
            return casia__error_set(&c->ioerr, CASIA_ERANGE, c->name,
                                    "a record longer than %u MiB",
                                    (unsigned)(CASIA__CSV_MAX_RECORD >> 20));
        nb = alloc_buffer(ncap + PAD);
        if (!nb)
            return casia__error_set(&c->ioerr, CASIA_ENOMEM, c->name, NULL);
        memcpy(nb, c->buf, c->len);
        free(c->buf);
        c->buf = nb;
        c->cap = ncap;
    }
    c->data = c->buf;
    do
        n = read(c->fd, c->buf + c->len, c->cap - c->len);
    while (n < 0 && errno == EINTR);
    if (n < 0)
        return casia__error_set(&c->ioerr, CASIA_EIO, c->name,
                                "cannot read: %s",
                                casia__errno_text(errno, ebuf, sizeof ebuf));
    if (n == 0)
        c->eof = 1;
    c->len += (size_t)n;
    return CASIA_OK;
}

/* Empties the index and restarts the scan at a record start. */
static void restart_at(casia__csv *c, size_t at)
{
    c->nidx = c->idx_start = 0;
    c->nrec = c->rec_i = 0;
    c->scan = at;
    c->inq = 0;
    c->prev_sep = 1;
    c->pending_close = 0;
    c->err_kind = ERR_NONE;
}

/* The first look at the input: skips a UTF-8 byte-order mark. */
static int start(casia__csv *c)
{
    c->started = 1;
    while (c->len < 3 && !c->eof) {
        int rc = refill(c, 0);
        if (rc != CASIA_OK)
            return rc;
    }
    if (c->len >= 3 && (unsigned char)c->data[0] == 0xEF &&
        (unsigned char)c->data[1] == 0xBB && (unsigned char)c->data[2] == 0xBF)
        c->rec_next = c->scan = 3;
    return CASIA_OK;
}

/* Makes room in the index for entries more field ends and records. */
static int reserve(casia__csv *c, size_t entries)
{
    if (c->nidx + entries > c->capidx) {
        size_t ncap = c->capidx ? c->capidx : 4096;
        uint32_t *ni;
        while (ncap < c->nidx + entries)
            ncap *= 2;
        if (!(ni = realloc(c->idx, ncap * sizeof *ni)))
            return casia__error_set(&c->ioerr, CASIA_ENOMEM, c->name, NULL);
        c->idx = ni;
        c->capidx = ncap;
    }
    if (c->nrec + entries > c->caprec) {
        size_t ncap = c->caprec ? c->caprec : 1024;
        uint32_t *nr;
        while (ncap < c->nrec + entries)
            ncap *= 2;
        if (!(nr = realloc(c->recend, ncap * sizeof *nr)))
            return casia__error_set(&c->ioerr, CASIA_ENOMEM, c->name, NULL);
        c->recend = nr;
        c->caprec = ncap;
    }
    return CASIA_OK;
}

/* The scanner's state, kept in registers for a batch. */
typedef struct scan_regs {
    uint64_t inq;
    uint64_t prev_sep, pending_close;   /* 0 or 1, ready for bit operations */
    const unsigned char *data;
    uint32_t *idx, *recend;
    size_t n, nrec;
    int quoted_lf;                      /* a line feed inside quotes */
} scan_regs;

/* Finds the first quoting error of a block whose quotes failed the quick
 * test; sets c->err_kind and c->err_at, or nothing when all is well after
 * all (a closing quote followed by CR LF). */
static void quote_error(casia__csv *c, const unsigned char *p, size_t at,
                        uint64_t bad_open, uint64_t bad_close, int bad_pending)
{
    size_t err = (size_t)-1;
    int kind = ERR_NONE;
    if (bad_pending) {
        err = at;
        kind = ERR_CLOSE;
    }
    while (bad_close) {
        unsigned b = casia__ctz64(bad_close);
        size_t after = at + b + 1;
        bad_close &= bad_close - 1;
        /* CR LF ends the record; a CR at the end of what is read so far
         * is taken on trust */
        if (p[b + 1] == '\r' &&
            (after + 1 >= c->len || c->data[after + 1] == '\n'))
            continue;
        if (after < err) {
            err = after;
            kind = ERR_CLOSE;
        }
        break;
    }
    if (bad_open && at + casia__ctz64(bad_open) < err) {
        err = at + casia__ctz64(bad_open);
        kind = ERR_OPEN;
    }
    if (kind != ERR_NONE) {
        c->err_kind = kind;
        c->err_at = err;
    }
}

/*
 * Indexes one 64-byte block at offset at (p holds its bytes; end_bit marks
 * where the input ends in a last, partial block). Returns 1 when a quoting
 * error stops the batch (the field ends before it are indexed).
 */
HOT_INLINE int index_block(casia__csv *c, scan_regs *r, const unsigned char *p,
                           size_t at, uint64_t end_bit, int isa)
{
    uint64_t q, cm, lf, inside, seps, nl;
    const uint32_t base = (uint32_t)at;
    int stop = 0;
#ifdef CASIA__DISPATCH_AVX2
    if (isa == CASIA__ISA_AVX512)
        block_masks_avx512(p, &q, &cm, &lf);
    else if (isa == CASIA__ISA_AVX2)
        block_masks_avx2(p, &q, &cm, &lf);
    else
#endif
        block_masks(p, &q, &cm, &lf);
    if (q | r->pending_close) {
        uint64_t open_q, close_q, bad_open, bad_close;
        int bad_pending;
#ifdef CASIA__DISPATCH_AVX2
        if (isa != CASIA__ISA_BASE)
            inside = prefix_xor_clmul(q) ^ r->inq;
        else
#endif
            inside = prefix_xor(q) ^ r->inq;
        seps = (cm | lf) & ~inside;
        open_q = q & inside;
        close_q = q & ~inside;
        /* an opening quote follows a field end (or the closing quote of a
         * doubled pair); a closing quote precedes a field end, the end of
         * the input, a CR or the second quote of a pair (the last byte's
         * follower is in the next block) */
        bad_open = open_q & ~(((seps | close_q) << 1) | r->prev_sep);
        bad_close = close_q & ~((seps | open_q | end_bit) >> 1) & ~(1ULL << 63);
        bad_pending = r->pending_close && !((seps | open_q) & 1) && p[0] != '\r';
        if (bad_open | bad_close | (uint64_t)bad_pending) {
            quote_error(c, p, at, bad_open, bad_close, bad_pending);
            if (c->err_kind) {
                uint64_t keep = c->err_at > at ? (~0ULL >> (64 - (c->err_at - at))) : 0;
                seps &= keep;
                lf &= keep;
                stop = 1;
            }
        }
        r->pending_close = close_q >> 63;
        r->prev_sep = (seps | close_q) >> 63;
    } else {
        inside = r->inq;
        seps = (cm | lf) & ~inside;
        r->prev_sep = seps >> 63;
    }
    r->inq = 0 - (inside >> 63);   /* all ones when inside quotes */

    /* every field end of the block into the index */
    nl = lf & ~inside;
    {
        const size_t n0 = r->n;
#ifdef CASIA__DISPATCH_AVX2
        if (isa == CASIA__ISA_AVX512) {
            r->n += flatten_avx512(r->idx + n0, base, seps);
        } else if (isa == CASIA__ISA_AVX2) {
            r->n += flatten_bmi(r->idx + n0, base, seps);
        } else
#endif
        {
            uint64_t s = seps;
            size_t n = n0;
            while (s) {
                r->idx[n++] = base + casia__ctz64(s);
                s &= s - 1;
            }
            r->n = n;
        }
        if (nl) {
            /* which of them end records */
            do {
                const unsigned b = casia__ctz64(nl);
                r->recend[r->nrec++] = (uint32_t)(n0 + popcount64(seps & ((1ULL << b) - 1)));
                nl &= nl - 1;
            } while (nl);
        }
        if (lf & inside)
            r->quoted_lf = 1;   /* records will count their lines */
    }
    return stop;
}

/*
 * Scans up to BATCH bytes from c->scan into the index: the field ends
 * (commas and line feeds outside quotes) and which of them end records.
 * The state lives in registers for the whole batch. A quoting error stops
 * the batch: the field ends before it are indexed, and next() reports the
 * record that holds it. Returns 0, or a fatal error.
 */
HOT_INLINE int scan_batch(casia__csv *c, int isa)
{
    size_t at = c->scan, stop, whole;
    scan_regs r;
    int rc;

    /* whole blocks, then at the end of the input the last partial one */
    whole = c->len - (c->len - at) % 64;
    stop = whole - at > BATCH ? at + BATCH : whole;
    if ((rc = reserve(c, (stop - at) + 128)) != CASIA_OK)   /* + what the
                                               flattening writes past */
        return rc;
    r.inq = c->inq;
    r.quoted_lf = c->quoted_lf;
    r.prev_sep = (uint64_t)(c->prev_sep != 0);
    r.pending_close = (uint64_t)(c->pending_close != 0);
    r.data = (const unsigned char *)c->data;
    r.idx = c->idx;
    r.recend = c->recend;
    r.n = c->nidx;
    r.nrec = c->nrec;
    for (; at < stop; at += 64)
        if (index_block(c, &r, r.data + at, at, 0, isa)) {
            at += 64;
            goto done;
        }
    if (c->eof && at == whole && at < c->len) {
        size_t valid = c->len - at;
        memcpy(c->tail, c->data + at, valid);
        memset(c->tail + valid, 0, sizeof c->tail - valid);
        index_block(c, &r, c->tail, at, 1ULL << valid, isa);
        at = c->len;
    }
done:
    c->scan = at < c->len ? at : c->len;
    c->inq = r.inq;
    c->quoted_lf = r.quoted_lf;
    c->prev_sep = (int)r.prev_sep;
    c->pending_close = (int)r.pending_close;
    c->nidx = r.n;
    c->nrec = r.nrec;
    return CASIA_OK;
}

/* Sets err for a byte offset (in data) of the current record. */
static int error_at(const casia__csv *c, size_t off, casia_error *err,
                    int code, const char *fmt, va_list ap) CASIA__PRINTF(5, 0);

static int error_at(const casia__csv *c, size_t off, casia_error *err,
                    int code, const char *fmt, va_list ap)
{
    casia__error_vset(err, code, c->name, fmt, ap);
    if (err) {
        unsigned long long line;
        if (off < c->rec)
            off = c->rec;
        if (off > c->len)
            off = c->len;
        casia__error_position(err, c->data + c->rec, c->len - c->rec,
                              off - c->rec);
        line = c->line + (unsigned long long)err->line - 1;
        err->line = line > 0x7fffffffULL ? 0x7fffffff : (int)line;
        err->offset = (long long)(c->base + off);
    }
    return code;
}

static int error_at_f(const casia__csv *c, size_t off, casia_error *err,
                      int code, const char *fmt, ...) CASIA__PRINTF(5, 6);

static int error_at_f(const casia__csv *c, size_t off, casia_error *err,
                      int code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    error_at(c, off, err, code, fmt, ap);
    va_end(ap);
    return code;
}

/* Reports the quoting error of the record at rec_next and arranges for
 * the next call to go on after the line that holds it. */
static int report_bad(casia__csv *c, casia_error *err)
{
    static const casia_error none;
    casia_error tmp = none;
    casia_error *e = err ? err : &tmp;
    const char *what =
        c->err_kind == ERR_OPEN
            ? "a quote inside an unquoted field (a field holding quotes "
              "must be quoted whole, with its quotes doubled)"
        : c->err_kind == ERR_CLOSE
            ? "text after the closing quote of a field"
            : "a quoted field is not closed: its quote runs to the end of "
              "the input";
    c->rec = c->rec_next;
    c->line = c->next_line;
    c->nf = 0;
    error_at_f(c, c->err_at, e, CASIA_EPARSE, "%s", what);
    c->has_resync = 1;
    c->resync = c->err_at;
    c->resync_line = (unsigned long long)e->line;
    c->err_kind = ERR_NONE;
    return CASIA_EPARSE;
}

/* Skips to the line after c->resync and starts afresh there. */
static int do_resync(casia__csv *c)
{
    size_t pos;
    c->has_resync = 0;
    c->rec = c->rec_next = c->resync;
    restart_at(c, c->resync);
    for (;;) {
        const char *nl = c->resync < c->len
                             ? memchr(c->data + c->resync, '\n', c->len - c->resync)
                             : NULL;
        if (nl) {
            pos = (size_t)(nl - c->data) + 1;
            c->next_line = c->resync_line + 1;
            break;
        }
        if (c->eof) {
            pos = c->len;
            break;
        }
        c->resync = c->len;
        {
            int rc = refill(c, c->len);
            if (rc != CASIA_OK)
                return rc;
        }
    }
    c->rec = c->rec_next = pos;
    restart_at(c, pos);
    return CASIA_OK;
}

unsigned long long casia__csv_count_lf(const char *p, size_t n)
{
    unsigned long long k = 0;
    const char *e = p + n;
    while ((p = memchr(p, '\n', (size_t)(e - p))) != NULL) {
        k++;
        p++;
    }
    return k;
}

/* Where the quote that runs to the end of the input opens: the last field
 * of the record at rec_next that starts with a quote not closed. */
static size_t unclosed_quote(const casia__csv *c)
{
    size_t i = c->rec_next, open = c->rec_next;
    int in = 0, at_start = 1;
    for (; i < c->len; i++) {
        char ch = c->data[i];
        if (in) {
            if (ch == '"') {
                if (i + 1 < c->len && c->data[i + 1] == '"')
                    i++;
                else
                    in = 0;
            }
        } else if (ch == '"' && at_start) {
            in = 1;
            open = i;
        }
        at_start = !in && (ch == ',' || ch == '\n');
    }
    return open;
}

/* The reader, compiled twice: for any x86-64 (or other) processor, and
 * with AVX2 and BMI for those that have them (chosen when opening). */
HOT_INLINE int next_impl(casia__csv *c, casia_error *err, int isa)
{
    int rc;

    if (c->ioerr.code) {
        if (err)
            *err = c->ioerr;
        return c->ioerr.code;
    }
    if (!c->started && (rc = start(c)) != CASIA_OK)
        goto io;
    if (c->has_resync && (rc = do_resync(c)) != CASIA_OK)
        goto io;
    for (;;) {
        if (c->rec_i < c->nrec)
            return casia__csv_take(c);   /* a record of the index */
        if (c->err_kind)
            return report_bad(c, err);
        if (c->scan + 64 <= c->len || (c->eof && c->scan < c->len)) {
            /* index more: first drop what was handed out */
            if (c->idx_start > 0) {
                memmove(c->idx, c->idx + c->idx_start,
                        (c->nidx - c->idx_start) * sizeof *c->idx);
                c->nidx -= c->idx_start;
                c->idx_start = 0;
            }
            c->nrec = c->rec_i = 0;
            if ((rc = scan_batch(c, isa)) != CASIA_OK)
                goto io;
            continue;
        }
        if (!c->eof) {
            /* read more, then index again from the unfinished record */
            size_t keep = c->rec_next;
            restart_at(c, keep);
            if ((rc = refill(c, keep)) != CASIA_OK)
                goto io;
            continue;
        }
        /* the end of the input */
        if (c->inq) {
            c->err_kind = ERR_UNCLOSED;
            c->err_at = unclosed_quote(c);
            c->inq = 0;
            return report_bad(c, err);
        }
        if (c->rec_next < c->len || c->nidx > c->idx_start) {
            /* a last record without a line end */
            size_t first = c->idx_start, a;
            if ((rc = reserve(c, 1)) != CASIA_OK)
                goto io;
            c->idx[c->nidx++] = (uint32_t)c->len;
            c->rec = c->rec_next;
            c->end = c->idx + first;
            c->nf = c->nidx - first;
            a = c->nf > 1 ? c->idx[c->nidx - 2] + 1 : c->rec;
            if (c->len > a && c->data[c->len - 1] == '\r')
                c->idx[c->nidx - 1] = (uint32_t)(c->len - 1);
            c->rec_next = c->len;
            c->line = c->next_line;
            c->next_line = c->line + 1 +
                           (c->quoted_lf ? casia__csv_count_lf(c->data + c->rec,
                                                               c->len - c->rec) : 0);
            c->idx_start = c->nidx;
            return 1;
        }
        return 0;
    }
io:
    if (err)
        *err = c->ioerr;
    return c->ioerr.code ? c->ioerr.code : rc;
}

static int next_generic(casia__csv *c, casia_error *err)
{
    return next_impl(c, err, CASIA__ISA_BASE);
}

#ifdef CASIA__DISPATCH_AVX2
__attribute__((target("avx2,bmi,bmi2,popcnt,lzcnt,pclmul")))
static int next_avx2(casia__csv *c, casia_error *err)
{
    return next_impl(c, err, CASIA__ISA_AVX2);
}

__attribute__((target("avx2,bmi,bmi2,popcnt,lzcnt,pclmul,avx512f,avx512bw")))
static int next_avx512(casia__csv *c, casia_error *err)
{
    return next_impl(c, err, CASIA__ISA_AVX512);
}
#endif

int casia__csv_next(casia__csv *c, casia_error *err)
{
#ifdef CASIA__DISPATCH_AVX2
    if (c->isa == CASIA__ISA_AVX512)
        return next_avx512(c, err);
    if (c->isa == CASIA__ISA_AVX2)
        return next_avx2(c, err);
#endif
    return next_generic(c, err);
}

/* ------------------------------------------------------------------ */
/* Fields                                                              */

static int is_space(char ch)
{
    return ch == ' ' || ch == '\t';
}

long casia__csv_text(const casia__csv *c, size_t i, char *dst, size_t dst_size,
                     int trim)
{
    size_t len, k, o = 0;
    int quoted, latin1;
    const char *p = casia__csv_field(c, i, &len, &quoted);
    if (trim) {
        while (len && is_space(*p)) {
            p++;
            len--;
        }
        while (len && is_space(p[len - 1]))
            len--;
    }
    latin1 = casia__utf8_invalid_at(p, len) != len;
    if (dst_size == 0)
        return -1;
    for (k = 0; k < len; k++) {
        unsigned char ch = (unsigned char)p[k];
        if (quoted && ch == '"' && k + 1 < len && p[k + 1] == '"')
            k++;
        if (latin1 && ch >= 0x80) {
            if (o + 2 >= dst_size)
                break;
            dst[o++] = (char)(0xC0 | (ch >> 6));
            dst[o++] = (char)(0x80 | (ch & 0x3F));
        } else {
            if (o + 1 >= dst_size)
                break;
            dst[o++] = (char)ch;
        }
    }
    if (k < len && !latin1)
        o = casia__utf8_invalid_at(dst, o);   /* not half a sequence */
    dst[o] = '\0';
    return k < len ? -1 : (long)o;
}

const char *casia__csv_excerpt(char *dst, size_t size, const char *s,
                               size_t len, size_t max)
{
    const int latin1 = casia__utf8_invalid_at(s, len) != len;
    size_t i = 0, o = 0, chars = 0;
    if (size == 0)
        return dst;
    while (i < len) {
        unsigned char ch = (unsigned char)s[i];
        char seq[4];
        size_t in = 1, out = 1, k;
        if (ch < 0x20 || ch == 0x7f) {
            seq[0] = '?';
        } else if (ch < 0x80) {
            seq[0] = (char)ch;
        } else if (latin1) {
            seq[0] = (char)(0xC0 | (ch >> 6));
            seq[1] = (char)(0x80 | (ch & 0x3F));
            out = 2;
        } else {
            /* valid UTF-8: the whole sequence or nothing */
            in = out = ch >= 0xF0 ? 4 : ch >= 0xE0 ? 3 : 2;
            memcpy(seq, s + i, in);
        }
        if (chars == max || o + out + 4 > size) {
            /* "..." says it goes on (when it fits) */
            for (k = 0; k < 3 && o + 1 < size; k++)
                dst[o++] = '.';
            break;
        }
        memcpy(dst + o, seq, out);
        o += out;
        i += in;
        chars++;
    }
    dst[o] = '\0';
    return dst;
}

int casia__csv_empty(const casia__csv *c, size_t i)
{
    size_t len, k;
    const char *p = casia__csv_field(c, i, &len, NULL);
    for (k = 0; k < len; k++)
        if (!is_space(p[k]))
            return 0;
    return 1;
}

int casia__csv_blank(const casia__csv *c)
{
    size_t i;
    for (i = 0; i < c->nf; i++)
        if (!casia__csv_empty(c, i))
            return 0;
    return 1;
}

/* Offset in data of field i's first byte (i == nf: the record's end). */
static size_t field_start(const casia__csv *c, size_t i)
{
    if (i == 0 || c->nf == 0)
        return c->rec;
    if (i >= c->nf)
        return c->end[c->nf - 1];
    return c->end[i - 1] + 1;
}

unsigned long long casia__csv_offset(const casia__csv *c, size_t i)
{
    return c->base + field_start(c, i);
}

int casia__csv_error(const casia__csv *c, size_t i, casia_error *err, int code,
                     const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    error_at(c, field_start(c, i), err, code, fmt, ap);
    va_end(ap);
    return code;
}
