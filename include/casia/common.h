/*
 * casia/common.h - status codes, the error record, version and memory
 * functions shared by every part of the libcasia API.
 *
 * Include <casia.h> rather than this file.
 */
#ifndef CASIA_COMMON_H
#define CASIA_COMMON_H

#include <stddef.h>

#include "casia/export.h"
#include "casia/version.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @defgroup common Status codes, errors, versions
 * @{
 */

/**
 * The status codes: name, value and message in one table, so that the
 * enumeration, casia_strerror() and casia_status_name() cannot disagree.
 *
 * Every function that can fail returns `int`: #CASIA_OK (0) on success or a
 * negative code. Codes never change value once released.
 */
#define CASIA_STATUS_MAP(X)                                                   \
    X(OK,           0, "success")                                              \
    X(ENOMEM,      -1, "out of memory")                                        \
    X(EINVAL,      -2, "invalid argument")                                     \
    X(EIO,         -3, "input/output error")                                   \
    X(EPARSE,      -4, "syntax error in input")                                \
    X(ESCHEMA,     -5, "input does not follow its format")                     \
    X(ENOTFOUND,   -6, "not found")                                            \
    X(EAMBIGUOUS,  -7, "ambiguous")                                            \
    X(ECONFLICT,   -8, "conflicting values")                                   \
    X(EDOMAIN,     -9, "undefined: zero or missing denominator")               \
    X(EFORMAT,    -10, "input is not in the expected layout")                  \
    X(ERANGE,     -11, "value out of range")                                   \
    X(EUNSUPPORTED, -12, "not supported by this build")                        \
    X(ITEROVER,   -13, "no more items")

/** Status codes returned by libcasia functions (see #CASIA_STATUS_MAP). */
typedef enum casia_status {
#define CASIA_STATUS_ENUM_(name, value, text) CASIA_##name = value,
    CASIA_STATUS_MAP(CASIA_STATUS_ENUM_)
#undef CASIA_STATUS_ENUM_
    CASIA_STATUS_END_ = 1 /**< not a status: closes the list (C89 has no trailing comma) */
} casia_status;

/**
 * A static, English description of a status code, e.g. "not found".
 * Unknown codes give "unknown status". Never returns NULL. Thread-safe.
 */
CASIA_API const char *casia_strerror(int code);

/**
 * The symbolic name of a status code without its prefix, e.g. "ENOTFOUND".
 * Unknown codes give "UNKNOWN". Never returns NULL. Thread-safe.
 */
CASIA_API const char *casia_status_name(int code);

/** Size of casia_error::source, including the terminating NUL. */
#define CASIA_ERROR_SOURCE_SIZE 200
/** Size of casia_error::text, including the terminating NUL. */
#define CASIA_ERROR_TEXT_SIZE 400

/**
 * Where and why an operation failed.
 *
 * Caller-allocated (on the stack is fine), never needs freeing, and holds no
 * pointers, so it is safe to copy. Functions that read input take an
 * optional `casia_error *err`; pass NULL when the status code is enough.
 * On success the record is left untouched; on failure every field is set.
 *
 * The layout is part of the ABI: fields are only ever added in the reserved
 * space.
 */
typedef struct casia_error {
    int code;    /**< the status code also returned by the function */
    int line;    /**< 1-based line in the input, 0 when not about a position */
    int column;  /**< 1-based column in characters (UTF-8 code points) on that
                      line, 0 when unknown */
    int reserved_int_;      /**< reserved, set to 0 */
    long long offset;       /**< 0-based byte offset in the input, -1 when
                                 unknown */
    char source[CASIA_ERROR_SOURCE_SIZE]; /**< file name, or a name given for
                                               a buffer; "" when none */
    char text[CASIA_ERROR_TEXT_SIZE];     /**< what was wrong, in English,
                                               without the position */
    char reserved_[64];     /**< reserved for future fields */
} casia_error;

/**
 * Formats @p err as "source:line:column: text" (the parts that are known)
 * into @p buf of @p size bytes, always NUL-terminated when size > 0.
 * Returns the length the full message needs (like snprintf), or
 * #CASIA_EINVAL when @p err is NULL.
 */
CASIA_API int casia_error_format(const casia_error *err, char *buf, size_t size);

/**
 * The library's version as a string, e.g. "0.1.0". Compare with
 * #CASIA_VERSION_STRING to detect a header/library mismatch.
 */
CASIA_API const char *casia_version(void);

/** The library's version as #CASIA_VERSION_HEX computed it at build time. */
CASIA_API int casia_version_number(void);

/**
 * Frees memory that a libcasia function handed to the caller as a plain
 * buffer (for example casia_dataset_to_json()). NULL is a no-op. Do not
 * pass memory from another allocator.
 */
CASIA_API void casia_free(void *ptr);

/**
 * Who reported an observation (see docs/format.md).
 *
 * CASIA_BASIS_ANY is only meaningful in queries ("any basis");
 * CASIA_BASIS_MIXED only in results that combined several bases.
 */
typedef enum casia_basis {
    CASIA_BASIS_ANY = 0,            /**< query: no restriction */
    CASIA_BASIS_REPORTER = 1,       /**< the reporter's own figure as published in an international database */
    CASIA_BASIS_PARTNER_MIRROR = 2, /**< the partner's figure, stored from the reporter's side */
    CASIA_BASIS_NATIONAL_STATS = 3, /**< the reporter's national statistics office, bank or ministry */
    CASIA_BASIS_OTHER = 4,          /**< compiled databases (WDI, SIPRI) or unclear basis */
    CASIA_BASIS_MIXED = 5           /**< result: inputs of several bases */
} casia_basis;

/**
 * A flow of goods, as the reporter reports it. The indices take IMPORT,
 * EXPORT or TURNOVER; importers take a mask of IMPORT, EXPORT, REIMPORT
 * and REEXPORT (TURNOVER is IMPORT | EXPORT, imports and exports).
 */
typedef enum casia_flow {
    CASIA_FLOW_IMPORT = 1,    /**< imports (CIF): indicator trade.import */
    CASIA_FLOW_EXPORT = 2,    /**< exports (FOB): indicator trade.export */
    CASIA_FLOW_TURNOVER = 3,  /**< exports + imports */
    CASIA_FLOW_REIMPORT = 4,  /**< re-imports: indicator trade.reimport */
    CASIA_FLOW_REEXPORT = 8   /**< re-exports: indicator trade.reexport */
} casia_flow;

/**
 * "import", "export", "turnover", "reimport" or "reexport"; NULL for any
 * other value (such as a mask of several flows).
 */
CASIA_API const char *casia_flow_name(casia_flow flow);

/**
 * The basis as written in files: "any", "reporter", "partner_mirror",
 * "national_stats", "other", "mixed". NULL for a value outside the enum.
 */
CASIA_API const char *casia_basis_name(casia_basis basis);

/**
 * Parses a basis name as written by casia_basis_name() (case-sensitive).
 * Returns #CASIA_OK and sets @p *out, or #CASIA_EINVAL (and leaves @p *out
 * untouched) for anything else.
 */
CASIA_API int casia_basis_parse(casia_basis *out, const char *name);

/** @} */

#ifdef __cplusplus
}
#endif

#endif /* CASIA_COMMON_H */
