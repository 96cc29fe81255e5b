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
            cap *= 2;
            out = realloc(out, cap);
            ck_assert_ptr_nonnull(out);
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
    tcase_add_test(tc, test_years);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return run_suite(suite());
}
