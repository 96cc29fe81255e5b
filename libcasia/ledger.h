/*
 * ledger.h - the ledger of security and political events, and the titles
 * of UN resolutions: their records in the dataset and their part of the
 * builder (ledger.c). Internal.
 */
#ifndef CASIA_LEDGER_H
#define CASIA_LEDGER_H

#include "internal.h"

/* The builder's part: records as loaders give them, sources still
 * builder-local indices. */
typedef struct casia__ledger_event {
    casia__event_rec r;
    uint64_t origin;
    const char *date, *id;   /* for sorting */
} casia__ledger_event;

typedef struct casia__ledger_res {
    casia__resolution_rec r;
    uint64_t origin;
    const char *date, *id;
} casia__ledger_res;

typedef struct casia__ledger {
    casia__ledger_event *events;
    size_t n_events, cap_events;
    casia__ledger_res *res;
    size_t n_res, cap_res;
} casia__ledger;

void casia__ledger_free(casia__ledger *l);
int casia__ledger_push_event(casia__ledger *l, const casia__event_rec *r,
                             uint64_t origin);
int casia__ledger_push_resolution(casia__ledger *l,
                                  const casia__resolution_rec *r,
                                  uint64_t origin);
/* The origin of a record citing builder-local source `source`; 0 when
 * none does. */
int casia__ledger_source_origin(const casia__ledger *l, size_t source,
                                uint64_t *origin);
/* Renumbers the sources: new index = src_new[old]. */
void casia__ledger_remap_sources(casia__ledger *l, const uint32_t *src_new);
/* Checks (partners, duplicate ids), sorts and moves the records into ds,
 * whose organisations are already in place; `strings` is the builder's
 * table, which the records' string ids index. */
int casia__ledger_finish(casia__ledger *l, casia_dataset *ds,
                         const casia__strtab *strings, casia__locator locate,
                         void *locate_ctx, const char *source_name,
                         casia_error *err);
/* Copies the ledger of ds into the builder. */
int casia__ledger_add_dataset(casia__builder *b, const casia_dataset *ds,
                              uint64_t origin);

/* The partner of a query: an organisation id (*org, its string id), or a
 * country in any form (*country); neither for NULL. CASIA_ENOTFOUND for
 * an unknown one. */
int casia__ledger_partner(const casia_dataset *ds, const char *partner,
                          int *country, uint32_t *org);
/* Whether event e matches a query (country -1, par -1, org 0, types 0,
 * years 0: any); docs of casia_dataset_events(). */
int casia__ledger_match(const casia_dataset *ds, const casia__event_rec *e,
                        int country, int par, uint32_t org, unsigned types,
                        int year_from, int year_to);
/* Whether a type mask names only event types. */
#define casia__ledger_types_ok(types)                                         \
    (((types) & ~(((1u << CASIA_EVENT_TYPE_END) - 1u) & ~1u)) == 0)

/* Parses "YYYY", "YYYY-MM" or "YYYY-MM-DD" (a real day); its year, or 0
 * when the text is none of these. */
int casia__ledger_date_year(const char *date);

#endif /* CASIA_LEDGER_H */
