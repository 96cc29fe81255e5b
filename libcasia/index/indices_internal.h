/*
 * libcasia/indices_internal.h - declarations shared by the files of the
 * indices (ixcore.c, indices.c, trade.c, arms.c, remittance.c,
 * institutions.c, composite.c, table.c, table_build.c). Nothing here is
 * exported.
 *
 * The per-call functions and the bulk tables share one core per index
 * family: the per-call function gathers the observations of one group
 * (one reporter, year and indicator) by binary search, the table builder
 * gathers every group in one pass over the sorted store, and both hand the
 * group to the same code. That is what makes a table row equal, bit for
 * bit, to the per-call value.
 */
#ifndef CASIA_INDICES_INTERNAL_H
#define CASIA_INDICES_INTERNAL_H

#include "internal.h"

/* ------------------------------------------------------------------ */
/* Context of one computation (ixcore.c)                               */

/* How the mirror may be used. */
enum { CASIA__MIRROR_NO = 0, CASIA__MIRROR_FALLBACK = 1, CASIA__MIRROR_ONLY = 2 };

typedef struct casia__ix {
    const casia_dataset *ds;
    casia_options opt;    /* the caller's options, or the defaults */
    int source;           /* pinned source index; -1 any; -2 pinned but
                             absent from the dataset (nothing matches) */
    int world;            /* registry index of WLD */
    int own[3];           /* the reporter's own bases, in order of preference */
    int n_own;
    int mirror;           /* CASIA__MIRROR_* */
} casia__ix;

/* Validates opt (NULL = defaults) and fills c. CASIA_OK or CASIA_EINVAL. */
int casia__ix_init(casia__ix *c, const casia_dataset *ds,
                   const casia_options *opt);

/* Resolves a country argument: CASIA_OK, CASIA_ENOTFOUND, CASIA_EINVAL. */
int casia__ix_country(int *index, const char *text);
/* casia__ix_init(), then the reporter and the partner (their statuses). */
int casia__ix_pair(casia__ix *c, int *rep, int *par, const casia_dataset *ds,
                   const char *reporter, const char *partner,
                   const casia_options *opt);

/* Whether a registry index is an aggregate (WLD, EUU, groups). */
int casia__ix_aggregate(int country);

/* Whether row i passes the source filter. */
#define casia__ix_row_ok(c, i)                                                \
    ((c)->source == -1 || (int)(c)->ds->obs_source[(i)] == (c)->source)

/* [lo, hi) of the rows with exactly this key. */
void casia__ix_key_range(const casia_dataset *ds, uint64_t key, size_t *lo,
                         size_t *hi);

/* Row ranks of the reporter's own bases when several are allowed:
 * reporter < national_stats < other. Returns -1 for partner_mirror. */
int casia__ix_own_rank(int basis);

/*
 * One observation chosen for an input: obs is its row (-1 = none), basis
 * its basis as the result counts it (partner_mirror for a mirror),
 * mirror 0 (own), 1 (stored mirror row) or 2 (the partner's own report of
 * the opposite flow), several when other sources offered it too.
 */
typedef struct casia__pick {
    long obs;
    int basis;
    int mirror;
    int several;
} casia__pick;

/*
 * Among rows [lo, hi) of one key (sorted by basis, then source), the row
 * of basis `basis` passing the source filter, preferring source `prefer`
 * (-1: none), else the smallest source id. -1 when none; *several is set
 * to whether more than one row qualified.
 */
long casia__ix_pick_range(const casia__ix *c, size_t lo, size_t hi, int basis,
                          int prefer, int *several);

/* The reporter's own figure for (ind, rep, par, year): the first own basis
 * with a row. CASIA_OK or CASIA_ENOTFOUND. */
int casia__ix_pick_own(casia__pick *p, const casia__ix *c, int ind, int rep,
                       int par, int year, int prefer);

/* The mirror: a stored partner_mirror row, else (mind >= 0) the partner's
 * own report (mind, par, rep, year). CASIA_OK or CASIA_ENOTFOUND. */
int casia__ix_pick_mirror(casia__pick *p, const casia__ix *c, int ind,
                          int mind, int rep, int par, int year, int prefer);

/* The pair rule: own (unless mirror-only), then the mirror as allowed. */
int casia__ix_pick_pair(casia__pick *p, const casia__ix *c, int ind, int mind,
                        int rep, int par, int year, int prefer);

/* ------------------------------------------------------------------ */
/* Results (ixcore.c)                                                  */

/* Zeroes r and sets its unit, window and "no basis yet". */
void casia__res_init(casia_result *r, const char *unit, int year_from,
                     int year_to);
/* Marks a year present. */
void casia__res_year(casia_result *r, int year);
/* Adds a source id (sorted, unique; keeps the smallest ids, flags
 * truncation). */
void casia__res_source_id(casia_result *r, const char *id);
void casia__res_source(casia_result *r, const casia_dataset *ds, int source);
/* Combines a basis into r->basis (different bases give MIXED). */
void casia__res_basis(casia_result *r, int basis);
/* Adds a pick: its source, basis and flags. */
void casia__res_pick(casia_result *r, const casia_dataset *ds,
                     const casia__pick *p);
/* Merges flags, basis, sources and years of src into dst. */
void casia__res_merge(casia_result *dst, const casia_result *src);
/* Ends a result: a basis never set becomes OTHER. */
void casia__res_finish(casia_result *r);

/* Half a unit of the last decimal digit of v as written (27.31 -> 0.005,
 * 5.7e9 -> 5e7); 0 for 0. */
double casia__half_unit(double v);

/* ------------------------------------------------------------------ */
/* Partner tables of one reporter, year and flow (trade.c)             */

typedef struct casia__tentry {
    int partner;      /* registry index */
    long obs;         /* the row of its value */
    double value;
    int basis;        /* as counted (partner_mirror for a mirror) */
    int mirror;       /* 0, 1, 2 as in casia__pick */
    int several;
    int aggregate;    /* never ranked nor summed */
} casia__tentry;

enum { CASIA__TOTAL_NONE = 0, CASIA__TOTAL_WORLD = 1, CASIA__TOTAL_SUM = 2 };

typedef struct casia__ttable {
    int status;       /* CASIA_OK, CASIA_ENOTFOUND (no total), CASIA_EDOMAIN */
    int kind;         /* CASIA__TOTAL_* */
    double total;
    int total_basis;
    int total_source; /* source index */
    int total_several;
    casia__tentry *e; /* sorted by partner */
    size_t n, cap;
} casia__ttable;

/*
 * Builds the table of reporter `rep` for one indicator and year from
 * own[0..n_own) (rows of (ind, rep, *, year), store order) and
 * trans[0..n_trans) (rows of (mind, *, rep, year), store order). Returns
 * CASIA_OK or CASIA_ENOMEM; the index's status is t->status.
 */
int casia__ttable_build(casia__ttable *t, const casia__ix *c, int rep,
                        const size_t *own, size_t n_own, const size_t *trans,
                        size_t n_trans);
void casia__ttable_free(casia__ttable *t);
const casia__tentry *casia__ttable_find(const casia__ttable *t, int partner);

/* The rows of one group, gathered by binary search (per-call path). */
int casia__gather_own(size_t **out, size_t *n, const casia__ix *c, int ind,
                      int rep, int year);
int casia__gather_trans(size_t **out, size_t *n, const casia__ix *c, int mind,
                        int rep, int year);

/* Indicator ids of a flow: ind (rows of the reporter) and mind (the
 * opposite flow, the partner's mirror); -1 when absent. */
void casia__flow_indicators(const casia_dataset *ds, casia_flow flow,
                            int *ind, int *mind);

/* Share of `partner` from built tables (turnover: both). */
int casia__table_share(casia_result *out, const casia__ix *c,
                       const casia__ttable *a, const casia__ttable *b,
                       int partner, int year);

/* A ranked list from built tables (b NULL: one flow; else turnover). */
typedef struct casia__ranked {
    int partner;
    double value;
    double share;
    int basis;
    long obs;          /* the row of (one of) its values */
    unsigned flags;
} casia__ranked;

int casia__table_rank(casia__ranked **out, size_t *n, casia_result *total,
                      const casia__ix *c, const casia__ttable *a,
                      const casia__ttable *b, int year);
/* HHI from a ranking and its total; the bounds come from the total's
 * coverage (the ranked partners' part of it). */
int casia__hhi_from(casia_result *out, const casia__ranked *r, size_t n,
                    const casia_result *total);

/* Discrepancy of one pair (per-call and table). */
/* The fallbacks of a trade share from published aggregates (published.c):
 * a published turnover over a world total, then a published share.
 * CASIA_ENOTFOUND when neither exists. */
int casia__published_share(casia_result *out, const casia__ix *c, int rep,
                           int par, int year, casia_flow flow);

/* The energy share's fallback (published.c): of pipeline gas imports, in
 * bcm, then US dollars, then a published share. CASIA_ENOTFOUND when none. */
int casia__pipeline_share(casia_result *out, const casia__ix *c, int rep,
                          int par, int year);

int casia__discrepancy(casia_result *out, const casia__ix *c, casia_flow flow,
                       int rep, int par, int year);

/* ------------------------------------------------------------------ */
/* Arms (arms.c)                                                       */

typedef struct casia__arms {
    const casia__ix *c;
    int ind;            /* arms.import_tiv; -1 when absent */
    int rep;
    size_t lo, hi;      /* the recipient's rows */
    int *span_lo;       /* per dataset source: first and last year of its
                           arms rows (any recipient); 0 = none */
    int *span_hi;
    int *cand;          /* candidate sources of the recipient */
    size_t n_cand;
} casia__arms;

/* Prepares a recipient. spans may be shared (computed once for tables):
 * pass span_lo/span_hi NULL to compute them. CASIA_OK / CASIA_ENOMEM. */
int casia__arms_spans(int **span_lo, int **span_hi, const casia__ix *c,
                      int ind);
int casia__arms_open(casia__arms *a, const casia__ix *c, int ind, int rep,
                     int *span_lo, int *span_hi);
void casia__arms_close(casia__arms *a);
/* Whether `supplier` has any row for the recipient. */
int casia__arms_known(const casia__arms *a, int supplier);
/*
 * The window [first, last]: total (in *total), chosen source, years, and
 * for supplier >= 0 its share in out. With ranked != NULL, the suppliers
 * with deliveries (malloc'd, *n_ranked entries). out may be NULL when only
 * the ranking is wanted.
 */
int casia__arms_window(casia_result *out, const casia__arms *a, int supplier,
                       int first, int last, casia__ranked **ranked,
                       size_t *n_ranked, casia_result *total);

/* ------------------------------------------------------------------ */
/* UN votes (institutions.c)                                           */

/* The year of a vote's date "YYYY-MM-DD"; 0 when it does not start with
 * four digits. */
int casia__vote_year(const char *date);
/* The agreement of two votes is the public casia_vote_agreement(): its
 * scores add exactly, so the tables' sums equal casia_un_agreement()'s. */

/* ------------------------------------------------------------------ */
/* Composite (composite.c)                                             */

/*
 * Combines dimension values (status[d] == CASIA_OK marks those present)
 * with weights w (NULL = equal): value and dims. CASIA_OK,
 * CASIA_ENOTFOUND (none present), CASIA_EDOMAIN (all present weigh 0).
 */
int casia__composite_combine(double *value, unsigned *dims, double *wnorm,
                             const double *dim_value, const int *status,
                             const double *w);
/* Whether a dimension's value is a fraction in [0, 1]; others are left
 * out of the composite (status CASIA_ERANGE). */
#define casia__dim_in_range(v) ((v) >= 0 && (v) <= 1)
/*
 * The composite result of one (reporter, partner, year) from its
 * dimensions' results res[d], present where status[d] is CASIA_OK (a
 * value outside [0, 1] turns it into CASIA_ERANGE): value, dims, count,
 * flags, basis and sources of the used dimensions, the year; wnorm (may
 * be NULL) the renormalised weights. casia_composite() and the tables
 * both end here, so a table's composite row is casia_composite()'s.
 * CASIA_OK, or casia__composite_combine()'s status (*out untouched).
 */
int casia__composite_build(casia_result *out, double *wnorm, int *status,
                           const casia_result *res, const double *w, int year);
/* Validates weights: CASIA_OK or CASIA_EINVAL (ixcore.c, for the
 * options). */
int casia__weights_ok(const double *w);

/* ------------------------------------------------------------------ */
/* The registry of indices (indices.c) and the table builders          */
/* (table_build.c)                                                     */

/* Where a table builder puts its rows: add(to, ...) copies the result's
 * value, unit, basis and flags. CASIA_OK or CASIA_ENOMEM. */
typedef struct casia__sink {
    int (*add)(void *to, int rep, int par, int year, int index,
               const casia_result *r);
    void *to;
} casia__sink;

/* Computes one index as casia_index() does (the per-call path). */
typedef int (*casia__index_fn)(casia_result *out, const casia_dataset *ds,
                               const char *reporter, const char *partner,
                               int year, const casia_options *opt);

/* Adds the rows of every index it makes for every group of the dataset
 * (the bulk path); opt is the caller's, c its context. */
typedef int (*casia__table_builder)(casia__sink *t, const casia__ix *c,
                                    const casia_options *opt);

/*
 * One index: its id, its name, the function casia_index() calls, the
 * builder of its table rows (a builder that makes several indices is
 * named on each of their rows and run once; NULL for the composite,
 * which table.c makes from the others' rows), and the dimension of the
 * composite it stands for (-1 for none).
 */
typedef struct casia__index_def {
    casia_index_id id;
    const char *name;
    casia__index_fn fn;
    casia__table_builder build;
    int dim;
} casia__index_def;

/* The row of an index, NULL for an unknown id. */
const casia__index_def *casia__index_def_get(casia_index_id index);

int casia__build_trade(casia__sink *t, const casia__ix *c,
                       const casia_options *opt);
int casia__build_energy(casia__sink *t, const casia__ix *c,
                        const casia_options *opt);
int casia__build_arms(casia__sink *t, const casia__ix *c,
                      const casia_options *opt);
int casia__build_remittances(casia__sink *t, const casia__ix *c,
                             const casia_options *opt);
int casia__build_institutions(casia__sink *t, const casia__ix *c,
                              const casia_options *opt);
int casia__build_votes(casia__sink *t, const casia__ix *c,
                       const casia_options *opt);
int casia__build_events(casia__sink *t, const casia__ix *c,
                        const casia_options *opt);
/* The years of the table: from the first to the last year of any
 * observation, UN vote, or membership start or end (table_build.c). */
void casia__table_years(const casia_dataset *ds, int *lo, int *hi);

#endif /* CASIA_INDICES_INTERNAL_H */
