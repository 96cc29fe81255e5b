/*
 * casia/country.h - the country registry: one canonical code for every way
 * a provider writes a country.
 *
 * Include <casia.h> rather than this file.
 */
#ifndef CASIA_COUNTRY_H
#define CASIA_COUNTRY_H

#include "casia/common.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @defgroup country Country registry
 *
 * Canonical codes are ISO 3166-1 alpha-3 ("KAZ"), ISO 3166-3 codes for
 * former states ("SUN", the Soviet Union) and a few non-ISO entities:
 * "WLD" (world) and "EUU" (European Union) as aggregates, "UNK" (SIPRI's
 * unknown supplier(s)) and UN Comtrade's residual areas ("S19" Other Asia,
 * nes; "_X" Areas, nes; ...) as areas. The ISO part is generated at build
 * time from Debian's iso-codes tables; the rest is a short hand-kept list
 * (libcasia/countries.in).
 *
 * The registry is static and read-only: every function here is thread-safe
 * and every returned string lives as long as the process.
 * @{
 */

/** What a registry entry stands for. */
typedef enum casia_country_kind {
    CASIA_KIND_COUNTRY = 1,    /**< an ISO 3166-1 country or territory */
    CASIA_KIND_AGGREGATE = 2,  /**< a group overlapping its members (WLD, EUU);
                                    never ranked beside countries nor summed
                                    with them */
    CASIA_KIND_AREA = 3,       /**< a residual that overlaps no country
                                    ("Areas, nes", unknown supplier) */
    CASIA_KIND_HISTORICAL = 4  /**< a former state (ISO 3166-3), e.g. SUN */
} casia_country_kind;

/** One registry entry (all strings static). */
typedef struct casia_country {
    const char *code;     /**< canonical code, e.g. "KAZ" */
    const char *alpha2;   /**< ISO alpha-2, e.g. "KZ"; "" when none */
    const char *numeric;  /**< ISO / UN M49 numeric code, e.g. "398"; "" when none */
    const char *name;     /**< English short name, e.g. "Kazakhstan" */
    casia_country_kind kind;
} casia_country;

/**
 * Resolves any form of a country to its canonical code: alpha-2 ("KZ"),
 * alpha-3 ("KAZ"), numeric or UN M49 ("398", "0398"), UN Comtrade's codes
 * ("W00" and "0" for the world, its own numerics such as "842" for the USA),
 * SIPRI's and the World Bank's spellings, English names, official names and
 * common aliases ("Kyrgyz Republic", "Turkey", "Türkiye", "Soviet Union").
 * Matching ignores case, accents, spaces and punctuation ("cote d ivoire"
 * finds "Côte d'Ivoire"); surrounding white space is ignored.
 *
 * @param out   receives the canonical code (static string); untouched on error
 * @param text  the text to resolve, UTF-8
 * @param err   optional; on failure receives the reason
 * @return #CASIA_OK; #CASIA_ENOTFOUND for an unknown text; #CASIA_EAMBIGUOUS
 *         when the text names several entries (e.g. "Korea"), the message
 *         listing them; #CASIA_EINVAL for NULL arguments or invalid UTF-8.
 *         A guess is never made.
 */
CASIA_API int casia_country_resolve(const char **out, const char *text,
                                    casia_error *err);

/**
 * Looks up a canonical code exactly (case-sensitive, no aliases).
 * @return #CASIA_OK and fills @p out, or #CASIA_ENOTFOUND / #CASIA_EINVAL.
 */
CASIA_API int casia_country_info(casia_country *out, const char *code);

/** Number of entries in the registry. */
CASIA_API size_t casia_country_count(void);

/**
 * The entry at @p index (0 .. casia_country_count() - 1), in order of code.
 * @return #CASIA_OK, or #CASIA_ENOTFOUND when the index is out of range.
 */
CASIA_API int casia_country_at(casia_country *out, size_t index);

/** @} */

#ifdef __cplusplus
}
#endif

#endif /* CASIA_COUNTRY_H */
