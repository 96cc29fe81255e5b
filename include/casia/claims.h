/*
 * casia/claims.h - claims as code: typed statements over the indices
 * (who leads, who overtook whom, a value within stated bounds, a ratio, a
 * change between periods, memberships, events), read from a claims file
 * ("format": "casia-claims/1") and checked against a dataset under every
 * basis and every source separately.
 *
 * Include <casia.h> rather than this file. docs/claims.md specifies the
 * format, the claim types and how a verdict is reached.
 */
#ifndef CASIA_CLAIMS_H
#define CASIA_CLAIMS_H

#include "casia/common.h"
#include "casia/dataset.h"
#include "casia/indices.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @defgroup claims Claims as code
 *
 * A claims file holds statements of an analysis, each with the quote it
 * formalises, where the quote comes from, an id, and a typed statement
 * over the indices (measures in the indices' own names, such as
 * "turnover_share", or an indicator id such as "trade.import").
 * casia_claim_evaluate() checks one claim against a dataset: under the
 * default rules, then under each basis, then under each source that has
 * observations for the claim, and gives a verdict with the numbers behind
 * it. It uses the public index API only.
 * @{
 */

/** An opaque, immutable set of claims. Free with casia_claims_free(). */
typedef struct casia_claims casia_claims;

/** The kinds of claim (docs/claims.md). */
typedef enum casia_claim_type {
    CASIA_CLAIM_TOP = 1,       /**< a partner ranks first */
    CASIA_CLAIM_OVERTAKES = 2, /**< a partner's value exceeds another's
                                    from some year on, by a year */
    CASIA_CLAIM_VALUE = 3,     /**< a value at least, at most, or between */
    CASIA_CLAIM_RATIO = 4,     /**< the ratio of two values at least ... */
    CASIA_CLAIM_CHANGE = 5,    /**< the change of a mean between periods */
    CASIA_CLAIM_EVERY = 6,     /**< a claim holds in every year of a range */
    CASIA_CLAIM_SINCE = 7,     /**< a claim holds in every year from one on */
    CASIA_CLAIM_MEMBER = 8,    /**< a country is (or is not) a member */
    CASIA_CLAIM_COUNT = 9,     /**< the number of events of the ledger */
    CASIA_CLAIM_VOTE = 10      /**< a country's votes on UN resolutions */
} casia_claim_type;

/** "top", "overtakes", "value", "ratio", "change", "every", "since",
 *  "member", "count", "vote"; NULL for a value outside the enum. */
CASIA_API const char *casia_claim_type_name(casia_claim_type type);

/** One claim as read (all strings borrowed from the claims set). */
typedef struct casia_claim {
    const char *id;          /**< unique id, e.g. "uzb-imports-chn-2023" */
    casia_claim_type type;
    const char *quote;       /**< the words of the analysis it formalises */
    const char *where;       /**< where the quote is ("" when not said) */
    const char *measure;     /**< index name or indicator id; for every
                                  and since, the inner claim's; NULL for
                                  member, count and vote */
    const char *country;     /**< canonical code of the country it is about */
    const char *statement;   /**< the claim in words, e.g.
                                  "top(KAZ, turnover_share, 2023 among CHN,
                                  RUS) == CHN" */
    int line;                /**< its line in the claims file */
    int column;              /**< its column in the claims file */
    void *reserved_[8];      /**< reserved, NULL */
} casia_claim;

/** The verdict on a claim. */
typedef enum casia_verdict {
    /** Every view that can test the claim finds it true. */
    CASIA_VERDICT_SUPPORTED = 1,
    /** Every view that can test the claim finds it false. */
    CASIA_VERDICT_CONTRADICTED = 2,
    /** Some views find it true, others false (casia_claim_view::holds). */
    CASIA_VERDICT_DEPENDS_ON_SOURCE = 3,
    /** No view can test it (casia_claim_result::missing says why). */
    CASIA_VERDICT_NOT_TESTABLE = 4
} casia_verdict;

/** "supported", "contradicted", "depends_on_source", "not_testable";
 *  NULL for a value outside the enum. */
CASIA_API const char *casia_verdict_name(casia_verdict verdict);

/** Most views a casia_claim_result holds. */
#define CASIA_CLAIM_MAX_VIEWS 64
/** Most source ids a casia_claim_view lists. */
#define CASIA_CLAIM_MAX_SOURCES 8
/** Size of casia_claim_result::missing and casia_claim_view::note. */
#define CASIA_CLAIM_TEXT_SIZE 160

/**
 * The claim under one view: one set of casia_options (a basis, or a
 * source), the numbers it gave and whether the claim holds there.
 */
typedef struct casia_claim_view {
    /** The basis of the view: #CASIA_BASIS_ANY for the default rules and
     *  for a source's view. */
    casia_basis basis;
    /** The source the view is pinned to (borrowed from the dataset), or
     *  NULL. */
    const char *source;
    /** #CASIA_OK when the claim could be tested, else why not
     *  (#CASIA_ENOTFOUND, #CASIA_EDOMAIN...). */
    int status;
    /** 1 the claim holds, 0 it does not, -1 not tested. */
    int holds;
    /** The decisive number: the claimed partner's value (top), the year
     *  found (overtakes), the value, ratio, change (pp for shares), count,
     *  or 1/0 (member); in casia_claim_result::unit. */
    double value;
    /** The number it is weighed against: the best rival's value (top),
     *  the other partner's (overtakes: the year claimed), else the bound
     *  that decided (NaN-free; 0 when none). */
    double other;
    /** How far the decisive number lies from what the claim needs:
     *  positive when it holds, negative when not, in the claim's unit. */
    double margin;
    int year;                /**< the decisive year (0 when none) */
    casia_basis result_basis;/**< basis of the figures used */
    unsigned source_count;   /**< entries of @ref sources in use */
    /** Sources of the figures used (borrowed from the dataset). */
    const char *sources[CASIA_CLAIM_MAX_SOURCES];
    /** What the view lacked, or which partner/year decided, in words. */
    char note[CASIA_CLAIM_TEXT_SIZE];
    double reserved_d_[4];   /**< reserved */
    void *reserved_p_[4];    /**< reserved */
} casia_claim_view;

/**
 * The verdict on one claim and the views behind it. Caller-allocated (it
 * is large: allocate it statically or on the heap if the stack is small),
 * needs no freeing; its strings are borrowed from the claims set or the
 * dataset, which must outlive it. The layout is part of the ABI: fields
 * are only ever added in the reserved space.
 */
typedef struct casia_claim_result {
    casia_verdict verdict;
    const char *unit;        /**< unit of the views' value and margin
                                  (static or borrowed) */
    /** The view that decides: the default rules' when they tested the
     *  claim, else the first view that did; -1 when none did. */
    int decisive;
    unsigned view_count;     /**< entries of @ref views in use */
    unsigned views_truncated;/**< views left out for lack of room */
    casia_claim_view views[CASIA_CLAIM_MAX_VIEWS];
    /** Not testable: the data that would be needed, in words. */
    char missing[CASIA_CLAIM_TEXT_SIZE];
    double reserved_d_[8];   /**< reserved */
    void *reserved_p_[8];    /**< reserved */
} casia_claim_result;

/**
 * Loads a claims file (`"format": "casia-claims/1"`, docs/claims.md).
 * Every claim is checked when read: a claims file with an unknown claim
 * type, an unknown measure or country, a threshold whose unit is not the
 * measure's, or malformed JSON is refused, and @p err names the file,
 * line and column.
 * @return #CASIA_OK; #CASIA_EIO; #CASIA_EPARSE (not JSON);
 *         #CASIA_ESCHEMA (a claim breaks the format); #CASIA_ENOMEM;
 *         #CASIA_EINVAL (NULL arguments).
 */
CASIA_API CASIA_WARN_UNUSED int casia_claims_load_file(casia_claims **out,
                                                       const char *path,
                                                       casia_error *err);

/** Like casia_claims_load_file(), from memory; @p name is used in error
 *  messages (NULL gives "<buffer>"). The buffer is not kept. */
CASIA_API CASIA_WARN_UNUSED int casia_claims_load_buffer(casia_claims **out,
                                                         const char *data,
                                                         size_t size,
                                                         const char *name,
                                                         casia_error *err);

/** The built-in claims of the source analysis (data/claims.json),
 *  compiled into the library. @return as casia_claims_load_buffer(). */
CASIA_API CASIA_WARN_UNUSED int casia_claims_default(casia_claims **out,
                                                     casia_error *err);

/** Frees a claims set. NULL is a no-op. */
CASIA_API void casia_claims_free(casia_claims *claims);

/** Number of claims (0 for NULL). */
CASIA_API size_t casia_claims_count(const casia_claims *claims);

/**
 * The claim at @p index (in file order).
 * @return #CASIA_OK; #CASIA_ENOTFOUND when out of range; #CASIA_EINVAL.
 */
CASIA_API int casia_claim_get(casia_claim *out, const casia_claims *claims,
                              size_t index);

/**
 * Index of the claim with id @p id.
 * @return #CASIA_OK; #CASIA_ENOTFOUND; #CASIA_EINVAL.
 */
CASIA_API int casia_claims_find(size_t *index, const casia_claims *claims,
                                const char *id);

/**
 * Evaluates the claim at @p index against @p ds: under the default rules
 * (basis any), then under each basis (reporter, national_stats, other,
 * partner_mirror), then under each source with observations of the
 * measure's indicators for the country, each through casia_options. Views
 * that cannot test the claim are kept with their status. The verdict:
 * supported or contradicted when every view that tests the claim agrees,
 * depends_on_source when they differ, not_testable when none tests it.
 * Memberships and events have a single view. @p opt (may be NULL) gives
 * the other options (mirror, total, arms window...); its basis and source
 * are overridden per view.
 * @return #CASIA_OK (whatever the verdict); #CASIA_ENOTFOUND (no such
 *         claim); #CASIA_EINVAL.
 */
CASIA_API int casia_claim_evaluate(casia_claim_result *out,
                                   const casia_claims *claims, size_t index,
                                   const casia_dataset *ds,
                                   const casia_options *opt);

/** @} */

#ifdef __cplusplus
}
#endif

#endif /* CASIA_CLAIMS_H */
