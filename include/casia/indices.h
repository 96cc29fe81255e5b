/*
 * casia/indices.h - dependence indices: trade shares, statistical
 * discrepancies, partner rankings and concentration, arms-supplier shares,
 * remittances, energy, institutional ties, period comparisons, the
 * composite index and its weight sensitivity, and bulk tables of all of
 * them.
 *
 * Include <casia.h> rather than this file. docs/indices.md defines every
 * index in words and symbols, with worked examples.
 */
#ifndef CASIA_INDICES_H
#define CASIA_INDICES_H

#include "casia/common.h"
#include "casia/dataset.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @defgroup indices Dependence indices
 *
 * Every index function has the same shape:
 *
 *     int casia_<index>(casia_result *out, const casia_dataset *ds,
 *                       const char *reporter, const char *partner, ...,
 *                       const casia_options *opt);
 *
 * - It returns #CASIA_OK and fills @p out, or a negative status and leaves
 *   @p out untouched: #CASIA_ENOTFOUND when an input is missing (an unknown
 *   country, no observation, no total), #CASIA_EDOMAIN when a denominator
 *   is zero, #CASIA_EINVAL for NULL or invalid arguments, #CASIA_ERANGE
 *   when a sum of money the index needs has a term of 2^62 (4.6e18) or
 *   more, beyond the range in which libcasia adds exactly. A missing input
 *   never becomes 0, a term is never dropped from a sum, and no result is
 *   ever NaN or infinite.
 * - Countries are accepted in any form casia_country_resolve() knows
 *   ("KZ", "398", "Kazakhstan"); codes handed back are canonical.
 * - Shares are fractions in [0, 1], never percentages. Units are named in
 *   casia_result::unit.
 * - @p opt may be NULL for the defaults (#CASIA_OPTIONS_INIT).
 * - Which observations fed a value is part of the result: its basis, its
 *   sources, and flags saying how the inputs were chosen. When several
 *   sources give the same input under the chosen basis, one is chosen
 *   deterministically (docs/indices.md, "Choosing among observations") and
 *   #CASIA_RESULT_SOURCE_CHOSEN is set; pin a source with
 *   casia_options::source.
 * - Strings in results (units, codes, source ids) are borrowed: static, or
 *   owned by the dataset, which must outlive the result.
 * - The functions only read the dataset and keep no state: any number of
 *   threads may compute indices on one dataset at once.
 * @{
 */

/* casia_flow and casia_flow_name() are in casia/common.h: the indices
 * take CASIA_FLOW_IMPORT, CASIA_FLOW_EXPORT or CASIA_FLOW_TURNOVER. */

/** When to use the partner's figures (mirror data) for the reporter's. */
typedef enum casia_mirror_policy {
    /** The reporter's own figure where it has one, else the mirror. */
    CASIA_MIRROR_AUTO = 0,
    /** Never the mirror: only the reporter's own figures. */
    CASIA_MIRROR_NEVER = 1,
    /** Only the mirror, even where the reporter has figures of its own. */
    CASIA_MIRROR_FORCE = 2
} casia_mirror_policy;

/** Where the denominator of a share comes from. */
typedef enum casia_total_policy {
    /** The reporter's world row (partner WLD) where present, else the sum
     *  over the partners of one source (docs/indices.md). */
    CASIA_TOTAL_AUTO = 0,
    /** Only the world row: #CASIA_ENOTFOUND without one. */
    CASIA_TOTAL_WORLD = 1,
    /** Only the sum over partners, even where a world row exists. */
    CASIA_TOTAL_PARTNERS = 2
} casia_total_policy;

/** The dimensions of the composite dependence index. */
typedef enum casia_dimension {
    CASIA_DIM_TRADE = 0,        /**< turnover share of j in i's trade, year t */
    CASIA_DIM_ARMS = 1,         /**< j's share of i's arms imports over the
                                     window ending in t */
    CASIA_DIM_REMITTANCE = 2,   /**< share of i's remittances sent from j */
    CASIA_DIM_ENERGY = 3,       /**< j's share of i's gas imports */
    CASIA_DIM_INSTITUTIONS = 4, /**< share of i's memberships of state-led
                                     organisations that j leads */
    CASIA_DIM_UN_VOTES = 5      /**< UN voting agreement of i with j */
} casia_dimension;

/** Number of composite dimensions (size of casia_options::weights). */
#define CASIA_DIM_COUNT 6

/** "trade", "arms", "remittance", "energy", "institutions", "un_votes";
 *  NULL for a value outside the enum. */
CASIA_API const char *casia_dimension_name(casia_dimension dim);

/** Default seed of the weight-sensitivity generator. */
#define CASIA_DEFAULT_SEED 20240229ULL
/** Default number of weight draws of the sensitivity. */
#define CASIA_DEFAULT_DRAWS 10000UL

/** Version of casia_options understood by this header. */
#define CASIA_OPTIONS_VERSION 1

/**
 * How indices choose and combine their inputs. Initialise with
 * #CASIA_OPTIONS_INIT (or casia_options_init()), then change what matters.
 * The layout is part of the ABI: fields are only ever added in the
 * reserved space, and casia_options::version says which are set.
 */
typedef struct casia_options {
    unsigned version;             /**< #CASIA_OPTIONS_VERSION */
    /** #CASIA_BASIS_ANY (default): the reporter's own figures in the order
     *  reporter, national_stats, other, then the mirror as
     *  casia_options::mirror allows. Any other basis: only observations of
     *  that basis, for numerators and denominators alike, never mixed and
     *  never a fallback (#CASIA_BASIS_PARTNER_MIRROR = the mirror only). */
    casia_basis basis;
    casia_mirror_policy mirror;   /**< default #CASIA_MIRROR_AUTO */
    casia_total_policy total;     /**< default #CASIA_TOTAL_AUTO */
    /** Only observations of this source id are used (NULL: any source). */
    const char *source;
    /** A sum over partners is a total only when one source lists at
     *  least this many partners (default 10: partner tables such as IMF
     *  DOTS or UN Comtrade qualify, news reports naming two or three
     *  partners do not; 0 counts as 1). */
    unsigned min_partners;
    /** Years of the arms window ending in the year asked, for the annual
     *  arms index, the composite and the tables (default 5, SIPRI's
     *  periods). */
    int arms_window;
    /** Remittances: non-zero to prefer the published ratio (% of GDP,
     *  share from partner) to the one computed from US dollar figures
     *  (default 0: computed first). */
    int prefer_reported;
    /** Composite weights, #CASIA_DIM_COUNT non-negative numbers indexed by
     *  casia_dimension; NULL (default) = equal weights. Borrowed. */
    const double *weights;
    unsigned long long seed;      /**< sensitivity seed, default #CASIA_DEFAULT_SEED */
    unsigned long draws;          /**< sensitivity draws, default #CASIA_DEFAULT_DRAWS */
    int period1_from;             /**< first comparison period, default 2019 */
    int period1_to;               /**< default 2021 */
    int period2_from;             /**< second comparison period, default 2022 */
    int period2_to;               /**< default 2023 */
    void *reserved_[8];           /**< reserved, set to NULL */
} casia_options;

/** Initialiser of casia_options with every default. */
#define CASIA_OPTIONS_INIT                                                    \
    { CASIA_OPTIONS_VERSION, CASIA_BASIS_ANY, CASIA_MIRROR_AUTO,              \
      CASIA_TOTAL_AUTO, NULL, 10, 5, 0, NULL, CASIA_DEFAULT_SEED,             \
      CASIA_DEFAULT_DRAWS, 2019, 2021, 2022, 2023,                            \
      { NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL } }

/** Sets @p opt to #CASIA_OPTIONS_INIT (for bindings). NULL is a no-op. */
CASIA_API void casia_options_init(casia_options *opt);

/** @name Result flags (casia_result::flags)
 * @{ */
/** The denominator is the reporter's world row. */
#define CASIA_RESULT_TOTAL_WORLD       0x0001u
/** The denominator is a sum over partners (one source's partner list). */
#define CASIA_RESULT_TOTAL_PARTNERS    0x0002u
/** A partner's figure (mirror) stands in for the reporter's. */
#define CASIA_RESULT_MIRROR            0x0004u
/** ...and it was read from the partner's own rows (X_ji for M_ij). */
#define CASIA_RESULT_MIRROR_TRANSPOSED 0x0008u
/** Inputs of different bases were combined (casia_result::basis is then
 *  #CASIA_BASIS_MIXED). */
#define CASIA_RESULT_MIXED_BASIS       0x0010u
/** Several sources gave one input under the chosen basis; one was chosen
 *  by the documented rule. */
#define CASIA_RESULT_SOURCE_CHOSEN     0x0020u
/** Some years of the window asked have no data. */
#define CASIA_RESULT_WINDOW_PARTIAL    0x0040u
/** More sources fed the value than casia_result::sources holds. */
#define CASIA_RESULT_SOURCES_TRUNCATED 0x0080u
/** The value is the published figure, not one computed from its parts. */
#define CASIA_RESULT_REPORTED          0x0100u
/** A published and a computed figure both exist and differ by more than
 *  the rounding of their inputs (the other one is casia_result::other). */
#define CASIA_RESULT_DISAGREE          0x0200u
/** The listed partners' shares add up to more than 1 (HHI). */
#define CASIA_RESULT_COVERAGE_OVER     0x0400u
/** Composite: some dimensions had no value and were left out. */
#define CASIA_RESULT_PARTIAL_DIMS      0x0800u
/** Trade share: the numerator is a published bilateral turnover
 *  (trade.turnover), the denominator a world total of the same year: a
 *  published world turnover, or world exports plus imports. */
#define CASIA_RESULT_PUBLISHED_TURNOVER 0x1000u
/** Trade share: the value is a share as published
 *  (trade.turnover_share_pct, trade.import_share_pct or
 *  trade.export_share_pct), not computed from US dollar figures. */
#define CASIA_RESULT_PUBLISHED_SHARE   0x2000u
/** Energy share: of pipeline gas imports (LNG left out): the dataset holds
 *  no figures of all gas imports for the pair and year. */
#define CASIA_RESULT_PIPELINE          0x4000u
/** @} */

/**
 * The name of one result flag: the macro's name after CASIA_RESULT_, in
 * lower case ("total_world", "mirror", "disagree", ...), as the CSV of
 * casia_table_to_csv() and the Python binding spell it.
 * @return a static string; NULL when @p flag is not exactly one known bit
 */
CASIA_API const char *casia_result_flag_name(unsigned flag);

/** Most source ids a casia_result lists. */
#define CASIA_RESULT_MAX_SOURCES 16

/**
 * The value of an index and what fed it. Caller-allocated (on the stack is
 * fine), needs no freeing; its pointers are borrowed from the dataset or
 * static. Fields that an index does not use are 0 (or NULL); each index's
 * documentation says which it sets.
 *
 * The layout is part of the ABI: fields are only ever added in the
 * reserved space.
 */
typedef struct casia_result {
    double value;            /**< the index; always finite */
    const char *unit;        /**< "fraction", "pct_gdp", "count", "rank" (static) */
    casia_basis basis;       /**< basis of the inputs, or #CASIA_BASIS_MIXED */
    unsigned flags;          /**< CASIA_RESULT_* bits */
    int year_from;           /**< the window asked (one year: both equal) */
    int year_to;
    unsigned year_count;     /**< number of years with data in the window */
    /** Bit (y - 1900) set for each year y of the window with data, for
     *  y in 1900..2155; read it with casia_result_has_year(). */
    unsigned char year_mask[32];
    double numerator;        /**< a ratio's numerator, in its input unit */
    double denominator;      /**< a ratio's denominator, in its input unit */
    double coverage;         /**< HHI, top partners: sum of listed partners' shares */
    double lower;            /**< HHI: lower bound (= value) */
    double upper;            /**< HHI: upper bound */
    double other;            /**< remittances: the figure not chosen (published
                                  or computed), when both exist */
    size_t count;            /**< partners, suppliers, resolutions,
                                  memberships, dimensions or draws (per index) */
    unsigned dims;           /**< composite: bit d set when dimension d was used */
    unsigned source_count;   /**< entries of @ref sources in use */
    /** Ids of the sources that fed the value, sorted, each once. */
    const char *sources[CASIA_RESULT_MAX_SOURCES];
    double reserved_d_[8];   /**< reserved */
    void *reserved_p_[8];    /**< reserved */
} casia_result;

/**
 * Whether @p year is among the years with data of @p r (its window and
 * casia_result::year_mask). 0 for NULL or a year outside 1900..2155.
 */
CASIA_API int casia_result_has_year(const casia_result *r, int year);

/** One ranked partner or supplier (strings borrowed from the dataset). */
typedef struct casia_rank_entry {
    const char *partner;     /**< canonical code */
    double value;            /**< its flow (USD) or its arms deliveries (TIV) */
    double share;            /**< value / total, a fraction */
    casia_basis basis;       /**< basis of its value */
    const char *source;      /**< source of its value (one of them for a
                                  turnover or a window) */
    unsigned flags;          /**< CASIA_RESULT_MIRROR... for this entry */
} casia_rank_entry;

/* ------------------------------------------------------------------ */
/** @name Trade
 * @{ */

/**
 * Share of @p partner (j) in @p reporter's (i) trade in @p year (t):
 * imports M_ij / M_iW, exports X_ij / X_iW, or turnover
 * (X_ij + M_ij) / (X_iW + M_iW).
 *
 * The total is i's world row where present, else the sum over the partners
 * of the one source that lists most of them (at least
 * casia_options::min_partners). With #CASIA_MIRROR_AUTO a pair that i does
 * not report is read from the partner's figures: a stored mirror row
 * (trade.import, i, j, partner_mirror) or else j's own report of the
 * opposite flow (trade.export, j, i): M_ij ~ X_ji.
 *
 * Sets value (fraction), numerator and denominator (USD), basis, flags
 * (TOTAL_*, MIRROR*, MIXED_BASIS, SOURCE_CHOSEN), sources, year window = t.
 *
 * @return #CASIA_OK; #CASIA_ENOTFOUND (unknown country, no figure for the
 *         pair, no total; for turnover, either flow of the pair or either
 *         total missing); #CASIA_EDOMAIN (total zero); #CASIA_ERANGE (a
 *         sum it needs, the turnover's two figures or two totals or a
 *         total over partners, has a term of 2^62 or more); #CASIA_EINVAL.
 */
CASIA_API int casia_trade_share(casia_result *out, const casia_dataset *ds,
                                const char *reporter, const char *partner,
                                int year, casia_flow flow,
                                const casia_options *opt);

/**
 * Statistical discrepancy of a pair: where both i's own figure and the
 * mirror (the partner's figure) exist for @p year and @p flow, the gap
 * (mirror - reported) / reported, a signed fraction (0.5 = the partner
 * reports 50% more). Turnover adds both flows on each side.
 *
 * Sets value, numerator (mirror, USD), denominator (reported, USD), basis
 * (#CASIA_BASIS_MIXED: two bases by definition), flags, sources.
 * casia_options::basis restricts the reported side (#CASIA_EINVAL for
 * #CASIA_BASIS_PARTNER_MIRROR); the mirror policy is ignored.
 *
 * @return #CASIA_OK; #CASIA_ENOTFOUND when either side is missing;
 *         #CASIA_EDOMAIN when the reported figure is zero; #CASIA_ERANGE
 *         when a figure of either side is 2^62 or more (each side is an
 *         exact sum, of one flow or of the turnover's two); #CASIA_EINVAL.
 */
CASIA_API int casia_trade_discrepancy(casia_result *out,
                                      const casia_dataset *ds,
                                      const char *reporter,
                                      const char *partner, int year,
                                      casia_flow flow,
                                      const casia_options *opt);

/**
 * @p reporter's partners in @p year ranked by @p flow, largest first, ties
 * broken by code. Aggregates (WLD, EUU, groups) are never ranked; areas
 * (UNK, "nes") are. Values are chosen as for casia_trade_share(), so an
 * entry's share equals casia_trade_share() for that partner; for turnover
 * only partners with both flows are ranked (as only they have a turnover
 * share), though the total includes every partner's figures.
 *
 * @param out    array of @p cap entries (may be NULL when cap is 0)
 * @param count  receives the number of partners, which may exceed @p cap
 * @param total  optional; receives the total (value in USD, unit "USD",
 *               basis, flags, sources, count = partners, coverage = the
 *               part of the total the ranked partners cover: their exact
 *               sum over the total, 1 only when every partner in the total
 *               is ranked)
 * @return #CASIA_OK; #CASIA_ENOTFOUND (no total, unknown reporter);
 *         #CASIA_EDOMAIN; #CASIA_ERANGE (as casia_trade_share(), or a
 *         ranked partner's figure of 2^62 or more); #CASIA_EINVAL.
 */
CASIA_API int casia_top_partners(casia_rank_entry *out, size_t cap,
                                 size_t *count, casia_result *total,
                                 const casia_dataset *ds,
                                 const char *reporter, int year,
                                 casia_flow flow, const casia_options *opt);

/**
 * Partner concentration: Herfindahl-Hirschman index HHI = sum_j s_ij^2
 * over the ranked partners of casia_top_partners(), as a fraction (0..1;
 * multiply by 10 000 for the usual points). Where the listed partners
 * cover only part of the total (coverage c < 1), the true HHI lies in
 * [sum s^2, sum s^2 + (1 - c)^2]: value and lower are the first, upper the
 * second, coverage is c (casia_top_partners()). With a total summed over
 * one source's partners c = 1 and the bounds meet for imports and exports,
 * and for turnover when every partner has both flows; a partner with one
 * flow only is in the turnover total but not ranked, and c < 1. c > 1
 * (partners' figures from other bases above the world row) sets
 * #CASIA_RESULT_COVERAGE_OVER, with upper = lower.
 *
 * Sets value, lower, upper, coverage, count (partners), denominator (the
 * total, USD), basis, flags, sources.
 * @return as casia_top_partners(); #CASIA_ENOTFOUND when no partner is
 *         listed.
 */
CASIA_API int casia_hhi(casia_result *out, const casia_dataset *ds,
                        const char *reporter, int year, casia_flow flow,
                        const casia_options *opt);

/** @} */
/* ------------------------------------------------------------------ */
/** @name Arms (SIPRI trend-indicator values)
 * @{ */

/**
 * Share of @p supplier (j) in @p recipient's (i) arms imports over the
 * window [@p first_year, @p last_year]:
 * sum_t TIV_ji,t / sum_t sum_k TIV_ki,t (indicator arms.import_tiv).
 *
 * One SIPRI source (vintage) serves the whole window: the one whose years
 * cover most of it, then the most recent, then the smallest id. A year of
 * the window inside the source's years without a row for a supplier is a
 * year without deliveries (SIPRI lists deliveries only); years outside the
 * source's years are missing (#CASIA_RESULT_WINDOW_PARTIAL). The total is
 * the sum over suppliers (#CASIA_TOTAL_WORLD: the world rows).
 *
 * Sets value (fraction), numerator and denominator (TIV millions), basis,
 * flags, sources, window and years present.
 * @return #CASIA_OK (0 when j delivered nothing in the window);
 *         #CASIA_ENOTFOUND (no source covers any year of the window, or
 *         j has no row for i in any source: not a known supplier; an
 *         aggregate);
 *         #CASIA_EDOMAIN (no deliveries at all in the window);
 *         #CASIA_EINVAL (first_year > last_year, ...).
 */
CASIA_API int casia_arms_share(casia_result *out, const casia_dataset *ds,
                               const char *recipient, const char *supplier,
                               int first_year, int last_year,
                               const casia_options *opt);

/**
 * casia_arms_share() over SIPRI's 5-year period ending in @p last_year:
 * [last_year - 4, last_year].
 */
CASIA_API int casia_arms_share_5y(casia_result *out, const casia_dataset *ds,
                                  const char *recipient, const char *supplier,
                                  int last_year, const casia_options *opt);

/**
 * @p recipient's suppliers over [@p first_year, @p last_year], largest
 * deliveries first, ties broken by code; only suppliers with deliveries in
 * the window. Same source rule and arguments as casia_arms_share() and
 * casia_top_partners(); @p total (optional) receives the window total
 * (value in TIV millions, unit "TIV_million").
 */
CASIA_API int casia_arms_suppliers(casia_rank_entry *out, size_t cap,
                                   size_t *count, casia_result *total,
                                   const casia_dataset *ds,
                                   const char *recipient, int first_year,
                                   int last_year, const casia_options *opt);

/** @} */
/* ------------------------------------------------------------------ */
/** @name Remittances and energy
 * @{ */

/**
 * Personal remittances received by @p reporter in @p year as a percentage
 * of its GDP (unit "pct_gdp", e.g. 47.3): computed as
 * 100 * remittance.inflow_usd(i, WLD) / gdp.current_usd(i, WLD) where both
 * exist, else the published remittance.inflow_pct_gdp
 * (#CASIA_RESULT_REPORTED); casia_options::prefer_reported reverses the
 * order. When both exist, casia_result::other holds the one not chosen,
 * and #CASIA_RESULT_DISAGREE is set if they differ by more than the
 * rounding of the figures (docs/indices.md).
 *
 * @return #CASIA_OK; #CASIA_ENOTFOUND; #CASIA_EDOMAIN (GDP zero and no
 *         published ratio); #CASIA_EINVAL.
 */
CASIA_API int casia_remittance_gdp(casia_result *out, const casia_dataset *ds,
                                   const char *reporter, int year,
                                   const casia_options *opt);

/**
 * Share of @p reporter's remittances sent from @p partner in @p year, a
 * fraction: remittance.inflow_usd(i, j) / remittance.inflow_usd(i, WLD)
 * where both exist (the pair may come from the mirror, e.g. the Central
 * Bank of Russia's outflows), else the published
 * remittance.share_from_partner_pct / 100. Flags as casia_remittance_gdp().
 * Figures of different kinds can give a "share" above 1 (money-transfer
 * systems from one partner against total personal remittances): it is
 * returned as it is, and the composite leaves it out.
 * @return #CASIA_OK; #CASIA_ENOTFOUND (no figure, unknown country, or
 *         @p partner an aggregate such as WLD or EUU: remittances are
 *         shared among countries only); #CASIA_EDOMAIN (total remittances
 *         zero and no published share); #CASIA_EINVAL.
 */
CASIA_API int casia_remittance_share(casia_result *out,
                                     const casia_dataset *ds,
                                     const char *reporter, const char *partner,
                                     int year, const casia_options *opt);

/**
 * Share of @p partner in @p reporter's natural-gas imports in @p year:
 * energy.gas_import_bcm(i, j) / energy.gas_import_bcm(i, WLD), with the
 * totals, mirror (energy.gas_export_bcm of j) and source rules of
 * casia_trade_share().
 * @return as casia_trade_share() (#CASIA_ERANGE for a total over partners
 *         with a term of 2^62 or more).
 */
CASIA_API int casia_energy_share(casia_result *out, const casia_dataset *ds,
                                 const char *reporter, const char *partner,
                                 int year, const casia_options *opt);

/** @} */
/* ------------------------------------------------------------------ */
/** @name Institutions
 * @{ */

/**
 * Number of organisations led by @p leader (j) of which @p country (i) is
 * a member in @p year (unit "count"; membership from its start year to its
 * end year inclusive). Leadership is the dataset's organisation led_by.
 * Sets value, count, sources (memberships' and leadership's).
 * @return #CASIA_OK (possibly 0); #CASIA_ENOTFOUND when the dataset has no
 *         membership of @p country at all, when @p leader leads no
 *         organisation of the dataset (a count of 0 would pass for a
 *         measured one), or for an unknown country; #CASIA_EINVAL.
 */
CASIA_API int casia_memberships(casia_result *out, const casia_dataset *ds,
                                const char *country, const char *leader,
                                int year, const casia_options *opt);

/**
 * Institutional ties as a fraction: the organisations led by @p leader
 * that @p country belongs to in @p year, over all its memberships in
 * organisations led by some state (organisations without a leader, such as
 * the CIS, are not counted). numerator and denominator are the two counts.
 * @return as casia_memberships(); #CASIA_EDOMAIN when the country belongs
 *         to no state-led organisation that year.
 */
CASIA_API int casia_institutional_share(casia_result *out,
                                        const casia_dataset *ds,
                                        const char *country,
                                        const char *leader, int year,
                                        const casia_options *opt);

/**
 * UN General Assembly voting agreement of @p country with @p partner: the
 * mean, over the resolutions both voted on, of 1 (same vote), 0.5 (one
 * abstained, the other voted yes or no) or 0 (yes against no). Absences,
 * and resolutions with no vote recorded for either, are left out.
 *
 * @param resolutions  ids of the resolutions to consider, or NULL for all
 *                     of the dataset's (then narrowed by @p year)
 * @param year         0, or only resolutions dated in that year
 * Sets value (fraction), count (resolutions counted), years of their
 * dates, sources.
 * @return #CASIA_OK; #CASIA_ENOTFOUND when no resolution counts (or an
 *         unknown country); #CASIA_EINVAL when @p country and @p partner
 *         are the same country, when @p n_resolutions is not 0 and
 *         @p resolutions is NULL, or for other invalid arguments.
 */
CASIA_API int casia_un_agreement(casia_result *out, const casia_dataset *ds,
                                 const char *country, const char *partner,
                                 const char *const *resolutions,
                                 size_t n_resolutions, int year,
                                 const casia_options *opt);

/**
 * The number of events of the ledger (casia_dataset_events()) between
 * @p country and @p partner in @p year: a partner country also counts the
 * events with the organisations it leads (the CSTO for Russia); an
 * organisation id counts its own. A base counts in every year it stands,
 * a deployment in every year from its date to its end year.
 *
 * @param types  bit (1u << type) for each casia_event_type counted; 0 for
 *               every type
 * Sets value (unit "count"), count (the same), basis other, the sources of
 * the events counted (#CASIA_RESULT_SOURCES_TRUNCATED past 16), year
 * window = @p year. casia_options::source counts only that source's events.
 * @return #CASIA_OK, also with a count of 0 when the ledger has events of
 *         @p country in other years (it covers the country, and none falls
 *         in this year); #CASIA_ENOTFOUND when the ledger has no event of
 *         @p country at all, or for an unknown country or partner;
 *         #CASIA_EINVAL for a bad type bit or other invalid arguments.
 */
CASIA_API int casia_event_count(casia_result *out, const casia_dataset *ds,
                                const char *country, const char *partner,
                                int year, unsigned types,
                                const casia_options *opt);

/**
 * The agreement of two votes on one resolution, as casia_un_agreement()
 * scores it: 1 for the same vote, 0.5 when one abstains and the other
 * votes yes or no, 0 for yes against no; -1 when either is
 * #CASIA_VOTE_ABSENT or not a vote (such a resolution is not counted).
 */
CASIA_API double casia_vote_agreement(casia_vote_choice a, casia_vote_choice b);

/** @} */
/* ------------------------------------------------------------------ */
/** @name Any annual index, and period comparisons
 * @{ */

/** The annual indices, for casia_index(), period comparisons and tables. */
typedef enum casia_index_id {
    CASIA_INDEX_IMPORT_SHARE = 1,        /**< casia_trade_share(), imports */
    CASIA_INDEX_EXPORT_SHARE = 2,        /**< ... exports */
    CASIA_INDEX_TURNOVER_SHARE = 3,      /**< ... turnover */
    CASIA_INDEX_IMPORT_DISCREPANCY = 4,  /**< casia_trade_discrepancy() */
    CASIA_INDEX_EXPORT_DISCREPANCY = 5,
    CASIA_INDEX_TURNOVER_DISCREPANCY = 6,
    CASIA_INDEX_IMPORT_RANK = 7,         /**< rank of j among i's partners
                                              (1 = top), unit "rank" */
    CASIA_INDEX_EXPORT_RANK = 8,
    CASIA_INDEX_TURNOVER_RANK = 9,
    CASIA_INDEX_IMPORT_HHI = 10,         /**< casia_hhi(); partner ignored
                                              (WLD in tables) */
    CASIA_INDEX_EXPORT_HHI = 11,
    CASIA_INDEX_TURNOVER_HHI = 12,
    CASIA_INDEX_ARMS_SHARE = 13,         /**< casia_arms_share() over the
                                              casia_options::arms_window
                                              years ending in the year */
    CASIA_INDEX_REMITTANCE_GDP = 14,     /**< casia_remittance_gdp(); partner
                                              ignored (WLD in tables) */
    CASIA_INDEX_REMITTANCE_SHARE = 15,   /**< casia_remittance_share() */
    CASIA_INDEX_ENERGY_SHARE = 16,       /**< casia_energy_share() */
    CASIA_INDEX_MEMBERSHIPS = 17,        /**< casia_memberships() */
    CASIA_INDEX_INSTITUTIONAL_SHARE = 18,/**< casia_institutional_share() */
    CASIA_INDEX_UN_AGREEMENT = 19,       /**< casia_un_agreement() on the
                                              resolutions dated in the year */
    CASIA_INDEX_COMPOSITE = 20,          /**< casia_composite() */
    CASIA_INDEX_EVENTS = 21              /**< casia_event_count() of every
                                              type in the year (not a
                                              dimension of the composite) */
} casia_index_id;

/** Number of casia_index_id values (they run from 1 to this). */
#define CASIA_INDEX_COUNT 21

/** The index's name as in tables, e.g. "import_share"; NULL when unknown. */
CASIA_API const char *casia_index_name(casia_index_id index);

/** Parses a name of casia_index_name(): #CASIA_OK or #CASIA_EINVAL. */
CASIA_API int casia_index_parse(casia_index_id *out, const char *name);

/**
 * Computes any annual index of casia_index_id for @p reporter, @p partner
 * and @p year, exactly as its own function does (partner is ignored, and
 * may be NULL, for the HHI and remittance_gdp indices).
 */
CASIA_API int casia_index(casia_result *out, const casia_dataset *ds,
                          casia_index_id index, const char *reporter,
                          const char *partner, int year,
                          const casia_options *opt);

/**
 * Mean of an annual index over the years [@p first_year, @p last_year]
 * that have a value (a plain mean of the annual values). Sets value, unit,
 * the window and the years present (#CASIA_RESULT_WINDOW_PARTIAL when some
 * are missing), count (years), basis (#CASIA_BASIS_MIXED when the years
 * differ), the union of flags and sources. A year whose index fails
 * (#CASIA_ENOTFOUND, #CASIA_EDOMAIN, #CASIA_ERANGE) is a year without a
 * value.
 * @return #CASIA_OK; when no year has a value #CASIA_ERANGE if some
 *         year's index returned it, else #CASIA_EDOMAIN if some year's
 *         did, else #CASIA_ENOTFOUND; #CASIA_EINVAL.
 */
CASIA_API int casia_period_mean(casia_result *out, const casia_dataset *ds,
                                casia_index_id index, const char *reporter,
                                const char *partner, int first_year,
                                int last_year, const casia_options *opt);

/** casia_period_comparison::valid bits. */
#define CASIA_CMP_CHANGE_A 0x1u  /**< change[0] is set */
#define CASIA_CMP_CHANGE_B 0x2u  /**< change[1] is set */
#define CASIA_CMP_GAP_P1   0x4u  /**< gap[0] is set */
#define CASIA_CMP_GAP_P2   0x8u  /**< gap[1] is set */

/**
 * An annual index averaged over two periods for two partners (by default
 * China and Russia, 2019-2021 and 2022-2023). Caller-allocated; layout is
 * ABI (reserved space at the end).
 */
typedef struct casia_period_comparison {
    casia_index_id index;
    int period[2][2];           /**< [P1, P2][first, last year] */
    const char *partner[2];     /**< canonical codes of a and b (b may be NULL) */
    casia_result mean[2][2];    /**< [partner][period], valid when status is OK */
    int status[2][2];           /**< #CASIA_OK or why that mean is missing */
    /** Per partner: mean over P2 minus mean over P1, in percentage points
     *  for fractions and percentages, else in the index's unit. */
    double change[2];
    /** Per period: partner a minus partner b, in the same points. */
    double gap[2];
    const char *change_unit;    /**< "pp", or the index's unit (static) */
    unsigned valid;             /**< CASIA_CMP_* bits */
    double reserved_d_[4];      /**< reserved */
    void *reserved_p_[4];       /**< reserved */
} casia_period_comparison;

/**
 * Compares @p index over casia_options' two periods, for @p partner_a
 * (e.g. "CHN") and @p partner_b (e.g. "RUS", or NULL for one partner):
 * the four means, each partner's change from P1 to P2, and the gap a - b
 * in each period.
 * @return #CASIA_OK when at least one mean exists (see status and valid);
 *         #CASIA_ENOTFOUND when none does; #CASIA_EINVAL.
 */
CASIA_API int casia_compare_periods(casia_period_comparison *out,
                                    const casia_dataset *ds,
                                    casia_index_id index,
                                    const char *reporter,
                                    const char *partner_a,
                                    const char *partner_b,
                                    const casia_options *opt);

/** @} */
/* ------------------------------------------------------------------ */
/** @name Composite dependence and its weight sensitivity
 * @{ */

/**
 * The composite dependence of a reporter on a partner in a year, with its
 * parts. Caller-allocated; layout is ABI.
 */
typedef struct casia_composite_result {
    /** value = D_ij,t (fraction); count = dimensions used; dims; flags
     *  (#CASIA_RESULT_PARTIAL_DIMS when some are missing); union of the
     *  dimensions' sources; basis #CASIA_BASIS_MIXED when they differ. */
    casia_result result;
    /** Each dimension's value (fraction), valid when dim_status is OK. */
    double dim_value[CASIA_DIM_COUNT];
    /** Each used dimension's weight after renormalisation (they sum to 1). */
    double dim_weight[CASIA_DIM_COUNT];
    /** #CASIA_OK, or why the dimension is missing (#CASIA_ENOTFOUND...). */
    int dim_status[CASIA_DIM_COUNT];
    double reserved_d_[4];  /**< reserved */
} casia_composite_result;

/**
 * Composite dependence D_ij,t = sum_d w_d s_d / sum_{d available} w_d over
 * the dimensions of casia_dimension that have a value (weights from
 * casia_options::weights, default equal). A dimension whose value lies
 * outside [0, 1] (its numerator and denominator measure different things,
 * e.g. remittances from one partner above the total) is left out with
 * dim_status #CASIA_ERANGE, as is one whose index returned #CASIA_ERANGE.
 * @return #CASIA_OK; #CASIA_ENOTFOUND when no dimension has a value;
 *         #CASIA_EDOMAIN when the available dimensions all weigh 0;
 *         #CASIA_EINVAL (@p reporter and @p partner the same country,
 *         negative or non-finite weights...).
 */
CASIA_API int casia_composite(casia_composite_result *out,
                              const casia_dataset *ds, const char *reporter,
                              const char *partner, int year,
                              const casia_options *opt);

/**
 * Weight sensitivity of the composite: over casia_options::draws weight
 * vectors drawn from a flat Dirichlet(1, ..., 1) by the seeded generator of
 * docs/indices.md, the share of draws in which the composite on
 * @p partner_a (e.g. "CHN") exceeds the one on @p partner_b (e.g. "RUS").
 * Only the dimensions available for both partners are used, so that both
 * composites weigh the same things. Same seed, same answer, on every
 * machine with IEEE double arithmetic.
 *
 * Sets value (fraction of draws; ties count as not exceeding), other (the
 * fraction of ties), count (draws), dims, sources, basis, flags.
 * @return #CASIA_OK; #CASIA_ENOTFOUND when no dimension is available for
 *         both; #CASIA_EINVAL (draws 0, ...).
 */
CASIA_API int casia_composite_sensitivity(casia_result *out,
                                          const casia_dataset *ds,
                                          const char *reporter,
                                          const char *partner_a,
                                          const char *partner_b, int year,
                                          const casia_options *opt);

/** @} */
/* ------------------------------------------------------------------ */
/** @name Bulk tables
 * @{ */

/** A table of index values: opaque, immutable; free with casia_table_free(). */
typedef struct casia_table casia_table;

/** One row of a table (strings borrowed from the table's dataset or static). */
typedef struct casia_table_row {
    const char *reporter;    /**< canonical code */
    const char *partner;     /**< canonical code; "WLD" for indices of the
                                  reporter alone (HHI, remittance_gdp) */
    int year;
    casia_index_id index;
    double value;            /**< as the index's own function gives it */
    const char *unit;        /**< static */
    casia_basis basis;
    unsigned flags;          /**< CASIA_RESULT_* */
} casia_table_row;

/**
 * Computes every annual index of casia_index_id for every reporter,
 * partner and year the dataset has data for, in time linear in the number
 * of observations (up to sorting). Each row's value, basis and flags are
 * what casia_index() returns for it; combinations whose index has no value
 * (ENOTFOUND, EDOMAIN, ERANGE) have no row. The table's years run from the
 * first to the last year of any observation, UN vote, or membership start
 * or end; a composite row combines every dimension casia_composite() finds
 * for its reporter, partner and year. Rows are sorted by reporter,
 * partner, year, index. Which combinations are tried is listed in
 * docs/indices.md ("Bulk tables").
 *
 * @param out  receives the table; it borrows @p ds, which must outlive it
 * @return #CASIA_OK, #CASIA_ENOMEM, #CASIA_EINVAL.
 */
CASIA_API CASIA_WARN_UNUSED int casia_table_build(casia_table **out,
                                                  const casia_dataset *ds,
                                                  const casia_options *opt);

/** Number of rows (0 for NULL). */
CASIA_API size_t casia_table_row_count(const casia_table *t);

/** The row at @p index; #CASIA_ENOTFOUND when out of range. */
CASIA_API int casia_table_get_row(casia_table_row *out, const casia_table *t,
                              size_t index);

/**
 * The table as CSV (RFC 4180, "\n" line ends) with the header
 * reporter,partner,year,index,value,unit,basis,flags; each value with the
 * fewest of 15, 16 or 17 significant digits that read back to the same
 * double, and '.' as the decimal point whatever the locale (LC_NUMERIC)
 * of the caller; flags as the names of casia_result_flag_name() separated
 * by spaces (empty when none).
 * @param out   receives a NUL-terminated buffer; free with casia_free()
 * @param size  optional; receives strlen(*out)
 */
CASIA_API CASIA_WARN_UNUSED int casia_table_to_csv(char **out, size_t *size,
                                                   const casia_table *t);

/** Frees a table. NULL is a no-op. */
CASIA_API void casia_table_free(casia_table *t);

/** @} */

/** @} */

#ifdef __cplusplus
}
#endif

#endif /* CASIA_INDICES_H */
