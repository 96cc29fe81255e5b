/*
 * claims_read.c - claims files, "format": "casia-claims/1"
 * (docs/claims.md), parsed with cJSON through json_read.c's helpers, so
 * that a bad claim is reported at its file:line:column as a bad dataset
 * is.
 */
#include "internal.h"
#include "claims_internal.h"

#include <cJSON.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FORMAT_ID "casia-claims/1"
#define MAX_DEPTH 12

typedef struct rd {
    casia__json_text t;
    casia_error *err;
    casia_claims *cl;
    int depth;
    int path[MAX_DEPTH];
} rd;

/* ------------------------------------------------------------------ */
/* Memory: every string and node of a set is one block of a list        */

static void *alloc(rd *r, size_t size)
{
    void *p;
    casia_claims *cl = r->cl;
    if (cl->n_blocks == cl->cap_blocks) {
        size_t cap = cl->cap_blocks ? cl->cap_blocks * 2 : 64;
        void **nb = realloc(cl->blocks, cap * sizeof *nb);
        if (!nb)
            return NULL;
        cl->blocks = nb;
        cl->cap_blocks = cap;
    }
    p = calloc(1, size ? size : 1);
    if (p)
        cl->blocks[cl->n_blocks++] = p;
    return p;
}

static const char *dup(rd *r, const char *s)
{
    size_t n = strlen(s) + 1;
    char *p = alloc(r, n);
    if (p)
        memcpy(p, s, n);
    return p;
}

/* ------------------------------------------------------------------ */
/* Errors at a path                                                    */

static int fail(rd *r, int code, const char *fmt, ...) CASIA__PRINTF(3, 4);

static int fail(rd *r, int code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    casia__error_vset(r->err, code, r->t.name, fmt, ap);
    va_end(ap);
    casia__json_locate(&r->t, r->err, r->path,
                       r->depth < MAX_DEPTH ? r->depth : MAX_DEPTH);
    return code;
}

static int nomem(rd *r)
{
    return casia__error_set(r->err, CASIA_ENOMEM, r->t.name, NULL);
}

static void push(rd *r, int index)
{
    if (r->depth < MAX_DEPTH)
        r->path[r->depth] = index;
    r->depth++;
}

static void pop(rd *r)
{
    r->depth--;
}

/* The member key of obj and its index, or NULL. */
static const cJSON *get(const cJSON *obj, const char *key, int *index)
{
    const cJSON *c;
    int i = 0;
    for (c = obj ? obj->child : NULL; c; c = c->next, i++)
        if (c->string && strcmp(c->string, key) == 0) {
            if (index)
                *index = i;
            return c;
        }
    return NULL;
}

/* Fails at member key of obj (pushed for the message's position). */
static int fail_at(rd *r, const cJSON *obj, const char *key, const char *fmt,
                   ...) CASIA__PRINTF(4, 5);

static int fail_at(rd *r, const cJSON *obj, const char *key, const char *fmt,
                   ...)
{
    char msg[CASIA_ERROR_TEXT_SIZE];
    int idx = 0, rc;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (!get(obj, key, &idx))
        return fail(r, CASIA_ESCHEMA, "%s", msg);
    push(r, idx);
    rc = fail(r, CASIA_ESCHEMA, "%s", msg);
    pop(r);
    return rc;
}

static int check_members(rd *r, const cJSON *obj, const char *const *allowed)
{
    const cJSON *c;
    int i = 0;
    for (c = obj->child; c; c = c->next, i++) {
        const char *const *a;
        for (a = allowed; *a; a++)
            if (strcmp(*a, c->string) == 0)
                break;
        if (!*a) {
            int rc;
            push(r, i);
            rc = fail(r, CASIA_ESCHEMA, "unknown member \"%s\"", c->string);
            pop(r);
            return rc;
        }
    }
    return CASIA_OK;
}

/* The member key of obj in *v (NULL when absent), failing when it is
 * required and absent. */
static int lookup(rd *r, const cJSON *obj, const char *key, int required,
                  const cJSON **v)
{
    *v = get(obj, key, NULL);
    if (!*v && required)
        return fail(r, CASIA_ESCHEMA, "missing \"%s\"", key);
    return CASIA_OK;
}

static int get_string(rd *r, const cJSON *obj, const char *key, int required,
                      const char **out)
{
    const cJSON *v;
    int rc = lookup(r, obj, key, required, &v);
    *out = NULL;
    if (rc || !v)
        return rc;
    if (!cJSON_IsString(v) || !v->valuestring[0])
        return fail_at(r, obj, key, "\"%s\" must be a non-empty string", key);
    *out = dup(r, v->valuestring);
    return *out ? CASIA_OK : nomem(r);
}

static int as_year(const cJSON *v, int *out)
{
    if (!cJSON_IsNumber(v) || v->valuedouble != floor(v->valuedouble) ||
        v->valuedouble < 1900 || v->valuedouble > 2100)
        return 0;
    *out = (int)v->valuedouble;
    return 1;
}

static int get_year(rd *r, const cJSON *obj, const char *key, int *out)
{
    const cJSON *v = get(obj, key, NULL);
    if (!v)
        return CASIA_OK;
    if (!as_year(v, out))
        return fail_at(r, obj, key, "\"%s\" must be a year (1900..2100)", key);
    return CASIA_OK;
}

/* "years": [FROM, TO] */
static int get_years(rd *r, const cJSON *obj, const char *key, int *from,
                     int *to)
{
    const cJSON *v = get(obj, key, NULL);
    if (!v)
        return CASIA_OK;
    if (!cJSON_IsArray(v) || cJSON_GetArraySize(v) != 2 ||
        !as_year(cJSON_GetArrayItem(v, 0), from) ||
        !as_year(cJSON_GetArrayItem(v, 1), to) || *from > *to)
        return fail_at(r, obj, key, "\"%s\" must be [FIRST, LAST], two years "
                       "in order", key);
    return CASIA_OK;
}

static int get_country(rd *r, const cJSON *obj, const char *key, int required,
                       const char **out)
{
    const cJSON *v;
    int rc = lookup(r, obj, key, required, &v);
    *out = NULL;
    if (rc || !v)
        return rc;
    if (!cJSON_IsString(v) ||
        casia_country_resolve(out, v->valuestring, NULL) != CASIA_OK)
        return fail_at(r, obj, key, "unknown country %s%s%s in \"%s\"",
                       cJSON_IsString(v) ? "\"" : "",
                       cJSON_IsString(v) ? v->valuestring : "(not a string)",
                       cJSON_IsString(v) ? "\"" : "", key);
    return CASIA_OK;
}

/* ------------------------------------------------------------------ */
/* Measures and units                                                  */

static int get_measure(rd *r, const cJSON *obj, int required, claim_measure *m)
{
    const cJSON *v = get(obj, "measure", NULL);
    if (!v) {
        if (required)
            return fail(r, CASIA_ESCHEMA, "missing \"measure\"");
        return CASIA_OK;
    }
    if (!cJSON_IsString(v))
        return fail_at(r, obj, "measure", "\"measure\" must be a string");
    memset(m, 0, sizeof *m);
    if (casia_index_parse(&m->index, v->valuestring) == CASIA_OK) {
        m->is_index = 1;
        m->unit = casia__claim_index_unit(m->index);
    } else {
        m->unit = casia_indicator_unit(v->valuestring);
    }
    if (!m->unit)
        return fail_at(r, obj, "measure", "unknown measure \"%s\": neither an "
                       "index (turnover_share, import_share, arms_share, "
                       "remittance_gdp, ...) nor an indicator (trade.import, "
                       "...)", v->valuestring);
    if (m->is_index && (m->index == CASIA_INDEX_COMPOSITE))
        return fail_at(r, obj, "measure", "the composite cannot be claimed "
                       "(its weights are not the analysis's)");
    m->name = dup(r, v->valuestring);
    return m->name ? CASIA_OK : nomem(r);
}

/*
 * Thresholds: "min", "max" or "between" [LO, HI], with "unit". unit is
 * the unit the value is in; the thresholds' unit must be it, or "pct"
 * for a "fraction" (divided by 100).
 */
static int get_thresholds(rd *r, const cJSON *obj, claim_node *n,
                          const char *unit, int required)
{
    const cJSON *lo = get(obj, "min", NULL), *hi = get(obj, "max", NULL);
    const cJSON *bt = get(obj, "between", NULL), *u = get(obj, "unit", NULL);
    double scale = 1;
    if (!lo && !hi && !bt) {
        if (required)
            return fail(r, CASIA_ESCHEMA, "missing a threshold: \"min\", "
                        "\"max\" or \"between\"");
        if (u)
            return fail_at(r, obj, "unit", "\"unit\" without a threshold");
        return CASIA_OK;
    }
    if (bt && (lo || hi))
        return fail_at(r, obj, "between", "\"between\" with \"min\" or \"max\"");
    if (!u)
        return fail(r, CASIA_ESCHEMA, "missing \"unit\" of the threshold "
                    "(the measure's: \"%s\")", unit);
    if (!cJSON_IsString(u))
        return fail_at(r, obj, "unit", "\"unit\" must be a string");
    if (strcmp(u->valuestring, unit) == 0)
        scale = 1;
    else if (strcmp(unit, "fraction") == 0 && strcmp(u->valuestring, "pct") == 0)
        scale = 0.01;
    else
        return fail_at(r, obj, "unit", "threshold in \"%s\", but the measure "
                       "is in \"%s\"%s", u->valuestring, unit,
                       strcmp(unit, "fraction") == 0 ? " (or \"pct\")" : "");
    n->thr_unit = dup(r, u->valuestring);
    if (!n->thr_unit)
        return nomem(r);
    if (bt) {
        const cJSON *a = cJSON_GetArrayItem(bt, 0), *b = cJSON_GetArrayItem(bt, 1);
        if (!cJSON_IsArray(bt) || cJSON_GetArraySize(bt) != 2 ||
            !cJSON_IsNumber(a) || !cJSON_IsNumber(b) ||
            a->valuedouble > b->valuedouble)
            return fail_at(r, obj, "between", "\"between\" must be [LOW, HIGH], "
                           "two numbers in order");
        lo = a;
        hi = b;
    }
    if (lo) {
        if (!cJSON_IsNumber(lo))
            return fail_at(r, obj, "min", "\"min\" must be a number");
        n->has_min = 1;
        n->min = lo->valuedouble * scale;
    }
    if (hi) {
        if (!cJSON_IsNumber(hi))
            return fail_at(r, obj, "max", "\"max\" must be a number");
        n->has_max = 1;
        n->max = hi->valuedouble * scale;
    }
    return CASIA_OK;
}

/* ------------------------------------------------------------------ */
/* Claims                                                              */

static int read_term(rd *r, const cJSON *obj, const char *key,
                     const char *country, claim_term *t)
{
    static const char *const allowed[] = {"measure", "country", "partner",
                                          "year", NULL};
    int idx, rc;
    const cJSON *v = get(obj, key, &idx);
    memset(t, 0, sizeof *t);
    t->country = country;
    if (!v)
        return fail(r, CASIA_ESCHEMA, "missing \"%s\"", key);
    push(r, idx);
    if (!cJSON_IsObject(v))
        return fail(r, CASIA_ESCHEMA, "\"%s\" must be an object {\"measure\", "
                    "\"country\", \"partner\"}", key);
    if ((rc = check_members(r, v, allowed)) ||
        (rc = get_measure(r, v, 0, &t->m)))
        return rc;
    if (get(v, "country", NULL) && (rc = get_country(r, v, "country", 1, &t->country)))
        return rc;
    if (get(v, "partner", NULL) && (rc = get_country(r, v, "partner", 1, &t->partner)))
        return rc;
    if ((rc = get_year(r, v, "year", &t->year)))
        return rc;
    if (!t->m.name)
        return fail(r, CASIA_ESCHEMA, "missing \"measure\"");
    pop(r);
    return CASIA_OK;
}

static int parse_type(const char *s, casia_claim_type *out)
{
    int t;
    for (t = CASIA_CLAIM_TOP; t <= CASIA_CLAIM_VOTE; t++)
        if (strcmp(s, casia_claim_type_name((casia_claim_type)t)) == 0) {
            *out = (casia_claim_type)t;
            return 1;
        }
    return 0;
}

/*
 * The array member key of obj, of min..max strings, each handed to item:
 * 0 taken, 1 not a valid what (an error at the item), or a status.
 */
static int read_list(rd *r, const cJSON *obj, const char *key, int min,
                     int max, const char *what, claim_node *n,
                     int (*item)(rd *r, claim_node *n, const char *s))
{
    const cJSON *arr, *c;
    int idx, i = 0, rc;
    arr = get(obj, key, &idx);
    if (!arr || !cJSON_IsArray(arr) || cJSON_GetArraySize(arr) < min ||
        cJSON_GetArraySize(arr) > max)
        return fail_at(r, obj, key, "\"%s\" must be an array of %d to %d %ss",
                       key, min, max, what);
    push(r, idx);
    for (c = arr->child; c; c = c->next, i++) {
        rc = cJSON_IsString(c) ? item(r, n, c->valuestring) : 1;
        if (rc > 0) {
            push(r, i);
            return fail(r, CASIA_ESCHEMA, "unknown %s %s%s%s", what,
                        cJSON_IsString(c) ? "\"" : "(not a string)",
                        cJSON_IsString(c) ? c->valuestring : "",
                        cJSON_IsString(c) ? "\"" : "");
        }
        if (rc < 0)
            return rc;
    }
    pop(r);
    return CASIA_OK;
}

static int set_partner(rd *r, claim_node *n, const char *s)
{
    (void)r;
    if (casia_country_resolve(&n->set[n->n_set], s, NULL) != CASIA_OK)
        return 1;
    n->n_set++;
    return 0;
}

static int add_event_type(rd *r, claim_node *n, const char *s)
{
    casia_event_type t;
    (void)r;
    if (casia_event_type_parse(&t, s) != CASIA_OK)
        return 1;
    n->types |= 1u << t;
    return 0;
}

static int add_resolution(rd *r, claim_node *n, const char *s)
{
    if (!(n->resolutions[n->n_resolutions] = dup(r, s)))
        return nomem(r);
    n->n_resolutions++;
    return 0;
}

static int read_node(rd *r, const cJSON *obj, claim_node **out, int top);

/* every, since: the range and the inner claim of one year */
static int read_every(rd *r, const cJSON *obj, claim_node *n, const char *type)
{
    const cJSON *v;
    int rc, idx;
    if (n->type == CASIA_CLAIM_EVERY && !get(obj, "years", NULL))
        return fail(r, CASIA_ESCHEMA, "\"every\" needs \"years\": [FIRST, LAST]");
    if (n->type == CASIA_CLAIM_SINCE && !n->year_from)
        return fail(r, CASIA_ESCHEMA, "\"since\" needs \"year\"");
    if (n->type == CASIA_CLAIM_SINCE && get(obj, "year", NULL))
        n->year_to = 0;   /* up to the last year with data */
    v = get(obj, "claim", &idx);
    if (!v)
        return fail(r, CASIA_ESCHEMA, "missing \"claim\": the claim that "
                    "holds in every year");
    push(r, idx);
    if ((rc = read_node(r, v, &n->sub, 0)))
        return rc;
    pop(r);
    if (n->sub->type == CASIA_CLAIM_EVERY || n->sub->type == CASIA_CLAIM_SINCE ||
        n->sub->type == CASIA_CLAIM_OVERTAKES || n->sub->type == CASIA_CLAIM_CHANGE)
        return fail_at(r, obj, "claim", "the inner claim of \"%s\" must be "
                       "of one year (top, value, ratio, member, count, "
                       "vote)", type);
    n->a = n->sub->a;
    return CASIA_OK;
}

static int read_member(rd *r, const cJSON *obj, claim_node *n, const char *type)
{
    const cJSON *m = get(obj, "member", NULL);
    int rc;
    (void)type;
    if ((rc = get_country(r, obj, "country", 1, &n->a.country)) ||
        (rc = get_string(r, obj, "organisation", 1, &n->org)))
        return rc;
    n->expect_member = 1;
    if (m) {
        if (!cJSON_IsBool(m))
            return fail_at(r, obj, "member", "\"member\" must be true or false");
        n->expect_member = cJSON_IsTrue(m);
    }
    return CASIA_OK;
}

static int read_vote(rd *r, const cJSON *obj, claim_node *n, const char *type)
{
    const char *vote;
    int rc, i;
    (void)type;
    if ((rc = get_country(r, obj, "country", 1, &n->a.country)) ||
        (rc = get_string(r, obj, "vote", 1, &vote)))
        return rc;
    for (i = CASIA_VOTE_YES; i <= CASIA_VOTE_ABSENT; i++)
        if (strcmp(vote, casia_vote_choice_name((casia_vote_choice)i)) == 0)
            n->vote = (casia_vote_choice)i;
    if (!n->vote)
        return fail_at(r, obj, "vote", "unknown vote \"%s\" (yes, no, "
                       "abstain, absent)", vote);
    n->a.m.unit = "count";
    return read_list(r, obj, "resolutions", 1, CLAIM_MAX_RESOLUTIONS,
                     "resolution id", n, add_resolution);
}

static int read_count(rd *r, const cJSON *obj, claim_node *n, const char *type)
{
    const cJSON *v = get(obj, "partner", NULL);
    int rc;
    (void)type;
    if ((rc = get_country(r, obj, "country", 1, &n->a.country)))
        return rc;
    if (v) {
        /* a country, or an organisation id kept as written */
        if (!cJSON_IsString(v))
            return fail_at(r, obj, "partner", "\"partner\" must be a string");
        if (casia_country_resolve(&n->a.partner, v->valuestring, NULL) != CASIA_OK)
            n->a.partner = dup(r, v->valuestring);
        if (!n->a.partner)
            return nomem(r);
    }
    if (get(obj, "event_types", NULL) &&
        (rc = read_list(r, obj, "event_types", 1, CASIA_EVENT_TYPE_END,
                        "event type", n, add_event_type)))
        return rc;
    n->a.m.unit = "count";
    return get_thresholds(r, obj, n, "count", 1);
}

static int read_top(rd *r, const cJSON *obj, claim_node *n)
{
    int rc;
    if ((rc = get_country(r, obj, "expect", 1, &n->expect)))
        return rc;
    if (!n->a.m.is_index || strcmp(n->a.m.unit, "rank") == 0)
        return fail_at(r, obj, "measure", "top needs an index of values (a "
                       "share, a count...), not \"%s\"", n->a.m.name);
    if (get(obj, "partners", NULL))
        return read_list(r, obj, "partners", 2, CLAIM_MAX_SET, "country", n,
                         set_partner);
    if (n->a.m.index != CASIA_INDEX_IMPORT_SHARE &&
        n->a.m.index != CASIA_INDEX_EXPORT_SHARE &&
        n->a.m.index != CASIA_INDEX_TURNOVER_SHARE &&
        n->a.m.index != CASIA_INDEX_ARMS_SHARE)
        return fail_at(r, obj, "measure", "ranking among all partners "
                       "needs a trade share or arms_share; name "
                       "\"partners\" for \"%s\"", n->a.m.name);
    return CASIA_OK;
}

static int read_change(rd *r, const cJSON *obj, claim_node *n)
{
    const cJSON *p = get(obj, "periods", NULL), *d = get(obj, "direction", NULL);
    const char *unit = strcmp(n->a.m.unit, "fraction") == 0 ? "pp" : n->a.m.unit;
    int i, rc;
    if (!n->a.m.is_index)
        return fail_at(r, obj, "measure", "change needs an index, not the "
                       "indicator \"%s\"", n->a.m.name);
    for (i = 0; i < 2; i++) {
        const cJSON *q = cJSON_GetArrayItem(p, i);
        if (!cJSON_IsArray(p) || cJSON_GetArraySize(p) != 2 ||
            !cJSON_IsArray(q) || cJSON_GetArraySize(q) != 2 ||
            !as_year(cJSON_GetArrayItem(q, 0), &n->period[i][0]) ||
            !as_year(cJSON_GetArrayItem(q, 1), &n->period[i][1]) ||
            n->period[i][0] > n->period[i][1])
            return fail_at(r, obj, "periods", "\"periods\" must be "
                           "[[FIRST, LAST], [FIRST, LAST]]");
    }
    if (d) {
        if (cJSON_IsString(d) && strcmp(d->valuestring, "increase") == 0)
            n->sign = 1;
        else if (cJSON_IsString(d) && strcmp(d->valuestring, "decrease") == 0)
            n->sign = -1;
        else
            return fail_at(r, obj, "direction", "\"direction\" must be "
                           "\"increase\" or \"decrease\"");
    }
    if ((rc = get_thresholds(r, obj, n, unit, !d)))
        return rc;
    n->a.m.unit = unit;
    return CASIA_OK;
}

/* top, overtakes, value, ratio, change: claims over measured values */
static int read_measured(rd *r, const cJSON *obj, claim_node *n,
                         const char *type)
{
    int rc;
    (void)type;
    if ((rc = get_country(r, obj, "country", 1, &n->a.country)))
        return rc;
    if (n->type != CASIA_CLAIM_RATIO &&
        ((rc = get_measure(r, obj, 1, &n->a.m)) ||
         (rc = get_country(r, obj, "partner", 0, &n->a.partner))))
        return rc;
    if (n->year_from != n->year_to && n->type != CASIA_CLAIM_RATIO &&
        !n->a.m.is_index)
        return fail_at(r, obj, "years", "\"years\" needs an index (a window "
                       "or a period mean), not the indicator \"%s\"",
                       n->a.m.name);
    switch (n->type) {
    case CASIA_CLAIM_TOP:
        return read_top(r, obj, n);
    case CASIA_CLAIM_OVERTAKES:
        if ((rc = get_country(r, obj, "partner", 1, &n->expect)) ||
            (rc = get_country(r, obj, "other", 1, &n->other)) ||
            (rc = get_year(r, obj, "by", &n->by)))
            return rc;
        if (!n->by)
            return fail(r, CASIA_ESCHEMA, "missing \"by\": the year by which "
                        "it overtakes");
        n->a.partner = NULL;
        return CASIA_OK;
    case CASIA_CLAIM_RATIO:
        if ((rc = read_term(r, obj, "numerator", n->a.country, &n->a)) ||
            (rc = read_term(r, obj, "denominator", n->a.country, &n->b)))
            return rc;
        return get_thresholds(r, obj, n, "ratio", 1);
    case CASIA_CLAIM_CHANGE:
        return read_change(r, obj, n);
    default:
        return get_thresholds(r, obj, n, n->a.m.unit, 1);
    }
}

/* The reader of each claim type, indexed by casia_claim_type. */
typedef int (*type_reader)(rd *r, const cJSON *obj, claim_node *n,
                           const char *type);
static const type_reader type_readers[] = {
    NULL, read_measured, read_measured, read_measured, read_measured,
    read_measured, read_every, read_every, read_member, read_count,
    read_vote};

static int read_node(rd *r, const cJSON *obj, claim_node **out, int top)
{
    static const char *const allowed[] = {
        "id", "quote", "where", "type", "measure", "country", "partner",
        "partners", "expect", "other", "year", "years", "by", "min", "max",
        "between", "unit", "numerator", "denominator", "periods",
        "direction", "claim", "organisation", "member", "event_types",
        "resolutions", "vote", "note", NULL};
    claim_node *n;
    const char *type;
    int rc;

    if (!cJSON_IsObject(obj))
        return fail(r, CASIA_ESCHEMA, "a claim must be an object");
    if ((rc = check_members(r, obj, allowed)))
        return rc;
    if (!top && (get(obj, "id", NULL) || get(obj, "quote", NULL)))
        return fail_at(r, obj, get(obj, "id", NULL) ? "id" : "quote",
                       "an inner claim has no id or quote of its own");
    n = alloc(r, sizeof *n);
    if (!n)
        return nomem(r);
    if ((rc = get_string(r, obj, "type", 1, &type)))
        return rc;
    if (!parse_type(type, &n->type))
        return fail_at(r, obj, "type", "unknown claim type \"%s\" (top, "
                       "overtakes, value, ratio, change, every, since, "
                       "member, count, vote)", type);
    if ((rc = get_year(r, obj, "year", &n->year_from)) ||
        (rc = get_years(r, obj, "years", &n->year_from, &n->year_to)))
        return rc;
    if (get(obj, "year", NULL) && get(obj, "years", NULL))
        return fail_at(r, obj, "years", "\"year\" and \"years\" together");
    if (get(obj, "year", NULL))
        n->year_to = n->year_from;
    if ((rc = type_readers[n->type](r, obj, n, type)))
        return rc;
    if (top && !n->year_from && !(n->a.year && n->b.year) &&
        n->type != CASIA_CLAIM_OVERTAKES && n->type != CASIA_CLAIM_CHANGE &&
        n->type != CASIA_CLAIM_EVERY && n->type != CASIA_CLAIM_SINCE &&
        n->type != CASIA_CLAIM_VOTE)
        return fail(r, CASIA_ESCHEMA, "missing \"year\" (or \"years\")");
    *out = n;
    return CASIA_OK;
}

/* The claim in the notation of docs/claims.md. */
static void describe(char *buf, size_t size, const claim_node *n)
{
    size_t l;
    char thr[96] = "", yrs[32] = "t", set[96] = "";
    if (n->year_from && n->year_to && n->year_to != n->year_from)
        snprintf(yrs, sizeof yrs, "%d-%d", n->year_from, n->year_to);
    else if (n->year_from)
        snprintf(yrs, sizeof yrs, "%d", n->year_from);
    if (n->has_min && n->has_max)
        snprintf(thr, sizeof thr, " between %g and %g", n->min, n->max);
    else if (n->has_min)
        snprintf(thr, sizeof thr, " >= %g", n->min);
    else if (n->has_max)
        snprintf(thr, sizeof thr, " <= %g", n->max);
    for (l = 0; l < n->n_set; l++) {
        size_t k = strlen(set);
        snprintf(set + k, sizeof set - k, "%s%s", l ? "," : " among ",
                 n->set[l]);
    }
    switch (n->type) {
    case CASIA_CLAIM_TOP:
        snprintf(buf, size, "top(%s, %s, %s%s) == %s", n->a.country,
                 n->a.m.name, yrs, set, n->expect);
        break;
    case CASIA_CLAIM_OVERTAKES:
        snprintf(buf, size, "overtakes(%s, %s, %s, %s) by %d", n->expect,
                 n->other, n->a.country, n->a.m.name, n->by);
        break;
    case CASIA_CLAIM_VALUE:
        snprintf(buf, size, "%s(%s%s%s, %s)%s", n->a.m.name, n->a.country,
                 n->a.partner ? ", " : "", n->a.partner ? n->a.partner : "",
                 yrs, thr);
        break;
    case CASIA_CLAIM_RATIO:
        snprintf(buf, size, "%s(%s, %s, %d) / %s(%s, %s, %d)%s", n->a.m.name,
                 n->a.country, n->a.partner ? n->a.partner : "-",
                 n->a.year ? n->a.year : n->year_from, n->b.m.name,
                 n->b.country, n->b.partner ? n->b.partner : "-",
                 n->b.year ? n->b.year : n->year_from, thr);
        break;
    case CASIA_CLAIM_CHANGE:
        snprintf(buf, size, "change(%s(%s%s%s), %d-%d -> %d-%d)%s%s",
                 n->a.m.name, n->a.country, n->a.partner ? ", " : "",
                 n->a.partner ? n->a.partner : "", n->period[0][0],
                 n->period[0][1], n->period[1][0], n->period[1][1],
                 n->sign > 0 ? " > 0" : n->sign < 0 ? " < 0" : "", thr);
        break;
    case CASIA_CLAIM_EVERY:
    case CASIA_CLAIM_SINCE:
        if (n->type == CASIA_CLAIM_EVERY || n->year_to)
            snprintf(buf, size, "every(%d-%d, ", n->year_from, n->year_to);
        else
            snprintf(buf, size, "since(%d, ", n->year_from);
        l = strlen(buf);
        describe(buf + l, size - l, n->sub);
        l = strlen(buf);
        snprintf(buf + l, size - l, ")");
        break;
    case CASIA_CLAIM_MEMBER:
        snprintf(buf, size, "member(%s, %s, %s) == %s", n->a.country, n->org,
                 yrs, n->expect_member ? "true" : "false");
        break;
    case CASIA_CLAIM_VOTE:
        snprintf(buf, size, "vote(%s, %s%s) == %s", n->a.country,
                 n->resolutions[0], n->n_resolutions > 1 ? ", ..." : "",
                 casia_vote_choice_name(n->vote));
        break;
    case CASIA_CLAIM_COUNT:
        snprintf(buf, size, "count(events of %s%s%s, %s)%s", n->a.country,
                 n->a.partner ? " with " : "", n->a.partner ? n->a.partner : "",
                 yrs, thr);
        break;
    }
}

static int read_claim(rd *r, const cJSON *obj, claim_entry *e)
{
    const char *id, *quote, *where;
    char buf[512];
    int rc;
    if (!cJSON_IsObject(obj))
        return fail(r, CASIA_ESCHEMA, "a claim must be an object");
    if ((rc = get_string(r, obj, "id", 1, &id)) ||
        (rc = get_string(r, obj, "quote", 1, &quote)) ||
        (rc = get_string(r, obj, "where", 0, &where)) ||
        (rc = read_node(r, obj, &e->node, 1)))
        return rc;
    e->pub.id = id;
    e->pub.quote = quote;
    e->pub.where = where ? where : "";
    e->pub.type = e->node->type;
    e->pub.measure = e->node->a.m.name;
    e->pub.country = e->node->a.country;
    describe(buf, sizeof buf, e->node);
    e->pub.statement = dup(r, buf);
    if (!e->pub.statement)
        return nomem(r);
    {
        casia_error pos;
        casia__json_locate(&r->t, &pos, r->path, r->depth);
        e->pub.line = pos.line;
        e->pub.column = pos.column;
    }
    return CASIA_OK;
}

static int read_root(rd *r, const cJSON *root)
{
    static const char *const allowed[] = {"format", "title", "description",
                                          "source", "claims", NULL};
    const cJSON *f, *arr, *c;
    int rc, idx, i;
    size_t k;

    if (!cJSON_IsObject(root))
        return fail(r, CASIA_ESCHEMA, "the top level must be an object with "
                    "\"format\": \"%s\"", FORMAT_ID);
    f = get(root, "format", NULL);
    if (!f)
        return fail(r, CASIA_ESCHEMA, "missing \"format\": this is not a "
                    "claims file (expected \"format\": \"%s\")", FORMAT_ID);
    if (!cJSON_IsString(f) || strcmp(f->valuestring, FORMAT_ID) != 0)
        return fail_at(r, root, "format", "unknown format (expected \"%s\")",
                       FORMAT_ID);
    if ((rc = check_members(r, root, allowed)))
        return rc;
    arr = get(root, "claims", &idx);
    if (!arr)
        return fail(r, CASIA_ESCHEMA, "missing \"claims\"");
    push(r, idx);
    if (!cJSON_IsArray(arr))
        return fail(r, CASIA_ESCHEMA, "\"claims\" must be an array");
    r->cl->count = (size_t)cJSON_GetArraySize(arr);
    r->cl->items = calloc(r->cl->count ? r->cl->count : 1, sizeof *r->cl->items);
    if (!r->cl->items)
        return nomem(r);
    for (c = arr->child, i = 0; c; c = c->next, i++) {
        push(r, i);
        if ((rc = read_claim(r, c, &r->cl->items[i])))
            return rc;
        for (k = 0; k < (size_t)i; k++)
            if (strcmp(r->cl->items[k].pub.id, r->cl->items[i].pub.id) == 0)
                return fail_at(r, c, "id", "claim id \"%s\" given twice",
                               r->cl->items[i].pub.id);
        pop(r);
    }
    pop(r);
    return CASIA_OK;
}

CASIA_API void casia_claims_free(casia_claims *cl)
{
    size_t i;
    if (!cl)
        return;
    for (i = 0; i < cl->n_blocks; i++)
        free(cl->blocks[i]);
    free(cl->blocks);
    free(cl->items);
    free(cl);
}

CASIA_API int casia_claims_load_buffer(casia_claims **out, const char *data,
                                       size_t size, const char *name,
                                       casia_error *err)
{
    rd r;
    cJSON *root = NULL;
    int rc;
    if (!name)
        name = "<buffer>";
    if (!out || (!data && size))
        return casia__error_set(err, CASIA_EINVAL, name,
                                "casia_claims_load_buffer: NULL argument");
    memset(&r, 0, sizeof r);
    r.err = err;
    if ((rc = casia__json_parse(&root, &r.t, data, size, name, err)))
        return rc;
    r.cl = calloc(1, sizeof *r.cl);
    if (!r.cl) {
        cJSON_Delete(root);
        return casia__error_set(err, CASIA_ENOMEM, name, NULL);
    }
    rc = read_root(&r, root);
    cJSON_Delete(root);
    if (rc) {
        casia_claims_free(r.cl);
        return rc;
    }
    *out = r.cl;
    return CASIA_OK;
}

/* casia__load_file()'s view of casia_claims_load_buffer() */
static int load_buffer(void *out, const char *data, size_t size,
                       const char *name, casia_error *err)
{
    return casia_claims_load_buffer(out, data, size, name, err);
}

CASIA_API int casia_claims_load_file(casia_claims **out, const char *path,
                                     casia_error *err)
{
    if (!out || !path)
        return casia__error_set(err, CASIA_EINVAL, path,
                                "casia_claims_load_file: NULL argument");
    return casia__load_file(out, path, err, load_buffer);
}

CASIA_API int casia_claims_default(casia_claims **out, casia_error *err)
{
    return casia_claims_load_buffer(out, (const char *)casia__claims_json,
                                    casia__claims_json_size,
                                    "<built-in claims>", err);
}
