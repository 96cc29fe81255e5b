/*
 * casia/dataset.h - the dataset: cited observations, sources, memberships,
 * organisations and UN votes, loaded once and then read-only.
 *
 * Include <casia.h> rather than this file.
 */
#ifndef CASIA_DATASET_H
#define CASIA_DATASET_H

#include "casia/common.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @defgroup dataset Datasets
 *
 * A casia_dataset is immutable once loaded, so any number of threads may
 * read one dataset at the same time without locks. Strings returned by the
 * accessors are borrowed: they live as long as the dataset and must not be
 * freed.
 *
 * Country arguments of queries take any form casia_country_resolve()
 * accepts ("KZ", "398", "Kazakhstan"); strings handed back are canonical
 * codes ("KAZ").
 * @{
 */

/** An opaque, immutable dataset. Free with casia_dataset_free(). */
typedef struct casia_dataset casia_dataset;

/** One observation (all strings borrowed from the dataset). */
typedef struct casia_observation {
    const char *indicator;  /**< e.g. "trade.import" */
    const char *reporter;   /**< canonical code of the reporting country */
    const char *partner;    /**< canonical code of the partner ("WLD" for totals) */
    int year;               /**< 1900 .. 2100 */
    double value;           /**< in @ref unit; always finite */
    casia_basis basis;      /**< who reported it */
    const char *source;     /**< id of the source that gives it */
    const char *unit;       /**< unit of the indicator, e.g. "USD" */
    const char *note;       /**< the source's wording or a caveat; NULL when none */
} casia_observation;

/** Version of casia_query understood by this header. */
#define CASIA_QUERY_VERSION 1

/**
 * What to select. Initialise with #CASIA_QUERY_INIT, then set what matters:
 * NULL strings, a 0 year and #CASIA_BASIS_ANY mean "any".
 */
typedef struct casia_query {
    unsigned version;       /**< #CASIA_QUERY_VERSION */
    const char *indicator;  /**< exact indicator id, or NULL */
    const char *reporter;   /**< any registry form, or NULL */
    const char *partner;    /**< any registry form, or NULL */
    int year_from;          /**< first year, inclusive, or 0 */
    int year_to;            /**< last year, inclusive, or 0 */
    casia_basis basis;      /**< a basis, or #CASIA_BASIS_ANY */
    const char *source;     /**< a source id, or NULL */
} casia_query;

/** Initialiser of a casia_query selecting everything. */
#define CASIA_QUERY_INIT \
    { CASIA_QUERY_VERSION, NULL, NULL, NULL, 0, 0, CASIA_BASIS_ANY, NULL }

/** One source (all strings borrowed; "" when the source does not say). */
typedef struct casia_source {
    const char *id;          /**< short id cited by observations */
    const char *title;
    const char *publisher;
    const char *url;         /**< address, or a path in a public repository */
    const char *description; /**< what it gives */
} casia_source;

/** Membership of a country in an organisation or arrangement. */
typedef struct casia_membership {
    const char *country;       /**< canonical code */
    const char *organisation;  /**< id of the organisation, e.g. "CSTO" */
    int start_year;
    int end_year;              /**< last year of membership; 0 = still a member */
    const char *source;
    const char *note;          /**< NULL when none */
} casia_membership;

/** An organisation or arrangement that memberships refer to. */
typedef struct casia_organisation {
    const char *id;       /**< e.g. "CSTO" */
    const char *name;     /**< e.g. "Collective Security Treaty Organization" */
    const char *led_by;   /**< canonical code of the leading state; NULL when none */
    const char *source;   /**< source of the leadership attribution; NULL when none */
    const char *note;     /**< NULL when none */
} casia_organisation;

/** A vote cast in a UN General Assembly resolution. */
typedef enum casia_vote_choice {
    CASIA_VOTE_YES = 1,
    CASIA_VOTE_NO = 2,
    CASIA_VOTE_ABSTAIN = 3,
    CASIA_VOTE_ABSENT = 4   /**< did not vote */
} casia_vote_choice;

/** One country's vote on one resolution. */
typedef struct casia_vote {
    const char *resolution;  /**< e.g. "ES-11/1" */
    const char *date;        /**< ISO 8601 date, e.g. "2022-03-02" */
    const char *country;     /**< canonical code */
    casia_vote_choice vote;
    const char *source;
} casia_vote;

/** The kinds of event in the ledger of security and political ties. */
typedef enum casia_event_type {
    CASIA_EVENT_BASE = 1,              /**< a military base or facility */
    CASIA_EVENT_DEFENCE_AGREEMENT = 2, /**< a defence agreement, its renewal
                                            or ratification */
    CASIA_EVENT_EXERCISE = 3,          /**< a joint military exercise */
    CASIA_EVENT_DEPLOYMENT = 4,        /**< a deployment of troops */
    CASIA_EVENT_VISIT = 5,             /**< a leader's visit */
    CASIA_EVENT_SUMMIT = 6             /**< a summit of a format or an
                                            organisation */
} casia_event_type;

/** One more than the largest casia_event_type. */
#define CASIA_EVENT_TYPE_END 7

/**
 * One event of the ledger: a dated tie between one state and a partner,
 * which is a country or an organisation (an id of
 * casia_dataset_organisation(), such as "CSTO").
 */
typedef struct casia_event {
    const char *id;          /**< unique id, e.g. "2022-01-csto-deploy-kaz" */
    casia_event_type type;
    const char *date;        /**< "YYYY", "YYYY-MM" or "YYYY-MM-DD", as
                                  precise as the source */
    int year;                /**< the date's year */
    int end_year;            /**< bases and deployments: the last year;
                                  0 = a single date, or for a base, still
                                  in place */
    const char *country;     /**< canonical code */
    const char *partner;     /**< canonical country code or organisation id */
    const char *title;
    const char *source;
    const char *note;        /**< NULL when none */
    void *reserved_[4];      /**< reserved, NULL */
} casia_event;

/** A UN General Assembly resolution (its votes are casia_vote). */
typedef struct casia_resolution {
    const char *id;          /**< e.g. "ES-11/1" */
    const char *date;        /**< adoption date, YYYY-MM-DD */
    const char *title;       /**< its official title */
    const char *source;
    const char *note;        /**< NULL when none */
    void *reserved_[4];      /**< reserved, NULL */
} casia_resolution;

/**
 * Opens the default dataset compiled into the library (the five Central
 * Asian states, Russia and China; see data/SOURCES.md). No file is read.
 * Each call parses the embedded data anew and returns an independent
 * dataset.
 *
 * @param out  receives the dataset; free it with casia_dataset_free()
 * @param err  optional
 * @return #CASIA_OK or #CASIA_ENOMEM.
 */
CASIA_API CASIA_WARN_UNUSED int casia_dataset_open_default(casia_dataset **out,
                                                           casia_error *err);

/**
 * SHA-256 (64 lowercase hex digits) of the embedded default dataset's JSON,
 * computed by sha256sum when the library was built. The same file is
 * installed as $(datadir)/casia/ca5.json, so `sha256sum` on it must print
 * the same digest. Static string.
 */
CASIA_API const char *casia_default_sha256(void);

/**
 * Loads a dataset in the native JSON format (`"format": "casia-dataset/1"`,
 * see docs/format.md).
 *
 * On failure nothing is allocated, @p *out is untouched and @p err says
 * where (file, line, column) and why.
 *
 * @return #CASIA_OK; #CASIA_EIO (cannot read), #CASIA_EPARSE (not JSON,
 *         invalid UTF-8), #CASIA_ESCHEMA (JSON that breaks the format),
 *         #CASIA_ECONFLICT (one key given two values), #CASIA_ENOMEM,
 *         #CASIA_EINVAL (NULL arguments).
 */
CASIA_API CASIA_WARN_UNUSED int casia_dataset_load_file(casia_dataset **out,
                                                        const char *path,
                                                        casia_error *err);

/**
 * Like casia_dataset_load_file(), from memory. @p name is used in error
 * messages (NULL gives "<buffer>"). The buffer need not be NUL-terminated
 * and is not kept.
 */
CASIA_API CASIA_WARN_UNUSED int casia_dataset_load_buffer(casia_dataset **out,
                                                          const char *data,
                                                          size_t size,
                                                          const char *name,
                                                          casia_error *err);

/** Frees a dataset and everything borrowed from it. NULL is a no-op. */
CASIA_API void casia_dataset_free(casia_dataset *ds);

/**
 * Writes the dataset in the native JSON format. The output is canonical:
 * the same dataset always gives the same bytes, and loading it gives an
 * equal dataset.
 *
 * @param out   receives a NUL-terminated buffer; free with casia_free()
 * @param size  optional; receives strlen(*out)
 * @return #CASIA_OK, #CASIA_ENOMEM or #CASIA_EINVAL.
 */
CASIA_API CASIA_WARN_UNUSED int casia_dataset_to_json(char **out, size_t *size,
                                                      const casia_dataset *ds);

/**
 * Writes the dataset as native JSON to @p path (replaced if it exists).
 * @return #CASIA_OK, #CASIA_EIO (with @p err naming the file), #CASIA_ENOMEM.
 */
CASIA_API int casia_dataset_save_file(const casia_dataset *ds, const char *path,
                                      casia_error *err);

/**
 * Bytes of memory the dataset holds (its arrays, strings and tables). For
 * capacity planning; the figure is exact for this library version.
 */
CASIA_API size_t casia_dataset_memory_usage(const casia_dataset *ds);

/** The dataset's title, or NULL when it has none. Borrowed. */
CASIA_API const char *casia_dataset_title(const casia_dataset *ds);

/** The dataset's description, or NULL when it has none. Borrowed. */
CASIA_API const char *casia_dataset_description(const casia_dataset *ds);

/** Number of observations. */
CASIA_API size_t casia_dataset_observation_count(const casia_dataset *ds);

/**
 * The observation at @p index. Observations are sorted by indicator,
 * reporter, partner, year, basis and source.
 * @return #CASIA_OK, or #CASIA_ENOTFOUND when @p index is out of range.
 */
CASIA_API int casia_dataset_observation(casia_observation *out,
                                        const casia_dataset *ds, size_t index);

/**
 * The one observation matching @p q, whose indicator, reporter, partner and
 * year (year_from; year_to must be 0 or equal) must be set. Basis and
 * source narrow the match.
 *
 * @return #CASIA_OK; #CASIA_ENOTFOUND when nothing matches (or a country
 *         is unknown); #CASIA_EAMBIGUOUS when several observations (other
 *         bases or sources) match, in which case @p out receives the first;
 *         #CASIA_EINVAL when a required field is missing.
 */
CASIA_API int casia_dataset_get(casia_observation *out, const casia_dataset *ds,
                                const casia_query *q);

/**
 * Shorthand for casia_dataset_get() returning only the value, whatever the
 * basis and source. Same return codes; on #CASIA_EAMBIGUOUS @p *out is not
 * set.
 */
CASIA_API int casia_dataset_value(double *out, const casia_dataset *ds,
                                  const char *indicator, const char *reporter,
                                  const char *partner, int year);

/** A position in the observations selected by a query. */
typedef struct casia_cursor casia_cursor;

/**
 * Selects the observations matching @p q (NULL selects everything), in the
 * dataset's order. A series is a query with indicator, reporter and partner
 * set: its look-up costs O(log n) and each step O(1).
 *
 * The cursor borrows the dataset, which must outlive it. A cursor must not
 * be shared between threads; several cursors may read one dataset at once.
 *
 * @return #CASIA_OK; #CASIA_ENOTFOUND when a country of @p q is unknown;
 *         #CASIA_EINVAL; #CASIA_ENOMEM.
 */
CASIA_API CASIA_WARN_UNUSED int casia_dataset_query(casia_cursor **out,
                                                    const casia_dataset *ds,
                                                    const casia_query *q);

/**
 * Advances the cursor.
 * @return #CASIA_OK with @p out filled, or #CASIA_ITEROVER at the end.
 */
CASIA_API int casia_cursor_next(casia_cursor *cur, casia_observation *out);

/** Frees a cursor. NULL is a no-op. */
CASIA_API void casia_cursor_free(casia_cursor *cur);

/** Number of distinct indicators. */
CASIA_API size_t casia_dataset_indicator_count(const casia_dataset *ds);

/**
 * The indicator at @p index (sorted by id) and its unit.
 * @return #CASIA_OK, or #CASIA_ENOTFOUND when out of range.
 */
CASIA_API int casia_dataset_indicator(const char **id, const char **unit,
                                      const casia_dataset *ds, size_t index);

/**
 * The fixed unit of an indicator libcasia knows ("trade.import" -> "USD",
 * "arms.import_tiv" -> "TIV_million", ...), or NULL for an indicator it
 * does not know (such indicators are kept with the unit their file gives).
 * Static string.
 */
CASIA_API const char *casia_indicator_unit(const char *indicator);

/** Number of sources. */
CASIA_API size_t casia_dataset_source_count(const casia_dataset *ds);

/** The source at @p index (sorted by id); #CASIA_ENOTFOUND when out of range. */
CASIA_API int casia_dataset_source(casia_source *out, const casia_dataset *ds,
                                   size_t index);

/** The source with id @p id; #CASIA_ENOTFOUND when there is none. */
CASIA_API int casia_dataset_find_source(casia_source *out,
                                        const casia_dataset *ds,
                                        const char *id);

/** Number of memberships. */
CASIA_API size_t casia_dataset_membership_count(const casia_dataset *ds);

/**
 * The membership at @p index (sorted by country, organisation, start year).
 * @return #CASIA_OK, or #CASIA_ENOTFOUND when out of range.
 */
CASIA_API int casia_dataset_membership(casia_membership *out,
                                       const casia_dataset *ds, size_t index);

/** Number of organisations. */
CASIA_API size_t casia_dataset_organisation_count(const casia_dataset *ds);

/** The organisation at @p index (sorted by id); #CASIA_ENOTFOUND when out of range. */
CASIA_API int casia_dataset_organisation(casia_organisation *out,
                                         const casia_dataset *ds, size_t index);

/** The organisation with id @p id; #CASIA_ENOTFOUND when there is none. */
CASIA_API int casia_dataset_find_organisation(casia_organisation *out,
                                              const casia_dataset *ds,
                                              const char *id);

/** Number of votes. */
CASIA_API size_t casia_dataset_vote_count(const casia_dataset *ds);

/**
 * The vote at @p index (sorted by date, resolution, country).
 * @return #CASIA_OK, or #CASIA_ENOTFOUND when out of range.
 */
CASIA_API int casia_dataset_vote(casia_vote *out, const casia_dataset *ds,
                                 size_t index);

/** "yes", "no", "abstain" or "absent"; NULL for a value outside the enum. */
CASIA_API const char *casia_vote_choice_name(casia_vote_choice vote);

/** Number of resolutions. */
CASIA_API size_t casia_dataset_resolution_count(const casia_dataset *ds);

/**
 * The resolution at @p index (sorted by date, id).
 * @return #CASIA_OK, or #CASIA_ENOTFOUND when out of range.
 */
CASIA_API int casia_dataset_resolution(casia_resolution *out,
                                       const casia_dataset *ds, size_t index);

/** The resolution with id @p id; #CASIA_ENOTFOUND when there is none. */
CASIA_API int casia_dataset_find_resolution(casia_resolution *out,
                                            const casia_dataset *ds,
                                            const char *id);

/** "base", "defence_agreement", "exercise", "deployment", "visit",
 *  "summit"; NULL for a value outside the enum. */
CASIA_API const char *casia_event_type_name(casia_event_type type);

/** The type named @p name (as casia_event_type_name() spells it).
 *  @return #CASIA_OK, or #CASIA_EINVAL for an unknown name or NULL. */
CASIA_API int casia_event_type_parse(casia_event_type *out, const char *name);

/** Number of events of the ledger. */
CASIA_API size_t casia_dataset_event_count(const casia_dataset *ds);

/**
 * The event at @p index (sorted by date, then id).
 * @return #CASIA_OK, or #CASIA_ENOTFOUND when out of range.
 */
CASIA_API int casia_dataset_event(casia_event *out, const casia_dataset *ds,
                                  size_t index);

/**
 * The events that match, in the order of casia_dataset_event(): the
 * first @p cap of them into @p out, and their number, which may exceed
 * @p cap, into @p count (as snprintf() does; @p out may be NULL when
 * @p cap is 0).
 *
 * @param country   a state, in any form casia_country_resolve() knows;
 *                  NULL for every state
 * @param partner   a country (also matching the events with the
 *                  organisations it leads, casia_organisation::led_by) or
 *                  an organisation id; NULL for every partner
 * @param types     bit (1u << type) for each casia_event_type wanted; 0
 *                  for every type
 * @param year_from first year (0: no bound); an event with an end year
 *                  matches every year it spans, a base without one every
 *                  year from its date on
 * @param year_to   last year (0: no bound)
 * @return #CASIA_OK (also when nothing matches: @p count is then 0);
 *         #CASIA_ENOTFOUND for an unknown country or partner;
 *         #CASIA_EINVAL for NULL @p ds or @p count, or an unknown type bit.
 */
CASIA_API int casia_dataset_events(casia_event *out, size_t cap,
                                   size_t *count, const casia_dataset *ds,
                                   const char *country, const char *partner,
                                   unsigned types, int year_from, int year_to);

/** @} */

#ifdef __cplusplus
}
#endif

#endif /* CASIA_DATASET_H */
