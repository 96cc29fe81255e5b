/*
 * casia.i - SWIG interface of libcasia's low-level Python module,
 * casia.core. Python users import the package `casia`
 * (bindings/python/casia/__init__.py), which wraps this module in Python
 * classes, named tuples and exceptions; nothing here is meant to be used
 * directly.
 *
 * The module declares exactly what Python sees (not the whole header).
 * Functions return Python objects built with the Python C API; every
 * libcasia failure becomes an exception made by the factory the package
 * registers (_set_error_factory), carrying code, source, line, column and
 * message.
 */
%module(package="casia") core

%{
#define SWIG_FILE_WITH_INIT
#include <casia.h>
#include <string.h>

/* Set once by the pure-Python package at import: a callable
 * (code, name, source, line, column, message) -> exception instance. */
static PyObject *casia_py_error_factory = NULL;

/* Raises the exception for a failed call; returns NULL for chaining. */
static PyObject *casia_py_raise(int code, const casia_error *err)
{
    PyObject *exc;
    const char *text = err && err->text[0] ? err->text : casia_strerror(code);
    if (!casia_py_error_factory) {
        PyErr_Format(PyExc_RuntimeError, "libcasia: %s", text);
        return NULL;
    }
    exc = PyObject_CallFunction(casia_py_error_factory, "issiis", code,
                                casia_status_name(code),
                                err ? err->source : "", err ? err->line : 0,
                                err ? err->column : 0, text);
    if (!exc)
        return NULL;
    PyErr_SetObject((PyObject *)Py_TYPE(exc), exc);
    Py_DECREF(exc);
    return NULL;
}

static PyObject *casia_py_str(const char *s)
{
    if (!s)
        Py_RETURN_NONE;
    return PyUnicode_FromString(s);
}

static PyObject *casia_py_observation(const casia_observation *o)
{
    return Py_BuildValue("(NNNidNNNN)", casia_py_str(o->indicator),
                         casia_py_str(o->reporter), casia_py_str(o->partner),
                         o->year, o->value, casia_py_str(casia_basis_name(o->basis)),
                         casia_py_str(o->source), casia_py_str(o->unit),
                         casia_py_str(o->note));
}

/* Parses an optional basis name (None = any). Returns 0 or -1 (raised). */
static int casia_py_basis(PyObject *obj, casia_basis *out)
{
    const char *s;
    *out = CASIA_BASIS_ANY;
    if (obj == Py_None)
        return 0;
    if (!PyUnicode_Check(obj)) {
        PyErr_SetString(PyExc_TypeError, "basis must be a string or None");
        return -1;
    }
    s = PyUnicode_AsUTF8(obj);
    if (!s)
        return -1;
    if (casia_basis_parse(out, s) != CASIA_OK || *out == CASIA_BASIS_MIXED) {
        casia_error err;
        memset(&err, 0, sizeof err);
        snprintf(err.text, sizeof err.text,
                 "unknown basis \"%s\" (reporter, partner_mirror, national_stats "
                 "or other)", s);
        casia_py_raise(CASIA_EINVAL, &err);
        return -1;
    }
    return 0;
}

/* An optional string argument: None -> NULL. */
static int casia_py_optstr(PyObject *obj, const char **out, const char *what)
{
    *out = NULL;
    if (obj == Py_None)
        return 0;
    if (!PyUnicode_Check(obj)) {
        PyErr_Format(PyExc_TypeError, "%s must be a string or None", what);
        return -1;
    }
    *out = PyUnicode_AsUTF8(obj);
    return *out ? 0 : -1;
}
%}

%init %{
%}

/* Every PyObject * result is returned as is (a new reference or NULL
 * with an exception set). */
%typemap(out) PyObject * {
    $result = $1;
    if (!$result)
        SWIG_fail;
}

/* The opaque dataset becomes a Python class owning its handle. */
%nodefaultctor casia_dataset;
typedef struct casia_dataset {} casia_dataset;
%extend casia_dataset {
    ~casia_dataset() {
        casia_dataset_free($self);
    }
}
/* Factories return a new dataset the Python object owns, or NULL with
 * the exception already raised. */
%typemap(out) casia_dataset * {
    if (!$1)
        SWIG_fail;
    $result = SWIG_NewPointerObj(SWIG_as_voidptr($1), $1_descriptor,
                                 SWIG_POINTER_OWN);
}

%inline %{
PyObject *_set_error_factory(PyObject *factory)
{
    Py_XINCREF(factory);
    Py_XDECREF(casia_py_error_factory);
    casia_py_error_factory = factory;
    Py_RETURN_NONE;
}

PyObject *version(void) { return casia_py_str(casia_version()); }
PyObject *default_sha256(void) { return casia_py_str(casia_default_sha256()); }

PyObject *status_codes(void)
{
    /* {name: code} for every status, from the library's own table */
    PyObject *d = PyDict_New();
#define CASIA_PY_STATUS_(name, value, text)                                    \
    if (d) {                                                                  \
        PyObject *v_ = PyLong_FromLong(value);                                \
        if (!v_ || PyDict_SetItemString(d, #name, v_) < 0) {                  \
            Py_XDECREF(v_);                                                   \
            Py_DECREF(d);                                                     \
            d = NULL;                                                         \
        } else {                                                              \
            Py_DECREF(v_);                                                    \
        }                                                                     \
    }
    CASIA_STATUS_MAP(CASIA_PY_STATUS_)
#undef CASIA_PY_STATUS_
    return d;
}

casia_dataset *_open_default(void)
{
    casia_dataset *ds = NULL;
    casia_error err;
    int rc = casia_dataset_open_default(&ds, &err);
    if (rc != CASIA_OK) {
        casia_py_raise(rc, &err);
        return NULL;
    }
    return ds;
}

casia_dataset *_load_file(const char *path)
{
    casia_dataset *ds = NULL;
    casia_error err;
    int rc = casia_dataset_load_file(&ds, path, &err);
    if (rc != CASIA_OK) {
        casia_py_raise(rc, &err);
        return NULL;
    }
    return ds;
}

casia_dataset *_load_buffer(PyObject *data, const char *name)
{
    casia_dataset *ds = NULL;
    casia_error err;
    char *buf;
    Py_ssize_t len;
    int rc;
    if (PyBytes_AsStringAndSize(data, &buf, &len) < 0)
        return NULL;
    rc = casia_dataset_load_buffer(&ds, buf, (size_t)len, name, &err);
    if (rc != CASIA_OK) {
        casia_py_raise(rc, &err);
        return NULL;
    }
    return ds;
}

PyObject *_to_json(const casia_dataset *ds)
{
    char *text;
    size_t n;
    PyObject *r;
    int rc = casia_dataset_to_json(&text, &n, ds);
    if (rc != CASIA_OK)
        return casia_py_raise(rc, NULL);
    r = PyUnicode_DecodeUTF8(text, (Py_ssize_t)n, "strict");
    casia_free(text);
    return r;
}

PyObject *_save_file(const casia_dataset *ds, const char *path)
{
    casia_error err;
    int rc = casia_dataset_save_file(ds, path, &err);
    if (rc != CASIA_OK)
        return casia_py_raise(rc, &err);
    Py_RETURN_NONE;
}

PyObject *_info(const casia_dataset *ds)
{
    return Py_BuildValue("(NNnnnnnnn)", casia_py_str(casia_dataset_title(ds)),
                         casia_py_str(casia_dataset_description(ds)),
                         (Py_ssize_t)casia_dataset_observation_count(ds),
                         (Py_ssize_t)casia_dataset_indicator_count(ds),
                         (Py_ssize_t)casia_dataset_source_count(ds),
                         (Py_ssize_t)casia_dataset_membership_count(ds),
                         (Py_ssize_t)casia_dataset_organisation_count(ds),
                         (Py_ssize_t)casia_dataset_vote_count(ds),
                         (Py_ssize_t)casia_dataset_memory_usage(ds));
}

/* Observations [start, stop) as a list of tuples (chunked iteration). */
PyObject *_observations(const casia_dataset *ds, size_t start, size_t stop)
{
    size_t i, n = casia_dataset_observation_count(ds);
    PyObject *list;
    if (stop > n)
        stop = n;
    if (start > stop)
        start = stop;
    list = PyList_New((Py_ssize_t)(stop - start));
    if (!list)
        return NULL;
    for (i = start; i < stop; i++) {
        casia_observation o;
        PyObject *t;
        casia_dataset_observation(&o, ds, i);
        t = casia_py_observation(&o);
        if (!t) {
            Py_DECREF(list);
            return NULL;
        }
        PyList_SET_ITEM(list, (Py_ssize_t)(i - start), t);
    }
    return list;
}

/* The observations matching a query, as a list of tuples. */
PyObject *_query(const casia_dataset *ds, PyObject *indicator, PyObject *reporter,
                 PyObject *partner, int year_from, int year_to, PyObject *basis,
                 PyObject *source)
{
    casia_query q = CASIA_QUERY_INIT;
    casia_cursor *cur;
    casia_observation o;
    PyObject *list;
    int rc;
    if (casia_py_optstr(indicator, &q.indicator, "indicator") ||
        casia_py_optstr(reporter, &q.reporter, "reporter") ||
        casia_py_optstr(partner, &q.partner, "partner") ||
        casia_py_optstr(source, &q.source, "source") ||
        casia_py_basis(basis, &q.basis))
        return NULL;
    q.year_from = year_from;
    q.year_to = year_to;
    /* the package resolves countries first, so a failure here is rare */
    rc = casia_dataset_query(&cur, ds, &q);
    if (rc != CASIA_OK)
        return casia_py_raise(rc, NULL);
    list = PyList_New(0);
    while (list && casia_cursor_next(cur, &o) == CASIA_OK) {
        PyObject *t = casia_py_observation(&o);
        if (!t || PyList_Append(list, t) < 0) {
            Py_XDECREF(t);
            Py_DECREF(list);
            list = NULL;
            break;
        }
        Py_DECREF(t);
    }
    casia_cursor_free(cur);
    return list;
}

PyObject *_indicators(const casia_dataset *ds)
{
    size_t i, n = casia_dataset_indicator_count(ds);
    PyObject *list = PyList_New((Py_ssize_t)n);
    for (i = 0; list && i < n; i++) {
        const char *id, *unit;
        casia_dataset_indicator(&id, &unit, ds, i);
        PyList_SET_ITEM(list, (Py_ssize_t)i, Py_BuildValue("(ss)", id, unit));
    }
    return list;
}

PyObject *_sources(const casia_dataset *ds)
{
    size_t i, n = casia_dataset_source_count(ds);
    PyObject *list = PyList_New((Py_ssize_t)n);
    for (i = 0; list && i < n; i++) {
        casia_source s;
        casia_dataset_source(&s, ds, i);
        PyList_SET_ITEM(list, (Py_ssize_t)i,
                        Py_BuildValue("(sssss)", s.id, s.title, s.publisher,
                                      s.url, s.description));
    }
    return list;
}

PyObject *_memberships(const casia_dataset *ds)
{
    size_t i, n = casia_dataset_membership_count(ds);
    PyObject *list = PyList_New((Py_ssize_t)n);
    for (i = 0; list && i < n; i++) {
        casia_membership m;
        casia_dataset_membership(&m, ds, i);
        PyList_SET_ITEM(list, (Py_ssize_t)i,
                        Py_BuildValue("(ssiNsN)", m.country, m.organisation,
                                      m.start_year,
                                      m.end_year ? PyLong_FromLong(m.end_year)
                                                 : (Py_INCREF(Py_None), Py_None),
                                      m.source, casia_py_str(m.note)));
    }
    return list;
}

PyObject *_organisations(const casia_dataset *ds)
{
    size_t i, n = casia_dataset_organisation_count(ds);
    PyObject *list = PyList_New((Py_ssize_t)n);
    for (i = 0; list && i < n; i++) {
        casia_organisation o;
        casia_dataset_organisation(&o, ds, i);
        PyList_SET_ITEM(list, (Py_ssize_t)i,
                        Py_BuildValue("(ssNNN)", o.id, o.name, casia_py_str(o.led_by),
                                      casia_py_str(o.source), casia_py_str(o.note)));
    }
    return list;
}

PyObject *_votes(const casia_dataset *ds)
{
    size_t i, n = casia_dataset_vote_count(ds);
    PyObject *list = PyList_New((Py_ssize_t)n);
    for (i = 0; list && i < n; i++) {
        casia_vote v;
        casia_dataset_vote(&v, ds, i);
        PyList_SET_ITEM(list, (Py_ssize_t)i,
                        Py_BuildValue("(sssss)", v.resolution, v.date, v.country,
                                      casia_vote_choice_name(v.vote), v.source));
    }
    return list;
}

PyObject *resolve_country(const char *text)
{
    const char *code;
    casia_error err;
    int rc = casia_country_resolve(&code, text, &err);
    if (rc != CASIA_OK)
        return casia_py_raise(rc, &err);
    return casia_py_str(code);
}

PyObject *_countries(void)
{
    size_t i, n = casia_country_count();
    static const char *const kinds[] = {"", "country", "aggregate", "area",
                                        "former state"};
    PyObject *list = PyList_New((Py_ssize_t)n);
    for (i = 0; list && i < n; i++) {
        casia_country c;
        casia_country_at(&c, i);
        PyList_SET_ITEM(list, (Py_ssize_t)i,
                        Py_BuildValue("(sssss)", c.code, c.alpha2, c.numeric, c.name,
                                      kinds[c.kind]));
    }
    return list;
}
%}
