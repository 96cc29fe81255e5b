/*
 * fixture.c - the fixtures the Check programs share (see fixture.h).
 */
#include "fixture_indices.h"

casia_dataset *ds;

casia_dataset *fixture_load(const char *name)
{
    casia_dataset *d = NULL;
    casia_error err;
    int rc = casia_dataset_load_file(&d, test_data_path(name), &err);
    ck_assert_msg(rc == CASIA_OK, "%s: %s:%d:%d: %s", name, err.source,
                  err.line, err.column, err.text);
    return d;
}

void setup(void)
{
    ds = fixture_load("indices.json");
}

void setup_sums(void)
{
    ds = fixture_load("indices_sums.json");
}

void setup_years(void)
{
    ds = fixture_load("indices_years.json");
}

void teardown(void)
{
    casia_dataset_free(ds);
    ds = NULL;
}

int has_source(const casia_result *r, const char *id)
{
    unsigned i;
    for (i = 0; i < r->source_count; i++)
        if (strcmp(r->sources[i], id) == 0)
            return 1;
    return 0;
}

casia_dataset *import_ok(const char *name, casia_format f,
                         const casia_import_options *opt,
                         casia_import_report *rep)
{
    casia_dataset *d = NULL;
    casia_error err;
    char msg[1024] = "";
    int rc = casia_import_file(&d, test_data_path(name), f, opt, rep, &err);
    if (rc != CASIA_OK)
        casia_error_format(&err, msg, sizeof msg);
    ck_assert_msg(rc == CASIA_OK, "%s: %s", name, msg);
    return d;
}

void import_fails(const char *name, casia_format f,
                  const casia_import_options *opt, int code, int line,
                  int column, const char *what)
{
    casia_dataset *d = (casia_dataset *)&d;   /* sentinel */
    casia_error err;
    int rc = casia_import_file(&d, test_data_path(name), f, opt, NULL, &err);
    ck_assert_msg(rc == code, "%s: %s (%s), expected %s", name,
                  casia_status_name(rc), err.text, casia_status_name(code));
    ck_assert_ptr_eq(d, (casia_dataset *)&d);
    ck_assert_int_eq(err.code, code);
    ck_assert_msg(strstr(err.source, name) != NULL, "source \"%s\"", err.source);
    ck_assert_msg(err.line == line && (column == 0 || err.column == column),
                  "%s: at %d:%d, expected %d:%d (%s)", name, err.line, err.column,
                  line, column, err.text);
    ck_assert_msg(strstr(err.text, what) != NULL, "\"%s\" lacks \"%s\"", err.text,
                  what);
}

double value(const casia_dataset *d, const char *ind, const char *rep,
             const char *par, int year)
{
    double v = -1;
    int rc = casia_dataset_value(&v, d, ind, rep, par, year);
    ck_assert_msg(rc == CASIA_OK, "%s %s-%s %d: %s", ind, rep, par, year,
                  casia_status_name(rc));
    return v;
}
