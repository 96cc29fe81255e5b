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
    /* messages may quote bytes of a file that is not UTF-8: decode with
     * replacement so the error is always a casia.Error */
    exc = PyObject_CallFunction(casia_py_error_factory, "isNiiN", code,
                                casia_status_name(code),
                                PyUnicode_DecodeUTF8(err ? err->source : "",
                                                     (Py_ssize_t)strlen(err ? err->source : ""),
                                                     "replace"),
                                err ? err->line : 0, err ? err->column : 0,
                                PyUnicode_DecodeUTF8(text, (Py_ssize_t)strlen(text),
                                                     "replace"));
    if (!exc)
        return NULL;
    PyErr_SetObject((PyObject *)Py_TYPE(exc), exc);
    Py_DECREF(exc);
    return NULL;
}

/* Raises for an index that failed, saying which query and why. */
static PyObject *casia_py_raise_index(int code, const char *what)
{
    casia_error err;
    const char *why = code == CASIA_ENOTFOUND ? "no data for it in the dataset"
                      : code == CASIA_EDOMAIN ? "undefined: the denominator is zero"
                                              : casia_strerror(code);
    memset(&err, 0, sizeof err);
    snprintf(err.text, sizeof err.text, "%s: %s", what, why);
    return casia_py_raise(code, &err);
}

static PyObject *casia_py_str(const char *s)
{
    if (!s)
        Py_RETURN_NONE;
    return PyUnicode_DecodeUTF8(s, (Py_ssize_t)strlen(s), "replace");
}

/* A string for a message: never NULL. */
static const char *casia_py_s(const char *s)
{
    return s ? s : "(none)";
}

/* Stores item at (*list)[i]; a failed item (NULL, an exception set) frees
 * the list and sets *list to NULL. Returns 0, or -1 on failure. */
static int casia_py_set(PyObject **list, Py_ssize_t i, PyObject *item)
{
    if (!item) {
        Py_CLEAR(*list);
        return -1;
    }
    PyList_SET_ITEM(*list, i, item);
    return 0;
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

/* casia_options from a dict of keyword arguments (None: defaults). The
 * weights array lives in the caller's storage. Returns 0, or -1 with an
 * exception set. */
%{
static int casia_py_options(PyObject *d, casia_options *opt, double *weights)
{
    PyObject *key, *value;
    Py_ssize_t pos = 0;
    casia_options_init(opt);
    if (d == NULL || d == Py_None)
        return 0;
    if (!PyDict_Check(d)) {
        PyErr_SetString(PyExc_TypeError, "options must be a dict");
        return -1;
    }
    while (PyDict_Next(d, &pos, &key, &value)) {
        const char *k = PyUnicode_AsUTF8(key);
        if (!k)
            return -1;
        if (value == Py_None)
            continue;
        if (strcmp(k, "basis") == 0) {
            if (casia_py_basis(value, &opt->basis))
                return -1;
        } else if (strcmp(k, "mirror") == 0 || strcmp(k, "total") == 0) {
            const char *v = PyUnicode_Check(value) ? PyUnicode_AsUTF8(value) : NULL;
            int m = -1;
            if (v && strcmp(k, "mirror") == 0)
                m = strcmp(v, "auto") == 0 ? CASIA_MIRROR_AUTO
                    : strcmp(v, "never") == 0 ? CASIA_MIRROR_NEVER
                    : strcmp(v, "force") == 0 ? CASIA_MIRROR_FORCE : -1;
            else if (v)
                m = strcmp(v, "auto") == 0 ? CASIA_TOTAL_AUTO
                    : strcmp(v, "world") == 0 ? CASIA_TOTAL_WORLD
                    : strcmp(v, "partners") == 0 ? CASIA_TOTAL_PARTNERS : -1;
            if (m < 0) {
                PyErr_Format(PyExc_ValueError, "%s: %s", k,
                             strcmp(k, "mirror") == 0 ? "'auto', 'never' or 'force'"
                                                      : "'auto', 'world' or 'partners'");
                return -1;
            }
            if (strcmp(k, "mirror") == 0)
                opt->mirror = (casia_mirror_policy)m;
            else
                opt->total = (casia_total_policy)m;
        } else if (strcmp(k, "source") == 0) {
            if (casia_py_optstr(value, &opt->source, "source"))
                return -1;
        } else if (strcmp(k, "min_partners") == 0 || strcmp(k, "arms_window") == 0 ||
                   strcmp(k, "prefer_reported") == 0 || strcmp(k, "draws") == 0) {
            long v = PyLong_AsLong(value);
            if (v == -1 && PyErr_Occurred())
                return -1;
            if (v < 0) {
                PyErr_Format(PyExc_ValueError, "%s must not be negative", k);
                return -1;
            }
            if (k[0] == 'm')
                opt->min_partners = (unsigned)v;
            else if (k[0] == 'a')
                opt->arms_window = (int)v;
            else if (k[0] == 'p')
                opt->prefer_reported = v != 0;
            else
                opt->draws = (unsigned long)v;
        } else if (strcmp(k, "seed") == 0) {
            unsigned long long v = PyLong_AsUnsignedLongLong(value);
            if (PyErr_Occurred())
                return -1;
            opt->seed = v;
        } else if (strcmp(k, "periods") == 0) {
            if (!PyArg_ParseTuple(value, "(ii)(ii)", &opt->period1_from, &opt->period1_to,
                                  &opt->period2_from, &opt->period2_to))
                return -1;
        } else if (strcmp(k, "weights") == 0) {
            int i;
            PyObject *seq = PySequence_Fast(value, "weights must be a sequence");
            if (!seq)
                return -1;
            if (PySequence_Fast_GET_SIZE(seq) != CASIA_DIM_COUNT) {
                Py_DECREF(seq);
                PyErr_Format(PyExc_ValueError, "weights: %d numbers", CASIA_DIM_COUNT);
                return -1;
            }
            for (i = 0; i < CASIA_DIM_COUNT; i++) {
                weights[i] = PyFloat_AsDouble(PySequence_Fast_GET_ITEM(seq, i));
                if (PyErr_Occurred()) {
                    Py_DECREF(seq);
                    return -1;
                }
            }
            Py_DECREF(seq);
            opt->weights = weights;
        } else {
            PyErr_Format(PyExc_TypeError, "unknown option '%s'", k);
            return -1;
        }
    }
    return 0;
}

static PyObject *casia_py_sources(const char *const *ids, unsigned n)
{
    PyObject *list = PyList_New((Py_ssize_t)n);
    unsigned i;
    for (i = 0; list && i < n; i++)
        if (casia_py_set(&list, (Py_ssize_t)i, casia_py_str(ids[i])))
            break;
    return list;
}

static PyObject *casia_py_years(const casia_result *r)
{
    PyObject *list = PyList_New(0);
    int y;
    if (!r->year_from)
        return list;
    for (y = r->year_from; list && y <= r->year_to; y++) {
        if (casia_result_has_year(r, y)) {
            PyObject *v = PyLong_FromLong(y);
            if (!v || PyList_Append(list, v) < 0) {
                Py_XDECREF(v);
                Py_DECREF(list);
                return NULL;
            }
            Py_DECREF(v);
        }
    }
    return list;
}

/* (value, unit, basis, flags, year_from, year_to, years, sources,
 *  numerator, denominator, coverage, lower, upper, other, count) */
static PyObject *casia_py_result(const casia_result *r)
{
    return Py_BuildValue("(dNNIiiNNddddddn)", r->value, casia_py_str(r->unit),
                         casia_py_str(casia_basis_name(r->basis)), r->flags,
                         r->year_from, r->year_to, casia_py_years(r),
                         casia_py_sources(r->sources, r->source_count), r->numerator,
                         r->denominator, r->coverage, r->lower, r->upper, r->other,
                         (Py_ssize_t)r->count);
}

static PyObject *casia_py_ranks(const casia_rank_entry *e, size_t n)
{
    PyObject *list = PyList_New((Py_ssize_t)n);
    size_t i;
    for (i = 0; list && i < n; i++)
        if (casia_py_set(&list, (Py_ssize_t)i,
                        Py_BuildValue("(sddNNI)", e[i].partner, e[i].value, e[i].share,
                                      casia_py_str(casia_basis_name(e[i].basis)),
                                      casia_py_str(e[i].source), e[i].flags)))
            break;
    return list;
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
        if (casia_py_set(&list, (Py_ssize_t)(i - start), t))
            break;
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
        if (casia_py_set(&list, (Py_ssize_t)i, Py_BuildValue("(ss)", id, unit)))
            break;
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
        if (casia_py_set(&list, (Py_ssize_t)i,
                        Py_BuildValue("(sssss)", s.id, s.title, s.publisher,
                                      s.url, s.description)))
            break;
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
        if (casia_py_set(&list, (Py_ssize_t)i,
                        Py_BuildValue("(ssiNsN)", m.country, m.organisation,
                                      m.start_year,
                                      m.end_year ? PyLong_FromLong(m.end_year)
                                                 : (Py_INCREF(Py_None), Py_None),
                                      m.source, casia_py_str(m.note))))
            break;
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
        if (casia_py_set(&list, (Py_ssize_t)i,
                        Py_BuildValue("(ssNNN)", o.id, o.name, casia_py_str(o.led_by),
                                      casia_py_str(o.source), casia_py_str(o.note))))
            break;
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
        if (casia_py_set(&list, (Py_ssize_t)i,
                        Py_BuildValue("(sssss)", v.resolution, v.date, v.country,
                                      casia_vote_choice_name(v.vote), v.source)))
            break;
    }
    return list;
}

/* casia_vote_agreement() of two vote names; None when it does not count */
PyObject *_vote_agreement(const char *a, const char *b)
{
    static const char *const names[] = {"", "yes", "no", "abstain", "absent"};
    int va = 0, vb = 0, k;
    double s;
    for (k = 1; k <= 4; k++) {
        if (strcmp(a, names[k]) == 0)
            va = k;
        if (strcmp(b, names[k]) == 0)
            vb = k;
    }
    s = casia_vote_agreement((casia_vote_choice)va, (casia_vote_choice)vb);
    if (s < 0)
        Py_RETURN_NONE;
    return PyFloat_FromDouble(s);
}

PyObject *_resolutions(const casia_dataset *ds)
{
    size_t i, n = casia_dataset_resolution_count(ds);
    PyObject *list = PyList_New((Py_ssize_t)n);
    for (i = 0; list && i < n; i++) {
        casia_resolution r;
        casia_dataset_resolution(&r, ds, i);
        if (casia_py_set(&list, (Py_ssize_t)i,
                        Py_BuildValue("(ssssN)", r.id, r.date, r.title, r.source,
                                      casia_py_str(r.note))))
            break;
    }
    return list;
}

/* The events of casia_dataset_events() as tuples; country and partner
 * may be None, types a list of type names. */
PyObject *_events(const casia_dataset *ds, PyObject *country, PyObject *partner,
                  PyObject *types, int year_from, int year_to)
{
    const char *c = NULL, *p = NULL;
    unsigned mask = 0;
    size_t n = 0, i;
    casia_event *ev = NULL;
    PyObject *list;
    int rc;
    if (country != Py_None && !(c = PyUnicode_AsUTF8(country)))
        return NULL;
    if (partner != Py_None && !(p = PyUnicode_AsUTF8(partner)))
        return NULL;
    if (types != Py_None) {
        Py_ssize_t k, m;
        PyObject *seq = PySequence_Fast(types, "types: a list of event type names");
        if (!seq)
            return NULL;
        m = PySequence_Fast_GET_SIZE(seq);
        for (k = 0; k < m; k++) {
            const char *name = PyUnicode_AsUTF8(PySequence_Fast_GET_ITEM(seq, k));
            casia_event_type t;
            if (!name) {
                Py_DECREF(seq);
                return NULL;
            }
            if (casia_event_type_parse(&t, name) != CASIA_OK) {
                casia_error err;
                memset(&err, 0, sizeof err);
                snprintf(err.text, sizeof err.text, "unknown event type '%s' (base, "
                         "defence_agreement, exercise, deployment, visit or summit)",
                         name);
                Py_DECREF(seq);
                return casia_py_raise(CASIA_EINVAL, &err);
            }
            mask |= 1u << t;
        }
        Py_DECREF(seq);
    }
    rc = casia_dataset_events(NULL, 0, &n, ds, c, p, mask, year_from, year_to);
    if (rc == CASIA_OK && n) {
        if (!(ev = malloc(n * sizeof *ev)))
            return PyErr_NoMemory();
        rc = casia_dataset_events(ev, n, &n, ds, c, p, mask, year_from, year_to);
    }
    if (rc != CASIA_OK) {
        free(ev);
        return casia_py_raise_index(rc, "events: unknown country or partner");
    }
    list = PyList_New((Py_ssize_t)n);
    for (i = 0; list && i < n; i++) {
        if (casia_py_set(&list, (Py_ssize_t)i,
                        Py_BuildValue("(sssiNssssN)", ev[i].id,
                                      casia_event_type_name(ev[i].type), ev[i].date,
                                      ev[i].year,
                                      ev[i].end_year ? PyLong_FromLong(ev[i].end_year)
                                                     : (Py_INCREF(Py_None), Py_None),
                                      ev[i].country, ev[i].partner, ev[i].title,
                                      ev[i].source, casia_py_str(ev[i].note))))
            break;
    }
    free(ev);
    return list;
}

/* The claims of the file at path (None: the built-in ones) evaluated on
 * ds: one tuple per claim, its views a list of tuples. */
static PyObject *casia_py_value_or_none(const casia_claim_view *v, double x)
{
    if (!v || v->holds < 0)
        Py_RETURN_NONE;
    return PyFloat_FromDouble(x);
}

static PyObject *casia_py_view(const casia_claim_view *v)
{
    char label[128];
    if (v->source)
        snprintf(label, sizeof label, "source:%s", v->source);
    else
        snprintf(label, sizeof label, "%s",
                 v->basis == CASIA_BASIS_ANY ? "default" : casia_basis_name(v->basis));
    return Py_BuildValue("(sNNNNNNNs)", label,
                         v->holds < 0 ? (Py_INCREF(Py_None), Py_None)
                                      : PyBool_FromLong(v->holds),
                         casia_py_value_or_none(v, v->value),
                         casia_py_value_or_none(v, v->other),
                         casia_py_value_or_none(v, v->margin),
                         v->year ? PyLong_FromLong(v->year)
                                 : (Py_INCREF(Py_None), Py_None),
                         v->holds < 0 ? (Py_INCREF(Py_None), Py_None)
                                      : PyUnicode_FromString(casia_basis_name(v->result_basis)),
                         casia_py_sources(v->sources, v->source_count),
                         v->note);
}

PyObject *_check_claims(const casia_dataset *ds, PyObject *path)
{
    casia_claims *cl = NULL;
    casia_claim_result *r;
    casia_error err;
    PyObject *list;
    size_t i, n;
    int rc;
    if (path == Py_None)
        rc = casia_claims_default(&cl, &err);
    else {
        const char *p = PyUnicode_AsUTF8(path);
        if (!p)
            return NULL;
        rc = casia_claims_load_file(&cl, p, &err);
    }
    if (rc != CASIA_OK)
        return casia_py_raise(rc, &err);
    if (!(r = malloc(sizeof *r))) {
        casia_claims_free(cl);
        return PyErr_NoMemory();
    }
    n = casia_claims_count(cl);
    list = PyList_New((Py_ssize_t)n);
    for (i = 0; list && i < n; i++) {
        casia_claim c;
        const casia_claim_view *d;
        PyObject *views;
        unsigned k;
        casia_claim_get(&c, cl, i);
        casia_claim_evaluate(r, cl, i, ds, NULL);
        d = r->decisive >= 0 ? &r->views[r->decisive] : NULL;
        views = PyList_New((Py_ssize_t)r->view_count);
        for (k = 0; views && k < r->view_count; k++)
            if (casia_py_set(&views, (Py_ssize_t)k, casia_py_view(&r->views[k])))
                break;
        if (!views) {
            Py_CLEAR(list);
            break;
        }
        if (casia_py_set(&list, (Py_ssize_t)i,
                        Py_BuildValue("(sssssssNNNNNNNs)", c.id,
                                      casia_claim_type_name(c.type), c.quote,
                                      c.where, c.statement,
                                      casia_verdict_name(r->verdict), r->unit,
                                      casia_py_value_or_none(d, d ? d->value : 0),
                                      casia_py_value_or_none(d, d ? d->other : 0),
                                      casia_py_value_or_none(d, d ? d->margin : 0),
                                      d && d->year ? PyLong_FromLong(d->year)
                                                   : (Py_INCREF(Py_None), Py_None),
                                      d ? PyUnicode_FromString(casia_basis_name(d->result_basis))
                                        : (Py_INCREF(Py_None), Py_None),
                                      d ? casia_py_sources(d->sources, d->source_count)
                                        : PyList_New(0),
                                      views, r->missing)))
            break;
    }
    free(r);
    casia_claims_free(cl);
    return list;
}

/* ---- importing ---------------------------------------------------- */

static int casia_py_import_options(PyObject *d, casia_import_options *opt)
{
    PyObject *key, *value;
    Py_ssize_t pos = 0;
    casia_import_options_init(opt);
    if (d == NULL || d == Py_None)
        return 0;
    while (PyDict_Next(d, &pos, &key, &value)) {
        const char *k = PyUnicode_AsUTF8(key);
        if (!k)
            return -1;
        if (value == Py_None)
            continue;
        if (strcmp(k, "lenient") == 0 || strcmp(k, "sum_months") == 0) {
            int v = PyObject_IsTrue(value);
            if (v < 0)
                return -1;
            if (k[0] == 'l')
                opt->lenient = v;
            else
                opt->sum_months = v;
        } else if (strcmp(k, "flows") == 0) {
            long v = PyLong_AsLong(value);
            if (v == -1 && PyErr_Occurred())
                return -1;
            opt->flows = (unsigned)v;
        } else if (strcmp(k, "chapters") == 0) {
            opt->commodity = CASIA_COMMODITY_SUM_CHAPTERS;
            if (casia_py_optstr(value, &opt->chapters, "chapters"))
                return -1;
        } else if (strcmp(k, "source_id") == 0) {
            if (casia_py_optstr(value, &opt->source_id, "source_id"))
                return -1;
        } else if (strcmp(k, "basis") == 0) {
            if (casia_py_basis(value, &opt->basis))
                return -1;
        } else {
            PyErr_Format(PyExc_TypeError, "unknown import option '%s'", k);
            return -1;
        }
    }
    return 0;
}

static PyObject *casia_py_report(const casia_import_report *r)
{
    PyObject *errors = PyList_New(r->n_errors);
    int i;
    for (i = 0; errors && i < r->n_errors; i++) {
        char msg[CASIA_ERROR_SOURCE_SIZE + CASIA_ERROR_TEXT_SIZE + 32];
        casia_error_format(&r->errors[i], msg, sizeof msg);
        if (casia_py_set(&errors, i, casia_py_str(msg)))
            break;
    }
    return Py_BuildValue("{s:s,s:K,s:K,s:K,s:K,s:K,s:K,s:s,s:N}",
                         "format", casia_format_name(r->format), "bytes", r->bytes,
                         "rows", r->rows, "kept", r->kept, "filtered", r->filtered,
                         "skipped", r->skipped, "observations", r->observations,
                         "source_id", r->source_id, "errors", errors);
}

static int casia_py_format(const char *name, casia_format *out)
{
    if (casia_format_parse(out, name) == CASIA_OK)
        return 0;
    {
        casia_error err;
        memset(&err, 0, sizeof err);
        snprintf(err.text, sizeof err.text, "unknown format \"%s\"", name);
        casia_py_raise(CASIA_EINVAL, &err);
    }
    return -1;
}
%}

%inline %{
/* (dataset, report dict) */
PyObject *_import_file(const char *path, const char *format, PyObject *options)
{
    casia_import_options opt;
    casia_import_report rep;
    casia_dataset *ds = NULL;
    casia_format f;
    casia_error err;
    int rc;
    if (casia_py_format(format, &f) || casia_py_import_options(options, &opt))
        return NULL;
    Py_BEGIN_ALLOW_THREADS
    rc = casia_import_file(&ds, path, f, &opt, &rep, &err);
    Py_END_ALLOW_THREADS
    if (rc != CASIA_OK)
        return casia_py_raise(rc, &err);
    return Py_BuildValue("(NN)",
                         SWIG_NewPointerObj(SWIG_as_voidptr(ds), SWIGTYPE_p_casia_dataset,
                                            SWIG_POINTER_OWN),
                         casia_py_report(&rep));
}

casia_dataset *_merge(PyObject *datasets)
{
    PyObject *seq = PySequence_Fast(datasets, "merge needs a sequence of datasets");
    const casia_dataset **parts;
    casia_dataset *out = NULL;
    casia_error err;
    Py_ssize_t n, i;
    int rc;
    if (!seq)
        return NULL;
    n = PySequence_Fast_GET_SIZE(seq);
    parts = PyMem_Calloc((size_t)n + 1, sizeof *parts);
    if (!parts) {
        Py_DECREF(seq);
        PyErr_NoMemory();
        return NULL;
    }
    for (i = 0; i < n; i++) {
        void *p = NULL;
        if (!SWIG_IsOK(SWIG_ConvertPtr(PySequence_Fast_GET_ITEM(seq, i), &p,
                                       SWIGTYPE_p_casia_dataset, 0)) || !p) {
            PyMem_Free(parts);
            Py_DECREF(seq);
            PyErr_SetString(PyExc_TypeError, "merge: every item must be a dataset");
            return NULL;
        }
        parts[i] = p;
    }
    rc = casia_dataset_merge(&out, parts, (size_t)n, &err);
    PyMem_Free(parts);
    Py_DECREF(seq);
    if (rc != CASIA_OK) {
        casia_py_raise(rc, &err);
        return NULL;
    }
    return out;
}

PyObject *_to_csv(const casia_dataset *ds)
{
    char *text;
    size_t n;
    PyObject *r;
    int rc = casia_dataset_to_csv(&text, &n, ds);
    if (rc != CASIA_OK)
        return casia_py_raise(rc, NULL);
    r = PyUnicode_DecodeUTF8(text, (Py_ssize_t)n, "strict");
    casia_free(text);
    return r;
}

/* [(reporter, year, turnover, imports, exports, hhi, top_partner,
 *   top_share, partners)] over Comtrade files streamed in one pass */
PyObject *_stream(PyObject *paths, PyObject *options)
{
    casia_import_options opt;
    casia_stream *st;
    casia_error err;
    PyObject *seq, *list;
    Py_ssize_t i, n;
    size_t k, count;
    if (casia_py_import_options(options, &opt))
        return NULL;
    seq = PySequence_Fast(paths, "stream needs a sequence of file names");
    if (!seq)
        return NULL;
    if (casia_stream_new(&st, &opt) != CASIA_OK) {
        Py_DECREF(seq);
        return PyErr_NoMemory();
    }
    n = PySequence_Fast_GET_SIZE(seq);
    for (i = 0; i < n; i++) {
        const char *path = PyUnicode_AsUTF8(PySequence_Fast_GET_ITEM(seq, i));
        int rc;
        if (!path) {
            casia_stream_free(st);
            Py_DECREF(seq);
            return NULL;
        }
        Py_BEGIN_ALLOW_THREADS
        rc = casia_stream_add_file(st, path, NULL, &err);
        Py_END_ALLOW_THREADS
        if (rc != CASIA_OK) {
            casia_stream_free(st);
            Py_DECREF(seq);
            return casia_py_raise(rc, &err);
        }
    }
    Py_DECREF(seq);
    count = casia_stream_count(st);
    list = PyList_New((Py_ssize_t)count);
    for (k = 0; list && k < count; k++) {
        casia_stream_result r;
        int ok = casia_stream_at(&r, st, k) == CASIA_OK;
        if (casia_py_set(&list, (Py_ssize_t)k,
                        Py_BuildValue("(sidddNNNi)", r.reporter, r.year, r.turnover,
                                      r.imports, r.exports,
                                      ok ? PyFloat_FromDouble(r.hhi) : (Py_INCREF(Py_None), Py_None),
                                      casia_py_str(ok ? r.top_partner : NULL),
                                      ok ? PyFloat_FromDouble(r.top_share) : (Py_INCREF(Py_None), Py_None),
                                      r.partners)))
            break;
    }
    casia_stream_free(st);
    return list;
}

/* ---- indices ------------------------------------------------------ */

PyObject *_index_names(void)
{
    PyObject *list = PyList_New(0);
    int i;
    for (i = 1; list && i <= CASIA_INDEX_COUNT; i++) {
        PyObject *v = PyUnicode_FromString(casia_index_name((casia_index_id)i));
        if (!v || PyList_Append(list, v) < 0) {
            Py_XDECREF(v);
            Py_DECREF(list);
            return NULL;
        }
        Py_DECREF(v);
    }
    return list;
}

PyObject *_dimension_names(void)
{
    PyObject *list = PyList_New(CASIA_DIM_COUNT);
    int i;
    for (i = 0; list && i < CASIA_DIM_COUNT; i++)
        if (casia_py_set(&list, i, PyUnicode_FromString(casia_dimension_name((casia_dimension)i))))
            break;
    return list;
}

/* {name: bit} of every result flag, named by the library */
PyObject *_flag_bits(void)
{
    PyObject *d = PyDict_New();
    unsigned bit;
    if (!d)
        return NULL;
    for (bit = 1; bit; bit <<= 1) {
        const char *name = casia_result_flag_name(bit);
        PyObject *v;
        if (!name)
            continue;
        if (!(v = PyLong_FromUnsignedLong(bit)) || PyDict_SetItemString(d, name, v) < 0) {
            Py_XDECREF(v);
            Py_DECREF(d);
            return NULL;
        }
        Py_DECREF(v);
    }
    return d;
}

/* Any annual index by name: "import_share", "turnover_hhi", ... */
PyObject *_index(const casia_dataset *ds, const char *name, const char *reporter,
                 PyObject *partner, int year, PyObject *options)
{
    casia_options opt;
    double w[CASIA_DIM_COUNT];
    casia_index_id id;
    casia_result r;
    const char *p;
    int rc;
    if (casia_index_parse(&id, name) != CASIA_OK) {
        casia_error err;
        memset(&err, 0, sizeof err);
        snprintf(err.text, sizeof err.text, "unknown index \"%s\"", name);
        return casia_py_raise(CASIA_EINVAL, &err);
    }
    if (casia_py_optstr(partner, &p, "partner") || casia_py_options(options, &opt, w))
        return NULL;
    rc = casia_index(&r, ds, id, reporter, p, year, &opt);
    if (rc != CASIA_OK) {
        char what[160];
        snprintf(what, sizeof what, "%s %s%s%s %d", name, casia_py_s(reporter),
                 p ? "-" : "", p ? p : "", year);
        return casia_py_raise_index(rc, what);
    }
    return casia_py_result(&r);
}

PyObject *_arms_share(const casia_dataset *ds, const char *recipient,
                      const char *supplier, int first, int last, PyObject *options)
{
    casia_options opt;
    double w[CASIA_DIM_COUNT];
    casia_result r;
    int rc;
    if (casia_py_options(options, &opt, w))
        return NULL;
    rc = casia_arms_share(&r, ds, recipient, supplier, first, last, &opt);
    if (rc != CASIA_OK) {
        char what[160];
        snprintf(what, sizeof what, "arms share %s-%s %d-%d", casia_py_s(recipient),
                 casia_py_s(supplier), first, last);
        return casia_py_raise_index(rc, what);
    }
    return casia_py_result(&r);
}

/* (ranked entries, total result); kind 0: trade partners, 1: arms suppliers */
PyObject *_ranking(const casia_dataset *ds, int kind, const char *country, int a,
                   int b, int flow, PyObject *options)
{
    casia_options opt;
    double w[CASIA_DIM_COUNT];
    casia_result total;
    casia_rank_entry *e = NULL;
    size_t n = 0, cap = 0;
    PyObject *r;
    int rc;
    if (casia_py_options(options, &opt, w))
        return NULL;
    /* first the count, then every entry */
    rc = kind ? casia_arms_suppliers(NULL, 0, &cap, &total, ds, country, a, b, &opt)
              : casia_top_partners(NULL, 0, &cap, &total, ds, country, a,
                                   (casia_flow)flow, &opt);
    if (rc == CASIA_OK) {
        e = PyMem_Calloc(cap + 1, sizeof *e);
        if (!e)
            return PyErr_NoMemory();
        rc = kind ? casia_arms_suppliers(e, cap, &n, &total, ds, country, a, b, &opt)
                  : casia_top_partners(e, cap, &n, &total, ds, country, a,
                                       (casia_flow)flow, &opt);
    }
    if (rc != CASIA_OK) {
        char what[160];
        PyMem_Free(e);
        if (kind)
            snprintf(what, sizeof what, "arms suppliers of %s %d-%d", casia_py_s(country),
                     a, b);
        else
            snprintf(what, sizeof what, "top partners of %s %d", casia_py_s(country), a);
        return casia_py_raise_index(rc, what);
    }
    r = Py_BuildValue("(NN)", casia_py_ranks(e, n < cap ? n : cap), casia_py_result(&total));
    PyMem_Free(e);
    return r;
}

PyObject *_un_agreement(const casia_dataset *ds, const char *country,
                        const char *partner, PyObject *resolutions, int year,
                        PyObject *options)
{
    casia_options opt;
    double w[CASIA_DIM_COUNT];
    casia_result r;
    const char **ids = NULL;
    Py_ssize_t n = 0, i;
    PyObject *seq = NULL;
    int rc;
    if (casia_py_options(options, &opt, w))
        return NULL;
    if (resolutions != Py_None) {
        seq = PySequence_Fast(resolutions, "resolutions must be a sequence of str");
        if (!seq)
            return NULL;
        n = PySequence_Fast_GET_SIZE(seq);
        ids = PyMem_Calloc((size_t)n + 1, sizeof *ids);
        if (!ids) {
            Py_DECREF(seq);
            return PyErr_NoMemory();
        }
        for (i = 0; i < n; i++) {
            ids[i] = PyUnicode_AsUTF8(PySequence_Fast_GET_ITEM(seq, i));
            if (!ids[i]) {
                PyMem_Free(ids);
                Py_DECREF(seq);
                return NULL;
            }
        }
    }
    rc = casia_un_agreement(&r, ds, country, partner, ids, (size_t)n, year, &opt);
    PyMem_Free(ids);
    Py_XDECREF(seq);
    if (rc != CASIA_OK) {
        char what[160];
        snprintf(what, sizeof what, "UN voting agreement %s-%s", casia_py_s(country),
                 casia_py_s(partner));
        return casia_py_raise_index(rc, what);
    }
    return casia_py_result(&r);
}

/* (periods, partners, means [a P1, a P2, b P1, b P2] (result or None),
 *  change[2], gap[2], unit) */
PyObject *_compare(const casia_dataset *ds, const char *name, const char *reporter,
                   const char *a, PyObject *b, PyObject *options)
{
    casia_options opt;
    double w[CASIA_DIM_COUNT];
    casia_period_comparison c;
    casia_index_id id;
    const char *pb;
    PyObject *means;
    int rc, p, q;
    if (casia_index_parse(&id, name) != CASIA_OK) {
        casia_error err;
        memset(&err, 0, sizeof err);
        snprintf(err.text, sizeof err.text, "unknown index \"%s\"", name);
        return casia_py_raise(CASIA_EINVAL, &err);
    }
    if (casia_py_optstr(b, &pb, "b") || casia_py_options(options, &opt, w))
        return NULL;
    rc = casia_compare_periods(&c, ds, id, reporter, a, pb, &opt);
    if (rc != CASIA_OK) {
        char what[160];
        snprintf(what, sizeof what, "%s of %s with %s", name, casia_py_s(reporter),
                 casia_py_s(a));
        return casia_py_raise_index(rc, what);
    }
    means = PyList_New(4);
    for (p = 0; means && p < 2; p++)
        for (q = 0; q < 2; q++) {
            PyObject *m;
            if (c.status[p][q] == CASIA_OK)
                m = casia_py_result(&c.mean[p][q]);
            else {
                Py_INCREF(Py_None);
                m = Py_None;
            }
            if (casia_py_set(&means, p * 2 + q, m))
                break;
        }
    return Py_BuildValue("((ii)(ii))NNNNs", c.period[0][0], c.period[0][1], c.period[1][0],
                         c.period[1][1],
                         Py_BuildValue("(NN)", casia_py_str(c.partner[0]),
                                       casia_py_str(c.partner[1])),
                         means,
                         Py_BuildValue("(NN)",
                                       c.valid & CASIA_CMP_CHANGE_A ? PyFloat_FromDouble(c.change[0]) : (Py_INCREF(Py_None), Py_None),
                                       c.valid & CASIA_CMP_CHANGE_B ? PyFloat_FromDouble(c.change[1]) : (Py_INCREF(Py_None), Py_None)),
                         Py_BuildValue("(NN)",
                                       c.valid & CASIA_CMP_GAP_P1 ? PyFloat_FromDouble(c.gap[0]) : (Py_INCREF(Py_None), Py_None),
                                       c.valid & CASIA_CMP_GAP_P2 ? PyFloat_FromDouble(c.gap[1]) : (Py_INCREF(Py_None), Py_None)),
                         c.change_unit);
}

/* (result, [(dimension, value or None, weight, status name)]) */
PyObject *_composite(const casia_dataset *ds, const char *reporter,
                     const char *partner, int year, PyObject *options)
{
    casia_options opt;
    double w[CASIA_DIM_COUNT];
    casia_composite_result c;
    PyObject *dims;
    int rc, d;
    if (casia_py_options(options, &opt, w))
        return NULL;
    rc = casia_composite(&c, ds, reporter, partner, year, &opt);
    if (rc != CASIA_OK) {
        char what[160];
        snprintf(what, sizeof what, "composite %s-%s %d", casia_py_s(reporter),
                 casia_py_s(partner), year);
        return casia_py_raise_index(rc, what);
    }
    dims = PyList_New(CASIA_DIM_COUNT);
    for (d = 0; dims && d < CASIA_DIM_COUNT; d++) {
        int ok = c.dim_status[d] == CASIA_OK;
        if (casia_py_set(&dims, d,
                        Py_BuildValue("(sNds)", casia_dimension_name((casia_dimension)d),
                                      ok ? PyFloat_FromDouble(c.dim_value[d])
                                         : (Py_INCREF(Py_None), Py_None),
                                      ok ? c.dim_weight[d] : 0.0,
                                      casia_status_name(c.dim_status[d]))))
            break;
    }
    return Py_BuildValue("(NN)", casia_py_result(&c.result), dims);
}

PyObject *_sensitivity(const casia_dataset *ds, const char *reporter, const char *a,
                       const char *b, int year, PyObject *options)
{
    casia_options opt;
    double w[CASIA_DIM_COUNT];
    casia_result r;
    int rc;
    if (casia_py_options(options, &opt, w))
        return NULL;
    rc = casia_composite_sensitivity(&r, ds, reporter, a, b, year, &opt);
    if (rc != CASIA_OK) {
        char what[160];
        snprintf(what, sizeof what, "sensitivity %s %s>%s %d", casia_py_s(reporter),
                 casia_py_s(a), casia_py_s(b), year);
        return casia_py_raise_index(rc, what);
    }
    return casia_py_result(&r);
}

/* Every index: [(reporter, partner, year, index, value, unit, basis, flags)] */
PyObject *_table(const casia_dataset *ds, PyObject *options)
{
    casia_options opt;
    double w[CASIA_DIM_COUNT];
    casia_table *t;
    PyObject *list;
    size_t i, n;
    int rc;
    if (casia_py_options(options, &opt, w))
        return NULL;
    Py_BEGIN_ALLOW_THREADS
    rc = casia_table_build(&t, ds, &opt);
    Py_END_ALLOW_THREADS
    if (rc != CASIA_OK)
        return casia_py_raise(rc, NULL);
    n = casia_table_row_count(t);
    list = PyList_New((Py_ssize_t)n);
    for (i = 0; list && i < n; i++) {
        casia_table_row row;
        casia_table_get_row(&row, t, i);
        if (casia_py_set(&list, (Py_ssize_t)i,
                        Py_BuildValue("(ssisdsNI)", row.reporter, row.partner, row.year,
                                      casia_index_name(row.index), row.value, row.unit,
                                      casia_py_str(casia_basis_name(row.basis)),
                                      row.flags)))
            break;
    }
    casia_table_free(t);
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
        if (casia_py_set(&list, (Py_ssize_t)i,
                        Py_BuildValue("(sssss)", c.code, c.alpha2, c.numeric, c.name,
                                      kinds[c.kind])))
            break;
    }
    return list;
}
%}
