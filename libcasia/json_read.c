/*
 * json_read.c - the native JSON format "casia-dataset/1" (docs/format.md),
 * parsed with cJSON.
 *
 * cJSON gives a tree without positions. When a value breaks the format,
 * the reader knows its path in the tree (child indices, level by level);
 * locate() walks the raw text, which cJSON has already accepted as valid
 * JSON, along the same path to find the byte offset, and the error gets
 * line and column from that offset. Nothing is allocated for positions
 * unless an error occurs.
 */
#include "internal.h"
#include "ledger.h"

#include <cJSON.h>
#include <math.h>
#ifdef HAVE_PTHREAD_H
#include <pthread.h>
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FORMAT_ID "casia-dataset/1"

#ifdef HAVE_PTHREAD_H
static pthread_mutex_t cjson_parse_lock = PTHREAD_MUTEX_INITIALIZER;
#endif
#define MAX_DEPTH 4

typedef struct reader {
    const char *text;   /* the input after any BOM */
    size_t len;
    size_t bom;         /* bytes skipped at the start */
    const char *name;   /* for messages */
    casia_error *err;
    casia__builder *b;
    /* the path of the value being read */
    int depth;
    int index[MAX_DEPTH];
    char label[MAX_DEPTH][48];
} reader;

/* ------------------------------------------------------------------ */
/* Locating a path in valid JSON text                                  */

static size_t skip_ws(const char *t, size_t len, size_t p)
{
    while (p < len && (t[p] == ' ' || t[p] == '\t' || t[p] == '\n' || t[p] == '\r'))
        p++;
    return p;
}

/* p at the opening quote; returns the offset after the closing quote */
static size_t skip_string(const char *t, size_t len, size_t p)
{
    p++;
    while (p < len && t[p] != '"') {
        if (t[p] == '\\')
            p++;
        p++;
    }
    return p < len ? p + 1 : len;
}

/* p at the start of a value; returns the offset after it (iterative, so
 * depth costs no stack) */
static size_t skip_value(const char *t, size_t len, size_t p)
{
    long depth = 0;
    if (p >= len)
        return len;
    if (t[p] == '"')
        return skip_string(t, len, p);
    if (t[p] != '[' && t[p] != '{') {
        while (p < len && t[p] != ',' && t[p] != ']' && t[p] != '}' &&
               t[p] != ' ' && t[p] != '\n' && t[p] != '\t' && t[p] != '\r')
            p++;
        return p;
    }
    while (p < len) {
        char c = t[p];
        if (c == '"') {
            p = skip_string(t, len, p);
            continue;
        }
        if (c == '[' || c == '{')
            depth++;
        else if (c == ']' || c == '}') {
            depth--;
            if (depth == 0)
                return p + 1;
        }
        p++;
    }
    return len;
}

/*
 * Offset of the value at path (child indices) in t. For an object member
 * the offset is that of its key. Returns the best offset reached when the
 * text does not have the path (cannot happen for text cJSON accepted).
 */
static size_t locate_path(const char *t, size_t len, const int *path, int depth)
{
    size_t p = skip_ws(t, len, 0);
    int level;
    for (level = 0; level < depth; level++) {
        int target = path[level], idx = 0;
        int is_obj;
        if (p >= len || (t[p] != '{' && t[p] != '['))
            return p;
        is_obj = t[p] == '{';
        p = skip_ws(t, len, p + 1);
        for (;;) {
            size_t start = p;
            if (p >= len || t[p] == '}' || t[p] == ']')
                return start;
            if (is_obj) {
                p = skip_string(t, len, p);
                p = skip_ws(t, len, p);
                if (p < len && t[p] == ':')
                    p = skip_ws(t, len, p + 1);
            }
            if (idx == target) {
                if (level == depth - 1)
                    return start;
                break;   /* descend into the value at p */
            }
            p = skip_value(t, len, p);
            p = skip_ws(t, len, p);
            if (p < len && t[p] == ',')
                p = skip_ws(t, len, p + 1);
            idx++;
        }
    }
    return p;
}

/* Sets err's position from an offset in r->text: line and column count
 * from the first character after any byte-order mark; the byte offset is
 * that of the whole input. */
static void set_position(const reader *r, casia_error *err, size_t off)
{
    casia__error_position(err, r->text, r->len, off);
    if (err)
        err->offset += (long long)r->bom;
}

/* Origins: the path packed into 64 bits (level i index + 1, 0 = none). */
static uint64_t pack_path(const int *index, int depth)
{
    uint64_t o = 0;
    if (depth > 0)
        o |= (uint64_t)(index[0] + 1 > 0xff ? 0xff : index[0] + 1) << 56;
    if (depth > 1)
        o |= (uint64_t)(index[1] + 1 > 0xffffff ? 0xffffff : index[1] + 1) << 32;
    if (depth > 2)
        o |= (uint64_t)(index[2] + 1 > 0xfff ? 0xfff : index[2] + 1) << 20;
    if (depth > 3)
        o |= (uint64_t)(index[3] + 1 > 0xfffff ? 0xfffff : index[3] + 1);
    return o;
}

static int unpack_path(uint64_t o, int *index)
{
    unsigned v[4];
    int d = 0;
    v[0] = (unsigned)(o >> 56);
    v[1] = (unsigned)((o >> 32) & 0xffffff);
    v[2] = (unsigned)((o >> 20) & 0xfff);
    v[3] = (unsigned)(o & 0xfffff);
    while (d < 4 && v[d]) {
        index[d] = (int)v[d] - 1;
        d++;
    }
    return d;
}

static void locate_origin(void *ctx, uint64_t origin, casia_error *err)
{
    const reader *r = ctx;
    int index[4], depth = unpack_path(origin, index);
    set_position(r, err, locate_path(r->text, r->len, index, depth));
}

/* ------------------------------------------------------------------ */
/* Errors at the current path                                          */

/* Writes prefix, up to 40 bytes of name (cut at a code point, so the
 * label stays valid UTF-8) and suffix into out. */
static void make_label(char *out, size_t size, const char *prefix,
                       const char *name, const char *suffix)
{
    size_t n = strlen(name);
    if (n > 40) {
        n = 40;
        while (n > 0 && ((unsigned char)name[n] & 0xC0) == 0x80)
            n--;
    }
    snprintf(out, size, "%s%.*s%s", prefix, (int)n, name, suffix);
}

static void push(reader *r, int index, const char *label)
{
    if (r->depth < MAX_DEPTH) {
        r->index[r->depth] = index;
        snprintf(r->label[r->depth], sizeof r->label[0], "%s", label);
    }
    r->depth++;
}

static void pop(reader *r)
{
    r->depth--;
}

static int fail(reader *r, int code, const char *fmt, ...) CASIA__PRINTF(3, 4);

static int fail(reader *r, int code, const char *fmt, ...)
{
    char msg[CASIA_ERROR_TEXT_SIZE], path[256] = "";
    size_t off;
    int i, d = r->depth < MAX_DEPTH ? r->depth : MAX_DEPTH;
    va_list ap;
    for (i = 0; i < d; i++) {
        size_t l = strlen(path);
        snprintf(path + l, sizeof path - l, "%s", r->label[i]);
    }
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (path[0])
        casia__error_set(r->err, code, r->name, "%s: %s", path, msg);
    else
        casia__error_set(r->err, code, r->name, "%s", msg);
    off = locate_path(r->text, r->len, r->index, d);
    set_position(r, r->err, off);
    return code;
}

/* Converts a builder error (no position) into one at the current path. */
static int fail_builder(reader *r, int rc, const casia_error *berr)
{
    if (rc == CASIA_ENOMEM)
        return casia__error_set(r->err, rc, r->name, NULL);
    return fail(r, rc, "%s", berr->text[0] ? berr->text : casia_strerror(rc));
}

/* ------------------------------------------------------------------ */
/* Typed member access                                                 */

static const char *type_name(const cJSON *v)
{
    if (cJSON_IsString(v))
        return "a string";
    if (cJSON_IsNumber(v))
        return "a number";
    if (cJSON_IsArray(v))
        return "an array";
    if (cJSON_IsObject(v))
        return "an object";
    if (cJSON_IsBool(v))
        return "a boolean";
    if (cJSON_IsNull(v))
        return "null";
    return "an unknown value";
}

static int cmp_name(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/*
 * No member of obj given twice; the error is at the second occurrence.
 * Sorting the names keeps this O(n log n) however many members a file
 * holds.
 */
static int check_duplicates(reader *r, const cJSON *obj)
{
    const cJSON *c;
    const char **names;
    const char *dup = NULL;
    size_t n = 0, i;
    for (c = obj->child; c; c = c->next)
        n++;
    if (n < 2)
        return CASIA_OK;
    names = malloc(n * sizeof *names);
    if (!names)
        return casia__error_set(r->err, CASIA_ENOMEM, r->name, NULL);
    for (c = obj->child, i = 0; c; c = c->next)
        names[i++] = c->string;
    qsort(names, n, sizeof *names, cmp_name);
    for (i = 1; i < n && !dup; i++)
        if (strcmp(names[i - 1], names[i]) == 0)
            dup = names[i];
    free(names);
    if (dup) {
        int seen = 0, k = 0;
        char label[48];
        for (c = obj->child; c; c = c->next, k++)
            if (strcmp(c->string, dup) == 0 && seen++)
                break;
        make_label(label, sizeof label, ".", c->string, "");
        push(r, k, label);
        return fail(r, CASIA_ESCHEMA, "duplicate member \"%s\"", c->string);
    }
    return CASIA_OK;
}

/* Checks obj's members: no duplicates, none outside allowed (a NULL-ended
 * list), "x-" extensions allowed. */
static int check_members(reader *r, const cJSON *obj, const char *const *allowed)
{
    const cJSON *c;
    int i = 0;
    for (c = obj->child; c; c = c->next, i++) {
        const char *const *a;
        int ok = strncmp(c->string, "x-", 2) == 0;
        for (a = allowed; *a && !ok; a++)
            if (strcmp(*a, c->string) == 0)
                ok = 1;
        if (!ok) {
            char label[48];
            make_label(label, sizeof label, ".", c->string, "");
            push(r, i, label);
            return fail(r, CASIA_ESCHEMA, "unknown member \"%s\"", c->string);
        }
    }
    return check_duplicates(r, obj);
}

/* The member named key of obj and its child index, or NULL. */
static const cJSON *member(const cJSON *obj, const char *key, int *index)
{
    const cJSON *c;
    int i = 0;
    *index = 0;
    for (c = obj->child; c; c = c->next, i++) {
        if (strcmp(c->string, key) == 0) {
            *index = i;
            return c;
        }
    }
    return NULL;
}

/*
 * Reads string member key of obj into *out. required: missing is an error;
 * otherwise *out = NULL. nonempty: "" is an error.
 */
static int get_string(reader *r, const cJSON *obj, const char *key,
                      int required, int nonempty, const char **out)
{
    int idx;
    char label[48];
    const cJSON *v = member(obj, key, &idx);
    *out = NULL;
    if (!v) {
        if (required)
            return fail(r, CASIA_ESCHEMA, "missing member \"%s\"", key);
        return CASIA_OK;
    }
    snprintf(label, sizeof label, ".%s", key);
    push(r, idx, label);
    if (!cJSON_IsString(v)) {
        int rc = fail(r, CASIA_ESCHEMA, "\"%s\" must be a string, not %s", key,
                      type_name(v));
        pop(r);
        return rc;
    }
    if (nonempty && !v->valuestring[0]) {
        int rc = fail(r, CASIA_ESCHEMA, "\"%s\" must not be empty", key);
        pop(r);
        return rc;
    }
    pop(r);
    *out = v->valuestring;
    return CASIA_OK;
}

/* A canonical country code member; sets *index. */
static int get_country(reader *r, const cJSON *obj, const char *key, int *index)
{
    const char *s;
    int rc = get_string(r, obj, key, 1, 1, &s), idx;
    char label[48];
    if (rc)
        return rc;
    *index = casia__country_index(s);
    if (*index >= 0)
        return CASIA_OK;
    member(obj, key, &idx);
    snprintf(label, sizeof label, ".%s", key);
    push(r, idx, label);
    {
        int other;
        if (casia__country_resolve_n(&other, s, strlen(s), NULL) == CASIA_OK)
            rc = fail(r, CASIA_ESCHEMA,
                      "\"%s\" is not a canonical country code; write \"%s\"", s,
                      casia__country_code(other));
        else
            rc = fail(r, CASIA_ESCHEMA, "unknown country code \"%s\"", s);
    }
    pop(r);
    return rc;
}

/* An integer year member in [1900, 2100]; null allowed when nullable
 * (then *year = 0). */
static int get_year(reader *r, const cJSON *obj, const char *key, int required,
                    int nullable, int *year)
{
    int idx, rc = CASIA_OK;
    char label[48];
    const cJSON *v = member(obj, key, &idx);
    *year = 0;
    if (!v)
        return required ? fail(r, CASIA_ESCHEMA, "missing member \"%s\"", key)
                        : CASIA_OK;
    snprintf(label, sizeof label, ".%s", key);
    push(r, idx, label);
    if (nullable && cJSON_IsNull(v)) {
        *year = 0;
    } else if (!cJSON_IsNumber(v)) {
        rc = fail(r, CASIA_ESCHEMA, "\"%s\" must be a year (a number), not %s",
                  key, type_name(v));
    } else if (v->valuedouble != floor(v->valuedouble) ||
               v->valuedouble < CASIA__YEAR_MIN || v->valuedouble > CASIA__YEAR_MAX) {
        rc = fail(r, CASIA_ESCHEMA, "year %.17g outside %d-%d", v->valuedouble,
                  CASIA__YEAR_MIN, CASIA__YEAR_MAX);
    } else {
        *year = (int)v->valuedouble;
    }
    pop(r);
    return rc;
}

/* The array member key of root, or NULL when absent; error if not an array. */
static int get_array(reader *r, const cJSON *root, const char *key,
                     const cJSON **out, int *index)
{
    const cJSON *v = member(root, key, index);
    *out = NULL;
    if (!v)
        return CASIA_OK;
    if (!cJSON_IsArray(v)) {
        char label[48];
        int rc;
        snprintf(label, sizeof label, "%s", key);
        push(r, *index, label);
        rc = fail(r, CASIA_ESCHEMA, "\"%s\" must be an array, not %s", key,
                  type_name(v));
        pop(r);
        return rc;
    }
    *out = v;
    return CASIA_OK;
}

/* Year from a "values"/"notes" key: four digits, 1900..2100. */
static int parse_year_key(const char *s)
{
    int y = 0, i;
    for (i = 0; i < 4; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        y = y * 10 + (s[i] - '0');
    }
    return s[4] == '\0' ? y : -1;
}

/* ------------------------------------------------------------------ */
/* Sections                                                            */

static int read_sources(reader *r, const cJSON *arr)
{
    static const char *const allowed[] = {"id", "title", "publisher", "url",
                                          "description", NULL};
    const cJSON *s;
    int i = 0, rc;
    for (s = arr->child; s; s = s->next, i++) {
        const char *id, *title, *publisher, *url, *desc;
        char label[48];
        casia_error berr;
        snprintf(label, sizeof label, "[%d]", i);
        push(r, i, label);
        if (!cJSON_IsObject(s))
            return fail(r, CASIA_ESCHEMA, "a source must be an object, not %s",
                        type_name(s));
        if ((rc = check_members(r, s, allowed)) ||
            (rc = get_string(r, s, "id", 1, 1, &id)) ||
            (rc = get_string(r, s, "title", 0, 0, &title)) ||
            (rc = get_string(r, s, "publisher", 0, 0, &publisher)) ||
            (rc = get_string(r, s, "url", 0, 0, &url)) ||
            (rc = get_string(r, s, "description", 0, 0, &desc)))
            return rc;
        memset(&berr, 0, sizeof berr);
        rc = casia__builder_source(r->b, id, title, publisher, url, desc,
                                   pack_path(r->index, r->depth), &berr);
        if (rc)
            return fail_builder(r, rc, &berr);
        pop(r);
    }
    return CASIA_OK;
}

static int read_indicators(reader *r, const cJSON *arr)
{
    static const char *const allowed[] = {"id", "unit", "description", NULL};
    const cJSON *s;
    int i = 0, rc;
    for (s = arr->child; s; s = s->next, i++) {
        const char *id, *unit, *desc;
        char label[48];
        casia_error berr;
        uint16_t ind;
        snprintf(label, sizeof label, "[%d]", i);
        push(r, i, label);
        if (!cJSON_IsObject(s))
            return fail(r, CASIA_ESCHEMA, "an indicator must be an object, not %s",
                        type_name(s));
        if ((rc = check_members(r, s, allowed)) ||
            (rc = get_string(r, s, "id", 1, 1, &id)) ||
            (rc = get_string(r, s, "unit", 1, 1, &unit)) ||
            (rc = get_string(r, s, "description", 0, 0, &desc)))
            return rc;
        memset(&berr, 0, sizeof berr);
        if ((rc = casia__builder_indicator(r->b, &ind, id, unit, &berr)))
            return fail_builder(r, rc, &berr);
        pop(r);
    }
    return CASIA_OK;
}

static int read_series_values(reader *r, int values_idx,
                              const cJSON *values, const cJSON *notes,
                              int notes_idx, const char *indicator,
                              uint16_t ind, int rep, int par, casia_basis basis,
                              uint16_t src)
{
    const cJSON *v;
    unsigned char seen[CASIA__YEAR_MAX - CASIA__YEAR_MIN + 1];
    int i, rc, nonneg = casia__indicator_nonnegative(indicator);

    /* the notes first: each a string, for a year that has a value */
    if (notes) {
        push(r, notes_idx, ".notes");
        if (!cJSON_IsObject(notes))
            return fail(r, CASIA_ESCHEMA, "\"notes\" must be an object of "
                        "year: text, not %s", type_name(notes));
        if ((rc = check_duplicates(r, notes)))
            return rc;
        i = 0;
        for (v = notes->child; v; v = v->next, i++) {
            char label[48];
            make_label(label, sizeof label, "[\"", v->string, "\"]");
            push(r, i, label);
            if (!cJSON_IsString(v))
                return fail(r, CASIA_ESCHEMA, "a note must be a string, not %s",
                            type_name(v));
            if (!cJSON_IsObject(values) ||
                !cJSON_GetObjectItemCaseSensitive(values, v->string))
                return fail(r, CASIA_ESCHEMA, "note for %s, which has no value",
                            v->string);
            pop(r);
        }
        pop(r);
    }

    push(r, values_idx, ".values");
    if (!cJSON_IsObject(values))
        return fail(r, CASIA_ESCHEMA,
                    "\"values\" must be an object of year: value, not %s",
                    type_name(values));
    memset(seen, 0, sizeof seen);
    i = 0;
    for (v = values->child; v; v = v->next, i++) {
        char label[48];
        const cJSON *note = NULL;
        int year = parse_year_key(v->string);
        uint32_t nid = 0;
        make_label(label, sizeof label, "[\"", v->string, "\"]");
        push(r, i, label);
        if (year < 0)
            return fail(r, CASIA_ESCHEMA, "\"%s\" is not a year (four digits)",
                        v->string);
        if (year < CASIA__YEAR_MIN || year > CASIA__YEAR_MAX)
            return fail(r, CASIA_ESCHEMA, "year %d outside %d-%d", year,
                        CASIA__YEAR_MIN, CASIA__YEAR_MAX);
        if (seen[year - CASIA__YEAR_MIN]++)
            return fail(r, CASIA_ESCHEMA, "year %s given twice", v->string);
        if (!cJSON_IsNumber(v))
            return fail(r, CASIA_ESCHEMA, "the value must be a number, not %s%s",
                        type_name(v),
                        cJSON_IsString(v) ? " (write numbers without quotes)" : "");
        if (!isfinite(v->valuedouble))
            return fail(r, CASIA_ESCHEMA,
                        "number out of range (values must be finite)");
        if (nonneg && v->valuedouble < 0)
            return fail(r, CASIA_ESCHEMA, "negative value %.17g: %s cannot be "
                        "negative", v->valuedouble, indicator);
        if (notes)
            note = cJSON_GetObjectItemCaseSensitive(notes, v->string);
        if (note && (rc = casia__builder_note(r->b, &nid, note->valuestring,
                                              strlen(note->valuestring))))
            return fail(r, rc, "%s", casia_strerror(rc));
        rc = casia__builder_obs(r->b, ind, rep, par, year, v->valuedouble,
                                basis, src, nid, pack_path(r->index, r->depth));
        if (rc)
            return fail(r, rc, "%s", casia_strerror(rc));
        pop(r);
    }
    pop(r);
    return CASIA_OK;
}

static int read_series(reader *r, const cJSON *arr)
{
    static const char *const allowed[] = {"indicator", "reporter", "partner",
                                          "basis", "source", "unit", "values",
                                          "notes", NULL};
    const cJSON *s;
    int i = 0, rc;
    for (s = arr->child; s; s = s->next, i++) {
        const char *indicator, *basis_name, *source, *unit;
        const cJSON *values, *notes;
        int rep, par, vidx = 0, nidx = 0, bidx;
        casia_basis basis;
        uint16_t ind, src;
        casia_error berr;
        char label[48];
        snprintf(label, sizeof label, "[%d]", i);
        push(r, i, label);
        if (!cJSON_IsObject(s))
            return fail(r, CASIA_ESCHEMA, "a series must be an object, not %s",
                        type_name(s));
        if ((rc = check_members(r, s, allowed)) ||
            (rc = get_string(r, s, "indicator", 1, 1, &indicator)) ||
            (rc = get_country(r, s, "reporter", &rep)) ||
            (rc = get_country(r, s, "partner", &par)) ||
            (rc = get_string(r, s, "basis", 1, 1, &basis_name)) ||
            (rc = get_string(r, s, "source", 1, 1, &source)) ||
            (rc = get_string(r, s, "unit", 0, 1, &unit)))
            return rc;
        if (casia_basis_parse(&basis, basis_name) != CASIA_OK ||
            basis == CASIA_BASIS_ANY || basis == CASIA_BASIS_MIXED) {
            member(s, "basis", &bidx);
            push(r, bidx, ".basis");
            return fail(r, CASIA_ESCHEMA, "unknown basis \"%s\" (reporter, "
                        "partner_mirror, national_stats or other)", basis_name);
        }
        memset(&berr, 0, sizeof berr);
        if ((rc = casia__builder_indicator(r->b, &ind, indicator, unit, &berr))) {
            int uidx;
            if (member(s, "unit", &uidx)) {
                push(r, uidx, ".unit");
            }
            return fail_builder(r, rc, &berr);
        }
        if ((rc = casia__builder_source_ref(r->b, &src, source)))
            return fail(r, rc, "%s", casia_strerror(rc));
        values = member(s, "values", &vidx);
        notes = member(s, "notes", &nidx);
        if (!values)
            return fail(r, CASIA_ESCHEMA, "missing member \"values\"");
        rc = read_series_values(r, vidx, values, notes, nidx, indicator, ind,
                                rep, par, basis, src);
        if (rc)
            return rc;
        pop(r);
    }
    return CASIA_OK;
}

static int read_organisations(reader *r, const cJSON *arr)
{
    static const char *const allowed[] = {"id", "name", "led_by", "source",
                                          "note", NULL};
    const cJSON *s;
    int i = 0, rc;
    for (s = arr->child; s; s = s->next, i++) {
        const char *id, *name, *led, *source, *note;
        int led_idx = -1;
        char label[48];
        casia_error berr;
        snprintf(label, sizeof label, "[%d]", i);
        push(r, i, label);
        if (!cJSON_IsObject(s))
            return fail(r, CASIA_ESCHEMA, "an organisation must be an object, "
                        "not %s", type_name(s));
        if ((rc = check_members(r, s, allowed)) ||
            (rc = get_string(r, s, "id", 1, 1, &id)) ||
            (rc = get_string(r, s, "name", 0, 0, &name)) ||
            (rc = get_string(r, s, "led_by", 0, 1, &led)) ||
            (rc = get_string(r, s, "source", 0, 1, &source)) ||
            (rc = get_string(r, s, "note", 0, 0, &note)))
            return rc;
        if (led && (rc = get_country(r, s, "led_by", &led_idx)))
            return rc;
        memset(&berr, 0, sizeof berr);
        rc = casia__builder_organisation(r->b, id, name, led_idx, source, note,
                                         pack_path(r->index, r->depth), &berr);
        if (rc)
            return fail_builder(r, rc, &berr);
        pop(r);
    }
    return CASIA_OK;
}

static int read_memberships(reader *r, const cJSON *arr)
{
    static const char *const allowed[] = {"country", "organisation", "start",
                                          "end", "source", "note", NULL};
    const cJSON *s;
    int i = 0, rc;
    for (s = arr->child; s; s = s->next, i++) {
        const char *org, *source, *note;
        int country, start, end, idx;
        char label[48];
        snprintf(label, sizeof label, "[%d]", i);
        push(r, i, label);
        if (!cJSON_IsObject(s))
            return fail(r, CASIA_ESCHEMA, "a membership must be an object, not %s",
                        type_name(s));
        if ((rc = check_members(r, s, allowed)) ||
            (rc = get_country(r, s, "country", &country)) ||
            (rc = get_string(r, s, "organisation", 1, 1, &org)) ||
            (rc = get_year(r, s, "start", 1, 0, &start)) ||
            (rc = get_year(r, s, "end", 0, 1, &end)) ||
            (rc = get_string(r, s, "source", 1, 1, &source)) ||
            (rc = get_string(r, s, "note", 0, 0, &note)))
            return rc;
        if (end && end < start) {
            member(s, "end", &idx);
            push(r, idx, ".end");
            return fail(r, CASIA_ESCHEMA, "membership ends (%d) before it "
                        "starts (%d)", end, start);
        }
        rc = casia__builder_membership(r->b, country, org, start, end, source,
                                       note, pack_path(r->index, r->depth));
        if (rc)
            return fail(r, rc, "%s", casia_strerror(rc));
        pop(r);
    }
    return CASIA_OK;
}

static int valid_date(const char *s)
{
    int i, y, m, d;
    static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    for (i = 0; i < 10; i++) {
        if (i == 4 || i == 7) {
            if (s[i] != '-')
                return 0;
        } else if (s[i] < '0' || s[i] > '9') {
            return 0;
        }
    }
    if (s[10] != '\0')
        return 0;
    y = atoi(s);
    m = atoi(s + 5);
    d = atoi(s + 8);
    if (y < CASIA__YEAR_MIN || y > CASIA__YEAR_MAX || m < 1 || m > 12 || d < 1 ||
        d > mdays[m - 1])
        return 0;
    if (m == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 0;
    return 1;
}

static int read_votes(reader *r, const cJSON *arr)
{
    static const char *const allowed[] = {"resolution", "date", "country",
                                          "vote", "source", NULL};
    const cJSON *s;
    int i = 0, rc;
    for (s = arr->child; s; s = s->next, i++) {
        const char *res, *date, *vote, *source;
        int country, idx;
        casia_vote_choice choice;
        char label[48];
        snprintf(label, sizeof label, "[%d]", i);
        push(r, i, label);
        if (!cJSON_IsObject(s))
            return fail(r, CASIA_ESCHEMA, "a vote must be an object, not %s",
                        type_name(s));
        if ((rc = check_members(r, s, allowed)) ||
            (rc = get_string(r, s, "resolution", 1, 1, &res)) ||
            (rc = get_string(r, s, "date", 1, 1, &date)) ||
            (rc = get_country(r, s, "country", &country)) ||
            (rc = get_string(r, s, "vote", 1, 1, &vote)) ||
            (rc = get_string(r, s, "source", 1, 1, &source)))
            return rc;
        if (!valid_date(date)) {
            member(s, "date", &idx);
            push(r, idx, ".date");
            return fail(r, CASIA_ESCHEMA, "\"%s\" is not a date (YYYY-MM-DD)",
                        date);
        }
        if (strcmp(vote, "yes") == 0)
            choice = CASIA_VOTE_YES;
        else if (strcmp(vote, "no") == 0)
            choice = CASIA_VOTE_NO;
        else if (strcmp(vote, "abstain") == 0)
            choice = CASIA_VOTE_ABSTAIN;
        else if (strcmp(vote, "absent") == 0)
            choice = CASIA_VOTE_ABSENT;
        else {
            member(s, "vote", &idx);
            push(r, idx, ".vote");
            return fail(r, CASIA_ESCHEMA, "unknown vote \"%s\" (yes, no, abstain "
                        "or absent)", vote);
        }
        rc = casia__builder_vote(r->b, res, date, country, choice, source,
                                 pack_path(r->index, r->depth));
        if (rc)
            return fail(r, rc, "%s", casia_strerror(rc));
        pop(r);
    }
    return CASIA_OK;
}

static int read_events(reader *r, const cJSON *arr)
{
    static const char *const allowed[] = {"id", "type", "date", "end", "country",
                                          "partner", "title", "source", "note",
                                          NULL};
    const cJSON *s;
    int i = 0, rc;
    for (s = arr->child; s; s = s->next, i++) {
        const char *id, *type, *date, *partner, *title, *source, *note;
        int country, end, idx, year;
        casia_event_type t;
        char label[48];
        snprintf(label, sizeof label, "[%d]", i);
        push(r, i, label);
        if (!cJSON_IsObject(s))
            return fail(r, CASIA_ESCHEMA, "an event must be an object, not %s",
                        type_name(s));
        if ((rc = check_members(r, s, allowed)) ||
            (rc = get_string(r, s, "id", 1, 1, &id)) ||
            (rc = get_string(r, s, "type", 1, 1, &type)) ||
            (rc = get_string(r, s, "date", 1, 1, &date)) ||
            (rc = get_year(r, s, "end", 0, 1, &end)) ||
            (rc = get_country(r, s, "country", &country)) ||
            (rc = get_string(r, s, "partner", 1, 1, &partner)) ||
            (rc = get_string(r, s, "title", 1, 1, &title)) ||
            (rc = get_string(r, s, "source", 1, 1, &source)) ||
            (rc = get_string(r, s, "note", 0, 0, &note)))
            return rc;
        if (casia_event_type_parse(&t, type) != CASIA_OK) {
            member(s, "type", &idx);
            push(r, idx, ".type");
            return fail(r, CASIA_ESCHEMA, "unknown event type \"%s\" (base, "
                        "defence_agreement, exercise, deployment, visit or "
                        "summit)", type);
        }
        year = casia__ledger_date_year(date);
        if (!year) {
            member(s, "date", &idx);
            push(r, idx, ".date");
            return fail(r, CASIA_ESCHEMA, "\"%s\" is not a date (YYYY, YYYY-MM "
                        "or YYYY-MM-DD)", date);
        }
        if (end && end < year) {
            member(s, "end", &idx);
            push(r, idx, ".end");
            return fail(r, CASIA_ESCHEMA, "event ends (%d) before it starts (%d)",
                        end, year);
        }
        rc = casia__builder_event(r->b, id, t, date, end, country, partner, title,
                                  source, note, pack_path(r->index, r->depth));
        if (rc)
            return fail(r, rc, "%s", casia_strerror(rc));
        pop(r);
    }
    return CASIA_OK;
}

static int read_resolutions(reader *r, const cJSON *arr)
{
    static const char *const allowed[] = {"id", "date", "title", "source",
                                          "note", NULL};
    const cJSON *s;
    int i = 0, rc;
    for (s = arr->child; s; s = s->next, i++) {
        const char *id, *date, *title, *source, *note;
        int idx;
        char label[48];
        snprintf(label, sizeof label, "[%d]", i);
        push(r, i, label);
        if (!cJSON_IsObject(s))
            return fail(r, CASIA_ESCHEMA, "a resolution must be an object, not %s",
                        type_name(s));
        if ((rc = check_members(r, s, allowed)) ||
            (rc = get_string(r, s, "id", 1, 1, &id)) ||
            (rc = get_string(r, s, "date", 1, 1, &date)) ||
            (rc = get_string(r, s, "title", 1, 1, &title)) ||
            (rc = get_string(r, s, "source", 1, 1, &source)) ||
            (rc = get_string(r, s, "note", 0, 0, &note)))
            return rc;
        if (!valid_date(date)) {
            member(s, "date", &idx);
            push(r, idx, ".date");
            return fail(r, CASIA_ESCHEMA, "\"%s\" is not a date (YYYY-MM-DD)",
                        date);
        }
        rc = casia__builder_resolution(r->b, id, date, title, source, note,
                                       pack_path(r->index, r->depth));
        if (rc)
            return fail(r, rc, "%s", casia_strerror(rc));
        pop(r);
    }
    return CASIA_OK;
}

/* ------------------------------------------------------------------ */
/* Before cJSON: bytes that JSON text must not hold                    */

/*
 * cJSON neither checks UTF-8 nor refuses control characters or "\u0000"
 * inside strings; this pass does, and finds where the text ends.
 * Returns CASIA_OK or an error at the offending byte.
 */
static int prescan(reader *r)
{
    const char *t = r->text;
    size_t len = r->len, i, bad;
    int in_string = 0;

    bad = casia__utf8_invalid_at(t, len);
    if (bad != len) {
        casia__error_set(r->err, CASIA_EPARSE, r->name,
                         "invalid UTF-8 (byte 0x%02X); the file must be UTF-8",
                         (unsigned char)t[bad]);
        set_position(r, r->err, bad);
        return CASIA_EPARSE;
    }
    for (i = 0; i < len; i++) {
        unsigned char c = (unsigned char)t[i];
        if (!in_string) {
            if (c == '"')
                in_string = 1;
            else if (c == '\0') {
                casia__error_set(r->err, CASIA_EPARSE, r->name,
                                 "NUL byte in the text");
                set_position(r, r->err, i);
                return CASIA_EPARSE;
            }
            continue;
        }
        if (c == '"') {
            in_string = 0;
        } else if (c == '\\') {
            if (i + 5 < len && t[i + 1] == 'u' && t[i + 2] == '0' &&
                t[i + 3] == '0' && t[i + 4] == '0' && t[i + 5] == '0') {
                casia__error_set(r->err, CASIA_EPARSE, r->name,
                                 "\\u0000 (NUL) inside a string is not allowed");
                set_position(r, r->err, i);
                return CASIA_EPARSE;
            }
            i++;
        } else if (c < 0x20) {
            casia__error_set(r->err, CASIA_EPARSE, r->name,
                             "control character 0x%02X inside a string (write "
                             "it as an escape such as \\n)", c);
            set_position(r, r->err, i);
            return CASIA_EPARSE;
        }
    }
    return CASIA_OK;
}

/* Whether the input holds word at offset off (the input need not be
 * NUL-terminated). */
static int starts_with(const reader *r, size_t off, const char *word)
{
    size_t n = strlen(word);
    return off <= r->len && r->len - off >= n && memcmp(r->text + off, word, n) == 0;
}

/*
 * Describes a cJSON parse failure that cJSON placed at offset off. Two
 * failures deserve their own words: nesting beyond cJSON's limit, and
 * text that ends inside an array, object or string (a truncated file),
 * which cJSON places on the last character rather than after it.
 */
static int syntax_error(reader *r, size_t off)
{
    const char *t = r->text;
    size_t i, limit_at = (size_t)-1, string_at = 0;
    long depth = 0;
    int in_string = 0;
    for (i = 0; i < r->len; i++) {
        char c = t[i];
        if (in_string) {
            if (c == '\\')
                i++;
            else if (c == '"')
                in_string = 0;
            continue;
        }
        if (c == '"') {
            in_string = 1;
            string_at = i;
        }
        else if (c == '[' || c == '{') {
            if (++depth > CJSON_NESTING_LIMIT && limit_at == (size_t)-1)
                limit_at = i;
        } else if (c == ']' || c == '}')
            depth--;
    }
    if (limit_at != (size_t)-1 && limit_at <= off + 1) {
        casia__error_set(r->err, CASIA_EPARSE, r->name,
                         "arrays or objects nested deeper than %d levels",
                         CJSON_NESTING_LIMIT);
        off = limit_at;
    } else if ((in_string && off >= string_at) ||
               (depth > 0 && off + 1 >= r->len)) {
        casia__error_set(r->err, CASIA_EPARSE, r->name,
                         "unexpected end of input (truncated JSON?)");
        off = r->len;
    } else if (off >= r->len) {
        casia__error_set(r->err, CASIA_EPARSE, r->name,
                         "unexpected end of input (truncated JSON?)");
    } else {
        unsigned char c = (unsigned char)t[off];
        if (starts_with(r, off, "NaN") || starts_with(r, off, "Infinity") ||
            starts_with(r, off, "-Infinity"))
            casia__error_set(r->err, CASIA_EPARSE, r->name,
                             "NaN and Infinity are not JSON numbers");
        else if (c >= 0x20 && c < 0x7f)
            casia__error_set(r->err, CASIA_EPARSE, r->name,
                             "invalid JSON near '%c'", c);
        else
            casia__error_set(r->err, CASIA_EPARSE, r->name, "invalid JSON");
    }
    set_position(r, r->err, off);
    return CASIA_EPARSE;
}

/* The arrays of the top level, in the order they are read: sources before
 * what cites them, organisations before memberships and events. */
static const struct {
    const char *name;
    int (*read)(reader *r, const cJSON *arr);
} sections[] = {
    {"sources", read_sources},
    {"indicators", read_indicators},
    {"series", read_series},
    {"organisations", read_organisations},
    {"memberships", read_memberships},
    {"votes", read_votes},
    {"resolutions", read_resolutions},
    {"events", read_events},
};

static int read_root(reader *r, const cJSON *root)
{
    static const char *const allowed[] = {"format", "title", "description",
                                          "sources", "indicators", "series",
                                          "organisations", "memberships",
                                          "votes", "resolutions", "events",
                                          NULL};
    const cJSON *arr;
    const char *format, *title, *desc;
    int rc, idx;
    size_t k;

    if (!cJSON_IsObject(root))
        return fail(r, CASIA_ESCHEMA,
                    "the top level must be an object with \"format\": \"%s\", "
                    "not %s", FORMAT_ID, type_name(root));
    if (!member(root, "format", &idx))
        return fail(r, CASIA_ESCHEMA, "missing \"format\": this is not a "
                    "libcasia dataset (expected \"format\": \"%s\")", FORMAT_ID);
    if ((rc = get_string(r, root, "format", 1, 1, &format)))
        return rc;
    if (strcmp(format, FORMAT_ID) != 0) {
        push(r, idx, "format");
        if (strncmp(format, "casia-dataset/", 14) == 0)
            return fail(r, CASIA_ESCHEMA, "unsupported format version \"%s\"; "
                        "this libcasia reads \"%s\"", format, FORMAT_ID);
        return fail(r, CASIA_ESCHEMA, "unknown format \"%s\" (expected \"%s\")",
                    format, FORMAT_ID);
    }
    if ((rc = check_members(r, root, allowed)))
        return rc;
    if ((rc = get_string(r, root, "title", 0, 0, &title)) ||
        (rc = get_string(r, root, "description", 0, 0, &desc)))
        return rc;
    if ((rc = casia__builder_meta(r->b, title, desc)))
        return casia__error_set(r->err, rc, r->name, NULL);

    for (k = 0; k < sizeof sections / sizeof sections[0]; k++) {
        if ((rc = get_array(r, root, sections[k].name, &arr, &idx)))
            return rc;
        if (arr) {
            push(r, idx, sections[k].name);
            if ((rc = sections[k].read(r, arr)))
                return rc;
            pop(r);
        }
    }
    return CASIA_OK;
}

int casia__json_parse(struct cJSON **root_out, casia__json_text *t,
                      const char *data, size_t size, const char *name,
                      casia_error *err)
{
    reader r;
    cJSON *root;
    const char *end = NULL;
    int rc;

    memset(&r, 0, sizeof r);
    r.text = data ? data : "";
    r.len = size;
    r.name = name;
    r.err = err;
    if (r.len >= 3 && memcmp(r.text, "\xEF\xBB\xBF", 3) == 0) {
        r.text += 3;
        r.len -= 3;
        r.bom = 3;
    }
    t->text = r.text;
    t->len = r.len;
    t->bom = r.bom;
    t->name = name;
    {
        size_t p = skip_ws(r.text, r.len, 0);
        if (p == r.len) {
            casia__error_set(err, CASIA_EPARSE, name,
                             r.len ? "no JSON value: only white space"
                                   : "empty input: no JSON value");
            set_position(&r, err, r.len);
            return CASIA_EPARSE;
        }
    }
    if ((rc = prescan(&r)))
        return rc;
    /* cJSON 1.7 records every parse's error position in a process-global
     * variable (which libcasia never reads): serialise the parse so that
     * datasets can be loaded from several threads at once */
#ifdef HAVE_PTHREAD_H
    pthread_mutex_lock(&cjson_parse_lock);
#endif
    root = cJSON_ParseWithLengthOpts(r.text, r.len, &end, 0);
#ifdef HAVE_PTHREAD_H
    pthread_mutex_unlock(&cjson_parse_lock);
#endif
    if (!root)
        return syntax_error(&r, end ? (size_t)(end - r.text) : 0);
    {
        /* only white space may follow the value */
        size_t p = skip_ws(r.text, r.len, (size_t)(end - r.text));
        if (p < r.len) {
            cJSON_Delete(root);
            casia__error_set(err, CASIA_EPARSE, name,
                             "text after the end of the JSON value");
            set_position(&r, err, p);
            return CASIA_EPARSE;
        }
    }
    *root_out = root;
    return CASIA_OK;
}

void casia__json_locate(const casia__json_text *t, casia_error *err,
                        const int *path, int depth)
{
    casia__error_position(err, t->text, t->len,
                          locate_path(t->text, t->len, path, depth));
    if (err)
        err->offset += (long long)t->bom;
}

CASIA_API int casia_dataset_load_buffer(casia_dataset **out, const char *data,
                                        size_t size, const char *name,
                                        casia_error *err)
{
    reader r;
    casia__json_text t;
    cJSON *root = NULL;
    casia_dataset *ds = NULL;
    int rc;

    if (!name)
        name = "<buffer>";
    if (!out || (!data && size))
        return casia__error_set(err, CASIA_EINVAL, name,
                                "casia_dataset_load_buffer: NULL argument");
    if ((rc = casia__json_parse(&root, &t, data, size, name, err)))
        return rc;
    memset(&r, 0, sizeof r);
    r.text = t.text;
    r.len = t.len;
    r.bom = t.bom;
    r.name = name;
    r.err = err;
    r.b = casia__builder_new();
    if (!r.b) {
        cJSON_Delete(root);
        return casia__error_set(err, CASIA_ENOMEM, name, NULL);
    }
    rc = read_root(&r, root);
    cJSON_Delete(root);
    if (rc) {
        casia__builder_free(r.b);
        return rc;
    }
    rc = casia__builder_finish(r.b, &ds, locate_origin, &r, name, err);
    if (rc)
        return rc;
    *out = ds;
    return CASIA_OK;
}

/* casia__load_file()'s view of casia_dataset_load_buffer() */
static int load_buffer(void *out, const char *data, size_t size,
                       const char *name, casia_error *err)
{
    return casia_dataset_load_buffer(out, data, size, name, err);
}

CASIA_API int casia_dataset_load_file(casia_dataset **out, const char *path,
                                      casia_error *err)
{
    if (!out || !path)
        return casia__error_set(err, CASIA_EINVAL, path,
                                "casia_dataset_load_file: NULL argument");
    return casia__load_file(out, path, err, load_buffer);
}
