/*
 * check_json.c - the native JSON format: bad input of every kind the
 * foundation issue lists gets a clear error naming file, line and column
 * and leaves nothing behind; good input round-trips exactly.
 *
 * Expected positions were computed independently of the library, with
 * Python on the same text (the inputs below are built from the same
 * pieces P, SER and E):
 *     off = text.index(needle)      # nth occurrence where noted
 *     line = text[:off].count('\n') + 1
 *     column = len(text[:off].split('\n')[-1]) + 1
 * e.g. string_value -> (4, 117): the key "2019" on the series line.
 */
#include "testutil.h"

#include <errno.h>
#include <unistd.h>

#define P "{\"format\": \"casia-dataset/1\",\n \"sources\": [{\"id\": \"s\"}],\n \"series\": [\n"
#define SERX(rep, basis, src, extra, values)                                  \
    "  {\"indicator\": \"trade.import\", \"reporter\": \"" rep                \
    "\", \"partner\": \"CHN\", \"basis\": \"" basis "\", \"source\": \"" src \
    "\"" extra ", \"values\": " values "}"
#define SER(values) SERX("KAZ", "reporter", "s", "", values)
#define E "\n ]}\n"

/* Loads text that must fail with code at line:column, with a message
 * containing what; *out must stay untouched. */
static void expect_error(const char *text, size_t len, int code, int line,
                         int column, const char *what)
{
    casia_dataset *ds = (casia_dataset *)&ds;   /* sentinel */
    casia_error err;
    int rc = casia_dataset_load_buffer(&ds, text, len, "bad.json", &err);
    ck_assert_msg(rc == code, "got %s (%s), expected %s", casia_status_name(rc),
                  err.text, casia_status_name(code));
    ck_assert_ptr_eq(ds, (casia_dataset *)&ds);
    ck_assert_int_eq(err.code, code);
    ck_assert_str_eq(err.source, "bad.json");
    ck_assert_msg(err.line == line && err.column == column,
                  "position %d:%d, expected %d:%d (%s)", err.line, err.column,
                  line, column, err.text);
    ck_assert_msg(strstr(err.text, what) != NULL, "message \"%s\" lacks \"%s\"",
                  err.text, what);
}

static void expect_error_str(const char *text, int code, int line, int column,
                             const char *what)
{
    expect_error(text, strlen(text), code, line, column, what);
}

START_TEST(test_empty)
{
    expect_error("", 0, CASIA_EPARSE, 1, 1, "empty input");
    expect_error_str("  \n ", CASIA_EPARSE, 2, 2, "only white space");
}
END_TEST

START_TEST(test_truncated)
{
    /* the end of the text: line 2, after the 12 characters ` "series": [` */
    expect_error_str("{\"format\": \"casia-dataset/1\",\n \"series\": [",
                     CASIA_EPARSE, 2, 13, "unexpected end of input");
    expect_error_str("{\"format\": \"casia-dat", CASIA_EPARSE, 1, 22,
                     "unexpected end of input");
}
END_TEST

START_TEST(test_not_json)
{
    expect_error_str("{\"format\": casia}", CASIA_EPARSE, 1, 12, "invalid JSON");
    expect_error_str("{\"format\": \"casia-dataset/1\"} x", CASIA_EPARSE, 1, 31,
                     "text after the end");
    expect_error_str("{\"a\": \"x\x01y\"}", CASIA_EPARSE, 1, 9, "control character");
    expect_error_str("{\"a\": \"x\\u0000y\"}", CASIA_EPARSE, 1, 9, "\\u0000");
    expect_error("{\"a\": 1}\0", 9, CASIA_EPARSE, 1, 9, "NUL byte");
}
END_TEST

START_TEST(test_wrong_top_level)
{
    expect_error_str("[1, 2]", CASIA_ESCHEMA, 1, 1, "top level must be an object");
    expect_error_str("\n  42", CASIA_ESCHEMA, 2, 3, "not a number");
}
END_TEST

START_TEST(test_format_member)
{
    expect_error_str("{\"series\": []}", CASIA_ESCHEMA, 1, 1, "missing \"format\"");
    /* unknown version: at the key "format" (1, 2) */
    expect_error_str("{\"format\": \"casia-dataset/2\", \"series\": []}",
                     CASIA_ESCHEMA, 1, 2, "unsupported format version");
    expect_error_str("{\"format\": \"geojson\"}", CASIA_ESCHEMA, 1, 2,
                     "unknown format");
    expect_error_str("{\n  \"format\": 1\n}", CASIA_ESCHEMA, 2, 3,
                     "must be a string, not a number");
}
END_TEST

START_TEST(test_value_string)
{
    expect_error_str(P SER("{\"2019\": \"12\"}") E, CASIA_ESCHEMA, 4, 117,
                     "must be a number, not a string");
}
END_TEST

START_TEST(test_negative_trade)
{
    expect_error_str(P SER("{\"2018\": 1, \"2019\": -5}") E, CASIA_ESCHEMA, 4, 128,
                     "negative value -5");
}
END_TEST

START_TEST(test_nan_infinity)
{
    /* NaN and Infinity are not JSON: a syntax error at the word (4, 125) */
    expect_error_str(P SER("{\"2019\": NaN}") E, CASIA_EPARSE, 4, 125,
                     "NaN and Infinity are not JSON numbers");
    expect_error_str(P SER("{\"2019\": Infinity}") E, CASIA_EPARSE, 4, 125,
                     "NaN and Infinity");
    expect_error_str(P SER("{\"2019\": -Infinity}") E, CASIA_EPARSE, 4, 125,
                     "NaN and Infinity");
    /* a number too large for a double becomes infinite: refused */
    expect_error_str(P SER("{\"2019\": 1e999}") E, CASIA_ESCHEMA, 4, 117,
                     "number out of range");
}
END_TEST

START_TEST(test_years)
{
    expect_error_str(P SER("{\"1899\": 1}") E, CASIA_ESCHEMA, 4, 117,
                     "year 1899 outside 1900-2100");
    expect_error_str(P SER("{\"2101\": 1}") E, CASIA_ESCHEMA, 4, 117,
                     "year 2101 outside 1900-2100");
    expect_error_str(P SER("{\"19x9\": 1}") E, CASIA_ESCHEMA, 4, 117,
                     "is not a year");
    /* the second "2019" key (4, 128) */
    expect_error_str(P SER("{\"2019\": 1, \"2019\": 1}") E, CASIA_ESCHEMA, 4, 128,
                     "year 2019 given twice");
}
END_TEST

START_TEST(test_countries)
{
    expect_error_str(P SERX("XYZ", "reporter", "s", "", "{\"2019\": 1}") E,
                     CASIA_ESCHEMA, 4, 33, "unknown country code \"XYZ\"");
    expect_error_str(P SERX("KZ", "reporter", "s", "", "{\"2019\": 1}") E,
                     CASIA_ESCHEMA, 4, 33, "write \"KAZ\"");
}
END_TEST

START_TEST(test_undefined_source)
{
    /* located at the first value citing it */
    expect_error_str(P SERX("KAZ", "reporter", "nope", "", "{\"2019\": 1}") E,
                     CASIA_ESCHEMA, 4, 120,
                     "source \"nope\" is cited but not defined");
}
END_TEST

START_TEST(test_conflict)
{
    /* the same key, basis and source twice with different values: an
     * error at the second (5, 117) naming the first (4, 117) */
    expect_error_str(P SER("{\"2019\": 1}") ",\n" SER("{\"2019\": 2}") E,
                     CASIA_ECONFLICT, 5, 117, "at line 4, column 117");
    expect_error_str(P SER("{\"2019\": 1}") ",\n" SER("{\"2019\": 2}") E,
                     CASIA_ECONFLICT, 5, 117,
                     "trade.import KAZ-CHN 2019 (basis reporter, source s) is "
                     "given as 2 here and as 1");
}
END_TEST

START_TEST(test_same_value_twice_is_kept_once)
{
    casia_dataset *ds;
    casia_observation o;
    const char *t = P SER("{\"2019\": 1}") ",\n" SER("{\"2019\": 1}") E;
    /* the same figure, once with a note and once without: kept once, with
     * the note */
    const char *n = P SER("{\"2019\": 1}") ",\n"
        SERX("KAZ", "reporter", "s", ", \"notes\": {\"2019\": \"prelim\"}", "{\"2019\": 1}") E;
    ck_assert_status(load_text(&ds, t, NULL), CASIA_OK);
    ck_assert_uint_eq(casia_dataset_observation_count(ds), 1);
    casia_dataset_free(ds);
    ck_assert_status(load_text(&ds, n, NULL), CASIA_OK);
    ck_assert_uint_eq(casia_dataset_observation_count(ds), 1);
    casia_dataset_observation(&o, ds, 0);
    ck_assert_str_eq(o.note, "prelim");
    casia_dataset_free(ds);
}
END_TEST

START_TEST(test_members)
{
    expect_error_str(P SERX("KAZ", "reporter", "s", ", \"valuez\": 3", "{\"2019\": 1}") E,
                     CASIA_ESCHEMA, 4, 106, "unknown member \"valuez\"");
    expect_error_str(P SERX("KAZ", "mirror", "s", "", "{\"2019\": 1}") E,
                     CASIA_ESCHEMA, 4, 70, "unknown basis \"mirror\"");
    expect_error_str(P SERX("KAZ", "reporter", "s", ", \"unit\": \"EUR\"", "{\"2019\": 1}") E,
                     CASIA_ESCHEMA, 4, 106, "whose unit is USD");
    expect_error_str("{\"format\": \"casia-dataset/1\", \"format\": \"casia-dataset/1\"}",
                     CASIA_ESCHEMA, 1, 31, "duplicate member");
    /* extensions are allowed */
    {
        casia_dataset *ds;
        ck_assert_status(load_text(&ds, "{\"format\": \"casia-dataset/1\", "
                                        "\"x-tool\": {\"any\": [1]}}", NULL),
                         CASIA_OK);
        casia_dataset_free(ds);
    }
}
END_TEST

START_TEST(test_notes)
{
    /* a note that is not a string: an error at it, not a crash. Columns
     * from Python on the same text: the notes' "2019" key is at 184 of the
     * one line; in the series line, "2018" of notes at 116, "notes" at 106 */
    expect_error_str("{\"format\":\"casia-dataset/1\",\"sources\":[{\"id\":\"s\"}],"
                     "\"series\":[{\"indicator\":\"trade.import\",\"reporter\":\"KAZ\","
                     "\"partner\":\"CHN\",\"basis\":\"reporter\",\"source\":\"s\","
                     "\"values\":{\"2019\":1},\"notes\":{\"2019\":5}}]}",
                     CASIA_ESCHEMA, 1, 184, "a note must be a string, not a number");
    expect_error_str(P SERX("KAZ", "reporter", "s", ", \"notes\": {\"2018\": \"x\"}",
                            "{\"2019\": 1}") E,
                     CASIA_ESCHEMA, 4, 116, "note for 2018, which has no value");
    expect_error_str(P SERX("KAZ", "reporter", "s", ", \"notes\": []", "{\"2019\": 1}") E,
                     CASIA_ESCHEMA, 4, 106, "\"notes\" must be an object");
}
END_TEST

START_TEST(test_many_members)
{
    /* 50 000 extension members load in linear-logarithmic time; the one
     * given twice is found at its second occurrence */
    size_t n = 50000, i, len = 0;
    char *buf = malloc(n * 16 + 64);
    casia_dataset *ds;
    ck_assert_ptr_nonnull(buf);
    len += (size_t)sprintf(buf, "{\"format\": \"casia-dataset/1\"");
    for (i = 0; i < n; i++)
        len += (size_t)sprintf(buf + len, ",\"x-%lu\":1", (unsigned long)i);
    strcpy(buf + len, "}");
    ck_assert_status(load_text(&ds, buf, NULL), CASIA_OK);
    casia_dataset_free(ds);
    strcpy(buf + len, ",\"x-7\":2}");
    expect_error_str(buf, CASIA_ESCHEMA, 1, (int)len + 2, "duplicate member \"x-7\"");
    free(buf);
}
END_TEST

START_TEST(test_invalid_utf8)
{
    /* the byte 0xFF is the 44th character of line 1 */
    expect_error_str("{\"format\": \"casia-dataset/1\", \"title\": \"Kaz\xffstan\"}",
                     CASIA_EPARSE, 1, 44, "invalid UTF-8");
    /* columns count characters: "Ü" is one column, so 0xC3 0x28 (a broken
     * sequence) after "Ü" starts at column 42 */
    expect_error_str("{\"format\": \"casia-dataset/1\", \"title\": \"\xc3\x9c\xc3\x28\"}",
                     CASIA_EPARSE, 1, 42, "invalid UTF-8");
    /* an overlong encoding of '/' */
    expect_error_str("{\"title\": \"\xc0\xaf\"}", CASIA_EPARSE, 1, 12, "invalid UTF-8");
}
END_TEST

START_TEST(test_deep_nesting)
{
    /* 100 MB of '[': must fail cleanly, without using the stack per level */
    size_t n = 100u * 1024 * 1024;
    char *buf = malloc(n);
    casia_dataset *ds = NULL;
    casia_error err;
    int rc;
    ck_assert_ptr_nonnull(buf);
    memset(buf, '[', n);
    rc = casia_dataset_load_buffer(&ds, buf, n, "deep.json", &err);
    free(buf);
    ck_assert_status(rc, CASIA_EPARSE);
    ck_assert_ptr_null(ds);
    ck_assert_ptr_nonnull(strstr(err.text, "nested deeper than 1000"));
    ck_assert_int_eq(err.line, 1);
    ck_assert_int_gt(err.column, 1000);
}
END_TEST

START_TEST(test_deep_nesting_file)
{
    /* the same through a file, as a user would hit it */
    char path[] = "/tmp/casia-deep-XXXXXX";
    int fd = mkstemp(path);
    size_t chunk = 1 << 20, i;
    char *buf = malloc(chunk);
    casia_dataset *ds = NULL;
    casia_error err;
    ck_assert_int_ge(fd, 0);
    memset(buf, '[', chunk);
    for (i = 0; i < 100; i++)
        ck_assert_int_eq(write(fd, buf, chunk), (ssize_t)chunk);
    close(fd);
    free(buf);
    ck_assert_status(casia_dataset_load_file(&ds, path, &err), CASIA_EPARSE);
    unlink(path);
    ck_assert_str_eq(err.source, path);
    ck_assert_ptr_nonnull(strstr(err.text, "nested deeper"));
}
END_TEST

START_TEST(test_other_sections)
{
    expect_error_str("{\"format\": \"casia-dataset/1\", \"votes\": [{\"resolution\": \"R\", "
                     "\"date\": \"2022-02-30\", \"country\": \"KAZ\", \"vote\": \"yes\", "
                     "\"source\": \"s\"}]}",
                     CASIA_ESCHEMA, 1, 61, "is not a date");
    expect_error_str("{\"format\": \"casia-dataset/1\", \"votes\": [{\"resolution\": \"R\", "
                     "\"date\": \"2022-02-28\", \"country\": \"KAZ\", \"vote\": \"maybe\", "
                     "\"source\": \"s\"}]}",
                     CASIA_ESCHEMA, 1, 101, "unknown vote \"maybe\"");
    expect_error_str("{\"format\": \"casia-dataset/1\", \"memberships\": [{\"country\": \"KAZ\", "
                     "\"organisation\": \"X\", \"start\": 2000, \"end\": 1999, \"source\": \"s\"}]}",
                     CASIA_ESCHEMA, 1, 102, "ends (1999) before it starts (2000)");
    expect_error_str("{\"format\": \"casia-dataset/1\", \"sources\": {}}",
                     CASIA_ESCHEMA, 1, 31, "\"sources\" must be an array");
    /* a vote citing no defined source */
    expect_error_str("{\"format\": \"casia-dataset/1\", \"votes\": [{\"resolution\": \"R\", "
                     "\"date\": \"2022-02-28\", \"country\": \"KAZ\", \"vote\": \"yes\", "
                     "\"source\": \"s\"}]}",
                     CASIA_ESCHEMA, 1, 41, "source \"s\" is cited but not defined");
    /* one resolution, two dates for one country */
    expect_error_str("{\"format\": \"casia-dataset/1\", \"sources\": [{\"id\": \"s\"}], \"votes\": ["
                     "{\"resolution\": \"R\", \"date\": \"2022-02-28\", \"country\": \"KAZ\", \"vote\": \"yes\", \"source\": \"s\"},\n"
                     "{\"resolution\": \"R\", \"date\": \"2022-03-01\", \"country\": \"KAZ\", \"vote\": \"yes\", \"source\": \"s\"}]}",
                     CASIA_ECONFLICT, 2, 1, "is dated 2022-02-28 and 2022-03-01");
    /* one country, one resolution, two votes */
    expect_error_str("{\"format\": \"casia-dataset/1\", \"sources\": [{\"id\": \"s\"}], \"votes\": ["
                     "{\"resolution\": \"R\", \"date\": \"2022-02-28\", \"country\": \"KAZ\", \"vote\": \"yes\", \"source\": \"s\"},\n"
                     "{\"resolution\": \"R\", \"date\": \"2022-02-28\", \"country\": \"KAZ\", \"vote\": \"no\", \"source\": \"s\"}]}",
                     CASIA_ECONFLICT, 2, 1, "given as yes and as no");
}
END_TEST

START_TEST(test_bom_and_position_after_it)
{
    casia_dataset *ds;
    casia_error err;
    const char *ok = "\xEF\xBB\xBF{\"format\": \"casia-dataset/1\"}";
    ck_assert_status(load_text(&ds, ok, &err), CASIA_OK);
    casia_dataset_free(ds);
    /* the BOM is not a character of line 1: "x" is column 7 */
    expect_error_str("\xEF\xBB\xBF{\"a\": x}", CASIA_EPARSE, 1, 7, "invalid JSON near 'x'");
}
END_TEST

START_TEST(test_io_errors)
{
    casia_dataset *ds = NULL;
    casia_error err;
    ck_assert_status(casia_dataset_load_file(&ds, "/nonexistent/dir/x.json", &err),
                     CASIA_EIO);
    ck_assert_ptr_null(ds);
    ck_assert_str_eq(err.source, "/nonexistent/dir/x.json");
    ck_assert_ptr_nonnull(strstr(err.text, "cannot open"));
    ck_assert_status(casia_dataset_load_file(&ds, NULL, &err), CASIA_EINVAL);
    ck_assert_status(casia_dataset_load_file(NULL, "x", &err), CASIA_EINVAL);
    ck_assert_status(casia_dataset_load_buffer(&ds, NULL, 3, NULL, &err), CASIA_EINVAL);
    ck_assert_str_eq(err.source, "<buffer>");
    /* a directory cannot be read as a file */
    ck_assert_status(casia_dataset_load_file(&ds, "/", &err), CASIA_EIO);
}
END_TEST

/* Compares two datasets through the public API only. */
static void assert_equal(const casia_dataset *a, const casia_dataset *b)
{
    size_t i, n = casia_dataset_observation_count(a);
    ck_assert_uint_eq(casia_dataset_observation_count(b), n);
    for (i = 0; i < n; i++) {
        casia_observation x, y;
        casia_dataset_observation(&x, a, i);
        casia_dataset_observation(&y, b, i);
        ck_assert_str_eq(x.indicator, y.indicator);
        ck_assert_str_eq(x.reporter, y.reporter);
        ck_assert_str_eq(x.partner, y.partner);
        ck_assert_int_eq(x.year, y.year);
        ck_assert_msg(x.value == y.value, "value %.17g != %.17g", x.value, y.value);
        ck_assert_int_eq(x.basis, y.basis);
        ck_assert_str_eq(x.source, y.source);
        ck_assert_str_eq(x.unit, y.unit);
        ck_assert((x.note == NULL) == (y.note == NULL));
        if (x.note)
            ck_assert_str_eq(x.note, y.note);
    }
    ck_assert_uint_eq(casia_dataset_source_count(a), casia_dataset_source_count(b));
    for (i = 0; i < casia_dataset_source_count(a); i++) {
        casia_source x, y;
        casia_dataset_source(&x, a, i);
        casia_dataset_source(&y, b, i);
        ck_assert_str_eq(x.id, y.id);
        ck_assert_str_eq(x.title, y.title);
        ck_assert_str_eq(x.publisher, y.publisher);
        ck_assert_str_eq(x.url, y.url);
        ck_assert_str_eq(x.description, y.description);
    }
    ck_assert_uint_eq(casia_dataset_membership_count(a), casia_dataset_membership_count(b));
    for (i = 0; i < casia_dataset_membership_count(a); i++) {
        casia_membership x, y;
        casia_dataset_membership(&x, a, i);
        casia_dataset_membership(&y, b, i);
        ck_assert_str_eq(x.country, y.country);
        ck_assert_str_eq(x.organisation, y.organisation);
        ck_assert_int_eq(x.start_year, y.start_year);
        ck_assert_int_eq(x.end_year, y.end_year);
    }
    ck_assert_uint_eq(casia_dataset_vote_count(a), casia_dataset_vote_count(b));
    ck_assert_uint_eq(casia_dataset_organisation_count(a),
                      casia_dataset_organisation_count(b));
}

static void round_trip(casia_dataset *a)
{
    casia_dataset *b = NULL;
    char *j1 = NULL, *j2 = NULL;
    size_t n1 = 0, n2 = 0;
    casia_error err;
    ck_assert_status(casia_dataset_to_json(&j1, &n1, a), CASIA_OK);
    ck_assert_uint_eq(n1, strlen(j1));
    ck_assert_msg(casia_dataset_load_buffer(&b, j1, n1, "written.json", &err) == CASIA_OK,
                  "%d:%d: %s", err.line, err.column, err.text);
    assert_equal(a, b);
    ck_assert_status(casia_dataset_to_json(&j2, &n2, b), CASIA_OK);
    ck_assert_str_eq(j1, j2);   /* canonical: same bytes */
    casia_free(j1);
    casia_free(j2);
    casia_dataset_free(b);
}

START_TEST(test_round_trip_small)
{
    casia_dataset *a;
    ck_assert_status(casia_dataset_load_file(&a, test_data_path("small.json"), NULL),
                     CASIA_OK);
    round_trip(a);
    casia_dataset_free(a);
}
END_TEST

START_TEST(test_round_trip_default)
{
    casia_dataset *a;
    ck_assert_status(casia_dataset_open_default(&a, NULL), CASIA_OK);
    round_trip(a);
    casia_dataset_free(a);
}
END_TEST

START_TEST(test_round_trip_awkward_numbers)
{
    /* doubles that need 16 and 17 significant digits, tiny and huge
     * magnitudes, and text with non-ASCII characters and escapes */
    casia_dataset *a;
    const char *t =
        "{\"format\": \"casia-dataset/1\", \"title\": \"T\\u00fcrkiye \\\"quoted\\\"\\n\","
        " \"sources\": [{\"id\": \"s\"}],"
        " \"indicators\": [{\"id\": \"x.y\", \"unit\": \"u\"}],"
        " \"series\": [{\"indicator\": \"x.y\", \"reporter\": \"KAZ\", \"partner\": \"WLD\","
        " \"basis\": \"other\", \"source\": \"s\", \"values\": {\"1900\": 0.1, \"1901\": 0.30000000000000004,"
        " \"1902\": 1.7976931348623157e308, \"1903\": 5e-324, \"1904\": -0.0,"
        " \"1905\": 123456789012345678, \"1906\": 2.2250738585072014e-308, \"2100\": -1.5}}]}";
    ck_assert_status(load_text(&a, t, NULL), CASIA_OK);
    ck_assert_uint_eq(casia_dataset_observation_count(a), 8);
    round_trip(a);
    {
        double v;
        ck_assert_status(casia_dataset_value(&v, a, "x.y", "KAZ", "WLD", 1901), CASIA_OK);
        ck_assert(v == 0.30000000000000004);
        ck_assert_status(casia_dataset_value(&v, a, "x.y", "KAZ", "WLD", 1903), CASIA_OK);
        ck_assert(v == 5e-324);
    }
    ck_assert_str_eq(casia_dataset_title(a), "T\xc3\xbcrkiye \"quoted\"\n");
    casia_dataset_free(a);
}
END_TEST

START_TEST(test_save_file)
{
    casia_dataset *a, *b;
    casia_error err;
    char path[] = "/tmp/casia-save-XXXXXX";
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    close(fd);
    ck_assert_status(casia_dataset_load_file(&a, test_data_path("small.json"), NULL),
                     CASIA_OK);
    ck_assert_status(casia_dataset_save_file(a, path, &err), CASIA_OK);
    ck_assert_status(casia_dataset_load_file(&b, path, &err), CASIA_OK);
    assert_equal(a, b);
    unlink(path);
    ck_assert_status(casia_dataset_save_file(a, "/nonexistent/dir/out.json", &err),
                     CASIA_EIO);
    ck_assert_str_eq(err.source, "/nonexistent/dir/out.json");
    ck_assert_ptr_nonnull(strstr(err.text, "cannot create"));
    ck_assert_status(casia_dataset_save_file(NULL, path, &err), CASIA_EINVAL);
    casia_dataset_free(a);
    casia_dataset_free(b);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("json");
    TCase *bad = tcase_create("bad input");
    TCase *good = tcase_create("round trip");
    tcase_set_timeout(bad, 60);
    tcase_add_test(bad, test_empty);
    tcase_add_test(bad, test_truncated);
    tcase_add_test(bad, test_not_json);
    tcase_add_test(bad, test_wrong_top_level);
    tcase_add_test(bad, test_format_member);
    tcase_add_test(bad, test_value_string);
    tcase_add_test(bad, test_negative_trade);
    tcase_add_test(bad, test_nan_infinity);
    tcase_add_test(bad, test_years);
    tcase_add_test(bad, test_countries);
    tcase_add_test(bad, test_undefined_source);
    tcase_add_test(bad, test_conflict);
    tcase_add_test(bad, test_same_value_twice_is_kept_once);
    tcase_add_test(bad, test_members);
    tcase_add_test(bad, test_invalid_utf8);
    tcase_add_test(bad, test_notes);
    tcase_add_test(bad, test_many_members);
    tcase_add_test(bad, test_deep_nesting);
    tcase_add_test(bad, test_deep_nesting_file);
    tcase_add_test(bad, test_other_sections);
    tcase_add_test(bad, test_bom_and_position_after_it);
    tcase_add_test(bad, test_io_errors);
    tcase_add_test(good, test_round_trip_small);
    tcase_add_test(good, test_round_trip_default);
    tcase_add_test(good, test_round_trip_awkward_numbers);
    tcase_add_test(good, test_save_file);
    suite_add_tcase(s, bad);
    suite_add_tcase(s, good);
    return run_suite(s);
}
