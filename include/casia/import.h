/*
 * casia/import.h - importers of the providers' own files (UN Comtrade,
 * SIPRI, World Bank WDI), the native tidy CSV, merging datasets, and the
 * streaming trade aggregator.
 *
 * Include <casia.h> rather than this file.
 */
#ifndef CASIA_IMPORT_H
#define CASIA_IMPORT_H

#include "casia/common.h"
#include "casia/dataset.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @defgroup import Importing provider files
 *
 * libcasia reads the files users download from the providers exactly as
 * they ship them: UN Comtrade (the Comtrade Plus layout and the legacy
 * layout), the SIPRI Arms Transfers Database (TIV tables and the trade
 * register) and the World Bank's WDI wide CSV, plus its own tidy CSV.
 * Columns are found by their header names, never by position; country
 * codes and names go through the registry (casia_country_resolve()).
 *
 * What each import stores:
 *  - UN Comtrade: `trade.import`, `trade.export`, `trade.reimport`,
 *    `trade.reexport` (USD), reporter = the reporting economy, partner =
 *    its partner (the World row as `WLD`), basis #CASIA_BASIS_REPORTER.
 *    Only the rows that are totals over the other dimensions are read
 *    (partner2 World, mode of transport 0, customs procedure C00, where
 *    those columns exist); breakdowns are left out.
 *  - SIPRI TIV tables and trade register: `arms.import_tiv` (TIV, millions),
 *    reporter = the recipient, partner = the supplier, basis
 *    #CASIA_BASIS_OTHER. A table of exports *from* a country is stored the
 *    same way, from each recipient's side. The table's "Total" row is
 *    stored with `WLD` in place of the row country. The register's
 *    deliveries are summed per recipient, supplier and delivery year.
 *    Suppliers marked by SIPRI as non-state actors (a trailing "*") are
 *    stored as `XNS`, international organisations ("**") as `XIO`.
 *  - World Bank WDI: partner `WLD`, basis #CASIA_BASIS_OTHER; the
 *    indicators libcasia knows are mapped (NY.GDP.MKTP.CD to
 *    `gdp.current_usd`, BX.TRF.PWKR.CD.DT to `remittance.inflow_usd`,
 *    BX.TRF.PWKR.DT.GD.ZS to `remittance.inflow_pct_gdp`,
 *    TM.VAL.MRCH.CD.WT and TX.VAL.MRCH.CD.WT to `trade.import` and
 *    `trade.export` with partner `WLD`); every other indicator is kept
 *    under its WDI code with the unit its name states in parentheses
 *    ("per 100,000 people"), or "unspecified". Empty cells are missing,
 *    not zero; aggregates (WLD, ECA, ...) stay aggregates.
 *
 * Every import records one source (see casia_import_options) and fills an
 * optional casia_import_report. On failure nothing is allocated and the
 * output is untouched.
 * @{
 */

/** The layouts libcasia recognises. */
typedef enum casia_format {
    CASIA_FORMAT_AUTO = 0,             /**< detect (casia_format_detect()) */
    CASIA_FORMAT_UNKNOWN = 1,          /**< detection: not a layout libcasia knows */
    CASIA_FORMAT_NATIVE_JSON = 2,      /**< casia-dataset/1 JSON; detection: any
                                            text starting with a JSON object */
    CASIA_FORMAT_NATIVE_CSV = 3,       /**< libcasia's tidy CSV (casia_dataset_to_csv()) */
    CASIA_FORMAT_COMTRADE_PLUS = 4,    /**< UN Comtrade Plus CSV (typeCode, freqCode, ...) */
    CASIA_FORMAT_COMTRADE_LEGACY = 5,  /**< UN Comtrade legacy CSV (Classification, Year, ...) */
    CASIA_FORMAT_SIPRI_TIV = 6,        /**< SIPRI TIV table of arms imports or exports */
    CASIA_FORMAT_SIPRI_REGISTER = 7,   /**< SIPRI trade register */
    CASIA_FORMAT_WDI = 8,              /**< World Bank WDI wide CSV */
    /* Recognised, so that a wrong file is named, but not importable: */
    CASIA_FORMAT_WDI_METADATA = 9,     /**< a WDI Metadata_Country/Indicator file */
    CASIA_FORMAT_WITS = 10,            /**< a World Bank WITS data job download */
    CASIA_FORMAT_COMTRADE_CODES = 11,  /**< UN Comtrade's list of country codes */
    CASIA_FORMAT_SPREADSHEET = 12      /**< an Excel workbook or other zip file */
} casia_format;

/**
 * The short name of a format, as casia_format_parse() accepts it:
 * "auto", "unknown", "json", "csv", "comtrade-plus", "comtrade-legacy",
 * "sipri-tiv", "sipri-register", "wdi", "wdi-metadata", "wits",
 * "comtrade-codes", "spreadsheet". NULL for a value outside the enum.
 */
CASIA_API const char *casia_format_name(casia_format format);

/**
 * A phrase naming a format for messages, e.g. "a World Bank WDI file".
 * Never NULL (a value outside the enum gives "a file of unknown layout").
 */
CASIA_API const char *casia_format_describe(casia_format format);

/** Parses a name given by casia_format_name(); #CASIA_EINVAL otherwise. */
CASIA_API int casia_format_parse(casia_format *out, const char *name);

/**
 * Says what a file looks like from its first lines (at most 64 KiB are
 * read). Detection never fails on content: a file libcasia does not know
 * gives #CASIA_FORMAT_UNKNOWN, except that any text starting with a JSON
 * object is taken for the native format (whose "format" member may come
 * after 64 KiB); its loader then names what is wrong with it.
 *
 * @return #CASIA_OK; #CASIA_EIO when the file cannot be read;
 *         #CASIA_EINVAL for NULL arguments.
 */
CASIA_API int casia_format_detect(casia_format *out, const char *path,
                                  casia_error *err);

/** Like casia_format_detect(), on the first @p size bytes of a buffer. */
CASIA_API int casia_format_detect_buffer(casia_format *out, const char *data,
                                         size_t size);

/* The flows of casia_import_options::flows are a mask of casia_flow
 * (casia/common.h): CASIA_FLOW_IMPORT (Comtrade M, 1), CASIA_FLOW_EXPORT
 * (X, 2), CASIA_FLOW_REIMPORT (RM, 4), CASIA_FLOW_REEXPORT (RX, 8). */

/** Which commodity rows of a Comtrade file are read. */
typedef enum casia_commodity {
    /** Only the rows of all commodities (code TOTAL). */
    CASIA_COMMODITY_TOTAL = 0,
    /** The HS chapters (2-digit codes) summed into the totals, for files
     *  without a TOTAL row; casia_import_options::chapters may narrow them. */
    CASIA_COMMODITY_SUM_CHAPTERS = 1,
    /** Each HS chapter as its own indicator, e.g. `trade.import.hs27`
     *  (unit USD); casia_import_options::chapters may narrow them. */
    CASIA_COMMODITY_CHAPTERS = 2
} casia_commodity;

/** Version of casia_import_options understood by this header. */
#define CASIA_IMPORT_OPTIONS_VERSION 1

/**
 * How to import. Initialise with #CASIA_IMPORT_OPTIONS_INIT or
 * casia_import_options_init(): every default is 0 or NULL. Options that do
 * not apply to a format are ignored. The strings are only read during the
 * call.
 */
typedef struct casia_import_options {
    unsigned version;          /**< #CASIA_IMPORT_OPTIONS_VERSION */
    /** 0 (strict): the first bad row fails the import. 1 (lenient): bad
     *  rows are skipped and counted in the report. A file of the wrong
     *  layout fails in both modes. */
    int lenient;
    /** Comtrade: a mask of #casia_flow; 0 means all four, each stored as
     *  its own indicator. */
    unsigned flows;
    casia_commodity commodity; /**< Comtrade: which commodity rows */
    /** Comtrade, chapter modes: a comma-separated list of HS chapters
     *  ("27,93"); NULL or "" for all. */
    const char *chapters;
    /** Comtrade: 1 sums monthly rows into years. 0: a monthly row is an
     *  error (#CASIA_EFORMAT), so months are never summed unasked. */
    int sum_months;
    /** The id of the source recorded for the import; NULL derives one from
     *  the file name (its base name without extension), or the provider
     *  ("un_comtrade", "sipri", "wdi") for a buffer without a name. */
    const char *source_id;
    /** The source's title, publisher, URL and description; NULL takes
     *  them from the file (its title line, "Data generated" or "Last
     *  Updated Date" line) and the provider. */
    const char *source_title;
    const char *source_publisher;  /**< see source_title */
    const char *source_url;        /**< see source_title */
    const char *source_description; /**< see source_title */
    /** Basis recorded for the observations; #CASIA_BASIS_ANY takes the
     *  format's own (Comtrade: reporter; SIPRI and WDI: other). */
    casia_basis basis;
    void *reserved_[8];            /**< reserved, set to NULL */
} casia_import_options;

/** Initialiser of casia_import_options with every default. */
#define CASIA_IMPORT_OPTIONS_INIT                                             \
    { CASIA_IMPORT_OPTIONS_VERSION, 0, 0, CASIA_COMMODITY_TOTAL, NULL, 0,    \
      NULL, NULL, NULL, NULL, NULL, CASIA_BASIS_ANY,                          \
      { NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL } }

/** Sets @p opt to the defaults (the same as #CASIA_IMPORT_OPTIONS_INIT). */
CASIA_API void casia_import_options_init(casia_import_options *opt);

/** Number of skipped rows whose reasons a casia_import_report keeps. */
#define CASIA_IMPORT_REPORT_ERRORS 8

/**
 * What an import (or a casia_stream_add_*() call) read. Caller-allocated;
 * every field is set by the call, on success and on failure.
 */
typedef struct casia_import_report {
    casia_format format;           /**< the layout read */
    int n_errors;                  /**< entries used in errors[] */
    unsigned long long bytes;      /**< bytes of input read */
    unsigned long long rows;       /**< data rows read */
    unsigned long long kept;       /**< rows that gave (or added to) a value */
    unsigned long long filtered;   /**< rows left out by design or by the
                                        options: other flows or commodities,
                                        breakdowns, empty cells, the World
                                        row in a stream */
    unsigned long long skipped;    /**< bad rows skipped (lenient mode) */
    unsigned long long observations; /**< observations in the result */
    char source_id[128];           /**< the source recorded ("" for a stream, or for
                                        native files, whose rows cite their own) */
    /** The first skipped rows: where (file:line:column) and why. */
    casia_error errors[CASIA_IMPORT_REPORT_ERRORS];
    char reserved_[256];           /**< reserved */
} casia_import_report;

/**
 * Imports a provider's file (or a native one) in one call.
 *
 * @param out     receives the dataset; free it with casia_dataset_free()
 * @param path    the file
 * @param format  its layout, or #CASIA_FORMAT_AUTO to detect it. A file
 *                that looks like another layout than the one asked for
 *                fails with #CASIA_EFORMAT and a message naming both
 *                ("this looks like a World Bank WDI file, not a UN
 *                Comtrade Plus file").
 * @param opt     NULL for the defaults
 * @param report  optional
 * @param err     optional: file:line:column and the reason on failure
 * A path that is not a regular file (a pipe, /dev/stdin) is read whole
 * into memory first, since it can be read only once.
 *
 * @return #CASIA_OK; #CASIA_EIO; #CASIA_EFORMAT (wrong or unknown layout,
 *         a monthly file without sum_months); #CASIA_EPARSE (broken CSV:
 *         quotes, ...); #CASIA_ESCHEMA (a bad row: a cell that is not a
 *         number, a row cut short, ...; a JSON object that is not a casia
 *         dataset); #CASIA_ENOTFOUND (unknown
 *         country); #CASIA_ECONFLICT (one key given two values);
 *         #CASIA_ERANGE; #CASIA_ENOMEM; #CASIA_EINVAL.
 */
CASIA_API CASIA_WARN_UNUSED int casia_import_file(casia_dataset **out,
                                                  const char *path,
                                                  casia_format format,
                                                  const casia_import_options *opt,
                                                  casia_import_report *report,
                                                  casia_error *err);

/**
 * Like casia_import_file(), from memory. @p name is used in messages and
 * to derive the source id (NULL: "<buffer>" and the provider's id). The
 * buffer need not be NUL-terminated and is not kept.
 */
CASIA_API CASIA_WARN_UNUSED int casia_import_buffer(casia_dataset **out,
                                                    const char *data,
                                                    size_t size,
                                                    const char *name,
                                                    casia_format format,
                                                    const casia_import_options *opt,
                                                    casia_import_report *report,
                                                    casia_error *err);

/**
 * Combines datasets into one: every observation, source, organisation,
 * membership and vote of every part. Observations that differ in basis or
 * source stay apart (Comtrade, SIPRI and WDI imports never collide). The
 * same (indicator, reporter, partner, year, basis, source) given twice
 * with the same value is kept once; with different values it is a conflict,
 * reported and never overwritten. A source whose title, publisher, URL and
 * description are all empty (as a tidy CSV gives) takes the definition
 * another part has.
 *
 * @param out    receives the merged dataset (the parts are not changed)
 * @param parts  @p n datasets; none may be NULL
 * @return #CASIA_OK; #CASIA_ECONFLICT with @p err naming the key, both
 *         values and the part; #CASIA_ENOMEM; #CASIA_EINVAL.
 */
CASIA_API CASIA_WARN_UNUSED int casia_dataset_merge(casia_dataset **out,
                                                    const casia_dataset *const *parts,
                                                    size_t n, casia_error *err);

/**
 * Writes the observations in libcasia's tidy CSV: a header line
 * `indicator,reporter,partner,year,value,basis,source,unit,note` and one
 * line per observation in the dataset's order, values in the shortest
 * form that reads back as the same double, LF line ends, UTF-8. Sources
 * are cited by id only; memberships and votes are not written (use JSON).
 *
 * @param out   receives a NUL-terminated buffer; free with casia_free()
 * @param size  optional; receives strlen(*out)
 * @return #CASIA_OK, #CASIA_ENOMEM or #CASIA_EINVAL.
 */
CASIA_API CASIA_WARN_UNUSED int casia_dataset_to_csv(char **out, size_t *size,
                                                     const casia_dataset *ds);

/**
 * Writes the tidy CSV of casia_dataset_to_csv() to @p path (replaced if it
 * exists), streaming: memory does not grow with the dataset.
 * @return #CASIA_OK, #CASIA_EIO (with @p err naming the file), #CASIA_EINVAL.
 */
CASIA_API int casia_dataset_save_csv(const casia_dataset *ds, const char *path,
                                     casia_error *err);

/** @} */

/**
 * @defgroup stream Streaming trade aggregates
 *
 * The fast path for UN Comtrade files too large to load: a casia_stream
 * computes, while it parses, for each (reporter, year):
 *  - turnover: the sum over partners of imports + exports (flows M and X,
 *    commodity TOTAL unless the options sum chapters; every month of the
 *    year summed; the World row and other aggregates left out; residual
 *    areas such as "Areas, nes" counted, and so is the reporter itself
 *    as a partner, e.g. China's imports from China, goods re-imported);
 *  - each partner's share of it, the Herfindahl-Hirschman index
 *    HHI = sum of squared shares, and the top partner (the largest sum;
 *    ties go to the smaller code).
 *
 * Nothing per row is kept: memory holds two exact sums (16 bytes each) and
 * a mask of the periods seen per (reporter, year, partner) that occurs,
 * whatever the size of the file. With commodity TOTAL the masks make the
 * stream refuse, as the store's importer does, a row whose period it has
 * counted already (#CASIA_ECONFLICT): a row given twice, such as
 * overlapping parts of a file, or a year given both whole and by months.
 * The sums are exact (fixed point, 128 bits), so any split of the rows into
 * parts, fed to several streams and merged with casia_stream_merge(), gives
 * the same figures bit for bit, and so does casia_stream_add_dataset() on
 * the dataset that casia_import_file() loads from the same file: the
 * per-partner, per-flow sums are rounded once, as the store rounds them,
 * and then summed exactly.
 *
 * The indices of the store (casia_top_partners(), casia_hhi() with
 * #CASIA_FLOW_TURNOVER and a total over partners) leave a reporter's row
 * with itself out and, for turnover, rank only partners with both flows.
 * Where a (reporter, year) has no row with itself they give the stream's
 * turnover and partner shares bit for bit, and where every partner also
 * has both flows the same HHI and top partner.
 *
 * A stream is not thread-safe; use one per thread and merge them.
 * @{
 */

/** An opaque streaming aggregator. Free with casia_stream_free(). */
typedef struct casia_stream casia_stream;

/** The aggregates of one (reporter, year). Strings are static. */
typedef struct casia_stream_result {
    const char *reporter;     /**< canonical code */
    int year;
    int partners;             /**< partners with at least one row */
    double turnover;          /**< imports + exports over partners, USD */
    double imports;           /**< imports over partners, USD */
    double exports;           /**< exports over partners, USD */
    double hhi;               /**< sum of squared turnover shares, in (0, 1] */
    const char *top_partner;  /**< the largest partner; NULL when turnover is 0 */
    double top_share;         /**< its share of turnover */
    double reserved_[4];      /**< reserved */
} casia_stream_result;

/** One partner of a (reporter, year). Strings are static. */
typedef struct casia_stream_partner {
    const char *partner;      /**< canonical code */
    double imports;           /**< USD */
    double exports;           /**< USD */
    double value;             /**< imports + exports */
    double share;             /**< value / turnover; 0 when turnover is 0 */
    double reserved_[4];      /**< reserved */
} casia_stream_partner;

/**
 * Creates an empty stream.
 * @param opt  NULL for the defaults. Used: lenient, commodity (TOTAL or
 *             SUM_CHAPTERS) and chapters; flows are always imports and
 *             exports, and months are always summed.
 * @return #CASIA_OK, #CASIA_EINVAL (another commodity mode, bad chapters),
 *         #CASIA_ENOMEM.
 */
CASIA_API CASIA_WARN_UNUSED int casia_stream_new(casia_stream **out,
                                                 const casia_import_options *opt);

/** Frees a stream. NULL is a no-op. */
CASIA_API void casia_stream_free(casia_stream *s);

/**
 * Parses a UN Comtrade file (Plus or legacy layout) into the stream,
 * reading it in large blocks into a reused buffer.
 *
 * A part whose first line is not a header continues the layout of the
 * last header the stream saw, so the pieces of a file cut at line
 * boundaries can be fed in any order (or to several streams). In strict
 * mode a bad row fails the call; what the call had added until then stays
 * in the stream (feed a fresh stream when that matters). A period counted
 * twice (#CASIA_ECONFLICT) fails the call in lenient mode too.
 *
 * @return #CASIA_OK; #CASIA_EIO; #CASIA_EFORMAT (not a Comtrade file, or
 *         no header seen yet); #CASIA_EPARSE; #CASIA_ESCHEMA;
 *         #CASIA_ENOTFOUND; #CASIA_ECONFLICT; #CASIA_ERANGE;
 *         #CASIA_ENOMEM; #CASIA_EINVAL.
 */
CASIA_API int casia_stream_add_file(casia_stream *s, const char *path,
                                    casia_import_report *report,
                                    casia_error *err);

/** Like casia_stream_add_file(), on a buffer (@p name for messages). */
CASIA_API int casia_stream_add_buffer(casia_stream *s, const char *data,
                                      size_t size, const char *name,
                                      casia_import_report *report,
                                      casia_error *err);

/**
 * Adds the `trade.import` and `trade.export` observations of a dataset
 * (partners that are aggregates left out), so that the store and the
 * stream can be compared. Which sources and bases to add is the caller's
 * choice: these years are not checked against the periods the stream
 * has counted (add a dataset to a stream of its own).
 * @param source  only this source id, or NULL for all
 * @param basis   only this basis, or #CASIA_BASIS_ANY
 * @return #CASIA_OK, #CASIA_ERANGE, #CASIA_ENOMEM, #CASIA_EINVAL.
 */
CASIA_API int casia_stream_add_dataset(casia_stream *s, const casia_dataset *ds,
                                       const char *source, casia_basis basis,
                                       casia_error *err);

/**
 * Adds everything @p from holds to @p into (@p from is not changed), as if
 * @p into had read its input too.
 * @return #CASIA_OK; #CASIA_ECONFLICT when both streams counted a period
 *         of the same (reporter, year, partner, flow), and #CASIA_EINVAL
 *         for streams made with different commodity options or for
 *         @p into == @p from, both leaving @p into unchanged;
 *         #CASIA_ENOMEM, after which @p into holds part of @p from and
 *         is to be freed.
 */
CASIA_API int casia_stream_merge(casia_stream *into, const casia_stream *from,
                                 casia_error *err);

/** Number of (reporter, year) pairs in the stream. */
CASIA_API size_t casia_stream_count(const casia_stream *s);

/**
 * The aggregates of the pair at @p index (0 .. count - 1), pairs being
 * sorted by reporter code, then year.
 * @return #CASIA_OK; #CASIA_EDOMAIN when the turnover is zero (hhi and
 *         top_share are 0, top_partner NULL); #CASIA_ENOTFOUND when out
 *         of range; #CASIA_EINVAL.
 */
CASIA_API int casia_stream_at(casia_stream_result *out, const casia_stream *s,
                              size_t index);

/**
 * The index of a (reporter, year) for casia_stream_at(); the reporter
 * in any form casia_country_resolve() accepts.
 * @return #CASIA_OK or #CASIA_ENOTFOUND.
 */
CASIA_API int casia_stream_find(size_t *index, const casia_stream *s,
                                const char *reporter, int year);

/**
 * The @p k-th partner (0 .. result.partners - 1, by code) of the pair at
 * @p index.
 * @return #CASIA_OK or #CASIA_ENOTFOUND when out of range.
 */
CASIA_API int casia_stream_partner_at(casia_stream_partner *out,
                                      const casia_stream *s, size_t index,
                                      size_t k);

/**
 * Writes every pair as CSV: a header `reporter,year,turnover,hhi,
 * top_partner,top_share` and one line per pair in index order, numbers
 * with 17 significant digits (hhi, top_partner and top_share empty when
 * the turnover is zero).
 * @param out   receives a NUL-terminated buffer; free with casia_free()
 * @param size  optional; receives strlen(*out)
 * @return #CASIA_OK, #CASIA_ENOMEM, #CASIA_EINVAL.
 */
CASIA_API CASIA_WARN_UNUSED int casia_stream_to_csv(char **out, size_t *size,
                                                    const casia_stream *s);

/** @} */

#ifdef __cplusplus
}
#endif

#endif /* CASIA_IMPORT_H */
