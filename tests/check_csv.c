/*
 * check_csv.c - the CSV tokenizer every importer uses, and its number
 * parser (internal parts, linked to the convenience library).
 *
 * Besides hand-made cases, the tokenizer is compared with a plain
 * byte-by-byte RFC 4180 reader written here, on random inputs, read both
 * from memory and from a file larger than the read buffer (so records
 * cross refills and a record longer than the buffer makes it grow).
 */
#include "internal.h"
#include "csv.h"
#include "xsum.h"
#include "testutil.h"

#include <math.h>
#include <unistd.h>

/* Reads text, returning the records as "a|b|c\n" lines (fields joined by
 * '|', quotes removed and doubled quotes made single), and "!L:C" lines for
 * errors (lenient: reading goes on). */
static char *tokenize(casia__csv *c)
{
    size_t cap = 1 << 16, len = 0, fcap = 1 << 20;
    char *out = malloc(cap), *f = malloc(fcap);
    casia_error err;
    int rc;
    ck_assert_ptr_nonnull(out);
    ck_assert_ptr_nonnull(f);
    while ((rc = casia__csv_next(c, &err)) != 0) {
        size_t i, need;
        char tail[64];
        if (rc < 0) {
            ck_assert_int_eq(rc, CASIA_EPARSE);
            snprintf(tail, sizeof tail, "!%d:%d\n", err.line, err.column);
            need = strlen(tail);
        } else {
            snprintf(tail, sizeof tail, "@%llu\n", c->line);
            need = strlen(tail) + casia__csv_count(c) + 1;
            for (i = 0; i < casia__csv_count(c); i++) {
                size_t flen;
                casia__csv_field(c, i, &flen, NULL);
                need += flen;
            }
        }
        while (len + need + 1 > cap) {
            char *bigger = realloc(out, cap * 2);
            ck_assert_ptr_nonnull(bigger);
            out = bigger;
            cap *= 2;
        }
        if (rc > 0) {
            for (i = 0; i < casia__csv_count(c); i++) {
                long k = casia__csv_text(c, i, f, fcap, 0);
                ck_assert(k >= 0);
                if (i)
                    out[len++] = '|';
                memcpy(out + len, f, (size_t)k);
                len += (size_t)k;
            }
        }
        memcpy(out + len, tail, strlen(tail));
        len += strlen(tail);
    }
    out[len] = '\0';
    free(f);
    return out;
}

/* The scanner variants to test: every one the processor can run (the
 * library picks the best; the others must give the same records). */
static int isa_max(void)
{
    casia__csv c;
    int m;
    casia__csv_open_buffer(&c, "", 0, NULL);
    m = c.isa;
    casia__csv_close(&c);
    return m;
}

static char *tok_text_isa(const char *text, size_t len, int isa)
{
    casia__csv c;
    char *r;
    casia__csv_open_buffer(&c, text, len, "t.csv");
    c.isa = isa;
    r = tokenize(&c);
    casia__csv_close(&c);
    return r;
}

/* Tokenizes with every variant; they must agree. */
static char *tok_text(const char *text, size_t len)
{
    char *r = tok_text_isa(text, len, CASIA__ISA_BASE);
    int isa;
    for (isa = CASIA__ISA_BASE + 1; isa <= isa_max(); isa++) {
        char *o = tok_text_isa(text, len, isa);
        ck_assert_msg(strcmp(o, r) == 0, "scanner %d differs on [%.*s]", isa,
                      (int)len, text);
        free(o);
    }
    return r;
}

static void expect(const char *text, const char *want)
{
    char *got = tok_text(text, strlen(text));
    ck_assert_msg(strcmp(got, want) == 0, "input [%s]\ngot\n%s\nwant\n%s",
                  text, got, want);
    free(got);
}

START_TEST(test_basic)
{
    expect("a,b,c\n1,2,3\n", "a|b|c@1\n1|2|3@2\n");
    /* no final line end; CRLF; a BOM; empty fields; a trailing comma */
    expect("a,b\n1,2", "a|b@1\n1|2@2\n");
    expect("a,b\r\n1,2\r\n", "a|b@1\n1|2@2\n");
    expect("\xEF\xBB\xBF" "a,b\n", "a|b@1\n");
    expect(",,\n", "||@1\n");
    expect("a,\n", "a|@1\n");
    expect("", "");
    expect("\n\n", "@1\n@2\n");
    expect("x\r", "x@1\n");
}
END_TEST

START_TEST(test_quotes)
{
    expect("\"a,b\",c\n", "a,b|c@1\n");
    expect("\"say \"\"hi\"\"\",x\n", "say \"hi\"|x@1\n");
    expect("\"two\nlines\",x\ny\n", "two\nlines|x@1\ny@3\n");
    expect("\"\",\"\"\"\"\n", "|\"@1\n");
    expect("\"a\"\r\n\"b\"\r\n", "a@1\nb@2\n");
    expect("\"a\"", "a@1\n");
    /* the Comtrade Plus sample: every value quoted, a trailing comma */
    expect("\"C\",\"A\",,\"1.5\",\r\n", "C|A||1.5|@1\n");
}
END_TEST

START_TEST(test_errors)
{
    /* a quote inside an unquoted field: line 2, column 4; reading goes on
     * at line 3 */
    expect("a,b\nx,y\"z,w\nc,d\n", "a|b@1\n!2:4\nc|d@3\n");
    /* text after a closing quote: the byte after it */
    expect("\"ab\"c,d\ne\n", "!1:5\ne@2\n");
    /* an unclosed quote: where it opens */
    expect("a\n\"b,c\nd\n", "a@1\n!2:1\nd@3\n");
    /* a CR inside a record that is not followed by LF after a quote */
    expect("\"a\"\rb\n", "!1:4\n");
}
END_TEST

START_TEST(test_positions)
{
    casia__csv c;
    casia_error err;
    const char *t = "h1,h2\n\"multi\nline\",caf\xC3\xA9,x\n";
    casia__csv_open_buffer(&c, t, strlen(t), "p.csv");
    ck_assert_int_eq(casia__csv_next(&c, &err), 1);
    ck_assert_int_eq(casia__csv_next(&c, &err), 1);
    ck_assert_uint_eq(casia__csv_count(&c), 3);
    /* field 2 "x" is on line 3, column 12 (the é counts once) */
    casia__csv_error(&c, 2, &err, CASIA_ESCHEMA, "bad %s", "x");
    ck_assert_int_eq(err.line, 3);
    ck_assert_int_eq(err.column, 12);
    ck_assert_str_eq(err.source, "p.csv");
    ck_assert_str_eq(err.text, "bad x");
    ck_assert_int_eq(err.offset, (long long)(strchr(t, 'x') - t));
    ck_assert_int_eq(casia__csv_next(&c, &err), 0);
    casia__csv_close(&c);
}
END_TEST

START_TEST(test_latin1)
{
    casia__csv c;
    casia_error err;
    char buf[64];
    const char *t = "\"C\xF4te d'Ivoire\",\" X1 \"\n";
    casia__csv_open_buffer(&c, t, strlen(t), NULL);
    ck_assert_int_eq(casia__csv_next(&c, &err), 1);
    ck_assert_int_eq(casia__csv_text(&c, 0, buf, sizeof buf, 0), 14);
    ck_assert_str_eq(buf, "C\xC3\xB4te d'Ivoire");
    ck_assert_int_eq(casia__csv_text(&c, 1, buf, sizeof buf, 1), 2);
    ck_assert_str_eq(buf, "X1");
    ck_assert_int_eq(casia__csv_text(&c, 1, buf, 3, 1), 2);
    ck_assert_int_eq(casia__csv_text(&c, 0, buf, 4, 0), -1);
    casia__csv_close(&c);
}
END_TEST

/* ------------------------------------------------------------------ */
/* Random inputs against a plain reader                                */

static uint64_t rng_state;
static unsigned rnd(unsigned n)
{
    rng_state = rng_state * 6364136223846793005ULL + 1442695040888963407ULL;
    return (unsigned)((rng_state >> 33) % n);
}

/* A random well-formed CSV text of about len bytes. */
static char *random_csv(size_t len, size_t *outlen, int long_record)
{
    char *t = malloc(len + (long_record ? 700000 : 0) + 4096);
    size_t n = 0;
    ck_assert_ptr_nonnull(t);
    if (rnd(3) == 0) {
        memcpy(t, "\xEF\xBB\xBF", 3);
        n = 3;
    }
    while (n < len) {
        unsigned nf = 1 + rnd(12), f;
        int crlf = rnd(4) == 0;
        if (long_record && n > len / 2) {
            /* one quoted field longer than the read buffer */
            size_t k;
            t[n++] = '"';
            for (k = 0; k < 600000; k++)
                t[n++] = (char)("ab,\n\"c"[k % 6] == '"' ? 'q' : "ab,\n\"c"[k % 6]);
            t[n++] = '"';
            t[n++] = '\n';
            long_record = 0;
            continue;
        }
        for (f = 0; f < nf; f++) {
            unsigned kind = rnd(4), k, flen = rnd(kind == 3 ? 90 : 12);
            if (f)
                t[n++] = ',';
            if (kind == 0) {
                for (k = 0; k < flen; k++)
                    t[n++] = (char)('a' + rnd(26));
            } else {
                t[n++] = '"';
                for (k = 0; k < flen; k++) {
                    unsigned r = rnd(10);
                    if (r == 0) {
                        t[n++] = '"';
                        t[n++] = '"';
                    } else if (r == 1) {
                        t[n++] = ',';
                    } else if (r == 2) {
                        t[n++] = '\n';
                    } else {
                        t[n++] = (char)('A' + rnd(26));
                    }
                }
                t[n++] = '"';
            }
        }
        if (crlf)
            t[n++] = '\r';
        t[n++] = '\n';
    }
    if (rnd(2) == 0 && n > 0 && t[n - 1] == '\n')
        n--;   /* no final line end */
    *outlen = n;
    return t;
}

/* The plain reader: same output format as tokenize(). */
static char *reference(const char *t, size_t n)
{
    size_t cap = n * 2 + 1024, o = 0, i = 0;
    char *out = malloc(cap);
    unsigned long long line = 1, start_line = 1;
    int in_record = 0;
    ck_assert_ptr_nonnull(out);
    if (n >= 3 && memcmp(t, "\xEF\xBB\xBF", 3) == 0)
        i = 3;
    while (i < n) {
        /* one field */
        if (!in_record) {
            start_line = line;
            in_record = 1;
        }
        if (t[i] == '"') {
            i++;
            for (;;) {
                ck_assert(i < n);
                if (t[i] == '"') {
                    if (i + 1 < n && t[i + 1] == '"') {
                        out[o++] = '"';
                        i += 2;
                        continue;
                    }
                    i++;
                    break;
                }
                if (t[i] == '\n')
                    line++;
                out[o++] = t[i++];
            }
        } else {
            while (i < n && t[i] != ',' && t[i] != '\n') {
                if (t[i] == '\r' && (i + 1 == n || t[i + 1] == '\n')) {
                    i++;
                    continue;
                }
                out[o++] = t[i++];
            }
        }
        if (i < n && t[i] == '\r')
            i++;
        if (i < n && t[i] == ',') {
            out[o++] = '|';
            i++;
            if (i == n)
                o += (size_t)sprintf(out + o, "@%llu\n", start_line);
            continue;
        }
        o += (size_t)sprintf(out + o, "@%llu\n", start_line);
        in_record = 0;
        if (i < n && t[i] == '\n') {
            i++;
            line++;
        }
    }
    out[o] = '\0';
    return out;
}

START_TEST(test_random_memory)
{
    int round;
    rng_state = 42;
    for (round = 0; round < 300; round++) {
        size_t n;
        char *t = random_csv(1 + rnd(3000), &n, 0);
        char *want = reference(t, n);
        char *got = tok_text(t, n);
        ck_assert_msg(strcmp(got, want) == 0, "round %d differs:\n[%.*s]\ngot\n%s\nwant\n%s",
                      round, (int)n, t, got, want);
        free(t);
        free(want);
        free(got);
    }
}
END_TEST

START_TEST(test_random_file)
{
    int round;
    rng_state = 7;
    for (round = 0; round < 4; round++) {
        size_t n;
        char path[] = "/tmp/casia-csv-XXXXXX";
        int fd = mkstemp(path);
        char *t = random_csv(600000 + rnd(400000), &n, round == 3);
        char *want = reference(t, n), *got;
        casia__csv c;
        ck_assert_int_ge(fd, 0);
        ck_assert_int_eq(write(fd, t, n), (ssize_t)n);
        close(fd);
        ck_assert_int_eq(casia__csv_open_file(&c, path, NULL), CASIA_OK);
        c.isa = round % (isa_max() + 1);
        got = tokenize(&c);
        if (round == 3)
            ck_assert_uint_gt(c.cap, CASIA__CSV_BUFFER);
        casia__csv_close(&c);
        unlink(path);
        ck_assert_msg(strcmp(got, want) == 0, "file round %d (scanner %d) differs",
                      round, round % (isa_max() + 1));
        free(t);
        free(want);
        free(got);
    }
}
END_TEST

START_TEST(test_missing_file)
{
    casia__csv c;
    casia_error err;
    ck_assert_int_eq(casia__csv_open_file(&c, "/nonexistent/x.csv", &err), CASIA_EIO);
    ck_assert_str_eq(err.source, "/nonexistent/x.csv");
    casia__csv_close(&c);
}
END_TEST

/* ------------------------------------------------------------------ */
/* Numbers                                                             */

static double num(const char *s)
{
    double v = -12345.0;
    ck_assert_msg(casia__parse_number(s, strlen(s), &v) == 0, "\"%s\" refused", s);
    return v;
}

static void not_num(const char *s)
{
    double v;
    ck_assert_msg(casia__parse_number(s, strlen(s), &v) == -1, "\"%s\" accepted", s);
}

START_TEST(test_numbers)
{
    ck_assert(num("2715997517261") == 2715997517261.0);
    ck_assert(num("5342259710.708") == 5342259710.708);
    ck_assert(num(" 42 ") == 42.0);
    ck_assert(num("-1.5") == -1.5);
    ck_assert(num("+7") == 7.0);
    ck_assert(num(".5") == 0.5);
    ck_assert(num("3.") == 3.0);
    ck_assert(num("1e3") == 1000.0);
    ck_assert(num("1.5E-2") == 0.015);
    ck_assert(num("0.000") == 0.0);
    ck_assert(num("00012") == 12.0);
    ck_assert(num("405586592.178771") == 405586592.178771);
    /* beyond the exact path: strtod */
    ck_assert(num("123456789012345678901234567890") == 123456789012345678901234567890.0);
    ck_assert(num("9007199254740993") == 9007199254740993.0);
    ck_assert(num("1e300") == 1e300);
    ck_assert(num("2.2250738585072014e-308") == 2.2250738585072014e-308);
    not_num("");
    not_num(" ");
    not_num("-");
    not_num(".");
    not_num("1,5");
    not_num("1.2.3");
    not_num("n/a");
    not_num("inf");
    not_num("nan");
    not_num("0x10");
    not_num("1e");
    not_num("1e400");
    not_num("12abc");
}
END_TEST

START_TEST(test_numbers_random)
{
    /* every decimal the fast path takes equals strtod's correctly rounded
     * reading */
    int i;
    rng_state = 99;
    for (i = 0; i < 200000; i++) {
        char s[64];
        unsigned digits = 1 + rnd(18), point = rnd(digits + 1), k, n = 0;
        double v;
        for (k = 0; k < digits; k++) {
            if (k == point && k > 0)
                s[n++] = '.';
            s[n++] = (char)('0' + rnd(10));
        }
        if (rnd(5) == 0)
            n += (unsigned)sprintf(s + n, "e%d", (int)rnd(40) - 20);
        s[n] = '\0';
        ck_assert_int_eq(casia__parse_number(s, n, &v), 0);
        ck_assert_msg(v == strtod(s, NULL), "%s: %.17g vs %.17g", s, v, strtod(s, NULL));
    }
}
END_TEST

START_TEST(test_numbers_swar)
{
    /* the 8-digits-at-a-time parser gives what the plain one gives, on
     * numbers and on what is not a number, at any offset in a padded
     * buffer and with text after the field */
    static const char *const odd[] = {"", ".", "1.", ".5", "12a4", "1,5", "-3",
                                      "+2", " 7", "0x1F", "1e5", "9.9.9",
                                      "12345678.12345678", "1234567890123456",
                                      "123456789012345.5", "00000000000000001"};
    char buf[96];
    int i;
    size_t k;
    rng_state = 5;
    for (i = 0; i < 300000; i++) {
        char s[40];
        size_t n = 0, off = rnd(16);
        unsigned digits = 1 + rnd(16), point = rnd(digits + 2), d;
        double a = -1, b = -1;
        int ra, rb;
        for (d = 0; d < digits; d++) {
            if (d == point)
                s[n++] = '.';
            s[n++] = (char)('0' + rnd(10));
        }
        if (rnd(50) == 0)
            s[rnd((unsigned)n)] = (char)"x.,- "[rnd(5)];
        s[n] = '\0';
        memset(buf, '.', sizeof buf);
        memcpy(buf + off, s, n);
        ra = casia__parse_number(buf + off, n, &a);
        rb = casia__parse_number_in(buf + off, n, buf + sizeof buf, &b);
        ck_assert_msg(ra == rb && (ra != 0 || a == b), "%s: %d %.17g vs %d %.17g",
                      s, ra, a, rb, b);
    }
    for (k = 0; k < sizeof odd / sizeof odd[0]; k++) {
        double a = -1, b = -1;
        size_t n = strlen(odd[k]);
        int ra, rb;
        memset(buf, '9', sizeof buf);
        memcpy(buf, odd[k], n);
        ra = casia__parse_number(buf, n, &a);
        rb = casia__parse_number_in(buf, n, buf + sizeof buf, &b);
        ck_assert_msg(ra == rb && (ra != 0 || a == b), "\"%s\"", odd[k]);
    }
}
END_TEST

START_TEST(test_sum_inline)
{
    /* the inline fast path of the per-row loops adds exactly what
     * casia__sum_add adds, and hands it everything else */
    casia__sum a, b;
    int i;
    rng_state = 11;
    casia__sum_init(&a);
    casia__sum_init(&b);
    for (i = 0; i < 200000; i++) {
        double x;
        switch (rnd(6)) {
        case 0: x = (double)rnd(1000); break;
        case 1: x = ldexp((double)rnd(1u << 30) + 0.5, (int)rnd(40)); break;
        case 2: x = -ldexp((double)rnd(1u << 30) + 0.25, (int)rnd(40)); break;
        case 3: x = (double)rnd(1000000) / 1000.0; break;
        case 4: x = ldexp(1.0, 61) * (1 + rnd(100) / 1000.0); break;
        default: x = 1e-7 * rnd(100); break;
        }
        ck_assert_int_eq(casia__sum_add_inline(&a, x), casia__sum_add(&b, x));
        ck_assert(a.hi == b.hi && a.lo == b.lo);
    }
    ck_assert_int_eq(casia__sum_add_inline(&a, 1.0 / 0.0), CASIA_ERANGE);
    ck_assert_int_eq(casia__sum_add_inline(&a, ldexp(1.0, 62)), CASIA_ERANGE);
}
END_TEST

START_TEST(test_format_g)
{
    /* the same text as snprintf's %.*g, on random doubles of every
     * magnitude the fast path takes and around it */
    int i;
    rng_state = 17;
    for (i = 0; i < 400000; i++) {
        char a[64], b[64];
        double v;
        int prec = 1 + (int)rnd(17);
        uint64_t bits = ((uint64_t)rnd(1u << 31) << 33) ^ ((uint64_t)rnd(1u << 31) << 2) ^ rnd(4);
        int e = (int)rnd(80) - 25;
        switch (rnd(4)) {
        case 0:   /* a random mantissa at a random magnitude */
            memcpy(&v, &bits, sizeof v);
            v = ldexp(frexp(fabs(v) + 1, &e), (int)rnd(140) - 30);
            break;
        case 1:   /* short decimals, as in the files */
            v = (double)rnd(1000000000u) / pow(10, rnd(8)) * pow(10, rnd(8));
            break;
        case 2:   /* ties and near-ties at the last digit */
            v = (double)(rnd(100000) * 5) / pow(10, rnd(12));
            break;
        default:
            v = ldexp(1.0, e) * (1 + rnd(1000) / 7.0);
            break;
        }
        if (rnd(2))
            v = -v;
        snprintf(a, sizeof a, "%.*g", prec, v);
        casia__format_g(b, sizeof b, v, prec);
        ck_assert_msg(strcmp(a, b) == 0, "%%.%dg of %a: \"%s\" vs \"%s\"", prec, v, a, b);
    }
}
END_TEST

/* ------------------------------------------------------------------ */
/* Messages: valid UTF-8 whatever the input's bytes                    */

static void assert_utf8(const char *what, const char *text)
{
    size_t n = strlen(text);
    ck_assert_msg(casia__utf8_invalid_at(text, n) == n,
                  "%s: invalid UTF-8 at byte %lu of \"%s\"", what,
                  (unsigned long)casia__utf8_invalid_at(text, n), text);
}

/* Every message an import (strict and lenient) and a lenient stream give
 * for text; want[] are the lenient report's messages, in order. */
static void messages_utf8(const char *text, const char *name, casia_format f,
                          const char *const *want, int n_want)
{
    casia_import_options opt;
    casia_import_report rep;
    casia_dataset *ds = NULL;
    casia_error err;
    int i;
    casia_import_options_init(&opt);
    memset(&err, 0, sizeof err);
    ck_assert_int_ne(casia_import_buffer(&ds, text, strlen(text), name, f, &opt,
                                         &rep, &err), CASIA_OK);
    assert_utf8(name, err.text);
    ck_assert_str_eq(err.text, want[0]);
    opt.lenient = 1;
    ck_assert_int_eq(casia_import_buffer(&ds, text, strlen(text), name, f, &opt,
                                         &rep, &err), CASIA_OK);
    ck_assert_int_eq(rep.n_errors, n_want);
    for (i = 0; i < rep.n_errors; i++) {
        assert_utf8(name, rep.errors[i].text);
        ck_assert_str_eq(rep.errors[i].text, want[i]);
    }
    casia_dataset_free(ds);
}

START_TEST(test_messages_utf8)
{
    char text[2048], v40[256], msg[512];
    size_t i;
    int k;
    casia__csv c;
    /* a value of 46 code points, "x" and 45 "é" (2 bytes each in UTF-8):
     * cut after 40 code points ("x" and 39 "é", 79 bytes), where a cut at
     * 40 bytes fell inside the 20th "é"; and 50 "é" in Latin-1 */
    char utf8_long[128], latin1_long[64];
    strcpy(utf8_long, "x");
    for (i = 0; i < 45; i++)
        strcat(utf8_long, "\xC3\xA9");
    memset(latin1_long, 0xE9, 50);
    latin1_long[50] = '\0';

    /* UN Comtrade Plus, annual: partnerISO "C\xF4te" (Latin-1) with no
     * partnerCode, a value cut, a year and a frequency in Latin-1 */
    snprintf(text, sizeof text,
             "typeCode,freqCode,refYear,period,reporterISO,flowCode,partnerCode,"
             "partnerISO,cmdCode,primaryValue\n"
             "C,A,2022,2022,KAZ,M,,C\xF4te,TOTAL,100\n"
             "C,A,2022,2022,KAZ,M,156,CHN,TOTAL,%s\n"
             "C,A,2\xE9" "22,2022,KAZ,M,156,CHN,TOTAL,5\n"
             "C,\xC6,2022,2022,KAZ,X,156,CHN,TOTAL,5\n"
             "C,A,2022,2022,KAZ,X,156,CHN,TOTAL,%s\n"
             "C,A,2022,2022,KAZ,X,643,RUS,TOTAL,7\n", utf8_long, latin1_long);
    {
        static char want_v[256], want_l[256];
        const char *want[5];
        strcpy(want_v, "value \"x");
        for (k = 0; k < 39; k++)
            strcat(want_v, "\xC3\xA9");
        strcat(want_v, "...\" is not a number");
        strcpy(want_l, "value \"");
        for (k = 0; k < 40; k++)
            strcat(want_l, "\xC3\xA9");
        strcat(want_l, "...\" is not a number");
        want[0] = "unknown partner \"C\xC3\xB4te\"";
        want[1] = want_v;
        want[2] = "\"2\xC3\xA9" "22\" is not a year from 1900 to 2100";
        want[3] = "frequency \"\xC3\x86\" is neither A (annual) nor M (monthly)";
        want[4] = want_l;
        messages_utf8(text, "plus.csv", CASIA_FORMAT_AUTO, want, 5);
        /* the stream reads the same columns (the frequency too, for the
         * periods it has counted) and gives the same messages */
        {
            casia_import_options opt;
            casia_import_report rep;
            casia_stream *s;
            casia_error err;
            casia_import_options_init(&opt);
            opt.lenient = 1;
            ck_assert_int_eq(casia_stream_new(&s, &opt), CASIA_OK);
            ck_assert_int_eq(casia_stream_add_buffer(s, text, strlen(text), "plus.csv",
                                                     &rep, &err), CASIA_OK);
            ck_assert_int_eq(rep.n_errors, 5);
            for (k = 0; k < 5; k++) {
                assert_utf8("stream", rep.errors[k].text);
                ck_assert_str_eq(rep.errors[k].text, want[k]);
            }
            casia_stream_free(s);
        }
    }

    /* SIPRI TIV table: a TIV in Latin-1 */
    {
        const char *want[] = {"TIV \"\xC3\xA9\" for 2020 is not a number of zero or more"};
        messages_utf8("\"TIV of arms exports to Kazakhstan, 2020-2021\",,,\n"
                      ",2020,2021,Total\n"
                      "Russia,\xE9,5,5\n"
                      "China,1,2,3\n", "tiv.csv", CASIA_FORMAT_AUTO, want, 1);
    }
    /* World Bank WDI: a value in Latin-1, a country code in Latin-1 */
    {
        const char *want[] = {"NY.GDP.MKTP.CD 2020: \"1\xC3\xA9\" is not a number",
                              "unknown country code \"K\xC3\x84Z\""};
        messages_utf8("\"Data Source\",\"World Development Indicators\",\n\n"
                      "\"Country Name\",\"Country Code\",\"Indicator Name\","
                      "\"Indicator Code\",\"2020\",\n"
                      "\"Kazakhstan\",\"KAZ\",\"GDP (current US$)\",\"NY.GDP.MKTP.CD\",\"1\xE9\",\n"
                      "\"Kazakhstan\",\"K\xC4Z\",\"GDP (current US$)\",\"NY.GDP.MKTP.CD\",\"1\",\n"
                      "\"Uzbekistan\",\"UZB\",\"GDP (current US$)\",\"NY.GDP.MKTP.CD\",\"2\",\n",
                      "wdi.csv", CASIA_FORMAT_AUTO, want, 2);
    }
    /* tidy CSV: a year and a value in Latin-1 */
    {
        const char *want[] = {"\"20\xC2\xBD\" is not a year from 1900 to 2100",
                              "value \"\xC2\xBD\" is not a number"};
        messages_utf8("indicator,reporter,partner,year,value,basis,source\n"
                      "trade.import,KAZ,CHN,20\xBD,1,reporter,s\n"
                      "trade.import,KAZ,CHN,2020,\xBD,reporter,s\n"
                      "trade.import,KAZ,CHN,2021,1,reporter,s\n",
                      "tidy.csv", CASIA_FORMAT_AUTO, want, 2);
    }

    /* the excerpt itself: a buffer too small for 40 code points is cut at a
     * code point boundary; control characters become '?' */
    casia__csv_excerpt(v40, 8, "\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9", 8, 40);
    ck_assert_str_eq(v40, "\xC3\xA9\xC3\xA9...");
    casia__csv_excerpt(v40, sizeof v40, "a\tb\0c", 5, 40);
    ck_assert_str_eq(v40, "a?b?c");
    casia__csv_excerpt(v40, sizeof v40, "abcdef", 6, 3);
    ck_assert_str_eq(v40, "abc...");
    /* casia__csv_text cut short: never half a sequence ("é" at bytes 3-4
     * of "abcé": a 5-byte buffer holds "abc") */
    casia__csv_open_buffer(&c, "abc\xC3\xA9\n", 6, NULL);
    ck_assert_int_eq(casia__csv_next(&c, NULL), 1);
    ck_assert_int_eq(casia__csv_text(&c, 0, msg, 5, 0), -1);
    ck_assert_str_eq(msg, "abc");
    casia__csv_close(&c);
}
END_TEST

START_TEST(test_years)
{
    ck_assert_int_eq(casia__parse_year("2022", 4), 2022);
    ck_assert_int_eq(casia__parse_year(" 1900 ", 6), 1900);
    ck_assert_int_eq(casia__parse_year("1899", 4), -1);
    ck_assert_int_eq(casia__parse_year("2101", 4), -1);
    ck_assert_int_eq(casia__parse_year("202", 3), -1);
    ck_assert_int_eq(casia__parse_year("20x2", 4), -1);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("csv");
    TCase *tc = tcase_create("tokenizer");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_basic);
    tcase_add_test(tc, test_quotes);
    tcase_add_test(tc, test_errors);
    tcase_add_test(tc, test_positions);
    tcase_add_test(tc, test_latin1);
    tcase_add_test(tc, test_random_memory);
    tcase_add_test(tc, test_random_file);
    tcase_add_test(tc, test_missing_file);
    suite_add_tcase(s, tc);
    tc = tcase_create("numbers");
    tcase_add_test(tc, test_numbers);
    tcase_add_test(tc, test_numbers_random);
    tcase_add_test(tc, test_numbers_swar);
    tcase_add_test(tc, test_sum_inline);
    tcase_add_test(tc, test_format_g);
    tcase_add_test(tc, test_years);
    suite_add_tcase(s, tc);
    tc = tcase_create("messages");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_messages_utf8);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return run_suite(suite());
}
