/*
 * import_comtrade.c - UN Comtrade CSV files: the Comtrade Plus layout
 * (typeCode, freqCode, ..., primaryValue, ...) and the legacy layout
 * (Classification, Year, ..., Trade Value (US$), ...), columns found by
 * name. The reading of one row is shared with the streaming aggregator
 * (stream.c), so both see exactly the same rows and values.
 */
#include "importer.h"
#include "comtrade.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ */
/* Columns                                                             */

typedef struct column_name {
    const char *key;   /* normalised header name */
    size_t offset;     /* of the int in casia__comtrade */
} column_name;

#define COL(field) offsetof(casia__comtrade, field)

/* Both layouts' names, normalised (the legacy API's own spellings too:
 * "TradeFlow Code", "TradeValueUS" beside "Trade Flow Code", "Trade Value
 * (US$)"; the older bulk extract's plain "Value"). */
static const column_name names[] = {
    {"refyear", COL(year)},
    {"year", COL(year)},
    {"period", COL(period)},
    {"refmonth", COL(month)},
    {"freqcode", COL(freq)},
    {"reporteriso", COL(rep_iso)},
    {"reportercode", COL(rep_code)},
    {"partneriso", COL(par_iso)},
    {"partnercode", COL(par_code)},
    {"flowcode", COL(flow)},
    {"tradeflowcode", COL(flow)},
    {"flowdesc", COL(flow_desc)},
    {"tradeflow", COL(flow_desc)},
    {"cmdcode", COL(cmd)},
    {"commoditycode", COL(cmd)},
    {"primaryvalue", COL(value)},
    {"tradevalueus", COL(value)},
    {"value", COL(value)},
    {"partner2code", COL(partner2)},
    {"2ndpartnercode", COL(partner2)},
    {"motcode", COL(mot)},
    {"modeoftransportcode", COL(mot)},
    {"customscode", COL(customs)},
    {"customsproccode", COL(customs)},
};

static int *col_ptr(casia__comtrade *ct, size_t offset)
{
    return (int *)(void *)((char *)ct + offset);
}

/* Fills ct's columns from the record; returns how many of the required
 * ones are missing, and whether the Plus layout's typeCode is there. */
static int map_columns(casia__comtrade *ct, const casia__csv *c, int *plus,
                       const char **missing)
{
    size_t i, k, nf = casia__csv_count(c);
    int miss = 0;
    ct->year = ct->period = ct->month = ct->freq = -1;
    ct->rep_iso = ct->rep_code = ct->par_iso = ct->par_code = -1;
    ct->flow = ct->flow_desc = ct->cmd = ct->value = -1;
    ct->partner2 = ct->mot = ct->customs = -1;
    *plus = 0;
    while (nf > 0 && casia__csv_empty(c, nf - 1))
        nf--;   /* a trailing comma */
    ct->nheader = nf;
    for (i = 0; i < nf; i++) {
        char key[64];
        size_t len;
        const char *f = casia__csv_field(c, i, &len, NULL);
        casia__header_key(key, sizeof key, f, len);
        if (strcmp(key, "typecode") == 0)
            *plus = 1;
        for (k = 0; k < sizeof names / sizeof names[0]; k++) {
            if (strcmp(key, names[k].key) == 0) {
                int *p = col_ptr(ct, names[k].offset);
                if (*p < 0)
                    *p = (int)i;
                break;
            }
        }
    }
    *missing = NULL;
    if (ct->year < 0 && ct->period < 0) {
        miss++;
        *missing = "the year (refYear, Year or period)";
    }
    if (ct->rep_iso < 0 && ct->rep_code < 0) {
        miss++;
        *missing = "the reporter (reporterISO or reporterCode)";
    }
    if (ct->par_iso < 0 && ct->par_code < 0) {
        miss++;
        *missing = "the partner (partnerISO or partnerCode)";
    }
    if (ct->flow < 0 && ct->flow_desc < 0) {
        miss++;
        *missing = "the flow (flowCode or Trade Flow Code)";
    }
    if (ct->cmd < 0) {
        miss++;
        *missing = "the commodity (cmdCode or Commodity Code)";
    }
    if (ct->value < 0) {
        miss++;
        *missing = "the value (primaryValue or Trade Value (US$))";
    }
    ct->last = 0;
    {
        const int cols[] = {ct->year, ct->period, ct->month, ct->freq,
                            ct->rep_iso, ct->rep_code, ct->par_iso, ct->par_code,
                            ct->flow, ct->flow_desc, ct->cmd, ct->value,
                            ct->partner2, ct->mot, ct->customs};
        for (k = 0; k < sizeof cols / sizeof cols[0]; k++)
            if (cols[k] > ct->last)
                ct->last = cols[k];
    }
    return miss;
}

void casia__comtrade_copy_layout(casia__comtrade *dst, const casia__comtrade *src)
{
    dst->layout = src->layout;
    dst->nheader = src->nheader;
    dst->year = src->year;
    dst->period = src->period;
    dst->month = src->month;
    dst->freq = src->freq;
    dst->rep_iso = src->rep_iso;
    dst->rep_code = src->rep_code;
    dst->par_iso = src->par_iso;
    dst->par_code = src->par_code;
    dst->flow = src->flow;
    dst->flow_desc = src->flow_desc;
    dst->cmd = src->cmd;
    dst->value = src->value;
    dst->partner2 = src->partner2;
    dst->mot = src->mot;
    dst->customs = src->customs;
    dst->last = src->last;
}

int casia__comtrade_is_header(const casia__csv *c)
{
    casia__comtrade tmp;
    const char *missing;
    int plus;
    return map_columns(&tmp, c, &plus, &missing) == 0;
}

int casia__comtrade_header(casia__comtrade *ct, const casia__csv *c,
                           casia_error *err)
{
    const char *missing;
    int plus;
    if (map_columns(ct, c, &plus, &missing) != 0)
        return casia__error_set(err, CASIA_EFORMAT, c->name,
                                "not a UN Comtrade header: no column for %s",
                                missing);
    ct->layout = plus ? CASIA_FORMAT_COMTRADE_PLUS : CASIA_FORMAT_COMTRADE_LEGACY;
    return CASIA_OK;
}

/* ------------------------------------------------------------------ */
/* Options                                                             */

int casia__comtrade_init(casia__comtrade *ct, const casia_import_options *opt,
                         casia_error *err)
{
    int rc;
    memset(ct, 0, sizeof *ct);
    ct->flows = opt->flows ? opt->flows & 15u : 15u;
    if (opt->flows & ~15u)
        return casia__error_set(err, CASIA_EINVAL, NULL,
                                "flows: 0x%x is not a mask of casia_flow", opt->flows);
    /* casia_flow's bits are M, X, RM, RX: the same order */
    ct->commodity = opt->commodity;
    if (opt->commodity != CASIA_COMMODITY_TOTAL &&
        opt->commodity != CASIA_COMMODITY_SUM_CHAPTERS &&
        opt->commodity != CASIA_COMMODITY_CHAPTERS)
        return casia__error_set(err, CASIA_EINVAL, NULL,
                                "commodity: %d is not a casia_commodity",
                                (int)opt->commodity);
    memset(ct->chapter_ok, 1, sizeof ct->chapter_ok);
    if (opt->chapters && *opt->chapters) {
        const char *p = opt->chapters;
        memset(ct->chapter_ok, 0, sizeof ct->chapter_ok);
        while (*p) {
            int v = 0, digits = 0;
            while (*p == ' ')
                p++;
            while (*p >= '0' && *p <= '9' && digits < 3) {
                v = v * 10 + (*p++ - '0');
                digits++;
            }
            while (*p == ' ')
                p++;
            if (digits == 0 || digits > 2 || (*p && *p != ','))
                return casia__error_set(err, CASIA_EINVAL, NULL,
                                        "chapters: \"%s\" is not a list of HS "
                                        "chapters such as \"27,93\"",
                                        opt->chapters);
            ct->chapter_ok[v] = 1;
            if (*p == ',')
                p++;
        }
    }
    ct->sum_months = opt->sum_months != 0;
    if ((rc = casia__codemap_init(&ct->codes)) != CASIA_OK)
        return casia__error_set(err, rc, NULL, NULL);
    return CASIA_OK;
}

void casia__comtrade_free(casia__comtrade *ct)
{
    casia__codemap_free(&ct->codes);
}

/* ------------------------------------------------------------------ */
/* Rows                                                                */

#if defined(__GNUC__)
__attribute__((noinline))
#endif
static const char *trim(const char *p, size_t *len)
{
    while (*len && *p == ' ') {
        p++;
        (*len)--;
    }
    while (*len && p[*len - 1] == ' ')
        (*len)--;
    return p;
}

/* A field without its quotes and surrounding spaces. col must be below
 * the record's field count (casia__comtrade_row checks it first). */
#if defined(__GNUC__)
__attribute__((always_inline))
#endif
static inline const char *raw_field(const casia__csv *c, int col, size_t *len)
{
    const size_t a = col ? c->end[col - 1] + 1 : c->rec;
    const char *p = c->data + a;
    size_t n = c->end[col] - a;
    if (n >= 2 && p[0] == '"') {
        /* checked by the tokenizer: the closing quote is the last byte */
        p++;
        n -= 2;
    }
    *len = n;
    return p;
}

/* The same, spaces around removed. (The hot paths compare the raw field
 * first and trim only when it does not match.) */
#if defined(__GNUC__)
__attribute__((always_inline))
#endif
static inline const char *field(const casia__csv *c, int col, size_t *len)
{
    const char *p = raw_field(c, col, len);
    if (*len && (p[0] == ' ' || p[*len - 1] == ' '))
        return trim(p, len);
    return p;
}

static int is_nocase(const char *p, size_t len, const char *lit)
{
    size_t i;
    for (i = 0; i < len; i++) {
        char a = p[i], b = lit[i];
        if (b == '\0')
            return 0;
        if (a >= 'A' && a <= 'Z')
            a = (char)(a - 'A' + 'a');
        if (b >= 'A' && b <= 'Z')
            b = (char)(b - 'A' + 'a');
        if (a != b)
            return 0;
    }
    return lit[len] == '\0';
}

/* Flow from a code (M, X, RM, RX; legacy 1, 2, 4, 3) or a description;
 * -1 for another flow, -2 for an empty one. */
static int read_flow_slow(const casia__comtrade *ct, const casia__csv *c);

static inline int read_flow(const casia__comtrade *ct, const casia__csv *c)
{
    if (ct->flow >= 0) {
        size_t len;
        const char *p = raw_field(c, ct->flow, &len);
        if (len == 1) {
            switch (p[0]) {
            case 'M': return CASIA__FLOW_M;
            case 'X': return CASIA__FLOW_X;
            case '1': return CASIA__FLOW_M;
            case '2': return CASIA__FLOW_X;
            default: break;
            }
        }
    }
    return read_flow_slow(ct, c);
}

static int read_flow_slow(const casia__comtrade *ct, const casia__csv *c)
{
    size_t len;
    const char *p;
    if (ct->flow >= 0) {
        p = field(c, ct->flow, &len);
        if (len == 1) {
            switch (p[0]) {
            case 'M': case 'm': case '1': return CASIA__FLOW_M;
            case 'X': case 'x': case '2': return CASIA__FLOW_X;
            case '4': return CASIA__FLOW_RM;
            case '3': return CASIA__FLOW_RX;
            default: return -1;
            }
        }
        if (len == 2 && (p[0] == 'R' || p[0] == 'r'))
            return p[1] == 'M' || p[1] == 'm' ? CASIA__FLOW_RM
                 : p[1] == 'X' || p[1] == 'x' ? CASIA__FLOW_RX : -1;
        if (len > 0)
            return -1;
    }
    if (ct->flow_desc >= 0) {
        p = field(c, ct->flow_desc, &len);
        if (is_nocase(p, len, "Import") || is_nocase(p, len, "Imports"))
            return CASIA__FLOW_M;
        if (is_nocase(p, len, "Export") || is_nocase(p, len, "Exports"))
            return CASIA__FLOW_X;
        if (is_nocase(p, len, "Re-Import") || is_nocase(p, len, "Re-imports"))
            return CASIA__FLOW_RM;
        if (is_nocase(p, len, "Re-Export") || is_nocase(p, len, "Re-exports"))
            return CASIA__FLOW_RX;
        if (len > 0)
            return -1;
    }
    return -2;
}

#if defined(__GNUC__)
#define NOINLINE __attribute__((noinline))
#define ALWAYS_INLINE __attribute__((always_inline))
#else
#define NOINLINE
#define ALWAYS_INLINE
#endif

/* A country from the ISO column, else the code column. */
static NOINLINE int read_country_slow(const casia__comtrade *ct, const casia__csv *c,
                             int iso, int code, const char *what,
                             casia_error *err)
{
    size_t len = 0, clen = 0;
    const char *p = NULL, *q = NULL;
    int idx;
    if (iso >= 0) {
        p = field(c, iso, &len);
        if (len > 0 && (idx = casia__codemap_find(&ct->codes, p, len, NULL)) >= 0)
            return idx;
    }
    if (code >= 0) {
        q = field(c, code, &clen);
        if (clen > 0 && (idx = casia__codemap_find(&ct->codes, q, clen, NULL)) >= 0)
            return idx;
    }
    if (len == 0 && clen == 0)
        casia__csv_error(c, (size_t)(iso >= 0 ? iso : code), err, CASIA_ESCHEMA,
                         "no %s code", what);
    else if (len > 0)
        casia__csv_error(c, (size_t)iso, err, CASIA_ENOTFOUND, "unknown %s \"%s\"",
                         what, CASIA__EXCERPT(p, len, 40));
    else
        casia__csv_error(c, (size_t)code, err, CASIA_ENOTFOUND, "unknown %s \"%s\"",
                         what, CASIA__EXCERPT(q, clen, 40));
    return -1;
}

/* An empty cell, or "0" (partner2, mode of transport), or "W00"
 * (partner2), or "C00" (customs procedure). */
static inline int zero_or_code00(const char *p, size_t len, char letter)
{
    return len == 0 || (len == 1 && p[0] == '0') ||
           (letter && len == 3 && (p[0] == letter || p[0] == letter + ('a' - 'A')) &&
            p[1] == '0' && p[2] == '0');
}

static NOINLINE int code00_or_empty_slow(const char *p, size_t len, char letter)
{
    p = trim(p, &len);
    return zero_or_code00(p, len, letter);
}

static inline ALWAYS_INLINE int code00_or_empty(const casia__csv *c, int col,
                                               char letter)
{
    size_t len;
    const char *p;
    if (col < 0)
        return 1;
    p = raw_field(c, col, &len);
    if (len == 1 && p[0] == '0')
        return 1;   /* the usual total */
    if (zero_or_code00(p, len, letter))
        return 1;
    return code00_or_empty_slow(p, len, letter);
}

static inline int zero_or_empty(const casia__csv *c, int col)
{
    return code00_or_empty(c, col, 0);
}

static inline ALWAYS_INLINE int read_country(const casia__comtrade *ct,
                                            const casia__csv *c,
                               int iso, int code, const char *what,
                               casia_error *err)
{
    if (iso >= 0) {
        size_t len;
        const char *p = raw_field(c, iso, &len);
        if (len == 3) {
            /* the usual case: an alpha-3 code met before, from the cache;
             * else from the table, and into the cache */
            const uint32_t key = (uint32_t)(unsigned char)p[0] |
                                 (uint32_t)(unsigned char)p[1] << 8 |
                                 (uint32_t)(unsigned char)p[2] << 16 | 1u << 24;
            uint64_t *slot = &ct->codes.cache[(key * 0x9E3779B1u) >> 22];
            if ((uint32_t)*slot == key)
                return (int)(*slot >> 32);
            {
                int a = casia__code_chars[(unsigned char)p[0]],
                    b = casia__code_chars[(unsigned char)p[1]],
                    d = casia__code_chars[(unsigned char)p[2]];
                if (a && b && d) {
                    int idx = ct->codes.table[a + CASIA__CODE_RADIX * (b + CASIA__CODE_RADIX * d)];
                    if (idx >= 0) {
                        *slot = key | (uint64_t)idx << 32;
                        return idx;
                    }
                }
            }
        }
    }
    return read_country_slow(ct, c, iso, code, what, err);
}

static inline int digits4(const char *p)
{
    return (unsigned)(p[0] - '0') < 10 && (unsigned)(p[1] - '0') < 10 &&
           (unsigned)(p[2] - '0') < 10 && (unsigned)(p[3] - '0') < 10;
}

/*
 * The year and month of a row that is not the usual annual one: the
 * frequency (A or M), the month column or the period (YYYY or YYYYMM),
 * checked against the year column (*year, -1 when there is none).
 * 0, or a negative status with err set.
 */
static NOINLINE int read_period(const casia__comtrade *ct, const casia__csv *c,
                                int *year_io, int *month_out, casia_error *err)
{
    size_t len;
    const char *p;
    int year = *year_io, month = 0, monthly_freq = 0;
    if (ct->freq >= 0) {
        p = field(c, ct->freq, &len);
        if (len == 1 && (p[0] == 'M' || p[0] == 'm'))
            monthly_freq = 1;
        else if (!(len == 1 && (p[0] == 'A' || p[0] == 'a')))
            return casia__csv_error(c, (size_t)ct->freq, err, CASIA_ESCHEMA,
                                    "frequency \"%s\" is neither A (annual) "
                                    "nor M (monthly)", CASIA__EXCERPT(p, len, 20));
    }
    if (monthly_freq && ct->month >= 0) {
        p = field(c, ct->month, &len);
        if (len == 1 && p[0] >= '1' && p[0] <= '9')
            month = p[0] - '0';
        else if (len == 2 && p[0] == '1' && p[1] >= '0' && p[1] <= '2')
            month = 10 + (p[1] - '0');
        else if (len == 2 && p[0] == '0' && p[1] >= '1' && p[1] <= '9')
            month = p[1] - '0';
        else
            return casia__csv_error(c, (size_t)ct->month, err, CASIA_ESCHEMA,
                                    "month \"%s\" of a monthly row is not 1 to 12",
                                    CASIA__EXCERPT(p, len, 20));
    } else if (ct->period >= 0 && (year < 0 || ct->freq < 0 || monthly_freq)) {
        /* the period says it: YYYY or YYYYMM */
        p = field(c, ct->period, &len);
        if ((len != 4 && len != 6) || !digits4(p) ||
            (len == 6 && ((unsigned)(p[4] - '0') > 1 || (unsigned)(p[5] - '0') > 9)))
            return casia__csv_error(c, (size_t)ct->period, err, CASIA_ESCHEMA,
                                    "\"%s\" is not a period YYYY or YYYYMM",
                                    CASIA__EXCERPT(p, len, 20));
        {
            int y = (p[0] - '0') * 1000 + (p[1] - '0') * 100 + (p[2] - '0') * 10 +
                    (p[3] - '0');
            if (year >= 0 && y != year)
                return casia__csv_error(c, (size_t)ct->period, err, CASIA_ESCHEMA,
                                        "period \"%s\" is not in year %d",
                                        CASIA__EXCERPT(p, len, 20), year);
            if (y < CASIA__YEAR_MIN || y > CASIA__YEAR_MAX)
                return casia__csv_error(c, (size_t)ct->period, err, CASIA_ESCHEMA,
                                        "\"%s\" is not a year from 1900 to 2100",
                                        CASIA__EXCERPT(p, len, 20));
            year = y;
        }
        if (len == 6) {
            month = (p[4] - '0') * 10 + (p[5] - '0');
            if (month < 1 || month > 12)
                return casia__csv_error(c, (size_t)ct->period, err, CASIA_ESCHEMA,
                                        "\"%s\" is not a period YYYY or YYYYMM",
                                        CASIA__EXCERPT(p, len, 20));
        }
    } else if (monthly_freq) {
        return casia__csv_error(c, (size_t)ct->freq, err, CASIA_ESCHEMA,
                                "a monthly row without its month");
    }
    if (month && !ct->sum_months)
        return casia__csv_error(c, (size_t)(ct->month >= 0 ? ct->month
                                            : ct->period >= 0 ? ct->period : ct->freq),
                                err, CASIA_EFORMAT,
                                "monthly data (month %d of %d): set sum_months "
                                "to add the months into years", month, year);

    *year_io = year;
    *month_out = month;
    return 0;
}

int casia__comtrade_row(const casia__comtrade *ct, const casia__csv *c,
                        casia__trade_row *row, casia_error *err)
{
    size_t nf = casia__csv_count(c), len;
    const char *p;
    int flow, chapter = -1, year = -1, month = 0;
    int reporter, partner, rc;
    double value;

    if (nf != ct->nheader) {
        /* a trailing comma gives one more, empty field */
        if (casia__csv_blank(c))
            return 1;
        if (!(nf == ct->nheader + 1 && casia__csv_empty(c, nf - 1))) {
            if (nf < ct->nheader)
                return casia__csv_error(c, nf, err, CASIA_ESCHEMA,
                                        "the row has %lu fields, the header %lu: "
                                        "is it cut short?", (unsigned long)nf,
                                        (unsigned long)ct->nheader);
            return casia__csv_error(c, ct->nheader, err, CASIA_ESCHEMA,
                                    "the row has %lu fields, the header %lu",
                                    (unsigned long)nf, (unsigned long)ct->nheader);
        }
    }

    /* commodity */
    p = raw_field(c, ct->cmd, &len);
    if (ct->commodity == CASIA_COMMODITY_TOTAL) {
        if (!(len == 5 && p[0] == 'T' && p[1] == 'O' && p[2] == 'T' && p[3] == 'A' &&
              p[4] == 'L')) {
            p = trim(p, &len);
            if (!is_nocase(p, len, "TOTAL"))
                return 1;
        }
    } else {
        p = trim(p, &len);
        if (len != 2 || p[0] < '0' || p[0] > '9' || p[1] < '0' || p[1] > '9')
            return 1;
        chapter = (p[0] - '0') * 10 + (p[1] - '0');
        if (!ct->chapter_ok[chapter])
            return 1;
    }

    /* flow */
    flow = read_flow(ct, c);
    if (flow == -2)
        return casia__csv_error(c, (size_t)(ct->flow >= 0 ? ct->flow : ct->flow_desc),
                                err, CASIA_ESCHEMA, "no flow");
    if (flow < 0 || !(ct->flows & (1u << flow)))
        return 1;

    /* only totals over partner2, mode of transport, customs procedure */
    if (!code00_or_empty(c, ct->partner2, 'W') || !zero_or_empty(c, ct->mot) ||
        !code00_or_empty(c, ct->customs, 'C'))
        return 1;

    /* the year, and the month of a monthly row */
    if (ct->year >= 0) {
        p = raw_field(c, ct->year, &len);
        if (len != 4)
            p = trim(p, &len);
        if (len == 4 && digits4(p))
            year = (p[0] - '0') * 1000 + (p[1] - '0') * 100 + (p[2] - '0') * 10 +
                   (p[3] - '0');
        if (year < CASIA__YEAR_MIN || year > CASIA__YEAR_MAX)
            return casia__csv_error(c, (size_t)ct->year, err, CASIA_ESCHEMA,
                                    "\"%s\" is not a year from 1900 to 2100",
                                    CASIA__EXCERPT(p, len, 20));
    }
    if (ct->year_only && year >= 0)
        goto countries;
    if (ct->freq >= 0) {
        p = raw_field(c, ct->freq, &len);
        if (len == 1 && p[0] == 'A' && year >= 0)
            goto countries;   /* the usual annual row: month 0 */
    }
    if ((rc = read_period(ct, c, &year, &month, err)) != 0)
        return rc;

countries:
    /* countries (into locals: a store through row could alias c) */
    if ((reporter = read_country(ct, c, ct->rep_iso, ct->rep_code, "reporter",
                                 err)) < 0)
        return err ? err->code : CASIA_ENOTFOUND;
    if ((partner = read_country(ct, c, ct->par_iso, ct->par_code, "partner",
                                err)) < 0)
        return err ? err->code : CASIA_ENOTFOUND;

    /* value */
    p = raw_field(c, ct->value, &len);   /* spaces: the plain parser trims */
    if (len == 0)
        return casia__csv_error(c, (size_t)ct->value, err, CASIA_ESCHEMA,
                                "no value");
    if (casia__parse_number_in(p, len, casia__csv_limit(c), &value) != 0)
        return casia__csv_error(c, (size_t)ct->value, err, CASIA_ESCHEMA,
                                "value \"%s\" is not a number",
                                CASIA__EXCERPT(p, len, 40));
    if (value < 0)
        return casia__csv_error(c, (size_t)ct->value, err, CASIA_ESCHEMA,
                                "negative value %s", CASIA__EXCERPT(p, len, 40));
    row->reporter = reporter;
    row->partner = partner;
    row->value = value;
    row->flow = flow;
    row->year = year;
    row->month = month;
    row->chapter = chapter;
    return 0;
}

/* ------------------------------------------------------------------ */
/* The importer                                                        */

static const char *const flow_ind[4] = {
    "trade.import", "trade.export", "trade.reimport", "trade.reexport"
};

/* A (new) start: the accumulator, and no indicator yet. CASIA_OK, or an
 * error in ctx. */
static int begin(casia__bulk **b, unsigned **ind_chap, unsigned *ind_total,
                 const casia__comtrade *ct, int summing, int ordered,
                 casia__import_ctx *ctx)
{
    *b = casia__bulk_new(summing);
    if (!*b || (ct->commodity == CASIA_COMMODITY_CHAPTERS && !*ind_chap &&
                !(*ind_chap = calloc(400, sizeof **ind_chap))))
        return casia__error_set(ctx->err, CASIA_ENOMEM, ctx->name, NULL);
    if (ordered)
        casia__bulk_ordered(*b);
    if (*ind_chap)
        memset(*ind_chap, 0, 400 * sizeof **ind_chap);
    memset(ind_total, 0, 4 * sizeof *ind_total);
    return CASIA_OK;
}

/* The header, and the indicators of the totals. CASIA_OK, or an error
 * in ctx. */
static int read_header(casia__comtrade *ct, casia__bulk *b, unsigned *ind_total,
                       casia__csv *c, casia__import_ctx *ctx)
{
    casia_error rowerr;
    int rc = casia__csv_next(c, ctx->err);
    if (rc == 0)
        return casia__error_set(ctx->err, CASIA_EFORMAT, ctx->name,
                                "empty file: no UN Comtrade header");
    if (rc < 0)
        return rc;
    if ((rc = casia__comtrade_header(ct, c, &rowerr)) != CASIA_OK) {
        casia__csv_error(c, 0, ctx->err, rc, "%s", rowerr.text);
        return rc;
    }
    ctx->report->format = ct->layout;
    if (ct->commodity != CASIA_COMMODITY_CHAPTERS) {
        unsigned k;
        for (k = 0; k < 4; k++)
            if ((rc = casia__bulk_indicator(b, &ind_total[k], flow_ind[k], NULL,
                                            ctx->err)) != CASIA_OK)
                return rc;
    }
    return CASIA_OK;
}

/* The indicator of a row: its flow's total, or its flow's chapter (made
 * on first sight). CASIA_OK, or an error in ctx. */
static int row_indicator(unsigned *ind, const casia__comtrade *ct, casia__bulk *b,
                         unsigned *ind_chap, const unsigned *ind_total,
                         const casia__trade_row *row, casia__import_ctx *ctx)
{
    int rc;
    if (ct->commodity == CASIA_COMMODITY_CHAPTERS) {
        unsigned *slot = &ind_chap[row->flow * 100 + row->chapter];
        if (!*slot) {
            char name[40];
            snprintf(name, sizeof name, "%s.hs%02d", flow_ind[row->flow],
                     row->chapter);
            if ((rc = casia__bulk_indicator(b, slot, name, "USD", ctx->err)) != CASIA_OK)
                return rc;
            (*slot)++;
        }
        *ind = *slot - 1;
    } else {
        *ind = ind_total[row->flow];
    }
    return CASIA_OK;
}

/* The source of the dataset, and the dataset (b freed). */
static int finish(casia_dataset **out, casia__bulk *b, const casia__comtrade *ct,
                  unsigned long long months, casia__import_ctx *ctx)
{
    char base[256], desc[512];
    casia__source_info src;
    snprintf(desc, sizeof desc,
             "%s download%s: goods trade by partner, %s, %s; imports CIF, "
             "exports FOB, as reported",
             ct->layout == CASIA_FORMAT_COMTRADE_PLUS ? "UN Comtrade Plus"
                                                      : "UN Comtrade (legacy layout)",
             casia__import_base(ctx, base, sizeof base),
             ct->commodity == CASIA_COMMODITY_TOTAL ? "all commodities (TOTAL)"
             : ct->commodity == CASIA_COMMODITY_SUM_CHAPTERS
                 ? "HS chapters summed" : "by HS chapter",
             months ? "monthly rows summed into years" : "annual");
    src.id = "un_comtrade";
    src.title = "UN Comtrade database";
    src.publisher = "United Nations Statistics Division";
    src.url = "https://comtradeplus.un.org/";
    src.description = desc;
    src.basis = CASIA_BASIS_REPORTER;
    return casia__import_finish(out, b, ctx, &src);
}

int casia__import_comtrade(casia_dataset **out, casia__csv *c,
                           casia__import_ctx *ctx)
{
    casia__comtrade ct;
    casia__bulk *b = NULL;
    casia_import_report *rep = ctx->report;
    unsigned ind_total[4];
    unsigned *ind_chap = NULL;   /* [flow * 100 + chapter] + 1, 0 = not yet */
    casia_error rowerr;
    int rc, summing, ordered;
    char msg[256];
    unsigned long long months = 0;

    if ((rc = casia__comtrade_init(&ct, ctx->opt, ctx->err)) != CASIA_OK) {
        casia__comtrade_free(&ct);
        return rc;
    }
    summing = ct.sum_months || ct.commodity == CASIA_COMMODITY_SUM_CHAPTERS;
    /* Comtrade's files are ordered by period: a sum can then keep only the
     * open year's keys in its table; if the file turns out not to be
     * ordered by year, it is read again the ordinary way */
    ordered = summing;
again:
    if ((rc = begin(&b, &ind_chap, ind_total, &ct, summing, ordered, ctx)) ||
        (rc = read_header(&ct, b, ind_total, c, ctx)) != CASIA_OK)
        goto fail;

    for (;;) {
        casia__trade_row row;
        unsigned ind;
        rc = casia__csv_next_fast(c, &rowerr);
        if (rc == 0)
            break;
        if (rc == CASIA_EPARSE) {
            rep->rows++;
            if ((rc = casia__import_bad_row(ctx, &rowerr)) != CASIA_OK)
                goto fail;
            continue;
        }
        if (rc < 0) {
            if (ctx->err)
                *ctx->err = rowerr;
            goto fail;
        }
        if (casia__csv_blank(c))
            continue;
        rep->rows++;
        rc = casia__comtrade_row(&ct, c, &row, &rowerr);
        if (rc == 1) {
            rep->filtered++;
            continue;
        }
        if (rc == CASIA_EFORMAT) {
            if (ctx->err)
                *ctx->err = rowerr;
            goto fail;
        }
        if (rc < 0) {
            if ((rc = casia__import_bad_row(ctx, &rowerr)) != CASIA_OK)
                goto fail;
            continue;
        }
        if (row.month)
            months++;
        if ((rc = row_indicator(&ind, &ct, b, ind_chap, ind_total, &row,
                                ctx)) != CASIA_OK)
            goto fail;
        rc = casia__bulk_add(b, ind, row.reporter, row.partner, row.year,
                             ct.commodity == CASIA_COMMODITY_SUM_CHAPTERS ? -1
                                                                          : row.month,
                             row.value, c->line, msg, sizeof msg);
        if (rc == CASIA_ENOMEM) {
            casia__error_set(ctx->err, rc, ctx->name, NULL);
            goto fail;
        }
        if (rc == CASIA__BULK_UNORDERED) {
            /* not ordered by year after all: again, keeping every key */
            casia__bulk_free(b);
            b = NULL;
            rep->rows = rep->kept = rep->filtered = rep->skipped = 0;
            rep->n_errors = 0;
            months = 0;
            ordered = 0;
            if ((rc = casia__csv_rewind(c, ctx->err)) != CASIA_OK)
                goto fail;
            goto again;
        }
        if (rc != CASIA_OK) {
            casia__csv_error(c, (size_t)ct.value, &rowerr, rc, "%s", msg);
            if (rc == CASIA_ECONFLICT) {
                if (ctx->err)
                    *ctx->err = rowerr;
                goto fail;
            }
            if ((rc = casia__import_bad_row(ctx, &rowerr)) != CASIA_OK)
                goto fail;
            continue;
        }
        rep->kept++;
    }

    rep->observations = casia__bulk_count(b);
    rc = finish(out, b, &ct, months, ctx);
    b = NULL;
    if (rc != CASIA_OK)
        goto fail;
    rep->observations = casia_dataset_observation_count(*out);
    free(ind_chap);
    casia__comtrade_free(&ct);
    return CASIA_OK;

fail:
    casia__bulk_free(b);
    free(ind_chap);
    casia__comtrade_free(&ct);
    return rc;
}

/* ------------------------------------------------------------------ */
/* Detection (the registry in import.c asks record by record)          */

int casia__detect_comtrade_plus(const casia__csv *c, int record)
{
    (void)record;
    return casia__comtrade_is_header(c) && casia__import_has_column(c, "typecode");
}

int casia__detect_comtrade_legacy(const casia__csv *c, int record)
{
    (void)record;
    return casia__comtrade_is_header(c) && !casia__import_has_column(c, "typecode");
}

/* UN Comtrade's list of country codes (not imported) */
int casia__detect_comtrade_codes(const casia__csv *c, int record)
{
    (void)record;
    return casia__import_has_column(c, "countrycode") &&
           casia__import_has_column(c, "countrynameenglish");
}
