/*
 * claims_internal.h - the claim model shared by the reader of claims
 * files (claims_read.c) and the evaluator (claims.c).
 */
#ifndef CASIA_CLAIMS_INTERNAL_H
#define CASIA_CLAIMS_INTERNAL_H

#include <casia.h>

/* Most partners of a top claim's set. */
#define CLAIM_MAX_SET 8

/* What a measure is: an annual index, or an indicator's observations. */
typedef struct claim_measure {
    const char *name;        /* as written (owned by the claims set) */
    int is_index;            /* 1: casia_index_id, 0: an indicator id */
    casia_index_id index;
    const char *unit;        /* "fraction", "pct_gdp", "count", "rank",
                                or the indicator's unit */
} claim_measure;

/* One value of a measure: country, partner (NULL for the country alone). */
typedef struct claim_term {
    claim_measure m;
    const char *country;     /* canonical (static) */
    const char *partner;     /* canonical (static), or NULL */
    int year;                /* ratio: this term's own year, or 0 */
} claim_term;

/* Most resolutions of a vote claim. */
#define CLAIM_MAX_RESOLUTIONS 16

typedef struct claim_node claim_node;

struct claim_node {
    casia_claim_type type;
    claim_term a;            /* the measure and the country (all types but
                                member and count) */
    claim_term b;            /* ratio: the denominator */
    const char *expect;      /* top: the partner claimed first;
                                overtakes: the one that overtakes */
    const char *other;       /* overtakes: the one overtaken */
    const char *set[CLAIM_MAX_SET];  /* top: the partners compared */
    size_t n_set;            /* 0: all partners */
    int year_from, year_to;  /* the year or years (0: none given) */
    int by;                  /* overtakes: the year claimed */
    int period[2][2];        /* change */
    int sign;                /* change: +1 increase, -1 decrease, 0 none */
    int has_min, has_max;
    double min, max;         /* thresholds, in the measure's unit */
    const char *thr_unit;    /* the unit the thresholds were written in */
    const char *org;         /* member: organisation id */
    int expect_member;       /* member: 1 a member, 0 not */
    unsigned types;          /* count: event type bits (0: all) */
    const char *resolutions[CLAIM_MAX_RESOLUTIONS]; /* vote */
    size_t n_resolutions;
    casia_vote_choice vote;  /* vote: the vote claimed on each */
    claim_node *sub;         /* every, since: the inner claim */
};

typedef struct claim_entry {
    casia_claim pub;         /* id, quote, where, statement... */
    claim_node *node;
} claim_entry;

struct casia_claims {
    claim_entry *items;
    size_t count;
    /* every string and node, freed together */
    void **blocks;
    size_t n_blocks, cap_blocks;
};

/* The unit of an index's values ("fraction", "pct_gdp", "count",
 * "rank"); NULL for an unknown index. */
const char *casia__claim_index_unit(casia_index_id index);

#endif
