/*
 * comtrade.h - UN Comtrade's columns and the reading of one row
 * (import_comtrade.c), shared by the importer and the stream. Internal.
 */
#ifndef CASIA_COMTRADE_H
#define CASIA_COMTRADE_H

#include "import_kit.h"

/* ------------------------------------------------------------------ */
/* UN Comtrade: the columns of a file and the reading of one row       */

enum {
    CASIA__FLOW_M = 0, CASIA__FLOW_X = 1, CASIA__FLOW_RM = 2, CASIA__FLOW_RX = 3
};

typedef struct casia__comtrade {
    casia_format layout;       /* COMTRADE_PLUS or COMTRADE_LEGACY */
    size_t nheader;            /* fields of the header */
    int year, period, month, freq;
    int rep_iso, rep_code, par_iso, par_code;
    int flow, flow_desc, cmd, value;
    int partner2, mot, customs;
    int last;                  /* the largest column index used */
    /* options */
    unsigned flows;            /* mask of 1 << CASIA__FLOW_* */
    casia_commodity commodity;
    unsigned char chapter_ok[100];
    int sum_months;            /* monthly rows allowed */
    int year_only;             /* the month is not wanted (the stream adds
                                  up every row of a year): the year column
                                  is enough when there is one */
    casia__codemap codes;
} casia__comtrade;

/* One row as read. */
typedef struct casia__trade_row {
    int flow;          /* CASIA__FLOW_* */
    int reporter;      /* registry indices */
    int partner;
    int year;
    int month;         /* 0 annual, 1..12 */
    int chapter;       /* -1 for TOTAL, else the HS chapter 0..99 */
    double value;      /* finite, >= 0 */
} casia__trade_row;

/* Sets the options part of ct (and its code map). EINVAL for bad
 * chapters (err set). */
int casia__comtrade_init(casia__comtrade *ct, const casia_import_options *opt,
                         casia_error *err);
void casia__comtrade_free(casia__comtrade *ct);

/*
 * Reads the columns from the header record c holds. CASIA_OK, or
 * CASIA_EFORMAT when the record is not a Comtrade header (err set, no
 * position: the caller knows what the file looks like).
 */
int casia__comtrade_header(casia__comtrade *ct, const casia__csv *c,
                           casia_error *err);

/* Copies the columns of a header read by another (the options stay). */
void casia__comtrade_copy_layout(casia__comtrade *dst, const casia__comtrade *src);

/* Whether the record c holds is a Comtrade header. */
int casia__comtrade_is_header(const casia__csv *c);

/*
 * Reads the data record c holds: 0 when it gives a value (row filled),
 * 1 when the options or the layout leave it out (another flow or
 * commodity, a breakdown by partner2, mode of transport or customs
 * procedure, a blank line), or a negative status with err set at the field
 * (CASIA_ESCHEMA, CASIA_ENOTFOUND; CASIA_EFORMAT for a monthly row when
 * months are not to be summed: that one is never skipped).
 */
int casia__comtrade_row(const casia__comtrade *ct, const casia__csv *c,
                        casia__trade_row *row, casia_error *err);

#endif /* CASIA_COMTRADE_H */
